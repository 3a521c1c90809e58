package rules

import (
	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W001", Name: "fee-statement-missing", Family: lint.FamilyWriting, Severity: lint.Error,
		Summary:   "“六、其他需要报告的事项”未说明是否收取信息处理费",
		SummaryEN: "section 六 does not state whether information processing fees were charged",
		Explanation: `2021 年格式的“六、其他需要报告的事项”须说明本年度信息处理费的收取情况（收取金额，或“未收取”）。

依据：《政府信息公开条例》第四十二条与《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）设立信息处理费；
表三（六）2“申请人逾期未按收费通知要求缴纳费用”一行即由此而来，各地通知（如河南省政府办公厅 2021 年 1 月通知）
要求把收费情况写入年度报告（见 spec §2.8、§4.3 第 7 点）。

判断：第六部分（含其小标题）中出现“信息处理费”“信息公开处理费”“处理费”或“收费”“收取”“费用”之一即视为已说明。
仅检查 2021 年格式的报告；没有第六部分时由结构规则报告。`,
		ExplanationEN: `In the 2021 format, “六、其他需要报告的事项” must state whether information processing fees (信息处理费) were charged
this year (the amount charged, or “未收取”: none).

Basis: Article 42 of the 《政府信息公开条例》 and the 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号) establish
the information processing fee; the row （六）2 of 表三, “申请人逾期未按收费通知要求缴纳费用”, comes from them, and
provincial notices (such as the Henan provincial government office's notice of January 2021) require the fees charged to
be reported in the annual report (see spec §2.8, §4.3 item 7).

How it is judged: the statement counts as made when section 六 (with its subheadings) contains “信息处理费”,
“信息公开处理费” or “处理费”, or one of “收费”, “收取” and “费用”. Only reports in the 2021 format are checked; a
missing section 六 is reported by the structure rules.`,
		Check: checkFeeStatement,
	})
}

var feeWords = []string{"信息处理费", "信息公开处理费", "处理费", "收费", "收取", "费用"}

func checkFeeStatement(c *lint.Context) {
	r := c.Report
	if r.Format != grammar.Format2021 {
		return
	}
	sec := r.Section(grammar.SecOther)
	if sec == nil {
		return
	}
	if sectionHasWord(r, sec, feeWords) {
		return
	}
	c.Emitf(sec.Heading.Span,
		"“"+sec.Def.Canonical()+"”未说明本年度是否收取信息处理费（应写明收取金额或“未收取信息处理费”）",
		"section 六 does not say whether information processing fees were charged this year (state the amount, or that none were charged)")
}
