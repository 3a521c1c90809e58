package grammar

import (
	"strconv"
	"strings"
	"testing"
)

// referenceSplits enumerates, the slow obvious way, every way to cut the
// digit runs into exactly n parts of 1 to 7 digits without a leading zero
// ("0" itself is fine), keeping those that pass check.
func referenceSplits(runs []string, n int, check func([]float64) bool) [][]string {
	var out [][]string
	var rec func(ri int, rest string, cur []string)
	rec = func(ri int, rest string, cur []string) {
		if len(cur) > n {
			return
		}
		if rest == "" {
			if ri+1 < len(runs) {
				rec(ri+1, runs[ri+1], cur)
				return
			}
			if len(cur) != n {
				return
			}
			if check != nil {
				vals := make([]float64, len(cur))
				for i, p := range cur {
					vals[i], _ = strconv.ParseFloat(p, 64)
				}
				if !check(vals) {
					return
				}
			}
			out = append(out, append([]string(nil), cur...))
			return
		}
		for k := 1; k <= len(rest) && k <= 7; k++ {
			if k > 1 && rest[0] == '0' {
				break
			}
			rec(ri, rest[k:], append(cur, rest[:k]))
		}
	}
	rec(0, runs[0], nil)
	return out
}

func digitsOnly(s string, max int) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' && b.Len() < max {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzSplitDigits: the glued-digit splitter finds exactly the splits a brute
// force finds (up to its limit), each part covers its own digits in order,
// and it never reports a split that fails the row's arithmetic.
//
//	go test ./grammar -run '^$' -fuzz FuzzSplitDigits -fuzztime 2m
func FuzzSplitDigits(f *testing.F) {
	f.Add("640020470", "", uint8(7), true)   // 64|0|0|2|0|4|70, the only balancing split
	f.Add("270020130", "", uint8(7), true)   // two balancing splits
	f.Add("3018", "", uint8(3), false)       // 3|0|18 or 30|1|8
	f.Add("1000100000", "1", uint8(7), true) // a glued run then a separate cell
	f.Add("0000000", "", uint8(7), true)
	f.Fuzz(func(t *testing.T, a, b string, n8 uint8, useCheck bool) {
		a, b = digitsOnly(a, 14), digitsOnly(b, 6)
		n := int(n8%10) + 1
		if a == "" {
			return
		}
		runs := []string{a}
		text := a
		atoms := []*token{{kind: tokNumber, start: 0, end: len(a), text: a, digits: true}}
		if b != "" {
			runs = append(runs, b)
			text = a + " " + b
			atoms = append(atoms, &token{kind: tokNumber, start: len(a) + 1, end: len(text), text: b, digits: true})
		}
		var check func([]float64) bool
		if useCheck {
			check = func(v []float64) bool {
				s := 0.0
				for _, x := range v[:len(v)-1] {
					s += x
				}
				return s == v[len(v)-1]
			}
		}
		const limit = 3
		sols, over := splitDigits(text, atoms, n, check, limit)
		if over {
			return // budget exhausted: the caller reports the row as unreadable
		}
		want := referenceSplits(runs, n, check)
		if len(want) <= limit && len(sols) != len(want) || len(want) > limit && len(sols) != limit {
			t.Fatalf("%q %q into %d: %d splits, brute force finds %d (%v)", a, b, n, len(sols), len(want), want)
		}
		wantSet := map[string]bool{}
		for _, w := range want {
			wantSet[strings.Join(w, "|")] = true
		}
		for _, sol := range sols {
			if len(sol) != n {
				t.Fatalf("split into %d parts, want %d", len(sol), n)
			}
			var parts []string
			for i, tk := range sol {
				if tk.start < 0 || tk.end > len(text) || tk.start >= tk.end || text[tk.start:tk.end] != tk.text {
					t.Fatalf("part %d %q has span [%d,%d) of %q", i, tk.text, tk.start, tk.end, text)
				}
				if i > 0 && tk.start < sol[i-1].end {
					t.Fatalf("parts overlap or go backwards: %v", parts)
				}
				parts = append(parts, tk.text)
			}
			if !wantSet[strings.Join(parts, "|")] {
				t.Fatalf("%q %q into %d: split %v is not a valid split (valid: %v)", a, b, n, parts, want)
			}
		}
	})
}
