package report

import (
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// TestReach: the farthest end among the findings' spans and their fixes'
// edits, whichever holds it.
func TestReach(t *testing.T) {
	edit := func(start, end int) lint.Fix {
		return lint.Fix{Edits: []lint.Edit{{Span: grammar.Span{Start: 0, End: 1}}, {Span: grammar.Span{Start: start, End: end}}}}
	}
	for _, c := range []struct {
		ds   []lint.Diagnostic
		want int
	}{
		{nil, 0},
		{[]lint.Diagnostic{{Span: grammar.Span{Start: 3, End: 9}}, {Span: grammar.Span{Start: 1, End: 4}}}, 9},
		{[]lint.Diagnostic{{Span: grammar.Span{Start: 3, End: 9}, Fixes: []lint.Fix{{}, edit(20, 20)}}}, 20},
		{[]lint.Diagnostic{{Span: grammar.Span{Start: 3, End: 9}}, {Span: grammar.Span{Start: 5, End: 6}, Fixes: []lint.Fix{edit(7, 31)}}}, 31},
	} {
		if got := Reach(c.ds); got != c.want {
			t.Errorf("Reach(%+v) = %d, want %d", c.ds, got, c.want)
		}
	}
}
