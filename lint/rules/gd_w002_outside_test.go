package rules

import (
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// TestOnlySpaceOutsideAtLineEnds: a span that ends at the next line's start
// or between a CR and its LF has nothing after it on its line (the slice
// after it ran backwards and panicked); text before or after a span counts.
func TestOnlySpaceOutsideAtLineEnds(t *testing.T) {
	for _, c := range []struct {
		text       string
		start, end int
		want       bool
	}{
		{"阅读次数\n正文", 0, len("阅读次数\n"), true},
		{"阅读次数\r\n正文", 0, len("阅读次数\r"), true},
		{"阅读次数\r\n正文", 0, len("阅读次数\r\n"), true},
		{"  阅读次数 \n正文", 2, 2 + len("阅读次数"), true},
		{"前 阅读次数\n正文", len("前 "), len("前 阅读次数"), false},
		{"阅读次数 后\n正文", 0, len("阅读次数"), false},
		{"阅读\n次数 后\n正文", 0, len("阅读\n次数"), false},
		{"阅读\n次数\n正文", 0, len("阅读\n次数"), true},
		{"阅读\r\n次数\r\n正文", 0, len("阅读\r\n次数\r"), true},
	} {
		src := grammar.NewSource("t.txt", c.text)
		if got := onlySpaceOutside(src, grammar.Span{Start: c.start, End: c.end}); got != c.want {
			t.Errorf("%q [%d,%d): %v, want %v", c.text, c.start, c.end, got, c.want)
		}
	}
}
