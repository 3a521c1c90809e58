package rules

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
)

// The fifth round of fast paths: each is compared with the code it
// replaced, kept here as the reference, on the seeds and the corpus and on
// random text with invalid UTF-8, characters outside the BMP and CRLF.

// hasInTableKeyByWhole is how GD-T012 searched a table's key before
// keyScan: the whole key made first (tableKeyByLabelKey is tableKeyText).
func hasInTableKeyByWhole(text, word string) bool {
	return hasWord(tableKeyByLabelKey(text), word)
}

// keyScan keys a table's text only as far as a search goes: every search,
// one after another on the same scan as GD-T012 makes them, answers as the
// search of the whole key, and full is the whole key whatever was read
// before.
func TestKeyScanIsWholeKey(t *testing.T) {
	check := func(text string, words []string) {
		t.Helper()
		whole := tableKeyByLabelKey(text)
		k := &keyScan{text: text}
		for _, w := range words {
			if got, want := k.has(w), hasInTableKeyByWhole(text, w); got != want {
				t.Fatalf("keyScan(%q).has(%q) = %v, want %v", text, w, got, want)
			}
			if !strings.HasPrefix(whole, k.key()) {
				t.Fatalf("keyScan(%q) read %q, not a prefix of the key %q", text, k.key(), whole)
			}
		}
		if got := k.full(); got != whole {
			t.Fatalf("keyScan(%q).full() = %q, want %q", text, got, whole)
		}
		if got := tableKeyText(text); got != whole {
			t.Fatalf("tableKeyText(%q) = %q, want %q", text, got, whole)
		}
	}
	rng := rand.New(rand.NewSource(51))
	// words of the key (across the places where a scan stops reading),
	// and words that are not in it
	wordsOf := func(text string) []string {
		whole := tableKeyByLabelKey(text)
		words := []string{"", "结果纠正", "商业企业", "𠀀", "\ufffd", "审核审核"}
		for range 12 {
			if len(whole) == 0 {
				break
			}
			i := rng.Intn(len(whole))
			j := min(len(whole), i+1+rng.Intn(24))
			words = append(words, whole[i:j])
		}
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		return words
	}
	pieces := append(append([]string(nil), fastPathPieces...), "\r\n", "\r", "结果", "纠正", "商业", "企业", "123\t", "\t0\t")
	for n := 0; n < 3000; n++ {
		size := rng.Intn(40)
		if n%10 == 0 {
			size = 200 + rng.Intn(1500) // past the first few reads
		}
		text := randomText(rng, pieces, size)
		check(text, wordsOf(text))
	}
	// the tables of the seeds and the corpus, with their columns' keys
	tables, found := 0, 0
	for _, rep := range sharedReports(t) {
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			tables++
			text := tableKeySource(rep, tb)
			if tableKey(rep, tb) != tableKeyByLabelKey(text) {
				t.Fatalf("tableKey of table %d is not the key of its text", tb.ID)
			}
			var words []string
			for _, c := range columnsOf(tb.Def).cols {
				words = append(words, c.keys...)
			}
			for _, w := range words {
				if hasInTableKeyByWhole(text, w) {
					found++
				}
			}
			check(text, append(words, wordsOf(text)...))
		}
	}
	if tables < 10 || found < 100 {
		t.Fatalf("%d tables, %d headings found: the test proves little", tables, found)
	}
	// every rune, alone and in a table's text
	for r := rune(0); r < 0x11000; r += 7 {
		s := string(r)
		if !utf8.ValidString(s) {
			continue
		}
		check(s, []string{s, grammar.LabelKey(s)})
		check(strings.Repeat("表"+s+"|1\t", 200), []string{"表" + grammar.LabelKey(s) + "1", "1表"})
	}
}
