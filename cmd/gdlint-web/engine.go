package main

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
	_ "github.com/gdlint/gdlint/lint/rules" // the rules register themselves
	"github.com/gdlint/gdlint/report"
)

// engine holds the documents the page has loaded and checks them exactly as
// `gdlint check` does with the default configuration: the same parse, the
// same rules, the same positions. It knows nothing of the browser (main_js.go
// wires it to JavaScript), so it is tested natively.
type engine struct {
	cfg  *lint.Config
	opts *lint.Options
	docs []*document
	// batch is the batch run over the loaded documents: what the overview
	// shows of each; compared says it ran the cross-year checks (two
	// reports or more, as the CLI).
	batch    *batch.Result
	compared bool
}

// document is one loaded file: its bytes as loaded and as now (after the
// fixes applied in the page), and the result of checking the current bytes.
type document struct {
	ID   int
	Name string
	// Original is the file as loaded; Raw the current bytes in the same
	// encoding (equal to Original until a fix is applied).
	Original, Raw []byte
	// Result is the check of Raw; its Diagnostics include the cross-year
	// findings (GD-Y) that the loaded documents give, as with `gdlint check`
	// on several files. Own are the findings of this document alone.
	Result *lint.FileResult
	Own    []lint.Diagnostic
}

func newEngine() *engine {
	return &engine{cfg: lint.DefaultConfig(), opts: &lint.Options{}}
}

// file is a file handed to the page.
type file struct {
	Name string
	Raw  []byte
}

// add loads files and checks them (the cross-year checks once, after all
// of them); it returns the new documents.
func (e *engine) add(files ...file) []*document {
	var out []*document
	for _, f := range files {
		d := &document{ID: len(e.docs), Name: f.Name, Original: f.Raw, Raw: f.Raw}
		e.docs = append(e.docs, d)
		e.check(d)
		out = append(out, d)
	}
	e.crossYear()
	return out
}

func (e *engine) doc(id int) (*document, error) {
	if id < 0 || id >= len(e.docs) || e.docs[id] == nil {
		return nil, errors.New("no such document")
	}
	return e.docs[id], nil
}

// remove forgets a document (its id is not reused).
func (e *engine) remove(id int) {
	if id >= 0 && id < len(e.docs) {
		e.docs[id] = nil
		e.crossYear()
	}
}

// byName returns the loaded document called name, or nil.
func (e *engine) byName(name string) *document {
	for _, d := range e.docs {
		if d != nil && d.Name == name {
			return d
		}
	}
	return nil
}

// clear forgets every document.
func (e *engine) clear() {
	for i := range e.docs {
		e.docs[i] = nil
	}
	e.crossYear()
}

// loaded returns the documents in the order the CLI prints them: by name.
func (e *engine) loaded() []*document {
	var out []*document
	for _, d := range e.docs {
		if d != nil {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (e *engine) check(d *document) {
	d.Result = lint.Check(lint.FromBytes(d.Name, d.Raw), e.cfg, lint.CheckOptions{Options: e.opts})
	d.Own = d.Result.Diagnostics
}

// crossYear runs the checks between the loaded reports as `gdlint check`
// does when it reads several (cmd/gdlint/batch.go): reports grouped by body
// and year, the GD-Y findings added to the later report of each pair. With
// one report the batch run only describes it for the overview.
func (e *engine) crossYear() {
	docs := e.loaded()
	parsed := 0
	for _, d := range docs {
		d.Result.Diagnostics = d.Own
		if d.Result.Report != nil {
			parsed++
		}
	}
	e.batch, e.compared = nil, parsed >= 2
	if parsed == 0 {
		return
	}
	names := make([]string, len(docs))
	for i, d := range docs {
		names[i] = d.Name
	}
	res, err := batch.FromFiles(names, results(docs), &batch.Options{Lint: e.opts, Workers: 1,
		Config: func(string) *lint.Config { return e.cfg }})
	if err != nil {
		return // only for thresholds out of range; the defaults are not
	}
	e.batch = res
	if !e.compared {
		return
	}
	for _, d := range docs {
		if r := res.ByPath(d.Name); r != nil && d.Result.Err == nil && d.Result.Report != nil {
			d.Result.Diagnostics = r.Diagnostics
		}
	}
}

// fixable tells whether fixes can be applied to the document: like --fix,
// the page rewrites text files only, not what was extracted from a .docx
// or .html file, and not a file it could not read.
func (d *document) fixable() error {
	if d.Result.Err != nil {
		return d.Result.Err
	}
	if input.IsContainer(d.Name) {
		return errNotRewritten
	}
	return nil
}

// errNotRewritten is why fixes are not applied to a container.
var errNotRewritten = errors.New("fixes are not applied to .docx and .html files")

// applyFix applies fix number fix of diagnostic number diag and checks the
// document again.
func (e *engine) applyFix(id, diag, fix int) error {
	d, err := e.doc(id)
	if err != nil {
		return err
	}
	if err := d.fixable(); err != nil {
		return err
	}
	ds := d.Result.Diagnostics
	if diag < 0 || diag >= len(ds) || fix < 0 || fix >= len(ds[diag].Fixes) {
		return errors.New("no such fix")
	}
	src := d.Result.Source
	edits := ds[diag].Fixes[fix].Edits
	if src.CRLF {
		edits = append([]lint.Edit(nil), edits...)
		for i := range edits {
			edits[i].NewText = crlf(edits[i].NewText)
		}
	}
	text, _ := lint.ApplyEdits(src.Text, edits)
	return e.setText(d, text)
}

// fixAll applies every safe fix (the unsafe ones too with unsafe) until
// nothing changes, as `gdlint check --fix` does.
func (e *engine) fixAll(id int, unsafe bool) error {
	d, err := e.doc(id)
	if err != nil {
		return err
	}
	if err := d.fixable(); err != nil {
		return err
	}
	text, _ := e.cfg.FixText(d.Name, d.Result.Source.Text, e.opts, unsafe)
	return e.setText(d, text)
}

// setText replaces the document's text, encoded as the file was (UTF-8,
// with its BOM, or GB18030), and checks it again.
func (e *engine) setText(d *document, text string) error {
	src := d.Result.Source
	if text == src.Text {
		return nil
	}
	raw, err := input.Encode(src, text)
	if err != nil {
		return err
	}
	d.Raw = raw
	e.check(d)
	e.crossYear()
	return nil
}

// revert goes back to the file as loaded.
func (e *engine) revert(id int) error {
	d, err := e.doc(id)
	if err != nil {
		return err
	}
	d.Raw = d.Original
	e.check(d)
	e.crossYear()
	return nil
}

// crlf turns the bare LFs of s into CRLF (a fix in a CRLF file).
func crlf(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

// results returns the check results of docs, in order.
func results(docs []*document) []*lint.FileResult {
	out := make([]*lint.FileResult, len(docs))
	for i, d := range docs {
		out[i] = d.Result
	}
	return out
}

// cliJSON is what `gdlint check --format json` prints for the documents:
// the cross-year findings after all the files' own, as check streams them.
func cliJSON(docs []*document, lang string) (string, error) {
	var b bytes.Buffer
	err := report.WriteJSON(&b, report.CrossYearLast(results(docs)), report.OutputOptions{Lang: lang})
	return b.String(), err
}

// selftest checks the bundled example reports as `gdlint check --format json
// testdata/examples` does and returns its output. It uses an engine of its
// own, so the documents loaded in the page are not touched.
func selftest(examples map[string][]byte) (string, error) {
	e := newEngine()
	var files []file
	for name, raw := range examples {
		if fileio.IsReportFile(name) {
			files = append(files, file{"testdata/examples/" + name, raw})
		}
	}
	e.add(files...)
	return cliJSON(e.loaded(), "zh")
}

// The page's view of a document. Offsets are in UTF-16 code units of Text
// (JavaScript string indices), with CRLF shown as LF; lines and columns
// are the CLI's (1-based, code points).
type docView struct {
	ID        int    `json:"id"`
	Name      string `json:"name"`
	Error     string `json:"error,omitempty"`
	ErrorEN   string `json:"error_en,omitempty"`
	Encoding  string `json:"encoding,omitempty"`
	CRLF      bool   `json:"crlf,omitempty"`
	Rendering string `json:"rendering,omitempty"`
	Container bool   `json:"container,omitempty"`
	Changed   bool   `json:"changed"`
	Text      string `json:"text"`
	Body      string `json:"body,omitempty"`
	Year      int    `json:"year,omitempty"`
	Format    string `json:"format,omitempty"`
	// Stats are the key statistics of the batch overview, as written.
	Stats map[string]statOut `json:"stats,omitempty"`
	// Checks are the cross-year checks whose later report this is.
	Checks []checkOut `json:"checks,omitempty"`
	Counts counts     `json:"counts"`
	Diags  []diagOut  `json:"diagnostics"`
}

type statOut struct {
	Text  string `json:"text"`
	Doubt string `json:"doubt,omitempty"`
}

type checkOut struct {
	Kind      string `json:"kind"`
	Rule      string `json:"rule,omitempty"`
	Status    string `json:"status"`
	PrevYear  int    `json:"prev_year,omitempty"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
}

type counts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Fixable  int `json:"fixable"`
}

type diagOut struct {
	Rule      string       `json:"rule"`
	Severity  string       `json:"severity"`
	Message   string       `json:"message"`
	MessageEN string       `json:"message_en"`
	Line      int          `json:"line"`
	Column    int          `json:"column"`
	EndLine   int          `json:"end_line"`
	EndColumn int          `json:"end_column"`
	From      int          `json:"from"`
	To        int          `json:"to"`
	Fixes     []fixOut     `json:"fixes"`
	Related   []relatedOut `json:"related,omitempty"`
}

type fixOut struct {
	Title         string    `json:"title"`
	TitleEN       string    `json:"title_en"`
	Applicability string    `json:"applicability"`
	Edits         []editOut `json:"edits"`
}

type editOut struct {
	From    int    `json:"from"`
	To      int    `json:"to"`
	NewText string `json:"new_text"`
}

type relatedOut struct {
	Path      string `json:"path,omitempty"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	From      int    `json:"from"`
	To        int    `json:"to"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en,omitempty"`
}

// views describes every loaded document for the page.
func (e *engine) views() []*docView {
	out := []*docView{}
	for _, d := range e.loaded() {
		out = append(out, e.view(d))
	}
	return out
}

// batchReport is the batch run's entry for d, or nil.
func (e *engine) batchReport(d *document) *batch.Report {
	if e.batch == nil {
		return nil
	}
	return e.batch.ByPath(d.Name)
}

// view describes d for the page.
func (e *engine) view(d *document) *docView {
	r := d.Result
	v := &docView{ID: d.ID, Name: d.Name, Diags: []diagOut{}}
	if r.Err != nil {
		v.Error, v.ErrorEN = report.ErrorText(r.Err, "zh"), report.ErrorText(r.Err, "en")
		return v
	}
	src := r.Source
	v.Encoding, v.CRLF, v.Container = src.Encoding.String(), src.CRLF, input.IsContainer(d.Name)
	v.Changed = !bytes.Equal(d.Raw, d.Original)
	v.Rendering = r.Report.Rendering
	// what the batch report shows of it: body, year, key statistics, the
	// cross-year checks
	if br := e.batchReport(d); br != nil {
		v.Body, v.Year, v.Format = br.Body, br.Year, br.Format
		for k, st := range br.Stats {
			if v.Stats == nil {
				v.Stats = map[string]statOut{}
			}
			v.Stats[k] = statOut{st.Text, st.Doubt}
		}
		for _, c := range e.batch.Checks {
			if e.compared && c.Report == br {
				v.Checks = append(v.Checks, checkOut{c.Kind, c.Rule, string(c.Status), c.PrevYear, c.Message, c.MessageEN})
			}
		}
	}
	var offs []int
	for _, dg := range r.Diagnostics {
		offs = append(offs, dg.Span.Start, dg.Span.End)
		for _, f := range dg.Fixes {
			for _, ed := range f.Edits {
				offs = append(offs, ed.Span.Start, ed.Span.End)
			}
		}
		for _, rel := range dg.Related {
			if rel.Path == "" {
				offs = append(offs, rel.Span.Start, rel.Span.End)
			}
		}
	}
	shown, at := displayOffsets(src.Text, offs)
	v.Text = shown
	for _, dg := range r.Diagnostics {
		loc := report.LocationOf(src, dg.Span)
		o := diagOut{Rule: dg.Rule, Severity: dg.Severity.String(), Message: dg.Message, MessageEN: dg.MessageEN,
			Line: loc.Line, Column: loc.Column, EndLine: loc.EndLine, EndColumn: loc.EndColumn,
			From: at[dg.Span.Start], To: at[dg.Span.End], Fixes: []fixOut{}}
		switch dg.Severity {
		case lint.Error:
			v.Counts.Errors++
		case lint.Warning:
			v.Counts.Warnings++
		default:
			v.Counts.Infos++
		}
		for _, f := range dg.Fixes {
			fo := fixOut{Title: f.Title, TitleEN: f.TitleEN, Applicability: f.Applicability.String(), Edits: []editOut{}}
			for _, ed := range f.Edits {
				fo.Edits = append(fo.Edits, editOut{at[ed.Span.Start], at[ed.Span.End], ed.NewText})
			}
			o.Fixes = append(o.Fixes, fo)
		}
		for _, f := range dg.Fixes {
			if f.Applicability == lint.Safe {
				v.Counts.Fixable++ // what --fix would apply, as the CLI counts
				break
			}
		}
		for _, rel := range dg.Related {
			ro := relatedOut{Path: rel.Path, Message: rel.Message}
			if rel.Path == "" {
				l := report.LocationOf(src, rel.Span)
				ro.Line, ro.Column, ro.From, ro.To = l.Line, l.Column, at[rel.Span.Start], at[rel.Span.End]
			} else if other := e.byName(rel.Path); other != nil && other.Result.Source != nil {
				// a cell of another loaded report (the earlier year)
				l := report.LocationOf(other.Result.Source, rel.Span)
				ro.Line, ro.Column = l.Line, l.Column
			}
			o.Related = append(o.Related, ro)
		}
		v.Diags = append(v.Diags, o)
	}
	return v
}

// displayOffsets returns text as the page shows it (CRLF as LF) and, for
// each byte offset in offs, its UTF-16 index in that text. An offset inside
// a character maps to the next character boundary.
func displayOffsets(text string, offs []int) (string, map[int]int) {
	at := make(map[int]int, len(offs))
	sorted := append([]int(nil), offs...)
	sort.Ints(sorted)
	var b strings.Builder
	b.Grow(len(text))
	u16, k := 0, 0
	for i := 0; i <= len(text); {
		for k < len(sorted) && sorted[k] <= i {
			at[sorted[k]] = u16
			k++
		}
		if i == len(text) {
			break
		}
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++ // the CR of CRLF is not shown
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		b.WriteString(text[i : i+n])
		if r >= 0x10000 {
			u16 += 2
		} else {
			u16++
		}
		i += n
	}
	for ; k < len(sorted); k++ {
		at[sorted[k]] = u16
	}
	return b.String(), at
}

// ruleView is a rule's explanation for the page.
type ruleView struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Family        string `json:"family"`
	Summary       string `json:"summary"`
	SummaryEN     string `json:"summary_en"`
	Explanation   string `json:"explanation"`
	ExplanationEN string `json:"explanation_en"`
}

// statView is a column of the overview: a key statistic.
type statView struct {
	Key     string `json:"key"`
	Label   string `json:"label"`
	LabelEN string `json:"label_en"`
}

// catalogue is what the page needs once: the rules and the overview's
// statistics.
type catalogue struct {
	Rules map[string]ruleView `json:"rules"`
	Stats []statView          `json:"stats"`
}

func pageCatalogue() catalogue {
	c := catalogue{Rules: map[string]ruleView{}}
	for _, r := range lint.Rules() {
		c.Rules[r.ID] = ruleView{r.ID, r.Name, string(r.Family), r.Summary, r.SummaryEN, r.Explanation, r.ExplanationEN}
	}
	for _, s := range batch.StatDefs {
		c.Stats = append(c.Stats, statView{s.Key, s.Label, s.LabelEN})
	}
	return c
}
