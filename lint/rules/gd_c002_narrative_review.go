package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-C002", Name: "narrative-review", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "正文中的行政复议、行政诉讼件数与表四不一致",
		SummaryEN: "administrative review and litigation counts in the text disagree with the table of section 四",
		Explanation: `正文写到因政府信息公开被申请行政复议、提起行政诉讼的件数（“行政复议1件，行政诉讼0件”“未出现……行政复议和
行政诉讼”），必须与“四、政府信息公开行政复议、行政诉讼情况”的表格一致：行政复议对照“行政复议·总计”，
行政诉讼对照“未经复议直接起诉·总计”与“复议后起诉·总计”之和。

所在句子须说到政府信息公开（或位于第四部分）；“未发生……被纠错/败诉”说的是结果，不是件数，不比较。
依据：spec §5.2（与第一、五部分的交叉核对）。`,
		ExplanationEN: `The numbers of administrative reviews (行政复议) applied for and administrative suits (行政诉讼) filed over government
information disclosure that the text states (“行政复议1件，行政诉讼0件”, “未出现……行政复议和行政诉讼”) must agree with
the table of “四、政府信息公开行政复议、行政诉讼情况”: reviews are compared with “行政复议·总计”, suits with the sum of
“未经复议直接起诉·总计” and “复议后起诉·总计”.

The sentence must be about government information disclosure (or stand in section 四); “未发生……被纠错/败诉” (no
decision corrected, no suit lost) speaks of outcomes, not counts, and is not compared.
Basis: spec §5.2 (cross-checks against sections 一 and 五).`,
		Check: checkNarrativeReview,
	})
}

var (
	reReviewCount    = scanFrom(`行政(复议|诉讼)(?:案件|案|数量|数|件数)?\s*(?:为|共|共计|有)?\s*([0-9０-９]+)\s*(?:件|起|宗|个)`, "行政").filtered(mayReviewCount).matched(matchReviewCount)
	reReviewCountPre = scanFromNumber(`([0-9０-９]+)\s*(?:件|起|宗|个)([^，。；;,0-9０-９]{0,20}?)行政(复议|诉讼)`, "件", "起", "宗", "个").filtered(mayReviewCountPre)
	reNoReview       = scanFrom(`(?:未|没有)(?:出现|发生|收到|产生|接到|有)?[^。；，,0-9０-９]{0,30}?行政(?:复议|诉讼)[^。；，,]*`, "未", "没有").matched(matchNoReview)
	reviewOutcome    = wordSet("纠错", "纠正", "败诉", "撤销", "确认违法", "被复议", "被诉")
	// reviewUnits are the words reReviewCount and reReviewCountPre put
	// after their number (a sentence without such a count, as an
	// introduction listing the sections, is not searched for them)
	reviewUnits   = []string{"件", "起", "宗", "个"}
	aboutDisclose = wordSet("信息公开", "依申请", "政府信息", "公开申请")
)

// reviewFigures are the totals of 表四 the text is held to: the
// administrative reviews, and the lawsuits of both groups.
func reviewFigures(t *grammar.Table) (rev, suit rowFigure) {
	revCell, revV, revOK := trustedNumber(t, grammar.RowReview, grammar.ColTotal)
	dCell, direct, dOK := trustedNumber(t, grammar.RowSuitDirect, grammar.ColTotal)
	_, after, aOK := trustedNumber(t, grammar.RowSuitAfter, grammar.ColTotal)
	names := reviewFigureNames()
	rev = rowFigure{v: revV, cell: revCell, ok: revOK, zh: names[0], en: names[1]}
	suit = rowFigure{v: direct + after, cell: dCell, ok: dOK && aOK, zh: names[2], en: names[3]}
	return rev, suit
}

// reviewFigureNames are the names of reviewFigures' two figures, Chinese
// and English: the same for every report, so made once.
var reviewFigureNames = sync.OnceValue(func() [4]string {
	return [4]string{
		tableName(grammar.TableReview) + "“行政复议”总计",
		tableNameEN(grammar.TableReview) + ", 行政复议 total",
		tableName(grammar.TableReview) + "“行政诉讼”两组（未经复议直接起诉、复议后起诉）总计之和",
		tableNameEN(grammar.TableReview) + ", sum of the two 行政诉讼 totals"}
})

// emitReviewClaim reports a count of the text (n, or none when zero) that
// disagrees with the figure.
func emitReviewClaim(c *lint.Context, f rowFigure, sp grammar.Span, what, whatEN string, n int, zero bool) {
	if !f.ok || float64(n) == f.v {
		return
	}
	d := lint.Diagnostic{Span: sp, Related: related(f.cell, f.zh)}
	if zero {
		d.Message = fmt.Sprintf("正文称没有行政%s，%s为 %s", what, f.zh, formatNumber(f.v))
		d.MessageEN = fmt.Sprintf("the text says there were no %s; %s is %s", whatEN, f.en, formatNumber(f.v))
	} else {
		d.Message = fmt.Sprintf("正文称行政%s %d 件，%s为 %s", what, n, f.zh, formatNumber(f.v))
		d.MessageEN = fmt.Sprintf("the text says %d %s; %s is %s", n, whatEN, f.en, formatNumber(f.v))
		d.Fixes = numberFix(sp, f.v)
	}
	c.Emit(d)
}

func checkNarrativeReview(c *lint.Context) {
	r := c.Report
	t := r.Table(grammar.TableReview)
	if t == nil || t.Unreadable {
		return
	}
	rev, suit := reviewFigures(t)
	report := func(sp grammar.Span, what string, n int, zero bool) {
		if what == "复议" {
			emitReviewClaim(c, rev, sp, what, "administrative reviews", n, zero)
		} else {
			emitReviewClaim(c, suit, sp, what, "lawsuits", n, zero)
		}
	}
	for _, b := range narrativeBlocks(c) {
		for _, k := range factsOf(c, b).review.get(b, blockReviewClaims) {
			if k.section || b.Section == grammar.SecReview {
				report(b.Span(k.start, k.end), k.what, k.n, k.zero)
			}
		}
	}
}

// reviewClaim is a count of reviews or suits a block states: n of them, or
// none (zero).
type reviewClaim struct {
	start, end int // in the block's text
	what       string
	n          int
	zero       bool
	section    bool // the sentence speaks of disclosure: it counts outside section 四 too
}

// blockReviewClaims reads the review and suit counts of block b.
func blockReviewClaims(b *proseBlock) []reviewClaim {
	// searched by 复's second byte (A4) and 诉's last (89) (行's last byte
	// also ends every ，), each occurrence once for the block
	review := wordAfter{text: b.Text, word: "行政复议", k: 7, at: -1}
	suit := wordAfter{text: b.Text, word: "行政诉讼", k: 8, at: -1}
	if !review.within(0, len(b.Text)) && !suit.within(0, len(b.Text)) {
		return nil // the test below fails for every sentence
	}
	var out []reviewClaim
	eachBlockSentence(b, func(s sentenceCtx) {
		if !review.within(s.start, s.end) && !suit.within(s.start, s.end) {
			return // every pattern below names 行政复议 or 行政诉讼 (行政许可 and 行政处罚 are common)
		}
		about := -1 // aboutDisclose.in(s.text), read at the first claim (-1: not yet)
		add := func(i, j int, what string, n int, zero bool) {
			if out == nil {
				out = make([]reviewClaim, 0, 2) // a block's two: one allocation, not two
			}
			if about < 0 {
				about = 0
				if aboutDisclose.in(s.text) {
					about = 1
				}
			}
			out = append(out, reviewClaim{start: s.start + i, end: s.start + j, what: what, n: n, zero: zero, section: about == 1})
		}
		var takenBuf [8]int
		taken := takenBuf[:0] // the number offsets read: a few, a list
		counts := hasCount(s.text, reviewUnits)
		for _, m := range reReviewCount.FindAllIf(counts, s.text) {
			if reviewOutcome.in(s.text[m[0]:m[1]]) {
				continue
			}
			n, ok := atoiDigits(s.text[m[4]:m[5]])
			if !ok {
				continue
			}
			taken = append(taken, m[4])
			add(m[4], m[5], s.text[m[2]:m[3]], n, false)
		}
		for _, m := range reReviewCountPre.FindAllIf(counts, s.text) {
			if slices.Contains(taken, m[2]) || reviewOutcome.in(s.text[m[4]:m[5]]) || strings.Contains(s.text[m[4]:m[5]], "申请") {
				continue
			}
			n, ok := atoiDigits(s.text[m[2]:m[3]])
			if !ok {
				continue
			}
			add(m[2], m[3], s.text[m[6]:m[7]], n, false)
		}
		for _, m := range reNoReview.FindAll(s.text) {
			clause := s.text[m[0]:m[1]]
			if reviewOutcome.in(clause) {
				continue
			}
			for _, what := range [2][2]string{{"复议", "行政复议"}, {"诉讼", "行政诉讼"}} { // (not joined at each clause)
				if i := strings.Index(clause, what[1]); i >= 0 {
					add(m[0]+i, m[0]+i+len(what[1]), what[0], 0, true)
				}
			}
		}
	})
	return out
}
