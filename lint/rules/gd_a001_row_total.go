package rules

import (
	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-A001", Name: "row-total", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Fixable:   lint.FixUnsafe,
		Summary:   "表三每行的“总计”应等于六类申请人之和",
		SummaryEN: "In 表三 each row's total (总计) equals the sum of the six applicant columns",
		Explanation: `表三（收到和处理政府信息公开申请情况）每一行的“总计”列，应等于“自然人”与“法人或其他组织”五类
（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。模板没有“法人或其他组织”小计列。

网页抓取常把一行数字连在一起（如“4000000”）：只有一种拆分方式时按它核对（自然人 4、总计 0 即报告总计不符）；
有多种拆分方式而没有一种满足本行合计时，本规则报告“无论怎样拆分，本行各数之和都不等于总计”。

依据：国办公开办函〔2021〕30号所附表格的列结构（总计为各申请人类别之和）；规范 §4.3 第 3 条。
` + arithCommon,
		ExplanationEN: `In 表三 (the table of section 三, 收到和处理政府信息公开申请情况), the “总计” column of every row equals the sum of
“自然人” and the five kinds of “法人或其他组织” (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). The template has
no subtotal column for “法人或其他组织”.

Web crawls often glue a row's digits together (such as “4000000”): when they split only one way, that split is checked
(自然人 4 and 总计 0 is reported as a wrong total); when they split several ways and none adds up to the row total, this
rule reports that the row is wrong whatever the split.

Basis: the column structure of the tables attached to 国办公开办函〔2021〕30号 (the total is the sum of the applicant
kinds); spec §4.3 item 3.
` + arithCommonEN,
		Check: func(ctx *lint.Context) {
			emitArith(ctx, grammar.TableRequests, grammar.BalanceRowTotal)
			emitUnbalancedSplits(ctx, grammar.TableRequests)
		},
	})
}
