package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S002", Name: "section-order", Family: lint.FamilyStructure, Severity: lint.Error,
		Summary:   "部分的顺序与模板不一致",
		SummaryEN: "The parts are not in the template's order",
		Explanation: `六个部分应按模板的顺序排列。本规则找出与模板顺序一致的最长序列，报告其余的部分标题。
移动整个部分牵涉大段文字，不提供自动修复。
` + sectionsBasis,
		ExplanationEN: `The six parts should follow the template's order. This rule finds the longest run of part headings in the template's
order and reports the other headings. Moving a whole part moves large blocks of text, so no automatic fix is offered.
` + sectionsBasisEN,
		Check: checkSectionOrder,
	})
}

func checkSectionOrder(ctx *lint.Context) {
	rep := ctx.Report
	kept, _ := keptSectionsOf(ctx)
	ok := inOrder(kept)
	for i, s := range kept {
		if ok[i] {
			continue
		}
		// the first earlier part that should come after it
		var after *grammar.Section
		for _, o := range kept[:i] {
			if o.Def.Number > s.Def.Number {
				after = o
				break
			}
		}
		if after == nil {
			for _, o := range kept[i+1:] {
				if o.Def.Number < s.Def.Number {
					after = o
					break
				}
			}
			if after == nil {
				continue
			}
			ctx.Emitf(s.Heading.Span,
				fmt.Sprintf("“%s”应在“%s”之后（模板顺序为一至六）", headingText(rep, s.Heading), headingText(rep, after.Heading)),
				fmt.Sprintf("“%s” belongs after “%s” (the template's order is 一 to 六)", headingText(rep, s.Heading), headingText(rep, after.Heading)))
			continue
		}
		ctx.Emitf(s.Heading.Span,
			fmt.Sprintf("“%s”应在“%s”之前（模板顺序为一至六）", headingText(rep, s.Heading), headingText(rep, after.Heading)),
			fmt.Sprintf("“%s” belongs before “%s” (the template's order is 一 to 六)", headingText(rep, s.Heading), headingText(rep, after.Heading)))
	}
}
