package report

import (
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// LocationOf counts a span within a line from its start: every span of a
// text with CJK, a character outside the BMP, CRLF, invalid UTF-8 and
// offsets inside characters and out of range, and a line long enough for
// CharPos to count from its checkpoints, gives what CharPos of both
// ends gives.
func TestLocationOfMatchesCharPos(t *testing.T) {
	text := "一、总体情况\r\n𠮷a\xe4\xb8b\xffc\n\n末行" + strings.Repeat("长", 400) + "x"
	src := grammar.NewSource("t.txt", text)
	for start := -1; start <= len(text)+1; start++ {
		ends := []int{len(text), len(text) + 1}
		for end := start - 1; end <= start+40; end++ {
			ends = append(ends, end)
		}
		for _, end := range ends {
			sp := grammar.Span{Start: start, End: end}
			a, b := src.CharPos(start), src.CharPos(end)
			want := Location{a.Line + 1, a.Col + 1, b.Line + 1, b.Col + 1, 0}
			if got := LocationOf(src, sp); got != want {
				t.Fatalf("span %d-%d: %+v, want %+v", start, end, got, want)
			}
		}
	}
}
