package batchreport

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
)

// runFixture builds batchtest's tree in a temporary directory, makes it the
// working directory (so paths in the outputs are stable) and runs the batch
// with the cross-year rules only.
func runFixture(t *testing.T, opts *batch.Options) *batch.Result {
	t.Helper()
	dir := t.TempDir()
	batchtest.WriteTree(t, dir)
	t.Chdir(dir)
	if opts == nil {
		opts = &batch.Options{}
	}
	if opts.Lint == nil {
		opts.Lint = &lint.Options{Now: batchtest.Now}
	}
	if opts.Rules == nil {
		for _, r := range lint.Rules() {
			if r.Family == lint.FamilyYears {
				opts.Rules = append(opts.Rules, r)
			}
		}
	}
	res, err := batch.Run([]string{"."}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func checkOf(t *testing.T, res *batch.Result, rule string, year int, body string) *batch.Check {
	t.Helper()
	for _, c := range res.Checks {
		if c.Rule == rule && c.Year == year && c.Body == body {
			return c
		}
	}
	t.Fatalf("no %s check for %s %d", rule, body, year)
	return nil
}

// TestColumnsAfterAstralCharacter checks that JSON columns count characters:
// the copied sentence after the one starting with 𠀀 sits at a column where
// bytes, characters and UTF-16 units all differ.
func TestColumnsAfterAstralCharacter(t *testing.T) {
	res := runFixture(t, nil)
	d := document(res)
	var sim *jsonSimilarity
	for _, c := range d.Checks {
		if c.Rule == "GD-Y003" && c.Year == 2024 {
			sim = c.Similarity
		}
	}
	if sim == nil || len(sim.Matches) < 2 {
		t.Fatalf("similarity %+v", sim)
	}
	r := res.ByPath("甲/2024-gb.txt")
	c := checkOf(t, res, "GD-Y003", 2024, batchtest.BodyA)
	k := -1
	for i, m := range c.Similar.Matches {
		if strings.HasPrefix(r.Source().Slice(m.Span), "𠀀") {
			k = i + 1 // the next sentence, on the same line
		}
	}
	if k < 0 || k >= len(c.Similar.Matches) {
		t.Fatalf("no match after the 𠀀 sentence")
	}
	m := c.Similar.Matches[k].Span
	line := r.Source().Text[r.Source().LineStart(r.Source().Line(m.Start)):m.Start]
	chars, units := utf8.RuneCountInString(line), len(utf16.Encode([]rune(line)))
	if chars == units || chars == len(line) {
		t.Fatalf("fixture does not separate the column kinds: %q", line)
	}
	if sim.Matches[k].Column != chars+1 {
		t.Errorf("column %d, want %d characters + 1 (UTF-16 would give %d, bytes %d)", sim.Matches[k].Column, chars+1, units+1, len(line)+1)
	}
}
