package batchreport

import (
	"bytes"
	"testing"

	"github.com/gdlint/gdlint/lint"
)

// appendFindings writes what the report's encoder would for its findings:
// quoting of control characters, invalid UTF-8, U+2028, <, > and &, empty
// and several related locations, no findings at all.
func TestAppendFindingsMatchesEncodingJSON(t *testing.T) {
	cases := [][]jsonFinding{
		{},
		{{Rule: "GD-T001", Family: "tables", Severity: lint.Error, Message: "合计 <12> & \"13\"\n\t\b\f\x01", MessageEN: "bad \xff utf-8 \u2028\u2029",
			Line: 3, Column: 5, EndLine: 3, EndColumn: 9, Offset: 40, EndOffset: 52, Text: `a\b`, Fixes: 2, Related: []jsonRelated{}},
			{Rule: "GD-Y001", Family: "years", Severity: lint.Info, Related: []jsonRelated{
				{Path: "甲/2022.txt", Line: 1, Column: 2, Message: "上年"}, {Path: "", Line: -1, Column: 0, Message: "\x7f"}}},
			{Rule: "GD-W002", Severity: lint.Warning, Related: []jsonRelated{}}},
	}
	for _, fs := range cases {
		var want bytes.Buffer
		if err := newJSONEncoder(&want, "    ").Encode(struct {
			Diagnostics []jsonFinding `json:"diagnostics"`
		}{fs}); err != nil {
			t.Fatal(err)
		}
		got := "{\n      \"diagnostics\": " + string(appendFindings(nil, fs)) + "\n    }\n"
		if got != want.String() {
			t.Errorf("appendFindings:\n%s\nencoding/json:\n%s", got, want.String())
		}
	}
}
