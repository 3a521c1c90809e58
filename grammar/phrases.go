package grammar

import (
	"math/bits"
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
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{phrases: phrases}
	for _, p := range phrases {
		r, size := utf8.DecodeRuneInString(p)
		if r == utf8.RuneError && size <= 1 || r > 0xFFFF {
			panic("phraseSet: a phrase must start with a valid BMP character: " + p)
		}
		ps.first[r>>6] |= 1 << (uint(r) & 63)
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
func scanSets(text string, sets []*phraseSet) [][]phraseHit {
	return scanSetsFrom(text, 0, len(text), sets, make([][]phraseHit, len(sets)))
}

// setsIndex indexes the phrases of several sets by their first character:
// a common character (公, 政) starts a candidate thousands of times, and
// only its own phrases are compared, found by two array lookups (a map's
// was most of a candidate's cost), each on its first eight bytes at once.
type setsIndex struct {
	first [1024]uint64 // BMP code points that start a phrase of any set
	// first3 is first's three-byte characters, by their bytes rather
	// than the code point (at3)
	first3 [0x3F40]uint32
	// asciiStarts are the ASCII characters that start a phrase, each in
	// every byte of a word (the first again for the unused ones, DEL when
	// there is none), when there are four at most (asciiFew): skip tests a
	// word of ASCII against them at once
	asciiStarts [4]uint64
	asciiFew    bool
	block       [1024]uint8 // for each 64 characters, its row of slot (0: none)
	slot        [][64]uint8 // slot[0] is the empty row
	// lists[slot[block[r>>6]][r&63]] are the phrases that start with r,
	// set after set, each set's in its order
	lists [][]setPhrase
	// common[k] is what the first eight bytes of every phrase of lists[k]
	// have in common, leading bytes only (head under mask): where the text
	// differs, none of them starts (政府 and 公开 start thousands of
	// candidates and few phrases)
	common []setPhrase
}

// setPhrase is phrase, of sets[set], with its first eight bytes (fewer
// when it is shorter: the rest of head and mask are zero) as a
// little-endian word.
type setPhrase struct {
	set        int
	phrase     string
	head, mask uint64
}

func newSetsIndex(sets []*phraseSet) *setsIndex {
	if len(sets) > 64 {
		panic("setsIndex: more than 64 sets")
	}
	x := &setsIndex{slot: make([][64]uint8, 1), lists: make([][]setPhrase, 1)}
	for k, s := range sets {
		for _, p := range s.phrases {
			r, _ := utf8.DecodeRuneInString(p) // a BMP character: newPhraseSet checked
			x.first[r>>6] |= 1 << (uint(r) & 63)
			if r >= 0x800 {
				at, bit := at3(uint64(p[0]) | uint64(p[1])<<8 | uint64(p[2])<<16)
				x.first3[at] |= 1 << bit
			}
			if x.block[r>>6] == 0 {
				x.block[r>>6] = uint8(len(x.slot))
				x.slot = append(x.slot, [64]uint8{})
			}
			row := &x.slot[x.block[r>>6]]
			if row[r&63] == 0 {
				row[r&63] = uint8(len(x.lists))
				x.lists = append(x.lists, nil)
			}
			sp := setPhrase{set: k, phrase: p}
			for i := 0; i < len(p) && i < 8; i++ {
				sp.head |= uint64(p[i]) << (8 * i)
				sp.mask |= 0xFF << (8 * i)
			}
			x.lists[row[r&63]] = append(x.lists[row[r&63]], sp)
			if len(x.slot) > 255 || len(x.lists) > 255 {
				panic("setsIndex: more than 254 first characters or blocks of them")
			}
		}
	}
	var ascii []byte
	for c := range 128 {
		if x.first[c>>6]>>(c&63)&1 != 0 {
			ascii = append(ascii, byte(c))
		}
	}
	if x.asciiFew = len(ascii) <= len(x.asciiStarts); x.asciiFew {
		for k := range x.asciiStarts {
			c := byte(0x7F)
			if len(ascii) > 0 {
				c = ascii[min(k, len(ascii)-1)]
			}
			x.asciiStarts[k] = 0x0101010101010101 * uint64(c)
		}
	}
	x.common = make([]setPhrase, len(x.lists))
	for k, list := range x.lists {
		if len(list) == 0 {
			continue
		}
		c := list[0]
		for _, e := range list[1:] {
			// the leading bytes where both have a byte and agree
			for b := uint(0); b < 64; b += 8 {
				if c.mask>>b&0xFF == 0 || e.mask>>b&0xFF == 0 || c.head>>b&0xFF != e.head>>b&0xFF {
					c.mask &= 1<<b - 1
					break
				}
			}
			c.head &= c.mask
		}
		x.common[k] = c
	}
	return x
}

// parserIndex is the index of parserPhrases, which every parse scans for.
var parserIndex = newSetsIndex(parserPhrases)

// load8 is the little-endian word of s[i:i+8].
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// scanSetsFrom appends to out[k] the occurrences of sets[k] that start in
// text[from:to]; from must be where scanSets's steps land (a character's
// start, in valid UTF-8).
//
// Its decoding repeats scan's on purpose, specialised: a report is mostly
// three-byte characters and ASCII, read a word at a time (skip), and the
// three bytes give the bit of the character in first3 without the rune
// being decoded.
func scanSetsFrom(text string, from, to int, sets []*phraseSet, out [][]phraseHit) [][]phraseHit {
	x := parserIndex
	if len(sets) != len(parserPhrases) || len(sets) > 0 && &sets[0] != &parserPhrases[0] {
		x = newSetsIndex(sets)
	}
	sc := &setsScan{x: x, text: text, out: out}
	sc.run(from, to)
	return sc.out
}

// setsScan is one scanSetsFrom: what the candidates need, out of the
// loop's registers.
type setsScan struct {
	x    *setsIndex
	text string
	out  [][]phraseHit
}

func (sc *setsScan) run(from, to int) {
	text := sc.text
	// the characters that start before to: a word at a time where skip
	// can (it reads text[i:qend], eight bytes from a character that
	// starts before to, and eleven for two), the others one at a time
	qend := min(to+7, len(text))
	for i := from; i < to; {
		if i+11 <= qend {
			if i += sc.x.skip(text[i:qend]); i >= to {
				break
			}
		}
		i = sc.step(i)
	}
}

// skip returns the length of the characters at the start of q, read a
// word at a time while eleven bytes are left, that are ASCII or three bytes
// long and cannot start a phrase. A report changes between ASCII and
// Chinese every few characters: one loop for both saves a dispatch at each
// change, and one that calls nothing keeps its state in registers. What
// it passes may run past the characters run asks about: none of it starts
// a phrase.
func (x *setsIndex) skip(q string) int {
	n := len(q)
	first3 := &x.first3
	// the ASCII characters that start a phrase, as two words: most of a
	// report's ASCII (digits, spaces, tabs) starts none
	lo, hi := x.first[0], x.first[1]
	for len(q) >= 11 {
		w := load8(q, 0)
		if w&0x80 == 0 && x.asciiFew {
			// the ASCII bytes below the first that is not (all eight when
			// none), tested together: a byte of w^s is zero where w holds
			// s, and below 0x80 for the ASCII ones, so that adding 0x7F to
			// each sets its high bit unless it is zero, without carry (from
			// the first byte that is not ASCII on, the mask drops them)
			high := w & 0x8080808080808080
			const sevens = 0x7F7F7F7F7F7F7F7F
			none := (w ^ x.asciiStarts[0] + sevens) & (w ^ x.asciiStarts[1] + sevens) &
				(w ^ x.asciiStarts[2] + sevens) & (w ^ x.asciiStarts[3] + sevens)
			if hits := ^none & 0x8080808080808080 & (high&-high - 1); hits != 0 {
				q = q[bits.TrailingZeros64(hits)>>3:]
				break
			}
			q = q[bits.TrailingZeros64(high)>>3:]
			continue
		}
		if w&0x80 == 0 {
			m := lo
			if w&0x40 != 0 {
				m = hi
			}
			if m>>(w&63)&1 != 0 {
				break
			}
			q = q[1:]
			continue
		}
		// two three-byte characters, most of a report: their bytes give
		// their bits in first3 without decoding them (at3); where a bit
		// is set, the first eight bytes still rule most of them out
		if uint32(w)&0xF00000F0 == 0xE00000E0 {
			if first3[w>>8&0x3F3F]>>(w&31)&1 != 0 && x.mayStart3(w) {
				break
			}
			if first3[w>>32&0x3F3F]>>(w>>24&31)&1 != 0 && x.mayStart3(load8(q, 3)) {
				q = q[3:]
				break
			}
			q = q[6:]
			continue
		}
		if w&0xF0 == 0xE0 {
			if at, bit := at3(w); first3[at]>>bit&1 != 0 && x.mayStart3(w) {
				break
			}
			q = q[3:]
			continue
		}
		break
	}
	return n - len(q)
}

// mayStart3 reports whether a phrase may start with the eight bytes w,
// the first three a character set in first3: they start as its phrases'
// common leading bytes.
func (x *setsIndex) mayStart3(w uint64) bool {
	word, bit := uint(w&0x0F)<<6|uint(w>>8&0x3F), uint(w>>16&0x3F)
	c := &x.common[x.slot[x.block[word]][bit]]
	return w&c.mask == c.head
}

// step is run's test of the character at text[i], of any length; it
// returns where the next starts.
func (sc *setsScan) step(i int) int {
	text, first := sc.text, &sc.x.first
	n := len(text)
	c := text[i]
	var r uint
	size := 1
	switch {
	case c < 0x80:
		r = uint(c)
	case c&0xF0 == 0xE0 && i+2 < n:
		r = uint(c&0x0F)<<12 | uint(text[i+1]&0x3F)<<6 | uint(text[i+2]&0x3F)
		size = 3
	case c >= 0xC0 && c < 0xE0 && i+1 < n:
		r = uint(c&0x1F)<<6 | uint(text[i+1]&0x3F)
		size = 2
	case c >= 0xF0:
		return i + 4 // outside the BMP (or broken): starts no phrase
	default:
		return i + 1
	}
	if first[r>>6]>>(r&63)&1 != 0 {
		sc.matchAt(i, r>>6, r&63)
	}
	return i + size
}

// at3 is where the three-byte character whose bytes start w (little-endian)
// is in first3: the index has the second and third bytes' low six bits, the
// bit is the lead byte's low four (its low five: it is 1110xxxx), one a
// shift and a mask each, where the code point takes several.
func at3(w uint64) (at, bit uint) {
	return uint(w>>8) & 0x3F3F, uint(w) & 31
}

// matchAt appends to out[k] the first phrase of set k, in its order, that
// starts at text[i], for each set; word and bit are the first character's
// in first, where it is set.
func (sc *setsScan) matchAt(i int, word, bit uint) {
	x, text := sc.x, sc.text
	var w uint64
	whole := i+8 <= len(text)
	if whole {
		w = load8(text, i)
	}
	var done uint64 // the sets that found their phrase at i
	for _, e := range x.lists[x.slot[x.block[word&1023]][bit&63]] {
		if done>>uint(e.set)&1 != 0 {
			continue
		}
		if whole {
			if w&e.mask != e.head || len(e.phrase) > 8 && !strings.HasPrefix(text[i+8:], e.phrase[8:]) {
				continue
			}
		} else if !strings.HasPrefix(text[i:], e.phrase) {
			continue
		}
		sc.out[e.set] = append(sc.out[e.set], phraseHit{i, e.phrase})
		done |= 1 << uint(e.set)
	}
}

// PhraseScan remembers the text the last parse scanned for the parser's
// phrases and what it found, so that the next parse of an edited text (an
// editor's, keystroke after keystroke) scans again only around the edit:
// an occurrence is a property of the bytes it covers, so those wholly in
// the text before the edit, or wholly in the text after it, are the same
// occurrences, moved. This holds for valid UTF-8 only (where the scan steps
// character by character); for any other text it scans the whole of it.
// One goroutine at a time (the editor's document lock).
type PhraseScan struct {
	text  string
	valid bool // text is valid UTF-8
	hits  [][]phraseHit
}

// maxPhraseLen is the byte length of the longest phrase the parser scans.
var maxPhraseLen = func() int {
	n := 0
	for _, s := range parserPhrases {
		for _, p := range s.phrases {
			n = max(n, len(p))
		}
	}
	return n
}()

// scan returns what scanSets(text, parserPhrases) returns, and remembers it.
func (ps *PhraseScan) scan(text string) [][]phraseHit {
	old, oldHits := ps.text, ps.hits
	if oldHits == nil || !ps.valid {
		return ps.remember(text, utf8.ValidString(text), scanSets(text, parserPhrases))
	}
	// the edit: text[pre:len(text)-suf] replaces old[pre:len(old)-suf]
	pre := commonPrefix(old, text)
	suf := commonSuffix(old[pre:], text[pre:])
	// whether the new text is valid: the old one was, so only the edit and
	// the characters on either side of it can make it not
	a, b := pre, len(text)-suf
	if a > 0 {
		a--
		for a > 0 && !utf8.RuneStart(text[a]) {
			a--
		}
	}
	if b < len(text) {
		b++
		for b < len(text) && !utf8.RuneStart(text[b]) {
			b++
		}
	}
	if !utf8.ValidString(text[a:b]) {
		return ps.remember(text, false, scanSets(text, parserPhrases))
	}
	// occurrences that start before from end before the edit; those
	// starting in the new text's unchanged end are the old ones, moved
	from := max(pre-maxPhraseLen, 0)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	to, oldTo := len(text)-suf, len(old)-suf
	out := make([][]phraseHit, len(oldHits))
	for k, hs := range oldHits {
		i := 0
		for i < len(hs) && hs[i].off < from {
			i++
		}
		out[k] = append(make([]phraseHit, 0, len(hs)+4), hs[:i]...)
	}
	out = scanSetsFrom(text, from, to, parserPhrases, out)
	for k, hs := range oldHits {
		i := len(hs)
		for i > 0 && hs[i-1].off >= oldTo {
			i--
		}
		for _, h := range hs[i:] {
			out[k] = append(out[k], phraseHit{h.off - oldTo + to, h.phrase})
		}
	}
	return ps.remember(text, true, out)
}

func (ps *PhraseScan) remember(text string, valid bool, hits [][]phraseHit) [][]phraseHit {
	ps.text, ps.valid, ps.hits = text, valid, hits
	return hits
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	// 256 bytes at a time while they agree, then eight, then one
	for i+256 <= n && a[i:i+256] == b[i:i+256] {
		i += 256
	}
	for i+8 <= n && a[i:i+8] == b[i:i+8] {
		i += 8
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix is the length of the longest common suffix of a and b.
func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+256 <= n && a[len(a)-i-256:len(a)-i] == b[len(b)-i-256:len(b)-i] {
		i += 256
	}
	for i+8 <= n && a[len(a)-i-8:len(a)-i] == b[len(b)-i-8:len(b)-i] {
		i += 8
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
