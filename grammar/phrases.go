package grammar

import (
	"strings"
	"unicode/utf8"
)

// phraseSet finds any of a few fixed phrases in one pass over a text.
// strings.Index once per phrase is slow on Chinese text: the first byte of a
// CJK phrase (0xE4–0xE9) is the first byte of most characters.
type phraseSet struct {
	first   [1024]uint64 // bitset of first runes (BMP)
	phrases []string
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{phrases: phrases}
	for _, p := range phrases {
		r, _ := utf8.DecodeRuneInString(p)
		if r < 0x10000 {
			ps.first[r>>6] |= 1 << (r & 63)
		}
	}
	return ps
}

// scan calls fn for each occurrence (offset, phrase) in text, in order,
// until fn returns false. At one offset the first listed phrase wins.
func (ps *phraseSet) scan(text string, fn func(off int, phrase string) bool) {
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if r < 0x10000 && ps.first[r>>6]&(1<<(r&63)) != 0 {
			for _, p := range ps.phrases {
				if strings.HasPrefix(text[i:], p) {
					if !fn(i, p) {
						return
					}
					break
				}
			}
		}
		i += n
	}
}
