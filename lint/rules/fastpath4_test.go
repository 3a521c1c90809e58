package rules

import (
	"math/rand"
	"slices"
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
	words := append(otherBodies[:], "是", "行政事业性收费", "规章", "【", "行政复议", "行政诉讼", "规范性文件", "申请", "件", "\u3000", "\u00a0", "ab", "的的", "\xe6\x98", "\x98\xaf", "𠀀", "申𠀀")
	for _, s := range []*startScan{reCarried, reCarryOver, reCarryOverPre, reReceived, reHandled} {
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

// lastClauseMark finds what strings.LastIndexAny finds: in the seeds, the
// corpus and random texts of the marks, their pieces, 𠀀 and invalid bytes,
// whole and cut at every byte.
func TestLastClauseMarkIsLastIndexAny(t *testing.T) {
	texts := randomTexts(53, 3000)
	rng := rand.New(rand.NewSource(59))
	pieces := []string{"，", ",", "、", "：", ":", "\xef\xbc", "\xbc\x8c", "\x8c", "\x81", "\xe3\x80", "\x9a", "信箱", "办结", "𠀀", "\xff", "\xef"}
	for range 20000 {
		texts = append(texts, randomText(rng, pieces, rng.Intn(10)))
	}
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	found := 0
	for _, text := range texts {
		for _, s := range []string{text, text[:len(text)/2], text[len(text)/3:]} {
			got, want := lastClauseMark(s), strings.LastIndexAny(s, "，,、：:")
			if got != want {
				t.Fatalf("lastClauseMark(%q) = %d, want %d", s, got, want)
			}
			if want >= 0 {
				found++
			}
		}
	}
	if found < 5000 {
		t.Fatalf("only %d marks found", found)
	}
}

// nextDigitByBytes is nextDigit as it was, one byte at a time.
func nextDigitByBytes(text string, i int) int {
	for ; i < len(text); i++ {
		if c := text[i]; (c <= '9' || c == 0xEF) && digitAt(text, i) > 0 {
			return i
		}
	}
	return -1
}

// nextDigit, eight bytes at a time, finds the digit the byte loop finds,
// from every offset of the reports' paragraphs and of random texts with
// digits of both widths, their cut pieces, every byte next to ':' and 0xEF,
// and 𠀀.
func TestNextDigitAsByteLoop(t *testing.T) {
	texts := randomTexts(61, 3000)
	rng := rand.New(rand.NewSource(67))
	pieces := []string{"0", "9", "５", "\xef\xbc", "\xef", "\xbc\x99", "：", ":", "/", ";", "，", "件", "信息公开", "𠀀", "\xff", "\xee", "\xf0",
		" ", "\x00", "\x7f", "\x80"}
	for range 5000 {
		texts = append(texts, randomText(rng, pieces, rng.Intn(30)))
	}
	for c := 0; c < 256; c++ {
		texts = append(texts, strings.Repeat("信", 5)+string([]byte{byte(c)})+strings.Repeat("息", 4)+"1")
	}
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	found := 0
	for _, text := range texts {
		for i := 0; i <= len(text); i++ {
			got, want := nextDigit(text, i), nextDigitByBytes(text, i)
			if got != want {
				t.Fatalf("nextDigit(%q, %d) = %d, want %d", text, i, got, want)
			}
			if want >= 0 {
				found++
			}
		}
	}
	if found < 100000 {
		t.Fatalf("only %d digits found", found)
	}
}

// templateInfo gives what newTemplateLabel makes of the same text: for
// each template string, a copy of it at another address, and its prefixes
// (the same address, another length), and for the labels of the seeds and
// the corpus; sameLabel answers as oldSameLabel (fastpath2_test.go) on
// those labels, on each template string against itself, the next one, a
// random text and itself with half-width brackets.
func TestTemplateInfoByAddress(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, want := templateInfo(s), newTemplateLabel(s)
		if got.text != s || got.key != want.key || got.open != want.open || got.close != want.close {
			t.Fatalf("templateInfo(%q) = %+v, want %+v", s, *got, *want)
		}
	}
	var strs []string
	eachTemplateString(func(s string) { strs = append(strs, s) })
	if len(strs) < 100 {
		t.Fatalf("only %d template strings", len(strs))
	}
	for _, s := range strs {
		check(s)
		check(strings.Clone(s))
		for k := range len(s) {
			check(s[:k])
		}
	}
	var labels [][2]string
	for _, rep := range sharedReports(t) {
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			for _, l := range tb.Labels {
				check(l.Canonical)
				labels = append(labels, [2]string{l.Text, l.Canonical})
			}
		}
	}
	if len(labels) < 500 {
		t.Fatalf("only %d labels", len(labels))
	}
	rng := rand.New(rand.NewSource(71))
	pieces := []string{"（", "）", "(", ")", " ", "一", "予以公开", "\xef", "\xff", "𠀀", "|"}
	for i, s := range strs {
		labels = append(labels, [2]string{s, s}, [2]string{strs[(i+1)%len(strs)], s},
			[2]string{randomText(rng, pieces, rng.Intn(6)), s}, [2]string{strings.ReplaceAll(s, "（", "("), s})
	}
	for _, odd := range []string{"（一", "(", "注（", "）（", "（二））", "", "𠀀(", "\xef\xbc\x88"} {
		labels = append(labels, [2]string{odd, odd}, [2]string{odd + "）", odd}, [2]string{odd, odd + "）"})
	}
	differ := 0
	for _, l := range labels {
		if got, want := sameLabel(l[0], l[1]), oldSameLabel(l[0], l[1]); got != want {
			t.Fatalf("sameLabel(%q, %q) = %v, want %v", l[0], l[1], got, want)
		}
		if !oldSameLabel(l[0], l[1]) {
			differ++
		}
	}
	if differ < 100 {
		t.Fatalf("only %d labels differ from the template", differ)
	}
}

// blockSentenceYearsBySentence is blockSentenceYears as it was: leadingYear
// of each sentence.
func blockSentenceYearsBySentence(b *proseBlock) []sentenceYear {
	var out []sentenceYear
	for _, s := range b.sentences() {
		at, ok := leadingYear(b.Text[s[0]:s[1]])
		if !ok {
			continue
		}
		n, _ := atoiDigits(b.Text[s[0]+at : s[0]+at+4])
		out = append(out, sentenceYear{start: s[0] + at, end: s[0] + at + 4, year: n})
	}
	return out
}

// blockSentenceYears, starting from each 年, finds the years the sentences
// start with: on every block of the seeds and the corpus, and on random
// blocks of years, spaces of every kind, every sentence mark and the
// characters around them (、，,), pieces of marks, 𠀀 and invalid bytes.
func TestBlockSentenceYearsBySentence(t *testing.T) {
	var texts []string
	for _, rep := range sharedReports(t) {
		for _, b := range proseBlocks(rep) {
			texts = append(texts, b.Text)
		}
	}
	rng := rand.New(rand.NewSource(73))
	pieces := []string{"2024", "2023", "1", "２０２４", "年", "度", "，", ",", "、", " ", "\t", "\n", "\u3000", "\u00a0", "。", "；", "！",
		"？", ";", "!", "?", ".", "：", "\xe3\x80", "\x80", "\xef\xbc", "\x9b", "𠀀", "\xff", "我局", "工作"}
	// near matches after random text: each part of the pattern in turn,
	// as often right as not
	parts := [][]string{{"", "。", "；", "！", "？", ";", "!", "?", "，", "\xe3\x80", "、"}, {"", " ", "\u3000", "\t\u3000 "},
		{"2024", "202", "20245", "２０２４"}, {"", " ", "\n"}, {"年", "月"}, {"", "度"}, {"", " "}, {"，", ",", "、", "。"}}
	for range 100000 {
		text := randomText(rng, pieces, rng.Intn(8))
		for _, p := range parts {
			text += p[rng.Intn(len(p))]
		}
		texts = append(texts, text+randomText(rng, pieces, rng.Intn(4)))
	}
	found := 0
	for _, text := range texts {
		b := &proseBlock{Text: text}
		got, want := blockSentenceYears(b), blockSentenceYearsBySentence(b)
		if !slices.Equal(got, want) {
			t.Fatalf("blockSentenceYears(%q) = %v, want %v", text, got, want)
		}
		found += len(want)
	}
	if found < 2000 {
		t.Fatalf("only %d years found", found)
	}
}
