package rules_test

import (
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// An empty field that could not be placed (a blank cell of a page layout)
// is not reported: a message never quotes an empty string (表二中的“”).
func TestUnplacedEmptyFieldNotQuoted(t *testing.T) {
	text := "某某局2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
	rep := grammar.Parse(grammar.NewSource("r.txt", text))
	at := strings.Index(text, "规章")
	rep.Unplaced = append(rep.Unplaced,
		&grammar.Unplaced{Table: 1, Span: grammar.Span{Start: at, End: at}, Text: "", Reason: "数值前没有可识别的行标签"},
		&grammar.Unplaced{Table: 1, Span: grammar.Span{Start: at + 1, End: at + 1}, Text: " \t", Reason: "数值前没有可识别的行标签"})
	for _, d := range lint.Run(rep, []*lint.Rule{lint.RuleByID("GD-T009")}, nil) {
		if strings.Contains(d.Message, "“”") || strings.Contains(d.Message, "“ ") {
			t.Errorf("an empty string quoted: %s", d.Message)
		}
	}
	rep.Unplaced = append(rep.Unplaced, &grammar.Unplaced{Table: 1, Span: grammar.Span{Start: at, End: at + 6}, Text: "规章", Reason: "数值前没有可识别的行标签"})
	found := false
	for _, d := range lint.Run(rep, []*lint.Rule{lint.RuleByID("GD-T009")}, nil) {
		found = found || strings.Contains(d.Message, "“规章”无法对应")
	}
	if !found {
		t.Error("the non-empty unplaced text is not reported")
	}
}
