package report

import (
	"bufio"
	"encoding/json"
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
	bw  *bufio.Writer
	enc *json.Encoder
	o   OutputOptions
}

func newJSONLinesStream(w io.Writer, o OutputOptions) *jsonLinesStream {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw) // Encode ends each value with "\n"
	enc.SetEscapeHTML(false)
	return &jsonLinesStream{bw: bw, enc: enc, o: o}
}

func (s *jsonLinesStream) File(r *lint.FileResult) error {
	for r, d := range findings([]*lint.FileResult{r}) {
		if err := s.enc.Encode(jsonDiagnostic(r, d, s.o)); err != nil {
			return err
		}
	}
	// each file reaches the reader (a terminal, a pipe) as it is checked
	return s.bw.Flush()
}

func (s *jsonLinesStream) Close() error { return s.bw.Flush() }
