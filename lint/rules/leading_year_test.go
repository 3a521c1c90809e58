package rules

import (
	"math/rand"
	"regexp"
	"testing"
)

// reSentenceYear is the pattern leadingYear reads by hand.
var reSentenceYear = regexp.MustCompile(`^[\s\x{3000}]*(\d{4})\s*年度?\s*[，,]`)

// leadingYear finds what reSentenceYear finds: on the sentences of the
// seeds and the corpus, and on random text with spaces of every kind,
// full-width digits, characters outside the BMP and invalid UTF-8.
func TestLeadingYearIsRegexp(t *testing.T) {
	check := func(s string) bool {
		t.Helper()
		at, ok := leadingYear(s)
		m := reSentenceYear.FindStringSubmatchIndex(s)
		if ok != (m != nil) || ok && (at != m[2] || at+4 != m[3]) {
			t.Fatalf("leadingYear(%q) = %d, %v; the pattern finds %v", s, at, ok, m)
		}
		return ok
	}
	var texts []string
	for _, rep := range sharedReports(t) {
		for _, b := range proseBlocks(rep) {
			for _, s := range b.sentences() {
				texts = append(texts, b.Text[s[0]:s[1]])
			}
		}
	}
	rng := rand.New(rand.NewSource(12))
	pieces := []string{"2024", "2", "0", "１", "２０２４", "年", "度", "年度", "，", ",", "、", " ", "\t", "\n", "\r", "\f", "\v",
		"\u3000", "\u00a0", "𠀀", "\xff", "\xe5\xb9", "我局", "。"}
	// near matches: each part of the pattern in turn, as often right as
	// not
	parts := [][]string{{"", " ", "\u3000", "\t\u3000 "}, {"2024", "202", "20245", "２０２４"}, {"", " ", "\n"}, {"年", "月"},
		{"", "度"}, {"", " ", "\r\n"}, {"，", ",", "、"}}
	for i := 0; i < 50000; i++ {
		texts = append(texts, randomText(rng, pieces, rng.Intn(8)))
		s := ""
		for _, p := range parts {
			if rng.Intn(8) == 0 {
				s += pieces[rng.Intn(len(pieces))]
			} else {
				s += p[rng.Intn(len(p))]
			}
		}
		texts = append(texts, s+randomText(rng, pieces, rng.Intn(3)))
	}
	found := 0
	for _, s := range texts {
		if check(s) {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d sentences start with a year: the test proves little", found)
	}
}
