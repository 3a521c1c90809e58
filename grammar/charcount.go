package grammar

import (
	"math/bits"
	"unicode/utf8"
)

// CountChars is utf8.RuneCountInString(s), the characters a range loop
// visits, counted faster on Chinese text: RuneCountInString (a range loop
// in Go 1.26) decodes every character that is not ASCII, which made
// columns the largest single cost of printing a batch's findings. A three-byte
// character whose lead byte is neither E0 nor ED (the two that narrow the
// second byte's range) is counted from its bytes' top bits; anything else
// is decoded, so invalid UTF-8 counts as range counts it.
func CountChars(s string) int {
	chars, _ := countColumns(s)
	return chars
}

// countValidChars is CountChars(s) for s valid UTF-8: its bytes less its
// continuation bytes (10xxxxxx), found eight at a time. On invalid UTF-8 it
// counts differently (a stray continuation byte is a character to range).
func countValidChars(s string) int {
	cont := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		cont += continuationBytes(load8(s, i))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// continuationBytes counts the bytes 10xxxxxx of the word w: top bit set,
// the next clear (w<<1 puts each byte's bit 6 where its bit 7 is).
func continuationBytes(w uint64) int {
	return bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
}

// countValidColumns is countColumns(s) for s valid UTF-8: its characters
// (bytes less continuation bytes) and UTF-16 units (one more for each
// four-byte character, whose lead byte is F0–F4), eight bytes at a time.
func countValidColumns(s string) (chars, units int) {
	cont, lead4 := 0, 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load8(s, i)
		cont += continuationBytes(w)
		lead4 += bits.OnesCount64(w & (w << 1) & (w << 2) & (w << 3) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		switch {
		case s[i]&0xC0 == 0x80:
			cont++
		case s[i] >= 0xF0:
			lead4++
		}
	}
	chars = len(s) - cont
	return chars, chars + lead4
}

// countColumns counts the characters of s and their UTF-16 code units.
// (nextColumns written out: a call per character costs 3 % of a batch)
func countColumns(s string) (chars, units int) {
	for i := 0; i < len(s); chars++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			units += utf16Len(r) - 1
		}
	}
	return chars, chars + units
}

// nextColumns is the size in bytes of the character at s[i] as a range loop
// decodes it, and its UTF-16 code units.
func nextColumns(s string, i int) (size, units int) {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return 1, 1
	case c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		return 3, 1 // U+1000–U+FFFF outside the surrogates
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n, utf16Len(r)
}
