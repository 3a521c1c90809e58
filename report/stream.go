package report

import (
	"io"

	"github.com/gdlint/gdlint/lint"
)

// Stream writes findings file by file, as a run checks its files in order,
// so that a run over thousands of reports holds none of them once printed.
// File may read r.Source only during the call.
type Stream interface {
	File(r *lint.FileResult) error
	// Close ends the output (the closing bracket of the json array) and
	// flushes it.
	Close() error
}

// NewStream returns the stream of a format that can be written file by
// file (text, json, json-lines), or nil for one that needs the whole run
// first (SARIF, JUnit and GitLab documents, GitHub's errors first, the
// statistics).
func NewStream(format string, w io.Writer, o OutputOptions) Stream {
	switch format {
	case "text":
		return newTextStream(w, o)
	case "json":
		return newJSONStream(w, o)
	case "json-lines":
		return newJSONLinesStream(w, o)
	}
	return nil
}

// writeAll writes results through s.
func writeAll(s Stream, results []*lint.FileResult) error {
	for _, r := range results {
		if err := s.File(r); err != nil {
			return err
		}
	}
	return s.Close()
}
