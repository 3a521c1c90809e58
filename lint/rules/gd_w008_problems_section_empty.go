package rules

import (
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W008", Name: "problems-section-empty", Family: lint.FamilyWriting, Severity: lint.Error,
		Summary:   "“五、存在的主要问题及改进情况”为空或只写“无”",
		SummaryEN: "section 五 (problems and improvements) is empty or just says 无",
		Explanation: `“五、存在的主要问题及改进情况”须写明本机关政府信息公开工作存在的主要问题和改进情况，
不能空着，也不能只写“无”。

依据：《政府信息公开条例》第五十条第（四）项；国办公开办函〔2021〕30号要求报告内容“不能遗漏”（spec §1.2、§2.7）。`,
		ExplanationEN: `“五、存在的主要问题及改进情况” must state the main problems of this body's government information disclosure work and
how they are being improved; it may not be left empty or say just “无” (none).

Basis: Article 50 item （四） of the 《政府信息公开条例》 (第五十条第（四）项); 国办公开办函〔2021〕30号 requires the
report content to be “不能遗漏” (nothing left out) (spec §1.2, §2.7).`,
		Check: checkProblemsEmpty,
	})
}

func checkProblemsEmpty(c *lint.Context) {
	r := c.Report
	sec := r.Section(grammar.SecProblems)
	if sec == nil {
		return
	}
	// the longest body reported, 无问题, is 9 bytes: a section with more
	// is not built
	if sectionHasContent(r, sec, len("无问题")+1) {
		return
	}
	body := strings.TrimRight(strings.TrimSpace(sectionText(r, sec)), "。.")
	switch body {
	case "":
		c.Emitf(sec.Heading.Span,
			"“"+sec.Def.Canonical()+"”没有内容：须写明存在的主要问题及改进情况",
			"section 五 is empty: it must state the main problems and how they were addressed")
	case "无", "暂无", "没有", "无问题":
		c.Emitf(sec.Heading.Span,
			"“"+sec.Def.Canonical()+"”只写了“"+body+"”：须写明存在的主要问题及改进情况",
			"section 五 only says “"+body+"”: it must state the main problems and how they were addressed")
	}
}
