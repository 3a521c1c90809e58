package rules

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// quoteByFields is quote as it was: fields joined, then cut as runes.
func quoteByFields(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, isSpaceRune), " ")
	if utf8.RuneCountInString(s) > n {
		rs := []rune(s)
		return string(rs[:n]) + "…"
	}
	return s
}

// quote builds its text in one buffer: the same text as the fields joined
// and cut, on the seeds' and the corpus' paragraphs and on random text
// with every space quote collapses, invalid UTF-8, a literal U+FFFD and
// characters outside the BMP, cut at every length.
func TestQuoteIsFieldsJoined(t *testing.T) {
	var texts []string
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	rng := rand.New(rand.NewSource(15))
	pieces := []string{"a", "年", "𠀀", " ", "\t", "\r", "\n", "\u00a0", "\u3000", "\ufeff", "\u200b", "\xff", "\xe5\xb9",
		"\ufffd", "…", "（", ""}
	for i := 0; i < 30000; i++ {
		texts = append(texts, randomText(rng, pieces, rng.Intn(20)))
	}
	for _, s := range texts {
		for _, n := range []int{0, 1, 2, 5, 12, 30, 60} {
			if got, want := quote(s, n), quoteByFields(s, n); got != want {
				t.Fatalf("quote(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
