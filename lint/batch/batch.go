// Package batch checks many reports at once, as the supervising office does
// (政务公开办 checking every body's annual report): it walks directories,
// parses and lints each file on a bounded worker pool, and compares one body's
// reports of consecutive years (the GD-Y rules). report/batchreport writes
// the result as JSON, a self-contained HTML page and an XLSX workbook.
package batch

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sourcegraph/conc/pool"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/rules"
)

// Options configure a batch run. The zero value is usable.
type Options struct {
	// Workers bounds the number of files parsed, and of bodies compared
	// across years, at once; 0 means GOMAXPROCS.
	Workers int
	// Rules to run on each report; nil runs every registered rule. The GD-Y
	// cross-year rules run when Rules is nil or lists them.
	Rules []*lint.Rule
	// Lint options passed to lint.Run (today's date, deadline profile).
	Lint *lint.Options
	// Lang is the language of the HTML and XLSX labels: "zh" (default) or "en".
	Lang string
	// SimilarShare is the share of a report's prose (by characters) found
	// near-identical in the previous year's report above which GD-Y003 warns;
	// 0 means DefaultSimilarShare.
	SimilarShare float64
	// ParagraphJaccard is the Jaccard similarity of shingles from which two
	// paragraphs count as near-identical; 0 means DefaultParagraphJaccard.
	ParagraphJaccard float64
	// Config, when set, gives the configuration that applies to a file (the
	// check command's .gdlint.toml and --select/--ignore): a GD-Y rule runs
	// on a pair of reports when the later report's config selects it, at the
	// severity that config gives. Nil: Rules decides, at default severities.
	Config func(path string) *lint.Config
	// Skipped are the files the caller left out as not annual reports (the
	// check command's directory walk), listed in the outputs with the reason.
	Skipped []Skipped
	// parse replaces input.ParseFile in tests (to exercise panics).
	parse func(path string) (*grammar.Report, error)
}

func (o *Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o *Options) lang() string {
	if o.Lang == "en" {
		return "en"
	}
	return "zh"
}

// Result is everything a batch run found. Its JSON form is documented in
// report/batchreport/json.go.
type Result struct {
	Inputs  []string
	Now     time.Time
	Lang    string
	Reports []*Report // sorted by path
	Bodies  []*Body   // sorted by normalised name
	Checks  []*Check  // cross-year checks, by body, year, rule
	// Skipped are files left out as not annual reports, sorted by path.
	Skipped []Skipped
	opts    Options
	byPath  map[string]*Report
}

// Skipped is a file a directory walk found that was not taken for an
// annual report (lint.JudgeReport), and why.
type Skipped struct {
	Path       string
	Why, WhyEN string
}

// Report is one input file and what the batch learned from it.
type Report struct {
	Path string
	// Err is set when the file could not be read, decoded or parsed; the
	// other fields are then empty.
	Err error

	Encoding  string
	Rendering string
	Format    string
	// Body is the reporting body as written; BodyKey its normalised form,
	// which groups reports of one body; BodyFrom says where it was read
	// ("title", "signature", or "" when none was found).
	Body     string
	BodyKey  string
	BodyFrom string
	Year     int
	YearFrom string // "title", "period" or ""
	Period   *[2]grammar.Date
	// Published is the web page's 发布时间 / 公开日期; Signed the signature date.
	Published *grammar.Date
	Signed    *grammar.Date

	Stats       Stats
	Diagnostics []lint.Diagnostic
	// Counts are per severity, and per family and severity.
	Counts Counts

	// src is the document the spans point into; year what the GD-Y rules
	// read of it. The parse itself is not kept: a batch of thousands of
	// reports would hold every table and paragraph to the end.
	doc  storedText
	year rules.YearReport
	// yearData, when a store holds it, is what year is without (its cells
	// and the layout of its prose): read back for a report of the year
	// before or after
	yearData storedRecord
	// spilled are findings SpillFindings moved out of Diagnostics
	spilled storedFindings
}

// Source returns the document the report's spans point into (nil for a
// file that failed). When the batch keeps texts in a TextStore, each call
// reads the text back and makes a new Source.
func (r *Report) Source() *grammar.Source { return r.doc.source() }

// SourceThrough is Source for spans that end by byte off: a text kept in a
// TextStore is read back only through the line that holds off (a report's
// cross-year findings mostly point at its title), which gives those spans
// the same positions and source lines as the whole text.
func (r *Report) SourceThrough(off int) *grammar.Source { return r.doc.sourceThrough(off) }

// Counts of findings.
type Counts struct {
	Errors, Warnings, Infos int
	ByFamily                map[string]*SeverityCounts
}

// SeverityCounts are the findings of one family.
type SeverityCounts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

func (c *Counts) add(d *lint.Diagnostic) {
	fam := FamilyOf(d.Rule)
	if c.ByFamily == nil {
		c.ByFamily = map[string]*SeverityCounts{}
	}
	f := c.ByFamily[fam]
	if f == nil {
		f = &SeverityCounts{}
		c.ByFamily[fam] = f
	}
	switch d.Severity {
	case lint.Error:
		c.Errors++
		f.Errors++
	case lint.Warning:
		c.Warnings++
		f.Warnings++
	default:
		c.Infos++
		f.Infos++
	}
}

// familyCounts are the findings of one family, as a store keeps them.
type familyCounts struct {
	family string
	SeverityCounts
}

// addFamily adds the counts of one family.
func (c *Counts) addFamily(fc familyCounts) {
	if c.ByFamily == nil {
		c.ByFamily = map[string]*SeverityCounts{}
	}
	f := c.ByFamily[fc.family]
	if f == nil {
		f = &SeverityCounts{}
		c.ByFamily[fc.family] = f
	}
	c.Errors += fc.Errors
	c.Warnings += fc.Warnings
	c.Infos += fc.Infos
	f.Errors += fc.Errors
	f.Warnings += fc.Warnings
	f.Infos += fc.Infos
}

// FamilyOf names a rule's family; unknown IDs fall back to their prefix.
func FamilyOf(id string) string {
	if r := lint.RuleByID(id); r != nil {
		return string(r.Family)
	}
	for fam, p := range lint.FamilyPrefix {
		if strings.HasPrefix(id, p) {
			return string(fam)
		}
	}
	if i := strings.LastIndexAny(id, "0123456789"); i > 0 {
		return strings.TrimRight(id, "0123456789")
	}
	return id
}

// Body groups the reports of one reporting body.
type Body struct {
	Key     string
	Name    string // the most frequent spelling
	Years   []int  // distinct years, ascending
	Reports []*Report
}

// Run walks paths (files, or directories searched recursively for
// input.Extensions), parses and lints every file on a bounded pool, then runs the
// cross-year checks. A file that cannot be read or parsed gets a Report with
// Err set; the run goes on. The error result is reserved for unusable options.
func Run(paths []string, opts *Options) (*Result, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.SimilarShare < 0 || o.SimilarShare > 1 || o.ParagraphJaccard < 0 || o.ParagraphJaccard > 1 {
		return nil, errors.New("batch: similarity thresholds must lie between 0 and 1")
	}
	if o.Lint == nil {
		o.Lint = &lint.Options{}
	}
	now := o.Lint.Now
	if now.IsZero() {
		now = time.Now()
	}
	res := &Result{Inputs: append([]string(nil), paths...), Now: now, Lang: o.lang(), opts: o,
		Skipped: append([]Skipped(nil), o.Skipped...)}

	files, walkErrs := collect(paths)
	res.Reports = make([]*Report, len(files))
	p := pool.New().WithMaxGoroutines(o.workers())
	for i, f := range files {
		p.Go(func() { res.Reports[i] = checkFile(f, &o) })
	}
	p.Wait()
	res.Reports = append(res.Reports, walkErrs...)
	res.finish()
	return res, nil
}

// FromFiles builds a batch result from files the check command has already
// parsed and linted (lint.Check), so that the batch outputs show exactly
// the findings of that run under its configuration; the cross-year checks
// are added. Results without a document and without an error (a config
// file's own findings) are left out.
func FromFiles(inputs []string, files []*lint.FileResult, opts *Options) (*Result, error) {
	var reports []*Report
	for _, f := range files {
		if r := Summarize(f, nil); r != nil {
			r.Diagnostics = f.Diagnostics
			reports = append(reports, r)
		}
	}
	return FromReports(inputs, reports, opts)
}

// Summarize reads of a checked file what the batch shows and what the
// cross-year checks read, so that the caller may drop the parse
// (FileResult.Report) at once and call FromReports when every file is
// checked. The findings are not copied: the caller sets Diagnostics. Nil
// for a result with neither a document nor an error.
//
// With a store, the report's text goes into it and is read back when
// needed; nil keeps the Source in memory.
func Summarize(f *lint.FileResult, store *TextStore) *Report { return summarize(f, store, true) }

// SummarizeForYears is Summarize without the statistics (Report.Stats) that
// only the batch outputs show: what a check of several files that writes
// none of them reads.
func SummarizeForYears(f *lint.FileResult, store *TextStore) *Report {
	return summarize(f, store, false)
}

func summarize(f *lint.FileResult, store *TextStore, stats bool) *Report {
	switch {
	case f == nil || f.Err == nil && f.Report == nil:
		return nil
	case f.Err != nil:
		return &Report{Path: f.Path, Err: f.Err}
	}
	r := describe(f.Path, f.Report, stats)
	if store != nil {
		r.doc = store.put(f.Report.Source)
		if r.doc.store != nil {
			r.doc.keepHead(f.Report.Source.Text, r.year.Anchor.End)
			r.year = r.year.TextFrom(r.doc.textReused)
			if rec, ok := store.putRecord(r.year.AppendData(nil)); ok {
				r.yearData, r.year = rec, r.year.WithoutData()
			}
		}
	}
	return r
}

// FromReports builds a batch result from reports that Summarize read, each
// with its findings in Diagnostics; the cross-year checks are added (to a
// copy of the findings when there are any: the caller's slices are not
// changed).
func FromReports(inputs []string, reports []*Report, opts *Options) (*Result, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.SimilarShare < 0 || o.SimilarShare > 1 || o.ParagraphJaccard < 0 || o.ParagraphJaccard > 1 {
		return nil, errors.New("batch: similarity thresholds must lie between 0 and 1")
	}
	now := time.Now()
	if o.Lint != nil && !o.Lint.Now.IsZero() {
		now = o.Lint.Now
	}
	res := &Result{Inputs: append([]string(nil), inputs...), Now: now, Lang: o.lang(), opts: o,
		Skipped: append([]Skipped(nil), o.Skipped...)}
	sort.SliceStable(res.Skipped, func(i, j int) bool { return res.Skipped[i].Path < res.Skipped[j].Path })
	for _, r := range reports {
		if r == nil {
			continue
		}
		if r.Err == nil {
			// the cross-year findings are appended to a clipped slice: a
			// new array for the few reports that get one, no copy of the
			// thousands that do not
			r.Diagnostics = slices.Clip(r.Diagnostics)
		}
		res.Reports = append(res.Reports, r)
	}
	res.finish()
	return res, nil
}

// finish orders the reports, runs the cross-year checks and counts.
func (res *Result) finish() {
	sort.SliceStable(res.Reports, func(i, j int) bool { return res.Reports[i].Path < res.Reports[j].Path })
	res.byPath = make(map[string]*Report, len(res.Reports))
	for _, r := range res.Reports {
		if _, dup := res.byPath[r.Path]; !dup {
			res.byPath[r.Path] = r
		}
	}
	res.group()
	res.crossYear()
	for _, r := range res.Reports {
		if !sort.SliceIsSorted(r.Diagnostics, func(i, j int) bool { return lint.DiagnosticLess(&r.Diagnostics[i], &r.Diagnostics[j]) }) {
			// a copy: the slice may be the caller's (FromReports)
			r.Diagnostics = slices.Clone(r.Diagnostics)
			lint.SortDiagnostics(r.Diagnostics)
		}
		// the spilled findings were counted when they were stored: they
		// are not read back to be counted
		r.Counts = Counts{}
		for _, fc := range r.spilled.counts {
			r.Counts.addFamily(fc)
		}
		for i := range r.Diagnostics {
			r.Counts.add(&r.Diagnostics[i])
		}
	}
}

// collect expands paths into the list of files to check (the same walk as
// the check command: fileio.ExpandPaths), and error entries for paths that
// cannot be walked.
func collect(paths []string) ([]string, []*Report) {
	files, errs := fileio.ExpandPaths(paths)
	var bad []*Report
	for _, err := range errs {
		var fe *fileio.FileError
		if errors.As(err, &fe) {
			bad = append(bad, &Report{Path: filepath.Clean(fe.Path), Err: fe.Err})
			continue
		}
		bad = append(bad, &Report{Err: err})
	}
	sort.Strings(files)
	return files, bad
}

// checkFile parses and lints one file. A panic in the parser or a rule is
// turned into an error entry for this file: one bad report must not take the
// batch down.
func checkFile(path string, o *Options) (r *Report) {
	r = &Report{Path: path}
	defer func() {
		if v := recover(); v != nil {
			*r = Report{Path: path, Err: fmt.Errorf("internal error while checking this file (please report it): %v", v)}
		}
	}()
	parse := input.ParseFile
	if o.parse != nil {
		parse = o.parse
	}
	rep, err := parse(path)
	if err != nil {
		r.Err = err
		return r
	}
	if rep == nil || rep.Source == nil {
		r.Err = errors.New("the reader returned no document")
		return r
	}
	*r = *describe(path, rep, true)
	r.Diagnostics = lint.Run(rep, o.Rules, o.Lint)
	return r
}

// describe reads what the batch shows of a parsed report: body, year,
// dates and, with stats, the key statistics.
func describe(path string, rep *grammar.Report, stats bool) *Report {
	r := &Report{Path: path, doc: storedText{src: rep.Source}}
	r.Encoding = rep.Source.Encoding.String()
	r.Rendering = rep.Rendering
	r.Format = string(rep.Format)
	if rep.Title != nil && rep.Title.Body != "" {
		r.Body, r.BodyFrom = strings.Clone(rep.Title.Body), "title"
	} else if rep.Signature != nil && rep.Signature.Body != "" {
		r.Body, r.BodyFrom = strings.Clone(rep.Signature.Body), "signature"
	}
	r.BodyKey = NormalizeBody(r.Body)
	if rep.Title != nil && rep.Title.Year > 0 {
		r.Year, r.YearFrom = rep.Title.Year, "title"
	} else if rep.Period != nil && rep.Period.Start.Year > 0 {
		r.Year, r.YearFrom = rep.Period.Start.Year, "period"
	}
	if rep.Period != nil {
		r.Period = &[2]grammar.Date{rep.Period.Start.Date, rep.Period.End.Date}
	}
	if rep.Publication != nil {
		d := rep.Publication.Date
		r.Published = &d
	}
	if rep.Signature != nil && rep.Signature.Date != nil {
		d := rep.Signature.Date.Date
		r.Signed = &d
	}
	if stats {
		r.Stats = readStats(rep)
	}
	r.year = rules.SummarizeYear(path, r.Year, rep)
	return r
}

// DropYearData frees what only the cross-year checks read of each report
// (its prose and the cells they compare) once FromReports has run them:
// the batch outputs read none of it, and for 8,000 reports it is about
// 10 MB. FromReports must not be run again on these reports.
func (res *Result) DropYearData() {
	for _, r := range res.Reports {
		r.year, r.yearData = rules.YearReport{}, storedRecord{}
	}
}

// Failed returns the reports that could not be read or parsed.
func (res *Result) Failed() []*Report {
	var out []*Report
	for _, r := range res.Reports {
		if r.Err != nil {
			out = append(out, r)
		}
	}
	return out
}

// Totals sums the findings of every report.
func (res *Result) Totals() Counts {
	var c Counts
	for _, r := range res.Reports {
		for _, d := range r.Findings() {
			c.add(&d)
		}
	}
	return c
}

// ByPath returns the report with the given path, or nil.
func (res *Result) ByPath(path string) *Report {
	return res.byPath[path]
}
