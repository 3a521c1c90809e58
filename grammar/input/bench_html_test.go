package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func BenchmarkParseHTMLReport(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "containers", "report.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Parse("report.html", raw); err != nil {
			b.Fatal(err)
		}
	}
}

// many tiny blocks: the worst case for the number of view pieces
func BenchmarkHTMLViewTinyParagraphs(b *testing.B) {
	s := strings.Repeat("<p>a", 100000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		HTMLView(s)
	}
}

func BenchmarkDOCXText(b *testing.B) {
	raw := makeDOCX(b, reportDOCX())
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := DOCXText(raw); err != nil {
			b.Fatal(err)
		}
	}
}
