package grammar

import (
	"math/rand"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// refSectionForKeyed is sectionFor as it was before keyRunes: the key made by LabelKey, then
// decoded into runes, and the edit distance to every part's name of the
// right length.
func refSectionForKeyed(text string, wholeLine bool) (*SectionDef, bool, int) {
	key := LabelKey(text)
	keys := sectionKeys()
	if refSectionKeyMayStartHeads(key) {
		for i, d := range Sections {
			if strings.HasPrefix(key, keys[i].name) {
				return d, true, len(keys[i].name)
			}
		}
		for i, d := range Sections {
			for _, v := range keys[i].variants {
				if strings.HasPrefix(key, v) {
					return d, false, len(v)
				}
			}
		}
	}
	if wholeLine {
		// the key's runes, on the stack when short (a heading line is)
		var buf [64]rune
		k := buf[:0]
		for i := 0; i < len(key); {
			// as range decodes, a three-byte character (lead byte E1–EF
			// but ED, continuation bytes after it: valid) by hand
			c := key[i]
			if c < utf8.RuneSelf {
				k = append(k, rune(c))
				i++
				continue
			}
			if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(key) && key[i+1]&0xC0 == 0x80 && key[i+2]&0xC0 == 0x80 {
				k = append(k, rune(c&0x0F)<<12|rune(key[i+1]&0x3F)<<6|rune(key[i+2]&0x3F))
				i += 3
				continue
			}
			r, size := utf8.DecodeRuneInString(key[i:])
			k = append(k, r)
			i += size
		}
		for i, d := range Sections {
			name := keys[i].nameRunes
			max := len(name) / 6
			if max < 1 {
				max = 1
			}
			if editDistance(k, name, max) <= max {
				return d, false, runesLen(k)
			}
		}
	}
	return nil, false, 0
}

// refSectionKeyMayStartHeads is sectionKeyMayStart as it was: false when no part's key or variant key is a
// prefix of key: key does not start with the first character of any.
func refSectionKeyMayStartHeads(key string) bool {
	heads := refSectionKeyHeads()
	if sectionKeyAll {
		return true
	}
	var k4 uint32
	if len(key) >= 4 {
		k4 = uint32(key[0]) | uint32(key[1])<<8 | uint32(key[2])<<16 | uint32(key[3])<<24
	} else {
		for i := 0; i < len(key); i++ {
			k4 |= uint32(key[i]) << (8 * i)
		}
	}
	for _, h := range heads {
		if k4&h.mask == h.head {
			return true
		}
	}
	return false
}

// refSectionKeyHeads are the leading bytes of each key and variant key up
// to the end of its first character (at most four), little-endian, with
// the mask of their length, as sectionKeys made them.
var refSectionKeyHeads = sync.OnceValue(func() (heads []struct{ head, mask uint32 }) {
	for _, k := range sectionKeys() {
		for _, key := range append([]string{k.name}, k.variants...) {
			if key == "" {
				continue
			}
			_, size := utf8.DecodeRuneInString(key)
			var h struct{ head, mask uint32 }
			for i := 0; i < size; i++ {
				h.head |= uint32(key[i]) << (8 * i)
				h.mask |= 0xFF << (8 * i)
			}
			if !slices.Contains(heads, h) {
				heads = append(heads, h)
			}
		}
	}
	return heads
})

// sectionFor answers as it did with the key made and every part's name of
// the right length compared: on the real lines and what follows each
// numbering in them, on random text of the parts' names, their variants,
// cut and with a character changed, after numbers and among full-width
// digits, ignorable marks, 𠀀, invalid UTF-8 and CRLF, short and longer
// than any key.
func TestSectionForAsBefore(t *testing.T) {
	if sectionKeyRunes >= 64 {
		t.Fatalf("sectionFor reads %d runes, past its buffer", sectionKeyRunes)
	}
	found := 0
	check := func(s string) {
		t.Helper()
		for _, whole := range []bool{true, false} {
			d, c, n := sectionFor(s, whole)
			wd, wc, wn := refSectionForKeyed(s, whole)
			if d != wd || c != wc || n != wn {
				t.Fatalf("sectionFor(%q, %v) = %v %v %d, before %v %v %d", s, whole, d, c, n, wd, wc, wn)
			}
			if d != nil {
				found++
			}
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
		if _, rest := splitNumbering(ln); rest != ln {
			check(rest)
		}
	}
	pieces := []string{"一、", "（二）", "3.", "１", "Ａ", "ａ", " ", "\u3000", "、", "（", "）", "“", "：", "。", "·", "\r\n", "𠀀", "\xff", "\xe4\xb8",
		"情况", "政府", "信息", "公开", "的", "和", "本年新收政府信息公开申请数量", "结转下年度继续办理", "0 0 0 0"}
	for _, d := range Sections {
		rs := []rune(d.Name)
		changed := slices.Clone(rs)
		changed[len(rs)/2] = '某'
		pieces = append(pieces, d.Name, d.Name, string(rs[:len(rs)-1]), string(rs[1:]), string(changed))
		pieces = append(pieces, d.Variants...)
	}
	rng := rand.New(rand.NewSource(89))
	for range 60000 {
		check(randomText(rng, pieces, 1+rng.Intn(5)))
	}
	check(strings.Repeat("总体情况", 40))
	if found < 10000 {
		t.Fatalf("only %d texts name a part", found)
	}
}
