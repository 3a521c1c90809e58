package batchreport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/lint/batch"
)

func TestJSON(t *testing.T) {
	res := runFixture(t, nil)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, res); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema    int      `json:"schema"`
		Tool      string   `json:"tool"`
		Generated string   `json:"generated"`
		Inputs    []string `json:"inputs"`
		Summary   struct {
			Files, Parsed, Failed, Bodies int
			Warnings                      int
			CrossYear                     map[string]int `json:"cross_year"`
		} `json:"summary"`
		Reports []map[string]json.RawMessage `json:"reports"`
		Bodies  []struct {
			Key     string   `json:"key"`
			Name    string   `json:"name"`
			Years   []int    `json:"years"`
			Reports []string `json:"reports"`
		} `json:"bodies"`
		Checks []struct {
			Kind, Rule, Body, Path, Status string
			PrevPath                       string `json:"prev_path"`
			Year                           int
			PrevYear                       int `json:"prev_year"`
			Columns                        []struct {
				Key       string
				Prev, Cur *struct {
					Value        float64
					Line, Column int
				}
				Status string
			}
			Similarity *struct {
				Share   float64
				Matches []struct {
					Line, Column int
					PrevLine     int `json:"prev_line"`
					PrevColumn   int `json:"prev_column"`
				} `json:"matches"`
			}
		} `json:"checks"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != SchemaVersion || doc.Tool != "gdlint" || doc.Generated != "2025-03-01T00:00:00Z" || len(doc.Inputs) != 1 {
		t.Errorf("header: %d %q %q %v", doc.Schema, doc.Tool, doc.Generated, doc.Inputs)
	}
	s := doc.Summary
	if s.Files != 9 || s.Parsed != 6 || s.Failed != 3 || s.Bodies != 2 {
		t.Errorf("summary %+v", s)
	}
	// 甲: Y001 finding, ok; Y002 ok, finding; Y003 ok, finding. 丙: Y004, Y005 findings.
	if s.CrossYear["ok"] != 3 || s.CrossYear["finding"] != 5 || s.CrossYear["cannot_judge"] != 0 {
		t.Errorf("cross_year %v", s.CrossYear)
	}

	// reports: sorted by path; an error entry has "error" and no body
	var paths []string
	for _, r := range doc.Reports {
		var p string
		json.Unmarshal(r["path"], &p)
		paths = append(paths, p)
	}
	if !sort.StringsAreSorted(paths) {
		t.Errorf("reports not sorted: %v", paths)
	}
	broken := doc.Reports[1]
	if _, ok := broken["error"]; !ok || string(broken["body"]) != `""` {
		t.Errorf("broken.txt entry: %s", broken)
	}
	var gb struct {
		Encoding string
		Body     string
		Year     int
		Stats    map[string]struct {
			Value        float64
			Text         string
			Line, Column int
		}
		Counts struct {
			Warnings int
			ByFamily map[string]map[string]int `json:"by_family"`
		}
		CrossYear   string `json:"cross_year"`
		Diagnostics []struct {
			Rule, Family, Severity, Message, Text string
			MessageEN                             string `json:"message_en"`
			Line, Column                          int
			Related                               []struct {
				Path         string
				Line, Column int
			}
		}
	}
	raw, _ := json.Marshal(doc.Reports[8])
	if err := json.Unmarshal(raw, &gb); err != nil {
		t.Fatal(err)
	}
	if gb.Encoding != "gb18030" || gb.Body != batchtest.BodyA || gb.Year != 2024 || gb.CrossYear != "finding" {
		t.Errorf("甲/2024-gb.txt: %+v", gb)
	}
	if st := gb.Stats["normative_in_force"]; st.Value != 60 || st.Text != "60" || st.Line == 0 {
		t.Errorf("stats normative_in_force %+v", st)
	}
	if st := gb.Stats["requests_new"]; st.Value != 7 {
		t.Errorf("stats requests_new %+v", st)
	}
	if gb.Counts.ByFamily["years"]["warnings"] != 2 {
		t.Errorf("counts %+v", gb.Counts)
	}
	var y002 bool
	for _, d := range gb.Diagnostics {
		if d.Rule != "GD-Y002" {
			continue
		}
		y002 = true
		if d.Family != "years" || d.Severity != "warning" || d.Text != "60" || d.MessageEN == "" || d.Line != 19 || d.Column != 13 {
			t.Errorf("GD-Y002 finding %+v", d)
		}
		// 行政规范性文件<TAB>4<TAB>1<TAB>60 on line 19 of both years
		if len(d.Related) != 3 || d.Related[0].Path != "甲/2023.md" || d.Related[0].Line != 19 || d.Related[0].Column != 13 ||
			d.Related[1].Path != "甲/2024-gb.txt" || d.Related[1].Column != 9 || d.Related[2].Column != 11 {
			t.Errorf("related %+v", d.Related)
		}
	}
	if !y002 {
		t.Error("no GD-Y002 in the JSON")
	}

	// the checks: 丙 (sorted first by key), then 甲
	var kinds []string
	for _, c := range doc.Checks {
		kinds = append(kinds, fmt.Sprintf("%s %d %s %s", c.Rule, c.Year, c.Kind, c.Status))
	}
	want := []string{
		"GD-Y004 2023 duplicate-year finding", "GD-Y005 2023 missing-year finding",
		"GD-Y001 2023 carry-over finding", "GD-Y002 2023 normative-in-force ok", "GD-Y003 2023 similar-text ok",
		"GD-Y001 2024 carry-over ok", "GD-Y002 2024 normative-in-force finding", "GD-Y003 2024 similar-text finding",
	}
	if strings.Join(kinds, "\n") != strings.Join(want, "\n") {
		t.Errorf("checks:\n%s\nwant:\n%s", strings.Join(kinds, "\n"), strings.Join(want, "\n"))
	}
	co := doc.Checks[2]
	if co.Path != "甲/2023.md" || co.PrevPath != "甲/2022.txt" || len(co.Columns) != 7 {
		t.Fatalf("carry-over check %+v", co)
	}
	if k := co.Columns[0]; k.Key != "natural" || k.Prev.Value != 2 || k.Cur.Value != 3 || k.Status != "finding" || k.Cur.Line == 0 {
		t.Errorf("natural column %+v", k)
	}
	if sim := doc.Checks[7].Similarity; sim == nil || sim.Share < 0.9 || len(sim.Matches) == 0 || sim.Matches[0].PrevLine == 0 {
		t.Errorf("similarity %+v", sim)
	}
}

func TestXLSX(t *testing.T) {
	res := runFixture(t, nil)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "报告,问题,跨年度" {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("报告")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 10 {
		t.Fatalf("report rows = %d, want header + 9", len(rows))
	}
	head := rows[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i + 1
			}
		}
		t.Fatalf("no column %q in %v", name, head)
		return 0
	}
	cell := func(sheet string, c, r int) string {
		name, _ := excelize.CoordinatesToCellName(c, r)
		return name
	}
	// 甲/2024-gb.txt is row 10 (path order); its statistics are numbers
	if v, _ := f.GetCellValue("报告", cell("报告", col("文件"), 10)); v != "甲/2024-gb.txt" {
		t.Fatalf("row 10 is %q", v)
	}
	for name, want := range map[string]string{"规范性文件现行有效": "60", "新收申请": "7", "收费（万元）": "12.5", "年度": "2024", "跨年度（批量检查） 警告": "2"} {
		ref := cell("报告", col(name), 10)
		v, _ := f.GetCellValue("报告", ref)
		typ, _ := f.GetCellType("报告", ref)
		if v != want || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
			t.Errorf("%s (%s) = %q type %v, want number %s", name, ref, v, typ, want)
		}
	}
	if v, _ := f.GetCellValue("报告", cell("报告", col("机关"), 10)); v != batchtest.BodyA {
		t.Errorf("body %q", v)
	}
	if v, _ := f.GetCellValue("报告", cell("报告", col("跨年度"), 10)); v != "有问题" {
		t.Errorf("cross-year %q", v)
	}
	// broken.txt (row 3): the reason, and no statistics
	if v, _ := f.GetCellValue("报告", cell("报告", col("无法检查的原因"), 3)); !strings.Contains(v, "binary") {
		t.Errorf("error cell %q", v)
	}
	if v, _ := f.GetCellValue("报告", cell("报告", col("新收申请"), 3)); v != "" {
		t.Errorf("statistic of a broken file %q", v)
	}

	findings, _ := f.GetRows("问题")
	var y001 []string
	for _, r := range findings[1:] {
		if len(r) > 3 && r[3] == "GD-Y001" {
			y001 = append(y001, strings.Join(r[:6], "|"))
		}
	}
	if len(y001) != 2 || y001[0] != "甲/2023.md|35|18|GD-Y001|跨年度（批量检查）|警告" || y001[1] != "甲/2023.md|35|30|GD-Y001|跨年度（批量检查）|警告" {
		t.Errorf("GD-Y001 rows %q", y001)
	}
	if typ, _ := f.GetCellType("问题", "B2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("line is not a number: %v", typ)
	}

	checks, _ := f.GetRows("跨年度")
	if len(checks) != 9 {
		t.Fatalf("cross-year rows = %d, want header + 8", len(checks))
	}
	last := checks[8]
	if last[0] != batchtest.BodyA || last[1] != "2023" || last[2] != "2024" || last[3] != "GD-Y003" || last[5] != "有问题" {
		t.Errorf("last check row %q", last)
	}
	share, _ := f.GetCellValue("跨年度", "I9")
	if share == "" || share[0] != '0' && share[0] != '1' {
		t.Errorf("share %q", share)
	}
	if co := checks[3]; co[3] != "GD-Y001" || !strings.Contains(co[7], "自然人 2→3") {
		t.Errorf("carry-over row %q", co)
	}
}

// htmlDoc parses a page and returns helpers over it.
func parseHTML(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func find(n *html.Node, pred func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if pred(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func byID(n *html.Node, id string) *html.Node {
	if m := find(n, func(n *html.Node) bool { return n.Type == html.ElementNode && attr(n, "id") == id }); len(m) > 0 {
		return m[0]
	}
	return nil
}

func elems(n *html.Node, tag string) []*html.Node {
	return find(n, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == tag })
}

func text(n *html.Node) string {
	var b strings.Builder
	for _, t := range find(n, func(n *html.Node) bool { return n.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return strings.TrimSpace(b.String())
}

// overviewRows returns the cells' text of #overview's body rows.
func overviewRows(t *testing.T, doc *html.Node) [][]string {
	t.Helper()
	table := byID(doc, "overview")
	if table == nil {
		t.Fatal("no #overview table")
	}
	var out [][]string
	for _, tr := range elems(elems(table, "tbody")[0], "tr") {
		var row []string
		for _, td := range elems(tr, "td") {
			row = append(row, text(td))
		}
		out = append(out, row)
	}
	return out
}

func TestHTML(t *testing.T) {
	res := runFixture(t, nil)
	var buf bytes.Buffer
	if err := WriteHTML(&buf, res); err != nil {
		t.Fatal(err)
	}
	page := buf.Bytes()
	for _, external := range []string{"<link", "src=\"http", "@import", "url("} {
		if bytes.Contains(page, []byte(external)) {
			t.Errorf("page refers to an external asset: %s", external)
		}
	}
	doc := parseHTML(t, page)
	rows := overviewRows(t, doc)
	// grouped by body then year: 丙 2021, 2023, 2023 (copy), 甲 2022, 2023, 2024
	var got []string
	for _, r := range rows {
		got = append(got, r[0]+" "+r[1])
	}
	// the first cell holds the body and, under it, the file
	want := []string{batchtest.BodyB + "丙/2021.txt 2021", batchtest.BodyB + "丙/2023.txt 2023", batchtest.BodyB + "丙/copy/2023.txt 2023",
		batchtest.BodyA + "甲/2022.txt 2022", batchtest.BodyA + "甲/2023.md 2023", batchtest.BodyA + "甲/2024-gb.txt 2024"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("overview rows %q, want %q", got, want)
	}
	// columns: body and file, year, format, errors, warnings, infos, 11 statistics, cross-year
	r := rows[5]
	if len(r) != 6+len(batch.StatDefs)+1 {
		t.Fatalf("row has %d cells: %q", len(r), r)
	}
	if r[2] != "2021" || r[4] != "2" || r[6] != "7" || r[6+7] != "12.5" || r[6+10] != "60" || !strings.HasSuffix(r[0], "甲/2024-gb.txt") {
		t.Errorf("甲 2024 row %q", r)
	}
	if !strings.Contains(r[len(r)-1], "结转 ✓") || !strings.Contains(r[len(r)-1], "规范性文件 ✗") || !strings.Contains(r[len(r)-1], "雷同 ✗") {
		t.Errorf("cross-year cell %q", r[len(r)-1])
	}
	// failed files are listed with their reason
	failed := byID(doc, "failed-files")
	if failed == nil || len(elems(failed, "tr")) != 4 || !strings.Contains(text(failed), "broken.docx") {
		t.Errorf("failed files table: %v", failed != nil)
	}
	// the cross-year section has one row per check, with rule and status
	var checks []string
	for _, tr := range find(doc, func(n *html.Node) bool {
		return n.Data == "tr" && attr(n, "data-rule") != "" && attr(n, "data-status") != ""
	}) {
		checks = append(checks, attr(tr, "data-rule")+" "+attr(tr, "data-year")+" "+attr(tr, "data-status"))
	}
	if len(checks) != 8 || checks[2] != "GD-Y001 2023 finding" {
		t.Errorf("check rows %q", checks)
	}
	// per-report details: file:line:col, rule and message of each finding
	sec := find(doc, func(n *html.Node) bool { return n.Data == "section" && attr(n, "data-path") == "甲/2023.md" })
	if len(sec) != 1 {
		t.Fatal("no details section for 甲/2023.md")
	}
	var lines []string
	for _, tr := range elems(sec[0], "tr") {
		if attr(tr, "data-rule") == "GD-Y001" {
			tds := elems(tr, "td")
			lines = append(lines, text(tds[0])+" "+text(tds[1]))
			if !strings.Contains(text(tds[3]), "甲/2022.txt:") {
				t.Errorf("no related location in %q", text(tds[3]))
			}
		}
	}
	// 二、上年结转政府信息公开申请数量<TAB>3…: the 自然人 cell at character 18, 总计 at 30
	if len(lines) != 2 || lines[0] != "甲/2023.md:35:18 GD-Y001" || lines[1] != "甲/2023.md:35:30 GD-Y001" {
		t.Errorf("finding rows %q", lines)
	}
}

func TestHTMLEscapes(t *testing.T) {
	dir := t.TempDir()
	batchtest.Write(t, dir, "x.txt", batchtest.Render(t, batchtest.Spec{Body: "甲<b>局</b>&amp;", Year: 2023, Seed: 1}))
	res, err := batch.Run([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, res); err != nil {
		t.Fatal(err)
	}
	doc := parseHTML(t, buf.Bytes())
	if len(find(byID(doc, "overview"), func(n *html.Node) bool { return n.Data == "b" })) != 0 {
		t.Fatal("a body name became markup")
	}
	rows := overviewRows(t, doc)
	if len(rows) != 1 || !strings.Contains(rows[0][0], "<b>") {
		t.Errorf("body cell %q", rows)
	}
}

func TestHTMLEnglish(t *testing.T) {
	res := runFixture(t, &batch.Options{Lang: "en"})
	var buf bytes.Buffer
	if err := WriteHTML(&buf, res); err != nil {
		t.Fatal(err)
	}
	doc := parseHTML(t, buf.Bytes())
	if h := elems(doc, "h1"); len(h) != 1 || !strings.HasPrefix(text(h[0]), "Annual disclosure reports") {
		t.Errorf("title %q", text(h[0]))
	}
	if attr(elems(doc, "html")[0], "lang") != "en" {
		t.Error("lang attribute")
	}
	if !strings.Contains(text(doc), "is 3, but the 2022 report's") {
		t.Error("English finding message missing")
	}
}

func TestHTMLFamilyCounts(t *testing.T) {
	res := runFixture(t, nil)
	var buf bytes.Buffer
	if err := WriteHTML(&buf, res); err != nil {
		t.Fatal(err)
	}
	doc := parseHTML(t, buf.Bytes())
	sec := find(doc, func(n *html.Node) bool { return n.Data == "section" && attr(n, "data-path") == "甲/2024-gb.txt" })
	if len(sec) != 1 {
		t.Fatal("no section")
	}
	fams := find(sec[0], func(n *html.Node) bool { return n.Data == "p" && strings.Contains(attr(n, "class"), "families") })
	if len(fams) != 1 || text(fams[0]) != "跨年度（批量检查）: 0 / 2 / 0" {
		t.Errorf("family counts %q", text(fams[0]))
	}
}
