package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
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
}

func checkOldFormat(ctx *lint.Context) {
	rep := ctx.Report
	y, from, _ := rep.Year()
	evidence := rep.FormatEvidence
	if rep.Format != grammar.Format2019 {
		evidence = oldTableEvidence(rep)
	}
	if evidence == nil || y < firstFormat2021 {
		return
	}
	ev := rep.Source.Slice(*evidence)
	zh, en := yearSourceNote(from)
	ctx.Emitf(*evidence,
		fmt.Sprintf("%d年度报告应采用国办公开办函〔2021〕30号的格式，但“%s”是 2019 年试行格式的表格内容%s", y, ev, zh),
		fmt.Sprintf("a report for %d must use the 2021 format, but “%s” belongs to the 2019 trial format%s", y, ev, en))
}

// yearSourceNote says where a report year not read from the title came from.
func yearSourceNote(from grammar.YearSource) (zh, en string) {
	switch from {
	case grammar.YearFromPeriod:
		return "（报告年度由统计期限得出）", " (the report year is that of the statistics period)"
	case grammar.YearFromPublication:
		return "（报告年度由发布日期推断）", " (the report year is inferred from the publication date)"
	case grammar.YearFromText:
		return "（报告年度由正文推断）", " (the report year is inferred from the text)"
	}
	return "", ""
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
