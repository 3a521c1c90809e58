package grammar

// Tests of the prose path's fast paths (issue 11): each compares the new
// code with the code it replaced, kept here as the reference, on the lines
// of the real reports and on random text (invalid UTF-8, CJK, characters
// outside the BMP, full-width digits, tabs and pipes).

import (
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/internal/testshared"
)

// realLines are the lines of the seeds, the corpus and the test data, each
// also trimmed, and the tails of each line that start at a heading's first
// character (a crawler line carries headings inside it).
func realLines(t *testing.T) []string {
	t.Helper()
	realLinesOnce.Do(func() { realLinesRead = readRealLines(t) })
	if len(realLinesRead) < 10000 {
		t.Fatalf("only %d real lines", len(realLinesRead))
	}
	return realLinesRead
}

var (
	realLinesOnce sync.Once
	realLinesRead []string
)

func readRealLines(t *testing.T) []string {
	roots := []string{filepath.Join(testshared.Dir(t), "seeds"), filepath.Join(testshared.Dir(t), "corpus"),
		"testdata", filepath.Join("..", "testdata")}
	var out []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, err := os.ReadFile(path)
			if err != nil || len(raw) > 8<<20 {
				return err
			}
			for _, ln := range strings.Split(string(raw), "\n") {
				out = append(out, ln, strings.TrimSpace(ln))
				for i, r := range ln {
					if i > 0 && (r == '#' || r == '（' || r == '(' || isCNNumeralRune(r) || isDigit(r) || r == '-' || r == '—') {
						out = append(out, ln[i:min(len(ln), i+300)])
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// prosePieces make random text where the fast paths' needles, their
// neighbours in UTF-8 and broken UTF-8 sit next to each other.
var prosePieces = []string{
	// heading numberings and their separators
	"#", "## ", "（", "）", "(", ")", "一", "二", "十", "三", "1", "12", "１", "２", "、", "．", ".", "，", ",",
	// heading text ends and spaces
	"。", "：", ":", "；", " ", "\u3000", "\u00a0", "\t", "|", "\r", "\n", "\f",
	// dashes of page numbers
	"-", "—", "–", "－", "~",
	// parts' names and near misses
	"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
	"存在的主要问题及改进情况", "其他需要报告的事项", "主动公开", "政府", "信息", "正文", "页",
	// characters sharing lead or tail bytes with the needles (「 E3 80 8C,
	// 〒 E3 80 92, ｚ EF BD 9A, € E2 82 AC), outside the BMP, invalid
	"「", "〒", "ｚ", "€", "𠮷", "a", "\ufffd", "\xe3", "\xe3\x80", "\xef\xbc", "\xe2\x80", "\x80", "\xbc\x9a", "\xff",
}

// refHeadingTextEnd is headingTextEnd as it was: rune by rune.
func refHeadingTextEnd(probe string) int {
	spaces := probe == "" || probe[0] != ' '
	for i, r := range probe {
		switch r {
		case '。', '：', ':', '；', '\u3000':
			return i
		case ' ':
			if spaces {
				return i
			}
		}
	}
	return -1
}

func TestHeadingTextEndAsRuneByRune(t *testing.T) {
	check := func(probe string) {
		if got, want := headingTextEnd(probe), refHeadingTextEnd(probe); got != want {
			t.Fatalf("headingTextEnd(%q) = %d, rune by rune %d", probe, got, want)
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
		if len(ln) > 200 {
			check(ln[:200]) // cut as subHeading cuts, mid-character
		}
	}
	rng := rand.New(rand.NewSource(11))
	for range 200000 {
		check(randomText(rng, prosePieces, rng.Intn(10)))
	}
}

// refSubHeadingNumber is subHeading's numbering as it was: the three
// matchers in turn.
func refSubHeadingNumber(s string) ([]int, string, int) {
	if m := parenHeadingIndex(s); m != nil {
		return m, "paren", 2
	} else if m = cnHeadingIndex(s); m != nil {
		return m, "cn", 1
	} else if m = arabicHeadingIndex(s); m != nil {
		return m, "arabic", 3
	}
	return nil, "", 0
}

func TestSubHeadingNumberAsTheThreeMatchers(t *testing.T) {
	matched := 0
	check := func(s string) {
		hm, style, level, ok := subHeadingNumber(s)
		m := hm.index(ok)
		wm, wstyle, wlevel := refSubHeadingNumber(s)
		if !slices.Equal(m, wm) || style != wstyle || level != wlevel {
			t.Fatalf("subHeadingNumber(%q) = %v %q %d, the matchers in turn %v %q %d", s, m, style, level, wm, wstyle, wlevel)
		}
		if m != nil {
			matched++
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
	}
	rng := rand.New(rand.NewSource(12))
	for range 200000 {
		check(randomText(rng, prosePieces, rng.Intn(8)))
	}
	if matched < 1000 {
		t.Fatalf("only %d numberings matched", matched)
	}
}

// randomRanges are sorted, disjoint spans in [0, 200), some of them empty.
func randomRanges(rng *rand.Rand) []Span {
	var out []Span
	at := rng.Intn(10)
	for at < 200 && rng.Intn(12) > 0 {
		n := rng.Intn(15)
		if rng.Intn(8) == 0 {
			n = 0
		}
		out = append(out, Span{at, at + n})
		at += n + rng.Intn(20)
	}
	return out
}

// The cursors answer what a search from scratch answers, on offsets asked
// in increasing order (as the walk asks) and now and then going back.
func TestCursorsAsSearch(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	for range 20000 {
		ranges := randomRanges(rng)
		var secs []*Section
		for _, r := range ranges {
			secs = append(secs, &Section{Span: r})
		}
		var rc rangeCursor
		var sc sectionCursor
		a := 0
		for range 40 {
			switch rng.Intn(10) {
			case 0:
				a = rng.Intn(220) // back or far ahead
			default:
				a += rng.Intn(12)
			}
			b := a + rng.Intn(20)
			gr, gok := rc.firstOverlap(ranges, a, b)
			wr, wok := firstOverlap(ranges, a, b)
			if gr != wr || gok != wok {
				t.Fatalf("ranges %v, [%d, %d): cursor %v %v, search %v %v", ranges, a, b, gr, gok, wr, wok)
			}
			got := sc.sectionAt(secs, a)
			p := &parser{r: &Report{Sections: secs}}
			if want := p.sectionAt(a); got != want {
				t.Fatalf("sections %v, offset %d: cursor %v, search %v", ranges, a, got, want)
			}
		}
	}
}

// dashAfterSpaces holds on every line rePageNumber matches: the test before
// the expression takes no page number away.
func TestDashAfterSpacesBeforePageNumber(t *testing.T) {
	matched := 0
	check := func(s string) {
		if rePageNumber.MatchString(s) {
			matched++
			if !dashAfterSpaces(s) {
				t.Fatalf("rePageNumber matches %q, dashAfterSpaces says no", s)
			}
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
	}
	pieces := []string{" ", "\t", "\u3000", "\f", "\r", "-", "—", "–", "－", "1", "23", "１", "页", "a", "\xe2\x80", "\xe3\x80", "𠮷"}
	rng := rand.New(rand.NewSource(14))
	for range 200000 {
		check(randomText(rng, pieces, rng.Intn(9)))
	}
	if matched < 300 {
		t.Fatalf("only %d page numbers matched", matched)
	}
}

// refSectionFor, refSectionFirstRune and refKeyPrefixEnd are the code as it
// was: []rune and string conversions.
func refSectionFor(text string, wholeLine bool) (*SectionDef, bool, int) {
	key := LabelKey(text)
	keys := sectionKeys()
	for i, d := range Sections {
		if strings.HasPrefix(key, keys[i].name) {
			return d, true, len(keys[i].name)
		}
	}
	for i, d := range Sections {
		for _, v := range keys[i].variants {
			if strings.HasPrefix(key, v) {
				return d, false, len(v)
			}
		}
	}
	if wholeLine {
		k := []rune(key)
		for i, d := range Sections {
			name := keys[i].nameRunes
			max := len(name) / 6
			if max < 1 {
				max = 1
			}
			if editDistance(k, name, max) <= max {
				return d, false, len(string(k))
			}
		}
	}
	return nil, false, 0
}

func refSectionFirstRune(s string) bool {
	for _, r := range s {
		if ignorable(r) {
			continue
		}
		for _, k := range sectionKeys() {
			if strings.HasPrefix(k.name, string(foldRune(r))) {
				return true
			}
			for _, v := range k.variants {
				if strings.HasPrefix(v, string(foldRune(r))) {
					return true
				}
			}
		}
		return false
	}
	return false
}

func refKeyPrefixEnd(s string, n int) int {
	seen := 0
	for i, r := range s {
		if seen >= n {
			return i
		}
		if !ignorable(r) {
			seen += len(string(foldRune(r)))
		}
	}
	return len(s)
}

func TestSectionMatchingAsBefore(t *testing.T) {
	found, first := 0, 0
	check := func(s string) {
		for _, whole := range []bool{false, true} {
			d, c, n := sectionFor(s, whole)
			wd, wc, wn := refSectionFor(s, whole)
			if d != wd || c != wc || n != wn {
				t.Fatalf("sectionFor(%q, %v) = %v %v %d, before %v %v %d", s, whole, d, c, n, wd, wc, wn)
			}
			if d != nil {
				found++
			}
		}
		if got, want := sectionFirstRune(s), refSectionFirstRune(s); got != want {
			t.Fatalf("sectionFirstRune(%q) = %v, before %v", s, got, want)
		} else if got {
			first++
		}
		for n := 0; n < min(len(s), 60)+2; n += 1 + n/8 {
			if got, want := keyPrefixEnd(s, n), refKeyPrefixEnd(s, n); got != want {
				t.Fatalf("keyPrefixEnd(%q, %d) = %d, before %d", s, n, got, want)
			}
		}
	}
	for _, ln := range realLines(t) {
		if m := cnHeadingIndex(ln); m != nil {
			check(ln[m[1]:])
		}
		if len(ln) < 120 {
			check(ln)
		}
	}
	// near misses that hold a broken byte or a character outside the BMP;
	// the names and variants cut at every byte (keys shorter than four)
	for _, d := range Sections {
		for _, v := range append([]string{d.Name}, d.Variants...) {
			for n := 0; n <= len(v); n++ {
				check(v[:n])
				check(v[:n] + "x")
			}
		}
		for _, bad := range []string{"\xff", "\xe3", "𠮷", "\x80", "\xed\xa0\x80", "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\x9f\xbf"} {
			check(d.Name + bad)
			check(bad + d.Name)
			check(d.Name[:3] + bad + d.Name[6:])
		}
	}
	rng := rand.New(rand.NewSource(15))
	for range 50000 {
		check(randomText(rng, prosePieces, rng.Intn(8)))
	}
	if found < 500 || first < 500 {
		t.Fatalf("only %d parts found, %d first runes", found, first)
	}
}

// A line whose first rune is neither # nor a Chinese numeral holds no part's
// heading at its start: findSectionHeadings skips sectionHeadingAt there.
func TestSectionHeadingOnlyAfterNumeralOrMarker(t *testing.T) {
	p := &parser{src: NewSource("x.txt", ""), v: IdentityView(""), r: &Report{}, surplusWindow: -1}
	skipped := 0
	check := func(s string) {
		if r, _ := utf8.DecodeRuneInString(s); r == '#' || isCNNumeralRune(r) {
			return
		}
		skipped++
		if h := p.sectionHeadingAt(s, 0, true); h != nil {
			t.Fatalf("sectionHeadingAt(%q) = %q, on a line findSectionHeadings skips", s, h.Full)
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
		a, b := trimSpan(ln, 0, len(ln))
		check(ln[a:b])
	}
	rng := rand.New(rand.NewSource(16))
	for range 50000 {
		check(randomText(rng, prosePieces, rng.Intn(8)))
	}
	if skipped < 10000 {
		t.Fatalf("only %d lines checked", skipped)
	}
}

// refNumberedHeadingIndex is the matchers' scan as it was: rune by rune,
// with the numerals and separators as functions and sets of runes.
func refNumberedHeadingIndex(s, open string, numeral func(rune) bool, maxRun int, sep string) []int {
	isSpace := func(r rune) bool {
		switch r {
		case '\t', '\n', '\f', '\r', ' ', '\u00a0', '\u3000':
			return true
		}
		return false
	}
	skip := func(i int) int {
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isSpace(r) {
				break
			}
			i += n
		}
		return i
	}
	oneOf := func(i int, set string) int {
		if i >= len(s) {
			return -1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !strings.ContainsRune(set, r) {
			return -1
		}
		return i + n
	}
	g1, ok := markdownMarker(s)
	if !ok {
		return nil
	}
	i := 0
	if g1 >= 0 {
		i = g1
	}
	if open != "" {
		if i = oneOf(i, open); i < 0 {
			return nil
		}
		i = skip(i)
	}
	numStart := i
	count := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !numeral(r) {
			break
		}
		i += n
		count++
	}
	numEnd := i
	if count == 0 || count > maxRun {
		return nil
	}
	i = skip(numEnd)
	if i = oneOf(i, sep); i < 0 {
		return nil
	}
	i = skip(i)
	m := []int{0, i, -1, -1, numStart, numEnd}
	if g1 >= 0 {
		m[2], m[3] = 0, g1
	}
	return m
}

// The byte-comparing matchers answer as the rune-by-rune scan, and as the
// regexps, on real lines and on random text with broken UTF-8.
func TestHeadingNumberAsRuneByRune(t *testing.T) {
	refs := []struct {
		k    numbering
		scan func(string) []int
	}{
		{cnNumbering, func(s string) []int { return refNumberedHeadingIndex(s, "", isCNNumeralRune, 3, "、．.，,") }},
		{parenNumbering, func(s string) []int { return refNumberedHeadingIndex(s, "（(", isCNNumeralRune, 3, "）)") }},
		{arabicNumbering, func(s string) []int { return refNumberedHeadingIndex(s, "", isDigit, 2, ".．、") }},
	}
	matched := 0
	check := func(s string) {
		for _, ref := range refs {
			m, ok := headingNumber(s, ref.k)
			if got, want := m.index(ok), ref.scan(s); !slices.Equal(got, want) {
				t.Fatalf("headingNumber(%q, %d) = %v, rune by rune %v", s, ref.k, got, want)
			}
			if ok {
				matched++
			}
		}
		matched += checkHeadingMatchers(t, "random", s)
	}
	for _, ln := range realLines(t) {
		check(ln)
	}
	pieces := append([]string{"\u00a0", "\xc2", "\xc2\xa0", "\xe4\xb8", "\xe4\xb8\x80", "\xef\xbc\x88", "\xef\xbc", "\xe3\x80\x81", "九", "０", "９", "\xef\xbc\x9a"}, prosePieces...)
	rng := rand.New(rand.NewSource(17))
	for range 300000 {
		check(randomText(rng, pieces, rng.Intn(8)))
	}
	if matched < 20000 {
		t.Fatalf("only %d numberings matched", matched)
	}
}

// scanSets, which compares a phrase's first eight bytes as one word, finds
// what each set's own scan finds, on texts of phrases cut at any byte, next
// to each other, at the text's end, and in broken UTF-8.
func TestScanSetsAsEachSetsScan(t *testing.T) {
	pieces := append([]string{}, prosePieces...)
	for _, s := range parserPhrases {
		for _, p := range s.phrases {
			pieces = append(pieces, p, p[:len(p)-1], p[:len(p)/2], p[1:])
		}
	}
	rng := rand.New(rand.NewSource(18))
	hits := 0
	for range 30000 {
		text := randomText(rng, pieces, rng.Intn(12))
		got := scanSets(text, parserPhrases)
		for k, s := range parserPhrases {
			var want []phraseHit
			s.scan(text, func(off int, p string) bool {
				want = append(want, phraseHit{off, p})
				return true
			})
			if !slices.Equal(got[k], want) {
				t.Fatalf("set %d, %q: scanSets %v, the set's scan %v", k, text, got[k], want)
			}
			hits += len(want)
		}
	}
	if hits < 10000 {
		t.Fatalf("only %d phrases found", hits)
	}
	// sets other than the parser's, where a phrase starts another of its
	// set: the first listed wins
	sets := []*phraseSet{newPhraseSet([]string{"公开日期", "公开", "-", "--"}), newPhraseSet([]string{"公", "公开日期"})}
	for range 3000 {
		text := randomText(rng, []string{"公", "开", "日期", "公开日期", "-", "a", "\xe5"}, rng.Intn(12))
		got := scanSets(text, sets)
		for k, s := range sets {
			var want []phraseHit
			s.scan(text, func(off int, p string) bool {
				want = append(want, phraseHit{off, p})
				return true
			})
			if !slices.Equal(got[k], want) {
				t.Fatalf("set %d, %q: scanSets %v, the set's scan %v", k, text, got[k], want)
			}
		}
	}
}

// splitLines gives the same lines read from the source's line index as
// found in the text, on texts with CRLF, lone CR, a last line with or
// without a break, empty lines and broken UTF-8.
func TestSplitLinesFromSourceLines(t *testing.T) {
	pieces := []string{"\n", "\r\n", "\r", "\n\n", "政府", "a", " ", "\xe3", "𠮷", "\t|", "\r\r\n"}
	rng := rand.New(rand.NewSource(20))
	for range 30000 {
		text := randomText(rng, pieces, rng.Intn(10))
		src := NewSource("x.txt", text)
		fromText := newParser(src, IdentityView(text), "text")
		fromText.splitLines()
		fromSource := newParser(src, IdentityView(text), "text")
		fromSource.srcLines = true
		fromSource.splitLines()
		if !slices.Equal(fromText.lines, fromSource.lines) {
			t.Fatalf("%q: from the text %v, from the source's index %v", text, fromText.lines, fromSource.lines)
		}
	}
}

// refStartsLikeHeading is startsLikeHeading as it was: on the first rune.
func refStartsLikeHeading(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '#' || r == '（' || r == '(' || isCNNumeralRune(r) || r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

func TestStartsLikeHeadingAsOnTheFirstRune(t *testing.T) {
	check := func(s string) {
		if got, want := startsLikeHeading(s), refStartsLikeHeading(s); got != want {
			t.Fatalf("startsLikeHeading(%q) = %v, on the first rune %v", s, got, want)
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
	}
	// every character of the BMP (and a few beyond), alone and cut
	for r := rune(0); r < 0x10000; r++ {
		b := string(r)
		check(b)
		check(b + "、")
		check(b[:len(b)-1])
	}
	rng := rand.New(rand.NewSource(21))
	for range 50000 {
		check(randomText(rng, prosePieces, rng.Intn(4)))
	}
}

// Every line TrimSpace reads as 正文 passes maybeExportMark, with any of
// the spaces unicode.IsSpace knows around it.
func TestMaybeExportMarkBeforeTrimSpace(t *testing.T) {
	pieces := []string{"正文", "正", "文", "a", "\xe6", "\xe6\xad\xa3", "表"}
	for r := rune(0); r <= 0x3000; r++ {
		if unicode.IsSpace(r) {
			pieces = append(pieces, string(r))
		}
	}
	matched := 0
	check := func(s string) {
		if strings.TrimSpace(s) == "正文" {
			matched++
			if !maybeExportMark(s) {
				t.Fatalf("TrimSpace(%q) is 正文, maybeExportMark says no", s)
			}
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
	}
	rng := rand.New(rand.NewSource(22))
	for range 200000 {
		check(randomText(rng, pieces, rng.Intn(5)))
	}
	if matched < 1000 {
		t.Fatalf("only %d export marks", matched)
	}
}

// numeralValue is cnValue on every numbering the matchers can take.
func TestNumeralValueAsCNValue(t *testing.T) {
	digits := []string{"0", "1", "9", "０", "５", "一", "十", "九"}
	var check func(prefix string, depth int)
	check = func(prefix string, depth int) {
		if got, want := numeralValue(prefix), cnValue(prefix); got != want {
			t.Fatalf("numeralValue(%q) = %d, cnValue %d", prefix, got, want)
		}
		if depth < 3 {
			for _, d := range digits {
				check(prefix+d, depth+1)
			}
		}
	}
	check("", 0)
}

// moreRunes answers as counting the runes, on real lines, on random text
// with broken UTF-8 and characters of every length, for limits around
// their length.
func TestMoreRunesAsRuneCount(t *testing.T) {
	check := func(s string) {
		for _, n := range []int{25, 40, len(s) / 3} {
			if got, want := moreRunes(s, n), utf8.RuneCountInString(s) > n; got != want {
				t.Fatalf("moreRunes(%q, %d) = %v, %d runes", s, n, got, utf8.RuneCountInString(s))
			}
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
	}
	pieces := append([]string{"\xe0\xa0\x80", "\xe0\x9f\xbf", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xe4\xb8", "\xc2\xa0", "\xf0\x9f\x98\x80"}, prosePieces...)
	rng := rand.New(rand.NewSource(25))
	for range 100000 {
		check(randomText(rng, pieces, rng.Intn(30)))
	}
}

// pageNumberLead holds the first byte of every line dashAfterSpaces accepts.
func TestPageNumberLeadBeforeDashAfterSpaces(t *testing.T) {
	for c := range 256 {
		for _, rest := range []string{"", "-", "\x80\x93", "\x80\x94", "\x80\x80-", " -", "1"} {
			if s := string([]byte{byte(c)}) + rest; dashAfterSpaces(s) && !pageNumberLead[c] {
				t.Fatalf("dashAfterSpaces(%q), pageNumberLead[%#x] false", s, c)
			}
		}
	}
}

// Where mayTrim says no, trimSpan leaves the span as it is.
func TestMayTrimBeforeTrimSpan(t *testing.T) {
	pieces := append([]string{"\ufeff", "\u200b", "\u00a0", "\u3000", "「", "€"}, prosePieces...)
	rng := rand.New(rand.NewSource(26))
	skipped := 0
	for range 100000 {
		text := randomText(rng, pieces, rng.Intn(6))
		p := &parser{text: text}
		a := rng.Intn(len(text) + 1)
		b := a + rng.Intn(len(text)-a+1)
		if !p.mayTrim(a, b) {
			skipped++
			if ga, gb := trimSpan(text, a, b); ga != a || gb != b {
				t.Fatalf("%q [%d, %d): mayTrim says no, trimSpan gives [%d, %d)", text, a, b, ga, gb)
			}
		}
	}
	if skipped < 10000 {
		t.Fatalf("mayTrim said no only %d times", skipped)
	}
}

// findSectionHeadings's byte test of a line's start is the rune test it
// replaced: # or a Chinese numeral.
func TestSectionLineStartAsFirstRune(t *testing.T) {
	check := func(s string) {
		r, _ := utf8.DecodeRuneInString(s)
		want := r == '#' || isCNNumeralRune(r)
		if got := s[0] == '#' || numeralAt(s, 0, cnNumbering) > 0; got != want {
			t.Fatalf("%q: bytes say %v, the first rune %v", s, got, want)
		}
	}
	for r := rune(1); r < 0x10000; r++ {
		b := string(r)
		check(b)
		check(b + "、")
		if len(b) > 1 {
			check(b[:len(b)-1])
		}
	}
	for _, ln := range realLines(t) {
		if ln != "" {
			check(ln)
		}
	}
}
