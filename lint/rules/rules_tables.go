package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Table rules (GD-T): the shape and the cells of the three tables. The parser
// already found every shape problem (Table.Problems, Report.Unplaced) and
// classified every cell (Cell.Kind); these rules turn that into findings at
// the exact place, without reading the table text again.

const cellKinds = `
模板的每个数据单元格都应是数字。“/”“—”“不适用”、空白和 0 是不同的东西：0 是“没有”，空白是“没填”，
占位符是“不适用”。gdlint 不把空白或占位符当作 0，含有它们的勾稽关系不判为不平衡（见 GD-A005）。`

const cellKindsEN = `
Every data cell of the template should hold a number. “/”, “—”, “不适用”, a blank and 0 are different things: 0 means
“none”, a blank means “not filled in”, a placeholder means “not applicable”. gdlint does not take a blank or a
placeholder as 0, and a relation that contains one is not reported as unbalanced (see GD-A005).`

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
	lint.Register(&lint.Rule{
		ID: "GD-T002", Name: "row-values", Family: lint.FamilyTables, Severity: lint.Error,
		Summary:   "一行的数值个数不对，或粘连的数字无法唯一拆分",
		SummaryEN: "A row has too few values, or glued digits cannot be split one way",
		Explanation: `每一行应有模板规定个数的数值（表三每行 7 个，表四共 15 个）。数值少于模板时，无法确定缺少哪一个；
网页抓取常把一行数字连在一起（如“640020470”），若按本行合计关系有不止一种拆分，也无法确定各单元格的值。
这些数值不会被猜测，而是作为本规则的发现报告，相关的勾稽关系不核对。

依据：国办公开办函〔2021〕30号表格结构；规范 §4.2、§5.1。`,
		ExplanationEN: `Every row should have as many values as the template gives it (7 per row in 表三, 15 in all in 表四). With fewer values
there is no knowing which one is missing; and web crawls often glue a row's digits together (such as “640020470”): if
the row total allows more than one split, the cells' values cannot be determined either. Such values are not guessed but
reported by this rule, and the balances involved are not checked.

Basis: the table structure of 国办公开办函〔2021〕30号; spec §4.2, §5.1.`,
		Check: func(ctx *lint.Context) { emitProblems(ctx, "missing-values", "ambiguous-split", "unbalanced-split") },
	})
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
	lint.Register(&lint.Rule{
		ID: "GD-T004", Name: "blank-cell", Family: lint.FamilyTables, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "应填数字的单元格为空白（不按 0 计）",
		SummaryEN: "A cell that takes a number is blank (not read as 0)",
		Explanation: `模板要求每个单元格填写数字，没有发生的事项填 0。空白单元格不按 0 计：它可能是漏填，
也可能是网页或 Word 导出丢失了内容。含空白单元格的勾稽关系不核对（GD-A005）。
修复（仅作建议）：填入 0——只有确认该项确为“没有”时才应采用。
` + cellKinds + `

依据：国办公开办函〔2021〕30号表格；规范 §4.3 第 5 条（空白总计列应视为“未填”而非 0）。`,
		ExplanationEN: `The template asks for a number in every cell; an item that did not occur gets 0. A blank cell is not counted as 0: it
may have been forgotten, or its content may have been lost in a web page or a Word export. Balances with a blank cell
are not checked (GD-A005).
Fix (suggestion only): fill in 0 — to be used only when it is certain that the item really is “none”.
` + cellKindsEN + `

Basis: the tables of 国办公开办函〔2021〕30号; spec §4.3 item 5 (a blank total column counts as “not filled in”, not as
0).`,
		Check: checkBlankCells,
	})
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
	lint.Register(&lint.Rule{
		ID: "GD-T008", Name: "label-wording", Family: lint.FamilyTables, Severity: lint.Warning,
		Fixable:   lint.FixSometimes,
		Summary:   "表格标签与模板措辞不一致",
		SummaryEN: "A table label is worded differently from the template",
		Explanation: `表格的行标签、列标签和表头应与模板一致。本规则报告已知的变体（如“社会组织”之于“社会公益组织”、
“未审结”之于“尚未审结”、“规范性文件”之于“行政规范性文件”）、错字（“本年度止件数”）、被截断的标签和括号残缺的标签。
只是空格、全角/半角标点不同的不报告；被排版拆成两行或两个单元格的标签（“结果”“维持”）也不报告。
行标签未能识别、按位置对应的行，只报告不修复。

修复：改为模板标签。对已知变体、错字、截断和缺编号的标签，这一修复是安全的。

依据：国办公开办函〔2021〕30号所附表格的标签；规范 §3、§4、§5、§7、§9。`,
		ExplanationEN: `The row labels, column labels and headers of the tables should match the template. This rule reports known variants
(such as “社会组织” for “社会公益组织”, “未审结” for “尚未审结”, “规范性文件” for “行政规范性文件”), typos
(“本年度止件数”), truncated labels and labels with broken brackets. Differences only in spacing or in
full-width/half-width punctuation are not reported, nor are labels split over two lines or two cells by the layout
(“结果” “维持”). A row whose label was not recognised and that was matched by position is reported but not fixed.

Fix: change to the template label. The fix is safe for known variants, typos, truncated labels and labels missing their
numbering.

Basis: the labels of the tables attached to 国办公开办函〔2021〕30号; spec §3, §4, §5, §7, §9.`,
		Check: checkLabels,
	})
	lint.Register(&lint.Rule{
		ID: "GD-T009", Name: "unplaced-value", Family: lint.FamilyTables, Severity: lint.Warning,
		Summary:   "表格中的数值无法对应到模板的单元格",
		SummaryEN: "A value in a table cannot be placed in a template cell",
		Explanation: `表格区域里有数值，但解析器无法把它对应到模板的某个单元格：前面没有可识别的行标签、
行标签不是模板中的行、同一行重复出现等。原因写在消息中。这些数值不参与任何核对。
已由 GD-T002、GD-T003 报告的整行问题不再重复。

依据：设计约定“规则不静默猜测”：无法放置的内容本身就是一个发现。`,
		ExplanationEN: `There is a value in a table area that the parser cannot place in any template cell: no recognisable row label before it,
a row label that is not a row of the template, the same row repeated, and so on. The message gives the reason. Such
values take part in no check. Whole-row problems already reported by GD-T002 and GD-T003 are not repeated.

Basis: the design principle that rules never guess silently (规则不静默猜测): content that cannot be placed is a finding
in itself.`,
		Check: checkUnplaced,
	})
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
	lint.Register(&lint.Rule{
		ID: "GD-T012", Name: "missing-column-label", Family: lint.FamilyTables, Severity: lint.Warning,
		Summary:   "表格的列标题中缺少模板的某一列",
		SummaryEN: "A column heading of the template is missing from a table",
		Explanation: `数值按模板的列顺序对应，但列标题缺失或残缺时（例如表四的“结果纠正”被截成“结果”），
读者无法确认各列的含义，也可能意味着列被删减或移位。本规则列出在表格中找不到的列标题。

依据：国办公开办函〔2021〕30号所附表格的列结构；规范 §3、§4.1、§5.1。`,
		ExplanationEN: `Values are placed in the template's column order, but when a column heading is missing or damaged (for example,
“结果纠正” in 表四 cut down to “结果”), readers cannot be sure what each column means, and columns may have been dropped
or shifted. This rule lists the column headings not found in the table.

Basis: the column structure of the tables attached to 国办公开办函〔2021〕30号; spec §3, §4.1, §5.1.`,
		Check: checkColumnLabels,
	})
}

// tables lists the tables that were found.
func tables(rep *grammar.Report) []*grammar.Table {
	var out []*grammar.Table
	for _, t := range rep.Tables {
		if t != nil {
			out = append(out, t)
		}
	}
	return out
}

// emitProblems reports the parser's table problems of the given kinds.
func emitProblems(ctx *lint.Context, kinds ...string) {
	for _, t := range tables(ctx.Report) {
		for _, p := range t.Problems {
			for _, k := range kinds {
				if p.Kind == k {
					ctx.Emitf(p.Span, tableName(t.ID)+"："+p.Message, problemEN(t, p))
				}
			}
		}
	}
}

// problemEN is the English text of a parser problem (the parser writes Chinese).
func problemEN(t *grammar.Table, p *grammar.Problem) string {
	row := ""
	if p.Row != nil {
		row = p.Row.Label
	}
	name := tableNameEN(t.ID)
	switch p.Kind {
	case "missing-row":
		return fmt.Sprintf("%s: row “%s” is missing, or its values cannot be told", name, row)
	case "missing-values":
		return fmt.Sprintf("%s: row “%s” has fewer values than the template; which one is missing cannot be told", name, row)
	case "ambiguous-split":
		return fmt.Sprintf("%s: the digits of row “%s” are glued together and split more than one way", name, row)
	case "unbalanced-split":
		return fmt.Sprintf("%s: the digits of row “%s” are glued together; none of the ways to split them adds up to the row total", name, row)
	case "extra-values":
		return fmt.Sprintf("%s: row “%s” has more cells than the template; the extra ones were not used", name, row)
	case "unknown-label":
		return fmt.Sprintf("%s: a row label that is not in the template", name)
	case "unreadable":
		return fmt.Sprintf("%s: the table was found but none of its values could be placed", name)
	}
	return fmt.Sprintf("%s: %s", name, p.Kind)
}

func zeroFix(c *grammar.Cell) lint.Fix {
	return lint.Fix{Title: "填入 0", TitleEN: "Fill in 0", Applicability: lint.Unsafe,
		Edits: []lint.Edit{{Span: c.Span, NewText: "0"}}}
}

func checkBlankCells(ctx *lint.Context) {
	for _, t := range tables(ctx.Report) {
		for _, c := range t.Cells() {
			if c.Kind != grammar.CellEmpty {
				continue
			}
			ctx.Emitf(c.Span,
				fmt.Sprintf("%s%s为空白单元格；空白不按 0 计，请填写数字（没有则填 0）", tableName(t.ID), cellLabel(c)),
				fmt.Sprintf("%s %s is blank; a blank is not read as 0, fill in a number (0 if none)", tableNameEN(t.ID), cellLabel(c)),
				zeroFix(c))
		}
	}
}

func checkPlaceholderCells(ctx *lint.Context) {
	for _, t := range tables(ctx.Report) {
		for _, c := range t.Cells() {
			if c.Kind != grammar.CellPlaceholder {
				continue
			}
			ctx.Emitf(c.Span,
				fmt.Sprintf("%s%s填的是占位符“%s”，模板要求填写数字（没有则填 0）", tableName(t.ID), cellLabel(c), c.Text),
				fmt.Sprintf("%s %s holds the placeholder “%s”; the template asks for a number (0 if none)", tableNameEN(t.ID), cellLabel(c), c.Text),
				zeroFix(c))
		}
	}
}

// colSigned: the 2019 format's 本年增/减 column may be negative.
const colSigned = "change"

func checkInvalidNumbers(ctx *lint.Context) {
	for _, t := range tables(ctx.Report) {
		for _, c := range t.Cells() {
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

// isAmountCol tells the money column of a decimal row (万元, 采购总金额).
func isAmountCol(c *grammar.ColDef) bool { return c.Key == grammar.ColAmount }

// unitWan is the unit the template's amount heading names.
const unitWan = "万元"

func checkAmountUnits(ctx *lint.Context) {
	for _, t := range tables(ctx.Report) {
		for _, c := range t.Cells() {
			if c.Kind != grammar.CellNumber || !isAmountCol(c.Col) || c.Unit == "" || c.Unit == unitWan ||
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

// ---- labels ----

// brackets counts opening and closing brackets of either width.
func brackets(s string) (open, close int) {
	for _, r := range s {
		switch r {
		case '（', '(':
			open++
		case '）', ')':
			close++
		}
	}
	return
}

// sameLabel: the text differs from the canonical label only in spacing and
// punctuation width, and its brackets are all there (balanced brackets
// around it, “(自然人)”, do not matter).
func sameLabel(text, canonical string) bool {
	// most labels are written exactly as the template has them
	if text != canonical && grammar.LabelKey(text) != templateKey(canonical) {
		return false
	}
	o1, c1 := brackets(text)
	o2, c2 := brackets(canonical)
	return o1 == c1 && o1 >= o2 && c1 >= c2
}

// skippable runes sit between the pieces of a label broken by the layout.
func skippable(r rune) bool {
	return unicode.IsSpace(r) || r == '|' || r == 0x3000 || r == 0xA0 || grammar.LabelKey(string(r)) == ""
}

// keyBefore returns up to n label-key runes of the source right before off.
func keyBefore(src string, off, n int) []rune {
	var out []rune
	for i := off; i > 0 && len(out) < n && off-i < 200; {
		r, w := utf8.DecodeLastRuneInString(src[:i])
		i -= w
		if skippable(r) {
			continue
		}
		out = append([]rune{r}, out...)
	}
	return out
}

// keyAfter returns up to n label-key runes of the source from off on.
func keyAfter(src string, off, n int) []rune {
	var out []rune
	for i := off; i < len(src) && len(out) < n && i-off < 200; {
		r, w := utf8.DecodeRuneInString(src[i:])
		i += w
		if skippable(r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// brokenByLayout: the label is a piece of the canonical label whose other
// piece stands right before it (结果 | 维持) or right after it (只计这一情 /
// 形，不计其他情形）) — the layout broke it, the wording is right.
func brokenByLayout(src string, l *grammar.Label) bool {
	text := []rune(grammar.LabelKey(l.Text))
	canon := []rune(grammar.LabelKey(l.Canonical))
	if len(text) == 0 || len(text) >= len(canon) {
		return false
	}
	if string(canon[len(canon)-len(text):]) == string(text) {
		missing := canon[:len(canon)-len(text)]
		if string(keyBefore(src, l.Span.Start, len(missing))) == string(missing) {
			return true
		}
	}
	if string(canon[:len(text)]) == string(text) {
		missing := canon[len(text):]
		n := min(len(missing), 4)
		if string(keyAfter(src, l.Span.End, n)) == string(missing[:n]) {
			return true
		}
	}
	return false
}

// shreddedHeading: a column label that is the tail of its heading (维持 of
// 结果维持) in a table whose text holds the missing head as a loose piece
// — a PDF export cut the headings into pieces, the wording is right.
func shreddedHeading(ctx *lint.Context, t *grammar.Table, l *grammar.Label) bool {
	if l.Kind != grammar.LabelColumn {
		return false
	}
	text, canon := grammar.LabelKey(l.Text), templateKey(l.Canonical)
	if len(text) >= len(canon) || !strings.HasSuffix(canon, text) {
		return false
	}
	head := strings.TrimSuffix(canon, text)
	return strings.Contains(looseTableKeyOf(ctx, t), head)
}

// looseTableKey is a table's key (tableKey) with every column heading of the
// template replaced by a NUL: what is left are the loose pieces.
func looseTableKey(t *grammar.Table, region string) string {
	for _, r := range t.Def.Rows {
		for _, c := range r.Cols {
			region = strings.ReplaceAll(region, templateKey(c.Label), "\x00")
		}
	}
	return region
}

// tableKey is the label key of a table's text, without markup.
func tableKey(rep *grammar.Report, t *grammar.Table) string {
	text := rep.Source.Slice(t.Span)
	if rep.Rendering == "html" || rep.Rendering == "docx" {
		text = reMarkup.ReplaceAllString(text, "")
	}
	return strings.ReplaceAll(grammar.LabelKey(text), "|", "")
}

var howZH = map[string]string{
	"variant": "已知变体", "typo": "错字", "truncated": "被截断", "unnumbered": "缺少编号", "position": "未能识别", "brackets": "括号残缺",
}

func checkLabels(ctx *lint.Context) {
	src := ctx.Source().Text
	for _, t := range tables(ctx.Report) {
		used := map[*grammar.Label]bool{}
		for _, r := range t.Rows {
			if r.Label != nil {
				used[r.Label] = true
			}
		}
		for _, l := range t.Labels {
			if sameLabel(l.Text, l.Canonical) {
				continue
			}
			// a row label that does not head a row is a stray mention
			if l.Kind == grammar.LabelRow && !used[l] {
				continue
			}
			how := l.How
			if how == "" || grammar.LabelKey(l.Text) == grammar.LabelKey(l.Canonical) {
				how = "brackets"
			}
			if l.Kind == grammar.LabelHeader && how == "truncated" {
				continue // a long note wrapped by a PDF export
			}
			if how != "position" && (brokenByLayout(src, l) || shreddedHeading(ctx, t, l)) {
				continue
			}
			zhHow := howZH[how]
			if how == "position" {
				ctx.Emitf(l.Span,
					fmt.Sprintf("%s的行标签“%s”未能识别，按位置视为“%s”，请核对", tableName(t.ID), l.Text, l.Canonical),
					fmt.Sprintf("%s: row label “%s” was not recognised and was taken as “%s” by its position; please check", tableNameEN(t.ID), l.Text, l.Canonical))
				continue
			}
			ctx.Emitf(l.Span,
				fmt.Sprintf("%s的标签“%s”与模板不一致（%s），应为“%s”", tableName(t.ID), l.Text, zhHow, l.Canonical),
				fmt.Sprintf("%s: label “%s” differs from the template (%s); the template has “%s”", tableNameEN(t.ID), l.Text, how, l.Canonical),
				lint.Fix{Title: "改为模板标签“" + l.Canonical + "”", TitleEN: "Use the template label “" + l.Canonical + "”",
					Applicability: lint.Safe, Edits: []lint.Edit{{Span: l.Span, NewText: l.Canonical}}})
		}
	}
}

func checkUnplaced(ctx *lint.Context) {
	rep := ctx.Report
	inProblem := func(u *grammar.Unplaced) bool {
		t := rep.Table(u.Table)
		if t == nil {
			return false
		}
		for _, p := range t.Problems {
			if p.Kind != "missing-row" && p.Kind != "unknown-label" && p.Span.Start <= u.Span.Start && u.Span.End <= p.Span.End {
				return true
			}
		}
		return false
	}
	// one finding per reason and line: a row of values shares its reason
	type key struct {
		table  int
		line   int
		reason string
	}
	var groups []key
	byKey := map[key][]*grammar.Unplaced{}
	for _, u := range rep.Unplaced {
		if inProblem(u) {
			continue
		}
		k := key{u.Table, rep.Source.Line(u.Span.Start), u.Reason}
		if byKey[k] == nil {
			groups = append(groups, k)
		}
		byKey[k] = append(byKey[k], u)
	}
	for _, k := range groups {
		us := byKey[k]
		var texts []string
		for _, u := range us {
			texts = append(texts, u.Text)
		}
		d := lint.Diagnostic{Span: us[0].Span,
			Message:   fmt.Sprintf("%s中的“%s”无法对应到模板的单元格：%s", tableName(k.table), strings.Join(texts, " "), k.reason),
			MessageEN: fmt.Sprintf("%s: “%s” cannot be placed in a template cell (%s)", tableNameEN(k.table), strings.Join(texts, " "), k.reason),
		}
		for _, u := range us[1:] {
			d.Related = append(d.Related, lint.Related{Span: u.Span, Message: u.Text})
		}
		ctx.Emit(d)
	}
}

// reMarkup matches tags and entities of an HTML or WordprocessingML source.
var reMarkup = regexp.MustCompile(`<[^>]*>|&[#0-9a-zA-Z]+;`)

func checkColumnLabels(ctx *lint.Context) {
	for _, t := range tables(ctx.Report) {
		if t.Unreadable || t.Layout == "glued" {
			continue // a crawler's flattened table lost its header layout
		}
		// a heading broken over lines or cells (商业 / 企业) is still there:
		// look for it in the table's text with the layout removed
		var b strings.Builder
		b.WriteString(tableKeyOf(ctx, t))
		for _, l := range t.Labels {
			if l.Kind == grammar.LabelColumn {
				b.WriteString("\x00" + templateKey(l.Canonical))
			}
		}
		region := b.String()
		var missing []string
		seen := map[string]bool{}
		for _, r := range t.Def.Rows {
			for _, c := range r.Cols {
				if seen[c.Key] {
					continue
				}
				seen[c.Key] = true
				found := strings.Contains(region, templateKey(c.Label))
				for _, s := range c.Variants {
					found = found || strings.Contains(region, templateKey(s))
				}
				if !found {
					missing = append(missing, c.Label)
				}
			}
		}
		if len(missing) == 0 {
			continue
		}
		sp := grammar.Span{Start: t.Span.Start, End: t.Span.Start}
		if len(t.Labels) > 0 {
			sp = t.Labels[0].Span
		}
		ctx.Emitf(sp,
			fmt.Sprintf("%s的列标题中找不到“%s”（缺失或残缺）", tableName(t.ID), strings.Join(missing, "”“")),
			fmt.Sprintf("%s: no column heading “%s” (missing or broken)", tableNameEN(t.ID), strings.Join(missing, "”, “")))
	}
}
