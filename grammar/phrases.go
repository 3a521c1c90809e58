package grammar

import "strings"

// phraseSet finds any of a few fixed phrases in one pass over a text.
// strings.Index once per phrase is slow on Chinese text: the first byte of a
// CJK phrase (0xE4–0xE9) is the first byte of most characters. Instead the
// scan looks up the first and the second pair of bytes at each offset in two
// bitsets (a CJK character is three bytes, so both pairs are needed to tell
// it from its neighbours in the code chart). A phrase starts with an ASCII
// or a UTF-8 lead byte, never with a continuation byte, so a match can only
// start on a character boundary.
type phraseSet struct {
	lead    [256]bool    // first bytes of the phrases: most bytes are not
	first   [1024]uint64 // bytes 0–1 of the phrases
	second  [1024]uint64 // bytes 1–2 of the phrases three bytes or longer
	short   bool         // a two-byte phrase: bytes 1–2 say nothing
	single  [256]bool    // phrases one byte long
	phrases []string
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{phrases: phrases}
	for _, p := range phrases {
		ps.lead[p[0]] = true
		if len(p) == 1 {
			ps.single[p[0]] = true
			continue
		}
		setBit(&ps.first, p[0], p[1])
		if len(p) >= 3 {
			setBit(&ps.second, p[1], p[2])
		} else {
			ps.short = true
		}
	}
	return ps
}

func setBit(b *[1024]uint64, x, y byte) {
	k := uint(x)<<8 | uint(y)
	b[k>>6] |= 1 << (k & 63)
}

func hasBit(b *[1024]uint64, x, y byte) bool {
	k := uint(x)<<8 | uint(y)
	return b[k>>6]&(1<<(k&63)) != 0
}

// scan calls fn for each occurrence (offset, phrase) in text, in order,
// until fn returns false. At one offset the first listed phrase wins.
func (ps *phraseSet) scan(text string, fn func(off int, phrase string) bool) {
	n := len(text)
	for i := 0; i < n; i++ {
		c := text[i]
		if !ps.lead[c] {
			continue
		}
		hit := ps.single[c]
		if !hit && i+1 < n && hasBit(&ps.first, c, text[i+1]) {
			hit = ps.short || i+2 >= n || hasBit(&ps.second, text[i+1], text[i+2])
		}
		if !hit {
			continue
		}
		for _, p := range ps.phrases {
			if strings.HasPrefix(text[i:], p) {
				if !fn(i, p) {
					return
				}
				break
			}
		}
	}
}
