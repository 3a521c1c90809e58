package rules

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
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

// oldClauseEnd is clauseEnd before it passed eight bytes at a time.
func oldClauseEnd(text string, from int) (end, next int) {
	for i := from; i < len(text); i++ {
		switch text[i] {
		case ',', ';', ':':
			return i, i + 1
		case 0xE3:
			if strings.HasPrefix(text[i:], "、") {
				return i, i + 3
			}
		case 0xEF:
			if strings.HasPrefix(text[i:], "，") || strings.HasPrefix(text[i:], "；") || strings.HasPrefix(text[i:], "：") {
				return i, i + 3
			}
		}
	}
	return len(text), len(text) + 1
}

func TestClauseEndAsBefore(t *testing.T) {
	cuts := 0
	for _, text := range append(sixthRoundTexts(t, 64), randomTexts(65, 3000)...) {
		for from := 0; from <= len(text); from++ {
			ge, gn := clauseEnd(text, from)
			we, wn := oldClauseEnd(text, from)
			if ge != we || gn != wn {
				t.Fatalf("clauseEnd(%q, %d) = %d, %d, want %d, %d", text, from, ge, gn, we, wn)
			}
			if ge < len(text) {
				cuts++
			}
		}
	}
	if cuts < 100000 {
		t.Fatalf("only %d cuts", cuts)
	}
}

// firstOfEach leaves the two cursors as their first questions over the
// whole text did, and later questions answer as before.
func TestFirstOfEachAsWithin(t *testing.T) {
	rng := rand.New(rand.NewSource(66))
	pieces := []string{"规", "规范性文件", "规章", "规章制度", "范性文件", "章", "\xe8\xa7", "\xa7\x84", "𠀀", "\xff", "，", "的", "\r\n", "a"}
	texts := sixthRoundTexts(t, 67)
	for range 30000 {
		texts = append(texts, randomText(rng, pieces, rng.Intn(12)))
	}
	found := 0
	for _, text := range texts {
		norm := wordAfter{text: text, word: "规范性文件", k: 1, at: -1}
		rule := wordAfter{text: text, word: "规章", k: 4, at: -1}
		firstOfEach(&norm, &rule, "规", 1)
		oldNorm := wordAfter{text: text, word: "规范性文件", k: 1, at: -1}
		oldRule := wordAfter{text: text, word: "规章", k: 4, at: -1}
		if norm.within(0, len(text)) != oldNorm.within(0, len(text)) || rule.within(0, len(text)) != oldRule.within(0, len(text)) ||
			norm.at != oldNorm.at || rule.at != oldRule.at {
			t.Fatalf("firstOfEach(%q) = %d, %d, want %d, %d", text, norm.at, rule.at, oldNorm.at, oldRule.at)
		}
		if norm.at < len(text) || rule.at < len(text) {
			found++
		}
		for start := 0; start < len(text); start += 1 + rng.Intn(9) {
			end := start + rng.Intn(len(text)-start+1)
			if norm.within(start, end) != oldNorm.within(start, end) || rule.within(start, end) != oldRule.within(start, end) {
				t.Fatalf("within(%d, %d) of %q answers otherwise after firstOfEach", start, end, text)
			}
		}
	}
	if found < 10000 {
		t.Fatalf("only %d texts hold a word", found)
	}
}

// oldCheckNarrativeRequests is GD-C001's check before it read the figures
// of 表三 on first use and checked the claims as they came.
func oldCheckNarrativeRequests(c *lint.Context) {
	r := c.Report
	fig := oldRequestFigures{
		newF: figureOf(r, grammar.TableRequests, grammar.RowNew),
		car:  figureOf(r, grammar.TableRequests, grammar.RowCarried),
		tot:  figureOf(r, grammar.TableRequests, grammar.RowTotal),
		out:  figureOf(r, grammar.TableRequests, grammar.RowCarryOver),
	}
	for _, cl := range requestClaims(c) {
		oldCheckRequestClaim(c, cl, &fig)
	}
	checkNoRequestsClaim(c, fig.newF)
}

type oldRequestFigures struct{ newF, car, tot, out rowFigure }

func oldCheckRequestClaim(c *lint.Context, cl requestClaim, fig *oldRequestFigures) {
	n := float64(cl.value)
	newF, car, tot := fig.newF, fig.car, fig.tot
	switch cl.kind {
	case "new":
		emitClaimMismatch(c, cl, newF, "正文称新收申请 %d 件，%s为 %s", "the text says %d new applications; %s is %s")
	case "received":
		if !newF.ok || n == newF.v || car.ok && n == newF.v+car.v {
			return
		}
		zh := fmt.Sprintf("正文称收到申请 %d %s，%s为 %s", cl.value, cl.unit, newF.zh, formatNumber(newF.v))
		en := fmt.Sprintf("the text says %d applications were received; %s is %s", cl.value, newF.en, formatNumber(newF.v))
		var fixes []lint.Fix
		if car.ok && car.v > 0 {
			zh += fmt.Sprintf("（加上“%s”%s 件为 %s）", grammar.Table2.Row(grammar.RowCarried).Label, formatNumber(car.v), formatNumber(newF.v+car.v))
			en += fmt.Sprintf(" (%s with the %s carried over)", formatNumber(newF.v+car.v), formatNumber(car.v))
		} else {
			fixes = numberFix(cl.span, newF.v)
		}
		c.Emit(lint.Diagnostic{Span: cl.span, Message: zh, MessageEN: en, Fixes: fixes, Related: related(newF.cell, newF.zh)})
	case "either":
		if !newF.ok || n == newF.v || car.ok && n == newF.v+car.v || tot.ok && n == tot.v {
			return
		}
		zh := fmt.Sprintf("正文称办理申请 %d 件，与表格不符：%s为 %s", cl.value, newF.zh, formatNumber(newF.v))
		en := fmt.Sprintf("the text says %d applications were handled, which matches no table figure: %s is %s", cl.value, newF.en, formatNumber(newF.v))
		if car.ok {
			zh += fmt.Sprintf("，加上年结转为 %s", formatNumber(newF.v+car.v))
			en += fmt.Sprintf(", %s with those carried over", formatNumber(newF.v+car.v))
		}
		if tot.ok {
			zh += fmt.Sprintf("，%s为 %s", tot.zh, formatNumber(tot.v))
			en += fmt.Sprintf(", %s is %s", tot.en, formatNumber(tot.v))
		}
		c.Emit(lint.Diagnostic{Span: cl.span, Message: zh, MessageEN: en, Related: related(newF.cell, newF.zh)})
	case "handled":
		emitClaimMismatch(c, cl, tot, "正文称办结申请 %d 件，%s为 %s", "the text says %d applications were completed; %s is %s")
	case "carried":
		emitClaimMismatch(c, cl, car, "正文称上年结转申请 %d 件，%s为 %s", "the text says %d applications were carried over from last year; %s is %s")
	case "carryover":
		emitClaimMismatch(c, cl, fig.out, "正文称结转下年度继续办理 %d 件，%s为 %s", "the text says %d applications are carried into next year; %s is %s")
	}
}

// GD-C001 finds what it found before on the seeds and the corpus, and on
// the seeds with their digits changed at random (claims that disagree with
// the tables in every way, tables that no longer balance).
func TestNarrativeRequestsAsBefore(t *testing.T) {
	var rule *lint.Rule
	for _, r := range lint.Rules() {
		if r.ID == "GD-C001" {
			rule = r
		}
	}
	old := *rule
	old.Check = oldCheckNarrativeRequests
	reps := sharedReports(t)
	rng := rand.New(rand.NewSource(68))
	for _, p := range testshared.Seeds(t) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for range 40 {
			b := []byte(string(raw))
			for i, c := range b {
				if c >= '0' && c <= '9' && rng.Intn(4) == 0 {
					b[i] = byte('0' + rng.Intn(10))
				}
			}
			rep, err := input.Parse(p, b)
			if err != nil {
				t.Fatal(err)
			}
			reps = append(reps, rep)
		}
	}
	found := 0
	for _, rep := range reps {
		got := lint.Run(rep, []*lint.Rule{rule}, &lint.Options{Now: realNow})
		want := lint.Run(rep, []*lint.Rule{&old}, &lint.Options{Now: realNow})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: GD-C001 finds %v, want %v", rep.Source.Path, got, want)
		}
		found += len(got)
	}
	if found < 100 {
		t.Fatalf("only %d findings", found)
	}
}
