package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-C005", Name: "percentage-mismatch", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "正文中“N件（P%）”的百分比与件数算不上",
		SummaryEN: "a stated percentage does not match the count it comes from",
		Explanation: `“予以公开及部分公开208件（17.46%）”“予以公开42件，占51.85%”这类百分比，应等于件数除以基数。
基数取表三的“（七）总计”、“一、本年新收”或“一 + 二”中能算得上的一个（按写出的小数位四舍五入或截断均可）；
都算不上时报告，并按“（七）总计”给出应有的百分比。只检查说到申请的段落。

依据：数据须准确（spec §7，“数据精确”）。`,
		ExplanationEN: `A percentage such as “予以公开及部分公开208件（17.46%）” or “予以公开42件，占51.85%” must equal the count divided by a
base. The base is whichever of 表三's “（七）总计”, “一、本年新收” or “一 + 二” makes the percentage come out (rounded
or truncated to the decimals written); when none does, the finding is reported with the percentage that “（七）总计”
gives. Only paragraphs about applications are checked.

Basis: the data must be accurate (spec §7, “数据精确”).`,
		Check: checkPercentages,
	})
}

var rePercent = scanFromNumber(`([0-9０-９]+)\s*件\s*[（(，,]?\s*(?:占(?:比)?(?:为)?)?\s*([0-9]+(?:\.[0-9]+)?)\s*[%％]`, "件").filtered(mayPercent)

func checkPercentages(c *lint.Context) {
	r := c.Report
	type base struct {
		v       float64
		zh, en  string
		cell    *grammar.Cell
		primary bool
	}
	// the bases, read at the first claim (most reports state none), in
	// an array on the stack: three at most
	var basesBuf [3]base
	var bases []base
	for _, b := range narrativeBlocks(c) {
		for _, k := range factsOf(c, b).percents.get(b, blockPercentClaims) {
			if bases == nil {
				bases = basesBuf[:0]
				if v, cell, summed, ok := tableTotal(r, grammar.TableRequests, grammar.RowTotal); ok && v > 0 {
					zh, en := totalName(r, grammar.TableRequests, grammar.RowTotal, summed)
					bases = append(bases, base{v: v, zh: zh, en: en, cell: cell, primary: true})
				}
				newV, newCell, newSum, newOK := tableTotal(r, grammar.TableRequests, grammar.RowNew)
				if newOK && newV > 0 {
					zh, en := totalName(r, grammar.TableRequests, grammar.RowNew, newSum)
					bases = append(bases, base{v: newV, zh: zh, en: en, cell: newCell})
					if carV, _, _, ok := tableTotal(r, grammar.TableRequests, grammar.RowCarried); ok && carV > 0 {
						bases = append(bases, base{v: newV + carV, zh: "一 + 二", en: "rows 一 + 二", cell: newCell})
					}
				}
				if len(bases) == 0 || !bases[0].primary {
					return
				}
			}
			n, p, decimals := k.n, k.p, k.decimals
			ptext := b.Text[k.start:k.end]
			unit := math.Pow(10, -float64(decimals))
			matches := false
			for _, bs := range bases {
				x := float64(n) / bs.v * 100
				if math.Abs(x-p) <= unit/2+1e-9 || x >= p-1e-9 && x < p+unit {
					matches = true
					break
				}
			}
			if matches {
				continue
			}
			bs := bases[0]
			want := strconv.FormatFloat(float64(n)/bs.v*100, 'f', decimals, 64)
			sp := b.Span(k.start, k.end)
			c.Emit(lint.Diagnostic{Span: sp,
				Message: fmt.Sprintf("正文称 %d 件占 %s%%，以%s %s 为基数应为 %s%%（以一、一 + 二为基数也算不上）",
					n, ptext, bs.zh, formatNumber(bs.v), want),
				MessageEN: fmt.Sprintf("the text gives %d as %s%%; out of %s (%s) it is %s%% (no other base fits either)",
					n, ptext, bs.en, formatNumber(bs.v), want),
				Fixes: []lint.Fix{{Title: "改为 " + want, TitleEN: "change to " + want,
					Edits: []lint.Edit{{Span: sp, NewText: want}}, Applicability: lint.Unsafe}},
				Related: related(bs.cell, bs.zh)})
		}
	}
}

// percentClaim is “N件（P%）” in a block: n, and the percentage p written
// at [start, end) of the block's text with decimals decimals.
type percentClaim struct {
	n          int
	start, end int
	p          float64
	decimals   int
}

// blockPercentClaims reads the percentages of counts in block b.
func blockPercentClaims(b *proseBlock) []percentClaim {
	if b.applyAt() < 0 || !hasWord(b.Text, "件") || strings.IndexByte(b.Text, '%') < 0 && !hasWord(b.Text, "％") {
		return nil // literals of rePercent
	}
	var out []percentClaim
	for _, m := range rePercent.FindAll(b.Text) {
		n, ok := atoiDigits(b.Text[m[2]:m[3]])
		if !ok {
			continue
		}
		ptext := b.Text[m[4]:m[5]]
		p, err := strconv.ParseFloat(ptext, 64)
		if err != nil {
			continue
		}
		decimals := 0
		if i := strings.IndexByte(ptext, '.'); i >= 0 {
			decimals = len(ptext) - i - 1
		}
		out = append(out, percentClaim{n: n, start: m[4], end: m[5], p: p, decimals: decimals})
	}
	return out
}
