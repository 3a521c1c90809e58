package grammar_test

// Regression tests of parser bugs found while writing the grammar test
// suite; each names the input, what is expected and what the parser gave.

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/reportcheck"
)

// A Word bookmark before the title is residue, yet it stays in the title
// text and the body name.
func TestBookmarkNotInTitle(t *testing.T) {
	text := "[bookmark: _GoBack]北川县林业局2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
	rep := grammar.Parse(grammar.NewSource("report.txt", text))
	if rep.Title == nil {
		t.Fatal("no title")
	}
	if strings.Contains(rep.Title.Text, "bookmark") || strings.Contains(rep.Title.Body, "bookmark") {
		t.Errorf("title %q, body %q: want the bookmark left out (title 北川县林业局2024年…报告, body 北川县林业局)",
			rep.Title.Text, rep.Title.Body)
	}
}

// In a tab-separated table 三 whose row is short of a value, the empty layout
// cells of the merged group columns on the next line (or the empty cell
// after a label that spans two columns) are taken as the row's missing cell:
// the row is "complete", its total lands in 其他 and 总计 becomes a blank
// taken from another line, with no doubt and no problem.
func TestShortRowNotFilledWithLayoutBlanks(t *testing.T) {
	_, in := readGolden(t, "../testdata/grammar/tab.txtar")
	cases := []struct {
		name, old, new, row string
	}{
		{"next line's group columns", "\t\t2.重复申请\t2\t0\t0\t0\t0\t0\t2\n", "\t\t2.重复申请\t2\t0\t0\t0\t0\t2\n", "reject.repeat"},
		{"blank after a two-column label", "二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t1\t0\t3\n", "二、上年结转政府信息公开申请数量\t\t2\t0\t0\t1\t0\t3\n", grammar.RowCarried},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(in.text, c.old) {
				t.Fatalf("golden changed: %q not found", c.old)
			}
			text := strings.Replace(in.text, c.old, c.new, 1)
			rep := grammar.Parse(grammar.NewSource("report.txt", text))
			t2 := rep.Table(grammar.TableRequests)
			var problem bool
			for _, p := range t2.Problems {
				if p.Row != nil && p.Row.Key == c.row {
					problem = true
				}
			}
			if problem {
				return
			}
			var got []string
			for _, cell := range t2.Row(c.row).Cells {
				if cell == nil {
					got = append(got, "nil")
					continue
				}
				if cell.Doubt != "" {
					return // placed but flagged: acceptable
				}
				p := rep.Source.CharPos(cell.Span.Start)
				got = append(got, cell.Col.Label+"="+cell.Text+"@"+strconv.Itoa(p.Line+1)+":"+strconv.Itoa(p.Col+1))
			}
			t.Errorf("row %s has 6 of 7 values; want a missing-values problem (or flagged cells), got cells %v", c.row, got)
		})
	}
}

// A file just under the size limit made of report-like lines parses: the
// 50 MB case of the issue must end with a report or a clear error, and in
// time proportional to its size (measured by the benchmarks, not here).
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB parse skipped in -short mode")
	}
	raw := bigReport(50 << 20)
	if len(raw) > input.MaxSourceSize {
		t.Fatalf("generated %d bytes, over MaxSourceSize", len(raw))
	}
	rep, err := input.Parse("big.txt", raw)
	if err != nil {
		if !errors.Is(err, input.ErrTooLarge) {
			t.Fatalf("error = %v, want a report or ErrTooLarge", err)
		}
		return
	}
	if len(rep.Sections) < 6 {
		t.Errorf("%d sections in a 50 MB report built from whole reports", len(rep.Sections))
	}
	if errs := reportcheck.SpanErrors(rep); len(errs) > 0 {
		t.Errorf("%d bad spans, first: %s", len(errs), errs[0])
	}
}

// A report in traditional characters is read through a simplified copy: its
// parts and tables are found, and the texts it gives back are the user's.
func TestTraditionalCharacters(t *testing.T) {
	data, err := os.ReadFile("../testdata/crawler/c04-traditional.txt")
	if err != nil {
		t.Fatal(err)
	}
	rep := grammar.Parse(grammar.NewSource("report.txt", string(data)))
	if !rep.Traditional || len(rep.Sections) != 6 {
		t.Fatalf("traditional %v, %d parts; want true, 6", rep.Traditional, len(rep.Sections))
	}
	if rep.Title == nil || rep.Title.Text != "青川市生態環境局2024年政府信息公開工作年度報告" {
		t.Errorf("title %+v, want the user's text 青川市生態環境局2024年政府信息公開工作年度報告", rep.Title)
	}
	if h := rep.Sections[0].Heading; h.Text != "總體情況" || !h.Canonical {
		t.Errorf("first part %q canonical %v, want 總體情況, canonical", h.Text, h.Canonical)
	}
	tb := rep.Table(grammar.TableRequests)
	if tb == nil {
		t.Fatal("no table 三")
	}
	if c := tb.Cell(grammar.RowNew, grammar.ColTotal); c == nil || c.Value != 35 {
		t.Errorf("一、本年新收 总计 = %+v, want 35", c)
	}
	if r := tb.Row(grammar.RowNew); r.Label == nil || r.Label.Text != "一、本年新收政府信息公開申請數量" {
		t.Errorf("row label %+v, want the user's 一、本年新收政府信息公開申請數量", r.Label)
	}
}
