package grammar

import (
	"slices"
	"strings"
	"testing"
)

// refLabelFor is labelFor as it was: the first label of the table with the
// token's span, else a new one.
func refLabelFor(p *parser, t *Table, tk *token) *Label {
	sp := p.span(tk.start, tk.end)
	for _, l := range t.Labels {
		if l.Span == sp {
			return l
		}
	}
	return p.makeLabel(tk)
}

// Every row's label is the one the search by span finds: the first of the
// table's labels with its span, or none of them. On every table of the real
// and broken reports (LF and CRLF) by every template, and on the labels of
// each table's label tokens asked again.
func TestLabelForAsTheSearchBySpan(t *testing.T) {
	rows := 0
	for _, text := range brokenTexts(t, 2) {
		for _, text := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
			p := parserBeforeTables(text)
			for id := 1; id <= 3; id++ {
				a, b, ok := p.tableRegion(id)
				if !ok {
					continue
				}
				for _, def := range tableDefs {
					if def.ID != id {
						continue
					}
					lx := p.lexRegion(def, a, b)
					lx.releaseTrailingText()
					if len(lx.toks) == 0 {
						p.releaseLexers()
						continue
					}
					tb := p.readTokens(def, lx)
					for _, r := range tb.Rows {
						if r.Label == nil {
							continue
						}
						rows++
						i := slices.IndexFunc(tb.Labels, func(l *Label) bool { return l.Span == r.Label.Span })
						if i >= 0 && tb.Labels[i] != r.Label || i < 0 && slices.Contains(tb.Labels, r.Label) {
							t.Fatalf("row %s: label %+v, the search by span finds %d", r.Def.Key, *r.Label, i)
						}
					}
					for k := range lx.toks {
						if tk := &lx.toks[k]; tk.kind == tokLabel {
							if got, want := p.labelFor(tb, tk), refLabelFor(p, tb, tk); got != want {
								t.Fatalf("%q: labelFor %+v, the search by span %+v", tk.text, *got, *want)
							}
						}
					}
					p.releaseLexers()
				}
			}
		}
	}
	if rows < 1000 {
		t.Fatalf("only %d rows with a label", rows)
	}
}
