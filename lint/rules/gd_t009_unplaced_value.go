package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T009", Name: "unplaced-value", Family: lint.FamilyTables, Severity: lint.Warning,
		Summary:   "表格中的数值无法对应到模板的单元格",
		SummaryEN: "A value in a table cannot be placed in a template cell",
		Explanation: `表格区域里有数值，但解析器无法把它对应到模板的某个单元格：前面没有可识别的行标签、
行标签不是模板中的行、同一行重复出现等。原因写在消息中。这些数值不参与任何核对。
已由 GD-T002、GD-T003 报告的整行问题不再重复。

依据：设计约定“规则不静默猜测”：无法放置的内容本身就是一个发现。`,
		ExplanationEN: `There is a value in a table area that the parser cannot place in any template cell: no recognisable row label before it,
a row label that is not a row of the template, the same row repeated, and so on. The message gives the reason. Such
values take part in no check. Whole-row problems already reported by GD-T002 and GD-T003 are not repeated.

Basis: the design principle that rules never guess silently (规则不静默猜测): content that cannot be placed is a finding
in itself.`,
		Check: checkUnplaced,
	})
}

func checkUnplaced(ctx *lint.Context) {
	rep := ctx.Report
	inProblem := func(u *grammar.Unplaced) bool {
		t := rep.Table(u.Table)
		if t == nil {
			return false
		}
		for _, p := range t.Problems {
			if p.Kind != "missing-row" && p.Kind != "unknown-label" && p.Span.Start <= u.Span.Start && u.Span.End <= p.Span.End {
				return true
			}
		}
		return false
	}
	// one finding per reason and line: a row of values shares its reason
	type key struct {
		table  int
		line   int
		reason string
	}
	var groups []key
	byKey := map[key][]*grammar.Unplaced{}
	for _, u := range rep.Unplaced {
		if inProblem(u) {
			continue
		}
		k := key{u.Table, rep.Source.Line(u.Span.Start), u.Reason}
		if byKey[k] == nil {
			groups = append(groups, k)
		}
		byKey[k] = append(byKey[k], u)
	}
	for _, k := range groups {
		// an empty field (a blank cell of a layout) says nothing: never
		// quote an empty string
		var us []*grammar.Unplaced
		var texts []string
		for _, u := range byKey[k] {
			if strings.TrimSpace(u.Text) != "" {
				us = append(us, u)
				texts = append(texts, u.Text)
			}
		}
		if len(us) == 0 {
			continue
		}
		d := lint.Diagnostic{Span: us[0].Span,
			Message:   fmt.Sprintf("%s中的“%s”无法对应到模板的单元格：%s", tableName(k.table), strings.Join(texts, " "), k.reason),
			MessageEN: fmt.Sprintf("%s: “%s” cannot be placed in a template cell (%s)", tableNameEN(k.table), strings.Join(texts, " "), k.reason),
		}
		for _, u := range us[1:] {
			d.Related = append(d.Related, lint.Related{Span: u.Span, Message: u.Text})
		}
		ctx.Emit(d)
	}
}
