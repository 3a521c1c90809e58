package batchreport

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// openpyxlScript reads the workbook with openpyxl (a reader that shares no
// code with excelize) and prints what the test checks, as JSON.
const openpyxlScript = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rep, fin = wb[wb.sheetnames[0]], wb[wb.sheetnames[1]]
head = [c.value for c in rep[1]]
dates = []
for row in rep.iter_rows(min_row=2):
    for c in row[5:9]:
        if c.value is not None:
            dates.append([type(c.value).__name__, c.number_format, str(c.value)])
import re
links = []
for row in fin.iter_rows(min_row=2):
    m = re.fullmatch(r"""=HYPERLINK\("#'([^']+)'!(A\d+)","[^"]*"\)""", str(row[9].value))
    target = m.group(1) + "!" + m.group(2) if m else None
    linked = wb[m.group(1)][m.group(2)].value if m else None
    links.append([row[0].value, target, linked])
cf = lambda ws: [[str(r.sqref), [x.formula for x in r.rules]] for r in ws.conditional_formatting]
print(json.dumps({"sheets": wb.sheetnames, "head": head, "dates": dates, "links": links,
                  "cf_reports": cf(rep), "cf_findings": cf(fin)}, ensure_ascii=False, default=str))
`

// openpyxl finds python3 with openpyxl. GDLINT_OPENPYXL=1 makes the test
// mandatory, as .ci/run does (it installs python3-openpyxl).
func openpyxl(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if p, err := exec.LookPath(py); err == nil && exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	if os.Getenv("GDLINT_OPENPYXL") == "1" {
		t.Fatal("GDLINT_OPENPYXL=1 but no python3 with openpyxl")
	}
	t.Skip("no python3 with openpyxl (set GDLINT_OPENPYXL=1 to require it)")
	return ""
}

// The workbook as another reader sees it: Chinese headings, dates as date
// cells, each finding linked (a HYPERLINK formula) to the row of its own
// report, errors in red by conditional formats.
func TestXLSXReadByOpenpyxl(t *testing.T) {
	py := openpyxl(t)
	res := runFixture(t, nil)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, res); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.xlsx")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", openpyxlScript, file).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	var got struct {
		Sheets, Head []string
		Dates        [][3]string
		Links        [][3]*string
		CFReports    [][]any `json:"cf_reports"`
		CFFindings   [][]any `json:"cf_findings"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Join(got.Sheets, ",") != "报告,问题,跨年度" || got.Head[0] != "文件" || got.Head[5] != "统计期限起" {
		t.Errorf("sheets %v, head %v", got.Sheets, got.Head)
	}
	for _, h := range got.Head {
		if strings.ContainsAny(h, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("English column name %q", h)
		}
	}
	whole := 0
	for _, d := range got.Dates {
		if d[0] == "datetime" {
			whole++
			if d[1] != "yyyy-mm-dd" {
				t.Errorf("date cell %v: format %q", d, d[1])
			}
		}
	}
	if whole == 0 {
		t.Errorf("no date cell among %v", got.Dates)
	}
	if len(got.Links) == 0 {
		t.Fatal("no findings")
	}
	for _, l := range got.Links {
		if l[1] == nil || l[2] == nil || *l[0] != *l[2] {
			t.Errorf("finding of %v links to %v, whose file is %v", deref(l[0]), deref(l[1]), deref(l[2]))
		}
	}
	cf := func(rules [][]any) string { b, _ := json.Marshal(rules); return string(b) }
	if !strings.Contains(cf(got.CFReports), `"J2:J`) || !strings.Contains(cf(got.CFFindings), `\"错误\"`) {
		t.Errorf("conditional formats: reports %s, findings %s", cf(got.CFReports), cf(got.CFFindings))
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
