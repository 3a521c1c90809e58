package grammar_test

import (
	"bytes"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
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

func benchmarkParse(b *testing.B, size int) {
	raw := bigReport(size)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		src, err := input.Decode("report.txt", raw)
		if err != nil {
			b.Fatal(err)
		}
		if rep := grammar.Parse(src); len(rep.Sections) == 0 {
			b.Fatal("no sections")
		}
	}
}

// Parse time must grow linearly: compare the MB/s of the three sizes.
func BenchmarkParse20KB(b *testing.B)  { benchmarkParse(b, 20<<10) }
func BenchmarkParse200KB(b *testing.B) { benchmarkParse(b, 200<<10) }
func BenchmarkParse2MB(b *testing.B)   { benchmarkParse(b, 2<<20) }
