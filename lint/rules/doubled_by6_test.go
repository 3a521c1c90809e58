package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// mayHaveDoubledBy6 is mayHaveDoubled before it read eight bytes at a
// time (kept as the reference): a quick pass that rules out most paragraphs: a finding
// needs a function character followed by itself (AA), or two different Han
// characters repeated (ABAB) — the conditions of checkDoubledIn before its
// exceptions. Only then is the paragraph read into runes.
//
// Either repeats bytes: AA (three bytes) at a distance of 3, ABAB of two
// three-byte characters at a distance of 6. Eight bytes at a time are
// compared with the eight 3 and 6 further on, and only where three equal
// bytes in a row start does mayHaveDoubledRunes decode the characters
// there. Han outside the BMP takes four bytes (other distances): from the
// first byte F0–FF on, the text is decoded.
func mayHaveDoubledBy6(text string) bool {
	rest := text // text[i:]
	for len(rest) >= 14 {
		a := load64(rest)
		if byteF0(a)|tripleZeros(a^load64(rest[3:]), a^load64(rest[6:])) != 0 {
			i := len(text) - len(rest)
			if byteF0(a) != 0 {
				// a four-byte ABAB is at most 16 bytes long: one that ends
				// at this byte or later begins after i-16
				return mayHaveDoubledRunes(text[runeStartBefore(text, max(0, i-16)):])
			}
			// a finding whose first character starts in [i, i+6) ends by
			// i+6+12 (ABAB: four three-byte characters)
			if mayHaveDoubledRunes(text[runeStartBefore(text, i):min(len(text), i+6+12)]) {
				return true
			}
		}
		rest = rest[6:]
	}
	// the tail: a finding that starts before i has only three-byte
	// characters (the windows found it) or a four-byte one whose first
	// byte is past the windows' bytes, i+2 and on: it starts at i-1 at
	// the earliest, in the character holding byte i
	i := len(text) - len(rest)
	return mayHaveDoubledRunes(text[runeStartBefore(text, i):])
}

// tripleZeros is not zero when bytes k, k+1 and k+2 of v or of u are zero
// for some k in 0–5; it may also be not zero when they are not (a borrow),
// never the other way round.
func tripleZeros(v, u uint64) uint64 {
	// byte k of t: bytes k to k+2 of v (6 and 7 read zeros shifted in, and
	// are dropped at the end: a borrow runs only upwards)
	tv := v | v>>8 | v>>16
	tu := u | u>>8 | u>>16
	return ((tv-ones64)&^tv | (tu-ones64)&^tu) & (highs >> 16)
}

// mayHaveDoubled steps eight bytes at a time with flags carried over from
// the last word, where mayHaveDoubledBy6 stepped six: both answer as the
// test done character by character, on the paragraphs of the seeds and
// the corpus and on random text with doubles, characters outside the BMP,
// invalid UTF-8 and CRLF, at every offset.
func TestMayHaveDoubledAsBy6(t *testing.T) {
	var texts []string
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	if len(texts) < 300 {
		t.Fatalf("%d paragraphs: the test proves little", len(texts))
	}
	rng := rand.New(rand.NewSource(12))
	pieces := append([]string{"的的", "审核审核", "𠀀𠮷𠀀𠮷", "审𠀀审𠀀", "𠀀审𠀀审", "\r\n", "\r", "了了", "层层", "资金资金", "\xf0", "\xf0\x9f"}, fastPathPieces...)
	for n := 0; n < 30000; n++ {
		texts = append(texts, randomText(rng, pieces, rng.Intn(30)))
	}
	for _, d := range []string{"的的", "审核审核", "𠀀𠮷𠀀𠮷", "审𠀀审𠀀", "𠀀审𠀀审"} {
		for k := 0; k < 30; k++ {
			for _, pad := range []string{"", "a", "ab", "\r\n", "𠀀"} {
				for _, post := range []string{"", "x", "年", "年年年年年年", "\xff"} {
					texts = append(texts, pad+strings.Repeat("年", k/3)+strings.Repeat("x", k%3)+d+post)
				}
			}
		}
	}
	yes := 0
	for _, text := range texts {
		got, old, want := mayHaveDoubled(text), mayHaveDoubledBy6(text), mayHaveDoubledRunes(text)
		if got != want || old != want {
			t.Fatalf("mayHaveDoubled(%q) = %v, mayHaveDoubledBy6 %v, want %v", text, got, old, want)
		}
		if want {
			yes++
		}
	}
	if yes < 1000 || len(texts)-yes < 1000 {
		t.Fatalf("%d of %d texts with a double: the test proves little", yes, len(texts))
	}
}
