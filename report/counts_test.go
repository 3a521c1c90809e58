package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// countRef is Counts.Add before it asked once a file whether the file is
// a container: the reference of TestCountsAsRef.
func countRef(c *Counts, r *lint.FileResult, unsafe bool) {
	c.Files++
	if r.Err != nil {
		c.Unreadable++
		return
	}
	c.FixesApplied += r.FixCount
	if r.Changed() {
		c.FilesFixed++
	}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		switch d.Severity {
		case lint.Error:
			c.Errors++
		case lint.Warning:
			c.Warnings++
		default:
			c.Infos++
		}
		switch {
		case input.IsContainer(r.Path):
		case fixable(d, unsafe):
			c.Fixable++
		case fixable(d, true):
			c.UnsafeOnly++
		}
	}
}

// The seeds' findings counted as files of every kind (containers, which
// --fix does not rewrite, and plain text), and the text outputs' [*] and
// statistics: as when each finding asked whether its file is a container.
func TestCountsAsRef(t *testing.T) {
	for _, p := range testshared.Seeds(t) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res := lint.Check(lint.FromBytes(p, raw), lint.DefaultConfig(), lint.CheckOptions{})
		for _, ext := range []string{".txt", ".md", ".docx", ".DOCX", ".pdf", ".html"} {
			r := *res
			r.Path = strings.TrimSuffix(p, ".txt") + ext
			for _, unsafe := range []bool{false, true} {
				var got, want Counts
				got.Add(&r, unsafe)
				got.AddFindings(&r, unsafe)
				countRef(&want, &r, unsafe)
				want.Files--
				countRef(&want, &r, unsafe)
				if got != want {
					t.Fatalf("%s unsafe=%v: %+v, want %+v", r.Path, unsafe, got, want)
				}
				container := input.IsContainer(r.Path)
				if fixed := got.Fixable + got.UnsafeOnly; container != (fixed == 0) {
					t.Fatalf("%s: %d fixable findings", r.Path, fixed)
				}
				var text, stats bytes.Buffer
				if err := WriteText(&text, []*lint.FileResult{&r}, OutputOptions{Unsafe: unsafe}); err != nil {
					t.Fatal(err)
				}
				if err := WriteStatistics(&stats, []*lint.FileResult{&r}, OutputOptions{Unsafe: unsafe}); err != nil {
					t.Fatal(err)
				}
				if marked := strings.Count(text.String(), " [*] "); container != (marked == 0) {
					t.Fatalf("%s: %d findings marked fixable", r.Path, marked)
				}
				if marked := strings.Count(stats.String(), "[*]"); container != (marked == 0) {
					t.Fatalf("%s: %d rules marked fixable", r.Path, marked)
				}
			}
		}
	}
}
