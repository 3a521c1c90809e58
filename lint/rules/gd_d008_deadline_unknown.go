package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D008", Name: "deadline-unknown", Family: lint.FamilyDates, Severity: lint.Info,
		Summary:   "机关的发布期限由地方规定或无法判断，且发布日期晚于3月31日",
		SummaryEN: "the body's deadline is set locally or unknown, and the date is after 31 March",
		Explanation: `乡镇人民政府、街道办事处、管委会的年度报告期限《条例》第四十九条未作规定，由地方规定
（例如怀化市要求县级汇总乡镇报告于2月20日前公布）；机关名称无法判断类型时也是如此。
这时无法判断是否逾期：发布日期或落款日期晚于《条例》规定的最晚期限（次年3月31日）时，给出提示。
在 .gdlint.toml 中设置 deadline = "local:MM-DD"（或 department、government）即可按确定的期限检查（GD-D005）。

依据：《政府信息公开条例》第四十九条；spec §6。`,
		ExplanationEN: `Article 49 of the 《条例》 sets no deadline for the annual reports of township governments (乡镇人民政府), sub-district
offices (街道办事处) and administrative committees (管委会); it is set locally (怀化市 (Huaihua), for example, requires
the township reports gathered at county level to be published by 20 February). The same holds when the kind of body
cannot be judged from its name.
Whether such a report is late cannot then be judged: when the publication or signature date is after the latest deadline
the 《条例》 sets (31 March of the next year), a hint is given. Set deadline = "local:MM-DD" (or department, government)
in .gdlint.toml to check against a definite deadline (GD-D005).

Basis: Article 49 of the 《政府信息公开条例》; spec §6.`,
		Check: checkDeadlineUnknown,
	})
}

func checkDeadlineUnknown(c *lint.Context) {
	r := c.Report
	y := reportYear(r)
	dl := deadlineOf(c)
	if y == 0 || dl.Month != 0 {
		return
	}
	latest := grammar.Date{Year: y + 1, Month: 3, Day: 31}
	for _, d := range reportDates(r) {
		if !d.Valid() || !latest.Before(d.Date) {
			continue
		}
		kind, kindEN := dateKind(r, d)
		why, whyEN := "乡镇、街道、管委会的发布期限由地方规定", "townships, 街道 and 管委会 have locally set deadlines"
		if dl.Kind == DeadlineUnknown {
			why, whyEN = "无法从机关名称判断机关类型", "the body type could not be told from its name"
			if dl.Body != "" {
				why = "无法从机关名称“" + dl.Body + "”判断机关类型"
				whyEN = "the body type could not be told from its name “" + dl.Body + "”"
			}
		}
		c.Emitf(d.Span,
			fmt.Sprintf("%s%s晚于《条例》第四十九条规定的最晚期限%s；%s，可在 .gdlint.toml 中设置 deadline（如 \"local:02-20\"）后按确定期限检查",
				kind, zhDate(d.Date), zhDate(latest), why),
			fmt.Sprintf("the %s %s is after %s, the latest deadline of art. 49; %s: set deadline in .gdlint.toml (e.g. \"local:02-20\") to check it",
				kindEN, d.Date, latest, whyEN))
	}
}
