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
}

// document is one loaded file: its bytes as loaded and as now (after the
// fixes applied in the page), and the result of checking the current bytes.
type document struct {
	ID   int
	Name string
	// Original is the file as loaded; Raw the current bytes in the same
	// encoding (equal to Original until a fix is applied).
	Original, Raw []byte
	Result        *lint.FileResult
}

func newEngine() *engine {
	return &engine{cfg: lint.DefaultConfig(), opts: &lint.Options{}}
}

// add loads a file and checks it; it returns the document's id.
func (e *engine) add(name string, raw []byte) *document {
	d := &document{ID: len(e.docs), Name: name, Original: raw, Raw: raw}
	e.docs = append(e.docs, d)
	e.check(d)
	return d
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
	}
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
}

// fixable tells whether fixes can be applied to the document: like --fix,
// the page rewrites text files only, not what was extracted from a .docx
// or .html file.
func (d *document) fixable() bool {
	return d.Result.Err == nil && !input.IsContainer(d.Name)
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
	if !d.fixable() {
		return errNotRewritten
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
	if !d.fixable() {
		return errNotRewritten
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

// cliJSON is what `gdlint check --format json` prints for the documents.
func cliJSON(docs []*document, lang string) (string, error) {
	var b bytes.Buffer
	err := report.WriteJSON(&b, results(docs), report.OutputOptions{Lang: lang})
	return b.String(), err
}

// selftest checks the bundled example reports as `gdlint check --format json
// testdata/examples` does and returns its output. It uses an engine of its
// own, so the documents loaded in the page are not touched.
func selftest(examples map[string][]byte) (string, error) {
	e := newEngine()
	for name, raw := range examples {
		if fileio.IsReportFile(name) {
			e.add("testdata/examples/"+name, raw)
		}
	}
	return cliJSON(e.loaded(), "zh")
}

// The page's view of a document. Offsets are in UTF-16 code units of Text
// (JavaScript string indices), with CRLF shown as LF; lines and columns
// are the CLI's (1-based, code points).
type docView struct {
	ID        int       `json:"id"`
	Name      string    `json:"name"`
	Error     string    `json:"error,omitempty"`
	ErrorEN   string    `json:"error_en,omitempty"`
	Encoding  string    `json:"encoding,omitempty"`
	CRLF      bool      `json:"crlf,omitempty"`
	Rendering string    `json:"rendering,omitempty"`
	Container bool      `json:"container,omitempty"`
	Changed   bool      `json:"changed"`
	Text      string    `json:"text"`
	Body      string    `json:"body,omitempty"`
	Year      int       `json:"year,omitempty"`
	Counts    counts    `json:"counts"`
	Diags     []diagOut `json:"diagnostics"`
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

// view describes d for the page.
func (d *document) view() *docView {
	r := d.Result
	v := &docView{ID: d.ID, Name: d.Name, Diags: []diagOut{}}
	if r.Err != nil {
		v.Error, v.ErrorEN = report.ErrorText(r.Err, "zh"), report.ErrorText(r.Err, "en")
		return v
	}
	src := r.Source
	v.Encoding, v.CRLF, v.Container = src.Encoding.String(), src.CRLF, input.IsContainer(d.Name)
	v.Changed = !bytes.Equal(d.Raw, d.Original)
	if rep := r.Report; rep != nil {
		v.Rendering = rep.Rendering
		if rep.Title != nil {
			v.Body, v.Year = rep.Title.Body, rep.Title.Year
		}
		if v.Body == "" && rep.Signature != nil {
			v.Body = rep.Signature.Body
		}
		if v.Year == 0 && rep.Period != nil {
			v.Year = rep.Period.Start.Year
		}
	}
	var offs []int
	for _, dg := range r.Diagnostics {
		offs = append(offs, dg.Span.Start, dg.Span.End)
		for _, f := range dg.Fixes {
			for _, e := range f.Edits {
				offs = append(offs, e.Span.Start, e.Span.End)
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
			for _, e := range f.Edits {
				fo.Edits = append(fo.Edits, editOut{at[e.Span.Start], at[e.Span.End], e.NewText})
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

func ruleViews() map[string]ruleView {
	out := map[string]ruleView{}
	for _, r := range lint.Rules() {
		out[r.ID] = ruleView{r.ID, r.Name, string(r.Family), r.Summary, r.SummaryEN, r.Explanation, r.ExplanationEN}
	}
	return out
}
