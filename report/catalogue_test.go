package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// explain, `rules --format json` and SARIF's rule help give the explanation
// in the language asked for; Chinese is the default.
func TestExplanationLanguage(t *testing.T) {
	r := lint.RuleByID("GD-A001")
	for _, lang := range []string{"", "zh", "en"} {
		var b bytes.Buffer
		if err := report.WriteExplanation(&b, r, report.OutputOptions{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		want, not := r.Explanation, r.ExplanationEN
		if lang == "en" {
			want, not = not, want
		}
		if !strings.Contains(b.String(), strings.TrimSpace(want)) || strings.Contains(b.String(), strings.TrimSpace(not)) {
			t.Errorf("explain --lang %q:\n%s", lang, b.String())
		}
	}

	var b bytes.Buffer
	if err := report.WriteRulesJSON(&b, []*lint.Rule{r}); err != nil {
		t.Fatal(err)
	}
	var rules []report.JSONRule
	if err := json.Unmarshal(b.Bytes(), &rules); err != nil || len(rules) != 1 ||
		rules[0].Explanation != r.Explanation || rules[0].ExplanationEN != r.ExplanationEN {
		t.Errorf("rules --format json: %v %s", err, b.String())
	}

	for lang, want := range map[string]string{"zh": r.Explanation, "en": r.ExplanationEN} {
		b.Reset()
		if err := report.WriteSARIF(&b, nil, []*lint.Rule{r}, report.SARIFInfo{}, report.OutputOptions{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct {
							Help struct{ Text, Markdown string } `json:"help"`
						} `json:"rules"`
					} `json:"driver"`
				} `json:"tool"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Tool.Driver.Rules) != 1 {
			t.Fatalf("SARIF %s: %v\n%s", lang, err, b.String())
		}
		if help := log.Runs[0].Tool.Driver.Rules[0].Help; help.Markdown != want || help.Text != want {
			t.Errorf("SARIF %s help: %.60q…", lang, help.Markdown)
		}
	}
}
