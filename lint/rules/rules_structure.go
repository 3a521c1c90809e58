package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Structure rules (GD-S): the title, the six parts of 国办公开办函〔2021〕30号
// in their order and wording, the five aspects of 总体情况, the three tables,
// and the format version.

const sectionsBasis = `
依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应当包括的五项内容，并由国务院政府信息公开工作主管部门
制定统一格式）；国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》（内容“不能遗漏，也不宜泛化”）；
规范 §2.1。六个部分依次为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。`

const sectionsBasisEN = `
Basis: Article 50 of the 《中华人民共和国政府信息公开条例》 (the five things an annual report must contain, in a uniform
format set by the State Council's department in charge of government information disclosure);
国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》 (the content “不能遗漏，也不宜泛化”: nothing left
out, nothing generic); spec §2.1. The six parts, in order: 一、总体情况; 二、主动公开政府信息情况;
三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况;
六、其他需要报告的事项.`

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
	lint.Register(&lint.Rule{
		ID: "GD-S005", Name: "heading-number", Family: lint.FamilyStructure, Severity: lint.Error,
		Fixable:   lint.FixSometimes,
		Summary:   "部分标题的序号与模板不一致",
		SummaryEN: "A part's heading carries the wrong numeral",
		Explanation: `六个部分依次编号为一至六。本规则报告序号与其部分不符的标题（例如“三、政府信息公开行政复议、行政诉讼情况”
应为“四、”）。

修复：改为模板序号。当各部分齐全、顺序正确且不重复时，这一修复是安全的；否则只作建议。
` + sectionsBasis,
		ExplanationEN: `The six parts are numbered 一 to 六 in order. This rule reports a heading whose numeral does not match its part (for
example, “三、政府信息公开行政复议、行政诉讼情况” should be “四、”).

Fix: change to the template's numeral. The fix is safe when all parts are present, in order and not duplicated;
otherwise it is only a suggestion.
` + sectionsBasisEN,
		Check: checkHeadingNumbers,
	})
	lint.Register(&lint.Rule{
		ID: "GD-S006", Name: "general-aspects", Family: lint.FamilyStructure, Severity: lint.Warning,
		Summary:   "“总体情况”缺少模板要求的五个方面之一",
		SummaryEN: "“总体情况” lacks one of the five aspects the template asks for",
		Explanation: `模板要求“总体情况”主要从五个方面概述贯彻落实条例的情况：主动公开、依申请公开、政府信息管理、
政府信息公开平台建设、监督保障。本规则在“总体情况”的小标题和正文中查找这五个方面的关键词，报告完全没有提到的方面。
五个方面来自 2021 年格式，2019、2020 年度报告不检查。

依据：国办公开办函〔2021〕30号“（一）总体情况”；规范 §2.3。`,
		ExplanationEN: `The template asks “总体情况” to summarise the implementation of the 条例 mainly under five aspects: 主动公开 (proactive
disclosure), 依申请公开 (disclosure on request), 政府信息管理 (information management), 政府信息公开平台建设 (disclosure
platforms) and 监督保障 (oversight and safeguards). This rule looks for keywords of the five aspects in the subheadings
and text of “总体情况” and reports the aspects not mentioned at all. The five aspects come from the 2021 format; reports
for 2019 and 2020 are not checked.

Basis: “（一）总体情况” in 国办公开办函〔2021〕30号; spec §2.3.`,
		Check: checkGeneralAspects,
	})
	lint.Register(&lint.Rule{
		ID: "GD-S007", Name: "title", Family: lint.FamilyStructure, Severity: lint.Error,
		Summary:   "缺少报告标题，或标题中没有年份",
		SummaryEN: "The report has no title, or its title has no year",
		Explanation: `报告应以标题开头，写明机关名称、报告年度和“政府信息公开工作年度报告”，如
“××市××局2024年政府信息公开工作年度报告”。年份决定统计期限、发布期限和应采用的格式版本，缺少年份时这些检查都无法进行。

依据：《中华人民共和国政府信息公开条例》第四十九条、第五十条；规范 §6。`,
		ExplanationEN: `A report should start with a title naming the body, the report year and “政府信息公开工作年度报告”, such as
“××市××局2024年政府信息公开工作年度报告”. The year decides the statistics period, the publication deadline and the
format version that applies; without it those checks cannot run.

Basis: Articles 49 and 50 of the 《中华人民共和国政府信息公开条例》; spec §6.`,
		Check: checkTitle,
	})
	lint.Register(&lint.Rule{
		ID: "GD-S008", Name: "old-format", Family: lint.FamilyStructure, Severity: lint.Warning,
		Summary:   "2021 年及以后的报告仍使用 2019 年试行格式",
		SummaryEN: "A report for 2021 or later uses the 2019 trial format",
		Explanation: `国办公开办函〔2021〕30号的格式自 2021 年度报告起适用，取代国办公开办函〔2019〕60号的试行格式。
试行格式的表格（“本年新制作数量”“上一年项目数量”“第二十条第（九）项 政府集中采购”等）只适用于 2019、2020 年度报告。
本规则报告年份为 2021 年或以后、但出现试行格式特征的报告，位置指向第一个特征。

依据：国办公开办函〔2021〕30号；规范 §6（适用年度）、§8.1（试行格式特征）。`,
		ExplanationEN: `The format of 国办公开办函〔2021〕30号 applies from the reports for 2021 on, replacing the trial format of
国办公开办函〔2019〕60号. The trial format's tables (“本年新制作数量”, “上一年项目数量”, “第二十条第（九）项
政府集中采购” and the like) apply only to the reports for 2019 and 2020. This rule reports a report for 2021 or later
that shows features of the trial format; the position is the first such feature.

Basis: 国办公开办函〔2021〕30号; spec §6 (the years each format applies to), §8.1 (features of the trial format).`,
		Check: checkOldFormat,
	})
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
	lint.Register(&lint.Rule{
		ID: lint.NotAReportRule, Name: "not-a-report", Family: lint.FamilyStructure, Severity: lint.Info,
		Summary:   "文档不像年度报告，只对报告才有的检查未进行",
		SummaryEN: "The document does not look like an annual report, so the checks for reports only did not run",
		Explanation: `gdlint 先判断一个文档是不是政府信息公开工作年度报告：标题中有年份（如“××局2024年政府信息公开工作年度报告”），
或者至少找到模板六个部分标题中的三个。两者都不满足时，“缺少标题”（GD-S007）、“缺少全部部分”（GD-S001）和
“没有说明统计期限”（GD-D001）这些只对报告才有意义的检查不进行，本规则在标题（没有标题时在第一行）报告一次，说明原因，
以免一份标题被网页导航挤掉、或部分标题写法不同的报告得到一个“没有问题”的结果。其他规则照常运行。
编辑器中，这样的文档只显示本条提示。

确实不是年度报告的文件（说明文档、附件），可以在 .gdlint.toml 的 [per-file-ignores] 中关闭本规则，或不检查这些文件。

依据：规范 §2.1（六个部分的标题）、§6（报告年度）。`,
		ExplanationEN: `gdlint first decides whether a document is an annual report at all: its title has a year (such as
“××局2024年政府信息公开工作年度报告”), or at least three of the template's six part headings are found. When neither
holds, the checks that only make sense on a report — a missing title (GD-S007), all parts missing (GD-S001), no
statistics period (GD-D001) — do not run, and this rule says so once, with the reason, on the title (or the first line
when there is none), so that a report whose title is pushed down by a web page's navigation, or whose part headings are
worded differently, does not get a clean result. The other rules run as usual. In editors, such a document shows
this finding only.

Files that are indeed not reports (notes, attachments) can turn this rule off under [per-file-ignores] in .gdlint.toml,
or be left out of the check.

Basis: spec §2.1 (the six part headings), §6 (the report year).`,
		Check: checkNotAReport,
	})
}

// keptSections returns the sections after dropping duplicates (the ones
// GD-S003 reports), in document order.
func keptSections(rep *grammar.Report) (kept, dups []*grammar.Section) {
	byKey := map[grammar.SectionKey][]*grammar.Section{}
	for _, s := range rep.Sections {
		if s.Key != "" {
			byKey[s.Key] = append(byKey[s.Key], s)
		}
	}
	keep := map[*grammar.Section]bool{}
	for k, ss := range byKey {
		best := ss[0]
		d := grammar.SectionByKey(k)
		found := false
		if d != nil && d.Table > 0 {
			if t := rep.Table(d.Table); t != nil {
				for _, s := range ss {
					if s.Span.Start <= t.Span.Start && t.Span.Start < s.Span.End {
						best, found = s, true
						break
					}
				}
			}
		}
		if !found {
			for _, s := range ss {
				if s.Heading.Canonical {
					best = s
					break
				}
			}
		}
		keep[best] = true
	}
	for _, s := range rep.Sections {
		if s.Key == "" {
			continue
		}
		if keep[s] {
			kept = append(kept, s)
		} else {
			dups = append(dups, s)
		}
	}
	return kept, dups
}

// inOrder marks the sections that belong to the longest run in template
// order; the others are out of place.
func inOrder(ss []*grammar.Section) []bool {
	n := len(ss)
	best := make([]int, n)
	prev := make([]int, n)
	end := -1
	for i := range ss {
		best[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if ss[j].Def.Number < ss[i].Def.Number && best[j]+1 > best[i] {
				best[i], prev[i] = best[j]+1, j
			}
		}
		if end < 0 || best[i] > best[end] {
			end = i
		}
	}
	ok := make([]bool, n)
	for i := end; i >= 0; i = prev[i] {
		ok[i] = true
	}
	return ok
}

func headingText(rep *grammar.Report, h *grammar.Heading) string {
	if h.Full != "" {
		return h.Full
	}
	return rep.Source.Slice(h.Span)
}

func checkMissingSections(ctx *lint.Context) {
	rep := ctx.Report
	kept, _ := keptSections(rep)
	if len(kept) == 0 {
		if rep.Title != nil && ctx.Gate().Annual {
			ctx.Emitf(rep.Title.Span, "找不到模板规定的六个部分标题（一、总体情况 … 六、其他需要报告的事项）",
				"none of the six part headings of the template was found")
		}
		return
	}
	have := map[grammar.SectionKey]*grammar.Section{}
	for _, s := range kept {
		have[s.Key] = s
	}
	eol := "\n"
	if rep.Source.CRLF {
		eol = "\r\n"
	}
	for _, d := range grammar.Sections {
		if have[d.Key] != nil {
			continue
		}
		// the next part present in the document, else the previous one
		var next, prevSec *grammar.Section
		for _, d2 := range grammar.Sections {
			if d2.Number > d.Number && next == nil && have[d2.Key] != nil {
				next = have[d2.Key]
			}
			if d2.Number < d.Number && have[d2.Key] != nil {
				prevSec = have[d2.Key]
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
		ctx.Emitf(anchor.Span, zh, en, fix)
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

func checkSectionOrder(ctx *lint.Context) {
	rep := ctx.Report
	kept, _ := keptSections(rep)
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

func checkDuplicateSections(ctx *lint.Context) {
	rep := ctx.Report
	kept, dups := keptSections(rep)
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

func checkHeadingNumbers(ctx *lint.Context) {
	rep := ctx.Report
	kept, dups := keptSections(rep)
	ok := inOrder(kept)
	clean := len(dups) == 0 && len(kept) == len(grammar.Sections)
	for _, o := range ok {
		clean = clean && o
	}
	src := rep.Source.Text
	for _, s := range kept {
		h := s.Heading
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

func checkGeneralAspects(ctx *lint.Context) {
	rep := ctx.Report
	if y := reportYear(rep); y > 0 && y < firstFormat2021 {
		return // the five aspects are the 2021 template's
	}
	kept, _ := keptSections(rep)
	var gen *grammar.Section
	for _, s := range kept {
		if s.Key == grammar.SecGeneral {
			gen = s
		}
	}
	if gen == nil {
		return
	}
	// the part runs to the next part that is not a duplicate (GD-S003's)
	span := gen.Span
	for _, s := range kept {
		if s.Heading.Span.Start > gen.Heading.Span.Start {
			span.End = s.Heading.Span.Start
			break
		}
	}
	var subs []string // the sub-headings as label keys
	for _, h := range rep.Headings {
		if h.Level == 2 && span.Start <= h.Span.Start && h.Span.Start < span.End {
			subs = append(subs, grammar.LabelKey(h.Text))
		}
	}
	// an aspect counts when a sub-heading names it or, failing that, when
	// the section's text speaks of it
	var missing []string
	body, bodyDone := "", false // the section's text as a label key, built only when a heading does not tell
	for _, a := range grammar.GeneralAspects {
		found := false
		for _, k := range a.Keywords {
			for _, h := range subs {
				if strings.Contains(h, k) {
					found = true
					break
				}
			}
		}
		for _, k := range a.Keywords {
			if found {
				break
			}
			if !bodyDone {
				body, bodyDone = grammar.LabelKey(rep.Source.Slice(span)), true
			}
			found = strings.Contains(body, k)
		}
		if !found {
			missing = append(missing, a.Name)
		}
	}
	if len(missing) == 0 {
		return
	}
	ctx.Emitf(gen.Heading.Span,
		fmt.Sprintf("“总体情况”中找不到“%s”方面（模板要求概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面）",
			strings.Join(missing, "”“")),
		fmt.Sprintf("“总体情况” does not cover “%s” (the template asks for five aspects)", strings.Join(missing, "”, “")))
}

func checkTitle(ctx *lint.Context) {
	rep := ctx.Report
	if t := rep.Title; t != nil {
		if t.Year == 0 {
			ctx.Emitf(t.Span, fmt.Sprintf("标题“%s”中没有报告年份", t.Text),
				fmt.Sprintf("the title “%s” has no year", t.Text))
		}
		return
	}
	if sp := ctx.Gate().Span; ctx.Gate().Annual && sp.Len() > 0 {
		ctx.Emitf(sp, "找不到报告标题（如“××局2024年政府信息公开工作年度报告”）",
			"the report has no title (such as “××局2024年政府信息公开工作年度报告”)")
	}
}

// checkNotAReport says once that the gate is closed, and why.
func checkNotAReport(ctx *lint.Context) {
	if g := ctx.Gate(); !g.Annual && g.Span.Len() > 0 {
		ctx.Emitf(g.Span,
			"文档不像政府信息公开工作年度报告："+g.Why+"；因此未检查"+g.Unchecked,
			"the document does not look like an annual report: "+g.WhyEN+"; so it was not checked "+g.UncheckedEN)
	}
}

// firstFormat2021 is the first report year of the 2021 format.
const firstFormat2021 = 2021

func checkOldFormat(ctx *lint.Context) {
	rep := ctx.Report
	y := reportYear(rep)
	evidence := rep.FormatEvidence
	if rep.Format != grammar.Format2019 {
		evidence = oldTableEvidence(rep)
	}
	if evidence == nil || y < firstFormat2021 {
		return
	}
	ev := rep.Source.Slice(*evidence)
	ctx.Emitf(*evidence,
		fmt.Sprintf("%d年度报告应采用国办公开办函〔2021〕30号的格式，但“%s”是 2019 年试行格式的表格内容", y, ev),
		fmt.Sprintf("a report for %d must use the 2021 format, but “%s” belongs to the 2019 trial format", y, ev))
}

// oldTableEvidence is the label of a 2019 row in a table read by the 2019
// rows in a report of the 2021 format (（六）其他处理 as one row), or nil.
func oldTableEvidence(rep *grammar.Report) *grammar.Span {
	for _, t := range rep.Tables {
		if t == nil || t.Def.Format != grammar.Format2019 {
			continue
		}
		for _, r := range t.Rows {
			if r.Label != nil && grammar.Table2.Row(r.Def.Key) == nil {
				return &r.Label.Span
			}
		}
	}
	return nil
}

func checkMissingTables(ctx *lint.Context) {
	rep := ctx.Report
	kept, _ := keptSections(rep)
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
		d := lint.Diagnostic{Span: h.Span,
			Message:   fmt.Sprintf("“%s”中找不到%s（%s）", headingText(rep, h), tableName(def.ID), def.Name),
			MessageEN: fmt.Sprintf("“%s” has no table (%s)", headingText(rep, h), def.Name),
		}
		if len(fix.Edits) > 0 {
			d.Fixes = []lint.Fix{fix}
		}
		ctx.Emit(d)
	}
}
