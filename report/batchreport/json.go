package batchreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
)

// SchemaVersion is the version of the JSON document WriteJSON produces. It
// changes only when a field is removed or changes meaning; new fields may be
// added within a version.
//
// The document (every key always present unless marked optional):
//
//	{
//	  "schema": 1, "tool": "gdlint", "generated": "2026-03-01T00:00:00Z",
//	  "inputs": ["reports/"],
//	  "summary": {"files", "parsed", "failed", "errors", "warnings", "infos", "bodies",
//	              "cross_year": {"ok", "finding", "cannot_judge"}},
//	  "reports": [{                          // sorted by path
//	    "path", "error" (optional: why the file could not be checked; nothing below then),
//	    "encoding" (utf-8 | utf-8-bom | gb18030), "rendering", "format" (2021 | 2019 | ""),
//	    "body", "body_key" (normalised, groups a body's reports), "body_from" (title | signature | ""),
//	    "year" (0 when unknown), "year_from" (title | period | ""),
//	    "period": {"start", "end"} (optional), "published", "signed" (optional, YYYY-MM-DD),
//	    "counts": {"errors", "warnings", "infos", "by_family": {"tables": {"errors", "warnings", "infos"}, …}},
//	    "stats": {"requests_new": Value, …}     // keys of batch.StatDefs; absent when not read
//	    "cross_year": "ok" | "finding" | "cannot-judge" | ""   // worst status of the checks on it
//	    "diagnostics": [Finding]
//	  }],
//	  "bodies": [{"key", "name", "years": [2021, 2022], "reports": [path]}],
//	  "checks": [{                           // by body, year, rule
//	    "kind" (carry-over | normative-in-force | similar-text | duplicate-year | missing-year | ungrouped),
//	    "rule" (GD-Y…, "" for ungrouped), "body", "body_key", "year", "prev_year", "path", "prev_path",
//	    "status" (ok | finding | cannot-judge), "message", "message_en",
//	    "columns": [{"key", "label", "label_en", "prev": Value, "cur": Value, "status"}] (optional),
//	    "similarity": {"share", "segments", "identical", "chars", "identical_chars", "threshold",
//	                   "jaccard", "matches": [{"line", "column", "prev_line", "prev_column", "jaccard"}]} (optional),
//	    "missing": [2022] (optional)
//	  }],
//	  "skipped": [{"path", "reason", "reason_en"}]   // walked files not taken for annual reports
//	}
//
//	Value:   {"value": 3, "text": "3", "line", "column", "doubt" (optional)}
//	Finding: {"rule", "family", "severity" (error | warning | info), "message", "message_en",
//	          "line", "column", "end_line", "end_column", "offset", "end_offset", "text",
//	          "fixes" (number of fixes offered), "related": [{"path", "line", "column", "message"}]}
//
// Lines and columns are 1-based; columns count Unicode characters (code
// points), as the CLI prints them; offsets are bytes of the decoded UTF-8 text.
const SchemaVersion = 1

type jsonDoc struct {
	Schema    int          `json:"schema"`
	Tool      string       `json:"tool"`
	Generated time.Time    `json:"generated"`
	Inputs    []string     `json:"inputs"`
	Summary   jsonSummary  `json:"summary"`
	Reports   []jsonReport `json:"reports"`
	Bodies    []jsonBody   `json:"bodies"`
	Checks    []jsonCheck  `json:"checks"`
	Skipped   []jsonSkip   `json:"skipped"`
}

// jsonSkip is a file left out as not an annual report.
type jsonSkip struct {
	Path     string `json:"path"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
}

type jsonSummary struct {
	Files     int            `json:"files"`
	Parsed    int            `json:"parsed"`
	Failed    int            `json:"failed"`
	Errors    int            `json:"errors"`
	Warnings  int            `json:"warnings"`
	Infos     int            `json:"infos"`
	Bodies    int            `json:"bodies"`
	CrossYear map[string]int `json:"cross_year"`
}

type jsonReport struct {
	Path        string                           `json:"path"`
	Error       string                           `json:"error,omitempty"`
	Encoding    string                           `json:"encoding,omitempty"`
	Rendering   string                           `json:"rendering,omitempty"`
	Format      string                           `json:"format"`
	Body        string                           `json:"body"`
	BodyKey     string                           `json:"body_key"`
	BodyFrom    string                           `json:"body_from"`
	Year        int                              `json:"year"`
	YearFrom    string                           `json:"year_from"`
	Period      *jsonPeriod                      `json:"period,omitempty"`
	Published   string                           `json:"published,omitempty"`
	Signed      string                           `json:"signed,omitempty"`
	Counts      jsonCounts                       `json:"counts"`
	Stats       map[string]*jsonValue            `json:"stats"`
	CrossYear   batch.Status                     `json:"cross_year"`
	Diagnostics []jsonFinding                    `json:"diagnostics"`
	statsList   []*jsonValue                     // in batch.StatDefs order, for HTML and XLSX
	checks      []*jsonCheck                     // the checks on this report
	families    map[string]*batch.SeverityCounts // alias of Counts.ByFamily
}

type jsonPeriod struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

type jsonCounts struct {
	Errors   int                              `json:"errors"`
	Warnings int                              `json:"warnings"`
	Infos    int                              `json:"infos"`
	ByFamily map[string]*batch.SeverityCounts `json:"by_family"`
}

type jsonValue struct {
	Value  float64 `json:"value"`
	Text   string  `json:"text"`
	Line   int     `json:"line"`
	Column int     `json:"column"`
	Doubt  string  `json:"doubt,omitempty"`
	start  int     // the byte offset Line and Column are made from
}

type jsonFinding struct {
	Rule      string        `json:"rule"`
	Family    string        `json:"family"`
	Severity  lint.Severity `json:"severity"`
	Message   string        `json:"message"`
	MessageEN string        `json:"message_en"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"end_line"`
	EndColumn int           `json:"end_column"`
	Offset    int           `json:"offset"`
	EndOffset int           `json:"end_offset"`
	Text      string        `json:"text"`
	Fixes     int           `json:"fixes"`
	Related   []jsonRelated `json:"related"`
	path      string
	lang      string
}

type jsonRelated struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonBody struct {
	Key     string   `json:"key"`
	Name    string   `json:"name"`
	Years   []int    `json:"years"`
	Reports []string `json:"reports"`
}

type jsonCheck struct {
	Kind       string          `json:"kind"`
	Rule       string          `json:"rule"`
	Body       string          `json:"body"`
	BodyKey    string          `json:"body_key"`
	Year       int             `json:"year"`
	PrevYear   int             `json:"prev_year"`
	Path       string          `json:"path"`
	PrevPath   string          `json:"prev_path"`
	Status     batch.Status    `json:"status"`
	Message    string          `json:"message"`
	MessageEN  string          `json:"message_en"`
	Columns    []jsonColumn    `json:"columns,omitempty"`
	Similarity *jsonSimilarity `json:"similarity,omitempty"`
	Missing    []int           `json:"missing,omitempty"`
	lang       string
}

type jsonColumn struct {
	Key     string       `json:"key"`
	Label   string       `json:"label"`
	LabelEN string       `json:"label_en"`
	Prev    *jsonValue   `json:"prev"`
	Cur     *jsonValue   `json:"cur"`
	Status  batch.Status `json:"status"`
}

type jsonSimilarity struct {
	Share          float64     `json:"share"`
	Segments       int         `json:"segments"`
	Identical      int         `json:"identical"`
	Chars          int         `json:"chars"`
	IdenticalChars int         `json:"identical_chars"`
	Threshold      float64     `json:"threshold"`
	Jaccard        float64     `json:"jaccard"`
	Matches        []jsonMatch `json:"matches"`
}

type jsonMatch struct {
	Line       int     `json:"line"`
	Column     int     `json:"column"`
	PrevLine   int     `json:"prev_line"`
	PrevColumn int     `json:"prev_column"`
	Jaccard    float64 `json:"jaccard"`
}

// pos converts a byte offset to a 1-based line and character column.
func pos(src *grammar.Source, off int) (int, int) {
	if src == nil {
		return 0, 0
	}
	p := src.CharPos(off)
	return p.Line + 1, p.Col + 1
}

// excerpt is the text of a span, shortened for tables.
func excerpt(src *grammar.Source, sp grammar.Span, limit int) string {
	if src == nil || sp.Start < 0 || sp.End > len(src.Text) || sp.Start >= sp.End {
		return ""
	}
	s := src.Slice(sp)
	if plainExcerpt(s, limit) {
		return s // most spans: nothing to fold or cut, and no copy made
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = string(r[:limit]) + "…"
	}
	return s
}

// plainExcerpt tells whether s has no white space (as strings.Fields
// sees it) and at most limit characters: its excerpt is s itself.
func plainExcerpt(s string, limit int) bool {
	n := 0
	for i := 0; i < len(s); n++ {
		if n == limit {
			return false
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c == ' ' || c >= '\t' && c <= '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}

func jvalue(src *grammar.Source, v *batch.Value) *jsonValue {
	if v == nil {
		return nil
	}
	l, c := pos(src, v.Span.Start)
	return &jsonValue{Value: v.Value, Text: v.Text, Line: l, Column: c, Doubt: v.Doubt}
}

// document builds the serialisable view of the result that every writer
// (JSON, HTML, XLSX) reads, with positions resolved once.
func document(res *batch.Result) *jsonDoc {
	d := documentOf(res, true)
	for i := range d.Reports {
		d.Reports[i].withStats()
	}
	return d
}

// documentOf is document with each report's findings (jsonReport.Diagnostics)
// and the positions of its statistics when findings is set, else with
// neither: WriteJSON adds them one report at a time, reading each report's
// text once for both; the workbook and the lazy page use neither.
func documentOf(res *batch.Result, findings bool) *jsonDoc {
	d := &jsonDoc{Schema: SchemaVersion, Tool: "gdlint", Generated: res.Now.UTC().Truncate(time.Second), Inputs: res.Inputs,
		Summary: jsonSummary{CrossYear: map[string]int{"ok": 0, "finding": 0, "cannot_judge": 0}},
		Reports: make([]jsonReport, 0, len(res.Reports)), Bodies: []jsonBody{}, Checks: []jsonCheck{}, Skipped: []jsonSkip{}}
	for _, s := range res.Skipped {
		d.Skipped = append(d.Skipped, jsonSkip{Path: s.Path, Reason: s.Why, ReasonEN: s.WhyEN})
	}
	if d.Inputs == nil {
		d.Inputs = []string{}
	}
	sources := newSourceCache(res)
	index := map[*batch.Report]int{}
	for _, r := range res.Reports {
		index[r] = len(d.Reports)
		jr := jreport(r)
		if findings {
			jr.statsAt(sources)
			jr.Diagnostics = jfindings(nil, r, sources, res.Lang, true)
		}
		d.Reports = append(d.Reports, jr)
		d.Summary.Files++
		if r.Err != nil {
			d.Summary.Failed++
			continue
		}
		d.Summary.Parsed++
		d.Summary.Errors += r.Counts.Errors
		d.Summary.Warnings += r.Counts.Warnings
		d.Summary.Infos += r.Counts.Infos
	}
	for _, b := range res.Bodies {
		jb := jsonBody{Key: b.Key, Name: b.Name, Years: b.Years}
		for _, r := range b.Reports {
			jb.Reports = append(jb.Reports, r.Path)
		}
		d.Bodies = append(d.Bodies, jb)
	}
	d.Summary.Bodies = len(d.Bodies)
	for _, c := range res.Checks {
		jc := jsonCheck{Kind: c.Kind, Rule: c.Rule, Body: c.Body, BodyKey: c.BodyKey, Year: c.Year, PrevYear: c.PrevYear,
			Status: c.Status, Message: c.Message, MessageEN: c.MessageEN, Missing: c.Missing, lang: res.Lang}
		var src, prevSrc *grammar.Source
		// the texts are read back only for the positions of values and
		// matches: a check with neither (a duplicate year) needs none
		read := len(c.Columns) > 0 || (c.Similar != nil && len(c.Similar.Matches) > 0)
		if c.Report != nil {
			jc.Path = c.Report.Path
			if read {
				src = sources.of(c.Report.Path)
			}
		}
		if c.Prev != nil {
			jc.PrevPath = c.Prev.Path
			if read {
				prevSrc = sources.of(c.Prev.Path)
			}
		}
		for _, k := range c.Columns {
			jc.Columns = append(jc.Columns, jsonColumn{Key: k.Key, Label: k.Label, LabelEN: k.LabelEN,
				Prev: jvalue(prevSrc, k.Prev), Cur: jvalue(src, k.Cur), Status: k.Status})
		}
		if s := c.Similar; s != nil {
			js := &jsonSimilarity{Share: round(s.Share, 4), Segments: s.Segments, Identical: s.Identical, Chars: s.Chars,
				IdenticalChars: s.IdenticalChars, Threshold: s.Threshold, Jaccard: s.Jaccard, Matches: []jsonMatch{}}
			for _, m := range s.Matches {
				l, col := pos(src, m.Span.Start)
				pl, pc := pos(prevSrc, m.PrevSpan.Start)
				js.Matches = append(js.Matches, jsonMatch{Line: l, Column: col, PrevLine: pl, PrevColumn: pc, Jaccard: round(m.Jaccard, 4)})
			}
			jc.Similarity = js
		}
		switch c.Status {
		case batch.StatusOK:
			d.Summary.CrossYear["ok"]++
		case batch.StatusFinding:
			d.Summary.CrossYear["finding"]++
		default:
			d.Summary.CrossYear["cannot_judge"]++
		}
		d.Checks = append(d.Checks, jc)
	}
	for i := range d.Checks {
		c := &d.Checks[i]
		if r := res.ByPath(c.Path); r != nil && c.Path != "" {
			jr := &d.Reports[index[r]]
			jr.checks = append(jr.checks, c)
			jr.CrossYear = worse(jr.CrossYear, c.Status)
		}
	}
	return d
}

// worse orders statuses finding > cannot-judge > ok > "".
func worse(a, b batch.Status) batch.Status {
	rank := map[batch.Status]int{"": 0, batch.StatusOK: 1, batch.StatusCannotJudge: 2, batch.StatusFinding: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

func round(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	if v < 0 {
		return -float64(int64(-v*p+0.5)) / p
	}
	return float64(int64(v*p+0.5)) / p
}

func jreport(r *batch.Report) jsonReport {
	jr := jsonReport{Path: r.Path, Diagnostics: []jsonFinding{},
		Counts: jsonCounts{ByFamily: map[string]*batch.SeverityCounts{}}}
	if r.Err != nil {
		jr.Error = r.Err.Error()
		jr.statsList = make([]*jsonValue, len(batch.StatDefs))
		return jr
	}
	jr.Encoding, jr.Rendering, jr.Format = r.Encoding, r.Rendering, r.Format
	jr.Body, jr.BodyKey, jr.BodyFrom, jr.Year, jr.YearFrom = r.Body, r.BodyKey, r.BodyFrom, r.Year, r.YearFrom
	if r.Period != nil {
		jr.Period = &jsonPeriod{Start: r.Period[0].String(), End: r.Period[1].String()}
	}
	if r.Published != nil {
		jr.Published = r.Published.String()
	}
	if r.Signed != nil {
		jr.Signed = r.Signed.String()
	}
	jr.Counts.Errors, jr.Counts.Warnings, jr.Counts.Infos = r.Counts.Errors, r.Counts.Warnings, r.Counts.Infos
	if r.Counts.ByFamily != nil {
		jr.Counts.ByFamily = r.Counts.ByFamily
	}
	jr.families = jr.Counts.ByFamily
	for _, def := range batch.StatDefs {
		var v *jsonValue
		if s := r.Stats[def.Key]; s != nil {
			v = &jsonValue{Value: s.Value, Text: s.Text, Doubt: s.Doubt, start: s.Span.Start}
		}
		jr.statsList = append(jr.statsList, v)
	}
	return jr
}

// statsAt resolves the lines and columns of the report's statistics.
func (jr *jsonReport) statsAt(sources *sourceCache) {
	var src *grammar.Source
	for _, v := range jr.statsList {
		if v == nil {
			continue
		}
		if src == nil {
			src = sources.of(jr.Path)
		}
		v.Line, v.Column = pos(src, v.start)
	}
}

// withStats fills Stats, the JSON form of statsList: only while the
// report is encoded (a map per report would cost MBs for thousands).
func (jr *jsonReport) withStats() {
	jr.Stats = make(map[string]*jsonValue, len(jr.statsList))
	for i, v := range jr.statsList {
		if v != nil {
			jr.Stats[batch.StatDefs[i].Key] = v
		}
	}
}

// jfindings are the findings of a report as the JSON document lists them;
// without ends, their end lines and columns are left 0 (the workbook and
// the lazy page show none).
// They are appended to out[:0]: a writer that is done with a report's
// findings before the next report's passes the same out again (nil: new).
func jfindings(out []jsonFinding, r *batch.Report, sources *sourceCache, lang string, ends bool) []jsonFinding {
	ds := r.Findings()
	if out == nil {
		out = make([]jsonFinding, 0, len(ds)) // empty, not nil, when there are none
	} else {
		out = slices.Grow(out[:0], len(ds))
	}
	src := sources.of(r.Path)
	for _, dg := range ds {
		f := jsonFinding{Rule: dg.Rule, Family: batch.FamilyOf(dg.Rule), Severity: dg.Severity, Message: dg.Message, MessageEN: dg.MessageEN,
			Offset: dg.Span.Start, EndOffset: dg.Span.End, Text: excerpt(src, dg.Span, 40), Fixes: len(dg.Fixes),
			Related: []jsonRelated{}, path: r.Path, lang: lang}
		if f.MessageEN == "" {
			f.MessageEN = f.Message
		}
		f.Line, f.Column = pos(src, dg.Span.Start)
		if ends {
			f.EndLine, f.EndColumn = pos(src, dg.Span.End)
		}
		for _, rel := range dg.Related {
			p := rel.Path
			if p == "" {
				p = r.Path
			}
			l, c := pos(sources.through(p, rel.Span.Start), rel.Span.Start)
			f.Related = append(f.Related, jsonRelated{Path: p, Line: l, Column: c, Message: rel.Message})
		}
		out = append(out, f)
	}
	return out
}

// WriteJSON writes the result as one JSON document (see SchemaVersion).
// The reports' findings, most of the document, are made and written one
// report at a time, laid out as one encoder of the whole document would;
// the reports and the checks are written by appendReportHead,
// appendFindings and appendCheck (jsonenc.go), the rest by encoding/json.
func WriteJSON(w io.Writer, res *batch.Result) error {
	d := documentOf(res, false)
	reports, checks := d.Reports, d.Checks
	d.Reports, d.Checks = []jsonReport{}, []jsonCheck{}
	var head bytes.Buffer
	if err := newJSONEncoder(&head, "").Encode(d); err != nil {
		return err
	}
	// no string value can hold these lines: quotes inside strings are escaped
	h := head.Bytes()
	const reportsMarker, checksMarker = "\n  \"reports\": [],\n", "\n  \"checks\": [],\n"
	reportsAt, checksAt := bytes.Index(h, []byte(reportsMarker)), bytes.Index(h, []byte(checksMarker))
	if reportsAt < 0 || checksAt < reportsAt {
		return errors.New("batch JSON: the document lost the place of its reports or checks")
	}
	bw := bufio.NewWriter(w)
	bw.Write(h[:reportsAt])
	bw.WriteString("\n  \"reports\": [")
	sources := newSourceCache(res)
	var b []byte
	var found []jsonFinding // reused from report to report
	for i := range reports {
		jr := &reports[i]
		jr.statsAt(sources) // reads the text jfindings reads below
		var ok bool
		if b, ok = appendReportHead(b[:0], jr); !ok {
			jr.withStats()
			_, err := json.Marshal(jr) // its error
			return err
		}
		found = jfindings(found, res.Reports[i], sources, res.Lang, true)
		b = append(b, `"diagnostics": `...)
		b = appendFindings(b, found)
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(b)
		bw.WriteString("\n    }")
	}
	endArray(bw, len(reports))
	bw.Write(h[reportsAt+len(reportsMarker) : checksAt])
	bw.WriteString("\n  \"checks\": [")
	for i := range checks {
		var ok bool
		if b, ok = appendCheck(b[:0], &checks[i]); !ok {
			_, err := json.Marshal(&checks[i]) // its error
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	endArray(bw, len(checks))
	bw.Write(h[checksAt+len(checksMarker):])
	return bw.Flush()
}

// endArray closes a member array of the document of n elements, opened by
// its "[".
func endArray(bw *bufio.Writer, n int) {
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
}

// newJSONEncoder indents by two spaces after prefix and leaves <, > and &
// as they are.
func newJSONEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}

// familyNames lists the families present in a set of counts, in a fixed order.
func familyNames(m map[string]*batch.SeverityCounts) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sourceCache gives the documents of a batch's reports by path, keeping the
// few read last: when the batch keeps its texts in a temporary file
// (batch.TextStore), each Source() reads one back, and the outputs go
// through the reports in turn.
type sourceCache struct {
	res    *batch.Result
	recent []cachedSource // most recent last
}

type cachedSource struct {
	path  string
	src   *grammar.Source
	whole bool // else the text only through some line (through)
}

const sourceCacheSize = 8

func newSourceCache(res *batch.Result) *sourceCache { return &sourceCache{res: res} }

// of returns the document of the report at path (nil when there is none).
func (c *sourceCache) of(path string) *grammar.Source {
	for i := len(c.recent) - 1; i >= 0; i-- {
		if c.recent[i].path == path && c.recent[i].whole {
			return c.recent[i].src
		}
	}
	r := c.res.ByPath(path)
	if r == nil {
		return nil
	}
	src := r.Source()
	c.keep(cachedSource{path, src, true})
	return src
}

// through returns a document of the report at path in which the offsets
// up to off have their line and column (nil when there is none): a related
// location in another report (another year's duplicate, cited by each of
// thousands of findings) has only the text through its line read back.
func (c *sourceCache) through(path string, off int) *grammar.Source {
	for i := len(c.recent) - 1; i >= 0; i-- {
		if e := c.recent[i]; e.path == path && (e.whole || e.src != nil && off < len(e.src.Text)) {
			return e.src
		}
	}
	r := c.res.ByPath(path)
	if r == nil {
		return nil
	}
	src := r.SourceThrough(off)
	c.keep(cachedSource{path, src, false})
	return src
}

func (c *sourceCache) keep(e cachedSource) {
	if len(c.recent) == sourceCacheSize {
		c.recent = append(c.recent[:0], c.recent[1:]...)
	}
	c.recent = append(c.recent, e)
}
