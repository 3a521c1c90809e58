package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

func TestWriteGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteGitHub(&b, outputFixture(), report.OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	// the unreadable file first, then the findings; end columns inclusive
	want := "::error file=坏.txt,title=无法检查::二进制内容（含 NUL 字节），不是文本报告\n" +
		"::warning file=目录/报告.txt,line=2,col=4,endLine=2,endColumn=4,title=GD-W004::中文文本中使用了半角“,”\n" +
		"::error file=目录/报告.txt,line=2,col=5,endLine=2,endColumn=6,title=GD-A001::总计不等于各项之和\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A message with a line break or a percent sign, a path with a comma or a
// colon: escaped as the runner's toolkit does, so that one finding is one
// command and the properties parse.
func TestWriteGitHubEscapes(t *testing.T) {
	text := "一行\n二行\n"
	src := grammar.NewSource("a,b:c.txt", text)
	d := lint.Diagnostic{Rule: "GD-W007", Severity: lint.Info, Span: grammar.Span{Start: 0, End: len("一行\n二")},
		Message: "50% 的\n段落\r断开"}
	var b bytes.Buffer
	err := report.WriteGitHub(&b, []*lint.FileResult{{Path: "a,b:c.txt", Source: src, Diagnostics: []lint.Diagnostic{d}}}, report.OutputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// over two lines: no columns (GitHub takes them on one line only)
	want := "::notice file=a%2Cb%3Ac.txt,line=1,endLine=2,title=GD-W007::50%25 的%0A段落%0D断开\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestWriteJSONLines(t *testing.T) {
	var b bytes.Buffer
	o := report.OutputOptions{Lang: "en"}
	if err := report.WriteJSONLines(&b, outputFixture(), o); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	want := report.JSONDiagnostics(outputFixture(), o)
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), b.String())
	}
	for i, l := range lines {
		var got report.JSONDiagnostic
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want[i])
		if string(g) != string(w) {
			t.Errorf("line %d: %s, want %s", i+1, g, w)
		}
	}
	b.Reset()
	if err := report.WriteJSONLines(&b, nil, o); err != nil || b.Len() != 0 {
		t.Errorf("no findings: %q, %v; want nothing", b.String(), err)
	}
}

func gitlabSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/gitlab-codequality.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("codequality.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("codequality.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateGitLab(t *testing.T, sch *jsonschema.Schema, data []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("Code Quality report does not validate: %v\n%s", err, data)
	}
}

func TestWriteGitLab(t *testing.T) {
	sch := gitlabSchema(t)
	var b bytes.Buffer
	if err := report.WriteGitLab(&b, outputFixture(), report.OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	validateGitLab(t, sch, b.Bytes())
	var issues []report.GitLabIssue
	if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 2 {
		t.Fatalf("%d issues, want 2", len(issues))
	}
	w, e := issues[0], issues[1]
	if w.CheckName != "GD-W004" || w.Severity != "minor" || w.Location.Path != "目录/报告.txt" ||
		w.Location.Positions.Begin != (report.GitLabPosition{Line: 2, Column: 4}) ||
		w.Location.Positions.End != (report.GitLabPosition{Line: 2, Column: 5}) {
		t.Errorf("warning: %+v", w)
	}
	if e.CheckName != "GD-A001" || e.Severity != "major" || e.Description != "总计不等于各项之和" {
		t.Errorf("error: %+v", e)
	}
	if w.Fingerprint == e.Fingerprint {
		t.Error("two findings share a fingerprint")
	}
	// the schema check is real
	if inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`[{"description":"x","check_name":"GD-A001","fingerprint":"f","severity":"error","location":{"path":"a.txt","lines":{"begin":1}}}]`)); sch.Validate(inst) == nil {
		t.Error(`severity "error" validates`)
	}
	b.Reset()
	if err := report.WriteGitLab(&b, nil, report.OutputOptions{}); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("no findings: %q, %v; want []", b.String(), err)
	}
}

// GitLab tells new issues from old by the fingerprint: the same finding keeps
// it across runs, languages and lines added above; identical findings in one
// file get different ones.
func TestGitLabFingerprints(t *testing.T) {
	result := func(text string) *lint.FileResult {
		src := grammar.NewSource("r.txt", text)
		var ds []lint.Diagnostic
		for i := 0; ; {
			j := strings.Index(text[i:], "的的")
			if j < 0 {
				break
			}
			ds = append(ds, lint.Diagnostic{Rule: "GD-W003", Severity: lint.Warning,
				Span: grammar.Span{Start: i + j, End: i + j + len("的的")}, Message: "“的”重复", MessageEN: "doubled"})
			i += j + len("的的")
		}
		return &lint.FileResult{Path: "r.txt", Source: src, Diagnostics: ds}
	}
	prints := func(r *lint.FileResult, lang string) []string {
		var out []string
		for _, is := range report.GitLabIssues([]*lint.FileResult{r}, report.OutputOptions{Lang: lang}) {
			out = append(out, is.Fingerprint)
		}
		return out
	}
	base := prints(result("甲的的乙\n丙的的丁\n"), "zh")
	if len(base) != 2 || base[0] == base[1] {
		t.Fatalf("fingerprints %v: want two different ones", base)
	}
	if again := prints(result("甲的的乙\n丙的的丁\n"), "zh"); strings.Join(again, ",") != strings.Join(base, ",") {
		t.Errorf("second run %v, first %v", again, base)
	}
	if en := prints(result("甲的的乙\n丙的的丁\n"), "en"); strings.Join(en, ",") != strings.Join(base, ",") {
		t.Errorf("--lang en %v, zh %v", en, base)
	}
	if moved := prints(result("新加一行\n\n甲的的乙\n丙的的丁\n"), "zh"); strings.Join(moved, ",") != strings.Join(base, ",") {
		t.Errorf("after lines added above %v, before %v", moved, base)
	}
}

type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Cases    []struct {
			Name     string `xml:"name,attr"`
			File     string `xml:"file,attr"`
			Failures []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// The JUnit XML read back: a case per file, a failure per finding at or
// above --fail-on, the rest in system-out, an error for the unreadable file.
func TestWriteJUnit(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteJUnit(&b, outputFixture(), report.OutputOptions{FailOn: lint.Error}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration:\n%s", b.String())
	}
	var doc junitDoc
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if doc.Tests != 2 || doc.Failures != 1 || doc.Errors != 1 || len(doc.Suites) != 1 {
		t.Fatalf("totals %+v\n%s", doc, b.String())
	}
	cases := doc.Suites[0].Cases
	if len(cases) != 2 || cases[0].Name != "目录/报告.txt" || cases[0].File != "目录/报告.txt" {
		t.Fatalf("cases %+v", cases)
	}
	f := cases[0].Failures
	if len(f) != 1 || f[0].Type != "GD-A001" || f[0].Message != "2:5 GD-A001 总计不等于各项之和" ||
		f[0].Text != "目录/报告.txt:2:5: error GD-A001 总计不等于各项之和" {
		t.Errorf("failures %+v", f)
	}
	if cases[0].SystemOut != "目录/报告.txt:2:4: warning GD-W004 中文文本中使用了半角“,”\n" {
		t.Errorf("system-out %q", cases[0].SystemOut)
	}
	if cases[1].Error == nil || !strings.Contains(cases[1].Error.Message, "二进制内容") || len(cases[1].Failures) != 0 {
		t.Errorf("unreadable file: %+v", cases[1])
	}

	// --fail-on warning: both findings fail; never: none does
	b.Reset()
	report.WriteJUnit(&b, outputFixture(), report.OutputOptions{FailOn: lint.Warning})
	doc = junitDoc{}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil || len(doc.Suites[0].Cases[0].Failures) != 2 {
		t.Errorf("--fail-on warning: %v\n%s", err, b.String())
	}
	b.Reset()
	report.WriteJUnit(&b, outputFixture(), report.OutputOptions{NeverFail: true})
	doc = junitDoc{}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil || doc.Failures != 0 || len(doc.Suites[0].Cases[0].Failures) != 0 {
		t.Errorf("--fail-on never: %v\n%s", err, b.String())
	}
}

// An absolute path below the working directory (gdlint check
// $CI_PROJECT_DIR/reports) is given relative to it, as GitLab and GitHub
// map findings to the checkout's files; one elsewhere stays as it is.
func TestCIPathsRelativeToCheckout(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	src := grammar.NewSource("r.txt", "甲,乙\n")
	d := lint.Diagnostic{Rule: "GD-W004", Severity: lint.Warning, Span: grammar.Span{Start: 3, End: 4}, Message: "半角"}
	inside := filepath.Join(wd, "reports", "r.txt")
	outside := filepath.Join(filepath.Dir(wd), "elsewhere", "r.txt")
	results := []*lint.FileResult{
		{Path: inside, Source: src, Diagnostics: []lint.Diagnostic{d}},
		{Path: outside, Source: src, Diagnostics: []lint.Diagnostic{d}},
	}
	issues := report.GitLabIssues(results, report.OutputOptions{})
	if issues[0].Location.Path != "reports/r.txt" || issues[1].Location.Path != filepath.ToSlash(outside) {
		t.Errorf("gitlab paths %q, %q", issues[0].Location.Path, issues[1].Location.Path)
	}
	var b bytes.Buffer
	report.WriteGitHub(&b, results, report.OutputOptions{})
	if !strings.HasPrefix(b.String(), "::warning file=reports/r.txt,") {
		t.Errorf("github: %s", b.String())
	}
}
