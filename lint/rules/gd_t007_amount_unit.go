package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T007", Name: "amount-unit", Family: lint.FamilyTables, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "以“万元”为单位的金额栏中写了“元”",
		SummaryEN: "An amount in a 万元 column is written in 元",
		Explanation: `表二“本年收费金额（单位：万元）”的单位已在表头写明为万元。单元格中写“元”（如“251000元”）
与表头单位矛盾，读者无法判断数值是元还是万元。修复（仅作建议）：换算为万元并去掉单位。

依据：国办公开办函〔2021〕30号表二表头；规范 §3、§9。`,
		ExplanationEN: `The unit of “本年收费金额（单位：万元）” in 表二 is given in the header as 万元. A cell written in “元” (such as
“251000元”) contradicts the header, and readers cannot tell whether the value is in 元 or in 万元. Fix (suggestion
only): convert to 万元 and drop the unit.

Basis: the header of 表二 in 国办公开办函〔2021〕30号; spec §3, §9.`,
		Check: checkAmountUnits,
	})
}

// unitWan is the unit the template's amount heading names.
const unitWan = "万元"

func checkAmountUnits(ctx *lint.Context) {
	for t := range tables(ctx.Report) {
		for c := range t.AllCells() {
			// the unit first: most cells have none
			if c.Unit == "" || c.Kind != grammar.CellNumber || !isAmountCol(c.Col) || c.Unit == unitWan ||
				!strings.Contains(c.Col.Label, unitWan) {
				continue
			}
			v := fmtNum(c.Value / 10000)
			ctx.Emitf(c.Span,
				fmt.Sprintf("%s%s写作“%s”，但该栏单位为%s（应为 %s）", tableName(t.ID), cellLabel(c), c.Text, unitWan, v),
				fmt.Sprintf("%s %s is written “%s” but the column is in %s (%s)", tableNameEN(t.ID), cellLabel(c), c.Text, unitWan, v),
				lint.Fix{Title: "换算为万元：" + v, TitleEN: "Convert to 万元: " + v, Applicability: lint.Unsafe,
					Edits: []lint.Edit{{Span: c.Span, NewText: v}}})
		}
	}
}
