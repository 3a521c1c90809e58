package rules

import (
	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-A002", Name: "outcome-total", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Fixable:   lint.FixUnsafe,
		Summary:   "表三“（七）总计”应等于各项办理结果之和",
		SummaryEN: "In 表三 “（七）总计” equals the sum of every outcome row, per column",
		Explanation: `表三“三、本年度办理结果”下，“（七）总计”每一列应等于（一）予以公开、（二）部分公开、（三）不予公开 1–8、
（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年格式为 1–3 三项，2019 年试行格式为一行）各项之和。
（三）至（六）在模板中只是合并的分组标签，没有自己的小计行。

依据：国办公开办函〔2021〕30号表格结构；规范 §4.3 第 2 条（在 2019 年上海市报告上逐列核验）。
` + arithCommon,
		ExplanationEN: `Under “三、本年度办理结果” in 表三 (the table of section 三), every column of “（七）总计” equals the sum of
（一）予以公开, （二）部分公开, （三）不予公开 1–8, （四）无法提供 1–3, （五）不予处理 1–5 and （六）其他处理 (items 1–3
in the 2021 format, a single row in the 2019 trial format). In the template, （三） to （六） are only merged group
labels with no subtotal rows of their own.

Basis: the table structure of 国办公开办函〔2021〕30号; spec §4.3 item 2 (verified column by column on a 2019 Shanghai
report).
` + arithCommonEN,
		Check: func(ctx *lint.Context) { emitArith(ctx, grammar.TableRequests, grammar.BalanceOutcomeTotal) },
	})
}
