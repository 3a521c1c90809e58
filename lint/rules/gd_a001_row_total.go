package rules

import (
	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-A001", Name: "row-total", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Fixable:   lint.FixSometimes,
		Summary:   "表三每行的“总计”应等于六类申请人之和",
		SummaryEN: "In 表三 each row's total (总计) equals the sum of the six applicant columns",
		Explanation: `表三（收到和处理政府信息公开申请情况）每一行的“总计”列，应等于“自然人”与“法人或其他组织”五类
（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。模板没有“法人或其他组织”小计列。

依据：国办公开办函〔2021〕30号所附表格的列结构（总计为各申请人类别之和）；规范 §4.3 第 3 条。
` + arithCommon,
		ExplanationEN: `In 表三 (the table of section 三, 收到和处理政府信息公开申请情况), the “总计” column of every row equals the sum of
“自然人” and the five kinds of “法人或其他组织” (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). The template has
no subtotal column for “法人或其他组织”.

Basis: the column structure of the tables attached to 国办公开办函〔2021〕30号 (the total is the sum of the applicant
kinds); spec §4.3 item 3.
` + arithCommonEN,
		Check: func(ctx *lint.Context) { emitArith(ctx, grammar.TableRequests, grammar.BalanceRowTotal) },
	})
}
