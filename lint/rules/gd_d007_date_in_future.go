package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D007", Name: "date-in-future", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:   "发布日期或落款日期在今天之后",
		SummaryEN: "the publication or signature date is in the future",
		Explanation: `发布日期或落款日期晚于今天，多是年份或月份写错。
“今天”取运行 gdlint 时的日期。依据：spec §6。`,
		ExplanationEN: `A publication or signature date after today is usually a wrong year or month.
“Today” is the date gdlint runs on. Basis: spec §6.`,
		Check: checkDateInFuture,
	})
}

func checkDateInFuture(c *lint.Context) {
	r := c.Report
	now := c.Now()
	today := grammar.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}
	for _, d := range reportDates(r) {
		if !d.Valid() || !today.Before(d.Date) {
			continue
		}
		kind, kindEN := dateKind(r, d)
		c.Emitf(d.Span,
			fmt.Sprintf("%s%s在今天（%s）之后", kind, zhDate(d.Date), zhDate(today)),
			fmt.Sprintf("the %s %s is in the future (today is %s)", kindEN, d.Date, today))
	}
}
