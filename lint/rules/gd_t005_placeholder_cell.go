package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T005", Name: "placeholder-cell", Family: lint.FamilyTables, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "应填数字的单元格填了“/”“—”“不适用”等占位符",
		SummaryEN: "A cell that takes a number holds a placeholder (/, —, 不适用)",
		Explanation: `表格中的数字单元格应填数字，没有发生的事项填 0。“/”“—”“不适用”“无”等占位符常见于
无权制定规章的机关的“规章”行，但模板并未规定占位符：它让读者无法区分“没有”与“不适用”，也让勾稽关系无法核对。
因此默认级别为 warning（而不是 info）；对确属不适用的情形，可在配置中把本规则降为 info 或按文本忽略。
修复（仅作建议）：改为 0。
` + cellKinds + `

依据：国办公开办函〔2021〕30号表格；规范 §9（real reports use “/” for inapplicable rows）。`,
		ExplanationEN: `The number cells of a table should hold numbers; an item that did not occur gets 0. Placeholders such as “/”, “—”,
“不适用” and “无” are common in the “规章” row of bodies that have no power to make rules, but the template provides for
no placeholder: it leaves readers unable to tell “none” from “not applicable”, and the balances unable to be checked.
The default severity is therefore warning (not info); where a row really does not apply, lower this rule to info in the
configuration or ignore the finding by its text.
Fix (suggestion only): change to 0.
` + cellKindsEN + `

Basis: the tables of 国办公开办函〔2021〕30号; spec §9 (real reports use “/” for inapplicable rows).`,
		Check: checkPlaceholderCells,
	})
}

func checkPlaceholderCells(ctx *lint.Context) {
	eachCellOfKind(ctx.Report, grammar.CellPlaceholder, func(t *grammar.Table, c *grammar.Cell) {
		ctx.Emitf(c.Span,
			fmt.Sprintf("%s%s填的是占位符“%s”，模板要求填写数字（没有则填 0）", tableName(t.ID), cellLabel(c), c.Text),
			fmt.Sprintf("%s %s holds the placeholder “%s”; the template asks for a number (0 if none)", tableNameEN(t.ID), cellLabel(c), c.Text),
			zeroFix(c))
	})
}
