package rules

import (
	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-A004", Name: "review-total", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Fixable:   lint.FixUnsafe,
		Summary:   "表四每组“总计”应等于结果维持 + 结果纠正 + 其他结果 + 尚未审结",
		SummaryEN: "In 表四 each group's total equals upheld + corrected + other + pending",
		Explanation: `表四（政府信息公开行政复议、行政诉讼情况）的行政复议、未经复议直接起诉、复议后起诉三组，
每组的“总计”应等于“结果维持”“结果纠正”“其他结果”“尚未审结”四项之和。

表四每个数只属于一个关系，无从判断是总计还是某一项有误，因此改写总计的修复只作为建议提供。

依据：国办公开办函〔2021〕30号表格结构；规范 §5.2。
` + arithCommon,
		ExplanationEN: `In 表四 (the table of section 四, 政府信息公开行政复议、行政诉讼情况), for each of the three groups — 行政复议
(administrative review), 未经复议直接起诉 (suit without review) and 复议后起诉 (suit after review) — the “总计” equals
the sum of the four items “结果维持”, “结果纠正”, “其他结果” and “尚未审结”.

Every number in 表四 belongs to one relation only, so there is no telling whether the total or one of the items is
wrong; the fix that rewrites the total is therefore only offered as a suggestion.

Basis: the table structure of 国办公开办函〔2021〕30号; spec §5.2.
` + arithCommonEN,
		Check: func(ctx *lint.Context) {
			emitArith(ctx, grammar.TableReview, grammar.BalanceReviewTotal)
			emitUnbalancedSplits(ctx, grammar.TableReview)
		},
	})
}
