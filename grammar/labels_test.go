package grammar

import (
	"math/rand"
	"strings"
	"testing"
)

// labelKeyRuneByRune is LabelKey as first written, one rune at a time: the
// definition the faster one must agree with.
func labelKeyRuneByRune(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !ignorable(r) {
			b.WriteRune(foldRune(r))
		}
	}
	return b.String()
}

// LabelKey agrees with the rune-by-rune definition on labels, on random
// mixes of the characters it drops, folds and keeps, and on invalid UTF-8.
func TestLabelKeyAgreesWithDefinition(t *testing.T) {
	pieces := []string{"一", "、", "（", "）", "本年新收", "政府信息", "申请", " ", "\t", "\n", "\u3000", "\u00a0",
		"１", "２", "Ａ", "ｚ", "A", "x", "|", ".", "．", "“", "”", "【", "】", "\xff", "\xe4\xb8", "\ufffd",
		"𠀀", "ﾟ", "\u200b", "\ufeff", "·", "《", "》", "0", "9", "％", "%"}
	cases := []string{"", "一、本年新收政府信息公开申请数量", "（一）予以公开", "１．本机关不掌握", "abc", "\xff", " 一 "}
	rng := rand.New(rand.NewSource(1))
	for range 5000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := LabelKey(s), labelKeyRuneByRune(s); got != want {
			t.Fatalf("LabelKey(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLabelKey(f *testing.F) {
	f.Add("一、本年新收政府信息公开申请数量（件）")
	f.Add("１ ．\xff|")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := LabelKey(s), labelKeyRuneByRune(s); got != want {
			t.Fatalf("LabelKey(%q) = %q, want %q", s, got, want)
		}
	})
}
