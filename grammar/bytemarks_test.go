package grammar

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// refCNDigit is cnDigit as it was: a search of the numerals' string.
func refCNDigit(r rune) int {
	if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
		return i/len("一") + 1
	}
	return 0
}

// refWriteUnspaced is setTitle's loop as it was: rune by rune.
func refWriteUnspaced(b *strings.Builder, s string) {
	for _, r := range s {
		if !isSpace(r) {
			b.WriteRune(r)
		}
	}
}

// cnDigit answers as the search of the numerals' string, for every rune,
// U+FFFD, a surrogate and runes past the last.
func TestCNDigitAsIndexRune(t *testing.T) {
	for r := rune(-2); r <= utf8.MaxRune+2; r++ {
		if got, want := cnDigit(r), refCNDigit(r); got != want {
			t.Fatalf("cnDigit(%U) = %d, IndexRune %d", r, got, want)
		}
	}
}

// hasClauseMark and hasSignatureMark answer as strings.ContainsAny, and
// writeUnspaced writes what setTitle's rune-by-rune loop wrote: on the lines
// of the real reports and on random text of the marks, their bytes alone,
// characters that share their lead bytes, spaces, 𠀀, invalid UTF-8, CRLF.
func TestMarksAndUnspacedByBytes(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := hasClauseMark(s), strings.ContainsAny(s, "。：:，,"); got != want {
			t.Fatalf("hasClauseMark(%q) = %v, ContainsAny %v", s, got, want)
		}
		if got, want := hasSignatureMark(s), strings.ContainsAny(s, "。，,；;"); got != want {
			t.Fatalf("hasSignatureMark(%q) = %v, ContainsAny %v", s, got, want)
		}
		var got, want strings.Builder
		writeUnspaced(&got, s)
		refWriteUnspaced(&want, s)
		if got.String() != want.String() {
			t.Fatalf("writeUnspaced(%q) = %q, rune by rune %q", s, got.String(), want.String())
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
	}
	pieces := []string{"。", "：", ":", "，", ",", "；", ";", "、", "＞", "「", "ｚ", "\xe3\x80", "\xef\xbc", "\x82", "\x9a", "\x8c", "\x9b",
		" ", "\t", "\r\n", "\n", "\u3000", "\u00a0", "\ufeff", "\u200b", "\f", "𠀀", "\xff", "\xe4\xb8", "\xed\xa0\x80",
		"年度报告", "政府信息公开", "2023", "a", "\ufffd"}
	rng := rand.New(rand.NewSource(83))
	for range 100000 {
		check(randomText(rng, pieces, rng.Intn(10)))
	}
}
