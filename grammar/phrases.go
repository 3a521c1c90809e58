package grammar

import (
	"strings"
	"unicode/utf8"
)

// phraseSet finds any of a few fixed phrases in one pass over a text.
// strings.Index once per phrase is slow on Chinese text, and so is a test at
// every byte. The scan steps by character: the first character of each
// phrase is kept in a bitset over the Basic Multilingual Plane (ASCII
// included), so most characters cost one lookup; only at a candidate are the
// phrases compared. Characters outside the BMP start no phrase here.
type phraseSet struct {
	first   [1024]uint64 // BMP code points that start a phrase
	phrases []string
	starts  []rune // the first character of each phrase
	// lists[slot[block[r>>6]][r&63]] are the indices, in order, of the
	// phrases that start with r: a common character (公, 政) starts a
	// candidate thousands of times, and only its own phrases are compared,
	// found by two array lookups (a map's was most of a candidate's cost)
	block [1024]uint8 // for each 64 characters, its row of slot (0: none)
	slot  [][64]uint8 // slot[0] is the empty row
	lists [][]int     // lists[0] is empty
}

// startingWith returns the indices of the phrases that start with r, a
// character of the BMP.
func (ps *phraseSet) startingWith(r rune) []int {
	return ps.lists[ps.slot[ps.block[r>>6]][r&63]]
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{phrases: phrases, slot: make([][64]uint8, 1), lists: make([][]int, 1)}
	for j, p := range phrases {
		r, size := utf8.DecodeRuneInString(p)
		if r == utf8.RuneError && size <= 1 || r > 0xFFFF {
			panic("phraseSet: a phrase must start with a valid BMP character: " + p)
		}
		ps.first[r>>6] |= 1 << (uint(r) & 63)
		ps.starts = append(ps.starts, r)
		if ps.block[r>>6] == 0 {
			ps.block[r>>6] = uint8(len(ps.slot))
			ps.slot = append(ps.slot, [64]uint8{})
		}
		row := &ps.slot[ps.block[r>>6]]
		if row[r&63] == 0 {
			row[r&63] = uint8(len(ps.lists))
			ps.lists = append(ps.lists, nil)
		}
		ps.lists[row[r&63]] = append(ps.lists[row[r&63]], j)
		if len(ps.slot) > 255 || len(ps.lists) > 255 {
			panic("phraseSet: more than 254 first characters or blocks of them")
		}
	}
	return ps
}

// scan calls fn for each occurrence (offset, phrase) in text, in order,
// until fn returns false. At one offset the first listed phrase wins.
// Invalid UTF-8 bytes are stepped over one at a time.
func (ps *phraseSet) scan(text string, fn func(off int, phrase string) bool) {
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		var r rune
		size := 1
		switch {
		case c < 0x80:
			r = rune(c)
		case c >= 0xE0 && c < 0xF0 && i+2 < n:
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			size = 3
		case c >= 0xC0 && c < 0xE0 && i+1 < n:
			r = rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
			size = 2
		case c >= 0xF0:
			i += 4 // outside the BMP (or broken): starts no phrase
			continue
		default:
			i++
			continue
		}
		if ps.first[r>>6]&(1<<(uint(r)&63)) != 0 {
			for _, p := range ps.phrases {
				if strings.HasPrefix(text[i:], p) {
					if !fn(i, p) {
						return
					}
					break
				}
			}
		}
		i += size
	}
}

// phraseHit is one occurrence a phraseSet found.
type phraseHit struct {
	off    int
	phrase string
}

// scanSets finds the phrases of several sets in one pass over text:
// out[k] holds, in order, every occurrence sets[k].scan would report.
// The parser needs four sets over the same text; one pass decodes each
// character once instead of four times.
// Its decoding repeats scan's on purpose: a shared helper is too big for
// the compiler to inline (cost 129 of 80) and cost 2–5 % of a parse.
func scanSets(text string, sets []*phraseSet) [][]phraseHit {
	var first [1024]uint64
	for _, s := range sets {
		for i, w := range s.first {
			first[i] |= w
		}
	}
	out := make([][]phraseHit, len(sets))
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		var r rune
		size := 1
		switch {
		case c < 0x80:
			r = rune(c)
		case c >= 0xE0 && c < 0xF0 && i+2 < n:
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			size = 3
		case c >= 0xC0 && c < 0xE0 && i+1 < n:
			r = rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
			size = 2
		case c >= 0xF0:
			i += 4 // outside the BMP (or broken): starts no phrase
			continue
		default:
			i++
			continue
		}
		word, bit := r>>6, uint64(1)<<(uint(r)&63)
		if first[word]&bit != 0 {
			for k, s := range sets {
				if s.first[word]&bit == 0 {
					continue
				}
				for _, j := range s.startingWith(r) {
					if p := s.phrases[j]; strings.HasPrefix(text[i:], p) {
						out[k] = append(out[k], phraseHit{i, p})
						break
					}
				}
			}
		}
		i += size
	}
	return out
}
