package rules

import (
	"strconv"

	"github.com/gdlint/gdlint/lint"
)

var RuleDuplicateYear = &lint.Rule{ID: "GD-Y004", Name: "duplicate-year", Family: lint.FamilyYears, Severity: lint.Warning,
	Summary:   "同一机关同一年度有多份报告",
	SummaryEN: "the same body reports the same year more than once",
	Explanation: "同一机关每年只发布一份政府信息公开工作年度报告。批量检查中出现同一机关、同一年度的多份报告，" +
		"可能是同一报告的不同文件（网页与 Word 版），也可能是标题中的年度写错。" +
		"跨年度比较只使用其中路径排在前面的一份。本规则只在批量检查中运行。\n\n" +
		"依据：条例第四十九条（每年公布本机关上一年度的年度报告）。",
	ExplanationEN: `A body publishes one government information disclosure annual report a year. When a batch check finds several reports of
the same body for the same year, they may be different files of one report (the web page and the Word version), or a
title may have the wrong year. The cross-year comparisons use only the one whose path sorts first. This rule runs only
in batch checks.

Basis: Article 49 of the 条例 (every year, each body publishes its annual report for the previous year).`,
	Check: noSingleReportCheck,
}

func init() { lint.Register(RuleDuplicateYear) }

// CheckDuplicateYear reports dup, a second report of body for the year of
// first. It reads only their Path, Year and Anchor (WithoutData keeps them).
func CheckDuplicateYear(body string, first, dup YearReport, sev lint.Severity) *YearOutcome {
	// concatenated, not formatted: a batch of copies of one report has a
	// finding for every copy, and five Sprintf calls were most of each
	year, firstYear := strconv.Itoa(dup.Year), strconv.Itoa(first.Year)
	o := &YearOutcome{Status: StatusFinding}
	o.Message = body + " " + year + " 年度已有报告 " + first.Path + "；跨年度比较只使用前者"
	o.MessageEN = body + " already has a " + year + " report, " + first.Path + "; the cross-year checks use that one"
	o.emit(RuleDuplicateYear, sev, dup.Anchor,
		"同一机关 "+year+" 年度有多份报告：另见 "+first.Path,
		"the same body has more than one report for "+year+": see also "+first.Path,
		lint.Related{Path: first.Path, Span: first.Anchor, Message: firstYear + " 年度的另一份报告"})
	return o
}
