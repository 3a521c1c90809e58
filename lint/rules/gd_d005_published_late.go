package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D005", Name: "published-late", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:   "发布日期或落款日期晚于法定期限",
		SummaryEN: "the publication or signature date is after the deadline",
		Explanation: `《政府信息公开条例》第四十九条：

- 县级以上人民政府部门应当在每年1月31日前公布本部门上一年度的年度报告；
- 县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前公布本级政府上一年度的年度报告。

机关类型由标题（或落款）中的机关名称判断，也可在 .gdlint.toml 中用 deadline 设置：

| 名称（结尾） | 类型 | 期限 |
|---|---|---|
| 乡/镇人民政府、街道（办事处）、管委会、管理委员会、开发区、高新区、实验区、园区 | local | 地方规定（deadline = "local:MM-DD"），未设置时只提示 |
| 县/区/市/州/省……人民政府 | government | 次年3月31日 |
| 人民政府办公室/办公厅，及以局、委、委员会、厅、办、中心等结尾的部门 | department | 次年1月31日 |

政府的办公室（办公厅）是政府的工作部门，按1月31日检查。检查的日期是网页的发布时间（发布日期、公开日期）
和落款日期。报告年度取标题年份，没有时取统计期限的年份。`,
		ExplanationEN: `Article 49 of the 《政府信息公开条例》 (第四十九条):

- departments of people's governments at or above the county level publish their annual report for the previous year by
  31 January each year (县级以上人民政府部门应当在每年1月31日前公布本部门上一年度的年度报告);
- the departments in charge of government information disclosure of local people's governments at or above the county
  level publish their government's annual report for the previous year by 31 March each year
  (县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前公布本级政府上一年度的年度报告).

The kind of body is judged from the body's name in the title (or the signature); it can also be set with deadline in
.gdlint.toml:

| Name (ending) | Kind | Deadline |
|---|---|---|
| 乡/镇人民政府、街道（办事处）、管委会、管理委员会、开发区、高新区、实验区、园区 | local | set locally (deadline = "local:MM-DD"); only a hint when not set |
| 县/区/市/州/省……人民政府 | government | 31 March of the next year |
| 人民政府办公室/办公厅, and departments ending in 局、委、委员会、厅、办、中心 and the like | department | 31 January of the next year |

A government's office (办公室, 办公厅) is one of the government's working departments and is checked against 31 January.
The dates checked are the web page's publication time (发布日期, 公开日期) and the signature date (落款日期). The report
year is the title's year, or the statistics period's year when the title has none.`,
		Check: checkPublishedLate,
	})
}

func checkPublishedLate(c *lint.Context) {
	r := c.Report
	y := reportYear(r)
	dl := deadlineOf(c)
	if y == 0 || dl.Month == 0 {
		return
	}
	limit := grammar.Date{Year: y + 1, Month: dl.Month, Day: dl.Day}
	prof, profEN := dl.describe()
	for _, d := range reportDates(r) {
		if !d.Valid() || !limit.Before(d.Date) {
			continue
		}
		kind, kindEN := dateKind(r, d)
		c.Emitf(d.Span,
			fmt.Sprintf("%s%s晚于期限%s（%s）", kind, zhDate(d.Date), zhDate(limit), prof),
			fmt.Sprintf("the %s %s is after the deadline %s (%s)", kindEN, d.Date, limit, profEN))
	}
}
