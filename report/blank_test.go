package report_test

import (
	"regexp"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// The blank report parses back to the whole template: title, period, the
// six canonical parts with 总体情况's five aspects, and all 200 cells of the
// three tables placed, each a 0.
func TestBlankReportParsesBack(t *testing.T) {
	for _, format := range []string{"txt", "md"} {
		t.Run(format, func(t *testing.T) {
			text, err := report.BlankReport(2025, "某某市某某局", format)
			if err != nil {
				t.Fatal(err)
			}
			rep := grammar.Parse(grammar.NewSource("blank."+format, text))
			if rep.Title == nil || rep.Title.Year != 2025 || rep.Title.Body != "某某市某某局" {
				t.Errorf("title: %+v", rep.Title)
			}
			if p := rep.Period; p == nil || p.Start.Date != (grammar.Date{Year: 2025, Month: 1, Day: 1}) || p.End.Date != (grammar.Date{Year: 2025, Month: 12, Day: 31}) {
				t.Errorf("period: %+v", rep.Period)
			}
			if len(rep.Sections) != 6 {
				t.Fatalf("%d sections", len(rep.Sections))
			}
			for i, s := range rep.Sections {
				if s.Key != grammar.Sections[i].Key || !s.Heading.Canonical {
					t.Errorf("section %d: %s canonical %v", i+1, s.Key, s.Heading.Canonical)
				}
			}
			if n := len(rep.Section(grammar.SecGeneral).SubItems); n != 5 {
				t.Errorf("总体情况 has %d sub-items", n)
			}
			cells := 0
			for id := 1; id <= 3; id++ {
				tb := rep.Table(id)
				if tb == nil {
					t.Fatalf("table %d not found", id)
				}
				if len(tb.Problems) != 0 {
					t.Errorf("table %d problems: %+v", id, tb.Problems[0])
				}
				want := 0
				for _, r := range tb.Def.Rows {
					want += len(r.Cols)
				}
				got := tb.Cells()
				if len(got) != want {
					t.Errorf("table %d: %d of %d cells placed", id, len(got), want)
				}
				for _, c := range got {
					if v, ok := c.Number(); !ok || v != 0 {
						t.Errorf("table %d %s/%s = %q", id, c.Row.Key, c.Col.Key, c.Text)
					}
				}
				for _, l := range tb.Labels {
					if !l.Exact {
						t.Errorf("table %d label %q is not the template's", id, l.Text)
					}
				}
				cells += len(got)
			}
			if cells != 200 {
				t.Errorf("%d cells placed, want 200", cells)
			}
			if len(rep.Unplaced) != 0 {
				t.Errorf("unplaced: %+v", rep.Unplaced[0])
			}
		})
	}
}

// An unfilled blank report must not pass: every placeholder (【待填写…】,
// the ×× of the date) is a GD-W009 error at exactly its span, and there
// is no other finding.
func TestBlankReportFailsAtEveryPlaceholder(t *testing.T) {
	placeholder := regexp.MustCompile(`【[^】]*】|××月××日`)
	for _, format := range []string{"txt", "md"} {
		text, _ := report.BlankReport(2025, "某某县人民政府办公室", format)
		rep := grammar.Parse(grammar.NewSource("blank."+format, text))
		src, ds := rep.Source, lint.DefaultConfig().Check(rep, nil)
		found := map[grammar.Span]bool{}
		for _, d := range ds {
			if d.Rule != "GD-W009" || d.Severity != lint.Error {
				t.Errorf("%s: %s at line %d: %s (not a placeholder finding)", format, d.Rule, src.Line(d.Span.Start)+1, d.Message)
				continue
			}
			found[d.Span] = true
		}
		want := placeholder.FindAllStringIndex(text, -1)
		if len(want) != 11 {
			t.Fatalf("%s: %d placeholders in the blank report, want 11", format, len(want))
		}
		for _, m := range want {
			if sp := (grammar.Span{Start: m[0], End: m[1]}); !found[sp] {
				t.Errorf("%s: placeholder %q at line %d has no finding at its span", format, text[m[0]:m[1]], src.Line(m[0])+1)
			}
		}
		if len(found) != len(want) {
			t.Errorf("%s: %d findings for %d placeholders", format, len(found), len(want))
		}
	}
}

func TestBlankReportArguments(t *testing.T) {
	for _, bad := range []struct {
		year         int
		body, format string
	}{{1999, "某局", "txt"}, {2025, " ", "txt"}, {2025, "某局", "docx"}} {
		if _, err := report.BlankReport(bad.year, bad.body, bad.format); err == nil {
			t.Errorf("BlankReport(%d, %q, %q) accepted", bad.year, bad.body, bad.format)
		}
	}
}
