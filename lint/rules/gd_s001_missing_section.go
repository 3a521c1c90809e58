package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S001", Name: "missing-section", Family: lint.FamilyStructure, Severity: lint.Error,
		Fixable:   lint.FixUnsafe,
		Summary:   "缺少模板规定的部分",
		SummaryEN: "A part required by the template is missing",
		Explanation: `年度报告应包含模板规定的全部六个部分，每部分以模板的标题开头。本规则报告找不到标题的部分，
位置指向它应在其前（或其后）的那个部分标题。

修复（仅作建议）：在应在的位置插入模板标题；该部分的内容仍需作者填写。
` + sectionsBasis,
		ExplanationEN: `An annual report should contain all six parts of the template, each starting with the template's heading. This rule
reports the parts whose heading cannot be found; the position is the heading of the part it should come before (or
after).

Fix (suggestion only): insert the template heading where the part belongs; the author still has to write the part's
content.
` + sectionsBasisEN,
		Check: checkMissingSections,
	})
}

func checkMissingSections(ctx *lint.Context) {
	rep := ctx.Report
	kept, _ := keptSectionsOf(ctx)
	if len(kept) == 0 {
		if rep.Title != nil && ctx.Gate().Annual {
			ctx.Emitf(rep.Title.Span, "找不到模板规定的六个部分标题（一、总体情况 … 六、其他需要报告的事项）",
				"none of the six part headings of the template was found")
		}
		return
	}
	// have[i] is the kept section of grammar.Sections[i] (their keys are
	// distinct, a test holds): a few compares, not a map made and hashed
	// on every run
	var haveBuf [8]*grammar.Section
	have := haveBuf[:0]
	if len(grammar.Sections) > len(haveBuf) {
		have = make([]*grammar.Section, 0, len(grammar.Sections))
	}
	have = have[:len(grammar.Sections)]
	for _, s := range kept {
		for i, d := range grammar.Sections {
			if d.Key == s.Key {
				have[i] = s
				break
			}
		}
	}
	eol := "\n"
	if rep.Source.CRLF {
		eol = "\r\n"
	}
	for j, d := range grammar.Sections {
		if have[j] != nil {
			continue
		}
		// the next part present in the document, else the previous one
		var next, prevSec *grammar.Section
		for j2, d2 := range grammar.Sections {
			if d2.Number > d.Number && next == nil && have[j2] != nil {
				next = have[j2]
			}
			if d2.Number < d.Number && have[j2] != nil {
				prevSec = have[j2]
			}
		}
		fix := lint.Fix{Title: "插入标题“" + d.Canonical() + "”", TitleEN: "Insert the heading “" + d.Canonical() + "”", Applicability: lint.Unsafe}
		var anchor *grammar.Heading
		var zh, en string
		if next != nil {
			anchor = next.Heading
			zh = fmt.Sprintf("缺少“%s”（应在“%s”之前）", d.Canonical(), headingText(rep, anchor))
			en = fmt.Sprintf("part “%s” is missing (it belongs before “%s”)", d.Canonical(), headingText(rep, anchor))
			fix.Edits = []lint.Edit{insertHeadingBefore(rep, anchor, d, eol)}
		} else {
			anchor = prevSec.Heading
			zh = fmt.Sprintf("缺少“%s”（应在“%s”之后）", d.Canonical(), headingText(rep, anchor))
			en = fmt.Sprintf("part “%s” is missing (it belongs after “%s”)", d.Canonical(), headingText(rep, anchor))
			fix.Edits = []lint.Edit{insertHeadingAtEnd(rep, anchor, d, eol)}
		}
		nz, ne := unreadPagesNote(rep.Source)
		ctx.Emitf(anchor.Span, zh+nz, en+ne, fix)
	}
}

// headingLine renders a part heading the way the anchor heading is written.
func headingLine(anchor *grammar.Heading, d *grammar.SectionDef) string {
	if anchor.Markdown > 0 {
		return strings.Repeat("#", anchor.Markdown) + " " + d.Canonical()
	}
	return d.Canonical()
}

// insertHeadingBefore inserts the heading of d on its own line before the
// line of anchor (inside a crawler's one-line body: right before anchor).
func insertHeadingBefore(rep *grammar.Report, anchor *grammar.Heading, d *grammar.SectionDef, eol string) lint.Edit {
	src := rep.Source
	if anchor.Inline {
		return lint.Edit{Span: grammar.Span{Start: anchor.Span.Start, End: anchor.Span.Start}, NewText: d.Canonical() + " "}
	}
	at := src.LineStart(src.Line(anchor.Span.Start))
	return lint.Edit{Span: grammar.Span{Start: at, End: at}, NewText: headingLine(anchor, d) + eol}
}

// insertHeadingAtEnd puts the heading of the last part before the closing
// signature, or at the end of the text.
func insertHeadingAtEnd(rep *grammar.Report, anchor *grammar.Heading, d *grammar.SectionDef, eol string) lint.Edit {
	src := rep.Source
	if s := rep.Signature; s != nil && s.Body != "" && s.BodySpan.Start > anchor.Span.Start {
		at := src.LineStart(src.Line(s.BodySpan.Start))
		return lint.Edit{Span: grammar.Span{Start: at, End: at}, NewText: headingLine(anchor, d) + eol}
	}
	end := len(src.Text)
	text := headingLine(anchor, d) + eol
	if end > 0 && src.Text[end-1] != '\n' {
		text = eol + text
	}
	return lint.Edit{Span: grammar.Span{Start: end, End: end}, NewText: text}
}
