package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Arithmetic rules (GD-A): the balances of the tables of sections 三 and 四
// (spec tables 2 and 3, §4.3, §5.2); users call them 表三 and 表四.
// The four balance rules share one analysis per table (helpers_sta.go), so a
// single wrong number gives one finding at that number, not one per relation
// it breaks.

const arithCommon = `
**只核对能读出的数字。** 空白单元格、“/”“—”等占位符、文字、位置不确定的单元格都不当作 0：
含有这类单元格的关系不判为不平衡，而由 GD-A005 提示“无法核对”（空白等本身由 GD-T 规则报告）。
由粘连数字按行合计唯一拆分得到的数值参与其他关系的核对，但相应修复不会自动应用。

**一个错数只报一次。** 一个单元格往往同时属于几个关系（例如“（七）总计”的“自然人”既在本行总计里，
又是“自然人”列各办理结果之和，还在“一 + 二 = （七）+ 四”中）。若若干不成立的关系都含同一个单元格，
而其他成立的关系都不含它，且把它改为同一个值能使这些关系全部成立，就只在该单元格报告一次，消息列出全部关系。

**修复。** 修复把认定有误的单元格改为算出的值。只有当它是总计、且至少有两个关系相互印证、相关数值都无疑问时，
修复才是安全的（` + "`--fix`" + ` 自动应用）；否则只作为建议提供——两个数不一致时，哪一个错是作者的判断。
若改写总计会破坏另一个成立的关系，则不提供修复。`

const arithCommonEN = `
**Only numbers that can be read are checked.** Blank cells, placeholders such as “/” and “—”, text, and cells whose
place is uncertain are not taken as 0: a relation that contains such a cell is not reported as unbalanced; GD-A005 notes
that it could not be checked instead (the blanks and the like are themselves reported by the GD-T rules). Values
obtained by splitting glued digits in the only way the row total allows take part in checking the other relations, but
the fixes that depend on them are never applied automatically.

**One wrong number is reported once.** A cell often belongs to several relations (the “自然人” cell of “（七）总计”, for
example, is in its row's total, is the sum of the outcomes in the “自然人” column, and is in “一 + 二 = （七）+ 四”).
When several failing relations all contain one cell, no relation that holds contains it, and changing it to one value
would make all of them hold, the finding is reported once, at that cell, and the message lists every relation.

**Fixes.** The fix changes the cell judged wrong to the computed value. It is safe (applied by ` + "`--fix`" + `) only when that
cell is a total, at least two relations agree on it and none of the numbers involved is in doubt; otherwise it is only
offered as a suggestion — when two numbers disagree, which one is wrong is the author's call. No fix is offered when
rewriting the total would break another relation that holds.`

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-A001", Name: "row-total", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Fixable:   lint.FixSometimes,
		Summary:   "表三每行的“总计”应等于六类申请人之和",
		SummaryEN: "In 表三 each row's total (总计) equals the sum of the six applicant columns",
		Explanation: `表三（收到和处理政府信息公开申请情况）每一行的“总计”列，应等于“自然人”与“法人或其他组织”五类
（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。模板没有“法人或其他组织”小计列。

依据：国办公开办函〔2021〕30号所附表格的列结构（总计为各申请人类别之和）；规范 §4.3 第 3 条。
` + arithCommon,
		ExplanationEN: `In 表三 (the table of section 三, 收到和处理政府信息公开申请情况), the “总计” column of every row equals the sum of
“自然人” and the five kinds of “法人或其他组织” (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). The template has
no subtotal column for “法人或其他组织”.

Basis: the column structure of the tables attached to 国办公开办函〔2021〕30号 (the total is the sum of the applicant
kinds); spec §4.3 item 3.
` + arithCommonEN,
		Check: func(ctx *lint.Context) { emitArith(ctx, grammar.TableRequests, grammar.BalanceRowTotal) },
	})
	lint.Register(&lint.Rule{
		ID: "GD-A002", Name: "outcome-total", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Fixable:   lint.FixSometimes,
		Summary:   "表三“（七）总计”应等于各项办理结果之和",
		SummaryEN: "In 表三 “（七）总计” equals the sum of every outcome row, per column",
		Explanation: `表三“三、本年度办理结果”下，“（七）总计”每一列应等于（一）予以公开、（二）部分公开、（三）不予公开 1–8、
（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年格式为 1–3 三项，2019 年试行格式为一行）各项之和。
（三）至（六）在模板中只是合并的分组标签，没有自己的小计行。

依据：国办公开办函〔2021〕30号表格结构；规范 §4.3 第 2 条（在 2019 年上海市报告上逐列核验）。
` + arithCommon,
		ExplanationEN: `Under “三、本年度办理结果” in 表三 (the table of section 三), every column of “（七）总计” equals the sum of
（一）予以公开, （二）部分公开, （三）不予公开 1–8, （四）无法提供 1–3, （五）不予处理 1–5 and （六）其他处理 (items 1–3
in the 2021 format, a single row in the 2019 trial format). In the template, （三） to （六） are only merged group
labels with no subtotal rows of their own.

Basis: the table structure of 国办公开办函〔2021〕30号; spec §4.3 item 2 (verified column by column on a 2019 Shanghai
report).
` + arithCommonEN,
		Check: func(ctx *lint.Context) { emitArith(ctx, grammar.TableRequests, grammar.BalanceOutcomeTotal) },
	})
	lint.Register(&lint.Rule{
		ID: "GD-A003", Name: "column-balance", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Summary:   "表三每列：一 + 二 = （七）总计 + 四",
		SummaryEN: "In 表三, per column: 一 (new) + 二 (carried over) = （七）总计 + 四 (carried to next year)",
		Explanation: `表三左上角的说明写明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。
即每一列：一、本年新收 + 二、上年结转 = 三、本年度办理结果（其合计为“（七）总计”）+ 四、结转下年度继续办理。

依据：国办公开办函〔2021〕30号表格中的勾稽关系说明（规范 §4.1、§4.3 第 1 条）。
` + arithCommon,
		ExplanationEN: `The note in the top-left corner of 表三 (the table of section 三) says:
“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和” (in every column, item one plus item two equals item
three plus item four). That is, per column: 一、本年新收 + 二、上年结转 = 三、本年度办理结果 (whose total is
“（七）总计”) + 四、结转下年度继续办理.

Basis: the balance note in the table of 国办公开办函〔2021〕30号 (spec §4.1, §4.3 item 1).
` + arithCommonEN,
		Check: func(ctx *lint.Context) { emitArith(ctx, grammar.TableRequests, grammar.BalanceColumn) },
	})
	lint.Register(&lint.Rule{
		ID: "GD-A004", Name: "review-total", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Fixable:   lint.FixUnsafe,
		Summary:   "表四每组“总计”应等于结果维持 + 结果纠正 + 其他结果 + 尚未审结",
		SummaryEN: "In 表四 each group's total equals upheld + corrected + other + pending",
		Explanation: `表四（政府信息公开行政复议、行政诉讼情况）的行政复议、未经复议直接起诉、复议后起诉三组，
每组的“总计”应等于“结果维持”“结果纠正”“其他结果”“尚未审结”四项之和。

表四每个数只属于一个关系，无从判断是总计还是某一项有误，因此改写总计的修复只作为建议提供。

依据：国办公开办函〔2021〕30号表格结构；规范 §5.2。
` + arithCommon,
		ExplanationEN: `In 表四 (the table of section 四, 政府信息公开行政复议、行政诉讼情况), for each of the three groups — 行政复议
(administrative review), 未经复议直接起诉 (suit without review) and 复议后起诉 (suit after review) — the “总计” equals
the sum of the four items “结果维持”, “结果纠正”, “其他结果” and “尚未审结”.

Every number in 表四 belongs to one relation only, so there is no telling whether the total or one of the items is
wrong; the fix that rewrites the total is therefore only offered as a suggestion.

Basis: the table structure of 国办公开办函〔2021〕30号; spec §5.2.
` + arithCommonEN,
		Check: func(ctx *lint.Context) { emitArith(ctx, grammar.TableReview, grammar.BalanceReviewTotal) },
	})
	lint.Register(&lint.Rule{
		ID: "GD-A005", Name: "balance-unchecked", Family: lint.FamilyArithmetic, Severity: lint.Info,
		Summary:   "勾稽关系因单元格无法读取而未核对",
		SummaryEN: "A balance could not be checked because a cell is not a readable number",
		Explanation: `表三、表四（第三、四部分的表格）的勾稽关系（GD-A001–GD-A004）只在所涉单元格都是能确定位置的数字时才核对。
空白、“/”“—”“不适用”等占位符、文字，或位置不确定的单元格（数字粘连且无法唯一拆分、一行的单元格多于模板、
行标签未识别而按位置对应）都不会被当作 0，也不会被猜测；本规则按行指出这些单元格以及因此未核对的关系，
让读者知道“没有报错”并不等于“已核对无误”。整行或整表缺失由 GD-T 与 GD-S 规则报告，这里不再重复。

依据：规范 §4.3 第 5 条（空白不等于 0）；设计约定“规则不静默猜测”。`,
		ExplanationEN: `The balances of 表三 and 表四 (the tables of sections 三 and 四; GD-A001–GD-A004) are checked only when every cell
involved is a number whose place is certain. Blanks, placeholders such as “/”, “—” and “不适用”, text, and cells whose
place is uncertain (glued digits that cannot be split one way, a row with more cells than the template, a row label not
recognised and matched by position) are neither taken as 0 nor guessed. This rule points out such cells row by row, with
the relations left unchecked because of them, so that readers know that “no error reported” does not mean “checked and
correct”. Missing rows or tables are reported by the GD-T and GD-S rules and are not repeated here.

Basis: spec §4.3 item 5 (a blank is not 0); the design principle that rules never guess silently (规则不静默猜测).`,
		Check: checkUnchecked,
	})
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
			doubt string
			row   *grammar.RowDef
			cells []*grammar.Cell
			rels  []*relation
		}
		groups := map[string]*group{}
		var order []string
		for _, r := range a.rels {
			if r.status != relBlocked {
				continue
			}
			for _, c := range r.blockers {
				k, doubt := "row:"+c.Row.Key, ""
				if c.Kind == grammar.CellNumber && c.Doubt != "" {
					doubt = c.Doubt
					k = "doubt:" + c.Doubt
					if !a.table.Def.Positional {
						k += ":" + c.Row.Key
					}
				}
				g := groups[k]
				if g == nil {
					g = &group{doubt: doubt, row: c.Row}
					groups[k] = g
					order = append(order, k)
				}
				if !containsCell(g.cells, c) {
					g.cells = append(g.cells, c)
				}
				if !containsRel(g.rels, r) {
					g.rels = append(g.rels, r)
				}
			}
		}
		for _, k := range order {
			g := groups[k]
			sortCells(a.table, g.cells)
			relZH, relEN := relSummary(a.table.Def, g.rels)
			tn, te := tableName(id), tableNameEN(id)
			var zh, en string
			switch {
			case g.doubt != "" && a.table.Def.Positional:
				zh = fmt.Sprintf("%s的数值位置不确定（%s），未核对：%s", tn, g.doubt, relZH)
				en = fmt.Sprintf("%s: the placement of the values is uncertain, not checked: %s", te, relEN)
			case g.doubt != "":
				zh = fmt.Sprintf("%s“%s”行的数值位置不确定（%s），未核对：%s", tn, g.row.Label, g.doubt, relZH)
				en = fmt.Sprintf("%s row “%s”: the placement of the values is uncertain, not checked: %s", te, g.row.Label, relEN)
			default:
				cz, ce := cellKindSummary(g.cells)
				zh = fmt.Sprintf("%s“%s”行%s，不是数字，未核对：%s", tn, g.row.Label, cz, relZH)
				en = fmt.Sprintf("%s row “%s”: %s, not a number; not checked: %s", te, g.row.Label, ce, relEN)
			}
			d := lint.Diagnostic{Span: g.cells[0].Span, Message: zh, MessageEN: en}
			for _, c := range g.cells[1:] {
				d.Related = append(d.Related, lint.Related{Span: c.Span, Message: cellLabel(c) + " " + kindZH(c)})
			}
			ctx.Emit(d)
		}
	}
}

// cellKindSummary: “结果维持”“总计”为空白，“其他结果”为占位符“/”.
func cellKindSummary(cs []*grammar.Cell) (zh, en string) {
	type kind struct{ zh, en string }
	var kinds []kind
	cols := map[kind][]string{}
	for _, c := range cs {
		k := kind{kindZH(c), kindEN(c)}
		if cols[k] == nil {
			kinds = append(kinds, k)
		}
		cols[k] = append(cols[k], c.Col.Label)
	}
	var zs, es []string
	for _, k := range kinds {
		zs = append(zs, "“"+strings.Join(cols[k], "”“")+"”为"+k.zh)
		es = append(es, "“"+strings.Join(cols[k], "”, “")+"” "+k.en)
	}
	return strings.Join(zs, "，"), strings.Join(es, "; ")
}

// relSummary names the unchecked relations briefly, grouped by kind.
func relSummary(def *grammar.TableDef, rels []*relation) (zh, en string) {
	colLabel := func(ref grammar.CellRef) string {
		for _, c := range def.Row(ref.Row).Cols {
			if c.Key == ref.Col {
				return c.Label
			}
		}
		return ref.Col
	}
	var zs, es []string
	byKind := map[grammar.BalanceKind][]*relation{}
	for _, r := range rels {
		byKind[r.b.Kind] = append(byKind[r.b.Kind], r)
	}
	for _, k := range []grammar.BalanceKind{grammar.BalanceRowTotal, grammar.BalanceOutcomeTotal, grammar.BalanceColumn, grammar.BalanceReviewTotal} {
		rs := byKind[k]
		if len(rs) == 0 {
			continue
		}
		var names []string
		for _, r := range rs {
			if k == grammar.BalanceRowTotal || k == grammar.BalanceReviewTotal {
				names = append(names, def.Row(r.b.Right[0].Row).Label)
			} else {
				names = append(names, colLabel(r.b.Right[0]))
			}
		}
		list := "“" + strings.Join(names, "”“") + "”"
		listEN := "“" + strings.Join(names, "”, “") + "”"
		switch k {
		case grammar.BalanceRowTotal, grammar.BalanceReviewTotal:
			zs = append(zs, list+"的总计")
			es = append(es, "the total of "+listEN)
		case grammar.BalanceOutcomeTotal:
			row := def.Row(rs[0].b.Right[0].Row).Label
			zs = append(zs, fmt.Sprintf("%s列的“%s”", list, row))
			es = append(es, fmt.Sprintf("“%s” in column %s", row, listEN))
		case grammar.BalanceColumn:
			side := func(refs []grammar.CellRef) string {
				var ts []string
				for _, ref := range refs {
					ts = append(ts, shortRow(def.Row(ref.Row)))
				}
				return strings.Join(ts, " + ")
			}
			eq := side(rs[0].b.Left) + " = " + side(rs[0].b.Right)
			zs = append(zs, fmt.Sprintf("%s列的 %s", list, eq))
			es = append(es, fmt.Sprintf("%s in column %s", eq, listEN))
		}
	}
	return strings.Join(zs, "；"), strings.Join(es, "; ")
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
