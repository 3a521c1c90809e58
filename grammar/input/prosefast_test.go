package input

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/internal/testshared"
)

// validUTF8 answers as utf8.Valid: on every three-byte sequence with a lead
// byte E0–EF (alone, after ASCII, before a continuation byte or the end),
// on the real reports, and on random texts of characters of every length,
// the edges of E0 and ED, surrogates, overlong forms, cut characters and
// runs of ASCII longer than eight bytes.
func TestValidUTF8AsTheStandardLibrary(t *testing.T) {
	check := func(p []byte) {
		if got, want := validUTF8(p), utf8.Valid(p); got != want {
			t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", p, got, want)
		}
	}
	for c := 0xE0; c <= 0xEF; c++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				seq := []byte{byte(c), byte(b1), byte(b2)}
				check(seq)
				check(append([]byte("abcdefghi"), seq...))
				// first and second of two characters read at once
				check(append(append([]byte("表"), seq...), "ab"...))
				check(append(append([]byte{}, seq...), "表ab"...))
				// each of four characters read at once, and after them
				for k := 0; k <= 5; k++ {
					check(append(append([]byte(strings.Repeat("表", k)), seq...), "表表表表ab"...))
				}
				if b2&0xC0 == 0x80 {
					check(append(seq, 0x80))
				}
			}
		}
	}
	for _, dir := range []string{"seeds", "corpus"} {
		files, _ := filepath.Glob(filepath.Join(testshared.Dir(t), dir, "*"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err == nil {
				check(raw)
			}
		}
	}
	pieces := []string{"a", "abcdefgh", "0123456789\t", "é", "€", "表", "政府", "\u3000", "\uffff", "\ufffd", "𠮷", "\U0010FFFF",
		"\xe0\xa0\x80", "\xe0\x9f\xbf", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
		"\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xe4\xb8", "\xe4", "\x80", "\xbf", "\xff", "\xf0\x9f", "\xf5\x80\x80\x80"}
	rng := rand.New(rand.NewSource(19))
	var b strings.Builder
	for range 200000 {
		b.Reset()
		for k := rng.Intn(10); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check([]byte(b.String()))
	}
}
