package input

import (
	"encoding/binary"
	"math/bits"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/internal/testshared"
)

// refValidUTF8 is validUTF8 as it was before it read a word at a time
// whatever came: ASCII and runs of three-byte characters each in a loop of
// their own.
func refValidUTF8(p []byte) bool {
	n := len(p)
	for i := 0; i < n; {
		c := p[i]
		if c < utf8.RuneSelf {
			// to the first byte that is not ASCII among the next eight
			if i+8 <= n {
				if high := binary.LittleEndian.Uint64(p[i:i+8]) & 0x8080808080808080; high == 0 {
					i += 8
				} else {
					i += bits.TrailingZeros64(high) >> 3
				}
			} else {
				i++
			}
			continue
		}
		// a run of 1110xxxx 10xxxxxx 10xxxxxx, lead byte not E0 or ED: two
		// characters at a time while eight bytes are left, then one
		// (rest shrinks as j grows: its length is the only bound checked)
		// (four at a time while fourteen are left: the words at 0 and 6)
		rest := p[i:]
		for len(rest) >= 14 {
			if !twoThreeByte(binary.LittleEndian.Uint64(rest)) || !twoThreeByte(binary.LittleEndian.Uint64(rest[6:])) {
				break
			}
			rest = rest[12:]
		}
		for len(rest) >= 8 {
			if !twoThreeByte(binary.LittleEndian.Uint64(rest)) {
				break
			}
			rest = rest[6:]
		}
		j := n - len(rest)
		for j+2 < n {
			t := p[j : j+3 : j+3]
			if w := uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16; w&0xC0C0F0 != 0x8080E0 || t[0] == 0xE0 || t[0] == 0xED {
				break
			}
			j += 3
		}
		if j > i {
			i = j
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// validUTF8 answers as utf8.Valid (and as it did before, refValidUTF8): on every three-byte sequence with a lead
// byte E0–EF (alone, after ASCII, before a continuation byte or the end),
// on the real reports, and on random texts of characters of every length,
// the edges of E0 and ED, surrogates, overlong forms, cut characters and
// runs of ASCII longer than eight bytes.
func TestValidUTF8AsTheStandardLibrary(t *testing.T) {
	check := func(p []byte) {
		if got, want := validUTF8(p), utf8.Valid(p); got != want {
			t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", p, got, want)
		}
		if got, want := validUTF8(p), refValidUTF8(p); got != want {
			t.Fatalf("validUTF8(%q) = %v, as it was %v", p, got, want)
		}
	}
	for c := 0xE0; c <= 0xEF; c++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				seq := []byte{byte(c), byte(b1), byte(b2)}
				check(seq)
				check(append([]byte("abcdefghi"), seq...))
				// after ASCII that ends a word's reading at each byte
				for _, pre := range []string{"a", "ab", "abcde", "abcdefg"} {
					check(append(append([]byte(pre), seq...), "表表表ab"...))
				}
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
