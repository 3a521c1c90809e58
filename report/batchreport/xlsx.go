package batchreport

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
	"github.com/gdlint/gdlint/report"
)

// Sheet names of the workbook, per language.
var xlsxSheets = map[string][3]string{
	"zh": {"报告", "问题", "跨年度"},
	"en": {"Reports", "Findings", "Cross-year"},
}

// XLSXSheets returns the names of the reports, findings and cross-year
// sheets for a language.
func XLSXSheets(lang string) [3]string {
	if lang == "en" {
		return xlsxSheets["en"]
	}
	return xlsxSheets["zh"]
}

var xlsxHeads = map[string]map[string]string{
	"zh": {
		"path": "文件", "body": "机关", "year": "年度", "format": "格式", "encoding": "编码", "period_start": "统计期限起",
		"period_end": "统计期限止", "published": "发布日期", "signed": "落款日期", "errors": "错误", "warnings": "警告", "infos": "提示",
		"crossyear": "跨年度", "error": "无法检查的原因", "line": "行", "column": "列", "rule": "规则", "family": "类别",
		"severity": "级别", "message": "消息", "text": "原文", "related": "相关位置", "prev_year": "上年", "cur_year": "本年",
		"check": "检查", "status": "结果", "detail": "明细", "share": "雷同比例", "prev_path": "上年文件", "goto": "跳转",
	},
	"en": {
		"path": "File", "body": "Body", "year": "Year", "format": "Format", "encoding": "Encoding", "period_start": "Period start",
		"period_end": "Period end", "published": "Published", "signed": "Signed", "errors": "Errors", "warnings": "Warnings", "infos": "Infos",
		"crossyear": "Cross-year", "error": "Why it could not be checked", "line": "Line", "column": "Column", "rule": "Rule", "family": "Family",
		"severity": "Severity", "message": "Message", "text": "Text", "related": "Related", "prev_year": "Previous year", "cur_year": "Year",
		"check": "Check", "status": "Result", "detail": "Details", "share": "Similar share", "prev_path": "Previous file", "goto": "Go to",
	},
}

// WriteXLSX writes a workbook with three sheets: one row per report (the key
// statistics as numbers), one row per finding, one row per cross-year check.
func WriteXLSX(w io.Writer, res *batch.Result) error {
	// the findings are made one report at a time (findings)
	d := documentOf(res, false)
	lang := res.Lang
	if lang != "en" {
		lang = "zh"
	}
	names := XLSXSheets(lang)
	f := excelize.NewFile()
	defer f.Close()
	x, err := newXLSXWriter(f, names, lang)
	if err != nil {
		return err
	}
	// before the sheets are streamed: afterwards excelize would read each
	// streamed sheet back into memory to mark it
	f.SetActiveSheet(0)
	// the workbook's properties name gdlint, not excelize's template
	// (creator "xuri"); its dates stay the template's, fixed, so that the
	// same batch gives the same bytes
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "gdlint", Title: htmlLabels[lang]["title"]}); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "gdlint"}); err != nil {
		return err
	}
	if err := x.reports(names[0], d); err != nil {
		return err
	}
	if err := x.findings(names[1], res); err != nil {
		return err
	}
	if err := x.checks(names[2], d); err != nil {
		return err
	}
	// the archive goes to w through orderedZip (xlsxzip.go): by default
	// excelize assembles the whole zip in memory (File.WriteToBuffer, 15 MB
	// for 8,000 reports, in a buffer that doubles as it grows) and writes
	// the streamed sheets in the order of a map. The buffer WriteTo is given
	// stays empty; it would only matter for a sheet above 4 GiB (excelize
	// patches zip64 headers in it).
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newOrderedZip(w) })
	_, err = f.WriteTo(w)
	return err
}

// xlsxCompression is the deflate level of the workbook's parts. The
// default level (6) took 1.9 s of the 6 s the workbook of 8,000 reports
// took to write; level 2 compresses its 170 MB of sheet XML 3× as fast,
// into a file about 15 % larger.
const xlsxCompression = 2

// newXLSXWriter names the three sheets of f and makes the header style.
func newXLSXWriter(f *excelize.File, names [3]string, lang string) (*xlsxWriter, error) {
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return nil, err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return nil, err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"F3F5F8"}, Pattern: 1}})
	if err != nil {
		return nil, err
	}
	dateFmt := "yyyy-mm-dd"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, err
	}
	red, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "B3261E", Bold: true},
		Fill: excelize.Fill{Type: "pattern", Color: []string{"FDECEA"}, Pattern: 1}})
	if err != nil {
		return nil, err
	}
	return &xlsxWriter{f: f, bold: bold, date: date, red: red, lang: lang, heads: xlsxHeads[lang], labels: htmlLabels[lang],
		reportRows: map[string]int{}}, nil
}

// xlsxDate is a date of the report as a date cell (formatted yyyy-mm-dd), or
// the text as written when it is not a whole date.
func xlsxDate(s string) any {
	if s == "" {
		return nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t
	}
	return s
}

// redWhen marks the cells of column col (rows 2..rows) in red when the
// condition holds: errors stand out in any reader that applies conditional
// formats.
func (x *xlsxWriter) redWhen(sheet string, col, rows int, criteria, value string) {
	if x.err != nil || rows < 2 {
		return
	}
	name, _ := excelize.ColumnNumberToName(col)
	ref := fmt.Sprintf("%s2:%s%d", name, name, rows)
	x.err = x.f.SetConditionalFormat(sheet, ref, []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: criteria, Format: &x.red, Value: value}})
}

// reports writes one row per report: where it comes from, its counts per
// severity and per family, the key statistics and the cross-year status.
func (x *xlsxWriter) reports(sheet string, d *jsonDoc) error {
	fams := familyColumns(d)
	head := x.reportsHead(fams)
	rows := len(d.Reports) + len(d.Skipped) + 1
	x.begin(sheet, head, rows, map[int]float64{1: 40, 2: 24, 6: 12, 7: 12, 8: 12, 9: 12}, func() {
		x.redWhen(sheet, 10, rows, ">", "0") // 错误
	})
	for i := range d.Reports {
		x.reportRows[d.Reports[i].Path] = i + 2
		if err := x.row(i+2, x.reportRow(&d.Reports[i], fams)); err != nil {
			return err
		}
	}
	// the files left out as not annual reports: the path and why, in the
	// last column
	for i, s := range d.Skipped {
		reason := report.SkippedText(s.Reason, s.ReasonEN, x.lang)
		row := make([]any, len(head))
		row[0], row[len(row)-1] = s.Path, reason
		if err := x.row(len(d.Reports)+2+i, row); err != nil {
			return err
		}
	}
	x.reportSheet = sheet
	return x.end()
}

// familyColumns lists the families with findings in any report.
func familyColumns(d *jsonDoc) []string {
	all := map[string]*batch.SeverityCounts{}
	for _, r := range d.Reports {
		maps.Copy(all, r.Counts.ByFamily)
	}
	return familyNames(all)
}

func (x *xlsxWriter) reportsHead(fams []string) []string {
	H := x.heads
	head := []string{H["path"], H["body"], H["year"], H["format"], H["encoding"], H["period_start"], H["period_end"],
		H["published"], H["signed"], H["errors"], H["warnings"], H["infos"]}
	for _, fam := range fams {
		title := report.FamilyTitle(lint.Family(fam), x.lang)
		head = append(head, title+" "+H["errors"], title+" "+H["warnings"], title+" "+H["infos"])
	}
	for _, s := range batch.StatDefs {
		if x.lang == "en" {
			head = append(head, s.LabelEN)
		} else {
			head = append(head, s.Label)
		}
	}
	return append(head, H["crossyear"], H["error"])
}

func (x *xlsxWriter) reportRow(r *jsonReport, fams []string) []any {
	row := []any{r.Path, str(r.Body), num(r.Year), str(r.Format), str(r.Encoding)}
	if r.Period != nil {
		row = append(row, xlsxDate(r.Period.Start), xlsxDate(r.Period.End))
	} else {
		row = append(row, nil, nil)
	}
	row = append(row, xlsxDate(r.Published), xlsxDate(r.Signed))
	if r.Error != "" {
		// no counts, statistics or status: only why it could not be checked
		empty := make([]any, 3+3*len(fams)+len(batch.StatDefs)+1)
		return append(append(row, empty...), r.Error)
	}
	row = append(row, r.Counts.Errors, r.Counts.Warnings, r.Counts.Infos)
	for _, fam := range fams {
		c := r.Counts.ByFamily[fam]
		if c == nil {
			c = &batch.SeverityCounts{}
		}
		row = append(row, c.Errors, c.Warnings, c.Infos)
	}
	for _, v := range r.statsList {
		if v == nil {
			row = append(row, nil)
		} else {
			row = append(row, v.Value)
		}
	}
	var status any
	if r.CrossYear != "" {
		status = x.labels[string(r.CrossYear)]
	}
	return append(row, status, nil)
}

// findings writes one row per finding, in report order, making each
// report's findings when its turn comes.
func (x *xlsxWriter) findings(sheet string, res *batch.Result) error {
	H := x.heads
	head := []string{H["path"], H["line"], H["column"], H["rule"], H["family"], H["severity"], H["message"], H["text"], H["related"], H["goto"]}
	rows := 1
	for _, r := range res.Reports {
		rows += r.FindingCount()
	}
	x.begin(sheet, head, rows, map[int]float64{1: 40, 5: 16, 7: 70, 8: 24, 9: 50, 10: 14}, func() {
		x.redWhen(sheet, 6, rows, "==", `"`+x.labels["error"]+`"`) // 级别
	})
	n := 2
	sources := newSourceCache(res)
	row := make([]any, len(head)) // reused: SetRow keeps none of it
	var rel strings.Builder
	var found []jsonFinding // reused from report to report
	for _, r := range res.Reports {
		// the same for all of the report's findings: made and boxed once
		link := x.linkToReport(r.Path)
		if f, ok := link.(xlsxFormula); ok {
			link = excelize.Cell{Formula: string(f)}
		}
		found = jfindings(found, r, sources, res.Lang, false)
		for _, g := range found {
			rel.Reset()
			for i, o := range g.Related {
				if i > 0 {
					rel.WriteByte('\n')
				}
				rel.WriteString(o.Path)
				rel.WriteByte(':')
				rel.WriteString(strconv.Itoa(o.Line))
				rel.WriteByte(':')
				rel.WriteString(strconv.Itoa(o.Column))
				rel.WriteByte(' ')
				rel.WriteString(o.Message)
			}
			fam := report.FamilyTitle(lint.Family(g.Family), x.lang)
			row[0], row[1], row[2], row[3], row[4] = r.Path, g.Line, g.Column, g.Rule, fam
			row[5], row[6], row[7], row[8], row[9] = x.labels[g.Severity.String()], g.Msg(), str(g.Text), str(rel.String()), link
			if err := x.row(n, row); err != nil {
				return err
			}
			n++
		}
	}
	return x.end()
}

// xlsxFormula is a cell written as a formula.
type xlsxFormula string

// linkToReport is a link to the row of the report at path on the reports
// sheet: a HYPERLINK formula in a column of its own (the file column stays
// plain text for filters and scripts). Cell hyperlinks would cost excelize a
// scan of every earlier link per finding.
func (x *xlsxWriter) linkToReport(path string) any {
	at, ok := x.reportRows[path]
	if !ok || x.reportSheet == "" {
		return nil
	}
	label := fmt.Sprintf("报告第 %d 行", at)
	if x.lang == "en" {
		label = fmt.Sprintf("report row %d", at)
	}
	return xlsxFormula(fmt.Sprintf(`HYPERLINK("#'%s'!A%d","%s")`, x.reportSheet, at, label))
}

// checks writes one row per cross-year check.
func (x *xlsxWriter) checks(sheet string, d *jsonDoc) error {
	H := x.heads
	head := []string{H["body"], H["prev_year"], H["cur_year"], H["rule"], H["check"], H["status"], H["message"], H["detail"], H["share"], H["path"], H["prev_path"]}
	x.begin(sheet, head, len(d.Checks)+1, map[int]float64{1: 24, 7: 60, 8: 60, 10: 40, 11: 40}, nil)
	for i := range d.Checks {
		if err := x.row(i+2, x.checkRow(&d.Checks[i])); err != nil {
			return err
		}
	}
	return x.end()
}

func (x *xlsxWriter) checkRow(c *jsonCheck) []any {
	var detail []string
	for _, k := range c.Columns {
		s := c.Label(k) + " "
		if k.Prev != nil {
			s += k.Prev.Text + "→"
		}
		if k.Cur != nil {
			s += k.Cur.Text
		} else {
			s += "?"
		}
		detail = append(detail, s)
	}
	var share any
	if c.Similarity != nil {
		share = c.Similarity.Share
	}
	return []any{str(c.Body), num(c.PrevYear), num(c.Year), str(c.Rule), x.labels[c.Kind], x.labels[string(c.Status)], c.Msg(),
		str(strings.Join(detail, "; ")), share, str(c.Path), str(c.PrevPath)}
}

// str and num leave a cell empty instead of writing "" or 0.
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func num(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// xlsxWriter writes the sheets of one workbook; err is the first error of
// header and finish.
type xlsxWriter struct {
	f    *excelize.File
	sw   *excelize.StreamWriter // of the sheet being written
	bold int
	date int // yyyy-mm-dd
	red  int // conditional format of errors
	// reportRows is each report's row on the reports sheet (reportSheet),
	// for the findings' links
	reportRows  map[string]int
	reportSheet string
	lang        string
	cells       []any             // row's buffer
	heads       map[string]string // column headings
	labels      map[string]string // statuses, kinds and severities, as on the page
	err         error
}

// begin starts a sheet of rows rows (the header included): first what
// excelize writes in normal mode (the auto filter, and the conditional
// formats that before adds), then a stream writer with the column widths,
// the frozen header and the header row. Rows are streamed: the workbook of
// thousands of reports is never built cell by cell in memory.
func (x *xlsxWriter) begin(sheet string, head []string, rows int, widths map[int]float64, before func()) {
	if x.err != nil {
		return
	}
	end, _ := excelize.CoordinatesToCellName(len(head), max(rows, 1))
	if x.err = x.f.AutoFilter(sheet, "A1:"+end, nil); x.err != nil {
		return
	}
	if before != nil {
		before()
		if x.err != nil {
			return
		}
	}
	x.sw, x.err = x.f.NewStreamWriter(sheet)
	if x.err != nil {
		return
	}
	for _, c := range slices.Sorted(maps.Keys(widths)) {
		if x.err = x.sw.SetColWidth(c, c, widths[c]); x.err != nil {
			return
		}
	}
	if x.err = x.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); x.err != nil {
		return
	}
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = excelize.Cell{StyleID: x.bold, Value: h}
	}
	x.err = x.sw.SetRow("A1", cells)
}

// row writes the non-nil values of row n; nil leaves the cell absent, so
// "not read" stays distinguishable from 0.
func (x *xlsxWriter) row(n int, vals []any) error {
	if x.err != nil {
		return x.err
	}
	cells := append(x.cells[:0], vals...)
	x.cells = cells // reused from row to row: SetRow keeps none of it
	for i, v := range vals {
		switch v := v.(type) {
		case xlsxFormula:
			cells[i] = excelize.Cell{Formula: string(v)}
		case time.Time:
			cells[i] = excelize.Cell{StyleID: x.date, Value: v}
		default:
			cells[i] = v
		}
	}
	return x.sw.SetRow("A"+strconv.Itoa(n), cells)
}

// end finishes the sheet begun last.
func (x *xlsxWriter) end() error {
	if x.err != nil {
		return x.err
	}
	x.err = x.sw.Flush()
	return x.err
}
