package grammar

import "unicode/utf8"

// splitBudget bounds the search for splits of glued digits.
const splitBudget = 1 << 20

// splitDigits separates glued digit runs ("640020470") into exactly n values.
// Atoms that are not glued digit runs stay whole. A part is a number without
// a leading zero ("0" itself is fine). It returns the distinct solutions that
// pass check (at most limit of them), and over when the search ran out of
// budget.
func splitDigits(text string, atoms []*token, n int, check func([]float64) bool, limit int) (sols [][]*token, over bool) {
	type digit struct{ start, end int }
	runs := make([][]digit, len(atoms))
	maxParts := make([]int, len(atoms)+1) // suffix sums
	for i, a := range atoms {
		if a.kind == tokNumber && a.digits && !a.whole {
			for j := a.start; j < a.end; {
				_, w := utf8.DecodeRuneInString(text[j:a.end])
				runs[i] = append(runs[i], digit{j, j + w})
				j += w
			}
		}
	}
	for i := len(atoms) - 1; i >= 0; i-- {
		m := 1
		if runs[i] != nil {
			m = len(runs[i])
		}
		maxParts[i] = maxParts[i+1] + m
	}
	steps := 0
	cur := make([]*token, 0, n)
	var seen [][]float64
	var rec func(ai int) bool
	rec = func(ai int) bool {
		steps++
		if steps > splitBudget {
			over = true
			return false
		}
		left := len(atoms) - ai
		if len(cur)+left > n || len(cur)+maxParts[ai] < n {
			return true
		}
		if ai == len(atoms) {
			vals := values(cur)
			if check != nil && !check(vals) {
				return true
			}
			for _, s := range seen {
				if equalFloats(s, vals) {
					return true
				}
			}
			seen = append(seen, vals)
			sols = append(sols, append([]*token(nil), cur...))
			return len(sols) < limit
		}
		a := atoms[ai]
		if runs[ai] == nil {
			cur = append(cur, a)
			ok := rec(ai + 1)
			cur = cur[:len(cur)-1]
			return ok
		}
		ds := runs[ai]
		var part func(from int) bool
		part = func(from int) bool {
			if from == len(ds) {
				return rec(ai + 1)
			}
			steps++
			if steps > splitBudget {
				over = true
				return false
			}
			need, rem := n-len(cur), len(ds)-from
			if (rem+6)/7+len(atoms)-ai-1 > need || rem+maxParts[ai+1] < need {
				return true
			}
			for to := from + 1; to <= len(ds) && to-from <= 7; to++ {
				if to-from > 1 && (text[ds[from].start] == '0' || text[ds[from].start:ds[from].end] == "０") {
					break // no leading zero
				}
				tk := &token{kind: tokNumber, start: ds[from].start, end: ds[to-1].end,
					text: text[ds[from].start:ds[to-1].end], line: a.line, digits: true}
				cur = append(cur, tk)
				ok := part(to)
				cur = cur[:len(cur)-1]
				if !ok {
					return false
				}
			}
			return true
		}
		return part(0)
	}
	rec(0)
	return sols, over
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
