package rules

import (
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: lint.NotAReportRule, Name: "not-a-report", Family: lint.FamilyStructure, Severity: lint.Info,
		Summary:   "文档不像年度报告，只对报告才有的检查未进行",
		SummaryEN: "The document does not look like an annual report, so the checks for reports only did not run",
		Explanation: `gdlint 先判断一个文档是不是政府信息公开工作年度报告：标题中有年份（如“××局2024年政府信息公开工作年度报告”），
或者至少找到模板六个部分标题中的三个。两者都不满足时，“缺少标题”（GD-S007）、“缺少全部部分”（GD-S001）和
“没有说明统计期限”（GD-D001）这些只对报告才有意义的检查不进行，本规则在标题（没有标题时在第一行）报告一次，说明原因，
以免一份标题被网页导航挤掉、或部分标题写法不同的报告得到一个“没有问题”的结果。其他规则照常运行。
编辑器中，这样的文档只显示本条提示。

确实不是年度报告的文件（说明文档、附件），可以在 .gdlint.toml 的 [per-file-ignores] 中关闭本规则，或不检查这些文件。

依据：规范 §2.1（六个部分的标题）、§6（报告年度）。`,
		ExplanationEN: `gdlint first decides whether a document is an annual report at all: its title has a year (such as
“××局2024年政府信息公开工作年度报告”), or at least three of the template's six part headings are found. When neither
holds, the checks that only make sense on a report — a missing title (GD-S007), all parts missing (GD-S001), no
statistics period (GD-D001) — do not run, and this rule says so once, with the reason, on the title (or the first line
when there is none), so that a report whose title is pushed down by a web page's navigation, or whose part headings are
worded differently, does not get a clean result. The other rules run as usual. In editors, such a document shows
this finding only.

Files that are indeed not reports (notes, attachments) can turn this rule off under [per-file-ignores] in .gdlint.toml,
or be left out of the check.

Basis: spec §2.1 (the six part headings), §6 (the report year).`,
		Check: checkNotAReport,
	})
}

// checkNotAReport says once that the gate is closed, and why.
func checkNotAReport(ctx *lint.Context) {
	if g := ctx.Gate(); !g.Annual && g.Span.Len() > 0 {
		ctx.Emitf(g.Span,
			"文档不像政府信息公开工作年度报告："+g.Why+"；因此未检查"+g.Unchecked,
			"the document does not look like an annual report: "+g.WhyEN+"; so it was not checked "+g.UncheckedEN)
	}
}
