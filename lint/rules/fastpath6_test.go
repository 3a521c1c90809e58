package rules

import (
	"slices"
	"strings"
	"testing"
)

// The sixth round of fast paths: each is compared with the code it
// replaced, kept here as the reference, on the paragraphs of the seeds and
// the corpus and on random text with invalid UTF-8, characters outside the
// BMP and CRLF.

// sixthRoundTexts are the paragraphs of the seeds and the corpus, and
// random texts (fastPathPieces: 𠀀, invalid UTF-8, CRLF, the spaces and
// the bytes they share with other characters).
func sixthRoundTexts(t *testing.T, seed int64) []string {
	t.Helper()
	texts := randomTexts(seed, 30000)
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	return texts
}

// oldSpaceFinder is spaceFinder as it was: each kind of space searched for
// with strings.Index.
type oldSpaceFinder struct {
	text string
	next [3]int
}

func (f *oldSpaceFinder) from(i int) int {
	best := len(f.text)
	for k, sp := range [3]string{" ", "\u3000", "\u00a0"} {
		if f.next[k] == -1 {
			continue
		}
		if f.next[k] < i {
			j := strings.Index(f.text[i:], sp)
			if j < 0 {
				f.next[k] = -1
				continue
			}
			f.next[k] = i + j
		}
		best = min(best, f.next[k])
	}
	return best
}

// spaceFinder visits the spaces the old finder visited, asked as
// checkStraySpace asks (from the end of each run of spaces) and one after
// another.
func TestSpaceFinderAsBefore(t *testing.T) {
	visited := 0
	for _, text := range sixthRoundTexts(t, 61) {
		for _, step := range []int{1, 3} {
			var got, want []int
			f := spaceFinder{text: text, next: [3]int{-2, -2, -2}}
			for i := f.from(0); i < len(text); i = f.from(min(i+step, len(text))) {
				got = append(got, i)
			}
			old := oldSpaceFinder{text: text, next: [3]int{-2, -2, -2}}
			for i := old.from(0); i < len(text); i = old.from(min(i+step, len(text))) {
				want = append(want, i)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("spaceFinder on %q (step %d) visits %v, want %v", text, step, got, want)
			}
			visited += len(got)
		}
	}
	if visited < 10000 {
		t.Fatalf("only %d spaces visited", visited)
	}
}
