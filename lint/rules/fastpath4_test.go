package rules

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fourth round of fast paths: each compared with the standard library
// function it stands for, on the seeds, the corpus and random text with
// invalid UTF-8 and characters outside the BMP (𠀀).

// runeCount counts what utf8.RuneCountInString counts: every rune alone
// and between Chinese characters, invalid and cut sequences, the reports'
// paragraphs and lines, and random text.
func TestRuneCountIsRuneCountInString(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
	for r := rune(0); r < 0x11000; r++ {
		check(string(r))
		check("表" + string(r) + "三")
	}
	check("")
	check("𠀀")
	check("申请𠀀件")
	for _, bad := range []string{"\xff", "\x80", "\xe4", "\xe4\xb8", "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf",
		"\xef\xbf\xbf", "\xf0\x9f", "\xf0\xa0\x80\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe4\xb8\xe4\xb8\x80"} {
		check(bad)
		check("申" + bad + "请")
		for i := range bad {
			check(bad[:i])
			check("件" + bad[i:])
		}
	}
	texts := randomTexts(41, 20000)
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text, text[:len(text)/2], text[len(text)/3:])
		}
		for line := range strings.Lines(rep.Source.Text) {
			texts = append(texts, line)
		}
	}
	multi := 0
	for _, s := range texts {
		check(s)
		if len(s) != utf8.RuneCountInString(s) {
			multi++
		}
	}
	if multi < 1000 {
		t.Fatalf("only %d texts with characters of several bytes", multi)
	}
}

// indexWordBy finds what strings.Index finds, searching by any byte of the
// word after its first: the call sites' words with the bytes they pass, the
// scans' literals and the template's keys by each of their bytes, in the
// reports and in random text.
func TestIndexWordByIsIndex(t *testing.T) {
	words := []string{"是", "行政事业性收费", "规章", "【", "申请", "件", "\u3000", "\u00a0", "ab", "的的", "\xe6\x98", "\x98\xaf", "𠀀", "申𠀀"}
	for _, s := range []*startScan{reCarried, reCarryOver, reCarryOverPre, reReceived, reHandled, reOtherBodies} {
		words = append(words, s.lits...)
	}
	for s := range templateLabelTable() {
		if k := templateKey(s); len(k) <= 30 {
			words = append(words, k)
		}
	}
	texts := randomTexts(43, 1500)
	rng := rand.New(rand.NewSource(47))
	pieces := []string{"是", "行政", "事业性收费", "规", "章", "申请", "𠀀", "\xe6\x98", "\xaf", "息", "\xff", "，"}
	for range 1500 {
		texts = append(texts, randomText(rng, pieces, rng.Intn(14)))
	}
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	found := 0
	for _, text := range texts {
		for _, w := range append(words, randomTexts(int64(len(text)), 2)...) {
			want := strings.Index(text, w)
			for k := 1; k < len(w); k++ {
				if got := indexWordBy(text, w, k); got != want {
					t.Fatalf("indexWordBy(%q, %q, %d) = %d, want %d", text, w, k, got, want)
				}
			}
			if want >= 0 && len(w) > 1 {
				found++
			}
		}
	}
	if found < 4000 {
		t.Fatalf("only %d words found", found)
	}
}
