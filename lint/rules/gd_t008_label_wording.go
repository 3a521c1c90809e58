package rules

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
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
}

// looseTableKeyOf is looseTableKey of t, once per run.
func looseTableKeyOf(c *lint.Context, t *grammar.Table) string {
	keys := lint.Memo(c, looseKeysKey, func() map[*grammar.Table]string { return map[*grammar.Table]string{} })
	k, ok := keys[t]
	if !ok {
		k = looseTableKey(t, tableKeyOf(c, t).full())
		keys[t] = k
	}
	return k
}

// brackets counts opening and closing brackets of either width.
func brackets(s string) (open, close int) {
	// bytes, not runes: （ and ） are EF BC 88 and EF BC 89, and EF never
	// continues another rune
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			open++
		case ')':
			close++
		case 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBC {
				switch s[i+2] {
				case 0x88:
					open++
				case 0x89:
					close++
				}
			}
		}
	}
	return
}

// sameLabel: the text differs from the canonical label only in spacing and
// punctuation width, and its brackets are all there (balanced brackets
// around it, “(自然人)”, do not matter).
func sameLabel(text, canonical string) bool {
	tl := templateInfo(canonical) // by the address of the template's string
	if text == canonical {
		return tl.open == tl.close
	}
	same, o1, c1 := labelKeyBrackets(text, tl.key)
	return same && o1 == c1 && o1 >= tl.open && c1 >= tl.close
}

// skippable runes sit between the pieces of a label broken by the layout:
// the runes a label key leaves out (spaces among them) and '|'.
func skippable(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiKeyDrop[r] // '|' and what LabelKey drops
	}
	switch k := runeKey(r); k {
	case runeDropped:
		return true
	case runeUnknown:
		return grammar.LabelKey(string(r)) == ""
	}
	return false
}

// keyBeforeIs tells whether the n label-key runes of the source right
// before off (within 200 bytes) are the runes of want, n of them.
func keyBeforeIs(src string, off int, want string) bool {
	for i := off; len(want) > 0; {
		if i <= 0 || off-i >= 200 {
			return false
		}
		r, w := decodeLastRune(src, i)
		i -= w
		if skippable(r) {
			continue
		}
		wr, ww := decodeLastRune(want, len(want))
		if r != wr {
			return false
		}
		want = want[:len(want)-ww]
	}
	return true
}

// keyAfterIs tells whether the label-key runes of the source from off on
// (within 200 bytes) begin with the runes of want.
func keyAfterIs(src string, off int, want string) bool {
	for i := off; len(want) > 0; {
		if i >= len(src) || i-off >= 200 {
			return false
		}
		r, w := decodeRune(src, i)
		i += w
		if skippable(r) {
			continue
		}
		wr, ww := decodeRune(want, 0)
		if r != wr {
			return false
		}
		want = want[ww:]
	}
	return true
}

// brokenByLayout: the label is a piece of the canonical label whose other
// piece stands right before it (结果 | 维持) or right after it (只计这一情 /
// 形，不计其他情形）) — the layout broke it, the wording is right.
//
// text is grammar.LabelKey(l.Text), made once by the caller.
func brokenByLayout(src string, l *grammar.Label, text string) bool {
	// label keys are valid UTF-8: a byte suffix or prefix of one that is
	// itself a key is a rune suffix or prefix
	// text has fewer runes than canon, and some: told by its length, for
	// both are keys (valid UTF-8) and below text is a byte suffix or
	// prefix of canon, so a rune suffix or prefix, shorter exactly when
	// it has fewer bytes
	canon := templateInfo(l.Canonical).key
	if len(text) == 0 || len(text) >= len(canon) {
		return false
	}
	if strings.HasSuffix(canon, text) && keyBeforeIs(src, l.Span.Start, canon[:len(canon)-len(text)]) {
		return true
	}
	if strings.HasPrefix(canon, text) {
		missing := canon[len(text):]
		// the first four runes of the missing piece
		n, cut := 0, len(missing)
		for i := range missing {
			if n == 4 {
				cut = i
				break
			}
			n++
		}
		if keyAfterIs(src, l.Span.End, missing[:cut]) {
			return true
		}
	}
	return false
}

// shreddedHeading: a column label that is the tail of its heading (维持 of
// 结果维持) in a table whose text holds the missing head as a loose piece
// — a PDF export cut the headings into pieces, the wording is right.
// text is grammar.LabelKey(l.Text).
func shreddedHeading(ctx *lint.Context, t *grammar.Table, l *grammar.Label, text string) bool {
	if l.Kind != grammar.LabelColumn {
		return false
	}
	canon := templateKey(l.Canonical)
	if len(text) >= len(canon) || !strings.HasSuffix(canon, text) {
		return false
	}
	head := strings.TrimSuffix(canon, text)
	return strings.Contains(looseTableKeyOf(ctx, t), head)
}

// looseTableKey is a table's key (tableKey) with every column heading of the
// template replaced by a NUL: what is left are the loose pieces.
func looseTableKey(t *grammar.Table, region string) string {
	// each distinct key once, in template order: a key already replaced
	// cannot come back (NUL is in no key)
	for _, k := range columnsOf(t.Def).labelKeys {
		region = strings.ReplaceAll(region, k, "\x00")
	}
	return region
}

// headsRow tells whether l is the label of a row of t.
func headsRow(t *grammar.Table, l *grammar.Label) bool {
	for _, r := range t.Rows {
		if r.Label == l {
			return true
		}
	}
	return false
}

var howZH = map[string]string{
	"variant": "已知变体", "typo": "错字", "truncated": "被截断", "unnumbered": "缺少编号", "position": "未能识别", "brackets": "括号残缺",
}

func checkLabels(ctx *lint.Context) {
	src := matchText(ctx.Report, ctx.Source().Text) // same offsets
	var slab fixEditSlab
	for t := range tables(ctx.Report) {
		for _, l := range t.Labels {
			user := l
			if ctx.Report.Traditional {
				// compared with the template in simplified characters
				lc := *l
				lc.Text = grammar.Simplified(l.Text)
				l = &lc
			}
			if sameLabel(l.Text, l.Canonical) {
				continue
			}
			// a row label that does not head a row is a stray mention (a
			// few rows looked through: cheaper than a map made per table)
			if l.Kind == grammar.LabelRow && !headsRow(t, user) {
				continue
			}
			key := grammar.LabelKey(l.Text) // once for the tests below
			how := l.How
			if how == "" || key == templateKey(l.Canonical) {
				how = "brackets"
			}
			if l.Kind == grammar.LabelHeader && how == "truncated" {
				continue // a long note wrapped by a PDF export
			}
			if how != "position" && (brokenByLayout(src, l, key) || shreddedHeading(ctx, t, l, key)) {
				continue
			}
			zhHow := howZH[how]
			if how == "position" {
				ctx.Emitf(l.Span,
					tableName(t.ID)+"的行标签“"+user.Text+"”未能识别，按位置视为“"+l.Canonical+"”，请核对",
					tableNameEN(t.ID)+": row label “"+user.Text+"” was not recognised and was taken as “"+l.Canonical+"” by its position; please check")
				continue
			}
			// the four texts in one allocation (what Sprintf with %s
			// gave); the fix and its edit from a slab
			var texts labelTexts
			texts.add("改为模板标签“", l.Canonical, "”")
			texts.add("Use the template label “", l.Canonical, "”")
			texts.add(tableName(t.ID), "的标签“", user.Text, "”与模板不一致（", zhHow, "），应为“", l.Canonical, "”")
			texts.add(tableNameEN(t.ID), ": label “", user.Text, "” differs from the template (", how, "); the template has “", l.Canonical, "”")
			out := texts.make()
			fe := slab.next()
			fe.edit[0] = lint.Edit{Span: l.Span, NewText: l.Canonical}
			fe.fix[0] = lint.Fix{Title: out[0], TitleEN: out[1], Applicability: lint.Safe, Edits: fe.edit[:]}
			ctx.Emit(lint.Diagnostic{Span: l.Span, Message: out[2], MessageEN: out[3], Fixes: fe.fix[:]})
		}
	}
}

// labelTexts are the texts of a GD-T008 finding, each the concatenation of
// its pieces, made in one allocation: four concatenations were four.
type labelTexts struct {
	pieces [24]string
	ends   [4]int // the end of each text's pieces in pieces
	n      int    // texts added
}

func (lt *labelTexts) add(pieces ...string) {
	start := 0
	if lt.n > 0 {
		start = lt.ends[lt.n-1]
	}
	lt.ends[lt.n] = start + copy(lt.pieces[start:], pieces)
	lt.n++
}

// make returns the texts; their bytes are one array, never written again.
func (lt *labelTexts) make() (out [4]string) {
	size := 0
	for _, p := range lt.pieces[:lt.ends[lt.n-1]] {
		size += len(p)
	}
	buf := make([]byte, 0, size)
	start := 0
	for i, end := range lt.ends[:lt.n] {
		from := len(buf)
		for _, p := range lt.pieces[start:end] {
			buf = append(buf, p...)
		}
		out[i] = unsafe.String(unsafe.SliceData(buf[from:]), len(buf)-from)
		start = end
	}
	return out
}
