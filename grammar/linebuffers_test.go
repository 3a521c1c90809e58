package grammar

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
)

// The line buffers a parse takes from lineBuffers were another text's: a
// report must read the same whichever parse ran before, and stay the same
// after others reuse its buffers.
func TestLineBuffersReused(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "seeds", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "examples", "*"))
	paths = append(paths, more...)
	var texts []string
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	dump := func(r *Report) string {
		b, err := json.Marshal(r.Dump())
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var reports []*Report
	var want []string
	for i, text := range texts {
		r := Parse(NewSource(paths[i], text))
		reports, want = append(reports, r), append(want, dump(r))
	}
	for i := len(texts) - 1; i >= 0; i-- { // in the other order
		if got := dump(Parse(NewSource(paths[i], texts[i]))); got != want[i] {
			t.Errorf("%s: parsed after other reports, it reads differently", paths[i])
		}
	}
	for i, r := range reports {
		if got := dump(r); got != want[i] {
			t.Errorf("%s: the report changed as other parses ran", paths[i])
		}
	}
}
