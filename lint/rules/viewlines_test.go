package rules

import (
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// viewLinesOf takes the line starts of the source when the view is its
// text: at every offset of the seeds and the corpus, and of texts with
// CRLF, CR, empty lines and no final newline, it finds the line
// newViewLines finds.
func TestViewLinesOfSourceAsIndexed(t *testing.T) {
	reps := sharedReports(t)
	for _, text := range []string{"", "\n", "a", "a\n", "\n\nb", "一\r\n二\r\n", "a\rb\n", "𠀀\n\n"} {
		reps = append(reps, grammar.Parse(grammar.NewSource("t.txt", text)))
	}
	fromSource := 0
	for _, rep := range reps {
		got, want := viewLinesOf(rep), newViewLines(viewOf(rep).Text)
		if got.src != nil {
			fromSource++
		}
		for off := 0; off <= len(want.text); off++ {
			gs, ge := got.line(off)
			ws, we := want.line(off)
			if gs != ws || ge != we {
				t.Fatalf("%s: line(%d) = %d, %d, want %d, %d", rep.Source.Path, off, gs, ge, ws, we)
			}
		}
	}
	if fromSource < 10 {
		t.Fatalf("only %d reports read the source's lines", fromSource)
	}
}
