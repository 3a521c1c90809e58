package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T006", Name: "invalid-number", Family: lint.FamilyTables, Severity: lint.Error,
		Summary:   "单元格不是非负整数（收费金额除外，可为万元小数）",
		SummaryEN: "A cell is not a non-negative integer (the fee amount may be a decimal in 万元)",
		Explanation: `件数、决定数量、申请数和案件数都是非负整数；只有表二“行政事业性收费”的“本年收费金额”
（单位：万元）可以是小数。负数、带小数的件数、在件数中写金额单位、或在数字单元格中写文字（如“减4”）都是错误。
2019 年试行格式的“本年增/减”一列可以为负数。

依据：国办公开办函〔2021〕30号表格（单位：件、万元）；规范 §3、§4.3 第 5 条、§5.2。`,
		ExplanationEN: `Counts of documents, decisions, applications and cases are non-negative integers; only “本年收费金额” (unit: 万元) of
“行政事业性收费” in 表二 may be a decimal. A negative number, a count with decimals, a money unit in a count, or text in
a number cell (such as “减4”) is an error. The “本年增/减” column of the 2019 trial format may be negative.

Basis: the tables of 国办公开办函〔2021〕30号 (units: 件, 万元); spec §3, §4.3 item 5, §5.2.`,
		Check: checkInvalidNumbers,
	})
}

// colSigned: the 2019 format's 本年增/减 column may be negative.
const colSigned = "change"

func checkInvalidNumbers(ctx *lint.Context) {
	for t := range tables(ctx.Report) {
		for c := range t.AllCells() {
			if c.Kind == grammar.CellNumber && c.Value >= 0 && c.Integer && c.Unit == "" {
				continue // most cells: none of the cases below (a decimal amount is fine too)
			}
			var zh, en, arg string
			switch {
			case c.Kind == grammar.CellText:
				zh, en, arg = "%s填的是“%s”，不是数字", "%s holds “%s”, not a number", c.Text
			case c.Kind != grammar.CellNumber:
			case c.Value < 0 && c.Col.Key != colSigned:
				zh, en, arg = "%s为负数 %s", "%s is negative: %s", c.Text
			case c.Row.Decimal && isAmountCol(c.Col):
				// amounts may be decimals; the unit is GD-T007's
			case !c.Integer:
				zh, en, arg = "%s是件数，应为整数，实际为 %s", "%s is a count and must be a whole number, not %s", c.Text
			case c.Unit != "":
				zh, en, arg = "%s是件数，却带有金额单位“%s”", "%s is a count but carries the money unit “%s”", c.Unit
			}
			if zh == "" {
				continue // the cell is fine: no names built
			}
			ctx.Emitf(c.Span, fmt.Sprintf(zh, tableName(t.ID)+cellLabel(c), arg),
				fmt.Sprintf(en, tableNameEN(t.ID)+" "+cellLabel(c), arg))
		}
	}
}
