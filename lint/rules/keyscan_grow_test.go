package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// keyScan's buffer grows with its reads: on texts that key to as many
// bytes as they have or more (Han, kept ASCII, a rune astride the end of
// a read, U+FFFD for an invalid byte), of every length around the reads'
// ends, each search answers as the search of the whole key and full is
// the whole key.
func TestKeyScanGrowsAsItReads(t *testing.T) {
	rng := rand.New(rand.NewSource(15))
	pieces := []string{"审", "核", "a", "Z", "𠀀", "\xff", "\xe7\x9a", "结果", "纠正", "é", "\r\n"}
	texts := 0
	for size := 1; size < 1200; size += 1 + size/32 {
		for range 4 {
			var b strings.Builder
			for b.Len() < size {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			text := b.String()
			whole := tableKeyByLabelKey(text)
			k := &keyScan{text: text}
			words := []string{"结果纠正", "不在其中"}
			if len(whole) > 0 {
				i := rng.Intn(len(whole))
				words = append(words, whole[i:min(len(whole), i+1+rng.Intn(12))], whole[len(whole)-min(len(whole), 6):])
			}
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
			texts++
		}
	}
	if texts < 400 {
		t.Fatalf("%d texts: the test proves little", texts)
	}
}
