package rules

import (
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T003", Name: "extra-cells", Family: lint.FamilyTables, Severity: lint.Warning,
		Summary:   "一行的单元格多于模板",
		SummaryEN: "A row has more cells than the template",
		Explanation: `一行的单元格多于模板时，解析器选用满足本行合计关系的那几个（没有则取最左边的），多出的不采用；
该行数值的位置因此存疑，涉及该行的勾稽关系不核对（GD-A005）。常见原因是多余的分隔符或多出的列。

依据：国办公开办函〔2021〕30号表格结构。`,
		ExplanationEN: `When a row has more cells than the template, the parser takes those that satisfy the row's total (or, failing that, the
leftmost ones) and does not use the rest; the places of the row's values are therefore in doubt, and the balances
involving the row are not checked (GD-A005). Common causes are stray separators and extra columns.

Basis: the table structure of 国办公开办函〔2021〕30号.`,
		Check: func(ctx *lint.Context) { emitProblems(ctx, "extra-values") },
	})
}
