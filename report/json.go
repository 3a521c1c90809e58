package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/gdlint/gdlint/lint"
)

// JSONDiagnostic is one element of the --format json array.
type JSONDiagnostic struct {
	File      string    `json:"file"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"end_line"`
	EndColumn int       `json:"end_column"`
	Page      int       `json:"page,omitempty"` // of a PDF
	Rule      string    `json:"rule"`
	Severity  string    `json:"severity"`
	Message   string    `json:"message"`
	Fixes     []JSONFix `json:"fixes"`
}

// JSONFix is a fix in the json output.
type JSONFix struct {
	Title         string     `json:"title"`
	Applicability string     `json:"applicability"`
	Edits         []JSONEdit `json:"edits"`
}

// JSONEdit replaces the range with NewText; positions as in JSONDiagnostic.
type JSONEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	NewText   string `json:"new_text"`
}

// JSONDiagnostics converts results to the json output's elements.
func JSONDiagnostics(results []*lint.FileResult, o OutputOptions) []JSONDiagnostic {
	out := []JSONDiagnostic{}
	for r, d := range findings(results) {
		out = append(out, jsonDiagnostic(r, d, o))
	}
	return out
}

func jsonDiagnostic(r *lint.FileResult, d *lint.Diagnostic, o OutputOptions) JSONDiagnostic {
	loc := LocationOf(r.Source, d.Span)
	jd := JSONDiagnostic{File: r.Path, Line: loc.Line, Column: loc.Column, EndLine: loc.EndLine, EndColumn: loc.EndColumn, Page: loc.Page,
		Rule: d.Rule, Severity: d.Severity.String(), Message: d.Text(o.Lang), Fixes: []JSONFix{}}
	for _, f := range d.Fixes {
		jf := JSONFix{Title: f.TitleText(o.Lang), Applicability: f.Applicability.String(), Edits: []JSONEdit{}}
		for _, e := range f.Edits {
			el := LocationOf(r.Source, e.Span)
			jf.Edits = append(jf.Edits, JSONEdit{el.Line, el.Column, el.EndLine, el.EndColumn, e.NewText})
		}
		jd.Fixes = append(jd.Fixes, jf)
	}
	return jd
}

// WriteJSON prints one JSON array of all findings, indented by two spaces.
func WriteJSON(w io.Writer, results []*lint.FileResult, o OutputOptions) error {
	return writeAll(newJSONStream(w, o), results)
}

// jsonStream writes the json format one finding at a time, laid out as an
// encoder of the whole array would: the output of thousands of reports is
// never held whole.
type jsonStream struct {
	bw   *bufio.Writer
	elem bytes.Buffer
	enc  *json.Encoder
	o    OutputOptions
	n    int
}

func newJSONStream(w io.Writer, o OutputOptions) *jsonStream {
	s := &jsonStream{bw: bufio.NewWriter(w), o: o}
	s.enc = json.NewEncoder(&s.elem)
	s.enc.SetIndent("  ", "  ")
	s.enc.SetEscapeHTML(false)
	return s
}

func (s *jsonStream) File(r *lint.FileResult) error {
	for r, d := range findings([]*lint.FileResult{r}) {
		s.elem.Reset()
		if err := s.enc.Encode(jsonDiagnostic(r, d, s.o)); err != nil {
			return err
		}
		sep := ",\n  "
		if s.n == 0 {
			sep = "[\n  "
		}
		s.n++
		s.bw.WriteString(sep)
		s.bw.Write(bytes.TrimSuffix(s.elem.Bytes(), []byte("\n")))
	}
	// each file reaches the reader (a terminal, a pipe) as it is checked
	return s.bw.Flush()
}

func (s *jsonStream) Close() error {
	if s.n == 0 {
		s.bw.WriteString("[]\n")
	} else {
		s.bw.WriteString("\n]\n")
	}
	return s.bw.Flush()
}
