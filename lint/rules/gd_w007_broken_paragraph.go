package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W007", Name: "broken-paragraph", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSafe,
		Summary:   "段落在句子中间被空行断开",
		SummaryEN: "a paragraph is broken mid-sentence by a blank line",
		Explanation: `一段文字以汉字结尾（没有句末标点），空一行后下一段又以汉字接续（如“看\n\n得懂”），
多是从 PDF 或分页的 Word 文档复制时留下的断行，读者会看到一个被拆开的句子。
以“一是”、序号或标题开头的下一段不报告；报告标题与落款不在此检查之列。

依据：各地编制通知要求“格式规范”（spec §7）。修复（安全）：删除两段之间的空行，把句子接上。`,
		ExplanationEN: `A paragraph ends in a Han character (with no sentence-final punctuation), and after a blank line the next paragraph goes
on with Han characters (such as “看\n\n得懂”): usually a line break left over from copying out of a PDF or a paginated
Word document, and readers see a sentence torn in two. A next paragraph that starts with “一是”, a number or a heading
is not reported; the report's title and signature are not checked.

Basis: local compilation notices require “格式规范” (proper format) (spec §7). Fix (safe): delete the blank line between
the two paragraphs, joining the sentence.`,
		Check: checkBrokenParagraph,
	})
}

// itemStart reports whether s starts as a list item does: what
// ^(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|#)
// matches (the tests hold it to the pattern), read by hand: the regexp's
// matcher cost two thousand instructions a paragraph.
func itemStart(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '#' {
		return true
	}
	// the numerals and digits of the opening run, at most three (a fourth
	// leaves no alternative matching); each numeral three bytes
	numerals, digits, i := 0, 0, 0
	paren := strings.HasPrefix(s, "（") || s[0] == '('
	if paren {
		i = len("（")
		if s[0] == '(' {
			i = 1
		}
	}
	for numerals+digits < 4 && i < len(s) {
		if c := s[i]; c >= '0' && c <= '9' {
			digits++
			i++
		} else if i+3 <= len(s) && isEnumNumeral(s[i:i+3]) {
			numerals++
			i += 3
		} else {
			break
		}
	}
	n, rest := numerals+digits, s[i:]
	switch {
	case n == 0 || n > 3:
		return false
	case paren:
		return strings.HasPrefix(rest, "）") || strings.HasPrefix(rest, ")")
	case digits == 0:
		return strings.HasPrefix(rest, "是") || strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "．") || strings.HasPrefix(rest, ".")
	case numerals == 0:
		return n <= 2 && (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "．") || strings.HasPrefix(rest, "、"))
	}
	return false
}

// blankLines is the number of line breaks of s when it holds only space
// runes (isSpaceRune), else -1: strings.Count(s, "\n") when
// strings.TrimFunc(s, isSpaceRune) is empty, in one pass that stops at
// the first other rune.
func blankLines(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			switch c {
			case '\n':
				n++
			case ' ', '\t', '\r':
			default:
				return -1
			}
			i++
			continue
		}
		r, size := decodeRune(s, i)
		if !isSpaceRune(r) {
			return -1
		}
		i += size
	}
	return n
}

// runesAtLeast reports runeCount(s) >= n, counting no further than n.
func runesAtLeast(s string, n int) bool {
	if len(s) < n {
		return false // a rune is a byte at least
	}
	k := 0
	for i := 0; i < len(s) && k < n; k++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case threeByteLead[c] && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
		}
	}
	return k >= n
}

func checkBrokenParagraph(c *lint.Context) {
	r := c.Report
	src := c.Source()
	if !identityView(r) {
		return // HTML and .docx paragraphs are elements, not lines
	}
	ps := r.Paragraphs
	hi := 0
	for i := 0; i+1 < len(ps); i++ {
		p, q := ps[i], ps[i+1]
		if p.Section != q.Section || r.Title != nil && p.Span.Start < r.Title.Span.End {
			continue
		}
		// only blank lines between: first, where most pairs fail, without
		// looking up lines
		if blankLines(src.Text[p.Span.End:q.Span.Start]) < 2 {
			continue
		}
		if inSignature(r, q.Span.Start) {
			continue
		}
		lp, lq := src.Line(p.Span.End), src.Line(q.Span.Start)
		if lq < lp+2 {
			continue
		}
		if blockBreakBetween(r, r.Headings, &hi, p.Span.End, q.Span.Start) {
			continue
		}
		last := runeBefore(src.Text, p.Span.End)
		first := runeAt(src.Text, q.Span.Start)
		if !isHan(last) || !isHan(first) || itemStart(src.Slice(q.Span)) {
			continue
		}
		// a short line without a comma is a caption or a name, not a sentence
		line := src.Text[src.LineStart(lp):src.LineEnd(lp)]
		if !runesAtLeast(strings.TrimSpace(line), 20) && !strings.ContainsAny(line, "，,、") {
			continue
		}
		sp := grammar.Span{Start: p.Span.End, End: q.Span.Start}
		ctx := string(last) + "⏎" + string(first)
		c.Emitf(sp,
			"段落在句子中间被空行断开（“"+ctx+"”）",
			"paragraph broken mid-sentence by a blank line (“"+ctx+"”)",
			lint.Fix{Title: "删除空行，接上句子", TitleEN: "remove the blank line and join the sentence",
				Edits: []lint.Edit{{Span: sp}}, Applicability: lint.Safe})
	}
}

// inSignature reports whether off is at or after the closing body or date.
func inSignature(r *grammar.Report, off int) bool {
	sig := r.Signature
	if sig == nil {
		return false
	}
	if sig.Body != "" && off >= sig.BodySpan.Start {
		return true
	}
	return sig.Date != nil && off >= sig.Date.Span.Start
}
