package rules

import (
	"fmt"
	"math"
	"strconv"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-C006", Name: "narrative-fees", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Summary:   "正文中的行政事业性收费金额与表二不一致",
		SummaryEN: "the administrative fee amount in the text disagrees with the table of section 二",
		Explanation: `正文写到本年行政事业性收费金额（“收取行政事业性收费3.5万元”），或称未收取行政事业性收费时，必须与
“二、主动公开政府信息情况”表格第二十条第（八）项“行政事业性收费·本年收费金额（单位：万元）”一致（元换算为万元）。

注意：第六部分说明的“信息处理费”（《政府信息公开信息处理费管理办法》）不是表二的行政事业性收费，
二者不相比较——“未收取信息处理费”而表二有行政事业性收费并不矛盾。

依据：spec §3（表二第八项的单位为万元）。`,
		ExplanationEN: `When the text states this year's administrative fees (行政事业性收费; “收取行政事业性收费3.5万元”), or says none were
charged, it must agree with item 第二十条第（八）项 “行政事业性收费·本年收费金额（单位：万元）” in the table of
“二、主动公开政府信息情况” (amounts in 元 are converted to 万元).

Note: the information processing fee (信息处理费, under the 《政府信息公开信息处理费管理办法》) reported in section 六
is not the administrative fee of 表二, and the two are not compared — “未收取信息处理费” while 表二 shows an
administrative fee is no contradiction.

Basis: spec §3 (the unit of item （八） in 表二 is 万元).`,
		Check: checkNarrativeFees,
	})
}

var (
	reFeeAmount = scanFrom(`行政事业性收费[^，。；;,0-9０-９]{0,8}?([0-9]+(?:\.[0-9]+)?)\s*(万元|元)`, "行政事业性收费")
	reNoFee     = scanFrom(`(?:未|没有|无)(?:收取|产生|发生)?[^，。；;,0-9０-９]{0,6}?行政事业性收费`, "未", "没有", "无")
)

func checkNarrativeFees(c *lint.Context) {
	r := c.Report
	if r.Format != grammar.Format2021 {
		return
	}
	t := r.Table(grammar.TableProactive)
	if t == nil {
		return
	}
	cell, v, ok := trustedNumber(t, grammar.RowFees, grammar.ColAmount)
	if !ok {
		return
	}
	// the cell named at the first finding: most reports have none
	var name, nameEN string
	for _, b := range narrativeBlocks(c) {
		for _, k := range factsOf(c, b).fees.get(b, blockFeeClaims) {
			if name == "" {
				name, nameEN = cellName(cell), cellNameEN(cell)
			}
			if k.none {
				if v <= 0 {
					continue
				}
				c.Emit(lint.Diagnostic{Span: b.Span(k.start, k.end),
					Message:   fmt.Sprintf("正文称未收取行政事业性收费，%s为 %s 万元", name, formatNumber(v)),
					MessageEN: fmt.Sprintf("the text says no administrative fees were charged; %s is %s (10,000 yuan)", nameEN, formatNumber(v)),
					Related:   related(cell, name)})
				continue
			}
			if math.Abs(k.amount-v) < 0.00005 {
				continue
			}
			stated := b.Text[k.start:k.end]
			c.Emit(lint.Diagnostic{Span: b.Span(k.start, k.end),
				Message:   fmt.Sprintf("正文称行政事业性收费 %s，%s为 %s 万元", stated, name, formatNumber(v)),
				MessageEN: fmt.Sprintf("the text gives administrative fees of %s; %s is %s (10,000 yuan)", stated, nameEN, formatNumber(v)),
				Related:   related(cell, name)})
		}
	}
}

// feeClaim is an amount of administrative fees a block states (in 万元), or
// the statement that none were charged.
type feeClaim struct {
	start, end int // in the block's text
	amount     float64
	none       bool
}

// blockFeeClaims reads the fee amounts of block b, each sentence's amounts
// before its statements of none.
func blockFeeClaims(b *proseBlock) []feeClaim {
	// searched by 事's last byte (8B): 行's and 政's, 8C and BF, end ，
	// and 政府 too
	if indexWordBy(b.Text, "行政事业性收费", 8) < 0 {
		return nil // the test below fails for every sentence
	}
	var out []feeClaim
	eachBlockSentence(b, func(s sentenceCtx) {
		if !hasWord(s.text, "行政事业性收费") {
			return // a literal of both patterns
		}
		for _, m := range reFeeAmount.FindAll(s.text) {
			amount, err := strconv.ParseFloat(s.text[m[2]:m[3]], 64)
			if err != nil {
				continue
			}
			if s.text[m[4]:m[5]] == "元" {
				amount /= 10000
			}
			out = append(out, feeClaim{start: s.start + m[2], end: s.start + m[5], amount: amount})
		}
		for _, m := range reNoFee.FindAll(s.text) {
			out = append(out, feeClaim{start: s.start + m[0], end: s.start + m[1], none: true})
		}
	})
	return out
}
