package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/xuri/excelize/v2"
)

// writeReport renders testdata/batch/report.txt.tmpl for one year.
func writeReport(t *testing.T, path string, year, newReq, carried, public int) {
	t.Helper()
	tmpl := template.Must(template.ParseFiles("../../testdata/batch/report.txt.tmpl"))
	var b bytes.Buffer
	err := tmpl.Execute(&b, map[string]any{
		"Body": "甲市交通运输局", "Year": year, "Next": year + 1, "Prose": []string{"（一）主动公开", "全年主动公开政府信息120条。"},
		"Issued": 0, "Repealed": 0, "InForce": 5,
		"New": newReq, "Carried": carried, "Public": public, "CarryOver": newReq + carried - public,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckBatchReports(t *testing.T) {
	dir := t.TempDir()
	writeReport(t, filepath.Join(dir, "2022.txt"), 2022, 10, 0, 8) // 结转下年 2
	writeReport(t, filepath.Join(dir, "2023.txt"), 2023, 5, 1, 6)  // 上年结转 1 ≠ 2
	out := t.TempDir()
	h, x, j := filepath.Join(out, "r.html"), filepath.Join(out, "r.xlsx"), filepath.Join(out, "r.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", dir, "--select", "GD-Y", "--report-html", h, "--report-xlsx", x, "--report-json", j,
		"--fail-on", "warning", "-q"}, nil, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitFindings, stdout.String(), stderr.String())
	}
	// the cross-year findings are in the ordinary output too: 自然人 and 总计 of 二、上年结转
	want := filepath.Join(dir, "2023.txt") + ":27:18"
	if !strings.Contains(stdout.String(), want) || strings.Count(stdout.String(), "GD-Y001") != 2 {
		t.Errorf("stdout lacks %s GD-Y001:\n%s", want, stdout.String())
	}
	var doc struct {
		Schema  int `json:"schema"`
		Summary struct {
			Files     int            `json:"files"`
			CrossYear map[string]int `json:"cross_year"`
		} `json:"summary"`
	}
	raw, err := os.ReadFile(j)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &doc); err != nil || doc.Schema != 1 || doc.Summary.Files != 2 || doc.Summary.CrossYear["finding"] != 1 {
		t.Errorf("JSON %v: %+v", err, doc)
	}
	page, err := os.ReadFile(h)
	if err != nil || !bytes.Contains(page, []byte(`<table id="overview"`)) {
		t.Errorf("HTML %v", err)
	}
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("跨年度", "F2"); v != "有问题" {
		t.Errorf("XLSX cross-year result %q", v)
	}
	// no temporary files are left beside the outputs
	entries, _ := os.ReadDir(out)
	if len(entries) != 3 {
		t.Errorf("output directory holds %d entries", len(entries))
	}
}

func TestCheckBatchReportUnwritable(t *testing.T) {
	dir := t.TempDir()
	writeReport(t, filepath.Join(dir, "2022.txt"), 2022, 1, 0, 1)
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", dir, "--report-json", filepath.Join(dir, "no", "such", "dir", "r.json"), "-q"}, nil, &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "r.json") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	code = run([]string{"check", dir, "--report-json", filepath.Join(t.TempDir(), "r.json"), "--similar-share", "3", "-q"}, nil, &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "--similar-share") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

// TestCheckCrossYearWithoutOutputs: checking several reports runs the
// cross-year rules even when no batch file is asked for.
func TestCheckCrossYearWithoutOutputs(t *testing.T) {
	dir := t.TempDir()
	writeReport(t, filepath.Join(dir, "2022.txt"), 2022, 10, 0, 8)
	writeReport(t, filepath.Join(dir, "2023.txt"), 2023, 5, 1, 6)
	var stdout, stderr bytes.Buffer
	run([]string{"check", dir, "--select", "GD-Y", "-q"}, nil, &stdout, &stderr)
	if strings.Count(stdout.String(), "GD-Y001") != 2 {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
	stdout.Reset()
	run([]string{"check", filepath.Join(dir, "2023.txt"), "--select", "GD-Y", "-q"}, nil, &stdout, &stderr)
	if strings.Contains(stdout.String(), "GD-Y") {
		t.Errorf("a single report got cross-year findings:\n%s", stdout.String())
	}
}

// TestCheckSARIFRelatedInOtherFile: in SARIF, a cross-year finding's related
// location names the earlier report's file and its own line.
func TestCheckSARIFRelatedInOtherFile(t *testing.T) {
	dir := t.TempDir()
	writeReport(t, filepath.Join(dir, "2022.txt"), 2022, 10, 0, 8)
	writeReport(t, filepath.Join(dir, "2023.txt"), 2023, 5, 1, 6)
	var stdout, stderr bytes.Buffer
	run([]string{"check", dir, "--select", "GD-Y001", "--format", "sarif"}, nil, &stdout, &stderr)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string `json:"ruleId"`
				RelatedLocations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int }
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
			}
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 2 {
		t.Fatalf("%v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	rel := log.Runs[0].Results[0].RelatedLocations
	if len(rel) != 1 || !strings.HasSuffix(rel[0].PhysicalLocation.ArtifactLocation.URI, "2022.txt") {
		t.Fatalf("related %+v", rel)
	}
	// 四、结转下年度继续办理<TAB>2: line 50 of the 2022 report, character 13
	if r := rel[0].PhysicalLocation.Region; r.StartLine != 50 || r.StartColumn != 13 {
		t.Errorf("region %+v", r)
	}
}

// A file the walk takes but that is not an annual report (a folder's
// README.md) is left out of the findings and listed, with the reason, in
// every batch output.
func TestCheckBatchReportsListSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	writeReport(t, filepath.Join(dir, "2023.txt"), 2023, 5, 0, 5)
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# 说明\n\n本目录收集各单位的报告。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	h, x, j := filepath.Join(out, "r.html"), filepath.Join(out, "r.xlsx"), filepath.Join(out, "r.json")
	var stdout, stderr bytes.Buffer
	run([]string{"check", dir, "--report-html", h, "--report-xlsx", x, "--report-json", j, "-q"}, nil, &stdout, &stderr)
	readme := filepath.Join(dir, "README.md")
	if strings.Contains(stdout.String(), readme) {
		t.Errorf("README.md among the findings:\n%s", stdout.String())
	}
	var doc struct {
		Reports []struct{ Path string } `json:"reports"`
		Skipped []struct {
			Path, Reason string
		} `json:"skipped"`
	}
	raw, err := os.ReadFile(j)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Reports) != 1 || len(doc.Skipped) != 1 || doc.Skipped[0].Path != readme || !strings.Contains(doc.Skipped[0].Reason, "找不到报告标题") {
		t.Errorf("reports %+v, skipped %+v", doc.Reports, doc.Skipped)
	}
	page, err := os.ReadFile(h)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`id="skipped-files"`)) || !bytes.Contains(page, []byte(readme)) {
		t.Error("the HTML page does not list README.md as skipped")
	}
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("报告")
	last := rows[len(rows)-1]
	if last[0] != readme || !strings.HasPrefix(last[len(last)-1], "已跳过：不是政府信息公开年度报告") {
		t.Errorf("last row of 报告: %q", last)
	}
}

// The workbook written beside the page and the JSON file (a batch of up to
// parallelReports) is the same, byte for byte, as when the three are
// written in turn; each output as well. The reports are the seeds, copied
// so that two years of one body and duplicates give cross-year findings.
func TestBatchOutputsWrittenTogetherAsInTurn(t *testing.T) {
	dir := t.TempDir()
	writeReport(t, filepath.Join(dir, "2022.txt"), 2022, 10, 0, 8)
	writeReport(t, filepath.Join(dir, "2023.txt"), 2023, 5, 1, 6)
	writeReport(t, filepath.Join(dir, "2023-copy.txt"), 2023, 5, 1, 6)
	seeds, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "seeds", "*.txt"))
	for _, s := range seeds {
		raw, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, copy := range []string{"a-", "b-"} {
			if err := os.WriteFile(filepath.Join(dir, copy+filepath.Base(s)), raw, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	outputs := func(parallel int) map[string][]byte {
		t.Helper()
		defer func(old int) { parallelReports = old }(parallelReports)
		parallelReports = parallel
		out := t.TempDir()
		var stdout, stderr bytes.Buffer
		code := run([]string{"check", dir, "--today", "2024-06-01", "-q", "--fail-on", "never",
			"--report-html", filepath.Join(out, "r.html"), "--report-xlsx", filepath.Join(out, "r.xlsx"),
			"--report-json", filepath.Join(out, "r.json")}, nil, &stdout, &stderr)
		if code != exitClean {
			t.Fatalf("exit %d\n%s", code, stderr.String())
		}
		got := map[string][]byte{"stdout": stdout.Bytes()}
		for _, name := range []string{"r.html", "r.xlsx", "r.json"} {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			got[name] = b
		}
		return got
	}
	together, inTurn := outputs(1<<20), outputs(0)
	for name, b := range inTurn {
		if !bytes.Equal(together[name], b) {
			t.Errorf("%s written beside the others differs from %s written in turn", name, name)
		}
	}
	if !bytes.Contains(together["r.json"], []byte("GD-Y004")) || !bytes.Contains(together["r.json"], []byte("GD-Y001")) {
		t.Error("no cross-year finding in the batch: the test compares less than it should")
	}
}
