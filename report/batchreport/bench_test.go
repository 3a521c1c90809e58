package batchreport

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint/batch"
)

// BenchmarkWrite measures the three writers on the same corpus: 300
// generated reports of 100 bodies over three years, with few findings.
func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	for i := range 100 {
		for y := 2022; y <= 2024; y++ {
			batchtest.Write(b, dir, fmt.Sprintf("%03d/%d.txt", i, y), batchtest.Render(b, batchtest.Spec{Body: fmt.Sprintf("第%d县", i+1), Year: y, New: 3, Public: 3, Seed: uint64(i*10 + y)}))
		}
	}
	benchmarkWriters(b, dir)
}

// BenchmarkWriteSeeds measures them on the five real seeds copied 80
// times: 400 reports with their real findings (about 33 each), above
// htmlInlineLimit, so the page embeds the findings as JSON as it does for
// the supervising office's batches.
func BenchmarkWriteSeeds(b *testing.B) {
	dir := b.TempDir()
	for _, f := range testshared.Seeds(b) {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 80 {
			batchtest.Write(b, dir, fmt.Sprintf("%02d-%s", i, filepath.Base(f)), text)
		}
	}
	benchmarkWriters(b, dir)
}

func benchmarkWriters(b *testing.B, dir string) {
	res, err := batch.Run([]string{dir}, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []struct {
		name  string
		write func(*countingWriter) error
	}{
		{"json", func(c *countingWriter) error { return WriteJSON(c, res) }},
		{"html", func(c *countingWriter) error { return WriteHTML(c, res) }},
		{"xlsx", func(c *countingWriter) error { return WriteXLSX(c, res) }},
	} {
		b.Run(w.name, func(b *testing.B) {
			var c countingWriter
			for range b.N {
				if err := w.write(&c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c.n)/float64(b.N), "bytes/op")
		})
	}
}

type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }
