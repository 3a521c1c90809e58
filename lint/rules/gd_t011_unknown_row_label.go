package rules

import (
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T011", Name: "unknown-row-label", Family: lint.FamilyTables, Severity: lint.Warning,
		Summary:   "表格中的行标签不是模板中的行",
		SummaryEN: "A row label in a table is not a row of the template",
		Explanation: `表格中有一行的标签与模板的任何一行都不对应（也不是已知变体、错字或截断），其数值因此无法放置。
可能是自拟的行、合并后的小计行，或标签被严重截断。

依据：国办公开办函〔2021〕30号表格的行结构；规范 §4.2。`,
		ExplanationEN: `A row in a table has a label that matches no row of the template (and is no known variant, typo or truncation), so its
values cannot be placed. It may be a row of the author's own, a merged subtotal row, or a badly truncated label.

Basis: the row structure of the tables of 国办公开办函〔2021〕30号; spec §4.2.`,
		Check: func(ctx *lint.Context) { emitProblems(ctx, "unknown-label") },
	})
}
