package grammar

import "unicode/utf8"

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
