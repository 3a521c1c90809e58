package grammar

import (
	"math/rand"
	"testing"
)

// TestEditDistanceBand: the banded editDistance answers as the whole table
// (editDistanceFull, the code it replaced) for every max its callers use:
// the same distance when that is at most max, a value above max when not.
func TestEditDistanceBand(t *testing.T) {
	check := func(a, b []rune, max int) {
		t.Helper()
		got, want := editDistance(a, b, max), editDistanceFull(a, b, max)
		if want <= max && got != want || want > max && got <= max {
			t.Fatalf("editDistance(%q, %q, %d) = %d, whole table %d", string(a), string(b), max, got, want)
		}
	}
	// the real comparisons: every part's name against the keys of the real
	// lines (whole, and cut to the name's length) and every name against
	// every other, cut at every length
	var names [][]rune
	for _, k := range sectionKeys() {
		names = append(names, k.nameRunes)
		for _, v := range k.variants {
			names = append(names, []rune(v))
		}
	}
	for _, a := range names {
		for _, b := range names {
			for max := 0; max <= 8; max++ {
				check(a, b, max)
				for n := 0; n <= len(a); n++ {
					check(a[:n], b, max)
				}
			}
		}
	}
	for _, ln := range realLines(t) {
		k := []rune(LabelKey(ln))
		for _, name := range names {
			for max := 1; max <= 3; max++ {
				check(k, name, max)
				if n := len(name); n <= len(k) {
					check(k[:n], name, max)
				}
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	alpha := []rune("政府信息公开情况ab一二")
	gen := func() []rune {
		n := rng.Intn(20)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alpha[rng.Intn(rng.Intn(len(alpha))+1)]
		}
		return rs
	}
	for range 300000 {
		a := gen()
		b := gen()
		if rng.Intn(2) == 0 { // b an edit or two away from a
			b = append([]rune(nil), a...)
			for range rng.Intn(4) {
				if len(b) > 0 {
					k := rng.Intn(len(b))
					switch rng.Intn(3) {
					case 0:
						b[k] = alpha[rng.Intn(len(alpha))]
					case 1:
						b = append(b[:k], b[k+1:]...)
					default:
						b = append(b[:k], append([]rune{alpha[rng.Intn(len(alpha))]}, b[k:]...)...)
					}
				}
			}
		}
		check(a, b, rng.Intn(9))
	}
}
