package grammar_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
)

// bigReport builds about n bytes of report text: the golden reports (every
// rendering: tab, pipe, Markdown, one cell per line, glued crawler text)
// one after another, as in a file that collects a body's reports, cut at a
// line end. Only UTF-8 reports are used so that the result decodes as one.
func bigReport(n int) []byte {
	var units [][]byte
	for _, raw := range goldenReports(&testing.T{}) {
		if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
			raw = raw[3:]
		}
		if src, err := input.Decode("x.txt", raw); err == nil && src.Encoding != grammar.GB18030 {
			units = append(units, []byte(src.Text))
		}
	}
	var b bytes.Buffer
	b.Grow(n + 64<<10)
	for i := 0; b.Len() < n; i++ {
		b.Write(units[i%len(units)])
		b.WriteString("\n")
	}
	out := b.Bytes()[:n]
	if i := bytes.LastIndexByte(out, '\n'); i > 0 {
		out = out[:i+1]
	}
	return out
}

// benchDecodeParse times the decoding and parsing of each of docs, one op
// being all of them; MB/s counts their bytes.
func benchDecodeParse(b *testing.B, docs ...[]byte) {
	size := 0
	for _, raw := range docs {
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, raw := range docs {
			src, err := input.Decode("report.txt", raw)
			if err != nil {
				b.Fatal(err)
			}
			if rep := grammar.Parse(src); len(rep.Sections) == 0 {
				b.Fatal("no sections")
			}
		}
	}
}

func benchmarkParse(b *testing.B, size int) {
	raw := bigReport(size)
	benchDecodeParse(b, raw)
}

// Parse time must grow linearly: compare the MB/s of the three sizes.
func BenchmarkParse20KB(b *testing.B)  { benchmarkParse(b, 20<<10) }
func BenchmarkParse200KB(b *testing.B) { benchmarkParse(b, 200<<10) }
func BenchmarkParse2MB(b *testing.B)   { benchmarkParse(b, 2<<20) }

// seedReport builds about n bytes of report text from the five seed reports
// (../shared/seeds) one after another, cut at a line end: the parse-speed
// goal of issue 11 (≥ 100 MB/s per core) is measured on it.
func seedReport(b *testing.B, n int) []byte {
	var units [][]byte
	for _, p := range testshared.Seeds(b) {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		src, err := input.Decode(p, raw)
		if err != nil {
			b.Fatal(err)
		}
		units = append(units, []byte(src.Text))
	}
	var buf bytes.Buffer
	buf.Grow(n + 64<<10)
	for i := 0; buf.Len() < n; i++ {
		buf.Write(units[i%len(units)])
		buf.WriteString("\n")
	}
	out := buf.Bytes()[:n]
	if i := bytes.LastIndexByte(out, '\n'); i > 0 {
		out = out[:i+1]
	}
	return out
}

func benchmarkParseSeeds(b *testing.B, size int) {
	raw := seedReport(b, size)
	benchDecodeParse(b, raw)
}

// Decode and parse of 1 MB and 10 MB made of the seeds: MB/s is per core
// (the parse is one goroutine).
//
//	go test ./grammar -run '^$' -bench 'ParseSeeds' -count 6
func BenchmarkParseSeeds1MB(b *testing.B)  { benchmarkParseSeeds(b, 1<<20) }
func BenchmarkParseSeeds10MB(b *testing.B) { benchmarkParseSeeds(b, 10<<20) }

// Decode and parse of each seed report on its own, as a batch run reads
// them: the tables weigh more here than in the concatenations above, which
// hold one report's tables and a hundred reports' prose.
//
//	go test ./grammar -run '^$' -bench 'ParseEachSeed' -cpu 1
func BenchmarkParseEachSeed(b *testing.B) {
	var raws [][]byte
	for _, p := range testshared.Seeds(b) {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	benchDecodeParse(b, raws...)
}

// Decode and parse of the language server benchmark's report
// (testdata/examples/clean.txt grown to 100 KB): what each keystroke costs
// before the rules run.
//
//	go test ./grammar -run '^$' -bench 'ParseClean100KB' -cpu 1
func BenchmarkParseClean100KB(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "examples", "clean.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchDecodeParse(b, []byte(testshared.GrowOverview(string(raw), 102400)))
}
