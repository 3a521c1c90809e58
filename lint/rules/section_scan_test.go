package rules

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
)

// sectionReports are poolReports and the seeds with the sections' text cut
// to a few characters (what GD-W008 reports) around their joins.
func sectionReports(t *testing.T) []*grammar.Report {
	reps := poolReports(t)
	rng := rand.New(rand.NewSource(13))
	shorts := []string{"无", "无。", " 无 。", "暂无\u3000", "没有.", "无问题", "无问题。。", "。", "", "\xff", "𠀀", "无\r\n", "收\n费", "处理\n费用"}
	for _, rep := range reps[:5] {
		text := rep.Source.Text
		for _, sec := range rep.Sections {
			if sec.Heading == nil {
				continue
			}
			body := sec.Heading.Span.End
			for range 3 {
				short := shorts[rng.Intn(len(shorts))] + "\n" + shorts[rng.Intn(len(shorts))]
				reps = append(reps, grammar.Parse(grammar.NewSource("short.txt", text[:body]+"\n"+short+"\n"+text[sec.Span.End:])))
			}
		}
	}
	return reps
}

// contentBytes counts the bytes of the runes of s that strings.TrimSpace
// and a trim of 。 and . would not remove (an invalid byte counts one).
func contentBytes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if !unicode.IsSpace(c) && c != '。' && c != '.' {
			n += w
		}
	}
	return n
}

// sectionHasWord answers as strings.Contains over sectionText (the
// reference, how GD-W001 searched) for the fee words and for pieces of
// the text across the joins of its paragraphs and headings;
// sectionHasContent answers as contentBytes over sectionText, and a trim
// of the text (what GD-W008 compares) is never shorter than that.
func TestSectionScansAsSectionText(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	found, short := 0, 0
	for _, rep := range sectionReports(t) {
		for _, sec := range rep.Sections {
			if sec.Heading == nil {
				continue
			}
			text := sectionText(rep, sec)
			words := [][]string{feeWords, {"。"}, {"𠀀", "\xff"}}
			for range 8 {
				if len(text) == 0 {
					break
				}
				i := rng.Intn(len(text))
				words = append(words, []string{"不在其中", text[i:min(len(text), i+1+rng.Intn(40))]})
			}
			for _, ws := range words {
				want := false
				for _, w := range ws {
					want = want || strings.Contains(text, w)
				}
				if got := sectionHasWord(rep, sec, ws); got != want {
					t.Fatalf("%s: sectionHasWord(%q) = %v, want %v in %q", rep.Source.Path, ws, got, want, text)
				}
				if want {
					found++
				}
			}
			body := strings.TrimRight(strings.TrimSpace(text), "。.")
			c := contentBytes(text)
			if len(body) < c {
				t.Fatalf("%s: %q trimmed to %q, shorter than its %d bytes of content", rep.Source.Path, text, body, c)
			}
			for n := 1; n <= 12; n++ {
				if got, want := sectionHasContent(rep, sec, n), c >= n; got != want {
					t.Fatalf("%s: sectionHasContent(%q, %d) = %v, want %v", rep.Source.Path, text, n, got, want)
				}
			}
			if c < 10 {
				short++
			}
		}
	}
	if found < 1000 || short < 50 {
		t.Fatalf("%d words found, %d short sections: the test proves little", found, short)
	}
}
