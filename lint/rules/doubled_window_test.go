package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// mayHaveDoubled looks at eight bytes at a time and decodes characters only
// where bytes repeat: on long texts, with the double at every byte offset
// and after characters of one to four bytes, it answers as the test done
// character by character over the whole text.
func TestMayHaveDoubledWindowsAsRunes(t *testing.T) {
	check := func(text string) bool {
		t.Helper()
		got, want := mayHaveDoubled(text), mayHaveDoubledRunes(text)
		if got != want {
			t.Fatalf("mayHaveDoubled(%q) = %v, want %v", text, got, want)
		}
		return want
	}
	// no double of their own (a run of them may make one)
	filler := []string{"年", "审", "核", "研", "究", "一", "二", "是", "a", "1", "，", "。", "é", "１", "Ｘ", "…", " ", "\t", "\u3000", "“", "”", "00"}
	rare := []string{"𠮷", "𠀀", "\xff", "\xe7\x9a", "\x80", "\xed\xa0\x80", "\ufffd"}
	doubles := []string{"的的", "了了", "审核审核", "资金资金", "𠮷审𠮷审", "审𠮷审𠮷", "𠀀𠮷𠀀𠮷", "……", "000000", "年年", "一二一二"}
	rng := rand.New(rand.NewSource(11))
	yes, no := 0, 0
	for n := 0; n < 20000; n++ {
		pieces := filler
		if n%5 == 0 {
			pieces = append(append([]string(nil), filler...), rare...)
		}
		pre := randomText(rng, pieces, rng.Intn(40))
		post := randomText(rng, pieces, rng.Intn(40))
		if check(pre + post) {
			yes++
		} else {
			no++
		}
		check(pre + doubles[rng.Intn(len(doubles))] + post)
	}
	// every offset of a double in a text of plain Chinese and ASCII
	for _, d := range doubles {
		for k := 0; k < 40; k++ {
			for _, pad := range []string{"", "a", "ab", "é"} {
				pre := pad + strings.Repeat("审", k/3) + strings.Repeat("x", k%3)
				if !check(pre+d+strings.Repeat("年", 10)) && (d == "的的" || d == "审核审核") {
					t.Fatalf("no double found in %q", pre+d)
				}
			}
		}
	}
	if yes < 100 || no < 10000 {
		t.Fatalf("%d texts with a double, %d without: the test proves little", yes, no)
	}
}

func TestByteF0(t *testing.T) {
	for c := 0; c < 256; c++ {
		for k := 0; k < 8; k++ {
			b := []byte("aé\xe4\xb8\x80\x7f\x00\xef")
			b[k] = byte(c)
			want := uint64(0)
			for j, x := range b {
				if x >= 0xF0 {
					want |= 0x80 << (8 * j)
				}
			}
			if got := byteF0(load64(string(b))); got != want {
				t.Fatalf("byteF0(%q) = %#x, want %#x", b, got, want)
			}
		}
	}
}

func TestIsDoubledFunctionCharIsContainsRune(t *testing.T) {
	n := 0
	for r := rune(-1); r <= 0x110000; r++ {
		want := strings.ContainsRune(doubledFunctionChars, r)
		if got := isDoubledFunctionChar(r); got != want {
			t.Fatalf("isDoubledFunctionChar(U+%04X) = %v, want %v", r, got, want)
		}
		if want {
			n++
		}
	}
	if n != len([]rune(doubledFunctionChars)) {
		t.Fatalf("%d function characters, want %d", n, len([]rune(doubledFunctionChars)))
	}
}
