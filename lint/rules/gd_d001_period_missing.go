package rules

import (
	"strconv"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D001", Name: "period-missing", Family: lint.FamilyDates, Severity: lint.Warning,
		Summary:   "没有说明统计期限（“所列数据的统计期限为Y年1月1日至12月31日”）",
		SummaryEN: "the statistics period is not stated",
		Explanation: `报告应说明所列数据的统计期限，通常在开头一段：“本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止”。

依据：《政府信息公开条例》第四十九条要求报告“上一年度”的工作；统计期限即报告年度的1月1日至12月31日
（DB51/T 2660—2019 §2.1；spec §6）。

判断：找到“Y年M月D日至（Y年）M月D日”且其所在句子说到“统计”“数据”“期限”“时限”之一，才算说明了统计期限。
若有说到统计期限的句子而其中的日期读不出（如“自20301月1日至203012月31日”），本规则在该句报告日期写法的问题。`,
		ExplanationEN: `The report should state the period its data cover, usually in the opening paragraph:
“本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止”.

Basis: Article 49 of the 《政府信息公开条例》 requires a report on the work of the “上一年度” (the previous year); the
statistics period is 1 January to 31 December of the report year (DB51/T 2660—2019 §2.1; spec §6).

How it is judged: the period counts as stated when a date range “Y年M月D日至（Y年）M月D日” is found in a sentence that
mentions one of “统计”, “数据”, “期限” or “时限”. When a sentence names the statistics period but its dates cannot be
read (such as “自20301月1日至203012月31日”), the finding is on that sentence and says what is wrong with the dates.`,
		Check: checkPeriodMissing,
	})
}

func checkPeriodMissing(c *lint.Context) {
	r := c.Report
	if !c.Gate().Annual || periodStatement(r) {
		return
	}
	sp, ok := anchorSpan(r)
	if !ok {
		return
	}
	y, _, _ := r.Year() // the title's, else the one the report gives away
	want := "Y年1月1日至Y年12月31日"
	if y > 0 {
		ys := strconv.Itoa(y)
		want = ys + "年1月1日至" + ys + "年12月31日"
	}
	if m := r.MalformedPeriod; m != nil {
		// the sentence is there, its dates do not read
		c.Emitf(m.Span,
			"统计期限的日期无法读取："+m.Reason+"（应为"+want+"）",
			"the statistics period's dates cannot be read: "+m.Text+" (expected "+want+")")
		return
	}
	c.Emitf(sp,
		"报告没有说明所列数据的统计期限（应为"+want+"）",
		"the report does not state the statistics period (expected "+want+")")
}

// anchorSpan is where a finding about something missing points: the title,
// else the first heading.
func anchorSpan(r *grammar.Report) (grammar.Span, bool) {
	if r.Title != nil {
		return r.Title.Span, true
	}
	if len(r.Headings) > 0 {
		return r.Headings[0].Span, true
	}
	return grammar.Span{}, false
}
