package rules

import (
	"fmt"
	"math/bits"
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

// markScan finds the bytes of halfwidthMarks in text in order. They are
// ASCII, which Chinese text has little of: sixteen bytes at a time are
// passed over when none of them is ASCII, and only the ASCII bytes of the
// others are looked up (six vectorised searches a paragraph, one per mark,
// cost more).
type markScan struct {
	text string
}

func newMarkScan(text string) markScan { return markScan{text: text} }

// isHalfwidthMark holds halfwidthMarks.
var isHalfwidthMark = func() (t [256]bool) {
	for _, m := range halfwidthMarks {
		t[m] = true
	}
	return t
}()

// from returns the offset of the first mark at or after i, len(text) when
// there is none.
func (s *markScan) from(i int) int {
	t := s.text
	if i >= len(t) {
		return len(t)
	}
	// rest, not t[i:] at each step: its length bounds the loads
	for rest := t[i:]; len(rest) >= 32; rest = rest[32:] {
		w1, w2, w3, w4 := load64(rest), load64(rest[8:]), load64(rest[16:]), load64(rest[24:])
		if w1&w2&w3&w4&highs == highs {
			continue // every byte has its top bit: no ASCII
		}
		at := len(t) - len(rest)
		for k, w := range [4]uint64{w1, w2, w3, w4} {
			if j := markIn(t, at+8*k, w); j >= 0 {
				return j
			}
		}
	}
	// the last few words, then bytes
	rest := t[len(t)-(len(t)-i)%32:]
	for ; len(rest) >= 8; rest = rest[8:] {
		if j := markIn(t, len(t)-len(rest), load64(rest)); j >= 0 {
			return j
		}
	}
	for i = len(t) - len(rest); i < len(t); i++ {
		if isHalfwidthMark[t[i]] {
			return i
		}
	}
	return len(t)
}

// markIn returns the offset of the first mark among the eight bytes w of t
// at at, or -1: its ASCII bytes (top bit clear) looked up in turn.
func markIn(t string, at int, w uint64) int {
	for m := ^w & highs; m != 0; m &= m - 1 {
		if k := at + bits.TrailingZeros64(m)>>3; isHalfwidthMark[t[k]] {
			return k
		}
	}
	return -1
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
