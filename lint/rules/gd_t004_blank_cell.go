package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T004", Name: "blank-cell", Family: lint.FamilyTables, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "应填数字的单元格为空白（不按 0 计）",
		SummaryEN: "A cell that takes a number is blank (not read as 0)",
		Explanation: `模板要求每个单元格填写数字，没有发生的事项填 0。空白单元格不按 0 计：它可能是漏填，
也可能是网页或 Word 导出丢失了内容。含空白单元格的勾稽关系不核对（GD-A005）。
一列在表中全部为空白（至少 3 行，常见于“法人或其他组织”各列）时，只报告一次，列出这些列和空白单元格数。
修复（仅作建议）：填入 0——只有确认该项确为“没有”时才应采用。
` + cellKinds + `

依据：国办公开办函〔2021〕30号表格；规范 §4.3 第 5 条（空白总计列应视为“未填”而非 0）。`,
		ExplanationEN: `The template asks for a number in every cell; an item that did not occur gets 0. A blank cell is not counted as 0: it
may have been forgotten, or its content may have been lost in a web page or a Word export. Balances with a blank cell
are not checked (GD-A005). Columns that are blank throughout a table (at least 3 rows; often the 法人或其他组织 columns)
are reported once, with the columns and the number of blank cells.
Fix (suggestion only): fill in 0 — to be used only when it is certain that the item really is “none”.
` + cellKindsEN + `

Basis: the tables of 国办公开办函〔2021〕30号; spec §4.3 item 5 (a blank total column counts as “not filled in”, not as
0).`,
		Check: checkBlankCells,
	})
}

func checkBlankCells(ctx *lint.Context) {
	for t := range tables(ctx.Report) {
		cols := blankColumnsOf(ctx, t)
		var block []*grammar.Cell
		for c := range t.AllCells() {
			switch {
			case c.Kind != grammar.CellEmpty:
			case slices.Contains(cols, c.Col.Key): // a few keys: a list
				block = append(block, c)
			default:
				// concatenated: what Sprintf with %s gave, without its boxing
				l := cellLabel(c)
				ctx.Emitf(c.Span,
					tableName(t.ID)+l+"为空白单元格；空白不按 0 计，请填写数字（没有则填 0）",
					tableNameEN(t.ID)+" "+l+" is blank; a blank is not read as 0, fill in a number (0 if none)",
					zeroFix(c))
			}
		}
		if len(block) > 0 {
			emitBlankColumns(ctx, t, cols, block)
		}
	}
}

// emitBlankColumns says once that whole columns were left blank: at the
// first of their cells, the others as related locations, one unsafe fix
// filling them all with 0.
func emitBlankColumns(ctx *lint.Context, t *grammar.Table, cols []string, cells []*grammar.Cell) {
	labels := columnLabels(t, cols)
	fix := lint.Fix{Title: fmt.Sprintf("这 %d 个单元格全部填入 0", len(cells)),
		TitleEN: fmt.Sprintf("Fill in 0 in these %d cells", len(cells)), Applicability: lint.Unsafe}
	d := lint.Diagnostic{Span: cells[0].Span,
		Message: fmt.Sprintf("%s“%s”列全部为空白（%d 个单元格）；空白不按 0 计，请填写数字（没有则填 0）",
			tableName(t.ID), strings.Join(labels, "”“"), len(cells)),
		MessageEN: fmt.Sprintf("%s: the column(s) “%s” are blank throughout (%d cells); a blank is not read as 0, fill in numbers (0 if none)",
			tableNameEN(t.ID), strings.Join(labels, "”, “"), len(cells))}
	for i, c := range cells {
		fix.Edits = append(fix.Edits, lint.Edit{Span: c.Span, NewText: "0"})
		if i > 0 {
			d.Related = append(d.Related, lint.Related{Span: c.Span, Message: cellLabel(c) + " 空白"})
		}
	}
	d.Fixes = []lint.Fix{fix}
	ctx.Emit(d)
}
