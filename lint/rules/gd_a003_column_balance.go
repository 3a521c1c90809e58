package rules

import (
	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-A003", Name: "column-balance", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Summary:   "表三每列：一 + 二 = （七）总计 + 四",
		SummaryEN: "In 表三, per column: 一 (new) + 二 (carried over) = （七）总计 + 四 (carried to next year)",
		Explanation: `表三左上角的说明写明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。
即每一列：一、本年新收 + 二、上年结转 = 三、本年度办理结果（其合计为“（七）总计”）+ 四、结转下年度继续办理。

依据：国办公开办函〔2021〕30号表格中的勾稽关系说明（规范 §4.1、§4.3 第 1 条）。
` + arithCommon,
		ExplanationEN: `The note in the top-left corner of 表三 (the table of section 三) says:
“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和” (in every column, item one plus item two equals item
three plus item four). That is, per column: 一、本年新收 + 二、上年结转 = 三、本年度办理结果 (whose total is
“（七）总计”) + 四、结转下年度继续办理.

Basis: the balance note in the table of 国办公开办函〔2021〕30号 (spec §4.1, §4.3 item 1).
` + arithCommonEN,
		Check: func(ctx *lint.Context) { emitArith(ctx, grammar.TableRequests, grammar.BalanceColumn) },
	})
}
