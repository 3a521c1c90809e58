package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D006", Name: "dated-before-year-end", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:   "发布日期或落款日期早于报告年度结束",
		SummaryEN: "the publication or signature date is before the report year ended",
		Explanation: `年度报告总结的是已经结束的年度，发布日期和落款日期应在报告年度的次年（Y+1年1月1日以后）。
早于这个日期多是年份写错（把“2025年1月20日”写成“2024年1月20日”）。

依据：《政府信息公开条例》第四十九条（公布“上一年度”的年度报告）；spec §6。`,
		ExplanationEN: `An annual report sums up a year that has ended, so its publication and signature dates should fall in the year after the
report year (on or after 1 January of Y+1). An earlier date is usually a wrong year (“2024年1月20日” written for
“2025年1月20日”).

Basis: Article 49 of the 《政府信息公开条例》 (publish the annual report of the “上一年度”); spec §6.`,
		Check: checkDatedBeforeYearEnd,
	})
}

func checkDatedBeforeYearEnd(c *lint.Context) {
	r := c.Report
	y := reportYear(r)
	if y == 0 {
		return
	}
	for _, d := range reportDates(r) {
		if !d.Valid() || d.Year > y {
			continue
		}
		kind, kindEN := dateKind(r, d)
		c.Emitf(d.Span,
			fmt.Sprintf("%s%s早于报告年度（%d年）结束：年度报告应在%d年发布", kind, zhDate(d.Date), y, y+1),
			fmt.Sprintf("the %s %s is before the report year %d ended; the report is published in %d", kindEN, d.Date, y, y+1))
	}
}
