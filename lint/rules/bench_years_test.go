package rules

import (
	"os"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
)

// BenchmarkSummarizeYearSeeds measures what a batch does per report for the
// cross-year checks (one op = the five seeds, parsed beforehand): read the
// cells and the prose's layout (SummarizeYear) and write them for the
// temporary file (AppendData, into a new buffer as the batch does).
func BenchmarkSummarizeYearSeeds(b *testing.B) {
	paths := testshared.Seeds(b)
	reps := make([]*grammar.Report, len(paths))
	size := 0
	for i, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if reps[i], err = input.Parse(p, raw); err != nil {
			b.Fatal(err)
		}
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, rep := range reps {
			y := SummarizeYear(paths[i], 2024, rep)
			if len(y.AppendData(nil)) == 0 {
				b.Fatal("no data")
			}
		}
	}
}
