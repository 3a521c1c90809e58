package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/format"
)

// RulesDocCommand regenerates docs/rules.md; the page and the test that
// holds it to the registry both name it.
const RulesDocCommand = "go run ./cmd/gdlint rules --format markdown > docs/rules.md"

// familyDoc names a family in the catalogue page, in the order the page
// lists them: the report from its outline to its wording, then the checks
// across years and the rules about gdlint itself.
var familyDoc = []familyTitle{
	{lint.FamilyStructure, "结构", "Structure"},
	{lint.FamilyTables, "表格", "Tables"},
	{lint.FamilyArithmetic, "勾稽关系", "Arithmetic"},
	{lint.FamilyDates, "日期与期限", "Dates and deadlines"},
	{lint.FamilyNarrative, "正文与表格的一致", "Narrative against the tables"},
	{lint.FamilyWriting, "文字与格式", "Writing"},
	{lint.FamilyYears, "跨年度（批量检查）", "Across years (batch checks)"},
	{lint.FamilyMeta, "抑制注释", "Suppressions"},
}

type familyTitle struct {
	family lint.Family
	zh, en string
}

// RuleAnchor is the fragment of a rule's entry in docs/rules.md
// (lint.DocAnchor: the links of editors and SARIF go there).
func RuleAnchor(id string) string { return lint.DocAnchor(id) }

func fixDoc(f lint.Fixability) string {
	switch f {
	case lint.FixSafe:
		return "安全修复 / safe fix (`--fix`)"
	case lint.FixUnsafe:
		return "仅建议修复 / suggested fix only (`--unsafe-fixes`)"
	case lint.FixSometimes:
		return "部分安全 / sometimes safe (`--fix` applies the safe ones)"
	}
	return "无 / none"
}

// WriteRulesMarkdown writes the rule reference (docs/rules.md): an index,
// then per family a section and per rule an entry headed by its ID alone,
// so that renderers give it the anchor RuleAnchor(ID), with the name,
// severity, fixability, the summary in Chinese and English and the
// explanation in Chinese, then English.
func WriteRulesMarkdown(w io.Writer, rules []*lint.Rule) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }

	groups := map[lint.Family][]*lint.Rule{}
	for _, r := range rules {
		groups[r.Family] = append(groups[r.Family], r)
	}
	var sections []familyTitle
	known := map[lint.Family]bool{}
	for _, f := range familyDoc {
		known[f.family] = true
		if len(groups[f.family]) > 0 {
			sections = append(sections, f)
		}
	}
	// a family the page does not know yet still gets its section
	var extra []lint.Family
	for f := range groups {
		if !known[f] {
			extra = append(extra, f)
		}
	}
	slices.Sort(extra)
	for _, f := range extra {
		sections = append(sections, familyTitle{f, string(f), string(f)})
	}

	p("# gdlint 规则 / gdlint rules\n\n")
	p("<!-- Generated from the rule registry by `%s`. Do not edit by hand. -->\n\n", RulesDocCommand)
	p("本页列出 gdlint 的全部 %d 条规则，由规则注册表生成（与 `gdlint rules`、`gdlint explain 规则编号` 的内容相同）。"+
		"级别可在 `.gdlint.toml` 的 `[severity]` 中调整，规则可用 `[rules]` 的 `select`/`ignore` 选择，"+
		"单个问题可用 `<!-- gdlint-disable-next-line 规则编号 -->` 注释或 `[[ignore]]` 条目抑制。\n\n", len(rules))
	p("This page lists all %d gdlint rules; it is generated from the rule registry (the same text as `gdlint rules` "+
		"and `gdlint explain ID --lang en`). Severities can be changed in the `[severity]` table of `.gdlint.toml`, "+
		"rules chosen with `select`/`ignore` under `[rules]`, and single findings suppressed with a "+
		"`<!-- gdlint-disable-next-line ID -->` comment or an `[[ignore]]` entry.\n\n", len(rules))
	p("“表二”“表三”“表四” are the tables of sections 二, 三 and 四 of the report.\n\n")

	for _, s := range sections {
		p("- [%s %s](#%s)\n", s.zh, s.en, familyAnchor(s.family))
	}
	p("\n| 编号 ID | 名称 Name | 级别 Severity | 可修复 Fix | 说明 | Summary |\n|---|---|---|---|---|---|\n")
	for _, s := range sections {
		for _, r := range groups[s.family] {
			p("| [%s](#%s) | `%s` | %s | %s | %s | %s |\n", r.ID, RuleAnchor(r.ID), r.Name, r.Severity,
				fixLabel(r.Fixable, true), cell(r.Summary), cell(r.SummaryEN))
		}
	}

	for _, s := range sections {
		p("\n<a id=\"%s\"></a>\n\n## %s %s (%s)\n", familyAnchor(s.family), s.zh, s.en, lint.FamilyPrefix[s.family])
		for _, r := range groups[s.family] {
			p("\n### %s\n\n", r.ID)
			p("`%s` · %s · %s\n\n", r.Name, r.Severity, fixDoc(r.Fixable))
			p("- %s\n- %s\n", r.Summary, r.SummaryText("en"))
			if e := strings.TrimSpace(r.Explanation); e != "" {
				p("\n**说明**\n\n%s\n", joinCJKLines(e, true))
			}
			if e := strings.TrimSpace(r.ExplanationEN); e != "" {
				p("\n**Explanation**\n\n%s\n", joinCJKLines(e, false))
			}
		}
	}
	return bw.Flush()
}

// familyAnchor is a family section's fragment ("family-arithmetic"); it
// cannot collide with a rule's.
func familyAnchor(f lint.Family) string { return "family-" + string(f) }

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

// blockStart matches a line that begins a Markdown block of its own.
var blockStart = regexp.MustCompile(`^(?:[-*+>|#]|\d+[.)])(?:\s|$)`)

// joinCJKLines joins the source line wraps that fall between two Chinese
// characters: renderers turn a wrap into a space, which shows between Han
// characters (“总计” + wrap + “列” reads “总计 列”). Table rows and list items
// keep their lines. In Chinese text the curly quotes count as Chinese too;
// in English text a space between “总计” and “列” is wanted.
func joinCJKLines(text string, zh bool) string {
	wide := func(r rune) bool { return format.IsWide(r) || zh && strings.ContainsRune("“”‘’", r) }
	lines := strings.Split(text, "\n")
	out := lines[:1]
	for _, next := range lines[1:] {
		prev := out[len(out)-1]
		trimmed := strings.TrimLeft(next, " ")
		last, _ := utf8.DecodeLastRuneInString(prev)
		first, _ := utf8.DecodeRuneInString(trimmed)
		if prev != "" && trimmed != "" && !strings.HasPrefix(prev, "|") && !blockStart.MatchString(trimmed) &&
			wide(last) && wide(first) {
			out[len(out)-1] = prev + trimmed
			continue
		}
		out = append(out, next)
	}
	return strings.Join(out, "\n")
}

// FamilyTitle names a family in lang ("zh" or "en"), as the rule catalogue
// does; an unknown family keeps its identifier.
func FamilyTitle(f lint.Family, lang string) string {
	for _, t := range familyDoc {
		if t.family == f {
			if lang == "en" {
				return t.en
			}
			return t.zh
		}
	}
	return string(f)
}
