package lsp

import (
	"strings"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// skeletonActions offers to insert a missing section (heading, and its
// table when it has one) or a missing table, written from the template.
// They are offered where the problem shows: on the title, on structure and
// table diagnostics, and at the place the text would go.
func (s *Server) skeletonActions(snap *snapshot, at grammar.Span) []protocol.CodeAction {
	rep := snap.report
	relevant := rep.Title != nil && touches(rep.Title.Span, at)
	for i := range snap.diags {
		d := &snap.diags[i]
		if r := lint.RuleByID(d.Rule); r != nil && (r.Family == lint.FamilyStructure || r.Family == lint.FamilyTables) && touches(d.Span, at) {
			relevant = true
		}
	}
	var actions []protocol.CodeAction
	for _, ins := range missingParts(rep) {
		if !relevant && !touches(grammar.Span{Start: ins.at, End: ins.at}, at) {
			continue
		}
		actions = append(actions, protocol.CodeAction{
			Title: ins.title(snap.lang),
			Kind:  kindSkeleton,
			Edit:  s.workspaceEdit(snap, snap.textEdits([]lint.Edit{{Span: grammar.Span{Start: ins.at, End: ins.at}, NewText: ins.text}})),
		})
	}
	return actions
}

// insertion is one missing part and where it goes.
type insertion struct {
	section *grammar.SectionDef
	table   int // a table missing from a section that is present
	at      int
	text    string
}

func (ins insertion) title(lang string) string {
	if ins.table > 0 {
		def := grammar.Tables(grammar.Format2021)[ins.table-1]
		return tr(lang, "插入缺失的"+grammar.TableName(ins.table)+"："+def.Name, "Insert the missing "+grammar.TableNameEN(ins.table)+": "+def.Name)
	}
	return tr(lang, "插入缺失的章节："+ins.section.Canonical(), "Insert the missing section: "+ins.section.Canonical())
}

// missingParts lists the sections and tables the report lacks, each with
// the offset where it belongs in template order.
func missingParts(rep *grammar.Report) []insertion {
	text := rep.Source.Text
	nl := "\n"
	if rep.Source.CRLF {
		nl = "\r\n"
	}
	md := rep.Rendering == "markdown"
	hashes := ""
	for _, sec := range rep.Sections {
		if sec.Heading != nil && sec.Heading.Markdown > 0 {
			hashes = strings.Repeat("#", sec.Heading.Markdown) + " "
			break
		}
	}
	var out []insertion
	for _, def := range grammar.Sections {
		if sec := rep.Section(def.Key); sec != nil {
			if def.Table > 0 && rep.Table(def.Table) == nil {
				end := trimSpan(text, sec.Span).End
				out = append(out, insertion{section: def, table: def.Table, at: end,
					text: nl + nl + tableSkeleton(rep.Format, def.Table, md, nl)})
			}
			continue
		}
		// after the last present section that comes before it in the template
		at, after := -1, false
		for _, sec := range rep.Sections {
			if sec.Def != nil && sec.Def.Number < def.Number {
				at, after = trimSpan(text, sec.Span).End, true
			}
		}
		if at < 0 {
			for _, sec := range rep.Sections {
				if sec.Def != nil && sec.Def.Number > def.Number && sec.Heading != nil {
					at = lineStartOf(text, sec.Heading.Span.Start)
					break
				}
			}
		}
		if at < 0 {
			at, after = trimSpan(text, grammar.Span{End: len(text)}).End, true
		}
		body := hashes + def.Canonical() + nl
		if def.Table > 0 {
			body += nl + tableSkeleton(rep.Format, def.Table, md, nl)
		}
		ins := insertion{section: def, at: at}
		if after {
			ins.text = nl + nl + strings.TrimSuffix(body, nl)
		} else {
			ins.text = body + nl
		}
		out = append(out, ins)
	}
	return out
}

// tableSkeleton writes a table of the template with empty value cells: tab
// separated for text, a pipe table for Markdown.
func tableSkeleton(f grammar.Format, id int, md bool, nl string) string {
	layout := "tab"
	if md {
		layout = "pipe"
	}
	return strings.TrimSuffix(grammar.RenderTable(grammar.Tables(f)[id-1], layout, nl), nl)
}
