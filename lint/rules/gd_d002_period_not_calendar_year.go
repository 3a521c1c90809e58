package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D002", Name: "period-not-calendar-year", Family: lint.FamilyDates, Severity: lint.Error,
		Fixable:   lint.FixUnsafe,
		Summary:   "统计期限不是报告年度的1月1日至12月31日",
		SummaryEN: "the statistics period is not 1 January to 31 December of one year",
		Explanation: `统计期限必须是一个完整的自然年：Y年1月1日至Y年12月31日。起止日不对（如“1月1日至11月30日”）、
起止年份不同（“2023年1月1日至2024年12月31日”），或日期不存在（“2月30日”），都是错误。

依据：《政府信息公开条例》第四十九条（“上一年度”）；spec §6。修复（手动）：改为应有的日期——也可能是数据本身
只统计到了该日，须由作者确认。`,
		ExplanationEN: `The statistics period must be one whole calendar year: Y年1月1日 to Y年12月31日. Wrong start or end days (such as
“1月1日至11月30日”), different start and end years (“2023年1月1日至2024年12月31日”) or a date that does not exist
(“2月30日”) are all errors.

Basis: Article 49 of the 《政府信息公开条例》 (“上一年度”); spec §6. Fix (manual): change to the expected date — the
data may really have been counted only up to that day, so the author has to confirm.`,
		Check: checkPeriodCalendar,
	})
}

func checkPeriodCalendar(c *lint.Context) {
	r := c.Report
	p := r.Period
	if !periodStatement(r) || !p.Start.Valid() || !p.End.Valid() {
		return
	}
	y := p.Start.Year
	if p.Start.Month != 1 || p.Start.Day != 1 {
		c.Emitf(p.Start.Span,
			fmt.Sprintf("统计期限应从%d年1月1日开始，此处为%d年%d月%d日", y, y, p.Start.Month, p.Start.Day),
			fmt.Sprintf("the statistics period should start on 1 January %d, not %s", y, p.Start.Date),
			lint.Fix{Title: fmt.Sprintf("改为%d年1月1日", y), TitleEN: fmt.Sprintf("change to 1 January %d", y),
				Edits: []lint.Edit{{Span: p.Start.Span, NewText: fmt.Sprintf("%d年1月1日", y)}}, Applicability: lint.Unsafe})
	}
	endYear := p.End.Year
	if endYear != 0 && endYear != y {
		c.Emitf(p.End.Span,
			fmt.Sprintf("统计期限的起止年份不同（%d年至%d年），应为同一自然年", y, endYear),
			fmt.Sprintf("the statistics period spans two years (%d to %d); it must be one calendar year", y, endYear),
			lint.Fix{Title: fmt.Sprintf("改为%d年12月31日", y), TitleEN: fmt.Sprintf("change to 31 December %d", y),
				Edits: []lint.Edit{{Span: p.End.Span, NewText: fmt.Sprintf("%d年12月31日", y)}}, Applicability: lint.Unsafe})
		return
	}
	if p.End.Month != 12 || p.End.Day != 31 {
		newText := "12月31日"
		if endYear != 0 {
			newText = fmt.Sprintf("%d年12月31日", y)
		}
		c.Emitf(p.End.Span,
			fmt.Sprintf("统计期限应到%d年12月31日为止，此处为%d月%d日", y, p.End.Month, p.End.Day),
			fmt.Sprintf("the statistics period should end on 31 December %d, not %02d-%02d", y, p.End.Month, p.End.Day),
			lint.Fix{Title: "改为" + newText, TitleEN: "change to 31 December",
				Edits: []lint.Edit{{Span: p.End.Span, NewText: newText}}, Applicability: lint.Unsafe})
	}
}
