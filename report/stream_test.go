package report

import (
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func TestCrossYearLast(t *testing.T) {
	d := func(rule string, at int) lint.Diagnostic {
		return lint.Diagnostic{Rule: rule, Span: grammar.Span{Start: at, End: at + 1}}
	}
	a := &lint.FileResult{Path: "a", Diagnostics: []lint.Diagnostic{d("GD-W004", 1), d("GD-Y001", 2), d("GD-A001", 3)}}
	b := &lint.FileResult{Path: "b", Diagnostics: []lint.Diagnostic{d("GD-Y005", 0)}}
	c := &lint.FileResult{Path: "c", Diagnostics: []lint.Diagnostic{d("GD-S001", 0)}}
	got := CrossYearLast([]*lint.FileResult{a, b, c})
	var seq []string
	for _, r := range got {
		for _, x := range r.Diagnostics {
			seq = append(seq, r.Path+":"+x.Rule)
		}
	}
	want := []string{"a:GD-W004", "a:GD-A001", "c:GD-S001", "a:GD-Y001", "b:GD-Y005"}
	if len(seq) != len(want) {
		t.Fatalf("got %v, want %v", seq, want)
	}
	for i := range want {
		if seq[i] != want[i] {
			t.Fatalf("got %v, want %v", seq, want)
		}
	}
	if len(a.Diagnostics) != 3 {
		t.Error("the caller's result was changed")
	}
}
