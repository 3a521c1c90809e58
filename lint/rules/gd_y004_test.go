package rules

import (
	"fmt"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// TestDuplicateYearWordsAsFormatted: the concatenated messages are the
// ones fmt.Sprintf wrote before.
func TestDuplicateYearWordsAsFormatted(t *testing.T) {
	for _, c := range []struct {
		body        string
		first, year int
		path        string
	}{
		{"甲市交通运输局", 2023, 2023, "a/2023.txt"},
		{"", 0, -1, ""},
		{"100%局 %d", 1999, 20001, "路径/𠀀 %s.pdf"},
	} {
		first := YearReport{Path: c.path, Year: c.first, Anchor: grammar.Span{Start: 1, End: 5}}
		dup := YearReport{Path: "dup.txt", Year: c.year, Anchor: grammar.Span{Start: 2, End: 6}}
		o := CheckDuplicateYear(c.body, first, dup, lint.Warning)
		want := []string{
			fmt.Sprintf("%s %d 年度已有报告 %s；跨年度比较只使用前者", c.body, dup.Year, first.Path),
			fmt.Sprintf("%s already has a %d report, %s; the cross-year checks use that one", c.body, dup.Year, first.Path),
			fmt.Sprintf("同一机关 %d 年度有多份报告：另见 %s", dup.Year, first.Path),
			fmt.Sprintf("the same body has more than one report for %d: see also %s", dup.Year, first.Path),
			fmt.Sprintf("%d 年度的另一份报告", first.Year),
		}
		d := o.Diagnostics[0]
		got := []string{o.Message, o.MessageEN, d.Message, d.MessageEN, d.Related[0].Message}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%q: message %d is %q, want %q", c.body, i, got[i], want[i])
			}
		}
		if d.Span != dup.Anchor || d.Related[0].Span != first.Anchor || d.Related[0].Path != first.Path || d.Severity != lint.Warning {
			t.Errorf("%q: finding %+v", c.body, d)
		}
	}
}
