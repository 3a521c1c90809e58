package rules

import (
	"sort"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W005", Name: "stray-space", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSafe,
		Summary:   "中文字符之间有多余的空格",
		SummaryEN: "stray space between Chinese characters",
		Explanation: `正文中两个中文字符之间的空格（如“关注关 切”“问题， 细化”）多是排版或复制留下的，读者看到的是断裂的词。
句号、问号、叹号之后的空格不报告（抓取的网页常用空格分隔原来的段落）；汉字与数字、字母之间的空格是另一种
排版风格，不在此检查之列；表格单元格与标题编号中的空格由表格、结构规则处理。

依据：各地编制通知要求“格式规范、文字严谨”（spec §7）。修复（安全）：删除空格。`,
		ExplanationEN: `A space between two Chinese characters in the text (such as “关注关 切” or “问题， 细化”) is usually left over from
layout or copying, and readers see a broken word. A space after a full stop, question mark or exclamation mark is not
reported (crawled web pages often separate the original paragraphs with spaces); a space between Han characters and
digits or Latin letters is a different typographic style and is not checked here; spaces in table cells and heading
numbers are left to the table and structure rules.

Basis: local compilation notices require “格式规范、文字严谨” (proper format, careful wording) (spec §7). Fix (safe):
delete the space.`,
		Check: checkStraySpace,
	})
}

// viewLines indexes the line starts of the view once, for rules that ask
// how long the line holding a paragraph is.
type viewLines struct {
	text   string
	starts []int
	// src, when the view is the source's text, is read instead of starts:
	// the source has the same line starts, found when it was made
	src *grammar.Source
}

// viewLinesOf is newViewLines(viewOf(r).Text), taking the line starts of
// the source when the view is its text.
func viewLinesOf(r *grammar.Report) *viewLines {
	text := viewOf(r).Text
	if src := r.Source; src.Text == text && src.LineCount() > 0 {
		return &viewLines{text: text, src: src}
	}
	return newViewLines(text)
}

func newViewLines(text string) *viewLines {
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &viewLines{text: text, starts: starts}
}

// line returns the bounds of the line holding off, without its break.
func (vl *viewLines) line(off int) (int, int) {
	if s := vl.src; s != nil {
		i := s.Line(off)
		start, end := s.LineStart(i), len(vl.text)
		if i+1 < s.LineCount() {
			end = s.LineStart(i+1) - 1
		}
		return start, end
	}
	i := sort.Search(len(vl.starts), func(i int) bool { return vl.starts[i] > off }) - 1
	start, end := vl.starts[i], len(vl.text)
	if i+1 < len(vl.starts) {
		end = vl.starts[i+1] - 1
	}
	return start, end
}

func checkStraySpace(c *lint.Context) {
	rep := c.Report
	src := c.Source()
	v := viewOf(rep)
	// whether a paragraph's line is a flattened page, found only for a
	// paragraph with a space to judge (most have none)
	var vl *viewLines
	lastLine, flattened := -1, false
	flatAt := func(base int) bool {
		if vl == nil {
			vl = viewLinesOf(rep)
		}
		if ls, le := vl.line(base); ls != lastLine {
			lastLine, flattened = ls, moreRunesThan(v.Text[ls:le], 300)
		}
		return flattened
	}
	for _, p := range rep.Paragraphs {
		text, base := paraText(rep, p)
		spaces := spaceFinder{text: text, next: [3]int{-2, -2, -2}}
		for i := spaces.from(0); i < len(text); i = spaces.from(i) {
			j := i
			for j < len(text) {
				r2, n2 := decodeRune(text, j)
				if r2 != ' ' && r2 != 0x3000 && r2 != 0xA0 {
					break
				}
				j += n2
			}
			before, after := runeBefore(text, i), runeAt(text, j)
			// a page flattened by a crawler separates its former paragraphs
			// and menu items with spaces: there only a space after a comma
			// or an enumeration mark is a slip
			if isHan(before) && flatAt(base) {
				i = j
				continue
			}
			if isCJK(before) && isCJK(after) && !strings.ContainsRune("。！？!?", before) && !openingMark(after) {
				sp := srcSpan(rep, base+i, base+j)
				if sp.Len() == 0 || strings.ContainsAny(src.Slice(sp), "<>\n\t") {
					i = j
					continue // a separator the reader made up, markup or HTML layout
				}
				ctx := string(before) + text[i:j] + string(after)
				c.Emitf(sp,
					"中文字符之间有多余的空格：“"+ctx+"”",
					"stray space between Chinese characters: “"+ctx+"”",
					lint.Fix{Title: "删除空格", TitleEN: "delete the space", Edits: []lint.Edit{{Span: sp}}, Applicability: lint.Safe})
			}
			i = j
		}
	}
}

// spaceFinder finds the spaces of a text in increasing order: ' ', U+3000
// and U+00A0, each searched for by its first byte and remembered until
// passed. The encodings start with bytes that never continue a character,
// so a hit is always where a character starts.
type spaceFinder struct {
	text string
	next [3]int // per kind: its next offset, -1 when none is left, -2 before the first search
}

// from returns the offset of the first space at or after i, or len(text).
func (f *spaceFinder) from(i int) int {
	best := len(f.text)
	for k := range f.next {
		if f.next[k] == -1 {
			continue
		}
		if f.next[k] < i {
			f.next[k] = indexSpace(f.text, i, k)
			if f.next[k] < 0 {
				continue
			}
		}
		best = min(best, f.next[k])
	}
	return best
}

// indexSpace returns the offset of the first space of kind k (' ', U+3000
// E3 80 80, U+00A0 C2 A0) in s at or after i, or -1. The first byte is
// searched for and the rest compared here: strings.Index stopped at each
// 、 and 。 (E3 80 as well) to call a comparison of the three bytes.
func indexSpace(s string, i, k int) int {
	lead := " \xe3\xc2"[k]
	for i < len(s) {
		j := strings.IndexByte(s[i:], lead)
		if j < 0 {
			return -1
		}
		i += j
		switch k {
		case 0:
			return i
		case 1:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return i
			}
		default:
			if i+1 < len(s) && s[i+1] == 0xA0 {
				return i
			}
		}
		i++
	}
	return -1
}

// moreRunesThan reports utf8.RuneCountInString(s) > n, counting only when
// the length in bytes leaves it open (a character is one to four bytes).
func moreRunesThan(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	return runeCount(s) > n
}

// openingMark is a bracket or quote that opens: a space before it may
// separate items on purpose (crawled pages, lists).
func openingMark(r rune) bool {
	return strings.ContainsRune("（《“〔【「", r)
}
