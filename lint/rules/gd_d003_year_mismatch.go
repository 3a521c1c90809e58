package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D003", Name: "year-mismatch", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:   "标题年份与统计期限年份不一致",
		SummaryEN: "the title year and the statistics period year disagree",
		Explanation: `标题“Y年政府信息公开工作年度报告”的年份与统计期限的年份必须相同。
不一致多是沿用了上一年的报告而没有改全。

依据：《政府信息公开条例》第四十九条；spec §6（“mismatched years between title, period statement and body”）。`,
		ExplanationEN: `The year in the title “Y年政府信息公开工作年度报告” and the year of the statistics period must be the same. A mismatch
usually means that last year's report was reused and not fully updated.

Basis: Article 49 of the 《政府信息公开条例》; spec §6 (“mismatched years between title, period statement and body”).`,
		Check: checkYearMismatch,
	})
}

func checkYearMismatch(c *lint.Context) {
	r := c.Report
	if r.Title == nil || r.Title.Year == 0 || !periodStatement(r) {
		return
	}
	ty, py := r.Title.Year, r.Period.Start.Year
	if ty == py {
		return
	}
	sp := r.Period.Start.Span
	sp.End = sp.Start + 4 // the year digits
	d := lint.Diagnostic{Span: sp,
		Message:   fmt.Sprintf("统计期限的年份%d与标题年份%d不一致", py, ty),
		MessageEN: fmt.Sprintf("the statistics period year %d differs from the title year %d", py, ty),
		Related:   []lint.Related{{Span: r.Title.YearSpan, Message: fmt.Sprintf("标题年份%d", ty)}},
	}
	c.Emit(d)
}
