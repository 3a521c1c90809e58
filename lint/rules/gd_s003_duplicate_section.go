package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S003", Name: "duplicate-section", Family: lint.FamilyStructure, Severity: lint.Error,
		Summary:   "同一部分的标题出现了两次",
		SummaryEN: "A part's heading appears twice",
		Explanation: `每个部分只应出现一次。若同一部分的标题出现多次，保留的是含有该部分表格的一处（没有表格的部分取与模板措辞一致的一处，
否则取第一处），其余各处报告为重复。常见原因：总体情况下的小标题用了“一、二、三”编号，与正式部分标题混淆。
` + sectionsBasis,
		ExplanationEN: `Each part should appear once. When a part's heading appears more than once, the one kept is the one that holds the
part's table (for a part without a table, the one worded as in the template, else the first); the others are reported as
duplicates. A common cause: subheadings under 总体情况 numbered “一、二、三” and mistaken for the part headings.
` + sectionsBasisEN,
		Check: checkDuplicateSections,
	})
}

func checkDuplicateSections(ctx *lint.Context) {
	rep := ctx.Report
	kept, dups := keptSectionsOf(ctx)
	for _, s := range dups {
		var first *grammar.Section
		for _, k := range kept {
			if k.Key == s.Key {
				first = k
			}
		}
		p := rep.Source.CharPos(first.Heading.Span.Start)
		ctx.Emit(lint.Diagnostic{Span: s.Heading.Span,
			Message: fmt.Sprintf("“%s”与第 %d 行的“%s”是同一部分，重复出现", headingText(rep, s.Heading), p.Line+1,
				headingText(rep, first.Heading)),
			MessageEN: fmt.Sprintf("“%s” is the same part as “%s” on line %d", headingText(rep, s.Heading),
				headingText(rep, first.Heading), p.Line+1),
			Related: []lint.Related{{Span: first.Heading.Span, Message: "该部分的标题"}},
		})
	}
}
