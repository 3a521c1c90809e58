package batchreport

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
	"github.com/gdlint/gdlint/report"
)

//go:embed report.html.tmpl
var htmlSource string

// htmlTemplate is parsed when a page is first written: parsed at init, it
// was a fifth of every run's start (4.7 of 25 million instructions).
var htmlTemplate = sync.OnceValue(func() *template.Template { return parseHTMLTemplate(htmlSource) })

// parseHTMLTemplate parses a page template with the page's functions.
func parseHTMLTemplate(src string) *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"pct": func(v float64) string { return fmt.Sprintf("%.0f%%", v*100) },
		// fam names a family in the page's language (lang: "zh-CN" or "en")
		"fam": func(f, lang string) string {
			if lang == "en" {
				return report.FamilyTitle(lint.Family(f), "en")
			}
			return report.FamilyTitle(lint.Family(f), "zh")
		},
		"add": func(a, b int) int { return a + b },
	}).Parse(src))
}

// htmlView is what the page template reads.
type htmlView struct {
	Lang    string
	L       map[string]string
	Doc     *jsonDoc
	Stats   []string     // column headings of the key statistics
	Rows    []*htmlRow   // the overview, by body then year
	Failed  []*htmlRow   // files that could not be checked
	Groups  []*htmlGroup // cross-year checks per body
	Loose   []*jsonCheck // reports left out of the cross-year checks
	Details []*htmlRow   // per-report findings, in path order
	// Lazy: the details are embedded as JSON (DetailsJSON) and rendered by
	// the page's script, for batches above htmlInlineLimit reports
	Lazy        bool
	DetailsJSON template.JS
	Families    []string      // families with findings, for the summary
	Totals      []familyTotal // per family, over all reports
	rowBuf      []byte        // OverviewRow's and CheckRow's, reused
}

type htmlRow struct {
	ID      string
	Display string // the path without the directory every report shares
	R       *jsonReport
	Status  string // localized cross-year status
	Checks  []*jsonCheck
}

type htmlGroup struct {
	Name   string
	Years  string
	Checks []*jsonCheck
}

type familyTotal struct {
	Family string
	batch.SeverityCounts
}

// StatsList is the report's key statistics in batch.StatDefs order (nil entries
// for values not read).
func (r *jsonReport) StatsList() []*jsonValue { return r.statsList }

// statCell is a key statistic's cell of the overview as the page shows it.
type statCell struct {
	Doubt string
	Sort  string // the value to sort by, -1 when not read
	Num   string // the value, empty when not read
}

// StatCells are the overview's cells of StatsList, made when the row is
// written: fields, where the template called num, sortnum and and (each
// call through reflection) for every cell of thousands of rows.
func (r *jsonReport) StatCells() []statCell {
	cells := make([]statCell, len(r.statsList))
	for i, v := range r.statsList {
		if v == nil {
			cells[i].Sort = "-1"
			continue
		}
		n := strconv.FormatFloat(v.Value, 'f', -1, 64)
		cells[i] = statCell{Doubt: v.Doubt, Sort: n, Num: n}
	}
	return cells
}

// Path is the file the finding is in.
func (f jsonFinding) Path() string { return f.path }

// Msg is the finding's message in the page's language.
func (f jsonFinding) Msg() string {
	if f.lang == "en" {
		return f.MessageEN
	}
	return f.Message
}

// Msg is the check's message in the page's language.
func (c *jsonCheck) Msg() string {
	if c.lang == "en" {
		return c.MessageEN
	}
	return c.Message
}

// Label is the column's label in the page's language.
func (c *jsonCheck) Label(k jsonColumn) string {
	if c.lang == "en" {
		return k.LabelEN
	}
	return k.Label
}

var htmlLabels = map[string]map[string]string{
	"zh": {
		"title": "政府信息公开工作年度报告 批量检查结果", "generated": "生成时间", "inputs": "检查范围",
		"files": "文件", "parsed": "已检查", "failed": "无法检查", "errors": "错误", "warnings": "警告", "infos": "提示",
		"bodies": "机关", "overview": "总览", "overview_note": "按机关、年度排列；点击表头可排序。统计数字取自报告表格，空白表示未能识别。",
		"body": "机关", "year": "年度", "format": "格式", "file": "文件", "crossyear": "跨年度",
		"failed_files": "无法检查的文件", "reason": "原因", "checks": "跨年度检查",
		"checks_note": "同一机关相邻年度报告之间的核对（GD-Y 规则）。“无法判断”表示有数字未能识别或其位置是推断的，不是错误。",
		"rule":        "规则", "check": "检查", "status": "结果", "message": "说明", "years": "年度",
		"ok": "一致", "finding": "有问题", "cannot-judge": "无法判断", "none": "—",
		"details": "各报告的问题", "location": "位置", "severity": "级别", "related": "相关位置",
		"no_findings": "未发现问题。", "ungrouped": "未参加跨年度比较的报告",
		"carry-over": "结转衔接", "normative-in-force": "规范性文件现行有效", "similar-text": "内容雷同",
		"duplicate-year": "同年重复", "missing-year": "年度缺失", "family": "类别",
		"error": "错误", "warning": "警告", "info": "提示", "similar_detail": "雷同段落", "prev": "上年", "cur": "本年",
		"short-carry-over": "结转", "short-normative-in-force": "规范性文件", "short-similar-text": "雷同",
		"short-duplicate-year": "同年重复", "short-missing-year": "缺年度", "short-ungrouped": "未分组",
		"mark-ok": "✓", "mark-finding": "✗", "mark-cannot-judge": "?",
		"period": "统计期限", "published": "发布", "signed": "落款", "encoding": "编码",
		"utc": "世界协调时", "local": "本地时间",
		"lazy_note": "报告较多：点击总览中的文件查看它的问题，或用上面的筛选列出各报告的问题。", "capped": "只列出前 500 条",
		"skipped_files": "未作为年度报告检查的文件", "skipped_note": "目录中找到、但不像政府信息公开年度报告的文件（如说明文件）；如确是报告，请单独指定该文件检查。",
		"legend_doubt": "黄色底的数字是推断的：由粘连的数字按勾稽关系拆分，或按位置对应；鼠标停在数字上可看原因。",
		"filter":       "筛选问题", "filter_text": "搜索（机关、文件、规则、说明）", "all_severities": "全部级别",
		"all_rules": "全部规则", "shown": "显示", "of": "/", "findings_unit": "个问题",
	},
	"en": {
		"title": "Annual disclosure reports: batch check", "generated": "Generated", "inputs": "Inputs",
		"files": "files", "parsed": "checked", "failed": "failed", "errors": "errors", "warnings": "warnings", "infos": "infos",
		"bodies": "bodies", "overview": "Overview", "overview_note": "By body and year; click a heading to sort. Statistics come from the report's tables; blank means not read.",
		"body": "Body", "year": "Year", "format": "Format", "file": "File", "crossyear": "Cross-year",
		"failed_files": "Files that could not be checked", "reason": "Reason", "checks": "Cross-year checks",
		"checks_note": "Checks between one body's reports of consecutive years (GD-Y rules). “Cannot judge” means a value was not read or its cell was placed by inference; it is not an error.",
		"rule":        "Rule", "check": "Check", "status": "Result", "message": "Details", "years": "Years",
		"ok": "ok", "finding": "finding", "cannot-judge": "cannot judge", "none": "—",
		"details": "Findings per report", "location": "Location", "severity": "Severity", "related": "Related",
		"no_findings": "No findings.", "ungrouped": "Reports left out of the cross-year checks",
		"carry-over": "carry-over", "normative-in-force": "normative docs in force", "similar-text": "similar text",
		"duplicate-year": "duplicate year", "missing-year": "missing year", "family": "Family",
		"error": "error", "warning": "warning", "info": "info", "similar_detail": "repeated segments", "prev": "prev", "cur": "this",
		"short-carry-over": "carry-over", "short-normative-in-force": "normative", "short-similar-text": "similar",
		"short-duplicate-year": "duplicate", "short-missing-year": "gap", "short-ungrouped": "ungrouped",
		"mark-ok": "✓", "mark-finding": "✗", "mark-cannot-judge": "?",
		"period": "period", "published": "published", "signed": "signed", "encoding": "encoding",
		"utc": "UTC", "local": "local time",
		"lazy_note": "Many reports: open a file in the overview to see its findings, or filter above to list the findings of all reports.", "capped": "only the first 500 are listed",
		"skipped_files": "Files not checked as annual reports", "skipped_note": "Files found in the directories that do not look like annual reports (notes, READMEs); name a file on the command line to check it anyway.",
		"legend_doubt": "Numbers on yellow are inferred: split from glued digits by the table's balances, or placed by position; hover a number for the reason.",
		"filter":       "Filter findings", "filter_text": "Search (body, file, rule, message)", "all_severities": "All severities",
		"all_rules": "All rules", "shown": "Shown", "of": "/", "findings_unit": "findings",
	},
}

// WriteHTML writes one self-contained page (inline CSS and a few lines of
// inline script for sorting; no external assets).
func WriteHTML(w io.Writer, res *batch.Result) error {
	lazy := len(res.Reports) > htmlInlineLimit
	// a lazy page's findings are made one report at a time (writeLazyPage)
	d := documentOf(res, !lazy)
	lang := res.Lang
	if lang != "en" {
		lang = "zh"
	}
	L := htmlLabels[lang]
	v := &htmlView{Lang: lang, L: L, Doc: d}
	if lang == "en" {
		v.Lang = "en"
	} else {
		v.Lang = "zh-CN"
	}
	for _, s := range batch.StatDefs {
		if lang == "en" {
			v.Stats = append(v.Stats, s.LabelEN)
		} else {
			v.Stats = append(v.Stats, s.Label)
		}
	}
	v.addReports(d, L)
	v.addChecks(d)
	if !lazy {
		return htmlTemplate().Execute(w, v)
	}
	v.Lazy, v.DetailsJSON = true, lazyMarker
	return v.writeLazyPage(w, res)
}

// addReports fills the overview (by body, then year), the failed files, the
// per-report details and the totals per family.
func (v *htmlView) addReports(d *jsonDoc, L map[string]string) {
	totals := map[string]*batch.SeverityCounts{}
	var paths []string
	for _, r := range d.Reports {
		paths = append(paths, r.Path)
	}
	prefix := commonDir(paths)
	for i := range d.Reports {
		r := &d.Reports[i]
		row := &htmlRow{ID: "r" + strconv.Itoa(i+1), Display: strings.TrimPrefix(r.Path, prefix), R: r, Checks: r.checks}
		if r.CrossYear != "" {
			row.Status = L[string(r.CrossYear)]
		}
		v.Details = append(v.Details, row)
		if r.Error != "" {
			v.Failed = append(v.Failed, row)
			continue
		}
		v.Rows = append(v.Rows, row)
		for fam, c := range r.Counts.ByFamily {
			t := totals[fam]
			if t == nil {
				t = &batch.SeverityCounts{}
				totals[fam] = t
			}
			t.Errors += c.Errors
			t.Warnings += c.Warnings
			t.Infos += c.Infos
		}
	}
	for _, fam := range familyNames(totals) {
		v.Totals = append(v.Totals, familyTotal{fam, *totals[fam]})
	}
	sort.SliceStable(v.Rows, func(i, j int) bool {
		a, b := v.Rows[i].R, v.Rows[j].R
		if a.BodyKey != b.BodyKey {
			// reports without a body go last
			if a.BodyKey == "" || b.BodyKey == "" {
				return b.BodyKey == ""
			}
			return a.BodyKey < b.BodyKey
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Path < b.Path
	})
}

// addChecks groups the cross-year checks by body, with the body's years;
// the reports left out of them are listed apart.
func (v *htmlView) addChecks(d *jsonDoc) {
	groups := map[string]*htmlGroup{}
	for i := range d.Checks {
		c := &d.Checks[i]
		if c.Kind == batch.KindUngrouped {
			v.Loose = append(v.Loose, c)
			continue
		}
		g := groups[c.BodyKey]
		if g == nil {
			g = &htmlGroup{Name: c.Body}
			groups[c.BodyKey] = g
			v.Groups = append(v.Groups, g)
			for _, b := range d.Bodies {
				if b.Key == c.BodyKey {
					var ys []string
					for _, y := range b.Years {
						ys = append(ys, strconv.Itoa(y))
					}
					g.Years = strings.Join(ys, "、")
				}
			}
		}
		g.Checks = append(g.Checks, c)
	}
}

// commonDir is the directory prefix (with its trailing separator) that all
// paths share, or "".
func commonDir(paths []string) string {
	if len(paths) < 2 {
		if len(paths) == 1 {
			return paths[0][:strings.LastIndexAny(paths[0], `/\`)+1]
		}
		return ""
	}
	p := paths[0]
	for _, q := range paths[1:] {
		for !strings.HasPrefix(q, p) {
			p = p[:len(p)-1]
		}
	}
	return p[:strings.LastIndexAny(p, `/\`)+1]
}
