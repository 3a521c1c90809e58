package grammar

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
)

// runPerRun is setsScan.run as it was before skip: a loop per run of ASCII
// and one per run of three-byte characters, each candidate tested in the
// loop. It is the reference of TestScanSetsAsPerRun.
func (sc *setsScan) runPerRun(from, to int) {
	text := sc.text
	first := &sc.x.first
	lo, hi := first[0], first[1]
	n := len(text)
	for i := from; i < to; {
		c := text[i]
		switch {
		case c < 0x80:
			for {
				m := lo
				if c >= 64 {
					m = hi
				}
				if m>>(c&63)&1 != 0 {
					sc.matchAt(i, uint(c>>6), uint(c&63))
				}
				i++
				if i >= to {
					break
				}
				if c = text[i]; c >= 0x80 {
					break
				}
			}
		case c&0xF0 == 0xE0 && i+2 < n:
			end := min(to, n-2)
			for {
				t := text[i : i+3]
				word, bit := (uint(t[0]&0x0F)<<6|uint(t[1]&0x3F))&1023, uint(t[2]&0x3F)
				if first[word]>>bit&1 != 0 {
					c := &sc.x.common[sc.x.slot[sc.x.block[word]][bit]]
					if i+8 > n || load8(text, i)&c.mask == c.head {
						sc.matchAt(i, word, bit)
					}
				}
				i += 3
				if i >= end || text[i]&0xF0 != 0xE0 {
					break
				}
			}
		case c >= 0xC0 && c < 0xE0 && i+1 < n:
			r := uint(c&0x1F)<<6 | uint(text[i+1]&0x3F)
			if first[r>>6]>>(r&63)&1 != 0 {
				sc.matchAt(i, r>>6, r&63)
			}
			i += 2
		case c >= 0xF0:
			i += 4
		default:
			i++
		}
	}
}

func scanSetsFromPerRun(text string, from, to int) [][]phraseHit {
	sc := &setsScan{x: parserIndex, text: text, out: make([][]phraseHit, len(parserPhrases))}
	sc.runPerRun(from, to)
	return sc.out
}

// TestScanSetsAsPerRun: the word-at-a-time scan (skip, step) finds what
// the loop per run found, over the whole of the seeds and the corpus, from
// every offset of their first bytes, over windows of them (PhraseScan
// scans from and to a character's start), and over random texts of the
// phrases' pieces with characters outside the BMP, invalid UTF-8 (lead
// bytes of every length without their continuation, continuation bytes
// alone, leads with ASCII after them) and CRLF.
func TestScanSetsAsPerRun(t *testing.T) {
	var texts []string
	for _, root := range []string{"seeds", "corpus"} {
		paths, _ := filepath.Glob(filepath.Join(testshared.Dir(t), root, "*"))
		for _, path := range paths {
			raw, err := os.ReadFile(path)
			if err != nil || len(raw) > 8<<20 {
				continue
			}
			for off := 0; off < min(len(raw), 16); off++ {
				texts = append(texts, string(raw[off:]))
			}
		}
	}
	if len(texts) < 100 {
		t.Fatalf("only %d real texts", len(texts))
	}
	var pieces []string
	for _, s := range parserPhrases {
		for _, p := range s.phrases {
			pieces = append(pieces, p, p[:len(p)-1])
			for _, r := range p {
				pieces = append(pieces, string(r))
			}
		}
	}
	pieces = append(pieces, "a", " ", "\t", "\n", "\r\n", "é", "𠀀", "年", "日", "12", "：", "公开", "政府",
		"\xff", "\x80", "\xbf", "\xe5", "\xe5\xbc", "\xe5A", "\xe5\xbcA", "\xc3", "\xf0", "\xf0\xa0", "\xed\xa0\x80")
	rng := rand.New(rand.NewSource(13))
	for n := 0; n < 4000; n++ {
		var b strings.Builder
		for k := rng.Intn(80); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	hits := 0
	for _, text := range texts {
		want := scanSetsFromPerRun(text, 0, len(text))
		got := scanSets(text, parserPhrases)
		for k := range want {
			if !slices.Equal(got[k], want[k]) {
				t.Fatalf("set %d, %q: scanSets %v, per run %v", k, text, got[k], want[k])
			}
			hits += len(want[k])
		}
		// a window from where a step lands to any offset
		var starts []int
		stepper := &setsScan{x: parserIndex, text: text, out: make([][]phraseHit, len(parserPhrases))}
		for i := 0; i < len(text); {
			starts = append(starts, i)
			i = stepper.step(i)
		}
		for range 3 {
			if len(starts) == 0 {
				break
			}
			from := starts[rng.Intn(len(starts))]
			to := from + rng.Intn(len(text)-from+1)
			want := scanSetsFromPerRun(text, from, to)
			got := scanSetsFrom(text, from, to, parserPhrases, make([][]phraseHit, len(parserPhrases)))
			for k := range want {
				if !slices.Equal(got[k], want[k]) {
					t.Fatalf("set %d, %q [%d:%d]: scanSetsFrom %v, per run %v", k, text, from, to, got[k], want[k])
				}
			}
		}
	}
	if hits < 5000 {
		t.Fatalf("%d hits: the test must see phrases", hits)
	}
}

// TestScanSetsAnyASCIIStarts: skip tests a word of ASCII at once against
// four characters at most (asciiStarts), else byte by byte; with none, a
// few and more than four ASCII characters that start a phrase, scanSets
// finds what each set's own scan finds.
func TestScanSetsAnyASCIIStarts(t *testing.T) {
	cases := [][]*phraseSet{
		{newPhraseSet([]string{"公开", "政府信息", "年"})},
		{newPhraseSet([]string{"a", "公开"}), newPhraseSet([]string{"~~", "z"})},
		append(slices.Clone(parserPhrases), newPhraseSet([]string{"0", "\t", "ab", "公开"})),
		{newPhraseSet([]string{"\x7f", "\x01", " ", "|", "\n", "年度"})},
	}
	pieces := []string{"公开", "政府信息", "年", "年度", "a", "ab", "b", "z", "~", "~~", "-", "=", "[", "0", "12", "\t", " ", "|",
		"\n", "\r\n", "\x7f", "\x01", "é", "𠀀", "\xff", "\xe5", "\xe5\xbc", "公", "开", "，", "2023年"}
	rng := rand.New(rand.NewSource(17))
	for ci, sets := range cases {
		x := newSetsIndex(sets)
		if x.asciiFew != (ci != 2 && ci != 3) {
			t.Fatalf("case %d: asciiFew %v", ci, x.asciiFew)
		}
		for n := 0; n < 3000; n++ {
			var b strings.Builder
			for k := rng.Intn(60); k >= 0; k-- {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			text := b.String()
			got := scanSets(text, sets)
			for k, s := range sets {
				var want []phraseHit
				s.scan(text, func(off int, p string) bool {
					want = append(want, phraseHit{off, p})
					return true
				})
				if !slices.Equal(got[k], want) {
					t.Fatalf("case %d, set %d, %q: scanSets %v, scan %v", ci, k, text, got[k], want)
				}
			}
		}
	}
}
