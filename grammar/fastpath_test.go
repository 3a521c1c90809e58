package grammar

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// randomText joins n pieces drawn from pieces: texts where the fast paths'
// needles sit next to each other, at the start and at the end.
func randomText(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

func TestPeriodWordIndexMatchesTheExpression(t *testing.T) {
	pieces := []string{"数据", "信息", "统计", "期限", "时限", "时间", "区间", "期间", "数", "据", "𠮷", "a", " ", "\n", "统", "计期限", "年"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		text := randomText(rng, pieces, rng.Intn(8))
		want := rePeriodWord.FindStringIndex(text)
		if got := periodWordIndex(text); !slices.Equal(got, want) {
			t.Fatalf("periodWordIndex(%q) = %v, the expression finds %v", text, got, want)
		}
	}
}

// plainTrimSpan is trimSpan without the byte tests.
func plainTrimSpan(t string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(t[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(t[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

func TestTrimSpanMatchesDecoding(t *testing.T) {
	// every space, characters sharing their first or last byte (€ U+20AC,
	// 「 U+300C, ｀ U+FF40, À U+00C0), invalid bytes, a character outside
	// the BMP
	pieces := []string{" ", "\t", "\r", "\n", "\u00a0", "\u3000", "\ufeff", "\u200b",
		"€", "「", "｀", "À", "a", "表", "𠮷", "\xe3\x80", "\xa0", "\xc2", "\x80"}
	for r := rune(0); r < 0x3100; r++ {
		if isSpace(r) {
			continue
		}
		if b := string(r); spaceLead(b[0]) && spaceTail(b[len(b)-1]) {
			pieces = append(pieces, b) // shares both bytes with a space
		}
	}
	rng := rand.New(rand.NewSource(2))
	for range 50000 {
		text := randomText(rng, pieces, rng.Intn(6))
		s, e := 0, len(text)
		if e > 0 {
			s = rng.Intn(e + 1)
			e = s + rng.Intn(e-s+1)
		}
		gs, ge := trimSpan(text, s, e)
		ws, we := plainTrimSpan(text, s, e)
		if gs != ws || ge != we {
			t.Fatalf("trimSpan(%q, %d, %d) = %d, %d; decoding gives %d, %d", text, s, e, gs, ge, ws, we)
		}
	}
}

// plainMatchKey is matchKey rune by rune.
func plainMatchKey(s string, i, limit int, key []rune) int {
	k := 0
	for i < limit && k < len(key) {
		r, n := utf8.DecodeRuneInString(s[i:limit])
		if k > 0 && ignorable(r) {
			i += n
			continue
		}
		if foldRune(r) != key[k] {
			return -1
		}
		k++
		i += n
	}
	if k < len(key) {
		return -1
	}
	return i
}

func TestMatchKeyMatchesDecoding(t *testing.T) {
	keys := []string{"1本机关不掌握相关政府信息", "本年新收", "其他", "a1", "𠮷本", "\ufffd年"}
	// the keys' runes, their full-width forms, ignorable runes, runes
	// sharing lead bytes (（ and １ both start EF BC), cut and invalid UTF-8
	pieces := []string{"1", "１", "本", "机关", "不掌握", "相关", "政府信息", "年", "新收", "其", "他",
		"a", "ａ", "𠮷", "（", "）", " ", "\u3000", "、", "，", ".", "\ufffd", "\xef\xbc", "\xe6", "\xff", "数"}
	ignorables := []string{"（", "）", " ", "\u3000", "、", "，", ".", "“"}
	rng := rand.New(rand.NewSource(3))
	for _, key := range keys {
		runes := []rune(key)
		matched := 0
		for range 20000 {
			// mostly the key with noise, so that matches happen
			text := randomText(rng, pieces, rng.Intn(4))
			i := 0
			if len(text) > 0 {
				i = rng.Intn(len(text))
			}
			if rng.Intn(2) == 0 {
				i = len(text)
				var b strings.Builder
				for k, r := range runes {
					if r >= '0' && r <= '9' && rng.Intn(3) == 0 {
						r += '０' - '0'
					}
					b.WriteRune(r)
					if k < len(runes)-1 && rng.Intn(6) == 0 {
						b.WriteString(ignorables[rng.Intn(len(ignorables))])
					} else if rng.Intn(40) == 0 {
						b.WriteString(pieces[rng.Intn(len(pieces))])
					}
				}
				text += b.String() + randomText(rng, pieces, rng.Intn(3))
			}
			limit := i + rng.Intn(len(text)-i+1)
			if rng.Intn(2) == 0 {
				limit = len(text)
			}
			if got, want := matchKey(text, i, limit, key), plainMatchKey(text, i, limit, runes); got != want {
				t.Fatalf("matchKey(%q, %d, %d, %q) = %d; rune by rune %d", text, i, limit, key, got, want)
			} else if got >= 0 {
				matched++
			}
		}
		if matched < 100 {
			t.Errorf("key %q matched %d texts of 20000: the test is not testing matches", key, matched)
		}
	}
}

func TestSmallDigitsAsParseFloat(t *testing.T) {
	for _, s := range []string{"0", "7", "007", "42", "999999999999999", "123456789012345", "1000000"} {
		v, ok := smallDigits(s)
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || v != want {
			t.Errorf("smallDigits(%q) = %v, %v; ParseFloat gives %v, %v", s, v, ok, want, err)
		}
	}
	for _, s := range []string{"", "1234567890123456", "1.5", "-3", "１２", "3个", " 1", "1e3"} {
		if _, ok := smallDigits(s); ok {
			t.Errorf("smallDigits(%q) read it; it must leave it to parseNumber's general path", s)
		}
	}
}

// The characters matchKey rejects by their first byte (U+4000–U+9FFF) are
// neither ignorable nor folded.
func TestCJKRangeNeitherIgnorableNorFolded(t *testing.T) {
	for r := rune(0x4000); r <= 0x9FFF; r++ {
		if ignorable(r) || foldRune(r) != r {
			t.Fatalf("U+%04X is ignorable or folded: matchKey must not reject it by its first byte", r)
		}
		if b := string(r); b[0] < 0xE4 || b[0] > 0xE9 {
			t.Fatalf("U+%04X starts with %#x", r, b[0])
		}
	}
}

func TestFuzzyRememberedAnswersAsFuzzy(t *testing.T) {
	m := newMatcher(Table2)
	texts := []string{"本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "予以公开", "部分公开",
		"本机关不掌握相关政府信息", "没有现成信息需要另行制作", "其他", "与本案无关的文字", "行政复议"}
	found := 0
	for _, text := range texts {
		for _, typo := range []string{text, "（" + text, text[:len(text)-3], strings.Replace(text, "公开", "公布", 1)} {
			wantEntry, wantHow := m.fuzzy(typo)
			if wantEntry != nil {
				found++
			}
			for range 2 { // asked, then remembered
				if e, how := m.fuzzyRemembered(typo); e != wantEntry || how != wantHow {
					t.Fatalf("fuzzyRemembered(%q) = %v %q, fuzzy gives %v %q", typo, e, how, wantEntry, wantHow)
				}
			}
		}
	}
	if found < 10 {
		t.Fatalf("fuzzy found %d of the texts: the test must compare found labels", found)
	}
	// bounded, and the same answers from many goroutines (go test -race)
	done := make(chan bool)
	for g := range 4 {
		go func() {
			for i := range maxRemembered / 2 {
				m.fuzzyRemembered(fmt.Sprintf("第%d行%d", g, i))
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	if n := len(m.remembered); n > maxRemembered {
		t.Errorf("remembered %d answers, more than %d", n, maxRemembered)
	}
}

func TestMaybePageNumberBeforeTheExpression(t *testing.T) {
	pieces := []string{"—", "–", "-", "－", " ", "\u3000", "\t", "1", "2", "０", "9", "页", "第", "a"}
	rng := rand.New(rand.NewSource(4))
	matched := 0
	for range 50000 {
		s := randomText(rng, pieces, rng.Intn(8))
		if rePageNumber.MatchString(s) {
			matched++
			if !maybePageNumber(s) {
				t.Fatalf("maybePageNumber(%q) = false, but it is a page number", s)
			}
		}
	}
	if matched < 50 {
		t.Fatalf("%d page numbers in 50,000 texts: the test must try some", matched)
	}
}

// plainHeadingTextEnd is subHeading's search for the end of a heading's
// text as it was written first: each stop searched for on its own.
func plainHeadingTextEnd(probe string) int {
	end := len(probe) + 1
	for _, stop := range []string{"。", "：", ":", "；", " ", "\u3000"} {
		if i := strings.Index(probe, stop); i >= 0 && i < end && (i > 0 || stop != " ") {
			end = i
		}
	}
	if end == len(probe)+1 {
		return -1
	}
	return end
}

func TestHeadingTextEndAsEachStop(t *testing.T) {
	pieces := []string{"。", "：", ":", "；", " ", "\u3000", "主动", "公开", "a", "𠮷", "1"}
	rng := rand.New(rand.NewSource(5))
	for range 50000 {
		probe := randomText(rng, pieces, rng.Intn(7))
		if got, want := headingTextEnd(probe), plainHeadingTextEnd(probe); got != want {
			t.Fatalf("headingTextEnd(%q) = %d, each stop on its own gives %d", probe, got, want)
		}
	}
}

// Token buffers go back to the pool cleared: a token left in one would keep
// its report's text alive, and could be mistaken for a token of the next.
func TestTokenBuffersReturnCleared(t *testing.T) {
	// no collection empties the pool meanwhile, and one P: a buffer put
	// back sits in that P's own slot, which a Get from another P misses
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, name := range []string{"clean.txt", "defects.txt"} {
		raw, err := os.ReadFile(filepath.Join("..", "testdata", "examples", name))
		if err != nil {
			t.Fatal(err)
		}
		Parse(NewSource(name, string(raw)))
	}
	got := 0
	for range 8 {
		b, _ := tokenBuffers.Get().(*[]token)
		if b == nil {
			break
		}
		got++
		for i, tk := range (*b)[:cap(*b)] {
			if tk != (token{}) {
				t.Fatalf("a pooled token buffer holds %+v at %d", tk, i)
			}
		}
	}
	if got == 0 {
		t.Fatal("no token buffer came back to the pool")
	}
}

// plainCNValue is cnValue as first written (a map and a rune slice).
func plainCNValue(s string) int {
	if s == "" {
		return 0
	}
	n := 0
	digits := true
	for _, r := range s {
		r = foldRune(r)
		if r < '0' || r > '9' {
			digits = false
			break
		}
		n = n*10 + int(r-'0')
	}
	if digits {
		return n
	}
	vals := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return vals[rs[0]]
	case len(rs) == 2 && rs[0] == '十':
		return 10 + vals[rs[1]]
	case len(rs) == 2 && rs[1] == '十':
		return vals[rs[0]] * 10
	case len(rs) == 3 && rs[1] == '十':
		return vals[rs[0]]*10 + vals[rs[2]]
	}
	return 0
}

func TestCNValueAsFirstWritten(t *testing.T) {
	pieces := []string{"一", "二", "五", "九", "十", "百", "零", "1", "０", "9", "a", " ", "𠮷"}
	rng := rand.New(rand.NewSource(6))
	nonzero := 0
	for range 50000 {
		s := randomText(rng, pieces, rng.Intn(5))
		got, want := cnValue(s), plainCNValue(s)
		if got != want {
			t.Fatalf("cnValue(%q) = %d, as first written %d", s, got, want)
		}
		if got > 10 {
			nonzero++
		}
	}
	if nonzero < 100 {
		t.Fatalf("only %d values above 10: the test must read numbers", nonzero)
	}
}

// matchKey rejects an ASCII character by asciiIgnorable: no ASCII
// character is folded.
func TestASCIINotFolded(t *testing.T) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if foldRune(c) != c {
			t.Fatalf("foldRune(%q) = %q: matchKey's ASCII test would be wrong", c, foldRune(c))
		}
		if asciiIgnorable[c] != ignorable(c) {
			t.Fatalf("asciiIgnorable[%q] differs from ignorable", c)
		}
	}
}

// isResidueLine answers for the lines residue spans overlap only; every
// other line must be one that lineIsResidue also says is not residue.
func TestResidueLinesAsEachLine(t *testing.T) {
	var files []string
	for _, glob := range []string{"../testdata/crawler/*", "../testdata/examples/*", "testdata/*.txt", "../../shared/seeds/*.txt", "../../shared/corpus/*/*.txt"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	residual := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil || !utf8.Valid(raw) {
			continue
		}
		text := maskComments(string(raw))
		p := &parser{src: NewSource(f, string(raw)), v: IdentityView(text), text: text, r: &Report{}, surplusWindow: -1}
		p.r.Source, p.r.View = p.src, p.v
		p.run()
		for i, ln := range p.lines {
			if got, want := p.isResidueLine(i), p.lineIsResidue(ln); got != want {
				t.Fatalf("%s line %d: isResidueLine %v, lineIsResidue %v", f, i+1, got, want)
			} else if got {
				residual++
			}
		}
	}
	if residual < 10 {
		t.Fatalf("%d residue lines in %d files: the test must see some", residual, len(files))
	}
}

// A PhraseScan fed edit after edit finds what a whole scan finds, and knows
// whether the text is valid UTF-8, on edits that cut characters, insert
// phrases, and make the text invalid and valid again.
func TestPhraseScanAfterEdits(t *testing.T) {
	var base []string
	for _, glob := range []string{"../testdata/crawler/*", "../testdata/examples/*.txt", "../../shared/seeds/*.txt"} {
		m, _ := filepath.Glob(glob)
		for _, f := range m {
			if raw, err := os.ReadFile(f); err == nil && utf8.Valid(raw) {
				base = append(base, string(raw))
			}
		}
	}
	if len(base) < 5 {
		t.Fatal("too few texts to edit")
	}
	var inserts []string
	for _, s := range parserPhrases {
		inserts = append(inserts, s.phrases...)
	}
	inserts = append(inserts, "一", "a", "\n", "𠮷", "\xe6", "\x94\xbf", "\xff", "", "统计期限", "公开", "政府")
	rng := rand.New(rand.NewSource(7))
	incremental, whole := 0, 0
	for _, text := range base {
		var ps PhraseScan
		for step := range 60 {
			if step > 0 {
				// cut at characters, and one time in ten anywhere (inside
				// a character too); insert a piece, rarely a broken one
				a := rng.Intn(len(text) + 1)
				b := min(a+rng.Intn(12), len(text))
				if rng.Intn(10) > 0 {
					for a > 0 && a < len(text) && !utf8.RuneStart(text[a]) {
						a--
					}
					for b < len(text) && !utf8.RuneStart(text[b]) {
						b++
					}
				}
				piece := inserts[rng.Intn(len(inserts))]
				if !utf8.ValidString(piece) && rng.Intn(3) > 0 {
					piece = "年"
				}
				text = text[:a] + piece + text[b:]
			}
			if step%20 == 0 && !utf8.ValidString(text) {
				text = base[rng.Intn(len(base))] // valid again
			}
			wasValid := ps.valid && ps.hits != nil
			got := ps.scan(text)
			want := scanSets(text, parserPhrases)
			if valid := utf8.ValidString(text); ps.valid != valid {
				t.Fatalf("step %d: the scan says valid=%v, the text is %v", step, ps.valid, valid)
			}
			if wasValid && ps.valid {
				incremental++
			} else {
				whole++
			}
			for k := range want {
				if !slices.Equal(got[k], want[k]) {
					t.Fatalf("step %d, set %d: the edited scan found %v, a whole scan %v", step, k, got[k], want[k])
				}
			}
		}
	}
	if incremental < 100 || whole < 10 {
		t.Fatalf("%d incremental and %d whole scans: the test must exercise both", incremental, whole)
	}
}

func TestCommonPrefixAndSuffix(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	for range 5000 {
		a := strings.Repeat("政府信息公开", rng.Intn(100)) + randomText(rng, []string{"a", "年", "b"}, rng.Intn(5))
		b := a[:rng.Intn(len(a)+1)] + randomText(rng, []string{"a", "年", "c"}, rng.Intn(5)) + a[rng.Intn(len(a)+1):]
		p := 0
		for p < min(len(a), len(b)) && a[p] == b[p] {
			p++
		}
		if got := commonPrefix(a, b); got != p {
			t.Fatalf("commonPrefix = %d, want %d", got, p)
		}
		s := 0
		for s < min(len(a), len(b)) && a[len(a)-1-s] == b[len(b)-1-s] {
			s++
		}
		if got := commonSuffix(a, b); got != s {
			t.Fatalf("commonSuffix = %d, want %d", got, s)
		}
	}
}

// hasTitleHint and metaTitleIndex answer as the expressions they stand for,
// on texts of their needles' pieces next to invalid bytes, characters
// outside the BMP, full-width and CRLF.
func TestTitleFastPathsMatchTheExpressions(t *testing.T) {
	pieces := []string{"报告", "年报", "报", "告", "年", "标题", "名称", "标", "题", "名", "称", ":", "：", "\t", " ", "\u3000", "\u00a0",
		"\r\n", "𠮷", "ａ", "２０２３", "\xe6", "\xe6\x8a", "\x8a\xa5", "\xa5", "\xff", "\xe4\xb8", "x"}
	rng := rand.New(rand.NewSource(7))
	for range 100000 {
		s := randomText(rng, pieces, rng.Intn(8))
		if got, want := hasTitleHint(s), reTitleHint.MatchString(s); got != want {
			t.Fatalf("hasTitleHint(%q) = %v, the expression %v", s, got, want)
		}
		if got, want := metaTitleIndex(s), reMetaTitle.FindStringIndex(s); !slices.Equal(got, want) {
			t.Fatalf("metaTitleIndex(%q) = %v, the expression %v", s, got, want)
		}
	}
}

// yearIndex answers as reYear.FindStringSubmatchIndex.
func TestYearIndexMatchesTheExpression(t *testing.T) {
	pieces := []string{"2023", "202", "1", "0", "9", "年", "年度", " ", "\t", "\n", "\f", "\r\n", "\v", "\u00a0", "\u3000", "\u2002",
		"２０２３", ":", "/", "𠮷", "\xe5", "\xe5\xb9", "\xb9\xb4", "\xc2", "\xe3\x80", "\xff", "a", "报告"}
	rng := rand.New(rand.NewSource(11))
	for range 200000 {
		s := randomText(rng, pieces, rng.Intn(9))
		if got, want := yearIndex(s), reYear.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("yearIndex(%q) = %v, the expression %v", s, got, want)
		}
		if got, want := hasYear(s), reYear.MatchString(s); got != want {
			t.Fatalf("hasYear(%q) = %v, the expression %v", s, got, want)
		}
	}
}

// hasSentenceMark answers as strings.ContainsAny(s, sentenceMarks), on the
// real lines and on random texts of the marks, characters sharing their
// bytes and broken UTF-8.
func TestHasSentenceMarkAsContainsAny(t *testing.T) {
	texts := realLines(t)
	pieces := []string{"。", "；", "，", ",", "`", "|", "\\", "＞", "»", "›", "、", "：", "｜", "〇", "€", "«", "‹",
		"\xe3", "\xe3\x80", "\xef\xbc", "\xc2", "\xe2\x80", "\x80", "\x82", "\xbb", "\xba", "\x9b", "a", "年", "𠮷", " "}
	for _, m := range sentenceMarks {
		b := string(m)
		for k := 1; k < len(b); k++ {
			pieces = append(pieces, b[:k], b[k:])
		}
	}
	rng := rand.New(rand.NewSource(8))
	for range 100000 {
		texts = append(texts, randomText(rng, pieces, rng.Intn(6)))
	}
	marked := 0
	for _, s := range texts {
		got, want := hasSentenceMark(s), strings.ContainsAny(s, sentenceMarks)
		if got != want {
			t.Fatalf("hasSentenceMark(%q) = %v, ContainsAny %v", s, got, want)
		}
		if want {
			marked++
		}
	}
	if marked < 10000 {
		t.Fatalf("%d texts hold a mark: too few", marked)
	}
}
