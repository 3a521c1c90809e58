package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S007", Name: "title", Family: lint.FamilyStructure, Severity: lint.Error,
		Summary:   "缺少报告标题，或标题中没有年份",
		SummaryEN: "The report has no title, or its title has no year",
		Explanation: `报告应以标题开头，写明机关名称、报告年度和“政府信息公开工作年度报告”，如
“××市××局2024年政府信息公开工作年度报告”。年份决定统计期限、发布期限和应采用的格式版本，缺少年份时这些检查都无法进行。

依据：《中华人民共和国政府信息公开条例》第四十九条、第五十条；规范 §6。`,
		ExplanationEN: `A report should start with a title naming the body, the report year and “政府信息公开工作年度报告”, such as
“××市××局2024年政府信息公开工作年度报告”. The year decides the statistics period, the publication deadline and the
format version that applies; without it those checks cannot run.

Basis: Articles 49 and 50 of the 《中华人民共和国政府信息公开条例》; spec §6.`,
		Check: checkTitle,
	})
}

func checkTitle(ctx *lint.Context) {
	rep := ctx.Report
	if t := rep.Title; t != nil {
		if t.Year == 0 {
			ctx.Emitf(t.Span, fmt.Sprintf("标题“%s”中没有报告年份", t.Text),
				fmt.Sprintf("the title “%s” has no year", t.Text))
		}
		return
	}
	if sp := ctx.Gate().Span; ctx.Gate().Annual && sp.Len() > 0 {
		ctx.Emitf(sp, "找不到报告标题（如“××局2024年政府信息公开工作年度报告”）",
			"the report has no title (such as “××局2024年政府信息公开工作年度报告”)")
	}
}
