package rules_test

import (
	"os"
	"testing"
	"time"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// BenchmarkNarrativeSeeds runs the rules that read the narrative blocks'
// sentences (GD-C001–C006, GD-W006, GD-D004) on the five seeds parsed once
// (one op = all five): the narrative share of BenchmarkRulesSeeds.
func BenchmarkNarrativeSeeds(b *testing.B) {
	want := map[string]bool{"GD-C001": true, "GD-C002": true, "GD-C003": true, "GD-C004": true,
		"GD-C005": true, "GD-C006": true, "GD-W006": true, "GD-D004": true}
	var rules []*lint.Rule
	for _, r := range lint.Rules() {
		if want[r.ID] {
			rules = append(rules, r)
		}
	}
	var reps []*grammar.Report
	for _, p := range testshared.Seeds(b) {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		src, err := input.Decode(p, raw)
		if err != nil {
			b.Fatal(err)
		}
		reps = append(reps, grammar.Parse(src))
	}
	opts := &lint.Options{Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		for _, rep := range reps {
			lint.Run(rep, rules, opts)
		}
	}
}
