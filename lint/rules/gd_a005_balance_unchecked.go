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
		ID: "GD-A005", Name: "balance-unchecked", Family: lint.FamilyArithmetic, Severity: lint.Info,
		Summary:   "勾稽关系因单元格无法读取而未核对",
		SummaryEN: "A balance could not be checked because a cell is not a readable number",
		Explanation: `表三、表四（第三、四部分的表格）的勾稽关系（GD-A001–GD-A004）只在所涉单元格都是能确定位置的数字时才核对。
空白、“/”“—”“不适用”等占位符、文字，或位置不确定的单元格（数字粘连且无法唯一拆分、一行的单元格多于模板、
行标签未识别而按位置对应）都不会被当作 0，也不会被猜测；本规则按行指出这些单元格以及因此未核对的关系，
让读者知道“没有报错”并不等于“已核对无误”。整列空白的列（见 GD-T004）合为一条，说明未核对的列关系和行数。整行或整表缺失由 GD-T 与 GD-S 规则报告，这里不再重复。

依据：规范 §4.3 第 5 条（空白不等于 0）；设计约定“规则不静默猜测”。`,
		ExplanationEN: `The balances of 表三 and 表四 (the tables of sections 三 and 四; GD-A001–GD-A004) are checked only when every cell
involved is a number whose place is certain. Blanks, placeholders such as “/”, “—” and “不适用”, text, and cells whose
place is uncertain (glued digits that cannot be split one way, a row with more cells than the template, a row label not
recognised and matched by position) are neither taken as 0 nor guessed. This rule points out such cells row by row, with
the relations left unchecked because of them, so that readers know that “no error reported” does not mean “checked and
correct”. Columns blank throughout (see GD-T004) are one finding naming the unchecked column relations and the number of
rows. Missing rows or tables are reported by the GD-T and GD-S rules and are not repeated here.

Basis: spec §4.3 item 5 (a blank is not 0); the design principle that rules never guess silently (规则不静默猜测).`,
		Check: checkUnchecked,
	})
}

// cellKind says what a cell that is not a number holds.
func cellKind(c *grammar.Cell) (zh, en string) {
	switch c.Kind {
	case grammar.CellEmpty:
		return "空白", "blank"
	case grammar.CellPlaceholder:
		return "占位符“" + c.Text + "”", "placeholder \"" + c.Text + "\""
	case grammar.CellText:
		return "文字“" + c.Text + "”", "text \"" + c.Text + "\""
	}
	return "位置不确定（" + c.Doubt + "）", "placement uncertain"
}

// cellLabelKind is cellLabel(c) + " " + the Chinese of cellKind(c).
func cellLabelKind(c *grammar.Cell) string {
	var buf [256]byte
	return string(appendCellLabelKind(buf[:0], c))
}

// appendCellLabelKind appends cellLabelKind(c) to b.
func appendCellLabelKind(b []byte, c *grammar.Cell) []byte {
	b = append(append(append(append(append(b, "“"...), c.Row.Label...), "”“"...), c.Col.Label...), "” "...)
	switch c.Kind {
	case grammar.CellEmpty:
		return append(b, "空白"...)
	case grammar.CellPlaceholder:
		return append(append(append(b, "占位符“"...), c.Text...), "”"...)
	case grammar.CellText:
		return append(append(append(b, "文字“"...), c.Text...), "”"...)
	}
	return append(append(append(b, "位置不确定（"...), c.Doubt...), "）"...)
}

// relatedCells are the related notes of a GD-A005 finding, cellLabelKind
// of each cell: their texts in one string, one allocation, not one each.
func relatedCells(cs []*grammar.Cell) []lint.Related {
	var buf [1024]byte
	var endBuf [16]int
	b, ends := buf[:0], endBuf[:0]
	for _, c := range cs {
		b = appendCellLabelKind(b, c)
		ends = append(ends, len(b))
	}
	all := string(b)
	out := make([]lint.Related, len(cs))
	start := 0
	for i, c := range cs {
		out[i] = lint.Related{Span: c.Span, Message: all[start:ends[i]]}
		start = ends[i]
	}
	return out
}

// checkUnchecked reports the cells that kept balances from being checked:
// one finding per row for blank, placeholder and text cells, one per row
// (per table for table 3, filled as one run) for values placed with doubt.
func checkUnchecked(ctx *lint.Context) {
	for _, id := range []int{grammar.TableRequests, grammar.TableReview} {
		a := analysisOf(ctx, id)
		if a == nil {
			continue
		}
		type group struct {
			key   string
			doubt string
			row   *grammar.RowDef
			cells []*grammar.Cell
			rels  []*relation
			// where cells and rels start: a group's few, in its own
			// allocation rather than in lists grown from one
			cellBuf [8]*grammar.Cell
			relBuf  [8]*relation
		}
		// the groups in the order they were made: a few, compared by key
		// in turn (no map made per table and hashed per cell)
		var groups []*group
		var kb []byte
		blankCols := blankColumnsOf(ctx, a.table)
		var block group // the cells of columns left blank throughout, said once
		for i := range a.rels {
			r := &a.rels[i]
			if r.status != relBlocked {
				continue
			}
			for _, c := range r.blockers {
				if c.Kind == grammar.CellEmpty && slices.Contains(blankCols, c.Col.Key) {
					if !containsCell(block.cells, c) {
						block.cells = append(block.cells, c)
					}
					if !containsRel(block.rels, r) {
						block.rels = append(block.rels, r)
					}
					continue
				}
				// the key is built in a reused buffer: a lookup of
				// string(kb) does not allocate, only a new group's key
				kb = append(append(kb[:0], "row:"...), c.Row.Key...)
				doubt := ""
				if c.Kind == grammar.CellNumber && c.Doubt != "" {
					doubt = c.Doubt
					kb = append(append(kb[:0], "doubt:"...), c.Doubt...)
					if !a.table.Def.Positional {
						kb = append(append(kb, ':'), c.Row.Key...)
					}
				}
				var g *group
				for _, h := range groups {
					if h.key == string(kb) {
						g = h
						break
					}
				}
				if g == nil {
					g = &group{key: string(kb), doubt: doubt, row: c.Row}
					g.cells, g.rels = g.cellBuf[:0], g.relBuf[:0]
					groups = append(groups, g)
				}
				if !containsCell(g.cells, c) {
					g.cells = append(g.cells, c)
				}
				if !containsRel(g.rels, r) {
					g.rels = append(g.rels, r)
				}
			}
		}
		if len(block.cells) > 0 {
			emitBlankColumnsUnchecked(ctx, a.table, blankCols, block.cells, block.rels)
		}
		for _, g := range groups {
			sortCells(a.table, g.cells)
			tn, te := tableName(id), tableNameEN(id)
			// each message written in a buffer on the stack, the relations
			// named at its end: one allocation each, where its pieces
			// were strings joined and concatenated
			var zhBuf, enBuf [512]byte
			zh, en := zhBuf[:0], enBuf[:0]
			switch {
			case g.doubt != "" && a.table.Def.Positional:
				zh = append(append(append(append(zh, tn...), "的数值位置不确定（"...), g.doubt...), "），未核对："...)
				en = append(append(en, te...), ": the placement of the values is uncertain, not checked: "...)
			case g.doubt != "":
				zh = append(append(append(append(zh, tn...), "“"...), g.row.Label...), "”行的数值位置不确定（"...)
				zh = append(append(zh, g.doubt...), "），未核对："...)
				en = append(append(append(append(en, te...), " row “"...), g.row.Label...), "”: the placement of the values is uncertain, not checked: "...)
			default:
				cz, ce := cellKindSummary(g.cells)
				zh = append(append(append(append(zh, tn...), "“"...), g.row.Label...), "”行"...)
				zh = append(append(zh, cz...), "，不是数字，未核对："...)
				en = append(append(append(append(en, te...), " row “"...), g.row.Label...), "”: "...)
				en = append(append(en, ce...), ", not a number; not checked: "...)
			}
			zh, en = appendRelSummary(zh, en, a.table.Def, g.rels)
			d := lint.Diagnostic{Span: g.cells[0].Span, Message: string(zh), MessageEN: string(en)}
			if len(g.cells) > 1 {
				d.Related = relatedCells(g.cells[1:])
			}
			ctx.Emit(d)
		}
	}
}

// emitBlankColumnsUnchecked says once which balances columns left blank
// throughout kept from being checked: the columns' own relations by name,
// the rows' totals by count (naming every row would repeat the table).
func emitBlankColumnsUnchecked(ctx *lint.Context, t *grammar.Table, cols []string, cells []*grammar.Cell, rels []*relation) {
	var colRels []*relation
	rows := 0
	for _, r := range rels {
		if r.b.Kind == grammar.BalanceRowTotal || r.b.Kind == grammar.BalanceReviewTotal {
			rows++
		} else {
			colRels = append(colRels, r)
		}
	}
	var zs, es []string
	seen := map[string]bool{}
	for _, r := range colRels {
		z := columnEquation(t.Def, *r.b)
		if r.b.Kind == grammar.BalanceOutcomeTotal {
			z = "“" + t.Def.Row(r.b.Right[0].Row).Label + "”"
		}
		if !seen[z] {
			seen[z] = true
			zs, es = append(zs, "这些列的"+z), append(es, z+" in these columns")
		}
	}
	if rows > 0 {
		zs = append(zs, fmt.Sprintf("%d 行的总计", rows))
		es = append(es, fmt.Sprintf("the totals of %d rows", rows))
	}
	labels := columnLabels(t, cols)
	d := lint.Diagnostic{Span: cells[0].Span,
		Message: fmt.Sprintf("%s“%s”列全部为空白，不是数字，未核对：%s",
			tableName(t.ID), strings.Join(labels, "”“"), strings.Join(zs, "；")),
		MessageEN: fmt.Sprintf("%s: the column(s) “%s” are blank throughout, not numbers; not checked: %s",
			tableNameEN(t.ID), strings.Join(labels, "”, “"), strings.Join(es, "; "))}
	ctx.Emit(d)
}

// cellKindSummary: “结果维持”“总计”为空白，“其他结果”为占位符“/”.
func cellKindSummary(cs []*grammar.Cell) (zh, en string) {
	type kind struct{ zh, en string }
	// the kinds in the order first seen, each with its columns: a few,
	// looked through, not a map hashed by two strings
	type group struct {
		k    kind
		cols []string
	}
	var groups []group
	for _, c := range cs {
		var k kind
		k.zh, k.en = cellKind(c)
		i := 0
		for i < len(groups) && groups[i].k != k {
			i++
		}
		if i == len(groups) {
			groups = append(groups, group{k: k})
		}
		groups[i].cols = append(groups[i].cols, c.Col.Label)
	}
	zs, es := make([]string, 0, len(groups)), make([]string, 0, len(groups))
	for _, g := range groups {
		zs = append(zs, quotedList(g.cols, "”“")+"为"+g.k.zh)
		es = append(es, quotedList(g.cols, "”, “")+" "+g.k.en)
	}
	return strings.Join(zs, "，"), strings.Join(es, "; ")
}

// appendRelSummary names the unchecked relations briefly, grouped by
// kind, appending the Chinese to zh and the English to en: each kind's
// names written in place, where they were quoted lists joined and
// concatenated.
func appendRelSummary(zh, en []byte, def *grammar.TableDef, rels []*relation) ([]byte, []byte) {
	colLabel := func(ref grammar.CellRef) string {
		for _, c := range def.Row(ref.Row).Cols {
			if c.Key == ref.Col {
				return c.Label
			}
		}
		return ref.Col
	}
	first := true
	// the kinds named, in this order; the relations of each looked up in
	// the list (a few), not gathered in a map
	for _, k := range []grammar.BalanceKind{grammar.BalanceRowTotal, grammar.BalanceOutcomeTotal, grammar.BalanceColumn, grammar.BalanceReviewTotal} {
		var rsBuf [16]*relation
		rs := rsBuf[:0]
		for _, r := range rels {
			if r.b.Kind == k {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 {
			continue
		}
		var nameBuf [16]string
		names := nameBuf[:0]
		for _, r := range rs {
			if k == grammar.BalanceRowTotal || k == grammar.BalanceReviewTotal {
				names = append(names, def.Row(r.b.Right[0].Row).Label)
			} else {
				names = append(names, colLabel(r.b.Right[0]))
			}
		}
		if !first {
			zh, en = append(zh, "；"...), append(en, "; "...)
		}
		first = false
		switch k {
		case grammar.BalanceRowTotal, grammar.BalanceReviewTotal:
			zh = append(appendQuotedList(zh, names, "”“"), "的总计"...)
			en = appendQuotedList(append(en, "the total of "...), names, "”, “")
		case grammar.BalanceOutcomeTotal:
			row := def.Row(rs[0].b.Right[0].Row).Label
			zh = append(append(append(appendQuotedList(zh, names, "”“"), "列的“"...), row...), "”"...)
			en = appendQuotedList(append(append(append(en, "“"...), row...), "” in column "...), names, "”, “")
		case grammar.BalanceColumn:
			zh = appendColumnEquation(append(appendQuotedList(zh, names, "”“"), "列的 "...), def, rs[0].b)
			en = appendQuotedList(append(appendColumnEquation(en, def, rs[0].b), " in column "...), names, "”, “")
		}
	}
	return zh, en
}

// columnEquation writes a column balance by its rows: 一 + 二 = （七）总计 + 四.
func columnEquation(def *grammar.TableDef, b grammar.Balance) string {
	var buf [128]byte
	return string(appendColumnEquation(buf[:0], def, &b))
}

// appendColumnEquation appends columnEquation(def, *b) to out.
func appendColumnEquation(out []byte, def *grammar.TableDef, b *grammar.Balance) []byte {
	side := func(out []byte, refs []grammar.CellRef) []byte {
		for i, ref := range refs {
			if i > 0 {
				out = append(out, " + "...)
			}
			out = append(out, shortRow(def.Row(ref.Row))...)
		}
		return out
	}
	return side(append(side(out, b.Left), " = "...), b.Right)
}

func containsCell(cs []*grammar.Cell, c *grammar.Cell) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

func containsRel(rs []*relation, r *relation) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// sortCells orders cells of one row by column position.
func sortCells(t *grammar.Table, cs []*grammar.Cell) {
	pos := func(c *grammar.Cell) int {
		for i, col := range c.Row.Cols {
			if col == c.Col {
				return i
			}
		}
		return 0
	}
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && pos(cs[j]) < pos(cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// appendQuotedList appends quotedList(names, sep) to b.
func appendQuotedList(b []byte, names []string, sep string) []byte {
	b = append(b, "“"...)
	for i, s := range names {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, s...)
	}
	return append(b, "”"...)
}

// quotedList is "“" + strings.Join(names, sep) + "”", built in one
// allocation.
func quotedList(names []string, sep string) string {
	n := len("“”") + len(sep)*(len(names)-1)
	for _, s := range names {
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString("“")
	for i, s := range names {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	b.WriteString("”")
	return b.String()
}
