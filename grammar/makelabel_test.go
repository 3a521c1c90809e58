package grammar

import (
	"math/rand"
	"testing"
)

// refMakeLabel is parser.makeLabel as it was: a whole Label built and
// copied into the new one.
func refMakeLabel(p *parser, tk *token) *Label {
	e := tk.entry
	l := p.labels.next()
	*l = Label{Kind: e.kind, Span: p.span(tk.start, tk.end), Text: tk.text, Canonical: e.label, Row: e.row, Col: e.col}
	l.Exact = !e.variant && tk.how == howExact && !e.unnumered
	l.Normalized = l.Exact && tk.text == e.label
	switch {
	case tk.how != howExact:
		l.How = howNames[tk.how]
	case e.variant:
		l.How = "variant"
	case e.unnumered:
		l.How = "unnumbered"
	}
	return l
}

// makeLabel makes the label it made when it copied a whole Label in and
// compared every token's text with its label: for every spelling of every
// template's labels, as found (known canonical or not), with another text
// (a variant, a typo, 𠀀, invalid UTF-8, CRLF) and each way it was matched,
// on the source itself and through a view.
func TestMakeLabelAsBefore(t *testing.T) {
	texts := []string{"", "（一）予以公开", "予以公开", "𠀀", "\xff\xfe", "行政许可\r\n"}
	hows := []tokHow{howExact, howTypo, howTruncated, howPosition}
	rng := rand.New(rand.NewSource(71))
	views := []*View{{}, {pieces: []piece{{L: 0, S: 3, LLen: 1 << 20, SLen: 1 << 20}}}}
	n := 0
	for _, def := range tableDefs {
		for _, e := range matcherFor(def).all {
			for _, v := range views {
				p := &parser{v: v}
				for _, text := range append(texts, e.label, e.keyText) {
					start := rng.Intn(100)
					tk := &token{kind: tokLabel, start: start, end: start + len(text), text: text, entry: e, how: hows[rng.Intn(len(hows))], line: 1}
					// as the matcher's memory knows it, or not known
					tk.canonical = text == e.label && rng.Intn(2) == 0
					got, want := p.makeLabel(tk), refMakeLabel(p, tk)
					if got == want || *got != *want {
						t.Fatalf("makeLabel(%+v) = %+v, before %+v", tk, got, want)
					}
					n++
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d labels made", n)
	}
}

// A tokHow is named as the strings it replaced were: fuzzy's answers and
// "position", each back to its name.
func TestHowNames(t *testing.T) {
	for _, name := range []string{"", "truncated", "typo", "position"} {
		if got := howNames[howOf(name)]; got != name {
			t.Fatalf("howNames[howOf(%q)] = %q", name, got)
		}
	}
	if howOf("other") != howExact {
		t.Fatal("an unknown name is not howExact")
	}
}
