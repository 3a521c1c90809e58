package rules

import (
	"unicode"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W002", Name: "residue", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSometimes,
		Summary:   "正文中残留网页、书签、页码或抓取工具的文字",
		SummaryEN: "text left over from a web page, a Word export, page numbers or a crawler",
		Explanation: `从网页复制、从 Word/PDF 导出或由抓取工具保存的报告常带有不属于报告的文字：导航“当前位置：”、
“阅读次数”“打印本页”“账号+密码登录”等网页元素，“[bookmark: _GoBack]”书签，“— 5 —”页码，
“原文链接:”“本地目录:”等抓取元数据。它们会被读者看到，也会干扰对正文的检查。

依据：国办公开办函〔2021〕30号要求年度报告“格式规范”；各地编制通知要求“文字严谨”（spec §2.9、§7）。

修复（安全）：删除残留文字；该行因此变空时连同整行删除。残留中含有网页的发布日期时只提供手动修复，
因为日期规则要用到它。`,
		ExplanationEN: `Reports copied from web pages, exported from Word or PDF, or saved by crawlers often carry text that is not part of the
report: web page elements such as the navigation “当前位置：”, “阅读次数”, “打印本页” or “账号+密码登录”; “[bookmark:
_GoBack]” bookmarks; “— 5 —” page numbers; crawler metadata such as “原文链接:” and “本地目录:”. Readers see them, and
they get in the way of checking the text.

Basis: 国办公开办函〔2021〕30号 requires annual reports to be “格式规范” (properly formatted); local compilation notices
require “文字严谨” (careful wording) (spec §2.9, §7).

Fix (safe): delete the leftover text, with the whole line when the line becomes empty. When the leftover contains the
web page's publication date, only a manual fix is offered, because the date rules use that date.`,
		Check: checkResidue,
	})
}

// lineSpanOf returns the span of the whole source line holding off, with its
// line break, for deleting a line that becomes empty.
func lineSpanOf(src *grammar.Source, off int) grammar.Span {
	l := src.Line(off)
	return grammar.Span{Start: src.LineStart(l), End: src.LineStart(l + 1)}
}

// onlySpaceOutside reports whether the line holding sp has nothing but
// whitespace outside sp.
func onlySpaceOutside(src *grammar.Source, sp grammar.Span) bool {
	l := src.Line(sp.Start)
	last := l
	if src.Line(sp.End) != l && !(sp.End == src.LineStart(l+1)) {
		last = src.Line(sp.End) // the span runs over several lines: the last one's tail
	}
	// a span that ends at the next line's start, or inside a CRLF, has
	// nothing after it on its line
	if end := src.LineEnd(last); sp.End < end && !onlySpaces(src.Text[sp.End:end]) {
		return false
	}
	return onlySpaces(src.Text[src.LineStart(l):sp.Start])
}

// onlySpaces is strings.TrimSpace(strings.Map(spaceToSpace, s)) == "": every
// rune a space once mapped, read up to the first that is not (Map rewrote
// the whole text, a line of thousands of bytes, before TrimSpace looked at
// its ends). An invalid byte is U+FFFD to both, not a space.
func onlySpaces(s string) bool {
	for _, r := range s {
		if r = spaceToSpace(r); r != ' ' && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func spaceToSpace(r rune) rune {
	switch r {
	case 0xA0, 0x3000, 0xFEFF, 0x200B:
		return ' '
	}
	return r
}

func checkResidue(c *lint.Context) {
	r := c.Report
	src := c.Source()
	var slab fixEditSlab
	for _, x := range r.Residue {
		sp := x.Span
		if sp.Len() == 0 {
			continue
		}
		del := sp
		if onlySpaceOutside(src, sp) {
			del = lineSpanOf(src, sp.Start)
			if l := src.Line(sp.End); l != src.Line(sp.Start) && sp.End != src.LineStart(l) {
				del.End = src.LineStart(l + 1)
			}
		}
		// the fix and its edit from a slab: one allocation per few findings
		fe := slab.next()
		fe.edit[0] = lint.Edit{Span: del}
		fe.fix[0] = lint.Fix{Title: "删除残留文字", TitleEN: "delete the leftover text",
			Edits: fe.edit[:], Applicability: lint.Safe}
		if p := r.Publication; p != nil && del.Start <= p.Span.Start && p.Span.End <= del.End {
			fe.fix[0].Applicability = lint.Unsafe
		}
		quoted := quote(x.Text, 24)
		var zh, en string
		switch x.Kind {
		case "page-number":
			zh, en = "页码“"+quoted+"”残留在正文中", "page number “"+quoted+"” left in the text"
		case "bookmark":
			zh, en = "Word 书签标记“"+quoted+"”残留在正文中", "Word bookmark marker “"+quoted+"” left in the text"
		case "crawler":
			zh, en = "抓取工具写入的文字“"+quoted+"”不属于报告", "text written by a crawler “"+quoted+"” is not part of the report"
		case "export":
			zh, en = "导出残留“"+quoted+"”不属于报告", "export leftover “"+quoted+"” is not part of the report"
		default:
			zh, en = "网页残留“"+quoted+"”（导航、计数、登录框等）不属于报告", "web page leftover “"+quoted+"” (navigation, counters, login) is not part of the report"
		}
		c.Emit(lint.Diagnostic{Span: sp, Message: zh, MessageEN: en, Fixes: fe.fix[:]})
	}
}
