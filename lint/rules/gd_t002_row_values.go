package rules

import (
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T002", Name: "row-values", Family: lint.FamilyTables, Severity: lint.Error,
		Summary:   "一行的数值个数不对，或粘连的数字无法唯一拆分",
		SummaryEN: "A row has too few values, or glued digits cannot be split one way",
		Explanation: `每一行应有模板规定个数的数值（表三每行 7 个，表四共 15 个）。数值少于模板时，无法确定缺少哪一个；
网页抓取常把一行数字连在一起（如“640020470”），若按本行合计关系有不止一种拆分，也无法确定各单元格的值。
这些数值不会被猜测，而是作为本规则的发现报告，相关的勾稽关系不核对。

依据：国办公开办函〔2021〕30号表格结构；规范 §4.2、§5.1。`,
		ExplanationEN: `Every row should have as many values as the template gives it (7 per row in 表三, 15 in all in 表四). With fewer values
there is no knowing which one is missing; and web crawls often glue a row's digits together (such as “640020470”): if
the row total allows more than one split, the cells' values cannot be determined either. Such values are not guessed but
reported by this rule, and the balances involved are not checked.

Basis: the table structure of 国办公开办函〔2021〕30号; spec §4.2, §5.1.`,
		Check: func(ctx *lint.Context) { emitProblems(ctx, "missing-values", "ambiguous-split") },
	})
}
