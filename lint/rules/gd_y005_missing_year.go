package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gdlint/gdlint/lint"
)

var RuleMissingYear = &lint.Rule{ID: "GD-Y005", Name: "missing-year", Family: lint.FamilyYears, Severity: lint.Warning,
	Summary:   "同一机关的年度报告缺少中间某一年",
	SummaryEN: "a year is missing in one body's run of reports",
	Explanation: "条例第四十九条要求每年公布年度报告。批量检查中同一机关的报告年度不连续（例如有 2021 年和 2023 年、没有 2022 年）时，" +
		"或者该年度报告未发布，或者未收集到，或者标题年度有误。诊断指向缺口之后那份报告的年度。本规则只在批量检查中运行。",
	ExplanationEN: `Article 49 of the 条例 requires the annual report to be published every year. When a body's reports in a batch check
skip a year (2021 and 2023 but no 2022, say), the missing year's report was either not published or not collected, or a
title has the wrong year. The diagnostic points at the year of the report after the gap. This rule runs only in batch
checks.`,
	Check: noSingleReportCheck,
}

func init() { lint.Register(RuleMissingYear) }

// CheckMissingYear reports the years missing between prev and cur, two
// reports of body. It reads only their Path, Year and Anchor (WithoutData
// keeps them).
func CheckMissingYear(body string, prev, cur YearReport, sev lint.Severity) *YearOutcome {
	var years []string
	o := &YearOutcome{Status: StatusFinding}
	for y := prev.Year + 1; y < cur.Year; y++ {
		o.Missing = append(o.Missing, y)
		years = append(years, strconv.Itoa(y))
	}
	list := strings.Join(years, "、")
	// what is known is what the batch holds: the report may exist but not
	// have been collected
	o.Message = fmt.Sprintf("检查的文件中没有 %s 年度报告（%d 与 %d 之间）", list, prev.Year, cur.Year)
	o.MessageEN = fmt.Sprintf("no report for %s among the files checked (between %d and %d)", strings.Join(years, ", "), prev.Year, cur.Year)
	o.emit(RuleMissingYear, sev, cur.Anchor,
		fmt.Sprintf("检查的文件中没有该机关 %s 年度的报告（上一份是 %d 年度）：未发布、未收集，或标题年度有误", list, prev.Year),
		fmt.Sprintf("the files checked hold no report of this body for %s (the previous one is for %d): not published, not collected, or a title with the wrong year", strings.Join(years, ", "), prev.Year),
		lint.Related{Path: prev.Path, Span: prev.Anchor, Message: fmt.Sprintf("%d 年度报告", prev.Year)})
	return o
}
