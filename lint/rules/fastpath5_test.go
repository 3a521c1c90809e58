package rules

import (
	"fmt"
	"math/rand"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/lint"
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

// The narrative extractors before the block's words were searched for once
// for the block (wordAfter, proseBlock.applyAt), instead of once per
// sentence and per clause, and before GD-C003 read a clause's number
// before its verbs.

func oldBlockRequestCandidates(b *proseBlock) []requestCandidate {
	if !hasWord(b.Text, "申请") {
		return nil // no sentence is about applications (a test per block, not per sentence)
	}
	var out []requestCandidate
	prevHas := false // hasWord(s.prev, "申请"): the last sentence's answer
	eachBlockSentence(b, func(s sentenceCtx) {
		has := hasWord(s.text, "申请")
		about := has || prevHas
		prevHas = has
		if !about || !hasWord(s.text, "件") && !hasWord(s.text, "条") {
			return // every pattern below counts 件 (reReceived also 条)
		}
		add := func(kind string, numStart, numEnd, year int) {
			n, ok := atoiDigits(s.text[numStart:numEnd])
			if !ok {
				return // not taken
			}
			unit := "件"
			if rest := strings.TrimLeft(s.text[numEnd:], " \t"); strings.HasPrefix(rest, "条") {
				unit = "条"
			}
			if out == nil {
				out = make([]requestCandidate, 0, 2) // a block's two: one allocation, not two
			}
			out = append(out, requestCandidate{kind: kind, start: s.start + numStart, end: s.start + numEnd, value: n, unit: unit, year: year})
		}
		carriedClaims(s, add)
		receivedClaims(s, has, func(kind string, numStart, numEnd int) { add(kind, numStart, numEnd, 0) })
	})
	return out
}
func oldBlockNoRequests(b *proseBlock) [][2]int {
	if !hasWord(b.Text, "申请") {
		return nil // the test below fails for every sentence
	}
	var out [][2]int
	eachBlockSentence(b, func(s sentenceCtx) {
		if !hasWord(s.text, "申请") || !hasWord(s.text, "未") && !hasWord(s.text, "没有") {
			return // literals of reNoRequests
		}
		for _, m := range reNoRequests.FindAll(s.text) {
			if otherMatters.in(s.text[m[2]:m[3]]) || strings.HasPrefix(s.text[m[1]:], "人") {
				continue // 未收到申请人补正材料: the applicant's papers, not applications
			}
			out = append(out, [2]int{s.start + m[0], s.start + m[1]})
		}
	})
	return out
}

// namesReviewOrSuit reports whether text holds 行政复议 or 行政诉讼 (the
// reference's test; blockReviewClaims searches with two wordAfters).
func namesReviewOrSuit(text string) bool {
	return indexWordBy(text, "行政复议", 7) >= 0 || indexWordBy(text, "行政诉讼", 8) >= 0
}

func oldBlockReviewClaims(b *proseBlock) []reviewClaim {
	if !namesReviewOrSuit(b.Text) {
		return nil // the test below fails for every sentence
	}
	var out []reviewClaim
	eachBlockSentence(b, func(s sentenceCtx) {
		if !namesReviewOrSuit(s.text) {
			return // every pattern below names 行政复议 or 行政诉讼 (行政许可 and 行政处罚 are common)
		}
		about := aboutDisclose.in(s.text)
		add := func(i, j int, what string, n int, zero bool) {
			if out == nil {
				out = make([]reviewClaim, 0, 2) // a block's two: one allocation, not two
			}
			out = append(out, reviewClaim{start: s.start + i, end: s.start + j, what: what, n: n, zero: zero, section: about})
		}
		var takenBuf [8]int
		taken := takenBuf[:0] // the number offsets read: a few, a list
		for _, m := range reReviewCount.FindAll(s.text) {
			if reviewOutcome.in(s.text[m[0]:m[1]]) {
				continue
			}
			n, ok := atoiDigits(s.text[m[4]:m[5]])
			if !ok {
				continue
			}
			taken = append(taken, m[4])
			add(m[4], m[5], s.text[m[2]:m[3]], n, false)
		}
		for _, m := range reReviewCountPre.FindAll(s.text) {
			if slices.Contains(taken, m[2]) || reviewOutcome.in(s.text[m[4]:m[5]]) || strings.Contains(s.text[m[4]:m[5]], "申请") {
				continue
			}
			n, ok := atoiDigits(s.text[m[2]:m[3]])
			if !ok {
				continue
			}
			add(m[2], m[3], s.text[m[6]:m[7]], n, false)
		}
		for _, m := range reNoReview.FindAll(s.text) {
			clause := s.text[m[0]:m[1]]
			if reviewOutcome.in(clause) {
				continue
			}
			for _, what := range []string{"复议", "诉讼"} {
				if i := strings.Index(clause, "行政"+what); i >= 0 {
					add(m[0]+i, m[0]+i+len("行政"+what), what, 0, true)
				}
			}
		}
	})
	return out
}

func oldBlockDocClaims(b *proseBlock) []docClaim {
	// 规范性文件 and 规章 are searched by 规's second byte (A7) and 章's
	// (AB), not by 规's last (84), which ends 的 too
	if indexWordBy(b.Text, "规范性文件", 1) < 0 && indexWordBy(b.Text, "规章", 4) < 0 {
		return nil // the test below fails for every sentence
	}
	var out []docClaim
	eachBlockSentence(b, func(s sentenceCtx) {
		if indexWordBy(s.text, "规范性文件", 1) < 0 && indexWordBy(s.text, "规章", 4) < 0 {
			return // no clause can name a subject
		}
		subject := ""
		pos := 0
		for pos <= len(s.text) {
			cut, next := clauseEnd(s.text, pos)
			clause := s.text[pos:cut]
			base := pos
			pos = next
			switch {
			case hasWord(clause, "规范性文件"):
				subject = grammar.RowNormative
				if otherBodiesDocs(clause) {
					subject = ""
				}
			case indexWordBy(clause, "规章", 4) >= 0 && !hasWord(clause, "规章制度"):
				subject = grammar.RowRules
			case hasWord(clause, "文件") || hasWord(clause, "信息") || hasWord(clause, "政策"):
				subject = ""
			}
			if subject == "" {
				continue
			}
			col := ""
			switch {
			case hasWord(clause, "现行有效"):
				col = grammar.ColInForce
			case repealVerbs.in(clause):
				col = grammar.ColRepealed
			case issueVerbs.in(clause):
				col = grammar.ColIssued
			default:
				continue
			}
			m := reDocNumber.Find(clause)
			if m == nil {
				continue
			}
			n, ok := atoiDigits(clause[m[2]:m[3]])
			if !ok {
				continue
			}
			out = append(out, docClaim{start: s.start + base + m[2], end: s.start + base + m[3],
				subject: subject, col: col, n: n, unit: clause[m[4]:m[5]]})
		}
	})
	return out
}

func oldBlockPercentClaims(b *proseBlock) []percentClaim {
	if !hasWord(b.Text, "申请") || !hasWord(b.Text, "件") || strings.IndexByte(b.Text, '%') < 0 && !hasWord(b.Text, "％") {
		return nil // literals of rePercent
	}
	var out []percentClaim
	for _, m := range rePercent.FindAll(b.Text) {
		n, ok := atoiDigits(b.Text[m[2]:m[3]])
		if !ok {
			continue
		}
		ptext := b.Text[m[4]:m[5]]
		p, err := strconv.ParseFloat(ptext, 64)
		if err != nil {
			continue
		}
		decimals := 0
		if i := strings.IndexByte(ptext, '.'); i >= 0 {
			decimals = len(ptext) - i - 1
		}
		out = append(out, percentClaim{n: n, start: m[4], end: m[5], p: p, decimals: decimals})
	}
	return out
}

// narrativePieces are what random blocks for the narrative extractors are
// made of: their words, numbers and marks, broken UTF-8 and CRLF.
var narrativePieces = []string{
	"申请", "收到", "受理", "办理", "办结", "新收", "件", "条", "未", "没有", "结转", "上年", "转入", "下一年度", "12", "3", "０", "２０", "2025年",
	"行政复议", "行政诉讼", "行政", "复议", "诉讼", "纠正", "起", "信息公开", "依申请",
	"规范性文件", "规章", "规章制度", "规范性", "文件", "信息", "政策", "现行有效", "废止", "失效", "制发", "印发", "出台", "发布", "制定", "部", "份", "个", "部门", "各单位", "的", "行政规范性文件",
	"%", "％", "占", "办结率", "100", ".5",
	"，", ",", "、", "；", ";", "：", ":", "。", "！", "？", "!", "?", " ", "\u3000", "\r\n", "\n",
	"𠀀", "\xff", "\xe8\xa7", "\x84", "\xef\xbc", "我局", "全年",
}

// extractorTexts are the blocks of the seeds and the corpus, random
// blocks made of narrativePieces, and the narrative examples mutated
// (narrativeTexts).
func extractorTexts(t *testing.T) []string {
	var texts []string
	for _, rep := range sharedReports(t) {
		for _, b := range proseBlocks(rep) {
			texts = append(texts, b.Text)
		}
	}
	rng := rand.New(rand.NewSource(52))
	for range 30000 {
		texts = append(texts, randomText(rng, narrativePieces, rng.Intn(60)))
	}
	return append(texts, narrativeTexts(rng, 30000)...)
}

func TestNarrativeExtractorsAsBefore(t *testing.T) {
	found := make([]int, 6)
	for _, text := range extractorTexts(t) {
		check := func(k int, name string, got, want any, n int) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s(%q) = %v, want %v", name, text, got, want)
			}
			found[k] += n
		}
		// a block of its own for each call: the first calls of a block
		// find its sentences and its 申请 anew
		nb := func() *proseBlock { return &proseBlock{Text: text} }
		req, oldReq := blockRequestCandidates(nb()), oldBlockRequestCandidates(nb())
		check(0, "blockRequestCandidates", req, oldReq, len(oldReq))
		no, oldNo := blockNoRequests(nb()), oldBlockNoRequests(nb())
		check(1, "blockNoRequests", no, oldNo, len(oldNo))
		rev, oldRev := blockReviewClaims(nb()), oldBlockReviewClaims(nb())
		check(2, "blockReviewClaims", rev, oldRev, len(oldRev))
		docs, oldDocs := blockDocClaims(nb()), oldBlockDocClaims(nb())
		check(3, "blockDocClaims", docs, oldDocs, len(oldDocs))
		pc, oldPc := blockPercentClaims(nb()), oldBlockPercentClaims(nb())
		check(4, "blockPercentClaims", pc, oldPc, len(oldPc))
		// one block asked by all of them, in the order the rules run
		b := nb()
		if !reflect.DeepEqual(blockRequestCandidates(b), oldReq) || !reflect.DeepEqual(blockNoRequests(b), oldNo) ||
			!reflect.DeepEqual(blockPercentClaims(b), oldPc) {
			t.Fatalf("the extractors of one block (%q) answer otherwise", text)
		}
	}
	for k, n := range found[:5] {
		if n < 50 {
			t.Fatalf("extractor %d found %d claims: the test proves little (%v)", k, n, found)
		}
	}
}

// wordAfter answers as hasWord on the ranges asked, in order.
func TestWordAfterIsHasWord(t *testing.T) {
	rng := rand.New(rand.NewSource(53))
	hits := 0
	for range 30000 {
		text := randomText(rng, narrativePieces, rng.Intn(40))
		words := [...]string{"申请", "件", "条", "未", "行政复议", "行政诉讼", "规范性文件", "规章", "行政事业性收费", "𠀀", "\u3000"}
		word := words[rng.Intn(len(words))]
		k := 1 + rng.Intn(len(word)-1)
		w := wordAfter{text: text, word: word, k: k, at: -1}
		for start := 0; start <= len(text); {
			end := min(len(text), start+rng.Intn(30))
			got, want := w.within(start, end), hasWord(text[start:end], word)
			if got != want {
				t.Fatalf("wordAfter(%q, %q).within(%d, %d) = %v, want %v", text, word, start, end, got, want)
			}
			if want {
				hits++
			}
			start += rng.Intn(end - start + 2)
		}
	}
	if hits < 1000 {
		t.Fatalf("only %d ranges hold the word", hits)
	}
}

// oldMarkScan is markScan before it read eight bytes at a time: one
// vectorised search per mark.
type oldMarkScan struct {
	text string
	next [len(halfwidthMarks)]int // per mark: its first offset at or after the last from, else len(text)
}

func newOldMarkScan(text string) oldMarkScan {
	s := oldMarkScan{text: text}
	for k := range s.next {
		s.next[k] = -1
	}
	return s
}

func (s *oldMarkScan) from(i int) int {
	first := len(s.text)
	if i >= first {
		return first
	}
	for k, m := range halfwidthMarks {
		if s.next[k] < i {
			s.next[k] = len(s.text)
			if j := strings.IndexByte(s.text[i:], m); j >= 0 {
				s.next[k] = i + j
			}
		}
		first = min(first, s.next[k])
	}
	return first
}

// markScan visits the marks oldMarkScan visits, skipping on as
// checkHalfwidth does past a bracketed text, on the paragraphs of the
// seeds and the corpus and on random texts, short and long, with the
// marks among Chinese text, broken UTF-8, 𠀀 and CRLF.
func TestMarkScanIsOldMarkScan(t *testing.T) {
	rng := rand.New(rand.NewSource(54))
	var texts []string
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	pieces := append(append([]string(nil), fastPathPieces...), "审核审核工作", "年度报告", "\r\n", "（", "）")
	for n := range 40000 {
		size := rng.Intn(24)
		if n%4 == 0 {
			size = rng.Intn(200)
		}
		texts = append(texts, randomText(rng, pieces, size))
	}
	visit := func(text string, from func(int) int) []int {
		var out []int
		for i := from(0); i < len(text); i = from(i + 1) {
			out = append(out, i)
			if i%3 == 0 {
				i = min(len(text), i+i%7) // past a “(…)”
			}
		}
		return out
	}
	visited := 0
	for _, text := range texts {
		s, old := newMarkScan(text), newOldMarkScan(text)
		got, want := visit(text, s.from), visit(text, old.from)
		if !slices.Equal(got, want) {
			t.Fatalf("markScan on %q visits %v, want %v", text, got, want)
		}
		visited += len(got)
	}
	if visited < 20000 {
		t.Fatalf("only %d marks visited", visited)
	}
}

// oldLabelKeyIs is labelKeyIs before it compared two characters at once.
func oldLabelKeyIs(text, key string) bool {
	j := 0 // key[:j] matched
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiLabelDrop[c] {
				if j >= len(key) || key[j] != c {
					return false
				}
				j++
			}
			i++
			continue
		}
		if c-0xE4 <= 0xE9-0xE4 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			// three byte comparisons, not a call to compare three bytes
			if len(key)-j < 3 || key[j] != c || key[j+1] != text[i+1] || key[j+2] != text[i+2] {
				return false
			}
			i += 3
			j += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		var piece string
		switch k := runeKey(r); {
		case r == utf8.RuneError && n == 1:
			piece = "\uFFFD"
		case k == runeKept:
			piece = text[i : i+n]
		case k == runeDropped:
		case k == runeUnknown:
			piece = grammar.LabelKey(text[i : i+n])
		default:
			piece = string(k)
		}
		if !strings.HasPrefix(key[j:], piece) {
			return false
		}
		j += len(piece)
		i += n
	}
	return j == len(key)
}

// labelKeyIs answers as before, and as the label key's comparison, on the
// labels of the seeds and the corpus and on texts of Chinese characters
// with the key changed at any byte, with ASCII, punctuation, 𠀀, broken
// UTF-8 and CRLF among them.
func TestLabelKeyIsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(55))
	type pair struct{ text, key string }
	var pairs []pair
	for _, rep := range sharedReports(t) {
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			for _, l := range tb.Labels {
				pairs = append(pairs, pair{l.Text, templateKey(l.Canonical)}, pair{l.Text, grammar.LabelKey(l.Text)})
			}
		}
	}
	pieces := []string{"审核", "政府信息", "公开", "申请", "行政复议", "（", "）", "(", ")", " ", "\u3000", "1", "一", "、", "：",
		"𠀀", "\xff", "\xe4\xb8", "\r\n", "Ａ", "ａ", "|", "｜", "\ufffd", "鿿", "䀀", "\xe9\xbf", "\xea\x80\x80"}
	for range 40000 {
		text := randomText(rng, pieces, rng.Intn(16))
		key := grammar.LabelKey(text)
		pairs = append(pairs, pair{text, key})
		if len(key) > 0 {
			b := []byte(key)
			b[rng.Intn(len(b))] ^= byte(1 << rng.Intn(8))
			pairs = append(pairs, pair{text, string(b)}, pair{text, key[:rng.Intn(len(key))]})
		}
		pairs = append(pairs, pair{text, key + "审"})
	}
	same := 0
	for _, p := range pairs {
		got, old, want := labelKeyIs(p.text, p.key), oldLabelKeyIs(p.text, p.key), grammar.LabelKey(p.text) == p.key
		if got != old || got != want {
			t.Fatalf("labelKeyIs(%q, %q) = %v, was %v, want %v", p.text, p.key, got, old, want)
		}
		if got {
			same++
		}
	}
	if same < len(pairs)/5 || same == len(pairs) {
		t.Fatalf("%d of %d keys equal: the test proves little", same, len(pairs))
	}
}

// oldOnlySpaceOutside is onlySpaceOutside before onlySpaces: each part of
// the line mapped whole, then trimmed.
func oldOnlySpaceOutside(src *grammar.Source, sp grammar.Span) bool {
	l := src.Line(sp.Start)
	if src.Line(sp.End) != l && !(sp.End == src.LineStart(l+1)) {
		if strings.TrimSpace(strings.Map(spaceToSpace, src.Text[sp.End:src.LineEnd(src.Line(sp.End))])) != "" {
			return false
		}
	} else if strings.TrimSpace(strings.Map(spaceToSpace, src.Text[sp.End:src.LineEnd(l)])) != "" {
		return false
	}
	return strings.TrimSpace(strings.Map(spaceToSpace, src.Text[src.LineStart(l):sp.Start])) == ""
}

// onlySpaces is the mapped text trimmed to nothing, on every rune alone
// and on random texts of spaces of every kind with other runes, 𠀀, broken
// UTF-8 and CRLF; onlySpaceOutside answers as before for the residue of
// the seeds and the corpus and for random spans of their lines.
func TestOnlySpacesAsBefore(t *testing.T) {
	check := func(s string) bool {
		t.Helper()
		want := strings.TrimSpace(strings.Map(spaceToSpace, s)) == ""
		if got := onlySpaces(s); got != want {
			t.Fatalf("onlySpaces(%q) = %v, want %v", s, got, want)
		}
		return want
	}
	for r := rune(0); r <= 0x110000; r++ {
		check(string(r))
		check(" " + string(r) + "\t")
	}
	rng := rand.New(rand.NewSource(56))
	spaces := []string{" ", "\t", "\n", "\r\n", "\v", "\f", "\u0085", "\u00a0", "\u3000", "\ufeff", "\u200b", "\u2028", "\u1680", "\u2003", "\u205f"}
	others := []string{"a", "年", "𠀀", "\xff", "\xe3\x80", "\u200c", "\ufffd", "，"}
	yes := 0
	for n := range 50000 {
		pieces := spaces
		if n%3 == 0 {
			pieces = append(append([]string(nil), spaces...), others...)
		}
		if check(randomText(rng, pieces, rng.Intn(12))) {
			yes++
		}
	}
	if yes < 10000 {
		t.Fatalf("only %d texts of spaces", yes)
	}
	spans := 0
	for _, rep := range sharedReports(t) {
		src := rep.Source
		var sps []grammar.Span
		for _, x := range rep.Residue {
			sps = append(sps, x.Span)
		}
		// spans within a line, or from one line into the next, as the
		// parser's residue
		for range 300 {
			a := rng.Intn(len(src.Text))
			l := src.Line(a)
			if rng.Intn(4) == 0 && l+1 < src.LineCount() {
				l++
			}
			end := src.LineEnd(l)
			if end <= a {
				continue
			}
			b := a + 1 + rng.Intn(end-a)
			if b == src.LineStart(src.Line(a)+1) {
				continue // a span ending where the next line starts: both versions slice past the line's end (the parser makes none)
			}
			sps = append(sps, grammar.Span{Start: a, End: b})
		}
		for _, sp := range sps {
			if got, want := onlySpaceOutside(src, sp), oldOnlySpaceOutside(src, sp); got != want {
				t.Fatalf("onlySpaceOutside(%v of %q) = %v, want %v", sp, src.Text[sp.Start:sp.End], got, want)
			}
			spans++
		}
	}
	if spans < 1000 {
		t.Fatalf("only %d spans", spans)
	}
}

// oldCheckUnchecked is GD-A005's check before its groups were a list
// searched by key instead of a map and a list of keys.
func oldCheckUnchecked(ctx *lint.Context) {
	for _, id := range []int{grammar.TableRequests, grammar.TableReview} {
		a := analysisOf(ctx, id)
		if a == nil {
			continue
		}
		type group struct {
			doubt string
			row   *grammar.RowDef
			cells []*grammar.Cell
			rels  []*relation
			// where cells and rels start: a group's few, in its own
			// allocation rather than in lists grown from one
			cellBuf [8]*grammar.Cell
			relBuf  [8]*relation
		}
		groups := map[string]*group{}
		var order []string
		var kb []byte
		blankCols := blankColumnsOf(ctx, a.table)
		var block group // the cells of columns left blank throughout, said once
		for i := range a.rels {
			r := &a.rels[i]
			if r.status != relBlocked {
				continue
			}
			for _, c := range r.blockers {
				if c.Kind == grammar.CellEmpty && slices.Contains(blankCols, c.Col.Key) {
					if !containsCell(block.cells, c) {
						block.cells = append(block.cells, c)
					}
					if !containsRel(block.rels, r) {
						block.rels = append(block.rels, r)
					}
					continue
				}
				// the key is built in a reused buffer: a lookup of
				// string(kb) does not allocate, only a new group's key
				kb = append(append(kb[:0], "row:"...), c.Row.Key...)
				doubt := ""
				if c.Kind == grammar.CellNumber && c.Doubt != "" {
					doubt = c.Doubt
					kb = append(append(kb[:0], "doubt:"...), c.Doubt...)
					if !a.table.Def.Positional {
						kb = append(append(kb, ':'), c.Row.Key...)
					}
				}
				g := groups[string(kb)]
				if g == nil {
					k := string(kb)
					g = &group{doubt: doubt, row: c.Row}
					g.cells, g.rels = g.cellBuf[:0], g.relBuf[:0]
					groups[k] = g
					order = append(order, k)
				}
				if !containsCell(g.cells, c) {
					g.cells = append(g.cells, c)
				}
				if !containsRel(g.rels, r) {
					g.rels = append(g.rels, r)
				}
			}
		}
		if len(block.cells) > 0 {
			emitBlankColumnsUnchecked(ctx, a.table, blankCols, block.cells, block.rels)
		}
		for _, k := range order {
			g := groups[k]
			sortCells(a.table, g.cells)
			relZH, relEN := relSummary(a.table.Def, g.rels)
			tn, te := tableName(id), tableNameEN(id)
			var zh, en string
			// concatenated: what Sprintf with %s gave, without its boxing
			switch {
			case g.doubt != "" && a.table.Def.Positional:
				zh = tn + "的数值位置不确定（" + g.doubt + "），未核对：" + relZH
				en = te + ": the placement of the values is uncertain, not checked: " + relEN
			case g.doubt != "":
				zh = tn + "“" + g.row.Label + "”行的数值位置不确定（" + g.doubt + "），未核对：" + relZH
				en = te + " row “" + g.row.Label + "”: the placement of the values is uncertain, not checked: " + relEN
			default:
				cz, ce := cellKindSummary(g.cells)
				zh = tn + "“" + g.row.Label + "”行" + cz + "，不是数字，未核对：" + relZH
				en = te + " row “" + g.row.Label + "”: " + ce + ", not a number; not checked: " + relEN
			}
			d := lint.Diagnostic{Span: g.cells[0].Span, Message: zh, MessageEN: en}
			if len(g.cells) > 1 {
				d.Related = make([]lint.Related, 0, len(g.cells)-1)
			}
			for _, c := range g.cells[1:] {
				d.Related = append(d.Related, lint.Related{Span: c.Span, Message: cellLabelKind(c)})
			}
			ctx.Emit(d)
		}
	}
}

// GD-A005 reports as before on the seeds and the corpus, and on them with
// digits of their tables turned into blanks, dashes and text.
func TestCheckUncheckedAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(57))
	old := *lint.RuleByID("GD-A005")
	old.Check = oldCheckUnchecked
	opts := &lint.Options{}
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
	}
	for _, text := range texts[:len(texts)] {
		for range 6 {
			b := []byte(text)
			for i := range b {
				if b[i] >= '0' && b[i] <= '9' && rng.Intn(12) == 0 {
					b[i] = " -X\t"[rng.Intn(4)]
				}
			}
			texts = append(texts, string(b))
		}
	}
	found := 0
	for _, text := range texts {
		rep, err := input.Parse("report.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		got := lint.Run(rep, []*lint.Rule{lint.RuleByID("GD-A005")}, opts)
		want := lint.Run(rep, []*lint.Rule{&old}, opts)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("GD-A005 found %v, want %v", got, want)
		}
		found += len(want)
	}
	if found < 50 {
		t.Fatalf("only %d findings: the test proves little", found)
	}
}

var oldTotalNames sync.Map // totalNameKey → [2]string

type totalNameKey struct {
	f      grammar.Format
	id     int
	row    string
	summed bool
}

// oldTotalName is totalName before its table of names: a sync.Map by
// format, table, row and summed.
func oldTotalName(r *grammar.Report, id int, row string, summed bool) (zh, en string) {
	k := totalNameKey{r.Format, id, row, summed}
	if v, ok := oldTotalNames.Load(k); ok {
		n := v.([2]string)
		return n[0], n[1]
	}
	zh, en = makeTotalName(r.Format, id, row, summed)
	oldTotalNames.Store(k, [2]string{zh, en})
	return zh, en
}

// totalName names every row of either format's tables, a row no table
// has and any format as before; the template's balances and columns are
// kept once (the same value each time) wherever they are kept.
func TestTemplateNamesAsBefore(t *testing.T) {
	rows := []string{"", "no such row"}
	for _, f := range []grammar.Format{grammar.Format2019, grammar.Format2021} {
		for _, def := range grammar.Tables(f) {
			for _, r := range def.Rows {
				rows = append(rows, r.Key)
			}
		}
	}
	for _, f := range []grammar.Format{grammar.Format2019, grammar.Format2021, grammar.FormatUnknown, "2018"} {
		rep := &grammar.Report{Format: f}
		for id := 1; id <= 3; id++ {
			for _, row := range rows {
				for _, summed := range []bool{false, true} {
					zh, en := totalName(rep, id, row, summed)
					wzh, wen := oldTotalName(rep, id, row, summed)
					if zh != wzh || en != wen {
						t.Fatalf("totalName(%q, %d, %q, %v) = %q, %q, want %q, %q", f, id, row, summed, zh, en, wzh, wen)
					}
				}
			}
		}
		for id := 0; id <= 5; id++ {
			if a, b := tableBalanceEntryOf(f, id), tableBalanceEntryOf(f, id); a != b {
				t.Fatalf("tableBalanceEntryOf(%q, %d) made twice", f, id)
			}
		}
	}
	for _, def := range templateDefs {
		if columnsOf(def) != columnsOf(def) {
			t.Fatalf("columnsOf(table %d) made twice", def.ID)
		}
		cp := *def // a table that is not the template's: kept by its pointer
		if got, want := columnsOf(&cp), columnsOf(def); got == want || !reflect.DeepEqual(got, want) {
			t.Fatalf("columnsOf of a copy of table %d: %v, want %v (another value)", def.ID, got, want)
		}
	}
}

// oldQuote is quote before it stopped reading at the n+1st character.
func oldQuote(s string, n int) string {
	buf := make([]byte, 0, len(s))
	runes := 0
	space := false // a run of spaces since the last word
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		if isSpaceRune(r) {
			space = len(buf) > 0
		} else {
			if space {
				buf = append(buf, ' ')
				runes++
				space = false
			}
			buf = append(buf, s[i:i+size]...)
			runes++
		}
		i += size
	}
	if runes <= n {
		return string(buf)
	}
	out := make([]byte, 0, 3*n+len("…"))
	for i, k := 0, 0; k < n; k++ {
		r, size := utf8.DecodeRune(buf[i:])
		out = utf8.AppendRune(out, r)
		i += size
	}
	return string(append(out, "…"...))
}

// quote answers as oldQuote on the texts of TestQuoteIsFieldsJoined and on
// long ones, cut at every length around their number of characters.
func TestQuoteAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(58))
	pieces := []string{"a", "年", "𠀀", " ", "\t", "\r\n", "\n", "\u00a0", "\u3000", "\ufeff", "\u200b", "\xff", "\xe5\xb9",
		"\ufffd", "…", "（", "", "  ", "首页 | 网站地图"}
	var texts []string
	for _, rep := range sharedReports(t) {
		for _, x := range rep.Residue {
			texts = append(texts, x.Text)
		}
	}
	for i := 0; i < 20000; i++ {
		texts = append(texts, randomText(rng, pieces, rng.Intn(80)))
	}
	for _, s := range texts {
		for _, n := range []int{0, 1, 2, 3, 5, 12, 24, 30, 60, utf8.RuneCountInString(s) - 1, utf8.RuneCountInString(s)} {
			if n < 0 {
				continue
			}
			if got, want := quote(s, n), oldQuote(s, n); got != want {
				t.Fatalf("quote(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// The hand matchers, GD-T008's key walks and GD-W005's and GD-W006's
// scans before they decoded three-byte characters by hand (decodeRune,
// decodeLastRune) and matchNoReview found its end by bytes.

func oldKeyBeforeIs(src string, off int, want string) bool {
	for i := off; len(want) > 0; {
		if i <= 0 || off-i >= 200 {
			return false
		}
		r, w := utf8.DecodeLastRuneInString(src[:i])
		i -= w
		if skippable(r) {
			continue
		}
		wr, ww := utf8.DecodeLastRuneInString(want)
		if r != wr {
			return false
		}
		want = want[:len(want)-ww]
	}
	return true
}
func oldKeyAfterIs(src string, off int, want string) bool {
	for i := off; len(want) > 0; {
		if i >= len(src) || i-off >= 200 {
			return false
		}
		r, w := utf8.DecodeRuneInString(src[i:])
		i += w
		if skippable(r) {
			continue
		}
		wr, ww := utf8.DecodeRuneInString(want)
		if r != wr {
			return false
		}
		want = want[ww:]
	}
	return true
}

func oldMatchNoReview(text string, p int) []int {
	q, ok := afterNegation(text, p)
	if !ok {
		return nil
	}
	opener := 0 // the optional word's runes
	for _, w := range noReviewOpeners {
		if strings.HasPrefix(text[q:], w) {
			opener = utf8.RuneCountInString(w)
			break
		}
	}
	for i, k := q, 0; k <= 30+opener && i < len(text); k++ {
		if strings.HasPrefix(text[i:], "行政复议") || strings.HasPrefix(text[i:], "行政诉讼") {
			end := strings.IndexAny(text[i:], "。；，,")
			if end < 0 {
				return []int{0, len(text) - p}
			}
			return []int{0, i + end - p}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != ';' && isStopRune(r) { // this gap allows ASCII ';'
			return nil
		}
		i += size
	}
	return nil
}
func oldMatchReceived(text string, p int) []int {
	if p+6 > len(text) {
		return nil
	}
	switch text[p : p+6] {
	case "收到", "受理", "接收", "接到", "办理", "新收":
	default:
		return nil
	}
	q := p + 6
	var starts [41]int // the offset of each of the first 41 runes after q
	i, n := q, 0
	for ; n <= 40 && i < len(text); n++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isStopRune(r) {
			break
		}
		starts[n] = i
		i += size
	}
	if i >= len(text) || !isDigitRune(func() rune { r, _ := utf8.DecodeRuneInString(text[i:]); return r }()) {
		return nil
	}
	// i: the digit; n: the runes between q and it
	e := digitRunEnd(text, i)
	u := skipSpace(text, e)
	if !strings.HasPrefix(text[u:], "件") && !strings.HasPrefix(text[u:], "条") {
		return nil
	}
	for k := 0; k <= 30 && k+2 <= n; k++ {
		a := starts[k]
		if strings.HasPrefix(text[a:], "申请") && n-(k+2) <= 8 {
			return []int{0, u + 3 - p, 0, 6, 6, a - p, a + 6 - p, i - p, i - p, e - p}
		}
	}
	return nil
}

// The matchers answer as before at every offset of the narrative texts
// (TestHandMatchersAreTheRegexps holds them to their patterns), and
// indexNoReviewEnd as strings.IndexAny.
func TestMatchersAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(59))
	texts := narrativeTexts(rng, 20000)
	for range 20000 {
		texts = append(texts, randomText(rng, narrativePieces, rng.Intn(50)))
	}
	matched := 0
	for _, text := range texts {
		if got, want := indexNoReviewEnd(text), strings.IndexAny(text, "。；，,"); got != want {
			t.Fatalf("indexNoReviewEnd(%q) = %d, want %d", text, got, want)
		}
		for p := 0; p < len(text); p++ {
			got, want := matchNoReview(text, p), oldMatchNoReview(text, p)
			if !slices.Equal(got, want) {
				t.Fatalf("matchNoReview(%q, %d) = %v, want %v", text, p, got, want)
			}
			got, want2 := matchReceived(text, p), oldMatchReceived(text, p)
			if !slices.Equal(got, want2) {
				t.Fatalf("matchReceived(%q, %d) = %v, want %v", text, p, got, want2)
			}
			if want != nil || want2 != nil {
				matched++
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d matches", matched)
	}
}

// keyBeforeIs and keyAfterIs answer as before around every offset of
// random texts of label pieces, skippable runes, 𠀀, broken UTF-8 and CRLF.
func TestKeyWalksAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(60))
	pieces := []string{"结果", "维持", "纠正", "其他", "只计这一情", "形", "|", "｜", " ", "\u3000", "\t", "\r\n", "（", "）", "、",
		"𠀀", "\xff", "\xe7\xbb", "\x93", "a", "1", "\ufffd"}
	yes := 0
	for range 20000 {
		src := randomText(rng, pieces, rng.Intn(20))
		want := grammar.LabelKey(randomText(rng, pieces[:6], 1+rng.Intn(3)))
		if rng.Intn(4) == 0 {
			want = randomText(rng, pieces, 1+rng.Intn(3))
		}
		for off := 0; off <= len(src); off++ {
			if got, old := keyBeforeIs(src, off, want), oldKeyBeforeIs(src, off, want); got != old {
				t.Fatalf("keyBeforeIs(%q, %d, %q) = %v, want %v", src, off, want, got, old)
			} else if got {
				yes++
			}
			if got, old := keyAfterIs(src, off, want), oldKeyAfterIs(src, off, want); got != old {
				t.Fatalf("keyAfterIs(%q, %d, %q) = %v, want %v", src, off, want, got, old)
			} else if got {
				yes++
			}
		}
	}
	if yes < 1000 {
		t.Fatalf("only %d walks matched", yes)
	}
}

// reItemStart is the pattern itemStart reads by hand.
var reItemStart = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|#)`)

// oldCheckBrokenParagraph is GD-W007's check before itemStart, blankLines
// (tested first) and runesAtLeast.
func oldCheckBrokenParagraph(c *lint.Context) {
	r := c.Report
	src := c.Source()
	if !identityView(r) {
		return // HTML and .docx paragraphs are elements, not lines
	}
	ps := r.Paragraphs
	hi := 0
	for i := 0; i+1 < len(ps); i++ {
		p, q := ps[i], ps[i+1]
		if p.Section != q.Section || r.Title != nil && p.Span.Start < r.Title.Span.End {
			continue
		}
		if inSignature(r, q.Span.Start) {
			continue
		}
		lp, lq := src.Line(p.Span.End), src.Line(q.Span.Start)
		if lq < lp+2 {
			continue
		}
		// only blank lines between
		gap := src.Text[p.Span.End:q.Span.Start]
		if strings.Count(gap, "\n") < 2 || strings.TrimFunc(gap, isSpaceRune) != "" {
			continue
		}
		if blockBreakBetween(r, r.Headings, &hi, p.Span.End, q.Span.Start) {
			continue
		}
		last := runeBefore(src.Text, p.Span.End)
		first := runeAt(src.Text, q.Span.Start)
		if !isHan(last) || !isHan(first) || reItemStart.MatchString(src.Slice(q.Span)) {
			continue
		}
		// a short line without a comma is a caption or a name, not a sentence
		line := src.Text[src.LineStart(lp):src.LineEnd(lp)]
		if runeCount(strings.TrimSpace(line)) < 20 && !strings.ContainsAny(line, "，,、") {
			continue
		}
		sp := grammar.Span{Start: p.Span.End, End: q.Span.Start}
		ctx := string(last) + "⏎" + string(first)
		c.Emitf(sp,
			"段落在句子中间被空行断开（“"+ctx+"”）",
			"paragraph broken mid-sentence by a blank line (“"+ctx+"”)",
			lint.Fix{Title: "删除空行，接上句子", TitleEN: "remove the blank line and join the sentence",
				Edits: []lint.Edit{{Span: sp}}, Applicability: lint.Safe})
	}
}

// itemStart is its pattern, blankLines the count and trim it replaced and
// runesAtLeast the count, on random texts of numerals, digits, brackets,
// marks, spaces, 𠀀, broken UTF-8 and CRLF; GD-W007 reports as before on
// the seeds, the corpus and their texts with blank lines added and taken
// away.
func TestBrokenParagraphAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(61))
	pieces := []string{"一", "二", "十", "三", "是", "、", "．", ".", "（", "(", "）", ")", "1", "2", "0", "#", "年", "第",
		" ", "\t", "\n", "\r\n", "\u3000", "\u00a0", "\ufeff", "\u200b", "𠀀", "\xff", "\xe4\xb8", "\x80", "，"}
	matched := 0
	for range 100000 {
		text := randomText(rng, pieces, rng.Intn(8))
		want := reItemStart.MatchString(text)
		if got := itemStart(text); got != want {
			t.Fatalf("itemStart(%q) = %v, want %v", text, got, want)
		}
		if want {
			matched++
		}
		wantLines := strings.Count(text, "\n")
		if strings.TrimFunc(text, isSpaceRune) != "" {
			wantLines = -1
		}
		if got := blankLines(text); got != wantLines {
			t.Fatalf("blankLines(%q) = %d, want %d", text, got, wantLines)
		}
		for n := 0; n < 10; n++ {
			if got, want := runesAtLeast(text, n), runeCount(text) >= n; got != want {
				t.Fatalf("runesAtLeast(%q, %d) = %v, want %v", text, n, got, want)
			}
		}
	}
	if matched < 5000 {
		t.Fatalf("only %d item starts", matched)
	}
	old := *lint.RuleByID("GD-W007")
	old.Check = oldCheckBrokenParagraph
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
	}
	for _, text := range texts[:len(texts)] {
		for range 4 {
			lines := strings.SplitAfter(text, "\n")
			for i := range lines {
				switch rng.Intn(10) {
				case 0:
					lines[i] += "\n" // a blank line after it
				case 1:
					lines[i] = strings.TrimSuffix(lines[i], "\n")
				}
			}
			texts = append(texts, strings.Join(lines, ""))
		}
	}
	found := 0
	for _, text := range texts {
		rep, err := input.Parse("report.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		got := lint.Run(rep, []*lint.Rule{lint.RuleByID("GD-W007")}, nil)
		want := lint.Run(rep, []*lint.Rule{&old}, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("GD-W007 found %v, want %v", got, want)
		}
		found += len(want)
	}
	if found < 20 {
		t.Fatalf("only %d findings: the test proves little", found)
	}
}

// oldCheckGeneralAspects is GD-S006's check before charBits ruled keywords
// out of a heading without a search.
func oldCheckGeneralAspects(ctx *lint.Context) {
	rep := ctx.Report
	if y := reportYear(rep); y > 0 && y < firstFormat2021 {
		return // the five aspects are the 2021 template's
	}
	kept, _ := keptSectionsOf(ctx)
	var gen *grammar.Section
	for _, s := range kept {
		if s.Key == grammar.SecGeneral {
			gen = s
		}
	}
	if gen == nil {
		return
	}
	// the part runs to the next part that is not a duplicate (GD-S003's)
	span := gen.Span
	for _, s := range kept {
		if s.Heading.Span.Start > gen.Heading.Span.Start {
			span.End = s.Heading.Span.Start
			break
		}
	}
	// an aspect counts when a sub-heading names it or, failing that, when
	// the section's text speaks of it; the sub-headings are read (as label
	// keys) until every aspect is named
	named := make([]bool, len(grammar.GeneralAspects))
	left := len(named)
	for _, h := range rep.Headings {
		if left == 0 {
			break
		}
		if h.Level != 2 || h.Span.Start < span.Start || h.Span.Start >= span.End {
			continue
		}
		key := grammar.LabelKey(matchText(rep, h.Text))
		for i, a := range grammar.GeneralAspects {
			for _, k := range a.Keywords {
				if !named[i] && hasWord(key, k) {
					named[i] = true
					left--
				}
			}
		}
	}
	var missing []string
	body, bodyDone := "", false // the section's text as a label key, built only when a heading does not tell
	for i, a := range grammar.GeneralAspects {
		found := named[i]
		for _, k := range a.Keywords {
			if found {
				break
			}
			if !bodyDone {
				body, bodyDone = grammar.LabelKey(matchText(rep, rep.Source.Slice(span))), true
			}
			found = hasWord(body, k)
		}
		if !found {
			missing = append(missing, a.Name)
		}
	}
	if len(missing) == 0 {
		return
	}
	ctx.Emitf(gen.Heading.Span,
		fmt.Sprintf("“总体情况”中找不到“%s”方面（模板要求概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面）",
			strings.Join(missing, "”“")),
		fmt.Sprintf("“总体情况” does not cover “%s” (the template asks for five aspects)", strings.Join(missing, "”, “")))
}

// charBits never rules out a word that is there: on random texts of
// Chinese, other characters, 𠀀, broken UTF-8 and CRLF, every word found
// in a text has its bits among the text's; and GD-S006 reports as before
// on the seeds, the corpus and their texts with aspects' words taken out.
func TestGeneralAspectsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(62))
	pieces := []string{"主动", "公开", "依申请", "申请", "政府", "信息", "管理", "平台", "建设", "载体", "监督", "保障", "机制", "组织",
		"（一）", "、", " ", "𠀀", "\xff", "\xe4\xb8", "\x80", "\r\n", "a", "1"}
	found := 0
	for range 50000 {
		text := randomText(rng, pieces, rng.Intn(12))
		have := charBits(text)
		for _, kw := range aspectKeywords() {
			if strings.Contains(text, kw.word) {
				found++
				if have&kw.bits != kw.bits {
					t.Fatalf("charBits(%q) = %#x lacks %q's %#x", text, have, kw.word, kw.bits)
				}
			}
		}
		w := randomText(rng, pieces, 1+rng.Intn(2))
		if strings.Contains(text, w) && charBits(text)&charBits(w) != charBits(w) {
			t.Fatalf("charBits(%q) lacks %q's", text, w)
		}
	}
	if found < 10000 {
		t.Fatalf("only %d keywords found", found)
	}
	old := *lint.RuleByID("GD-S006")
	old.Check = oldCheckGeneralAspects
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
	}
	words := []string{"主动公开", "依申请", "公开申请", "信息管理", "平台", "监督", "保障"}
	for _, text := range texts[:len(texts)] {
		for range 6 {
			m := text
			for _, w := range words {
				if rng.Intn(3) == 0 {
					m = strings.ReplaceAll(m, w, "工作")
				}
			}
			texts = append(texts, m)
		}
	}
	reported := 0
	for _, text := range texts {
		rep, err := input.Parse("report.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		got := lint.Run(rep, []*lint.Rule{lint.RuleByID("GD-S006")}, nil)
		want := lint.Run(rep, []*lint.Rule{&old}, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("GD-S006 found %v, want %v", got, want)
		}
		reported += len(want)
	}
	if reported < 20 {
		t.Fatalf("only %d findings: the test proves little", reported)
	}
}

// oldCheckMissingSections is GD-S001's check before the parts were kept in
// an array by their index in grammar.Sections instead of a map.
func oldCheckMissingSections(ctx *lint.Context) {
	rep := ctx.Report
	kept, _ := keptSectionsOf(ctx)
	if len(kept) == 0 {
		if rep.Title != nil && ctx.Gate().Annual {
			ctx.Emitf(rep.Title.Span, "找不到模板规定的六个部分标题（一、总体情况 … 六、其他需要报告的事项）",
				"none of the six part headings of the template was found")
		}
		return
	}
	have := map[grammar.SectionKey]*grammar.Section{}
	for _, s := range kept {
		have[s.Key] = s
	}
	eol := "\n"
	if rep.Source.CRLF {
		eol = "\r\n"
	}
	for _, d := range grammar.Sections {
		if have[d.Key] != nil {
			continue
		}
		// the next part present in the document, else the previous one
		var next, prevSec *grammar.Section
		for _, d2 := range grammar.Sections {
			if d2.Number > d.Number && next == nil && have[d2.Key] != nil {
				next = have[d2.Key]
			}
			if d2.Number < d.Number && have[d2.Key] != nil {
				prevSec = have[d2.Key]
			}
		}
		fix := lint.Fix{Title: "插入标题“" + d.Canonical() + "”", TitleEN: "Insert the heading “" + d.Canonical() + "”", Applicability: lint.Unsafe}
		var anchor *grammar.Heading
		var zh, en string
		if next != nil {
			anchor = next.Heading
			zh = fmt.Sprintf("缺少“%s”（应在“%s”之前）", d.Canonical(), headingText(rep, anchor))
			en = fmt.Sprintf("part “%s” is missing (it belongs before “%s”)", d.Canonical(), headingText(rep, anchor))
			fix.Edits = []lint.Edit{insertHeadingBefore(rep, anchor, d, eol)}
		} else {
			anchor = prevSec.Heading
			zh = fmt.Sprintf("缺少“%s”（应在“%s”之后）", d.Canonical(), headingText(rep, anchor))
			en = fmt.Sprintf("part “%s” is missing (it belongs after “%s”)", d.Canonical(), headingText(rep, anchor))
			fix.Edits = []lint.Edit{insertHeadingAtEnd(rep, anchor, d, eol)}
		}
		nz, ne := unreadPagesNote(rep.Source)
		ctx.Emitf(anchor.Span, zh+nz, en+ne, fix)
	}
}

// GD-S001 reports as before on the seeds, the corpus and their texts with
// part headings taken out; the array it keeps the parts in needs the keys
// of grammar.Sections distinct.
func TestMissingSectionsAsBefore(t *testing.T) {
	seen := map[grammar.SectionKey]bool{}
	for _, d := range grammar.Sections {
		if seen[d.Key] {
			t.Fatalf("grammar.Sections holds %q twice", d.Key)
		}
		seen[d.Key] = true
	}
	rng := rand.New(rand.NewSource(63))
	old := *lint.RuleByID("GD-S001")
	old.Check = oldCheckMissingSections
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
	}
	heads := []string{"一、", "二、", "三、", "四、", "五、", "六、", "总体情况", "主动公开政府信息情况", "存在的主要问题"}
	for _, text := range texts[:len(texts)] {
		for range 6 {
			m := text
			for _, h := range heads {
				if rng.Intn(3) == 0 {
					m = strings.Replace(m, h, "", 1)
				}
			}
			texts = append(texts, m)
		}
	}
	reported := 0
	for _, text := range texts {
		rep, err := input.Parse("report.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		got := lint.Run(rep, []*lint.Rule{lint.RuleByID("GD-S001")}, nil)
		want := lint.Run(rep, []*lint.Rule{&old}, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("GD-S001 found %v, want %v", got, want)
		}
		reported += len(want)
	}
	if reported < 20 {
		t.Fatalf("only %d findings: the test proves little", reported)
	}
}

// blockSentenceYears answers as blockSentenceYearsBySentence on a block
// whose sentences are split already (it then reads them) as on one whose
// are not (it starts from each 年): the blocks of the seeds and the corpus
// and random blocks of years, marks and spaces.
func TestSentenceYearsOfSplitBlocks(t *testing.T) {
	var texts []string
	for _, rep := range sharedReports(t) {
		for _, b := range proseBlocks(rep) {
			texts = append(texts, b.Text)
		}
	}
	rng := rand.New(rand.NewSource(64))
	pieces := []string{"2024", "2023", "1", "２０２４", "年", "度", "，", ",", "、", " ", "\t", "\n", "\r\n", "\u3000", "\u00a0", "。",
		"；", "！", "？", ";", "!", "?", "\xe3\x80", "\xff", "𠀀", "我局", "工作"}
	// near matches after random text: each part of a leading year in
	// turn, as often right as not (as TestBlockSentenceYearsBySentence)
	parts := [][]string{{"", "。", "；", "！", "？", ";", "!", "?", "，", "\xe3\x80", "、"}, {"", " ", "\u3000", "\t\u3000 "},
		{"2024", "202", "20245", "２０２４"}, {"", " ", "\n"}, {"年", "月"}, {"", "度"}, {"", " "}, {"，", ",", "、", "。"}}
	for range 50000 {
		text := randomText(rng, pieces, rng.Intn(8))
		for k := rng.Intn(3); k >= 0; k-- {
			for _, p := range parts {
				text += p[rng.Intn(len(p))]
			}
		}
		texts = append(texts, text+randomText(rng, pieces, rng.Intn(4)))
	}
	found := 0
	for _, text := range texts {
		want := blockSentenceYearsBySentence(&proseBlock{Text: text})
		b := &proseBlock{Text: text}
		b.sentences()
		if got := blockSentenceYears(b); !slices.Equal(got, want) {
			t.Fatalf("blockSentenceYears(%q), split, = %v, want %v", text, got, want)
		}
		if got := blockSentenceYears(&proseBlock{Text: text}); !slices.Equal(got, want) {
			t.Fatalf("blockSentenceYears(%q) = %v, want %v", text, got, want)
		}
		found += len(want)
	}
	if found < 2000 {
		t.Fatalf("only %d years found", found)
	}
}

// words.in answers as the search for each word in turn (what it did before
// charBits ruled words out), for every word set of the rules, on short and
// long random texts of their words' pieces, 𠀀, broken UTF-8 and CRLF.
func TestWordsInAsBefore(t *testing.T) {
	sets := []words{periodWords, newWords, reviewOutcome, aboutDisclose, issueVerbs, repealVerbs, otherMatters}
	var pieces []string
	for _, ws := range sets {
		for _, w := range ws.list {
			pieces = append(pieces, w, w[:3], w[len(w)-3:])
		}
	}
	pieces = append(pieces, "，", " ", "𠀀", "\xff", "\xe4\xb8", "\r\n", "1", "工作")
	rng := rand.New(rand.NewSource(65))
	yes := 0
	for n := range 60000 {
		text := randomText(rng, pieces, rng.Intn(8))
		if n%5 == 0 {
			text = randomText(rng, pieces, rng.Intn(80))
		}
		for _, ws := range sets {
			want := false
			for _, w := range ws.list {
				if hasWord(text, w) {
					want = true
					break
				}
			}
			if got := ws.in(text); got != want {
				t.Fatalf("%q.in(%q) = %v, want %v", ws.list, text, got, want)
			}
			if want {
				yes++
			}
		}
	}
	if yes < 20000 {
		t.Fatalf("only %d texts hold a word", yes)
	}
}

// An analysis made with arrays given back by another run's analysis holds
// the same blockers as one made with new arrays.
func TestAnalysisBuffersReused(t *testing.T) {
	reps := sharedReports(t)
	blockersOf := func(a *analysis) [][]*grammar.Cell {
		var out [][]*grammar.Cell
		for _, r := range a.rels {
			out = append(out, slices.Clone(r.blockers))
		}
		return out
	}
	blocked := 0
	for i, rep := range reps {
		for _, id := range []int{grammar.TableRequests, grammar.TableReview} {
			a := analyzeTable(rep, id)
			if a == nil {
				continue
			}
			want := blockersOf(a)
			a.release()
			if other := analyzeTable(reps[(i+1)%len(reps)], id); other != nil {
				other.release()
			}
			b := analyzeTable(rep, id)
			if got := blockersOf(b); !reflect.DeepEqual(got, want) {
				t.Fatalf("report %d, table %d: blockers %v, want %v", i, id, got, want)
			}
			b.release()
			for _, bs := range want {
				blocked += len(bs)
			}
		}
	}
	if blocked < 20 {
		t.Fatalf("only %d blockers", blocked)
	}
}

// oldCheckInvalidNumbers is GD-T006's check before it passed over a
// whole, positive number without a unit first.
func oldCheckInvalidNumbers(ctx *lint.Context) {
	for t := range tables(ctx.Report) {
		for c := range t.AllCells() {
			var zh, en, arg string
			switch {
			case c.Kind == grammar.CellText:
				zh, en, arg = "%s填的是“%s”，不是数字", "%s holds “%s”, not a number", c.Text
			case c.Kind != grammar.CellNumber:
			case c.Value < 0 && c.Col.Key != colSigned:
				zh, en, arg = "%s为负数 %s", "%s is negative: %s", c.Text
			case c.Row.Decimal && isAmountCol(c.Col):
				// amounts may be decimals; the unit is GD-T007's
			case !c.Integer:
				zh, en, arg = "%s是件数，应为整数，实际为 %s", "%s is a count and must be a whole number, not %s", c.Text
			case c.Unit != "":
				zh, en, arg = "%s是件数，却带有金额单位“%s”", "%s is a count but carries the money unit “%s”", c.Unit
			}
			if zh == "" {
				continue // the cell is fine: no names built
			}
			ctx.Emitf(c.Span, fmt.Sprintf(zh, tableName(t.ID)+cellLabel(c), arg),
				fmt.Sprintf(en, tableNameEN(t.ID)+" "+cellLabel(c), arg))
		}
	}
}

// oldCheckAmountUnits is GD-T007's check before it tested a cell's unit
// first.
func oldCheckAmountUnits(ctx *lint.Context) {
	for t := range tables(ctx.Report) {
		for c := range t.AllCells() {
			if c.Kind != grammar.CellNumber || !isAmountCol(c.Col) || c.Unit == "" || c.Unit == unitWan ||
				!strings.Contains(c.Col.Label, unitWan) {
				continue
			}
			v := fmtNum(c.Value / 10000)
			ctx.Emitf(c.Span,
				fmt.Sprintf("%s%s写作“%s”，但该栏单位为%s（应为 %s）", tableName(t.ID), cellLabel(c), c.Text, unitWan, v),
				fmt.Sprintf("%s %s is written “%s” but the column is in %s (%s)", tableNameEN(t.ID), cellLabel(c), c.Text, unitWan, v),
				lint.Fix{Title: "换算为万元：" + v, TitleEN: "Convert to 万元: " + v, Applicability: lint.Unsafe,
					Edits: []lint.Edit{{Span: c.Span, NewText: v}}})
		}
	}
}

// GD-T006 and GD-T007 report as before on the seeds, the corpus and their
// texts with numbers of their tables made negative, decimal, blank, text
// or given a unit.
func TestCellRulesAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(66))
	oldT006, oldT007 := *lint.RuleByID("GD-T006"), *lint.RuleByID("GD-T007")
	oldT006.Check, oldT007.Check = oldCheckInvalidNumbers, oldCheckAmountUnits
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
	}
	edits := []string{"-", "-1", "1.5", "0.25", "x", " ", "元", "万元", "3元", "12万元", "１２", "—"}
	for _, text := range texts[:len(texts)] {
		for range 5 {
			var b strings.Builder
			for i := 0; i < len(text); i++ {
				if c := text[i]; c >= '0' && c <= '9' && rng.Intn(15) == 0 {
					b.WriteString(edits[rng.Intn(len(edits))])
					continue
				}
				b.WriteByte(text[i])
			}
			texts = append(texts, b.String())
		}
	}
	found := 0
	for _, text := range texts {
		rep, err := input.Parse("report.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, pair := range [][2]*lint.Rule{{lint.RuleByID("GD-T006"), &oldT006}, {lint.RuleByID("GD-T007"), &oldT007}} {
			got := lint.Run(rep, []*lint.Rule{pair[0]}, nil)
			want := lint.Run(rep, []*lint.Rule{pair[1]}, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s found %v, want %v", pair[0].ID, got, want)
			}
			found += len(want)
		}
	}
	if found < 50 {
		t.Fatalf("only %d findings: the test proves little", found)
	}
}

// The old cellName and cellNameEN before one concatenation each.
func oldCellName(c *grammar.Cell) string {
	name := tableName(c.Table) + "“" + c.Row.Label + "”"
	if len(c.Row.Cols) > 1 {
		name += c.Col.Label
	}
	return name
}
func oldCellNameEN(c *grammar.Cell) string {
	name := tableNameEN(c.Table) + ", row “" + c.Row.Label + "”"
	if len(c.Row.Cols) > 1 {
		name += ", column “" + c.Col.Label + "”"
	}
	return name
}

// The old problemEN before concatenation.
func oldProblemEN(t *grammar.Table, p *grammar.Problem) string {
	row := ""
	if p.Row != nil {
		row = p.Row.Label
	}
	name := tableNameEN(t.ID)
	switch p.Kind {
	case "missing-row":
		return fmt.Sprintf("%s: row “%s” is missing, or its values cannot be told", name, row)
	case "missing-values":
		return fmt.Sprintf("%s: row “%s” has fewer values than the template; which one is missing cannot be told", name, row)
	case "ambiguous-split":
		return fmt.Sprintf("%s: the digits of row “%s” are glued together and split more than one way", name, row)
	case "unbalanced-split":
		return fmt.Sprintf("%s: the digits of row “%s” are glued together; none of the ways to split them adds up to the row total", name, row)
	case "extra-values":
		return fmt.Sprintf("%s: row “%s” has more cells than the template; the extra ones were not used", name, row)
	case "unknown-label":
		return fmt.Sprintf("%s: a row label that is not in the template", name)
	case "unreadable":
		return fmt.Sprintf("%s: the table was found but none of its values could be placed", name)
	}
	return fmt.Sprintf("%s: %s", name, p.Kind)
}

// The old GD-C003's check before its messages were concatenated.
func oldCheckNarrativeDocs(c *lint.Context) {
	r := c.Report
	if r.Format != grammar.Format2021 {
		return
	}
	t := r.Table(grammar.TableProactive)
	if t == nil || t.Unreadable {
		return
	}
	for _, b := range narrativeBlocks(c) {
		for _, k := range factsOf(c, b).docs.get(b, blockDocClaims) {
			cell, v, ok := trustedNumber(t, k.subject, k.col)
			if !ok || float64(k.n) == v {
				continue
			}
			sp := b.Span(k.start, k.end)
			what := map[string]string{grammar.ColIssued: "制发", grammar.ColRepealed: "废止", grammar.ColInForce: "现行有效"}[k.col]
			whatEN := map[string]string{grammar.ColIssued: "issued", grammar.ColRepealed: "repealed", grammar.ColInForce: "in force"}[k.col]
			noun := cell.Row.Label
			c.Emit(lint.Diagnostic{Span: sp,
				Message:   fmt.Sprintf("正文称%s%s %d %s，%s为 %s", what, noun, k.n, k.unit, cellName(cell), formatNumber(v)),
				MessageEN: fmt.Sprintf("the text says %d %s %s; %s is %s", k.n, noun, whatEN, cellNameEN(cell), formatNumber(v)),
				Fixes:     numberFix(sp, v), Related: related(cell, cellName(cell))})
		}
	}
}

// The old GD-T012's check before its messages were concatenated.
func oldCheckColumnLabels(ctx *lint.Context) {
	for t := range tables(ctx.Report) {
		if t.Unreadable || t.Layout == "glued" {
			continue // a crawler's flattened table lost its header layout
		}
		// a heading broken over lines or cells (商业 / 企业) is still there:
		// look for it in the table's text with the layout removed, or in
		// the canonical form of a column label the parser recognised (the
		// region searched was once these joined by NULs: no key holds a
		// NUL, so a key is found in the join exactly when in one of them)
		// the label keys first: most tables have every heading recognised,
		// and the table's key (its whole text) is then not needed
		var keyBuf [32]string
		labelKeys := keyBuf[:0]
		for _, l := range t.Labels {
			if l.Kind == grammar.LabelColumn {
				labelKeys = append(labelKeys, templateKey(l.Canonical))
			}
		}
		inRegion := func(k string) bool {
			// mostly a label's own key: compared, before any is searched
			if slices.Contains(labelKeys, k) {
				return true
			}
			for _, lk := range labelKeys {
				if hasWord(lk, k) {
					return true
				}
			}
			// the table's key, made only as far as the search goes
			return tableKeyOf(ctx, t).has(k)
		}
		var missing []string
		for _, c := range columnsOf(t.Def).cols {
			found := false
			for _, k := range c.keys {
				if inRegion(k) {
					found = true
					break
				}
			}
			if !found {
				missing = append(missing, c.label)
			}
		}
		if len(missing) == 0 {
			continue
		}
		sp := grammar.Span{Start: t.Span.Start, End: t.Span.Start}
		if len(t.Labels) > 0 {
			sp = t.Labels[0].Span
		}
		ctx.Emitf(sp,
			fmt.Sprintf("%s的列标题中找不到“%s”（缺失或残缺）", tableName(t.ID), strings.Join(missing, "”“")),
			fmt.Sprintf("%s: no column heading “%s” (missing or broken)", tableNameEN(t.ID), strings.Join(missing, "”, “")))
	}
}

// The old GD-D001's check before its period was concatenated.
func oldCheckPeriodMissing(c *lint.Context) {
	r := c.Report
	if !c.Gate().Annual || periodStatement(r) {
		return
	}
	sp, ok := anchorSpan(r)
	if !ok {
		return
	}
	y, _, _ := r.Year() // the title's, else the one the report gives away
	want := "Y年1月1日至Y年12月31日"
	if y > 0 {
		want = fmt.Sprintf("%d年1月1日至%d年12月31日", y, y)
	}
	if m := r.MalformedPeriod; m != nil {
		// the sentence is there, its dates do not read
		c.Emitf(m.Span,
			"统计期限的日期无法读取："+m.Reason+"（应为"+want+"）",
			"the statistics period's dates cannot be read: "+m.Text+" (expected "+want+")")
		return
	}
	c.Emitf(sp,
		"报告没有说明所列数据的统计期限（应为"+want+"）",
		"the report does not state the statistics period (expected "+want+")")
}

// relSummary is appendRelSummary's two texts as strings, as the check
// made them before it wrote them in place.
func relSummary(def *grammar.TableDef, rels []*relation) (zh, en string) {
	var zhBuf, enBuf [256]byte
	z, e := appendRelSummary(zhBuf[:0], enBuf[:0], def, rels)
	return string(z), string(e)
}

// The old relSummary before quotedList and its lists made at their size.
func oldRelSummary(def *grammar.TableDef, rels []*relation) (zh, en string) {
	colLabel := func(ref grammar.CellRef) string {
		for _, c := range def.Row(ref.Row).Cols {
			if c.Key == ref.Col {
				return c.Label
			}
		}
		return ref.Col
	}
	var zs, es []string
	// the kinds named, in this order; the relations of each looked up in
	// the list (a few), not gathered in a map
	for _, k := range []grammar.BalanceKind{grammar.BalanceRowTotal, grammar.BalanceOutcomeTotal, grammar.BalanceColumn, grammar.BalanceReviewTotal} {
		var rsBuf [16]*relation
		rs := rsBuf[:0]
		for _, r := range rels {
			if r.b.Kind == k {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 {
			continue
		}
		var names []string
		for _, r := range rs {
			if k == grammar.BalanceRowTotal || k == grammar.BalanceReviewTotal {
				names = append(names, def.Row(r.b.Right[0].Row).Label)
			} else {
				names = append(names, colLabel(r.b.Right[0]))
			}
		}
		list := "“" + strings.Join(names, "”“") + "”"
		listEN := "“" + strings.Join(names, "”, “") + "”"
		switch k {
		case grammar.BalanceRowTotal, grammar.BalanceReviewTotal:
			zs = append(zs, list+"的总计")
			es = append(es, "the total of "+listEN)
		case grammar.BalanceOutcomeTotal:
			row := def.Row(rs[0].b.Right[0].Row).Label
			zs = append(zs, list+"列的“"+row+"”")
			es = append(es, "“"+row+"” in column "+listEN)
		case grammar.BalanceColumn:
			eq := columnEquation(def, *rs[0].b)
			zs = append(zs, list+"列的 "+eq)
			es = append(es, eq+" in column "+listEN)
		}
	}
	return strings.Join(zs, "；"), strings.Join(es, "; ")
}

// The old cellKindSummary before its kinds were a list.
func oldCellKindSummary(cs []*grammar.Cell) (zh, en string) {
	type kind struct{ zh, en string }
	var kinds []kind
	cols := map[kind][]string{}
	for _, c := range cs {
		var k kind
		k.zh, k.en = cellKind(c)
		if cols[k] == nil {
			kinds = append(kinds, k)
		}
		cols[k] = append(cols[k], c.Col.Label)
	}
	var zs, es []string
	for _, k := range kinds {
		zs = append(zs, "“"+strings.Join(cols[k], "”“")+"”为"+k.zh)
		es = append(es, "“"+strings.Join(cols[k], "”, “")+"” "+k.en)
	}
	return strings.Join(zs, "，"), strings.Join(es, "; ")
}

// The old shortRow before the template rows' names were made once.
func oldShortRow(r *grammar.RowDef) string {
	l := r.Label
	if runeCount(l) <= 8 {
		return l
	}
	if i := strings.Index(l, "、"); i > 0 && runeCount(l[:i]) <= 3 {
		return l[:i]
	}
	// （二）部分公开（区分处理的，…）: the numbering and the words before
	// the bracketed note
	if strings.HasPrefix(l, "（") {
		if i := strings.Index(l, "）"); i > 0 {
			rest := l[i+len("）"):]
			if j := strings.Index(rest, "（"); j > 0 {
				return l[:i+len("）")+j]
			}
			return l[:i+len("）")]
		}
	}
	return l
}

// The findings' messages are as before: GD-C003, GD-T012, GD-D001 and
// GD-A005 on the seeds, the corpus and their texts with numbers, headings
// and the period changed; the helpers that name cells, rows, problems,
// relations and cell kinds on every cell, row, problem and blocked
// relation of those reports, and on rows no template has.
func TestFindingMessagesAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(67))
	type pair struct {
		id  string
		old func(*lint.Context)
	}
	pairs := []pair{{"GD-C003", oldCheckNarrativeDocs}, {"GD-T012", oldCheckColumnLabels}, {"GD-D001", oldCheckPeriodMissing}}
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
	}
	edits := []string{"-", "7", "12", "x", " ", "商业", "结果", "纠正", "", "统计期限"}
	for _, text := range texts[:len(texts)] {
		for range 5 {
			var b strings.Builder
			for i := 0; i < len(text); i++ {
				if c := text[i]; c >= '0' && c <= '9' && rng.Intn(10) == 0 {
					b.WriteString(edits[rng.Intn(4)])
					continue
				}
				b.WriteByte(text[i])
			}
			m := b.String()
			for _, w := range []string{"商业企业", "结果纠正", "统计期限", "1月1日至", "尚未审结"} {
				if rng.Intn(3) == 0 {
					m = strings.ReplaceAll(m, w, edits[4+rng.Intn(len(edits)-4)])
				}
			}
			texts = append(texts, m)
		}
	}
	found, named := 0, 0
	for _, text := range texts {
		rep, err := input.Parse("report.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pairs {
			old := *lint.RuleByID(p.id)
			old.Check = p.old
			got := lint.Run(rep, []*lint.Rule{lint.RuleByID(p.id)}, nil)
			want := lint.Run(rep, []*lint.Rule{&old}, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s found %v, want %v", p.id, got, want)
			}
			found += len(want)
		}
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			for c := range tb.AllCells() {
				if cellName(c) != oldCellName(c) || cellNameEN(c) != oldCellNameEN(c) {
					t.Fatalf("cellName of %v: %q, %q, want %q, %q", c.Span, cellName(c), cellNameEN(c), oldCellName(c), oldCellNameEN(c))
				}
			}
			for _, pr := range tb.Problems {
				if got, want := problemEN(tb, pr), oldProblemEN(tb, pr); got != want {
					t.Fatalf("problemEN = %q, want %q", got, want)
				}
			}
			a := analyzeTable(rep, tb.ID)
			if a == nil {
				continue
			}
			var rels []*relation
			var cells []*grammar.Cell
			for i := range a.rels {
				if r := &a.rels[i]; r.status == relBlocked {
					rels = append(rels, r)
					cells = append(cells, r.blockers...)
				}
			}
			for n := 1; n <= len(rels); n++ {
				zh, en := relSummary(tb.Def, rels[:n])
				wzh, wen := oldRelSummary(tb.Def, rels[:n])
				if zh != wzh || en != wen {
					t.Fatalf("relSummary = %q, %q, want %q, %q", zh, en, wzh, wen)
				}
				named++
			}
			for n := 1; n <= len(cells); n++ {
				zh, en := cellKindSummary(cells[:n])
				wzh, wen := oldCellKindSummary(cells[:n])
				if zh != wzh || en != wen {
					t.Fatalf("cellKindSummary = %q, %q, want %q, %q", zh, en, wzh, wen)
				}
			}
		}
	}
	for _, pr := range []string{"missing-row", "missing-values", "ambiguous-split", "unbalanced-split", "extra-values", "unknown-label", "unreadable", "other"} {
		for _, row := range []*grammar.RowDef{nil, grammar.Table2.Rows[0]} {
			p := &grammar.Problem{Kind: pr, Row: row}
			if got, want := problemEN(&grammar.Table{ID: 2}, p), oldProblemEN(&grammar.Table{ID: 2}, p); got != want {
				t.Fatalf("problemEN(%s) = %q, want %q", pr, got, want)
			}
		}
	}
	for _, f := range []grammar.Format{grammar.Format2019, grammar.Format2021} {
		for _, def := range grammar.Tables(f) {
			for _, r := range def.Rows {
				cp := *r // not the template's: named anew
				if shortRow(r) != oldShortRow(r) || shortRow(&cp) != oldShortRow(&cp) {
					t.Fatalf("shortRow(%q) = %q, want %q", r.Label, shortRow(r), oldShortRow(r))
				}
			}
		}
	}
	if found < 50 || named < 20 {
		t.Fatalf("%d findings, %d relation summaries: the test proves little", found, named)
	}
}
