package report

import (
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
	out   findingsWriter
	o     OutputOptions
	n     int
	path  []byte // the file's path quoted
	cache jsonCache
}

func newJSONStream(w io.Writer, o OutputOptions) *jsonStream {
	return &jsonStream{out: newFindingsWriter(w), o: o}
}

func (s *jsonStream) File(r *lint.FileResult) error {
	if r.Source == nil {
		return nil
	}
	locate := newLocator(r.Source)
	s.path = appendJSONString(s.path[:0], r.Path)
	for i := range r.Diagnostics {
		sep := ",\n  "
		if s.n == 0 {
			sep = "[\n  "
		}
		s.n++
		s.out.buf = appendDiagnostic(append(s.out.buf, sep...), s.path, r, &r.Diagnostics[i], locate, s.o, indentedGlue, &s.cache)
		if err := s.out.flushFull(); err != nil {
			return err
		}
	}
	if s.o.Chunked {
		return s.out.flushFull()
	}
	// each file reaches the reader (a terminal, a pipe) as it is checked
	return s.out.flush()
}

func (s *jsonStream) Flush() error { return s.out.flush() }

func (s *jsonStream) Close() error {
	if s.n == 0 {
		s.out.buf = append(s.out.buf, "[]\n"...)
	} else {
		s.out.buf = append(s.out.buf, "\n]\n"...)
	}
	return s.out.flush()
}

// findingsWriter is the buffer the json streams append to and write from.
// A report's findings are written in one go (a few KB to tens of KB), those
// of one with very many in pieces of flushAt.
type findingsWriter struct {
	w   io.Writer
	buf []byte
	err error // the first failed write: the output is cut, later ones are not tried
}

const flushAt = 32 << 10

func newFindingsWriter(w io.Writer) findingsWriter {
	// room for flushAt and the finding that passes it, mostly
	return findingsWriter{w: w, buf: make([]byte, 0, flushAt+flushAt/2)}
}

// flushFull writes the buffer once it holds flushAt bytes, so that one
// report with many findings is not held whole either.
func (f *findingsWriter) flushFull() error {
	if len(f.buf) < flushAt {
		return f.err
	}
	return f.flush()
}

func (f *findingsWriter) flush() error {
	if f.err != nil || len(f.buf) == 0 {
		return f.err
	}
	n, err := f.w.Write(f.buf)
	if err == nil && n < len(f.buf) {
		err = io.ErrShortWrite
	}
	f.buf, f.err = f.buf[:0], err
	return err
}
