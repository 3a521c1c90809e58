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
	// Flush writes what a chunked stream holds (OutputOptions.Chunked),
	// before something else is written beside it (notes on stderr).
	Flush() error
	// Close ends the output (the closing bracket of the json array) and
	// flushes it.
	Close() error
}

// NewStream returns the stream of a format that can be written file by
// file (text, json, json-lines), or nil for one that needs the whole run
// first (SARIF, JUnit and GitLab documents, GitHub's errors first).
// NewStatisticsStream is text's --statistics.
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

// CrossYearLast lays results out in the order check streams them: every
// file's own findings, then the cross-year (GD-Y) findings, which are known
// only once every report is read, file by file. A printer of the whole run
// given this list writes what the stream writes.
func CrossYearLast(results []*lint.FileResult) []*lint.FileResult {
	out := make([]*lint.FileResult, 0, len(results))
	var later []*lint.FileResult
	for _, r := range results {
		own, years := SplitCrossYear(r.Diagnostics)
		if len(years) == 0 {
			out = append(out, r)
			continue
		}
		a, b := *r, *r
		a.Diagnostics, b.Diagnostics = own, years
		out = append(out, &a)
		later = append(later, &b)
	}
	return append(out, later...)
}

// SplitCrossYear separates the cross-year (GD-Y) findings from the others,
// keeping the order of each.
func SplitCrossYear(ds []lint.Diagnostic) (own, years []lint.Diagnostic) {
	for _, d := range ds {
		if r := lint.RuleByID(d.Rule); r != nil && r.Family == lint.FamilyYears {
			years = append(years, d)
		} else {
			own = append(own, d)
		}
	}
	if len(years) == 0 {
		return ds, nil
	}
	return own, years
}

// Reach is the largest byte offset that a stream reads of the document
// to print ds: the end of their spans and of their fixes' edits. A Source
// holding the text through the line of that offset prints them as the
// whole one does.
func Reach(ds []lint.Diagnostic) int {
	reach := 0
	for i := range ds {
		reach = max(reach, ds[i].Span.End)
		for _, f := range ds[i].Fixes {
			for _, e := range f.Edits {
				reach = max(reach, e.Span.End)
			}
		}
	}
	return reach
}
