package report

import (
	"io"

	"github.com/gdlint/gdlint/lint"
)

// WriteJSONLines prints each finding as one JSON object on a line of its
// own (JSON Lines), the objects of --format json: a stream for grep, jq -c
// and log collectors.
func WriteJSONLines(w io.Writer, results []*lint.FileResult, o OutputOptions) error {
	return writeAll(newJSONLinesStream(w, o), results)
}

// jsonLinesStream writes json-lines file by file.
type jsonLinesStream struct {
	out   findingsWriter
	o     OutputOptions
	path  []byte // the file's path quoted
	cache jsonCache
}

func newJSONLinesStream(w io.Writer, o OutputOptions) *jsonLinesStream {
	return &jsonLinesStream{out: newFindingsWriter(w), o: o}
}

func (s *jsonLinesStream) File(r *lint.FileResult) error {
	if r.Source == nil {
		return nil
	}
	locate := newLocator(r.Source)
	s.path = appendJSONString(s.path[:0], r.Path)
	for i := range r.Diagnostics {
		s.out.buf = append(appendDiagnostic(s.out.buf, s.path, r, &r.Diagnostics[i], locate, s.o, compactGlue, &s.cache), '\n')
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

func (s *jsonLinesStream) Flush() error { return s.out.flush() }
func (s *jsonLinesStream) Close() error { return s.out.flush() }
