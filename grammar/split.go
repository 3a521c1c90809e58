package grammar

import (
	"strings"
	"unicode/utf8"
)

// splitBudget bounds the search for splits of glued digits.
const splitBudget = 1 << 20

// digitPos is the byte range of one digit in the text.
type digitPos struct{ start, end int }

// digitSplitter is the state of one splitDigits search.
type digitSplitter struct {
	text     string
	atoms    []*token
	n        int
	check    func([]float64) bool
	limit    int
	runs     [][]digitPos // the digits of each glued atom, nil for a whole one
	maxParts []int        // suffix sums of the most parts each atom can give
	steps    int
	cur      []*token
	seen     [][]float64
	sols     [][]*token
	over     bool
}

// splitDigits separates glued digit runs ("640020470") into exactly n values.
// Atoms that are not glued digit runs stay whole. A part is a number without
// a leading zero ("0" itself is fine). It returns the distinct solutions that
// pass check (at most limit of them), and over when the search ran out of
// budget.
func splitDigits(text string, atoms []*token, n int, check func([]float64) bool, limit int) (sols [][]*token, over bool) {
	s := &digitSplitter{text: text, atoms: atoms, n: n, check: check, limit: limit,
		runs: make([][]digitPos, len(atoms)), maxParts: make([]int, len(atoms)+1), cur: make([]*token, 0, n)}
	for i, a := range atoms {
		if a.kind == tokNumber && a.digits && !a.whole {
			for j := a.start; j < a.end; {
				r, w := utf8.DecodeRuneInString(text[j:a.end])
				if r == '-' || r == '－' {
					// the sign belongs to the first part: one "digit" with it
					_, w2 := utf8.DecodeRuneInString(text[j+w : a.end])
					w += w2
				}
				s.runs[i] = append(s.runs[i], digitPos{j, j + w})
				j += w
			}
		}
	}
	for i := len(atoms) - 1; i >= 0; i-- {
		m := 1
		if s.runs[i] != nil {
			m = len(s.runs[i])
		}
		s.maxParts[i] = s.maxParts[i+1] + m
	}
	s.atom(0)
	return s.sols, s.over
}

// tick counts a search step; false when the budget is spent.
func (s *digitSplitter) tick() bool {
	s.steps++
	if s.steps > splitBudget {
		s.over = true
		return false
	}
	return true
}

// atom places atoms[ai:] after s.cur; false stops the search.
func (s *digitSplitter) atom(ai int) bool {
	if !s.tick() {
		return false
	}
	left := len(s.atoms) - ai
	if len(s.cur)+left > s.n || len(s.cur)+s.maxParts[ai] < s.n {
		return true
	}
	if ai == len(s.atoms) {
		return s.solution()
	}
	if s.runs[ai] == nil {
		s.cur = append(s.cur, s.atoms[ai])
		ok := s.atom(ai + 1)
		s.cur = s.cur[:len(s.cur)-1]
		return ok
	}
	return s.part(ai, 0)
}

// solution records s.cur when it passes the check and is new.
func (s *digitSplitter) solution() bool {
	vals := values(s.cur)
	if s.check != nil && !s.check(vals) {
		return true
	}
	for _, old := range s.seen {
		if equalFloats(old, vals) {
			return true
		}
	}
	s.seen = append(s.seen, vals)
	s.sols = append(s.sols, append([]*token(nil), s.cur...))
	return len(s.sols) < s.limit
}

// part cuts the digits of atoms[ai] from index from on into numbers of at
// most seven digits.
func (s *digitSplitter) part(ai, from int) bool {
	ds := s.runs[ai]
	if from == len(ds) {
		return s.atom(ai + 1)
	}
	if !s.tick() {
		return false
	}
	need, rem := s.n-len(s.cur), len(ds)-from
	if (rem+6)/7+len(s.atoms)-ai-1 > need || rem+s.maxParts[ai+1] < need {
		return true
	}
	text := s.text
	for to := from + 1; to <= len(ds) && to-from <= 7; to++ {
		if to-from > 1 && leadingZero(text[ds[from].start:ds[from].end]) {
			break // no leading zero
		}
		tk := &token{kind: tokNumber, start: ds[from].start, end: ds[to-1].end,
			text: text[ds[from].start:ds[to-1].end], line: s.atoms[ai].line, digits: true}
		s.cur = append(s.cur, tk)
		ok := s.part(ai, to)
		s.cur = s.cur[:len(s.cur)-1]
		if !ok {
			return false
		}
	}
	return true
}

// leadingZero: the first digit of a part is 0 (after a sign).
func leadingZero(d string) bool {
	d = strings.TrimLeft(d, "-－")
	return d == "0" || d == "０"
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
