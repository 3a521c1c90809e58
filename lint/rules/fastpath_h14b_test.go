package rules

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// The narrative extractors before a sentence without a count (a number,
// \s* and a unit) was left unsearched by the count patterns (hasCount).

func h14bOldBlockRequestCandidates(b *proseBlock) []requestCandidate {
	if b.applyAt() < 0 {
		return nil
	}
	var out []requestCandidate
	prevHas := false
	eachBlockSentence(b, func(s sentenceCtx) {
		has := hasWord(s.text, "申请")
		about := has || prevHas
		prevHas = has
		if !about || !hasWord(s.text, "件") && !hasWord(s.text, "条") {
			return
		}
		add := func(kind string, numStart, numEnd, year int) {
			n, ok := atoiDigits(s.text[numStart:numEnd])
			if !ok {
				return
			}
			unit := "件"
			if rest := strings.TrimLeft(s.text[numEnd:], " \t"); strings.HasPrefix(rest, "条") {
				unit = "条"
			}
			out = append(out, requestCandidate{kind: kind, start: s.start + numStart, end: s.start + numEnd, value: n, unit: unit, year: year})
		}
		carriedClaims(s, add)
		receivedClaims(s, has, func(kind string, numStart, numEnd int) { add(kind, numStart, numEnd, 0) })
	})
	return out
}

func h14bOldBlockReviewClaims(b *proseBlock) []reviewClaim {
	review := wordAfter{text: b.Text, word: "行政复议", k: 7, at: -1}
	suit := wordAfter{text: b.Text, word: "行政诉讼", k: 8, at: -1}
	if !review.within(0, len(b.Text)) && !suit.within(0, len(b.Text)) {
		return nil
	}
	var out []reviewClaim
	eachBlockSentence(b, func(s sentenceCtx) {
		if !review.within(s.start, s.end) && !suit.within(s.start, s.end) {
			return
		}
		about := -1
		add := func(i, j int, what string, n int, zero bool) {
			if about < 0 {
				about = 0
				if aboutDisclose.in(s.text) {
					about = 1
				}
			}
			out = append(out, reviewClaim{start: s.start + i, end: s.start + j, what: what, n: n, zero: zero, section: about == 1})
		}
		var taken []int
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
			for _, what := range [2][2]string{{"复议", "行政复议"}, {"诉讼", "行政诉讼"}} {
				if i := strings.Index(clause, what[1]); i >= 0 {
					add(m[0]+i, m[0]+i+len(what[1]), what[0], 0, true)
				}
			}
		}
	})
	return out
}

// countPieces are narrativePieces with the units of the count patterns and
// every space \s stands for around numbers.
var countPieces = append(slices.Clip(narrativePieces), "个", "宗", "起", "件数", "案件", "\t", "\f", "\r", " ", "7", "９", "12 件", "3\t条", "０\f个")

func TestCountGateAsBefore(t *testing.T) {
	texts := extractorTexts(t)
	rng := rand.New(rand.NewSource(14))
	for range 30000 {
		texts = append(texts, randomText(rng, countPieces, rng.Intn(60)))
	}
	found := [2]int{}
	for _, text := range texts {
		req, oldReq := blockRequestCandidates(&proseBlock{Text: text}), h14bOldBlockRequestCandidates(&proseBlock{Text: text})
		if len(req) != 0 || len(oldReq) != 0 {
			if !reflect.DeepEqual(req, oldReq) {
				t.Fatalf("blockRequestCandidates(%q) = %v, want %v", text, req, oldReq)
			}
		}
		rev, oldRev := blockReviewClaims(&proseBlock{Text: text}), h14bOldBlockReviewClaims(&proseBlock{Text: text})
		if len(rev) != 0 || len(oldRev) != 0 {
			if !reflect.DeepEqual(rev, oldRev) {
				t.Fatalf("blockReviewClaims(%q) = %v, want %v", text, rev, oldRev)
			}
		}
		found[0] += len(oldReq)
		for _, k := range oldRev {
			if !k.zero {
				found[1]++
			}
		}
	}
	if found[0] < 1000 || found[1] < 1000 {
		t.Fatalf("found %v claims: the test proves little", found)
	}
}

// hasCount holds wherever a count pattern matches, and only where text has
// a number, \s* and a unit.
func TestHasCount(t *testing.T) {
	rng := rand.New(rand.NewSource(15))
	hits := 0
	for range 50000 {
		text := randomText(rng, countPieces, rng.Intn(12))
		want := false
		for i := range text {
			if digitAt(text, i) == 0 {
				continue
			}
			j := skipSpace(text, digitRunEnd(text, i))
			for _, u := range reviewUnits {
				want = want || strings.HasPrefix(text[j:], u)
			}
		}
		if got := hasCount(text, reviewUnits); got != want {
			t.Fatalf("hasCount(%q) = %v, want %v", text, got, want)
		}
		if want {
			hits++
		}
	}
	if hits < 1000 {
		t.Fatalf("%d texts with a count: the test proves little", hits)
	}
}

// GD-W006 before a heading without 是 near its start was left unsearched,
// before the matches of a run without a cache were found in one pair of
// arrays, and before a sequence of one item was checked; GD-C003's blocks
// before a sentence without a count was left unread and 规范性文件 was
// searched by its third byte.

func h14bOldEnumeratorsOf(c *lint.Context, text string) [][]int {
	if ms, ok := lint.Recall(c, enumeratorsKey, text); ok {
		return ms
	}
	ms := enumerators(text)
	lint.Keep(c, enumeratorsKey, text, ms)
	return ms
}

func h14bOldCheckShiSequences(c *lint.Context) {
	r := c.Report
	var seqBuf [16]enumItem // a sequence is a few items: on the stack
	seq := seqBuf[:0]
	flush := func() {
		checkSequence(c, seq, "是")
		seq = seq[:0]
	}
	prevEnd := 0
	eachEnumPiece(r, func(pc enumPiece) {
		if tableBetween(r, prevEnd, pc.span.Start) {
			flush()
		}
		prevEnd = pc.span.End
		text := pc.text
		ms := h14bOldEnumeratorsOf(c, text)
		if pc.heading != nil && (len(ms) == 0 || ms[0][4] > 3 || pc.at < 0) {
			flush()
			return
		}
		for _, m := range ms {
			v := cnNumber(text[m[4]:m[5]])
			if v == 0 || m[2] >= 0 && v != 1 {
				continue
			}
			if v == 1 {
				flush()
			}
			seq = append(seq, enumItem{value: v,
				span: srcSpan(r, pc.at+m[4], pc.at+m[1]),
				num:  srcSpan(r, pc.at+m[4], pc.at+m[5])})
		}
	})
	flush()
}

func h14bOldCheckEnumeration(c *lint.Context) {
	h14bOldCheckShiSequences(c)
	checkSubheadingNumbers(c)
}

func h14bOldBlockDocClaims(b *proseBlock) []docClaim {
	// 规范性文件 and 规章 are searched by 规's second byte (A7) and 章's
	// (AB), not by 规's last (84), which ends 的 too; each occurrence once
	// for the whole block: a sentence or a clause holds a word when the
	// first one at or after its start ends within it
	norm := wordAfter{text: b.Text, word: "规范性文件", k: 1, at: -1}
	rule := wordAfter{text: b.Text, word: "规章", k: 4, at: -1}
	// the first of each found by one search for 规 (by its second byte,
	// as norm's): a block without them, most, is read once, not twice
	firstOfEach(&norm, &rule, "规", 1)
	if norm.at == len(b.Text) && rule.at == len(b.Text) {
		return nil // the test below fails for every sentence
	}
	var out []docClaim
	eachBlockSentence(b, func(s sentenceCtx) {
		if !norm.within(s.start, s.end) && !rule.within(s.start, s.end) {
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
			case norm.within(s.start+base, s.start+cut):
				subject = grammar.RowNormative
				if h14bOldOtherBodiesDocs(clause) {
					subject = ""
				}
			case rule.within(s.start+base, s.start+cut) && !hasWord(clause, "规章制度"):
				subject = grammar.RowRules
			case subject == "":
				// the case below would leave it so
			case hasWord(clause, "文件") || hasWord(clause, "信息") || hasWord(clause, "政策"):
				subject = ""
			}
			if subject == "" {
				continue
			}
			// the number first: a scan for digits, where the verbs are
			// eight searches
			m := reDocNumber.Find(clause)
			if m == nil {
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

func h14bOldOtherBodiesDocs(text string) bool {
	for from := 0; ; {
		i := indexWord(text[from:], "规范性文件")
		if i < 0 {
			return false
		}
		at := from + i
		before := strings.TrimSuffix(strings.TrimSuffix(text[:at], "行政"), "的")
		for _, w := range otherBodies {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
		from = at + len("规范性文件")
	}
}

// enumPieces are what random reports for GD-W006 are made of: headings
// and items of 一是 sequences, with gaps, and the usual breakers.
var enumPieces = []string{"\n\n", "\n", "\r\n", "一、总体情况\n", "（一）主动公开\n", "（二）依申请公开\n", "二、", "1.", "一是", "二是", "三是", "四是",
	"五是", "十是", "十一是", "统一是", "第一是", "，", "。", "；", "：", "、", " ", "“", "）", "是", "我局", "加强", "𠀀", "\xff", "\xe6\x98", "一", "二",
	"表一\n| 项目 | 本年 |\n| --- | --- |\n| 主动公开 | 3 |\n"}

func TestEnumerationAsBefore(t *testing.T) {
	old := *lint.RuleByID("GD-W006")
	old.Check = h14bOldCheckEnumeration
	opts := &lint.Options{}
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
	}
	rng := rand.New(rand.NewSource(16))
	for range 3000 {
		texts = append(texts, randomText(rng, enumPieces, rng.Intn(80)))
	}
	found := 0
	for _, text := range texts {
		// parsed without the input's check: broken UTF-8 too
		rep := grammar.Parse(grammar.NewSource("report.txt", text))
		got := lint.Run(rep, []*lint.Rule{lint.RuleByID("GD-W006")}, opts)
		want := lint.Run(rep, []*lint.Rule{&old}, opts)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("GD-W006 found %v, want %v in %q", got, want, text)
		}
		// with a cache, twice (the second run recalls the matches)
		var cache, oldCache lint.ParagraphCache
		for range 2 {
			got = lint.RunCached(rep, []*lint.Rule{lint.RuleByID("GD-W006")}, opts, &cache)
			want = lint.RunCached(rep, []*lint.Rule{&old}, opts, &oldCache)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("GD-W006 with a cache found %v, want %v in %q", got, want, text)
			}
		}
		found += len(want)
	}
	if found < 300 {
		t.Fatalf("only %d findings: the test proves little", found)
	}
}

func TestDocClaimsAsBefore(t *testing.T) {
	texts := extractorTexts(t)
	rng := rand.New(rand.NewSource(17))
	for range 30000 {
		texts = append(texts, randomText(rng, countPieces, rng.Intn(60)))
	}
	found := 0
	for _, text := range texts {
		got, want := blockDocClaims(&proseBlock{Text: text}), h14bOldBlockDocClaims(&proseBlock{Text: text})
		if len(got) != 0 || len(want) != 0 {
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("blockDocClaims(%q) = %v, want %v", text, got, want)
			}
		}
		if got, want := otherBodiesDocs(text), h14bOldOtherBodiesDocs(text); got != want {
			t.Fatalf("otherBodiesDocs(%q) = %v, want %v", text, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Fatalf("found %d claims: the test proves little", found)
	}
}

// The sentences before the marks' searches were unrolled; GD-C005 before it
// read the table's bases at the first claim, GD-C006 before it named the
// cell at the first finding; the prose blocks before their run was taken
// from the pool without a new one made first, and before ReleaseRun cleared
// only the entries in use.

func h14bOldAppendSentences(out [][2]int, text string) [][2]int {
	// per kind of mark (; ! ? 。 and ；！？): its first offset at or after
	// start, len(text) when none
	next := [5]int{-1, -1, -1, -1, -1}
	start := 0
	for start < len(text) {
		at := len(text)
		for k := range next {
			if next[k] < start {
				switch k {
				case 0, 1, 2:
					next[k] = indexByteOr(text, start, ";!?"[k])
				case 3:
					// 。 by its last byte: its first, E3, begins 、 too
					next[k] = len(text)
					if j := indexWord(text[start:], "。"); j >= 0 {
						next[k] = start + j
					}
				default:
					next[k] = indexThree(text, start, 0xEF, 0xBC, "\x9b\x81\x9f") // ；！？
				}
			}
			at = min(at, next[k])
		}
		if at == len(text) {
			break
		}
		end := at + 1
		if text[at] >= utf8.RuneSelf {
			end = at + 3
		}
		out = append(out, [2]int{start, end})
		start = end
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func h14bOldCheckPercentages(c *lint.Context) {
	r := c.Report
	type base struct {
		v       float64
		zh, en  string
		cell    *grammar.Cell
		primary bool
	}
	var bases []base
	if v, cell, summed, ok := tableTotal(r, grammar.TableRequests, grammar.RowTotal); ok && v > 0 {
		zh, en := totalName(r, grammar.TableRequests, grammar.RowTotal, summed)
		bases = append(bases, base{v: v, zh: zh, en: en, cell: cell, primary: true})
	}
	newV, newCell, newSum, newOK := tableTotal(r, grammar.TableRequests, grammar.RowNew)
	if newOK && newV > 0 {
		zh, en := totalName(r, grammar.TableRequests, grammar.RowNew, newSum)
		bases = append(bases, base{v: newV, zh: zh, en: en, cell: newCell})
		if carV, _, _, ok := tableTotal(r, grammar.TableRequests, grammar.RowCarried); ok && carV > 0 {
			bases = append(bases, base{v: newV + carV, zh: "一 + 二", en: "rows 一 + 二", cell: newCell})
		}
	}
	if len(bases) == 0 || !bases[0].primary {
		return
	}
	for _, b := range narrativeBlocks(c) {
		for _, k := range factsOf(c, b).percents.get(b, blockPercentClaims) {
			n, p, decimals := k.n, k.p, k.decimals
			ptext := b.Text[k.start:k.end]
			unit := math.Pow(10, -float64(decimals))
			matches := false
			for _, bs := range bases {
				x := float64(n) / bs.v * 100
				if math.Abs(x-p) <= unit/2+1e-9 || x >= p-1e-9 && x < p+unit {
					matches = true
					break
				}
			}
			if matches {
				continue
			}
			bs := bases[0]
			want := strconv.FormatFloat(float64(n)/bs.v*100, 'f', decimals, 64)
			sp := b.Span(k.start, k.end)
			c.Emit(lint.Diagnostic{Span: sp,
				Message: fmt.Sprintf("正文称 %d 件占 %s%%，以%s %s 为基数应为 %s%%（以一、一 + 二为基数也算不上）",
					n, ptext, bs.zh, formatNumber(bs.v), want),
				MessageEN: fmt.Sprintf("the text gives %d as %s%%; out of %s (%s) it is %s%% (no other base fits either)",
					n, ptext, bs.en, formatNumber(bs.v), want),
				Fixes: []lint.Fix{{Title: "改为 " + want, TitleEN: "change to " + want,
					Edits: []lint.Edit{{Span: sp, NewText: want}}, Applicability: lint.Unsafe}},
				Related: related(bs.cell, bs.zh)})
		}
	}
}

func h14bOldCheckNarrativeFees(c *lint.Context) {
	r := c.Report
	if r.Format != grammar.Format2021 {
		return
	}
	t := r.Table(grammar.TableProactive)
	if t == nil {
		return
	}
	cell, v, ok := trustedNumber(t, grammar.RowFees, grammar.ColAmount)
	if !ok {
		return
	}
	name, nameEN := cellName(cell), cellNameEN(cell)
	for _, b := range narrativeBlocks(c) {
		for _, k := range factsOf(c, b).fees.get(b, blockFeeClaims) {
			if k.none {
				if v <= 0 {
					continue
				}
				c.Emit(lint.Diagnostic{Span: b.Span(k.start, k.end),
					Message:   fmt.Sprintf("正文称未收取行政事业性收费，%s为 %s 万元", name, formatNumber(v)),
					MessageEN: fmt.Sprintf("the text says no administrative fees were charged; %s is %s (10,000 yuan)", nameEN, formatNumber(v)),
					Related:   related(cell, name)})
				continue
			}
			if math.Abs(k.amount-v) < 0.00005 {
				continue
			}
			stated := b.Text[k.start:k.end]
			c.Emit(lint.Diagnostic{Span: b.Span(k.start, k.end),
				Message:   fmt.Sprintf("正文称行政事业性收费 %s，%s为 %s 万元", stated, name, formatNumber(v)),
				MessageEN: fmt.Sprintf("the text gives administrative fees of %s; %s is %s (10,000 yuan)", stated, nameEN, formatNumber(v)),
				Related:   related(cell, name)})
		}
	}
}

// sentencePieces are what random texts for the sentence split are made of:
// every mark, the bytes they share with other characters, broken UTF-8,
// 𠀀 and CRLF.
var sentencePieces = []string{"。", "；", "！", "？", ";", "!", "?", "，", "、", "：", "（", "）", "０", "１", "申请", "件", "𠀀", "\xff", "\xef\xbc",
	"\xe3\x80", "\x82", "\x9b", "\x81", "\x9f", "\xbc", "\r\n", "\n", " ", "a", "是"}

func TestSentencesAsBefore(t *testing.T) {
	texts := extractorTexts(t)
	rng := rand.New(rand.NewSource(18))
	for range 50000 {
		texts = append(texts, randomText(rng, sentencePieces, rng.Intn(40)))
	}
	for _, text := range texts {
		if got, want := appendSentences(nil, text), h14bOldAppendSentences(nil, text); !reflect.DeepEqual(got, want) {
			t.Fatalf("appendSentences(%q) = %v, want %v", text, got, want)
		}
	}
}

// mutatedReports are the shared reports' texts, and each with digits
// changed at random (findings of the narrative rules), in one list.
func mutatedReports(t *testing.T, seed int64, copies int) []string {
	rng := rand.New(rand.NewSource(seed))
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
	}
	for _, text := range texts[:len(texts)] {
		for range copies {
			b := []byte(text)
			for i := range b {
				if b[i] >= '0' && b[i] <= '9' && rng.Intn(10) == 0 {
					b[i] = '0' + byte(rng.Intn(10))
				}
			}
			texts = append(texts, string(b))
		}
	}
	return texts
}

func TestPercentagesAndFeesAsBefore(t *testing.T) {
	oldPct, oldFees := *lint.RuleByID("GD-C005"), *lint.RuleByID("GD-C006")
	oldPct.Check, oldFees.Check = h14bOldCheckPercentages, h14bOldCheckNarrativeFees
	newRules := []*lint.Rule{lint.RuleByID("GD-C005"), lint.RuleByID("GD-C006")}
	opts := &lint.Options{}
	texts := mutatedReports(t, 19, 8)
	// and with fees stated in the text (GD-C006's findings)
	for _, text := range texts[:len(texts)] {
		if i := strings.Index(text, "一、总体情况"); i >= 0 {
			i += strings.IndexByte(text[i:], '\n') + 1
			for _, fee := range []string{"本年度收取行政事业性收费3.5万元。", "本年度未收取行政事业性收费。", "行政事业性收费1200元。"} {
				texts = append(texts, text[:i]+"\n"+fee+"\n"+text[i:])
			}
		}
	}
	found, fees := 0, 0
	for _, text := range texts {
		rep := grammar.Parse(grammar.NewSource("report.txt", text))
		got := lint.Run(rep, newRules, opts)
		want := lint.Run(rep, []*lint.Rule{&oldPct, &oldFees}, opts)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("GD-C005, GD-C006 found %v, want %v", got, want)
		}
		found += len(want)
		for _, d := range want {
			if d.Rule == "GD-C006" {
				fees++
			}
		}
	}
	if found < 20 || fees < 5 {
		t.Fatalf("only %d findings, %d of GD-C006: the test proves little", found, fees)
	}
}

// The prose blocks' run, taken from the pool report after report (larger
// and smaller ones in turn), finds what a run of its own finds: every
// narrative rule and GD-D004, with a cache (a new run each time) and
// without one.
func TestPooledProseRunsAsFresh(t *testing.T) {
	var rules []*lint.Rule
	for _, r := range lint.Rules() {
		if r.Family == lint.FamilyNarrative || r.ID == "GD-D004" || r.ID == "GD-W007" {
			rules = append(rules, r)
		}
	}
	opts := &lint.Options{}
	texts := mutatedReports(t, 20, 2)
	rng := rand.New(rand.NewSource(21))
	found := 0
	for range 3 {
		rng.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
		for _, text := range texts {
			rep := grammar.Parse(grammar.NewSource("report.txt", text))
			var cache lint.ParagraphCache
			want := lint.RunCached(rep, rules, opts, &cache)
			if got := lint.Run(rep, rules, opts); !reflect.DeepEqual(got, want) {
				t.Fatalf("a pooled run found %v, want %v", got, want)
			}
			found += len(want)
		}
	}
	if found < 100 {
		t.Fatalf("only %d findings: the test proves little", found)
	}
}
