package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S005", Name: "heading-number", Family: lint.FamilyStructure, Severity: lint.Error,
		Fixable:   lint.FixSometimes,
		Summary:   "部分标题的序号与模板不一致",
		SummaryEN: "A part's heading carries the wrong numeral",
		Explanation: `六个部分依次编号为一至六。本规则报告序号与其部分不符的标题（例如“三、政府信息公开行政复议、行政诉讼情况”
应为“四、”），以及按旧式以“（一）”至“（六）”编号的部分标题（应为“一、”至“六、”）。

修复：改为模板序号。当各部分齐全、顺序正确且不重复时，这一修复是安全的；否则只作建议。
` + sectionsBasis,
		ExplanationEN: `The six parts are numbered 一 to 六 in order. This rule reports a heading whose numeral does not match its part (for
example, “三、政府信息公开行政复议、行政诉讼情况” should be “四、”), and parts numbered in the old style “（一）” to “（六）”
(they should be “一、” to “六、”).

Fix: change to the template's numeral. The fix is safe when all parts are present, in order and not duplicated;
otherwise it is only a suggestion.
` + sectionsBasisEN,
		Check: checkHeadingNumbers,
	})
}

func checkHeadingNumbers(ctx *lint.Context) {
	rep := ctx.Report
	kept, dups := keptSectionsOf(ctx)
	ok := inOrder(kept)
	clean := len(dups) == 0 && len(kept) == len(grammar.Sections)
	for _, o := range ok {
		clean = clean && o
	}
	src := rep.Source.Text
	for _, s := range kept {
		h := s.Heading
		if h.Style == "paren" {
			// the old style （一）总体情况: parts are numbered 一、 to 六、
			want := grammar.CNNumeral(s.Def.Number) + "、"
			num := src[h.NumberSpan.Start:h.NumberSpan.End]
			ctx.Emitf(h.NumberSpan,
				fmt.Sprintf("“%s”是模板第%s部分，序号应为“%s”，实为“%s”", s.Def.Name, grammar.CNNumeral(s.Def.Number), want, num),
				fmt.Sprintf("“%s” is part %d of the template and is numbered “%s”, not “%s”", s.Def.Name, s.Def.Number, want, num),
				lint.Fix{Title: "改为“" + want + "”", TitleEN: "Number it “" + want + "”", Applicability: lint.Unsafe,
					Edits: []lint.Edit{{Span: h.NumberSpan, NewText: want}}})
			continue
		}
		if h.Number == s.Def.Number || h.Style != "cn" {
			continue
		}
		// the numeral itself, without the 、 after it
		end := h.NumberSpan.Start
		for end < h.NumberSpan.End {
			r, n := utf8.DecodeRuneInString(src[end:])
			if !strings.ContainsRune("一二三四五六七八九十", r) {
				break
			}
			end += n
		}
		if end == h.NumberSpan.Start {
			continue
		}
		want := grammar.CNNumeral(s.Def.Number)
		app := lint.Unsafe
		if clean {
			app = lint.Safe
		}
		sp := grammar.Span{Start: h.NumberSpan.Start, End: end}
		ctx.Emitf(sp,
			fmt.Sprintf("“%s”的序号应为“%s”（模板第%s部分），实为“%s”", s.Def.Name, want, want, src[sp.Start:sp.End]),
			fmt.Sprintf("“%s” is part %d of the template and is numbered “%s”, not “%s”", s.Def.Name, s.Def.Number, want, src[sp.Start:sp.End]),
			lint.Fix{Title: "改为“" + want + "”", TitleEN: "Number it “" + want + "”", Applicability: app,
				Edits: []lint.Edit{{Span: sp, NewText: want}}})
	}
}
