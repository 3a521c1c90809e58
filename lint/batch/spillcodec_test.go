package batch

import (
	"reflect"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Findings come back from the store as they went in, nil and empty slices
// apart, and a damaged record is an error, not findings.
func TestFindingsCodecRoundTrip(t *testing.T) {
	ds := []lint.Diagnostic{
		{Rule: "GD-T001", Severity: lint.Error, Span: grammar.Span{Start: 3, End: 70000}, Message: "表格“二”合计 12 ≠ 13", MessageEN: "total",
			Fixes: []lint.Fix{{Title: "改为 13", TitleEN: "use 13", Edits: []lint.Edit{{Span: grammar.Span{Start: 5, End: 7}, NewText: "13"}}, Applicability: lint.Unsafe},
				{Title: "空", Edits: []lint.Edit{}}},
			Related: []lint.Related{{Span: grammar.Span{Start: 1, End: 2}, Message: "上年", Path: "2022.txt"}, {}}},
		{Rule: "GD-W002", Severity: lint.Info, Fixes: []lint.Fix{}, Related: []lint.Related{}},
		{Rule: "GD-S001", Severity: lint.Warning, Span: grammar.Span{Start: -1, End: -1}},
	}
	b := appendDiagnostics(nil, ds)
	got, err := decodeDiagnostics(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ds) {
		t.Errorf("read back:\n%#v\nwant\n%#v", got, ds)
	}
	for _, n := range []int{0, 1, len(b) / 2, len(b) - 1} {
		if got, err := decodeDiagnostics(b[:n]); err == nil {
			t.Errorf("cut to %d bytes: no error, %d findings", n, len(got))
		}
	}
	if _, err := decodeDiagnostics(append(b[:len(b):len(b)], 0)); err == nil {
		t.Error("a trailing byte: no error")
	}
}
