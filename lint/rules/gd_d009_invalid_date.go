package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D009", Name: "invalid-date", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:       "日期不存在（如2月30日、13月）",
		SummaryEN:     "a date that does not exist (30 February, month 13)",
		Explanation:   `统计期限、发布日期和落款日期必须是存在的日期。依据：spec §6。`,
		ExplanationEN: `The statistics period, the publication date and the signature date must be dates that exist. Basis: spec §6.`,
		Check:         checkInvalidDates,
	})
}

func checkInvalidDates(c *lint.Context) {
	r := c.Report
	var ds []*grammar.DateRef
	if p := r.Period; p != nil {
		ds = append(ds, &p.Start, &p.End)
	}
	ds = append(ds, reportDates(r)...)
	for _, d := range ds {
		if d.Valid() {
			continue
		}
		c.Emitf(d.Span,
			fmt.Sprintf("日期不存在：%d月%d日", d.Month, d.Day),
			fmt.Sprintf("no such date: month %d, day %d", d.Month, d.Day))
	}
}
