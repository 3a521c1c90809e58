package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S009", Name: "missing-table", Family: lint.FamilyStructure, Severity: lint.Error,
		Fixable:   lint.FixUnsafe,
		Summary:   "部分中缺少模板规定的表格",
		SummaryEN: "A part lacks the table the template requires",
		Explanation: `“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”
三个部分以表格形式报告。本规则报告找得到部分标题、却找不到其表格的情形（表格被转成图片、被删去，或标签全部缺失）。

修复（仅作建议）：在部分标题之后插入模板的空白表格，格式与文档中其他表格一致（制表符分隔、Markdown 表格或每格一行；
默认制表符分隔）。插入后数值仍需填写，在填写之前表格规则会报告空白或缺失的数值。

依据：国办公开办函〔2021〕30号所附表格；规范 §2.4–§2.6。`,
		ExplanationEN: `The three parts “二、主动公开政府信息情况”, “三、收到和处理政府信息公开申请情况” and
“四、政府信息公开行政复议、行政诉讼情况” report in tables. This rule reports a part whose heading is found but whose
table is not (the table was turned into an image, deleted, or lost all its labels).

Fix (suggestion only): insert the template's blank table after the part heading, laid out like the document's other
tables (tab-separated, a Markdown table, or one cell per line; tab-separated by default). The values still have to be
filled in; until they are, the table rules report the blank or missing values.

Basis: the tables attached to 国办公开办函〔2021〕30号; spec §2.4–§2.6.`,
		Check: checkMissingTables,
	})
}

func checkMissingTables(ctx *lint.Context) {
	rep := ctx.Report
	kept, _ := keptSectionsOf(ctx)
	// the layout the document's other tables use
	layout := "tab"
	for _, t := range rep.Tables {
		if t != nil && (t.Layout == "pipe" || t.Layout == "lines" || t.Layout == "tab") {
			layout = t.Layout
			break
		}
	}
	if layout == "tab" && rep.Rendering == "markdown" {
		layout = "pipe"
	}
	eol := "\n"
	if rep.Source.CRLF {
		eol = "\r\n"
	}
	defs := grammar.Tables(rep.Format)
	for _, s := range kept {
		if s.Def.Table == 0 || rep.Table(s.Def.Table) != nil {
			continue
		}
		def := defs[s.Def.Table-1]
		h := s.Heading
		fix := lint.Fix{Title: "插入空白的模板表格", TitleEN: "Insert the blank template table", Applicability: lint.Unsafe}
		if !h.Inline {
			src := rep.Source
			l := src.Line(h.Span.End)
			at := src.LineEnd(l)
			text := eol + grammar.RenderTable(def, layout, eol)
			text = strings.TrimSuffix(text, eol)
			fix.Edits = []lint.Edit{{Span: grammar.Span{Start: at, End: at}, NewText: text}}
		}
		nz, ne := unreadPagesNote(rep.Source)
		d := lint.Diagnostic{Span: h.Span,
			Message:   fmt.Sprintf("“%s”中找不到%s（%s）%s", headingText(rep, h), tableName(def.ID), def.Name, nz),
			MessageEN: fmt.Sprintf("“%s” has no table (%s)%s", headingText(rep, h), def.Name, ne),
		}
		if len(fix.Edits) > 0 {
			d.Fixes = []lint.Fix{fix}
		}
		ctx.Emit(d)
	}
}
