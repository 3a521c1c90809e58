package rules

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
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
