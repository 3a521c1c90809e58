package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S004", Name: "heading-wording", Family: lint.FamilyStructure, Severity: lint.Warning,
		Fixable:   lint.FixSometimes,
		Summary:   "部分标题的措辞与模板不一致",
		SummaryEN: "A part's heading is worded differently from the template",
		Explanation: `六个部分的标题应采用模板的措辞。本规则报告已知的变体（如“存在的主要问题和改进措施”、
“因政府信息公开工作被申请行政复议、提起行政诉讼情况”）和错字（如“政府信息公开行政法复议、行政诉讼情况”）。
只是空格、全角/半角标点不同的不在此报告。

修复：改为模板标题。对已知变体和错字是安全的；标题在模板措辞之外还有其他文字时只作建议。
` + sectionsBasis,
		ExplanationEN: `The headings of the six parts should use the template's wording. This rule reports known variants (such as
“存在的主要问题和改进措施” or “因政府信息公开工作被申请行政复议、提起行政诉讼情况”) and typos (such as
“政府信息公开行政法复议、行政诉讼情况”). Differences only in spacing or in full-width/half-width punctuation are not
reported here.

Fix: change to the template heading. It is safe for known variants and typos; when the heading has other words besides
the template's, it is only a suggestion.
` + sectionsBasisEN,
		Check: checkHeadingWording,
	})
}

func checkHeadingWording(ctx *lint.Context) {
	rep := ctx.Report
	for _, s := range rep.Sections {
		h := s.Heading
		if s.Def == nil || h.Canonical {
			continue
		}
		key := grammar.LabelKey(h.Text)
		name := grammar.LabelKey(s.Def.Name)
		if key == name {
			continue // spacing or punctuation width only
		}
		how, howEN, app := "错字", "a typo", lint.Safe
		for _, v := range s.Def.Variants {
			if key == grammar.LabelKey(v) {
				how, howEN = "已知变体", "a known variant"
			}
		}
		if how == "错字" {
			for _, v := range append([]string{s.Def.Name}, s.Def.Variants...) {
				if k := grammar.LabelKey(v); strings.HasPrefix(key, k) && len(key) > len(k) {
					how, howEN, app = "另有其他文字", "with words beyond it", lint.Unsafe
					break
				}
			}
		}
		ctx.Emitf(h.TextSpan,
			fmt.Sprintf("部分标题“%s”与模板不一致（%s），应为“%s”", h.Text, how, s.Def.Name),
			fmt.Sprintf("heading “%s” differs from the template (%s); the template has “%s”", h.Text, howEN, s.Def.Name),
			lint.Fix{Title: "改为“" + s.Def.Name + "”", TitleEN: "Use “" + s.Def.Name + "”", Applicability: app,
				Edits: []lint.Edit{{Span: h.TextSpan, NewText: s.Def.Name}}})
	}
}
