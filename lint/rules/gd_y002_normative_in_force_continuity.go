package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

var RuleNormativeInForce = &lint.Rule{ID: "GD-Y002", Name: "normative-in-force-continuity", Family: lint.FamilyYears, Severity: lint.Warning,
	Summary:   "行政规范性文件现行有效件数应约等于上年现行有效件数加本年制发减本年废止",
	SummaryEN: "normative documents in force should equal last year's in force plus issued minus repealed",
	Explanation: "表二第二十条第（一）项中，行政规范性文件的“现行有效件数”通常满足：" +
		"现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y)（规范 §3 的软性核对）。\n\n" +
		"文件清理、失效（未经废止程序）、统计口径调整都会打破这一关系，所以这只是警告：" +
		"请核对数字，或在报告中说明差异的原因。本规则只在批量检查中运行。",
	ExplanationEN: `In item 第二十条第（一）项 of 表二, the number of normative documents (行政规范性文件) in force (“现行有效件数”) usually
satisfies: in force (Y) = in force (Y−1) + issued (Y) − repealed (Y), that is 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y)
− 本年废止(Y) (the soft check of spec §3).

Clean-ups, documents lapsing without being repealed (失效), and changes in how documents are counted all break this
relation, so it is only a warning: check the numbers, or explain the difference in the report. This rule runs only in
batch checks.`,
	Check: noSingleReportCheck,
}

func init() { lint.Register(RuleNormativeInForce) }

// CheckNormativeInForce checks 现行有效(cur) = 现行有效(prev) + 本年制发 −
// 本年废止.
func CheckNormativeInForce(prev, cur YearReport, sev lint.Severity) *YearOutcome {
	o := &YearOutcome{}
	ref := func(col string) grammar.CellRef {
		return grammar.CellRef{Table: grammar.TableProactive, Row: grammar.RowNormative, Col: col}
	}
	before, _ := prev.cell(ref(grammar.ColInForce))
	issued, _ := cur.cell(ref(grammar.ColIssued))
	repealed, _ := cur.cell(ref(grammar.ColRepealed))
	now, _ := cur.cell(ref(grammar.ColInForce))
	// 现行有效 compares with last year's (Prev); 制发 and 废止 are this year's terms
	o.Columns = []Column{
		{Key: grammar.ColIssued, Label: "本年制发", LabelEN: "issued", Cur: issued},
		{Key: grammar.ColRepealed, Label: "本年废止", LabelEN: "repealed", Cur: repealed},
		{Key: grammar.ColInForce, Label: "现行有效", LabelEN: "in force", Prev: before, Cur: now},
	}
	var missing []string
	firm := true
	note := func(v *Value, label string) {
		if v == nil {
			missing = append(missing, label)
		} else if !v.Firm {
			firm = false
		}
	}
	note(before, fmt.Sprintf("%d 年度现行有效", prev.Year))
	note(issued, "本年制发")
	note(repealed, "本年废止")
	note(now, "本年现行有效")
	if len(missing) > 0 {
		o.Status = StatusCannotJudge
		o.Message = "无法判断：未能识别 " + strings.Join(missing, "、")
		o.MessageEN = fmt.Sprintf("cannot judge: %d of the 4 values were not read", len(missing))
		for i := range o.Columns {
			o.Columns[i].Status = StatusCannotJudge
		}
		// no info diagnostic here: the table rules already report the
		// unreadable cells, and a 2019-format year has no such columns
		return o
	}
	want := before.Value + issued.Value - repealed.Value
	for i := range o.Columns {
		o.Columns[i].Status = StatusOK
	}
	if now.Value == want {
		o.Status = StatusOK
		o.Message = fmt.Sprintf("%s + %s − %s = %s", before.Text, issued.Text, repealed.Text, now.Text)
		o.MessageEN = o.Message
		return o
	}
	diff := now.Value - want
	if !firm {
		o.Status = StatusCannotJudge
		o.Columns[2].Status = StatusCannotJudge
		o.Message = fmt.Sprintf("无法判断：%s + %s − %s = %s，报告为 %s，但单元格位置是推断的", before.Text, issued.Text, repealed.Text, fmtNum(want), now.Text)
		o.MessageEN = fmt.Sprintf("cannot judge: %s + %s − %s = %s but the report says %s, and the cells were placed by inference", before.Text, issued.Text, repealed.Text, fmtNum(want), now.Text)
		return o
	}
	o.Status = StatusFinding
	o.Columns[2].Status = StatusFinding
	o.Message = fmt.Sprintf("%s + %s − %s = %s，报告为 %s（差 %s）", before.Text, issued.Text, repealed.Text, fmtNum(want), now.Text, signed(diff))
	o.MessageEN = fmt.Sprintf("%s + %s − %s = %s, the report says %s (off by %s)", before.Text, issued.Text, repealed.Text, fmtNum(want), now.Text, signed(diff))
	o.emit(RuleNormativeInForce, sev, now.Span,
		fmt.Sprintf("行政规范性文件现行有效件数为 %s，但上年现行有效 %s + 本年制发 %s − 本年废止 %s = %s（差 %s）；如开展了文件清理，请在报告中说明",
			now.Text, before.Text, issued.Text, repealed.Text, fmtNum(want), signed(diff)),
		fmt.Sprintf("normative documents in force: %s, but last year's %s + issued %s − repealed %s = %s (off by %s); explain a clean-up in the report if there was one",
			now.Text, before.Text, issued.Text, repealed.Text, fmtNum(want), signed(diff)),
		lint.Related{Path: prev.Path, Span: before.Span, Message: fmt.Sprintf("%d 年度现行有效件数", prev.Year)},
		lint.Related{Span: issued.Span, Message: "本年制发件数"},
		lint.Related{Span: repealed.Span, Message: "本年废止件数"})
	return o
}
