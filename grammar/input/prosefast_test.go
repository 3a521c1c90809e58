package input

import (
	"encoding/binary"
	"math/bits"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
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

// refValidUTF8Words is validUTF8Lines's check as it was before it found
// the line starts too (validUTF8, then the grammar's lineStarts): faster on Chinese text: a report is mostly
// three-byte characters whose lead byte is neither E0 nor ED (the two
// that narrow the second byte's range), checked here by two masks, where
// utf8.Valid looks each lead byte up in two tables. ASCII is passed eight
// bytes at a time, up to the first byte that is not ASCII; any other
// character is decoded.
func refValidUTF8Words(p []byte) bool {
	n := len(p)
	i := 0
	// a word at a time, whatever comes: the text changes between ASCII and
	// Chinese every few characters, and each change cost a dispatch
	for i+8 <= n {
		w := binary.LittleEndian.Uint64(p[i : i+8])
		switch high := w & 0x8080808080808080; {
		case high&0x80 == 0:
			// ASCII: to the first byte that is not, among the eight
			if high == 0 {
				i += 8
			} else {
				i += bits.TrailingZeros64(high) >> 3
			}
		case twoThreeByte(w):
			i += 6
			// more of them, as in Chinese text: four at a time while
			// fourteen bytes are left (the words at 0 and 6), then two
			rest := p[i:]
			for len(rest) >= 14 && twoThreeByte(binary.LittleEndian.Uint64(rest)) && twoThreeByte(binary.LittleEndian.Uint64(rest[6:])) {
				rest = rest[12:]
			}
			for len(rest) >= 8 && twoThreeByte(binary.LittleEndian.Uint64(rest)) {
				rest = rest[6:]
			}
			i = n - len(rest)
		case oneThreeByte(w):
			i += 3
		default:
			r, size := utf8.DecodeRune(p[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
			i += size
		}
	}
	return utf8.Valid(p[i:])
}

// refLineStarts is where p's lines start: 0, then after each line feed.
func refLineStarts(p []byte) []int {
	starts := []int{0}
	for i, c := range p {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// validUTF8Lines answers as utf8.Valid (and as it did before,
// refValidUTF8 and refValidUTF8Words), and finds the line starts
// refLineStarts finds: on every three-byte sequence with a lead
// byte E0–EF (alone, after ASCII, before a continuation byte or the end),
// on the real reports, and on random texts of characters of every length,
// the edges of E0 and ED, surrogates, overlong forms, cut characters and
// runs of ASCII longer than eight bytes.
func TestValidUTF8AsTheStandardLibrary(t *testing.T) {
	check := func(p []byte) {
		starts, got := validUTF8Lines(p)
		if want := utf8.Valid(p); got != want {
			t.Fatalf("validUTF8Lines(%q) = %v, utf8.Valid %v", p, got, want)
		}
		if want := refValidUTF8(p); got != want {
			t.Fatalf("validUTF8Lines(%q) = %v, as it was %v", p, got, want)
		}
		if want := refValidUTF8Words(p); got != want {
			t.Fatalf("validUTF8Lines(%q) = %v, as it was before the line starts %v", p, got, want)
		}
		if want := refLineStarts(p); got && !slices.Equal(starts, want) {
			t.Fatalf("validUTF8Lines(%q): line starts %v, want %v", p, starts, want)
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
		"\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xe4\xb8", "\xe4", "\x80", "\xbf", "\xff", "\xf0\x9f", "\xf5\x80\x80\x80",
		"\n", "\r\n", "\n\n", "\x0b", "\x0b\n\x0b", "ab\ncdefgh\n", "\t1\t2\n", "𠀀"}
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
