package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
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

// oldIndexWord is indexWord before indexWordBy chose for it (two calls a
// search).
func oldIndexWord(s, w string) int {
	if len(w) < 3 || w[0] < utf8.RuneSelf {
		return strings.Index(s, w)
	}
	return indexWordBy(s, w, 2)
}

// oldIndexThree is indexThree before it compared the third byte itself.
func oldIndexThree(s string, from int, lead, second byte, thirds string) int {
	for from < len(s) {
		i := strings.IndexByte(s[from:], lead)
		if i < 0 {
			break
		}
		i += from
		if i+2 < len(s) && s[i+1] == second && strings.IndexByte(thirds, s[i+2]) >= 0 {
			return i
		}
		from = i + 1
	}
	return len(s)
}

// The searches of the prose helpers find what they found before, words of
// the rules and pieces of the texts, at every offset.
func TestProseSearchesAsBefore(t *testing.T) {
	words := []string{"申请", "件", "。", "【", "规范性文件", "行政复议", "12件", "a", "𠀀", "\xe3\x80", "", "×", "x"}
	n := 0
	for i, text := range sixthRoundTexts(t, 62) {
		ws := words
		if len(text) > 4 {
			ws = append(ws, text[len(text)/3:len(text)/3+3], text[len(text)-4:])
		}
		for _, w := range ws {
			if got, want := indexWord(text, w), oldIndexWord(text, w); got != want {
				t.Fatalf("indexWord(%q, %q) = %d, want %d", text, w, got, want)
			}
		}
		for from := 0; from <= len(text); from += 1 + from%7 + i%3 {
			for _, th := range []string{"\x9b\x81\x9f", "\xbb\xb8", "\x82", ""} {
				for _, lead := range []byte{0xEF, 0xE3} {
					if got, want := indexThree(text, from, lead, 0xBC, th), oldIndexThree(text, from, lead, 0xBC, th); got != want {
						t.Fatalf("indexThree(%q, %d, %x, %q) = %d, want %d", text, from, lead, th, got, want)
					}
				}
			}
			n++
		}
		if got, want := hasTimes(text), strings.Contains(text, "×"); got != want {
			t.Fatalf("hasTimes(%q) = %v, want %v", text, got, want)
		}
	}
	if n < 100000 {
		t.Fatalf("only %d offsets", n)
	}
}

// oldIsCJK is isCJK before it tested the common ideographs inline.
func oldIsCJK(r rune) bool { return isHan(r) || isCJKPunct(r) }

func TestIsCJKAsBefore(t *testing.T) {
	for r := rune(-2); r <= utf8.MaxRune+2; r++ {
		if got, want := isCJK(r), oldIsCJK(r); got != want {
			t.Fatalf("isCJK(%U) = %v, want %v", r, got, want)
		}
	}
}

// oldNextLine is nextLine before it read the gap in one pass.
func oldNextLine(text string, a, b int) bool {
	if a < 0 || b < a || b > len(text) {
		return false
	}
	gap := text[a:b]
	return strings.Count(gap, "\n") == 1 && strings.TrimFunc(gap, isSpaceRune) == ""
}

func TestNextLineAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(63))
	gaps := []string{"\n", "\r\n", " ", "\u3000", "\u00a0", "\ufeff", "\u200b", "\t", "\xff", "\xe3\x80", "𠀀", "a", "。", "\n\n"}
	yes := 0
	check := func(text string, a, b int) {
		if got, want := nextLine(text, a, b), oldNextLine(text, a, b); got != want {
			t.Fatalf("nextLine(%q, %d, %d) = %v, want %v", text, a, b, got, want)
		}
		if got := nextLine(text, a, b); got {
			yes++
		}
	}
	for range 30000 {
		text := randomText(rng, gaps, rng.Intn(6))
		check(text, 0, len(text))
		check(text, rng.Intn(len(text)+2)-1, rng.Intn(len(text)+2))
	}
	// the gaps between the paragraphs of the real reports
	for _, rep := range sharedReports(t) {
		v := viewOf(rep)
		for i := 1; i < len(rep.Paragraphs); i++ {
			_, a := paraText(rep, rep.Paragraphs[i-1])
			a += rep.Paragraphs[i-1].ViewSpan.Len()
			_, b := paraText(rep, rep.Paragraphs[i])
			check(v.Text, a, b)
		}
	}
	if yes < 1000 {
		t.Fatalf("only %d gaps are one line break", yes)
	}
}

// oldParaText is paraText before its test of the view span was unsigned.
func oldParaText(r *grammar.Report, p *grammar.Paragraph) (string, int) {
	v := viewOf(r)
	sp := p.ViewSpan
	if sp.End > len(v.Text) || sp.Start > sp.End || sp.IsZero() && !p.Span.IsZero() {
		return r.Source.Slice(p.Span), p.Span.Start
	}
	return v.Text[sp.Start:sp.End], sp.Start
}

func TestParaTextAsBefore(t *testing.T) {
	n := 0
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			// the paragraph, and the same with the view spans a report
			// built by hand may have: none, empty, past the end, reversed
			for _, vs := range []grammar.Span{p.ViewSpan, {}, {Start: 3, End: 3}, {Start: 0, End: 5},
				{Start: 2, End: len(viewOf(rep).Text) + 1}, {Start: 5, End: 4}} {
				q := *p
				q.ViewSpan = vs
				for _, sp := range []grammar.Span{p.Span, {}} {
					q.Span = sp
					gt, ga := paraText(rep, &q)
					wt, wa := oldParaText(rep, &q)
					if gt != wt || ga != wa {
						t.Fatalf("paraText(view %v, span %v) = %q, %d, want %q, %d", q.ViewSpan, q.Span, gt, ga, wt, wa)
					}
					n++
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d paragraphs", n)
	}
}
