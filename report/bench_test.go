package report_test

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// BenchmarkWholeCheck is what `gdlint check --format json` spends on one
// report: decode, parse, every rule, and the JSON output (one op = the five
// seed reports; ns/report is the figure issue 11 compares).
//
//	go test ./report -run '^$' -bench 'WholeCheck|LongLineJSON' -count 6
func BenchmarkWholeCheck(b *testing.B) {
	paths := testshared.Seeds(b)
	raws := make([][]byte, len(paths))
	size := 0
	for i, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws[i], size = raw, size+len(raw)
	}
	cfg := lint.DefaultConfig()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, raw := range raws {
			res := lint.Check(lint.FromBytes(paths[i], raw), cfg, lint.CheckOptions{})
			if res.Err != nil {
				b.Fatal(res.Err)
			}
			if err := report.WriteJSON(io.Discard, []*lint.FileResult{res}, report.OutputOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(raws)), "ns/report")
}

// BenchmarkLongLineJSON is one line of a repeated word (a finding every few
// characters) checked and printed as JSON: the 200 KB line must take at
// most 6× the 50 KB line (issue 11; it took 7 s when every position was
// counted from the start of its line).
func BenchmarkLongLineJSON(b *testing.B) {
	for _, kb := range []int{50, 200} {
		unit := "审核审核，"
		text := "一、总体情况\n" + strings.Repeat(unit, kb<<10/len(unit)) + "\n"
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				res := lint.Check(lint.FromText("t.txt", text), lint.DefaultConfig(), lint.CheckOptions{})
				if len(res.Diagnostics) == 0 {
					b.Fatal("no findings")
				}
				if err := report.WriteJSON(io.Discard, []*lint.FileResult{res}, report.OutputOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStreams is the json, json-lines and text outputs alone of the
// five seed reports' findings (checked once, outside the loop): what the
// main goroutine of a batch run spends on printing a report's findings.
//
//	go test ./report -run '^$' -bench Streams -benchmem
func BenchmarkStreams(b *testing.B) {
	paths := testshared.Seeds(b)
	var results []*lint.FileResult
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		res := lint.Check(lint.FromBytes(p, raw), lint.DefaultConfig(), lint.CheckOptions{})
		if res.Err != nil {
			b.Fatal(res.Err)
		}
		results = append(results, res)
	}
	for _, format := range []string{"json", "json-lines", "text"} {
		b.Run(format, func(b *testing.B) {
			var out countingWriter
			b.ReportAllocs()
			for b.Loop() {
				s := report.NewStream(format, &out, report.OutputOptions{})
				for _, r := range results {
					if err := s.File(r); err != nil {
						b.Fatal(err)
					}
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(out.n / int64(b.N))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(results)), "ns/report")
		})
	}
}

// countingWriter discards what it is given and counts the bytes.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkFindingCost is one report checked and printed as JSON to a
// stream kept from op to op (as a batch keeps it), the seed with most
// GD-W004 findings as it is and with its safe fixes applied: the
// difference in instructions over the difference in findings is what a
// finding costs from its rule to its JSON (under callgrind at 18f14a5,
// (220x − 20x)/200 each: 730 K and 541 K instructions for 60 findings and
// 2, about 3,300 a finding).
//
//	go test ./report -run '^$' -bench FindingCost
func BenchmarkFindingCost(b *testing.B) {
	var path string
	for _, p := range testshared.Seeds(b) {
		if strings.Contains(p, "002_") {
			path = p
		}
	}
	if path == "" {
		b.Fatal("seed 002 not found")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	cfg := lint.DefaultConfig()
	fixed := lint.Check(lint.FromBytes(path, raw), cfg, lint.CheckOptions{Fix: true}).Fixed
	for _, c := range []struct{ name, text string }{{"as-is", string(raw)}, {"fixed", fixed}} {
		b.Run(c.name, func(b *testing.B) {
			s := report.NewStream("json", io.Discard, report.OutputOptions{})
			findings := 0
			for b.Loop() {
				res := lint.Check(lint.FromText(path, c.text), cfg, lint.CheckOptions{})
				if err := s.File(res); err != nil {
					b.Fatal(err)
				}
				findings = len(res.Diagnostics)
			}
			b.ReportMetric(float64(findings), "findings/op")
		})
	}
}
