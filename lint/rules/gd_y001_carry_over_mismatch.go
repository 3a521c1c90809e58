package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

var RuleCarryOver = &lint.Rule{ID: "GD-Y001", Name: "carry-over-mismatch", Family: lint.FamilyYears, Severity: lint.Warning,
	Summary:   "本年“二、上年结转”应等于上一年度报告“四、结转下年度继续办理”",
	SummaryEN: "this year's 二、上年结转 must equal last year's 四、结转下年度继续办理",
	Explanation: "上一年度未办结、结转到下一年度继续办理的申请，就是下一年度的“上年结转”申请。" +
		"因此同一机关相邻两年的报告中，第 Y+1 年表三“二、上年结转政府信息公开申请数量”的每一列，" +
		"应等于第 Y 年表三“四、结转下年度继续办理”的同一列（规范 §4.3 第 6 项）。\n\n" +
		"本规则只在批量检查（`gdlint check 目录`）中运行，需要同一机关相邻年度的两份报告。" +
		"诊断指向后一年报告中的单元格，相关位置指向前一年报告的单元格。" +
		"当任一单元格未能识别、或其位置是推断的（例如按行位置对应）而数字又不一致时，规则报告“无法判断”（提示），不作为错误。",
	ExplanationEN: "Applications not completed in one year and carried over to the next are the next year's “上年结转” (carried over from\n" +
		"last year) applications. So in one body's reports for consecutive years, every column of\n" +
		"“二、上年结转政府信息公开申请数量” in 表三 of year Y+1 should equal the same column of “四、结转下年度继续办理” in 表三\n" +
		"of year Y (spec §4.3 item 6).\n" +
		"\n" +
		"This rule runs only in batch checks (`gdlint check DIR`) and needs the body's reports for two consecutive years. The\n" +
		"diagnostic points at the cell in the later report; its related location at the cell in the earlier one. When either cell\n" +
		"was not recognised, or its place was inferred (matched by row position, say) and the numbers differ, the rule reports\n" +
		"“cannot judge” (info), not an error.",
	Check: noSingleReportCheck,
}

func init() { lint.Register(RuleCarryOver) }

var colEN = map[string]string{
	grammar.ColNatural: "natural persons", grammar.ColCommercial: "commercial enterprises", grammar.ColResearch: "research institutions",
	grammar.ColSocial: "social organisations", grammar.ColLegal: "legal service agencies", grammar.ColOther: "others", grammar.ColTotal: "total",
	grammar.ColIssued: "issued", grammar.ColRepealed: "repealed", grammar.ColInForce: "in force",
}

// CheckCarryOver compares cur's 二、上年结转 with prev's 四、结转下年度继续办理,
// column by column.
func CheckCarryOver(prev, cur YearReport, sev lint.Severity) *YearOutcome {
	o := &YearOutcome{}
	var mismatched, unjudged []string
	var firstUnjudged *grammar.Span
	confirmed := 0
	cols := grammar.Table2.Row(grammar.RowCarried).Cols
	o.Columns = make([]Column, 0, len(cols)) // one each, made once
	for _, col := range cols {
		pv, _ := prev.cell(grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowCarryOver, Col: col.Key})
		cv, cc := cur.cell(grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowCarried, Col: col.Key})
		k := Column{Key: col.Key, Label: col.Label, LabelEN: colEN[col.Key], Prev: pv, Cur: cv}
		switch {
		case pv == nil || cv == nil:
			k.Status = StatusCannotJudge
		case pv.Value == cv.Value:
			k.Status = StatusOK
			confirmed++
		case !pv.Firm || !cv.Firm:
			k.Status = StatusCannotJudge
		default:
			k.Status = StatusFinding
			mismatched = append(mismatched, col.Label)
			o.emit(RuleCarryOver, sev, cv.Span,
				fmt.Sprintf("“二、上年结转”（%s）为 %s，但 %d 年度报告“四、结转下年度继续办理”为 %s", col.Label, cv.Text, prev.Year, pv.Text),
				fmt.Sprintf("二、上年结转 (%s) is %s, but the %d report's 四、结转下年度继续办理 is %s", colEN[col.Key], cv.Text, prev.Year, pv.Text),
				lint.Related{Path: prev.Path, Span: pv.Span, Message: fmt.Sprintf("%d 年度“四、结转下年度继续办理”（%s）", prev.Year, col.Label)})
		}
		if k.Status == StatusCannotJudge {
			unjudged = append(unjudged, col.Label)
			if firstUnjudged == nil {
				switch {
				case cv != nil:
					firstUnjudged = &cv.Span
				case cc != nil:
					firstUnjudged = cc
				}
			}
		}
		o.Columns = append(o.Columns, k)
	}
	n := len(o.Columns)
	switch {
	case len(mismatched) > 0:
		o.Status = StatusFinding
		o.Message = fmt.Sprintf("%d 列不一致：%s", len(mismatched), strings.Join(mismatched, "、"))
		o.MessageEN = fmt.Sprintf("%d column(s) differ", len(mismatched))
	case len(unjudged) > 0:
		o.Status = StatusCannotJudge
		why := cannotJudgeReason(o.Columns)
		o.Message = fmt.Sprintf("无法判断：%d 列中 %d 列一致，%s（%s）", n, confirmed, why[0], strings.Join(unjudged, "、"))
		o.MessageEN = fmt.Sprintf("cannot judge: %d of %d columns agree; %s", confirmed, n, why[1])
		at := cur.Anchor
		if firstUnjudged != nil {
			at = *firstUnjudged
		}
		o.emit(RuleCarryOver, lint.Info, at,
			fmt.Sprintf("无法核对“二、上年结转”与 %d 年度“四、结转下年度继续办理”：%s", prev.Year, why[0]),
			fmt.Sprintf("cannot compare 二、上年结转 with the %d report's 四、结转下年度继续办理: %s", prev.Year, why[1]))
	default:
		o.Status = StatusOK
		o.Message = fmt.Sprintf("%d 列均一致（总计 %s）", n, o.Columns[n-1].Cur.Text)
		o.MessageEN = fmt.Sprintf("all %d columns agree (total %s)", n, o.Columns[n-1].Cur.Text)
	}
	return o
}

// cannotJudgeReason explains, in both languages, why some columns could not
// be compared.
func cannotJudgeReason(cols []Column) [2]string {
	missPrev, missCur, doubt := 0, 0, 0
	for _, k := range cols {
		if k.Status != StatusCannotJudge {
			continue
		}
		switch {
		case k.Prev == nil:
			missPrev++
		case k.Cur == nil:
			missCur++
		default:
			doubt++
		}
	}
	var zh, en []string
	if missPrev > 0 {
		zh = append(zh, fmt.Sprintf("上一年度报告有 %d 个单元格未能识别", missPrev))
		en = append(en, fmt.Sprintf("%d cell(s) of the earlier report were not read", missPrev))
	}
	if missCur > 0 {
		zh = append(zh, fmt.Sprintf("本报告有 %d 个单元格未能识别", missCur))
		en = append(en, fmt.Sprintf("%d cell(s) of this report were not read", missCur))
	}
	if doubt > 0 {
		zh = append(zh, fmt.Sprintf("%d 个数字不一致但单元格位置是推断的", doubt))
		en = append(en, fmt.Sprintf("%d value(s) differ but their cells were placed by inference", doubt))
	}
	return [2]string{strings.Join(zh, "；"), strings.Join(en, "; ")}
}
