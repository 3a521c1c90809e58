package lsp

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// TestParagraphCacheMatchesFullRun is the differential test of incremental
// analysis: it applies random edits (CJK text, digits, line breaks, 𠀀,
// half-width commas, doubled words, placeholders) to the seeds and the
// examples, as plain text and as Markdown, and after each edit compares the
// findings of a check that reuses the document's ParagraphCache with those of
// a fresh full check of the same text. Any rule marked PerParagraph that
// reads more than its paragraph shows up here.
func TestParagraphCacheMatchesFullRun(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "seeds", "*.txt"))
	ex, _ := filepath.Glob(filepath.Join("..", "testdata", "examples", "*.txt"))
	files = append(files, ex...)
	if len(files) < 3 {
		t.Fatalf("found only %d files to edit", len(files))
	}
	pieces := append([]string{",", "的的", "XX件", "【待填写】", "2023年", "(说明)", "一是", "。", "\n\n", "三、"}, editPieces...)
	cfg := lint.DefaultConfig()
	opts := &lint.Options{Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}
	rng := rand.New(rand.NewSource(3))
	edits, cachedRuns := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"report.txt", "report.md"} {
			var cache lint.ParagraphCache
			m := newMapper(string(raw), UTF16)
			for i := 0; i < 60; i++ {
				c := randomChange(rng, m)
				if rng.Intn(2) == 0 {
					c.Text = pieces[rng.Intn(len(pieces))]
				}
				m = m.apply(c)
				edits++
				inc := lint.Check(lint.FromText(name, m.text), cfg, lint.CheckOptions{Options: opts, Cache: &cache})
				full := lint.Check(lint.FromText(name, m.text), cfg, lint.CheckOptions{Options: opts})
				if inc.Err != nil || full.Err != nil {
					t.Fatalf("%s edit %d: %v / %v", f, i, inc.Err, full.Err)
				}
				if !reflect.DeepEqual(inc.Diagnostics, full.Diagnostics) {
					t.Fatalf("%s (%s) edit %d (%+v): incremental findings differ from a full run:\n%+v\nfull:\n%+v",
						f, name, i, c, inc.Diagnostics, full.Diagnostics)
				}
				if len(inc.Diagnostics) > 0 {
					cachedRuns++
				}
			}
		}
	}
	t.Logf("%d edits on %d files compared (%d with findings)", edits, len(files), cachedRuns)
}
