package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// GitHub code scanning needs every rule's fullDescription; helpUri is the
// rule's entry in docs/rules.md, where the language server links too.
func TestSARIFRulesDescribedAndLinked(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteSARIF(&b, nil, lint.Rules(), report.SARIFInfo{}, report.OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID              string `json:"id"`
						FullDescription struct {
							Text string `json:"text"`
						} `json:"fullDescription"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) != len(lint.Rules()) || len(rules) < 50 {
		t.Fatalf("%d rules in the log, %d in the catalogue", len(rules), len(lint.Rules()))
	}
	for _, r := range rules {
		if strings.TrimSpace(r.FullDescription.Text) == "" {
			t.Errorf("%s: no fullDescription", r.ID)
		}
		want := "https://github.com/gdlint/gdlint/blob/main/docs/rules.md#" + strings.ToLower(r.ID)
		if r.HelpURI != want {
			t.Errorf("%s: helpUri %q, want %q", r.ID, r.HelpURI, want)
		}
	}
	if got := rules[0].FullDescription.Text; strings.Contains(got, "\n\n") {
		t.Errorf("fullDescription is more than the first paragraph: %q", got)
	}
}

// Above 25,000 results GitHub rejects the upload: the log lists 25,000, the
// errors first, and says so in a notification; it still validates.
func TestSARIFCapsResults(t *testing.T) {
	const n = report.SARIFMaxResults + 7
	var text strings.Builder
	for range n {
		text.WriteString("甲,乙\n")
	}
	src := grammar.NewSource("big.txt", text.String())
	ds := make([]lint.Diagnostic, 0, n)
	for i := range n {
		start := src.LineStart(i) + len("甲")
		sev := lint.Warning
		if i%5000 == 4999 { // five errors, late in the file
			sev = lint.Error
		}
		ds = append(ds, lint.Diagnostic{Rule: "GD-W004", Severity: sev, Span: grammar.Span{Start: start, End: start + 1},
			Message: fmt.Sprintf("第 %d 个", i+1)})
	}
	var b bytes.Buffer
	err := report.WriteSARIF(&b, []*lint.FileResult{{Path: "big.txt", Source: src, Diagnostics: ds}}, lint.Rules(),
		report.SARIFInfo{Version: "1.0.0"}, report.OutputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, sarifSchema(t), b.Bytes())
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Level   string                `json:"level"`
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []struct {
				Level   string                `json:"level"`
				Message struct{ Text string } `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != report.SARIFMaxResults {
		t.Fatalf("%d results, want %d", len(run.Results), report.SARIFMaxResults)
	}
	errs := 0
	for _, r := range run.Results {
		if r.Level == "error" {
			errs++
		}
	}
	if errs != 5 {
		t.Errorf("%d errors kept, want all 5", errs)
	}
	// in the file's order: the first result is the first finding
	if run.Results[0].Message.Text != "第 1 个" {
		t.Errorf("first result %q", run.Results[0].Message.Text)
	}
	inv := run.Invocations[0]
	if !inv.ExecutionSuccessful || len(inv.Notifications) != 1 || inv.Notifications[0].Level != "warning" ||
		!strings.Contains(inv.Notifications[0].Message.Text, fmt.Sprintf("共 %d 个问题", n)) {
		t.Errorf("notification %+v", inv)
	}

	// at the limit: everything, no note
	b.Reset()
	err = report.WriteSARIF(&b, []*lint.FileResult{{Path: "big.txt", Source: src, Diagnostics: ds[:report.SARIFMaxResults]}}, lint.Rules(),
		report.SARIFInfo{}, report.OutputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "toolExecutionNotifications") {
		t.Error("a note at exactly the limit")
	}
}
