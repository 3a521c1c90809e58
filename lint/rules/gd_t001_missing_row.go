package rules

import (
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T001", Name: "missing-row", Family: lint.FamilyTables, Severity: lint.Error,
		Summary:   "表格缺少模板规定的行",
		SummaryEN: "A table lacks a row of the template",
		Explanation: `表二、表三、表四（第二、三、四部分的表格）的行由国办公开办函〔2021〕30号所附表格规定，不能删减：没有发生的事项填 0。
本规则报告找不到的行（行标签缺失，或其数值无法确定）。位置指向上一行数值之后，即该行应在之处。

依据：国办公开办函〔2021〕30号（报告内容“不能遗漏”）；规范 §3、§4.2、§5.1。`,
		ExplanationEN: `The rows of 表二, 表三 and 表四 (the tables of sections 二, 三 and 四) are set by the tables attached to
国办公开办函〔2021〕30号 and may not be dropped: an item that did not occur gets 0. This rule reports the rows that
cannot be found (the row label is missing, or its values cannot be determined). The position is right after the previous
row's values, where the row belongs.

Basis: 国办公开办函〔2021〕30号 (the report content “不能遗漏”: nothing left out); spec §3, §4.2, §5.1.`,
		Check: func(ctx *lint.Context) { emitProblems(ctx, "missing-row") },
	})
}
