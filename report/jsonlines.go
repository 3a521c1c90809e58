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
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw) // Encode ends each value with "\n"
	enc.SetEscapeHTML(false)
	for r, d := range findings(results) {
		if err := enc.Encode(jsonDiagnostic(r, d, o)); err != nil {
			return err
		}
	}
	return bw.Flush()
}
