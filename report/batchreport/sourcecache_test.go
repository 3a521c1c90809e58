package batchreport

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
)

// through gives every offset it is asked for, and every offset it then
// answers from its cache, the line and column of the whole text (of, the
// reference): texts kept in a store, on the seeds, the corpus and a seed
// with 𠀀, CRLF and lone CR in its middle.
func TestSourceCacheThroughAsWhole(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, from := range []string{"../../../shared/seeds", "../../../shared/corpus"} {
		files, _ := filepath.Glob(filepath.Join(from, "*.txt"))
		paths = append(paths, files...)
	}
	rng := rand.New(rand.NewPCG(12, 13))
	// no invalid UTF-8: a text file with it is refused before it is checked
	pieces := []string{"甲", "𠀀", "a", "\r\n", "\n", "，", "2023", "\t", "\r"}
	if len(paths) == 0 {
		t.Skip("no seeds in ../shared")
	}
	seed, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		// a report with random text in its middle
		var b strings.Builder
		mid := len(seed)/2 + bytes.IndexByte(seed[len(seed)/2:], '\n') + 1
		b.Write(seed[:mid])
		for range 3000 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b.Write(seed[mid:])
		p := filepath.Join(dir, "r"+string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	store, err := batch.NewTextStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var reports []*batch.Report
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := lint.Check(lint.FromBytes(p, raw), lint.DefaultConfig(), lint.CheckOptions{Options: &lint.Options{}})
		reports = append(reports, batch.Summarize(f, store))
	}
	res, err := batch.FromReports(paths, reports, &batch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, whole := newSourceCache(res), newSourceCache(res)
	for range 3000 {
		p := paths[rng.IntN(len(paths))]
		w := whole.of(p)
		if w == nil {
			t.Fatalf("%s: no document", p)
		}
		off := rng.IntN(len(w.Text) + 1)
		for _, at := range []int{off, rng.IntN(off + 1)} {
			l, col := pos(c.through(p, at), at)
			if wl, wc := pos(w, at); l != wl || col != wc {
				t.Fatalf("%s offset %d: through gives %d:%d, the whole text %d:%d", p, at, l, col, wl, wc)
			}
		}
	}
}
