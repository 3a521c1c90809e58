package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// countingWriter records the writes it is given.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// A chunked stream (OutputOptions.Chunked: the output is a file, no reader
// waits for each report) writes the same bytes as one that writes each
// report as it comes, in writes of flushAt bytes, not one a report.
func TestChunkedStreamsWriteTheSameBytes(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(testshared.Dir(t), "corpus", "pingtan-dept", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var results []*lint.FileResult
	for _, p := range append(testshared.Seeds(t), paths...) {
		raw, err := os.ReadFile(p)
		if err != nil || filepath.Ext(p) == "" {
			continue
		}
		if r := lint.Check(lint.FromBytes(p, raw), lint.DefaultConfig(), lint.CheckOptions{}); r.Err == nil && len(r.Diagnostics) > 0 {
			results = append(results, r)
		}
	}
	if len(results) < 10 {
		t.Fatalf("only %d reports with findings", len(results))
	}
	for _, format := range []string{"json", "json-lines", "text"} {
		write := func(chunked bool) *countingWriter {
			w := &countingWriter{}
			s := NewStream(format, w, OutputOptions{ShowSource: true, Chunked: chunked})
			// each report many times: more than flushAt in all
			for range 20 {
				for _, r := range results {
					if err := s.File(r); err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			return w
		}
		each, chunked := write(false), write(true)
		if !bytes.Equal(each.Bytes(), chunked.Bytes()) {
			t.Errorf("%s: %d bytes written chunked, %d a report at a time", format, chunked.Len(), each.Len())
		}
		if most := chunked.Len()/flushAt + 1; chunked.writes > most || each.writes < 20*len(results) {
			t.Errorf("%s: %d writes chunked (at most %d), %d a report at a time (%d reports)", format, chunked.writes, most, each.writes, 20*len(results))
		}
	}
}
