package grammar

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/internal/testshared"
)

// naiveScan is what phraseSet.scan must find: at every character boundary,
// the first listed phrase that starts there.
func naiveScan(phrases []string, text string) []int {
	var out []int
	for i := 0; i < len(text); {
		for k, p := range phrases {
			if strings.HasPrefix(text[i:], p) {
				out = append(out, i, k)
				break
			}
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// The scan finds exactly what a check at every character finds, on random
// texts made of the phrases' pieces, ASCII, 2-byte and 4-byte characters.
func TestPhraseSetMatchesNaiveScan(t *testing.T) {
	sets := [][]string{ResiduePatterns, Fingerprints2019,
		{"发布时间", "发布日期", "公开日期", "成文日期", "发文日期"},
		{"至", "到", "—", "－", "-", "~", "～"}}
	rng := rand.New(rand.NewSource(7))
	for si, phrases := range sets {
		ps := newPhraseSet(phrases)
		var pieces []string
		for _, p := range phrases {
			pieces = append(pieces, p)
			for _, r := range p {
				pieces = append(pieces, string(r))
			}
		}
		pieces = append(pieces, "a", " ", "\n", "é", "𠀀", "年", "12", "：")
		for n := 0; n < 400; n++ {
			var b strings.Builder
			for k := rng.Intn(40); k >= 0; k-- {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			text := b.String()
			var got []int
			ps.scan(text, func(off int, p string) bool {
				for k, q := range phrases {
					if q == p {
						got = append(got, off, k)
						break
					}
				}
				return true
			})
			want := naiveScan(phrases, text)
			if len(got) != len(want) {
				t.Fatalf("set %d, %q: got %v, want %v", si, text, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("set %d, %q: got %v, want %v", si, text, got, want)
				}
			}
		}
	}
}

// TestScanSetsMatchesScan: the parser's one pass over its four phrase sets
// finds, for each set, exactly what that set's own scan finds, on random
// texts built from pieces of all the sets' phrases.
func TestScanSetsMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	var pieces []string
	for _, s := range parserPhrases {
		for _, p := range s.phrases {
			pieces = append(pieces, p)
			for _, r := range p {
				pieces = append(pieces, string(r))
			}
		}
	}
	pieces = append(pieces, "a", " ", "\n", "é", "𠀀", "年", "日", "12", "：", "\xff")
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.Intn(60); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		got := scanSets(text, parserPhrases)
		for k, s := range parserPhrases {
			var want []phraseHit
			s.scan(text, func(off int, p string) bool {
				want = append(want, phraseHit{off, p})
				return true
			})
			if len(got[k]) != len(want) {
				t.Fatalf("set %d, %q: got %v, want %v", k, text, got[k], want)
			}
			for i := range want {
				if got[k][i] != want[i] {
					t.Fatalf("set %d, %q: got %v, want %v", k, text, got[k], want)
				}
			}
		}
	}
}

// TestLineStartsAndCRLFMatchNaive: the word-at-a-time line index and CRLF
// count give what a byte-by-byte loop gives.
func TestLineStartsAndCRLFMatchNaive(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	pieces := []string{"\n", "\r\n", "\r", "a", "年", "𠀀", "\n\n", "\r\r\n", ""}
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.Intn(30); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkLineStartsNaive(t, b.String())
	}
	// the real reports, whole and from every offset of their first 64 bytes
	roots := []string{filepath.Join(testshared.Dir(t), "seeds"), filepath.Join(testshared.Dir(t), "corpus")}
	for _, root := range roots {
		paths, _ := filepath.Glob(filepath.Join(root, "*"))
		for _, path := range paths {
			raw, err := os.ReadFile(path)
			if err != nil || len(raw) > 8<<20 {
				continue
			}
			for off := 0; off < min(len(raw), 64); off++ {
				checkLineStartsNaive(t, string(raw[off:]))
			}
		}
	}
}

func checkLineStartsNaive(t *testing.T, text string) {
	t.Helper()
	{
		starts := []int{0}
		crlf, lf := 0, 0
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				starts = append(starts, i+1)
				lf++
				if i > 0 && text[i-1] == '\r' {
					crlf++
				}
			}
		}
		got := lineStarts(text)
		if len(got) != len(starts) {
			t.Fatalf("%q: lineStarts %v, want %v", text, got, starts)
		}
		for i := range got {
			if got[i] != starts[i] {
				t.Fatalf("%q: lineStarts %v, want %v", text, got, starts)
			}
		}
		if countCRLF(text) != (crlf*2 > lf) {
			t.Fatalf("%q: countCRLF %v, want %v", text, countCRLF(text), crlf*2 > lf)
		}
		if got := lineStartsN(text, lf+1); len(got) != len(starts) || len(starts) > 0 && got[len(got)-1] != starts[len(starts)-1] {
			t.Fatalf("%q: lineStartsN with one break too many %v, want %v", text, got, starts)
		}
	}
}

// The candidates a phrase's leading bytes rule out (setsIndex.common) are
// none that start a phrase: scanSets finds what each set's scan finds on
// the real lines, and on texts of the phrases cut short at every byte and
// glued to one another.
func TestScanSetsCommonPrefixLosesNothing(t *testing.T) {
	texts := realLines(t)
	var cuts []string
	for _, s := range parserPhrases {
		for _, p := range s.phrases {
			for n := 1; n <= len(p); n++ {
				cuts = append(cuts, p[:n])
			}
		}
	}
	rng := rand.New(rand.NewSource(12))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(cuts[rng.Intn(len(cuts))])
		}
		texts = append(texts, b.String())
	}
	hits := 0
	for _, text := range texts {
		got := scanSets(text, parserPhrases)
		for k, s := range parserPhrases {
			var want []phraseHit
			s.scan(text, func(off int, p string) bool {
				want = append(want, phraseHit{off, p})
				return true
			})
			if !slices.Equal(got[k], want) {
				t.Fatalf("set %d, %q: scanSets %v, scan %v", k, text, got[k], want)
			}
			hits += len(want)
		}
	}
	if hits < 1000 {
		t.Fatalf("%d hits: the test must see phrases", hits)
	}
}
