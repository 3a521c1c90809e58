package rules

import (
	"fmt"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-C004", Name: "completion-claim", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Summary:   "正文称申请全部办结（办结率100%），而表三有结转下年度继续办理的申请",
		SummaryEN: "the text says every application was completed while some are carried over",
		Explanation: `“办结率100%”“全部办结”“所有申请均已办理完成”与表三“四、结转下年度继续办理”大于 0 相互矛盾。
依据：表三的勾稽关系（一 + 二 = （七）+ 四，spec §4.3）；数据须前后一致。`,
		ExplanationEN: `“办结率100%”, “全部办结” or “所有申请均已办理完成” (every application completed) contradicts a value above 0 in
“四、结转下年度继续办理” of 表三 (the table of section 三).
Basis: the balance of 表三 (一 + 二 = （七）+ 四, spec §4.3); the data must be consistent.`,
		Check: checkCompletionClaim,
	})
}

var reCompletion = scanFrom(`办结率\s*(?:达到?|为)?\s*100\s*[%％]|(?:全部|均已|均|已全部|都已|全都)(?:按时|按期|依法|按要求|按规定)?(?:办结|办理完毕|办理完成|办理完结|答复完毕)|所有申请均已[^，。；]{0,8}(?:办结|办理完成|办理完毕)`,
	"办结率", "全部", "均已", "均", "已全部", "都已", "全都", "所有申请均已")

func checkCompletionClaim(c *lint.Context) {
	r := c.Report
	out := figureOf(r, grammar.TableRequests, grammar.RowCarryOver)
	if !out.ok || out.v <= 0 {
		return
	}
	for _, b := range narrativeBlocks(c) {
		for _, m := range factsOf(c, b).completion.get(b, blockCompletionClaims) {
			claim := b.Text[m[0]:m[1]]
			c.Emit(lint.Diagnostic{Span: b.Span(m[0], m[1]),
				Message:   fmt.Sprintf("正文称“%s”，但%s为 %s：仍有申请结转下年度继续办理", claim, out.zh, formatNumber(out.v)),
				MessageEN: fmt.Sprintf("the text says “%s”, but %s is %s: some applications are still open", claim, out.en, formatNumber(out.v)),
				Related:   related(out.cell, out.zh)})
		}
	}
}

// blockCompletionClaims returns where block b says every application was
// completed.
func blockCompletionClaims(b *proseBlock) [][2]int {
	if !hasWord(b.Text, "申请") {
		return nil // the test below fails for every sentence
	}
	var out [][2]int
	prevHas := false // hasWord(s.prev, "申请"): the last sentence's answer
	eachBlockSentence(b, func(s sentenceCtx) {
		has := hasWord(s.text, "申请")
		prev := prevHas
		prevHas = has
		if !has && !prev {
			return
		}
		if otherMatters.in(s.text) && !has {
			return
		}
		if !hasWord(s.text, "办结率") && !hasWord(s.text, "均") && !hasWord(s.text, "全") && !hasWord(s.text, "都") {
			return // every alternative of reCompletion holds one of these
		}
		for _, m := range reCompletion.FindAll(s.text) {
			out = append(out, [2]int{s.start + m[0], s.start + m[1]})
		}
	})
	return out
}
