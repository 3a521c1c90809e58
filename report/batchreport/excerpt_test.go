package batchreport

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
)

// excerptReference is excerpt before its plain-text shortcut.
func excerptReference(src *grammar.Source, sp grammar.Span, limit int) string {
	if src == nil || sp.Start < 0 || sp.End > len(src.Text) || sp.Start >= sp.End {
		return ""
	}
	s := strings.Join(strings.Fields(src.Slice(sp)), " ")
	if utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = string(r[:limit]) + "…"
	}
	return s
}

// excerpt gives what excerptReference gives: on spans of the seeds and the
// corpus, and of random text with 𠀀, invalid UTF-8, CRLF and the white
// space outside ASCII (U+0085, U+00A0, U+3000), at character boundaries
// and inside characters.
func TestExcerptMatchesReference(t *testing.T) {
	var texts []string
	for _, dir := range []string{"../../../shared/seeds", "../../../shared/corpus"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				texts = append(texts, string(b))
			}
		}
	}
	if len(texts) == 0 {
		t.Log("no seeds found: random text only")
	}
	rng := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"报", "告", "a", "1", "𠀀", "\xff", "\xe4\xb8", "\r\n", "\n", " ", "\t", "\v", "\u0085", "\u00a0", "\u3000", "，", "…"}
	for range 200 {
		var b strings.Builder
		for range rng.IntN(120) + 1 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		src := grammar.NewSource("t.txt", text)
		for range 200 {
			start := rng.IntN(len(text) + 1)
			end := start + rng.IntN(min(len(text)-start, 200)+1)
			for _, limit := range []int{1, 5, 40} {
				sp := grammar.Span{Start: start, End: end}
				if got, want := excerpt(src, sp, limit), excerptReference(src, sp, limit); got != want {
					t.Fatalf("excerpt(%q, %d) = %q, want %q", text[start:end], limit, got, want)
				}
			}
		}
	}
}
