package lsp

import (
	"fmt"
	"strconv"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// testRuleID is a rule only the lsp tests register: a row-total check of
// table 2 with a safe fix and related cells, like the real arithmetic rule,
// so that the server's machinery is tested independently of the rules'
// wording and evolution.
const testRuleID = "GD-Z901"

func init() {
	lint.Register(&lint.Rule{
		ID: testRuleID, Name: "lsp-test-row-total", Family: lint.FamilyArithmetic, Severity: lint.Error,
		Summary: "测试：行总计", SummaryEN: "test: row total",
		Explanation:   "测试规则：总计应等于各申请人之和。",
		ExplanationEN: "Test rule: the total equals the sum of the applicants.",
		Check: func(c *lint.Context) {
			t := c.Report.Table(grammar.TableRequests)
			if t == nil {
				return
			}
			for _, b := range grammar.Balances(c.Report.Format) {
				if b.Kind != grammar.BalanceRowTotal {
					continue
				}
				total := t.Cell(b.Right[0].Row, b.Right[0].Col)
				want, ok := total.Number()
				if !ok {
					continue
				}
				sum := 0.0
				var related []lint.Related
				complete := true
				for _, ref := range b.Left {
					cell := t.Cell(ref.Row, ref.Col)
					v, ok := cell.Number()
					if !ok {
						complete = false
						break
					}
					sum += v
					related = append(related, lint.Related{Span: cell.Span, Message: cell.Col.Label})
				}
				if !complete || sum == want {
					continue
				}
				s := strconv.FormatFloat(sum, 'f', -1, 64)
				c.Emit(lint.Diagnostic{Span: total.Span,
					Message:   fmt.Sprintf("总计 %s 不等于各项之和 %s", total.Text, s),
					MessageEN: fmt.Sprintf("total %s is not the sum %s", total.Text, s),
					Related:   related,
					Fixes: []lint.Fix{{Title: "改为 " + s, TitleEN: "Change to " + s,
						Edits: []lint.Edit{{Span: total.Span, NewText: s}}}},
				})
			}
		},
	})
}
