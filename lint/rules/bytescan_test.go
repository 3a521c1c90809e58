package rules

import (
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
)

// The byte-level scanners answer what their rune-by-rune definitions answer,
// on random text dense in the marks they look for, in runes sharing their
// lead bytes, and in invalid UTF-8.
var byteScanPieces = []string{"。", "；", ";", "！", "？", "!", "?", "（", "）", "(", ")", "，", "、", "Ｙ", "＂",
	"\xe3\x80", "\xef\xbc", "\xbc\x88", "\x82", "\xff", "\xed\xa0\x80", "\xe0\x80\x80", "的", "了", "研究", "学", "习",
	"一", "年", "a", "1", " ", "𠀀", "\ufffd"}

func sentencesByRunes(text string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range text {
		switch r {
		case '。', '；', ';', '！', '？', '!', '?':
			end := i + utf8.RuneLen(r)
			out = append(out, [2]int{start, end})
			start = end
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func bracketsByRunes(s string) (open, close int) {
	for _, r := range s {
		switch r {
		case '（', '(':
			open++
		case '）', ')':
			close++
		}
	}
	return
}

func TestByteScansMatchRunes(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 30000; i++ {
		text := randomText(rng, byteScanPieces, rng.Intn(16))
		if got, want := sentences(text), sentencesByRunes(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("sentences(%q) = %v, want %v", text, got, want)
		}
		o, c := brackets(text)
		if wo, wc := bracketsByRunes(text); o != wo || c != wc {
			t.Fatalf("brackets(%q) = %d, %d, want %d, %d", text, o, c, wo, wc)
		}
		for j := 0; j < len(text); j++ {
			r, n := decodeRune(text, j)
			if wr, wn := utf8.DecodeRuneInString(text[j:]); r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %q, %d, want %q, %d", text, j, r, n, wr, wn)
			}
		}
		for j := 0; j <= len(text); j++ {
			r, n := decodeLastRune(text, j)
			if wr, wn := utf8.DecodeLastRuneInString(text[:j]); r != wr || n != wn {
				t.Fatalf("decodeLastRune(%q, %d) = %q, %d, want %q, %d", text, j, r, n, wr, wn)
			}
		}
	}
}

// decodeRune agrees with the standard decoder on every three-byte sequence.
func TestDecodeRuneAllThreeBytes(t *testing.T) {
	b := []byte{0, 0, 0}
	for c0 := 0xC0; c0 < 0x100; c0++ {
		for c1 := 0x70; c1 < 0xD0; c1++ {
			for c2 := 0x70; c2 < 0xD0; c2++ {
				b[0], b[1], b[2] = byte(c0), byte(c1), byte(c2)
				s := string(b)
				r, n := decodeRune(s, 0)
				if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
					t.Fatalf("decodeRune(%q) = %q, %d, want %q, %d", s, r, n, wr, wn)
				}
			}
		}
	}
}

// decodeLastRune agrees with the standard decoder on every four bytes
// ending a text (a character of up to four bytes ends there).
func TestDecodeLastRuneAllEndings(t *testing.T) {
	b := []byte{0, 0, 0, 0}
	vals := []byte{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE4, 0xE9, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF}
	for _, c0 := range vals {
		for _, c1 := range vals {
			for c2 := 0x70; c2 < 0x100; c2++ {
				for c3 := 0x70; c3 < 0xD0; c3++ {
					b[0], b[1], b[2], b[3] = c0, c1, byte(c2), byte(c3)
					s := string(b)
					for i := 0; i <= len(s); i++ {
						r, n := decodeLastRune(s, i)
						if wr, wn := utf8.DecodeLastRuneInString(s[:i]); r != wr || n != wn {
							t.Fatalf("decodeLastRune(%q, %d) = %q, %d, want %q, %d", s, i, r, n, wr, wn)
						}
					}
				}
			}
		}
	}
}

// clauseEnd cuts where the class [，,、；;：:] matches.
func TestClauseEndMatchesClass(t *testing.T) {
	re := regexp.MustCompile(`[，,、；;：:]`)
	rng := rand.New(rand.NewSource(6))
	pieces := append([]string{"，", ",", "、", "；", ";", "：", ":", "\xef\xbc\x8d", "\xe3\x80\x82"}, byteScanPieces...)
	for i := 0; i < 30000; i++ {
		text := randomText(rng, pieces, rng.Intn(16))
		var got [][]int
		for pos := 0; pos <= len(text); {
			end, next := clauseEnd(text, pos)
			if next > len(text) {
				break
			}
			got = append(got, []int{end, next})
			pos = next
		}
		if want := re.FindAllStringIndex(text, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("clauses of %q: %v, want %v", text, got, want)
		}
	}
}

// reOtherBodies is the pattern otherBodiesDocs decides.
var reOtherBodies = regexp.MustCompile(`(?:部门|各单位|区直|县直|市直|乡镇|街道|各地|上级|省级|国家)(?:的)?(?:行政)?规范性文件`)

// otherBodiesDocs finds a match where the pattern does: in random texts of
// its words and their pieces (的 and 行政 doubled, swapped or alone, cut
// characters, 𠀀) and in the clauses of the narrative patterns' texts.
func TestOtherBodiesDocsIsThePattern(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pieces := []string{"部门", "各单位", "区直", "县直", "市直", "乡镇", "街道", "各地", "上级", "省级", "国家", "的", "行政",
		"规范性文件", "规范性", "文件", "部", "门", "本", "制发", "2", "件", "，", " ", "\xff", "𠀀", "\xe8\xa7", "政", "行"}
	texts := prefilterTexts(t)
	for i := 0; i < 60000; i++ {
		texts = append(texts, randomText(rng, pieces, rng.Intn(10)))
	}
	matched := 0
	for _, text := range texts {
		got, want := otherBodiesDocs(text), reOtherBodies.MatchString(text)
		if got != want {
			t.Fatalf("otherBodiesDocs(%q) = %v, want %v", text, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 2000 {
		t.Fatalf("only %d matches: the texts do not exercise the pattern", matched)
	}
}

// mayHaveDoubled decodes characters by hand: it answers as the same test
// over the runes of a range loop.
func TestMayHaveDoubledMatchesRunes(t *testing.T) {
	byRunes := func(text string) bool {
		r1, r2, r3 := rune(-1), rune(-1), rune(-1)
		for _, r := range text {
			if r == r1 && strings.ContainsRune(doubledFunctionChars, r) ||
				r == r2 && r1 == r3 && r1 != r && isHan(r1) && isHan(r) {
				return true
			}
			r1, r2, r3 = r, r1, r2
		}
		return false
	}
	rng := rand.New(rand.NewSource(8))
	pieces := []string{"的", "了", "研", "究", "学", "习", "𠀀", "\xff", "\xe7\x9a", "\xe7", "a", "，", "\ufffd", "一", "二"}
	found := 0
	for i := 0; i < 50000; i++ {
		text := randomText(rng, pieces, rng.Intn(10))
		got, want := mayHaveDoubled(text), byRunes(text)
		if got != want {
			t.Fatalf("mayHaveDoubled(%q) = %v, want %v", text, got, want)
		}
		if want {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d texts with doubles: the test proves little", found)
	}
}

// checkColumnLabels looks for a column's key in the table's key and in each
// label's key apart, where it once searched them joined by NULs: the same
// answer as long as no column key holds a NUL.
func TestColumnKeysHoldNoNUL(t *testing.T) {
	n := 0
	for _, f := range []grammar.Format{grammar.Format2019, grammar.Format2021} {
		for _, def := range grammar.Tables(f) {
			for _, r := range def.Rows {
				for _, c := range r.Cols {
					for _, s := range append([]string{c.Label}, c.Variants...) {
						n++
						if strings.Contains(templateKey(s), "\x00") {
							t.Fatalf("the key of column label %q holds a NUL", s)
						}
					}
				}
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d column labels: the template was not read", n)
	}
}

// hasWord is strings.Contains, for words of Chinese characters, of ASCII
// and of one byte, on random text with invalid UTF-8.
func TestHasWordIsContains(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	pieces := []string{"申", "请", "申请", "行政", "复议", "规范性文件", "规章", "转", "件", "\xe7\x94", "\xb3", "\xe7", "a", "%", "％",
		"，", "\xff", "𠀀"}
	words := []string{"申请", "行政复议", "规范性文件", "规章", "转", "件", "％", "a", "%", "", "\xb3\xe8", "请申"}
	found := 0
	for i := 0; i < 30000; i++ {
		text := randomText(rng, pieces, rng.Intn(12))
		for _, w := range words {
			got, want := hasWord(text, w), strings.Contains(text, w)
			if got != want {
				t.Fatalf("hasWord(%q, %q) = %v, want %v", text, w, got, want)
			}
			if want {
				found++
			}
		}
	}
	if found < 10000 {
		t.Fatalf("only %d texts hold a word: the test proves little", found)
	}
}
