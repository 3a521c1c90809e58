package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// A finding after a CJK character and a character outside the BMP: byte,
// code point and UTF-16 columns all differ. Line 2 is "𠀀中文,测试" and the
// finding is the half-width comma at byte 10, code point 3 (0-based).
func outputFixture() []*lint.FileResult {
	text := "第一行\n𠀀中文,测试\n"
	src := grammar.NewSource("目录/报告.txt", text)
	comma := strings.Index(text, ",")
	d := lint.Diagnostic{
		Rule: "GD-W004", Severity: lint.Warning,
		Span:    grammar.Span{Start: comma, End: comma + 1},
		Message: "中文文本中使用了半角“,”", MessageEN: "half-width “,” in Chinese text",
		Fixes: []lint.Fix{{Title: "改为全角“，”", TitleEN: "use “，”", Applicability: lint.Safe,
			Edits: []lint.Edit{{Span: grammar.Span{Start: comma, End: comma + 1}, NewText: "，"}}}},
	}
	total := strings.Index(text, "测试")
	e := lint.Diagnostic{
		Rule: "GD-A001", Severity: lint.Error,
		Span:    grammar.Span{Start: total, End: total + len("测试")},
		Message: "总计不等于各项之和", MessageEN: "total is not the sum",
		Fixes: []lint.Fix{{Title: "改为 3", TitleEN: "change to 3", Applicability: lint.Unsafe,
			Edits: []lint.Edit{{Span: grammar.Span{Start: total, End: total + len("测试")}, NewText: "3"}}}},
		Related: []lint.Related{{Span: grammar.Span{Start: 0, End: len("第一行")}, Message: "加数"}},
	}
	return []*lint.FileResult{
		{Path: "目录/报告.txt", Source: src, Diagnostics: []lint.Diagnostic{d, e}},
		{Path: "坏.txt", Err: input.ErrBinary},
	}
}

func TestLocationColumnsAreCodePoints(t *testing.T) {
	r := outputFixture()[0]
	loc := report.LocationOf(r.Source, r.Diagnostics[0].Span)
	// "𠀀中文," : 𠀀 is 4 bytes / 2 UTF-16 units / 1 code point
	if loc != (report.Location{Line: 2, Column: 4, EndLine: 2, EndColumn: 5}) {
		t.Errorf("location = %+v, want 2:4-2:5", loc)
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteText(&b, outputFixture(), report.OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "目录/报告.txt:2:4: warning GD-W004 [*] 中文文本中使用了半角“,”\n" +
		"目录/报告.txt:2:5: error GD-A001 总计不等于各项之和\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	// English, unsafe fixes allowed: both are fixable
	b.Reset()
	report.WriteText(&b, outputFixture(), report.OutputOptions{Lang: "en", Unsafe: true})
	want = "目录/报告.txt:2:4: warning GD-W004 [*] half-width “,” in Chinese text\n" +
		"目录/报告.txt:2:5: error GD-A001 [*] total is not the sum\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteTextColor(t *testing.T) {
	var b bytes.Buffer
	report.WriteText(&b, outputFixture(), report.OutputOptions{Color: true})
	first, _, _ := strings.Cut(b.String(), "\n")
	want := "\x1b[1m目录/报告.txt\x1b[0m:2:4: \x1b[1;33mwarning\x1b[0m \x1b[1mGD-W004\x1b[0m \x1b[36m[*]\x1b[0m 中文文本中使用了半角“,”"
	if first != want {
		t.Errorf("got  %q\nwant %q", first, want)
	}
}

func TestSummary(t *testing.T) {
	c := report.Count(outputFixture(), false)
	if c.Errors != 1 || c.Warnings != 1 || c.Fixable != 1 || c.UnsafeOnly != 1 || c.Unreadable != 1 {
		t.Fatalf("counts = %+v", c)
	}
	var b bytes.Buffer
	report.WriteSummary(&b, c, report.OutputOptions{}, false)
	want := "2 个问题（1 错误，1 警告）\n[*] 1 个可用 --fix 自动修复。\n另有 1 个可用 --unsafe-fixes 修复（请人工确认）。\n1 个文件无法检查。\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	report.WriteSummary(&b, c, report.OutputOptions{Lang: "en"}, false)
	want = "Found 2 problems (1 error, 1 warning).\n[*] 1 fixable with the --fix option.\n1 more has a fix that needs --unsafe-fixes.\n1 file could not be checked.\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	report.WriteSummary(&b, report.Counts{Files: 3}, report.OutputOptions{Lang: "en"}, false)
	if b.String() != "All checks passed!\n" {
		t.Errorf("clean summary = %q", b.String())
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteJSON(&b, outputFixture(), report.OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "file": "目录/报告.txt",
    "line": 2,
    "column": 4,
    "end_line": 2,
    "end_column": 5,
    "rule": "GD-W004",
    "severity": "warning",
    "message": "中文文本中使用了半角“,”",
    "fixes": [
      {
        "title": "改为全角“，”",
        "applicability": "safe",
        "edits": [
          {
            "line": 2,
            "column": 4,
            "end_line": 2,
            "end_column": 5,
            "new_text": "，"
          }
        ]
      }
    ]
  },
  {
    "file": "目录/报告.txt",
    "line": 2,
    "column": 5,
    "end_line": 2,
    "end_column": 7,
    "rule": "GD-A001",
    "severity": "error",
    "message": "总计不等于各项之和",
    "fixes": [
      {
        "title": "改为 3",
        "applicability": "unsafe",
        "edits": [
          {
            "line": 2,
            "column": 5,
            "end_line": 2,
            "end_column": 7,
            "new_text": "3"
          }
        ]
      }
    ]
  }
]
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	// no findings: still one array
	b.Reset()
	report.WriteJSON(&b, nil, report.OutputOptions{})
	if b.String() != "[]\n" {
		t.Errorf("empty json = %q", b.String())
	}
}

// sarifSchema compiles the SARIF 2.1.0 schema (OASIS, errata 01) vendored in
// testdata.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, data []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		detail := err.Error()
		if ve, ok := err.(*jsonschema.ValidationError); ok {
			out, _ := json.MarshalIndent(ve.DetailedOutput(), "", "  ")
			detail = string(out)
		}
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %s\n%s", detail, data)
	}
}

func TestSARIFValidatesAndSaysCodePoints(t *testing.T) {
	sch := sarifSchema(t)
	var b bytes.Buffer
	if err := report.WriteSARIF(&b, outputFixture(), lint.Rules(), report.SARIFInfo{Version: "1.2.3"}, report.OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, sch, b.Bytes())

	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			ColumnKind string `json:"columnKind"`
			Language   string `json:"language"`
			Tool       struct {
				Driver struct {
					Version string `json:"version"`
					Rules   []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							InsertedContent struct{ Text string } `json:"insertedContent"`
						} `json:"replacements"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
				RelatedLocations []struct{} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Language != "zh-CN" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("columnKind %q language %q version %q", run.ColumnKind, run.Language, run.Tool.Driver.Version)
	}
	if len(run.Results) != 2 {
		t.Fatalf("%d results", len(run.Results))
	}
	r := run.Results[0]
	reg := r.Locations[0].PhysicalLocation.Region
	if r.RuleID != "GD-W004" || r.Level != "warning" || reg.StartLine != 2 || reg.StartColumn != 4 || reg.EndColumn != 5 {
		t.Errorf("result 0: %+v region %+v", r, reg)
	}
	if uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "%E7%9B%AE%E5%BD%95/%E6%8A%A5%E5%91%8A.txt" {
		t.Errorf("uri = %q", uri)
	}
	if r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != "GD-W004" {
		t.Errorf("ruleIndex does not point at GD-W004")
	}
	if got := r.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text; got != "，" {
		t.Errorf("fix inserts %q", got)
	}
	if run.Results[1].Level != "error" || len(run.Results[1].RelatedLocations) != 1 {
		t.Errorf("result 1: %+v", run.Results[1])
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 1 || !strings.Contains(inv.Notifications[0].Message.Text, "坏.txt") {
		t.Errorf("the unreadable file is not a notification: %+v", inv)
	}
}

func TestSARIFEmptyRunValidates(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteSARIF(&b, nil, lint.Rules(), report.SARIFInfo{}, report.OutputOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, sarifSchema(t), b.Bytes())
	if !strings.Contains(b.String(), `"results": []`) {
		t.Errorf("an empty run must still have results: []")
	}
}

// The schema check is real: a log that breaks it is refused.
func TestSARIFSchemaRejectsBadLog(t *testing.T) {
	sch := sarifSchema(t)
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`))
	if err := sch.Validate(inst); err == nil {
		t.Fatal("a result with level \"fatal\" validated")
	}
}

func TestRulesTableAndJSON(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteRulesTable(&b, lint.Rules(), report.OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != len(lint.Rules())+1 {
		t.Fatalf("%d lines for %d rules", len(lines), len(lint.Rules()))
	}
	// the summary column starts at the same display column on every line
	// (the header is CJK: two columns a character)
	var x001 string
	for _, l := range lines {
		if strings.HasPrefix(l, "GD-X001") {
			x001 = l
		}
	}
	if !strings.Contains(x001, "meta") || !strings.Contains(x001, "是") || !strings.HasSuffix(x001, "抑制注释或 [[ignore]] 条目没有匹配任何问题") {
		t.Errorf("GD-X001 line: %q", x001)
	}
	b.Reset()
	if err := report.WriteRulesJSON(&b, lint.Rules()); err != nil {
		t.Fatal(err)
	}
	var rules []report.JSONRule
	if err := json.Unmarshal(b.Bytes(), &rules); err != nil {
		t.Fatal(err)
	}
	if len(rules) != len(lint.Rules()) {
		t.Errorf("%d rules in json", len(rules))
	}
}

func TestExplanation(t *testing.T) {
	var b bytes.Buffer
	r := lint.RuleByID("GD-X001")
	if err := report.WriteExplanation(&b, r, report.OutputOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# GD-X001 unused-suppression", "suppression comment or [[ignore]] entry matches no finding", "- default severity: warning", "gdlint-disable-next-line GD-X001"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("explanation lacks %q:\n%s", want, b.String())
		}
	}
}

func TestWriteTextShowSource(t *testing.T) {
	var b bytes.Buffer
	rs := outputFixture()
	// a tab before the finding, too: "𠀀中文," → "\t𠀀中文,"
	text := "第一行\n\t𠀀中文,测试\n"
	comma := strings.Index(text, ",")
	rs[0].Source = grammar.NewSource("目录/报告.txt", text)
	rs[0].Diagnostics = []lint.Diagnostic{{Rule: "GD-W004", Severity: lint.Warning, Span: grammar.Span{Start: comma, End: comma + 1}, Message: "m"},
		{Rule: "GD-T004", Severity: lint.Warning, Span: grammar.Span{Start: comma + 1, End: comma + 1}, Message: "empty span"}}
	if err := report.WriteText(&b, rs, report.OutputOptions{ShowSource: true}); err != nil {
		t.Fatal(err)
	}
	// the tab is four columns, 𠀀 中 文 two each: the comma is at column 10
	want := "目录/报告.txt:2:5: warning GD-W004 m\n" +
		"        𠀀中文,测试\n" +
		"              ^\n" +
		"目录/报告.txt:2:6: warning GD-T004 empty span\n" +
		"        𠀀中文,测试\n" +
		"               ^\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
