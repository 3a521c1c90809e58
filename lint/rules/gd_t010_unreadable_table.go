package rules

import (
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T010", Name: "unreadable-table", Family: lint.FamilyTables, Severity: lint.Error,
		Summary:   "找到了表格，但没有一个数值能对应到模板",
		SummaryEN: "A table was found but no value could be placed",
		Explanation: `表格的位置已找到（有其标题或锚点标签），但其中没有一个数值能对应到模板的单元格，
通常是表格被转成了图片、被拆散，或数字全部连在一起。整张表的核对因此无法进行。

依据：国办公开办函〔2021〕30号（报告应以表格形式报告三张表）；规范 §2.4–§2.6。`,
		ExplanationEN: `The table's place was found (its heading or an anchor label), but none of its values could be placed in a template cell —
usually because the table was turned into an image, taken apart, or had all its digits glued together. None of the
table's checks can run.

Basis: 国办公开办函〔2021〕30号 (the report gives three tables); spec §2.4–§2.6.`,
		Check: func(ctx *lint.Context) { emitProblems(ctx, "unreadable") },
	})
}
