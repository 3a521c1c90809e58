package report

import (
	"encoding/json"
	"io"

	"github.com/gdlint/gdlint/lint"
)

// WriteJSONLines prints each finding as one JSON object on a line of its
// own (JSON Lines), the objects of --format json: a stream for grep, jq -c
// and log collectors.
func WriteJSONLines(w io.Writer, results []*lint.FileResult, o OutputOptions) error {
	enc := json.NewEncoder(w) // Encode ends each value with "\n"
	enc.SetEscapeHTML(false)
	for _, d := range JSONDiagnostics(results, o) {
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}
