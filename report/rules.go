package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/format"
)

// fixLabel is the "fixable" column of the catalogue.
func fixLabel(f lint.Fixability, en bool) string {
	switch f {
	case lint.FixSafe:
		if en {
			return "yes"
		}
		return "是"
	case lint.FixUnsafe:
		if en {
			return "unsafe"
		}
		return "需确认"
	case lint.FixSometimes:
		if en {
			return "sometimes"
		}
		return "部分"
	}
	if en {
		return "-"
	}
	return "否"
}

// WriteRulesTable prints the catalogue: ID, family, severity, fixable,
// summary, aligned by display width (a CJK character takes two columns).
func WriteRulesTable(w io.Writer, rules []*lint.Rule, o OutputOptions) error {
	rows := [][]string{{"编号", "族", "级别", "可修复", "说明"}}
	if o.en() {
		rows[0] = []string{"ID", "FAMILY", "SEVERITY", "FIX", "SUMMARY"}
	}
	for _, r := range rules {
		rows = append(rows, []string{r.ID, string(r.Family), r.Severity.String(), fixLabel(r.Fixable, o.en()), r.SummaryText(o.Lang)})
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], format.DisplayWidth(c))
		}
	}
	bw := bufio.NewWriter(w)
	for _, row := range rows {
		for i, c := range row {
			if i == len(row)-1 {
				bw.WriteString(c + "\n")
				break
			}
			bw.WriteString(c + strings.Repeat(" ", widths[i]-format.DisplayWidth(c)+2))
		}
	}
	return bw.Flush()
}

// JSONRule is one element of `gdlint rules --format json`.
type JSONRule struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Family        string `json:"family"`
	Severity      string `json:"severity"`
	Fixable       string `json:"fixable"`
	Summary       string `json:"summary"`
	SummaryEN     string `json:"summary_en"`
	Explanation   string `json:"explanation"`
	ExplanationEN string `json:"explanation_en"`
}

// WriteRulesJSON prints the catalogue as a JSON array.
func WriteRulesJSON(w io.Writer, rules []*lint.Rule) error {
	out := make([]JSONRule, 0, len(rules))
	for _, r := range rules {
		fix := string(r.Fixable)
		if fix == "" {
			fix = "none"
		}
		out = append(out, JSONRule{r.ID, r.Name, string(r.Family), r.Severity.String(), fix, r.Summary, r.SummaryEN, r.Explanation, r.ExplanationEN})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// WriteExplanation prints a rule's page in Markdown: its summary, the facts
// of the catalogue and the explanation with its basis.
func WriteExplanation(w io.Writer, r *lint.Rule, o OutputOptions) error {
	fmt.Fprintf(w, "# %s %s\n\n%s\n\n", r.ID, r.Name, r.SummaryText(o.Lang))
	if o.en() {
		fmt.Fprintf(w, "- family: %s\n- default severity: %s\n- fix: %s\n", r.Family, r.Severity, fixLabel(r.Fixable, true))
	} else {
		fmt.Fprintf(w, "- 族：%s\n- 默认级别：%s\n- 可修复：%s\n", r.Family, r.Severity, fixLabel(r.Fixable, false))
	}
	if e := r.ExplanationText(o.Lang); e != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(e))
	}
	_, err := fmt.Fprintf(w, "\n%s\n", suppressHint(r.ID, o.en()))
	return err
}

func suppressHint(id string, en bool) string {
	if en {
		return fmt.Sprintf("To suppress one finding: put `<!-- gdlint-disable-next-line %s -->` on the line before it, "+
			"or add `[[ignore]] rule = \"%s\"` with `text = \"…\"` (text quoted from the finding) to .gdlint.toml.", id, id)
	}
	return fmt.Sprintf("抑制单个问题：在其上一行写 `<!-- gdlint-disable-next-line %s -->`，"+
		"或在 .gdlint.toml 中加 `[[ignore]]`，写 `rule = \"%s\"` 和 `text = \"…\"`（引用该问题处的原文）。", id, id)
}
