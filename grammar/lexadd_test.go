package grammar

import (
	"hash/maphash"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// refAddValue is lexer.addValue as it was written: add of a token literal.
func refAddValue(lx *lexer, kind tokKind, s, e int, text string, li int, digits bool) {
	lx.add(token{kind: kind, start: s, end: e, text: text, line: li, whole: true, digits: digits})
}

// refAddCell is lexer.addCell as it was written: add of a token literal.
func refAddCell(lx *lexer, ct *cellToken, s, li int) {
	t := lx.p.text
	lx.add(token{kind: ct.kind, start: s + ct.start, end: s + ct.end, text: t[s+ct.start : s+ct.end],
		entry: ct.entry, how: ct.how, line: li, whole: ct.whole, digits: ct.digits})
}

// addValue and addCell leave a lexer as add of the token literal did, from
// an empty lexer, one with room, and one whose room past its tokens holds
// other tokens; the tokens of every kind, on random offsets of a text with
// 𠀀, invalid UTF-8 and CRLF.
func TestAddValueAndCellAsAdd(t *testing.T) {
	text := "行政许可\t12\r\n𠀀\xff\t无\r\n（一）予以公开 3个\n"
	p := &parser{text: text}
	en := &labelEntry{label: "行政许可", kind: LabelRow}
	junk := token{kind: tokLabel, start: 7, end: 9, text: "junk", entry: en, how: howTypo, line: 99, whole: true, digits: true, label: 3}
	rng := rand.New(rand.NewSource(5))
	for round := range 2000 {
		got, want := &lexer{p: p}, &lexer{p: p}
		switch round % 3 {
		case 1:
			got.toks, want.toks = make([]token, 0, 4), make([]token, 0, 4)
		case 2:
			got.toks = slices.Repeat([]token{junk}, 6)[:0]
		}
		li := 0
		for range rng.Intn(12) {
			li += rng.Intn(2)
			s := rng.Intn(len(text))
			e := s + rng.Intn(len(text)-s+1)
			if rng.Intn(2) == 0 {
				kind := []tokKind{tokNumber, tokEmpty, tokPlaceholder}[rng.Intn(3)]
				digits := rng.Intn(2) == 0
				got.addValue(kind, s, e, text[s:e], li, digits)
				refAddValue(want, kind, s, e, text[s:e], li, digits)
			} else {
				ct := &cellToken{kind: tokKind(rng.Intn(int(tokText) + 1)), start: 0, end: e - s, whole: rng.Intn(2) == 0, digits: rng.Intn(2) == 0}
				if ct.kind == tokLabel {
					ct.entry = en
					ct.how = []tokHow{howExact, howTypo, howTruncated}[rng.Intn(3)]
					ct.canonical = text[s:e] == en.label // as the lexer remembers it
				}
				got.addCell(ct, s, li)
				refAddCell(want, ct, s, li)
			}
			if !slices.Equal(got.toks, want.toks) || got.firstStart() != want.firstStart() || got.lastEnd() != want.lastEnd() ||
				got.labels != want.labels {
				t.Fatalf("addValue/addCell: %+v, add: %+v", got, want)
			}
		}
	}
}

// cellHash spreads the cells of the real reports over the slots about as
// maphash did, which it replaced (a cell whose slot another holds is read
// from the map: as right, only slower).
func TestCellHashSpreadsCells(t *testing.T) {
	seen := map[string]bool{}
	for _, ln := range realLines(t) {
		for _, c := range strings.FieldsFunc(ln, func(r rune) bool { return r == '\t' || r == '|' }) {
			if c = strings.TrimSpace(c); c != "" && len(c) <= maxRememberedCell && !asciiDigits(c) {
				seen[c] = true
			}
		}
	}
	// the first 800 cells in order, about as many as the slots hold
	cells := make([]string, 0, len(seen))
	for c := range seen {
		cells = append(cells, c)
	}
	slices.Sort(cells)
	if len(cells) < 800 {
		t.Fatalf("only %d cells", len(cells))
	}
	cells = cells[:800]
	seed := maphash.MakeSeed()
	taken, takenRef := map[uint64]bool{}, map[uint64]bool{}
	for _, c := range cells {
		taken[cellHash(c)] = true
		takenRef[maphash.String(seed, c)&(1<<cellSlotBits-1)] = true
		if h := cellHash(c); h >= 1<<cellSlotBits {
			t.Fatalf("cellHash(%q) = %d, past the slots", c, h)
		}
	}
	if len(taken) < len(takenRef)*9/10 {
		t.Fatalf("%d cells take %d slots, by maphash %d", len(cells), len(taken), len(takenRef))
	}
}
