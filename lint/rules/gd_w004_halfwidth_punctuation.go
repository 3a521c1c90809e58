package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W004", Name: "halfwidth-punctuation", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSafe,
		Summary:   "中文文本中使用了半角标点",
		SummaryEN: "half-width punctuation inside Chinese text",
		Explanation: `两个中文字符（汉字或全角标点）之间的半角“, : ; ? !”，以及内容含汉字、且紧挨中文的半角括号“( )”，
应使用全角“，：；？！（）”。数字中的逗号（1,000）、时间（12:30）、网址和纯英文/数字的括号内容不报告；
表格单元格和标题编号也不在此检查之列。

依据：GB/T 15834—2011《标点符号用法》规定中文文本使用全角标点；年度报告格式的标签均用全角标点（spec §0、§7）。

修复（安全）：换成对应的全角标点；括号成对替换。`,
		ExplanationEN: `Half-width “, : ; ? !” between two Chinese characters (Han characters or full-width punctuation), and half-width
brackets “( )” next to Chinese text whose content contains Han characters, should be the full-width “，：；？！（）”.
Commas in numbers (1,000), times (12:30), web addresses and brackets holding only English or digits are not reported;
table cells and heading numbers are not checked here.

Basis: GB/T 15834—2011《标点符号用法》 prescribes full-width punctuation in Chinese text; the labels of the annual
report format all use full-width punctuation (spec §0, §7).

Fix (safe): replace with the corresponding full-width punctuation; brackets are replaced in pairs.`,
		PerParagraph: true,
		Check:        checkHalfwidth,
	})
}

var fullWidth = map[byte]string{',': "，", ':': "：", ';': "；", '?': "？", '!': "！", '(': "（", ')': "）"}

// halfwidthText holds, per punctuation mark, the full-width mark and the
// messages and fix titles of its finding: built once, not per finding (a
// batch keeps thousands), and indexed by the mark (no map lookup).
var halfwidthText = func() (m [utf8.RuneSelf]*[5]string) {
	for ch, fw := range fullWidth {
		m[ch] = &[5]string{fw,
			fmt.Sprintf("中文文本中使用了半角“%c”，应为全角“%s”", ch, fw),
			fmt.Sprintf("half-width “%c” inside Chinese text; use full-width “%s”", ch, fw),
			"改为全角“" + fw + "”", "replace with full-width “" + fw + "”"}
	}
	return m
}()

// halfwidthMarks are the bytes checkHalfwidth looks at .
var halfwidthMarks = [...]byte{',', ':', ';', '?', '!', '('}

// markScan finds the bytes of halfwidthMarks in text in order, by one
// vectorised search per mark and occurrence: most paragraphs hold none or
// a few, and a byte loop over them was most of the rule's time.
type markScan struct {
	text string
	next [len(halfwidthMarks)]int // per mark: its first offset at or after the last from, else len(text)
}

func newMarkScan(text string) markScan {
	s := markScan{text: text}
	for k := range s.next {
		s.next[k] = -1
	}
	return s
}

// from returns the offset of the first mark at or after i, len(text) when
// there is none; i must not be less than at the call before.
func (s *markScan) from(i int) int {
	first := len(s.text)
	if i >= first {
		return first
	}
	for k, m := range halfwidthMarks {
		if s.next[k] < i {
			s.next[k] = len(s.text)
			if j := strings.IndexByte(s.text[i:], m); j >= 0 {
				s.next[k] = i + j
			}
		}
		first = min(first, s.next[k])
	}
	return first
}

// fixEdit is the fix of a finding with its one edit.
type fixEdit struct {
	fix  [1]lint.Fix
	edit [1]lint.Edit
}

// fixEditSlab hands out fixEdits from arrays allocated a few at a time,
// two, then twice as many up to 16 (a report with one finding does not pay
// for 16); an array lives as long as any finding holding one of its fixes.
type fixEditSlab struct {
	free []fixEdit
	made int // the size of the last array
}

func (s *fixEditSlab) next() *fixEdit {
	if len(s.free) == 0 {
		s.made = min(16, max(2, 2*s.made))
		s.free = make([]fixEdit, s.made)
	}
	fe := &s.free[0]
	s.free = s.free[1:]
	return fe
}

func checkHalfwidth(c *lint.Context) {
	var slab fixEditSlab
	r := c.Report
	src := c.Source()
	for _, p := range r.Paragraphs {
		text, base := paraText(r, p)
		marks := newMarkScan(text)
		for i := marks.from(0); i < len(text); i = marks.from(i + 1) {
			ch := text[i]
			switch ch {
			case ',', ':', ';', '?', '!':
				if isCJK(runeBefore(text, i)) && isCJK(runeAt(text, i+1)) {
					sp := srcSpan(r, base+i, base+i+1)
					if s := src.Slice(sp); len(s) != 1 || s[0] != ch {
						continue
					}
					t := halfwidthText[ch] // ch is one of ,:;?! here
					// the fix and its edit from the run's slab (the commonest
					// finding: one allocation each was a tenth of the rules')
					fe := slab.next()
					fe.edit[0] = lint.Edit{Span: sp, NewText: t[0]}
					fe.fix[0] = lint.Fix{Title: t[3], TitleEN: t[4], Edits: fe.edit[:], Applicability: lint.Safe}
					c.Emit(lint.Diagnostic{Span: sp, Message: t[1], MessageEN: t[2], Fixes: fe.fix[:]})
				}
			case '(':
				j := strings.IndexAny(text[i+1:], "()")
				if j < 0 || text[i+1+j] != ')' {
					continue
				}
				j += i + 1
				inner := text[i+1 : j]
				if !strings.ContainsFunc(inner, isHan) || runeBefore(text, i) == ']' {
					continue
				}
				if !isCJK(runeBefore(text, i)) && !isCJK(runeAt(text, j+1)) && !isCJK(runeAt(text, i+1)) {
					continue
				}
				open, closing := srcSpan(r, base+i, base+i+1), srcSpan(r, base+j, base+j+1)
				if src.Slice(open) != "(" || src.Slice(closing) != ")" {
					continue
				}
				q := quote(inner, 12) // one quote for both messages
				c.Emitf(open,
					"中文文本中使用了半角括号“("+q+")”，应为全角“（）”",
					"half-width parentheses “("+q+")” inside Chinese text; use full-width “（）”",
					lint.Fix{Title: "改为全角括号“（）”", TitleEN: "replace with full-width “（）”",
						Edits: []lint.Edit{{Span: open, NewText: "（"}, {Span: closing, NewText: "）"}}, Applicability: lint.Safe})
				i = j
			}
		}
	}
}
