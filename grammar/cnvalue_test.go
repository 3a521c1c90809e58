package grammar

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// refCnValue is cnValue as it was, rune by rune.
func refCnValue(s string) int {
	if s == "" {
		return 0
	}
	n := 0
	digits := true
	for _, r := range s {
		r = foldRune(r)
		if r < '0' || r > '9' {
			digits = false
			break
		}
		n = n*10 + int(r-'0')
	}
	if digits {
		return n
	}
	var rs [3]rune
	k := 0
	for _, r := range s {
		if k == len(rs) {
			return 0
		}
		rs[k] = r
		k++
	}
	switch {
	case k == 1 && rs[0] == '十':
		return 10
	case k == 1:
		return cnDigit(rs[0])
	case k == 2 && rs[0] == '十':
		return 10 + cnDigit(rs[1])
	case k == 2 && rs[1] == '十':
		return cnDigit(rs[0]) * 10
	case k == 3 && rs[1] == '十':
		return cnDigit(rs[0])*10 + cnDigit(rs[2])
	}
	return 0
}

// cnValue with its one-numeral shortcut answers as refCnValue: on every
// three-byte string with a lead byte E0–EF (valid or not), every BMP
// character, the numbers of the real lines' headings, and random strings
// of numerals, digits and broken bytes.
func TestCnValueAsRuneByRune(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := cnValue(s), refCnValue(s); got != want {
			t.Fatalf("cnValue(%q) = %d, rune by rune %d", s, got, want)
		}
	}
	for c := 0xE0; c <= 0xEF; c++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				check(string([]byte{byte(c), byte(b1), byte(b2)}))
			}
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		if utf8.ValidRune(r) {
			check(string(r))
		}
	}
	for _, ln := range realLines(t) {
		if m := cnHeadingIndex(ln); m != nil {
			check(ln[m[4]:m[5]])
		}
	}
	pieces := strings.Split("一 二 三 四 五 六 七 八 九 十 〇 零 百 1 9 ０ ９ a \xe4 \xe4\xb8 \x80", " ")
	rng := rand.New(rand.NewSource(23))
	for range 200000 {
		check(randomText(rng, pieces, rng.Intn(5)))
	}
}
