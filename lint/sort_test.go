package lint_test

import (
	"math/rand"
	"reflect"
	"sort"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// SortDiagnostics orders like a stable sort by DiagnosticLess: findings that
// tie keep their order (the message tells them apart here).
// Shapes: random; as a run emits them (each rule's findings in order, a
// run per rule, some out of order); sorted; reversed.
func TestSortDiagnosticsIsStable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n += 1 + n/4 {
		for shape := range 4 {
			for range 20 {
				ds := make([]lint.Diagnostic, n)
				span := 20
				if shape > 0 {
					span = 1 + rng.Intn(4*n+1)
				}
				for i := range ds {
					start := rng.Intn(span)
					ds[i] = lint.Diagnostic{Rule: []string{"GD-W004", "GD-A001", "GD-C001"}[rng.Intn(3)],
						Span: grammar.Span{Start: start, End: start + rng.Intn(3)}, Message: string(rune('a' + i%26)), MessageEN: string(rune(i))}
				}
				less := func(a, b *lint.Diagnostic) bool { return lint.DiagnosticLess(a, b) }
				switch shape {
				case 1:
					// runs of random lengths, each in order, with a few
					// findings moved within it
					for at := 0; at < n; {
						k := min(n-at, 1+rng.Intn(1+rng.Intn(20)))
						run := ds[at : at+k]
						sort.SliceStable(run, func(i, j int) bool { return less(&run[i], &run[j]) })
						if k > 1 && rng.Intn(4) == 0 {
							i, j := rng.Intn(k), rng.Intn(k)
							run[i], run[j] = run[j], run[i]
						}
						at += k
					}
				case 2:
					sort.SliceStable(ds, func(i, j int) bool { return less(&ds[i], &ds[j]) })
				case 3:
					sort.SliceStable(ds, func(i, j int) bool { return less(&ds[j], &ds[i]) })
				}
				want := make([]lint.Diagnostic, n)
				copy(want, ds)
				sort.SliceStable(want, func(i, j int) bool { return less(&want[i], &want[j]) })
				lint.SortDiagnostics(ds)
				if !reflect.DeepEqual(ds, want) {
					t.Fatalf("%d findings, shape %d: got %v, want %v", n, shape, ds, want)
				}
			}
		}
	}
}
