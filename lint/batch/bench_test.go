package batch

import (
	"fmt"
	"testing"

	"github.com/gdlint/gdlint/internal/batchtest"
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
