package batch

import (
	"fmt"
	"os"
	"testing"

	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/lint"
)

// BenchmarkRun checks a generated corpus of 300 reports (100 bodies × 3
// consecutive years, one in ten GB18030) with every registered rule and the
// cross-year checks; it reports files per second.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	n := 0
	for i := range 100 {
		body := fmt.Sprintf("第%d县交通运输局", i+1)
		carried := 0
		for y := 2022; y <= 2024; y++ {
			s := batchtest.Spec{Body: body, Year: y, New: 10 + i%7, Carried: carried, Public: 9 + i%7, Issued: 2, Repealed: 1, InForce: 40 + y - 2022,
				Seed: uint64(i*10 + y), GB18030: n%10 == 0}
			batchtest.Write(b, dir, fmt.Sprintf("%03d/%d.txt", i, y), batchtest.Render(b, s))
			carried = s.CarryOver()
			n++
		}
	}
	b.ResetTimer()
	for range b.N {
		res, err := Run([]string{dir}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Reports) != n || len(res.Failed()) != 0 {
			b.Fatalf("%d reports, %d failed", len(res.Reports), len(res.Failed()))
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkCrossYear runs the cross-year checks (FromReports) over the
// summaries of BenchmarkRun's corpus (100 bodies × 3 consecutive years),
// their texts and year data in a store as the check command keeps them:
// the part of a batch that runs after every report is checked.
func BenchmarkCrossYear(b *testing.B) {
	dir := b.TempDir()
	for i := range 100 {
		body := fmt.Sprintf("第%d县交通运输局", i+1)
		carried := 0
		for y := 2022; y <= 2024; y++ {
			s := batchtest.Spec{Body: body, Year: y, New: 10 + i%7, Carried: carried, Public: 9 + i%7, Issued: 2, Repealed: 1, InForce: 40 + y - 2022,
				Seed: uint64(i*10 + y)}
			batchtest.Write(b, dir, fmt.Sprintf("%03d/%d.txt", i, y), batchtest.Render(b, s))
			carried = s.CarryOver()
		}
	}
	files, errs := collect([]string{dir})
	if len(errs) != 0 || len(files) != 300 {
		b.Fatalf("%d files, %d errors", len(files), len(errs))
	}
	store, err := NewTextStore(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	reports := make([]*Report, len(files))
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		reports[i] = SummarizeForYears(lint.Check(lint.FromBytes(f, raw), lint.DefaultConfig(), lint.CheckOptions{}), store)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range reports {
			r.Diagnostics = nil // FromReports appends the cross-year findings
		}
		res, err := FromReports([]string{dir}, reports, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Checks) != 600 {
			b.Fatalf("%d checks, want 600 (3 rules × 2 pairs × 100 bodies)", len(res.Checks))
		}
	}
}
