package grammar_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/testshared"
)

// A released report's memory goes to the next parse: each report parsed
// after others were released reads as it does parsed first, and a report
// kept (not released) is not touched by the parses after it.
func TestReleaseReusesMemoryWithoutChangingAParse(t *testing.T) {
	var paths []string
	paths = append(paths, testshared.Seeds(t)...)
	for _, g := range []string{"../testdata/examples/*", "../testdata/crawler/*"} {
		more, _ := filepath.Glob(g)
		paths = append(paths, more...)
	}
	var texts []string
	for _, p := range paths {
		if filepath.Ext(p) != ".txt" && filepath.Ext(p) != ".md" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if len(texts) < 8 {
		t.Fatalf("only %d reports to parse", len(texts))
	}
	parse := func(i int) *grammar.Report {
		return grammar.Parse(grammar.NewSource(filepath.Base(paths[i]), texts[i]))
	}
	want := make([]string, len(texts))
	for i := range texts {
		want[i] = string(dumpJSON(t, parse(i))) // never released
	}
	kept := parse(0)
	keptDump := string(dumpJSON(t, kept))
	// every report after every other, twice round, each released when read
	for round := range 2 {
		for i := range texts {
			rep := parse(i)
			if got := string(dumpJSON(t, rep)); got != want[i] {
				t.Errorf("round %d: %s parsed after released reports differs from its first parse", round, paths[i])
			}
			rep.Release()
		}
	}
	if got := string(dumpJSON(t, kept)); got != keptDump {
		t.Error("a report not released changed while others were parsed and released")
	}
}

// Release empties the report: a use after it finds nothing rather than
// the next report's parts.
func TestReleaseEmptiesTheReport(t *testing.T) {
	rep := grammar.Parse(grammar.NewSource("a.txt", "2024年度政府信息公开工作年度报告\n一、总体情况\n"))
	if len(rep.Headings) == 0 {
		t.Fatal("no heading parsed")
	}
	h := rep.Headings[0]
	rep.Release()
	if rep.Source != nil || rep.Headings != nil {
		t.Error("the released report still points at its parts")
	}
	if h.Text != "" || h.Span != (grammar.Span{}) {
		t.Errorf("a heading taken before Release still reads %q at %v: its memory is not cleared for reuse", h.Text, h.Span)
	}
	rep.Release() // twice: nothing happens
}
