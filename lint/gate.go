package lint

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
)

// Gate is the one decision whether a document is an annual report. The
// rules that only make sense on a report (a missing title, missing parts, a
// missing statistics period) read it from Context.Gate instead of deciding
// for themselves, GD-S010 says so when it is negative, and editors publish
// nothing else on such a document.
type Gate struct {
	Annual bool
	// Why and WhyEN say what was missing when Annual is false; Unchecked
	// and UncheckedEN name the checks the gate switched off.
	Why, WhyEN             string
	Unchecked, UncheckedEN string
	// Span is where a finding about the whole document points: the title,
	// else the first line with text; empty when the document has none.
	Span grammar.Span
	// Unrelated is set when nothing suggests a report was meant: no title,
	// no part heading, no mention of 信息公开 or 年度报告. An editor shows
	// nothing on such a file (a README, notes), not even GD-S010.
	Unrelated bool
}

// NotAReportRule is the rule that reports a closed gate.
const NotAReportRule = "GD-S010"

// JudgeReport decides whether rep is an annual report by the parser's
// criterion (grammar.Report.IsAnnualReport: a title with a year, or at least
// three of the template's part headings), and says why not.
func JudgeReport(rep *grammar.Report) Gate {
	g := Gate{Span: DocumentAnchor(rep)}
	if rep.IsAnnualReport() {
		g.Annual = true
		return g
	}
	parts := rep.PartCount()
	g.Unrelated = rep.Title == nil && parts == 0 &&
		!strings.Contains(rep.Source.Text, "信息公开") && !strings.Contains(rep.Source.Text, "年度报告")
	title, titleEN := "找不到报告标题", "no title was found"
	off, offEN := "是否缺少标题", "whether the title is missing"
	if rep.Title != nil {
		title = fmt.Sprintf("标题“%s”中没有年份", rep.Title.Text)
		titleEN = fmt.Sprintf("the title “%s” has no year", rep.Title.Text)
		off, offEN = "", ""
		if parts == 0 {
			off, offEN = "是否缺少全部六个部分", "whether all six parts are missing"
		}
	}
	g.Unchecked, g.UncheckedEN = "是否说明了统计期限", "whether the statistics period is stated"
	if off != "" {
		g.Unchecked, g.UncheckedEN = off+"、"+g.Unchecked, offEN+" and "+g.UncheckedEN
	}
	g.Why = fmt.Sprintf("%s，模板规定的部分标题只找到 %d 个，至少要有 %d 个", title, parts, grammar.MinReportParts)
	g.WhyEN = fmt.Sprintf("%s, and only %d of the template's part headings were found, not the %d needed", titleEN, parts, grammar.MinReportParts)
	return g
}

// DocumentAnchor is where a finding about the document as a whole points:
// its title, else its first line with text (without the indent and trailing
// blanks), else the empty span at the start.
func DocumentAnchor(rep *grammar.Report) grammar.Span {
	if rep.Title != nil {
		return rep.Title.Span
	}
	src := rep.Source
	for l := 0; l < src.LineCount(); l++ {
		a, b := src.LineStart(l), src.LineEnd(l)
		line := src.Text[a:b]
		trimmed := strings.TrimLeft(line, " \t\u3000")
		if trimmed == "" {
			continue
		}
		a += len(line) - len(trimmed)
		return grammar.Span{Start: a, End: a + len(strings.TrimRight(trimmed, " \t\u3000"))}
	}
	return grammar.Span{}
}
