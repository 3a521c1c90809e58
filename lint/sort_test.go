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
func TestSortDiagnosticsIsStable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n += 1 + n/4 {
		ds := make([]lint.Diagnostic, n)
		for i := range ds {
			start := rng.Intn(20)
			ds[i] = lint.Diagnostic{Rule: []string{"GD-W004", "GD-A001", "GD-C001"}[rng.Intn(3)],
				Span: grammar.Span{Start: start, End: start + rng.Intn(3)}, Message: string(rune('a' + i%26)), MessageEN: string(rune(i))}
		}
		want := make([]lint.Diagnostic, n)
		copy(want, ds)
		sort.SliceStable(want, func(i, j int) bool { return lint.DiagnosticLess(&want[i], &want[j]) })
		lint.SortDiagnostics(ds)
		if !reflect.DeepEqual(ds, want) {
			t.Fatalf("%d findings: got %v, want %v", n, ds, want)
		}
	}
}
