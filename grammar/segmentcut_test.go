package grammar

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refShortValueText is shortValueText as it was before the length and the
// digit were told first.
func refShortValueText(s string) bool {
	return utf8.RuneCountInString(s) <= 8 && containsDigit(s)
}

// shortValueText answers as refShortValueText on texts of every length
// about eight runes, of one to four bytes and invalid, with ASCII and
// full-width digits, 𠀀 and CRLF.
func TestShortValueTextAsCounted(t *testing.T) {
	pieces := []string{"0", "4", "１", "减", "增", "𠀀", "\xff", "\xef\xbc", "\r\n", " ", "a", "é", "（元）", "件"}
	rng := rand.New(rand.NewSource(37))
	short := 0
	for range 200000 {
		s := randomText(rng, pieces, rng.Intn(14))
		got, want := shortValueText(s), refShortValueText(s)
		if got != want {
			t.Fatalf("shortValueText(%q) = %v", s, got)
		}
		if got {
			short++
		}
	}
	if short < 10000 {
		t.Fatalf("only %d short value texts", short)
	}
}

// refValueRuns is valueRuns as it was before a run's values were given it
// once, at its end, not at each value.
func refValueRuns(lx *lexer, ss *segments) []valueRun {
	runs := ss.runs[:0]
	var cur *valueRun
	vals, n, run := ss.vals, 0, 0
	for i := range lx.toks {
		tk := &lx.toks[i]
		if tk.isValue() || tk.kind == tokText && tk.whole && refShortValueText(tk.text) {
			if cur == nil {
				runs = append(runs, valueRun{before: i - 1})
				cur = &runs[len(runs)-1]
				run = n
			}
			vals[n] = tk
			n++
			cur.vals = vals[run:n:n]
			continue
		}
		cur = nil
	}
	ss.runs, ss.n = runs, n
	for k := range runs {
		r := &runs[k]
		if r.before >= 0 {
			hl := lx.toks[r.before].line
			for len(r.vals) > 0 && r.vals[0].kind == tokEmpty && r.vals[0].line == hl {
				r.vals = r.vals[1:]
			}
		}
	}
	return runs
}

// valueRuns cuts the tokens of every table of the real and broken reports
// (LF and CRLF), by every template, into the runs refValueRuns cuts.
func TestValueRunsAsEachValueGiven(t *testing.T) {
	runs := 0
	for _, text := range brokenTexts(t, 3) {
		for _, text := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
			p := parserBeforeTables(text)
			for id := 1; id <= 3; id++ {
				a, b, ok := p.tableRegion(id)
				if !ok {
					continue
				}
				for _, def := range tableDefs {
					lx := p.lexRegion(def, a, b)
					lx.releaseTrailingText()
					ssGot, ssWant := getSegments(len(lx.toks), 0), getSegments(len(lx.toks), 0)
					got, want := valueRuns(lx, ssGot), refValueRuns(lx, ssWant)
					if len(got) != len(want) || ssGot.n != ssWant.n {
						t.Fatalf("%d runs of %d values, each value given %d of %d", len(got), ssGot.n, len(want), ssWant.n)
					}
					for k := range got {
						if got[k].before != want[k].before || !slices.Equal(got[k].vals, want[k].vals) || cap(got[k].vals) != cap(want[k].vals) {
							t.Fatalf("run %d: %+v, each value given %+v", k, got[k], want[k])
						}
					}
					runs += len(got)
					ssGot.release()
					ssWant.release()
					p.releaseLexers()
				}
			}
		}
	}
	if runs < 10000 {
		t.Fatalf("only %d runs", runs)
	}
}
