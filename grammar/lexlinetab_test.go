package grammar

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// refLexLineTab is lexLineTab as it was before the cells' scans were
// bounded by the line's text cut at its last cell (and a trailing empty
// cell found without IndexByte).
func refLexLineTab(lx *lexer, li, s, e, tab int) {
	t := lx.p.text
	line := t[s:e]
	sep := byte(0)
	switch {
	case tab >= 0:
		sep = '\t'
		lx.tabs = true
	case strings.IndexByte(line, '|') >= 0 && (strings.HasPrefix(line, "|") || strings.HasSuffix(line, "|") || strings.Count(line, "|") >= 2):
		sep = '|'
		lx.pipes = true
	}
	if sep == 0 {
		lx.lexCell(li, s, e, false)
		return
	}
	// "\t0" (Word export, one cell per paragraph) is one indented cell
	// (a line that does not start with its tab is not)
	if sep == '\t' && tab == 0 {
		lead := 1 // the leading tabs (strings.TrimLeft, by hand)
		for lead < len(line) && line[lead] == '\t' {
			lead++
		}
		if rest := line[lead:]; strings.IndexByte(rest, '\t') < 0 {
			if rest == "" {
				lx.addValue(tokEmpty, s, s, "", li, false)
				return
			}
			lx.lexCell(li, s+len(line)-len(rest), e, true)
			return
		}
	}
	if line == "|" {
		// one cell per line: a lone separator is a blank cell (its span
		// is the separator, which a fix replaces)
		lx.addValue(tokEmpty, s, e, "", li, false)
		return
	}
	// the cells are those between separators, but for none before a
	// leading '|' and none after a trailing one
	from, to := s, e
	if sep == '|' {
		if line[0] == '|' {
			from++
		}
		if line[len(line)-1] == '|' {
			to--
		}
	}
	// j: the next separator's offset from from, when known (the first
	// tab's is), else unknownSep
	const unknownSep = -2
	j := tab
	if sep == '|' {
		j = unknownSep
	}
	for {
		// a cell of ASCII digits between spaces (most cells: | 12 |)
		// is the whole number lexCell makes of the trimmed cell, read as
		// the separator is looked for
		a := from
		for a < to && t[a] == ' ' {
			a++
		}
		k := a
		for k < to && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		z := k
		for z < to && t[z] == ' ' {
			z++
		}
		if k > a && (z == to || t[z] == sep) && !lx.m.digitsKey {
			lx.addValue(tokNumber, a, k, t[a:k], li, true)
			if z == to {
				return
			}
			from, j = z+1, unknownSep
			continue
		}
		if j == unknownSep {
			if from < to && t[from] == sep {
				j = 0 // an empty cell between two separators (\t\t)
			} else {
				j = strings.IndexByte(t[from:to], sep)
			}
		}
		end := to
		if j >= 0 {
			end = from + j
		}
		cs, ce := from, end
		if cs < ce && (spaceLeadByte[t[cs]] || spaceTailByte[t[ce-1]]) {
			cs, ce = trimSpan(t, cs, ce) // most cells have nothing to trim
		}
		if cs == ce {
			lx.addValue(tokEmpty, from, from, "", li, false)
		} else {
			lx.lexCell(li, cs, ce, true)
		}
		if j < 0 {
			return
		}
		from, j = end+1, unknownSep
	}
}

// lexLineTab lexes every line as refLexLineTab: the lines of the real and
// broken reports (LF and CRLF) by every template, and random lines of
// tabs, pipes, spaces, digits, labels, 𠀀 and invalid UTF-8, also with a
// template whose labels include one of digits.
func TestLexLineTabAsRef(t *testing.T) {
	check := func(text string, m *matcher, li, s, e int) {
		p := &parser{text: text}
		tab := strings.IndexByte(text[s:e], '\t')
		got, want := &lexer{p: p, m: m}, &lexer{p: p, m: m}
		got.lexLineTab(li, s, e, tab)
		refLexLineTab(want, li, s, e, tab)
		if !slices.Equal(got.toks, want.toks) || !slices.Equal(got.labelAt, want.labelAt) || got.labels != want.labels ||
			got.glued != want.glued || got.tabs != want.tabs || got.pipes != want.pipes {
			t.Fatalf("%q lexes as %+v, want %+v", text[s:e], got.toks, want.toks)
		}
	}
	lines := 0
	for _, text := range brokenTexts(t, 2) {
		for _, text := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
			for _, def := range tableDefs {
				m := matcherFor(def)
				start := 0
				for li, l := range strings.SplitAfter(text, "\n") {
					s, e := trimKeepTabs(text, start, start+len(strings.TrimRight(l, "\r\n")))
					start += len(l)
					if s == e {
						continue
					}
					check(text, m, li, s, e)
					lines++
				}
			}
		}
	}
	digitsDef := &TableDef{ID: TableRequests, Name: "数字", Rows: []*RowDef{{Key: "n", Label: "12", Cols: Table2.Rows[0].Cols}}}
	pieces := []string{"\t", "\t", "|", "|", " ", "  ", "\u3000", "0", "12", "3", "１２", "-3", "4.5", "/", "无", "规章", "（一）予以公开", "𠀀", "\xff", "\r", ""}
	rng := rand.New(rand.NewSource(29))
	for i := range 100000 {
		m := matcherFor(Table2)
		if i%3 == 2 {
			m = matcherFor(digitsDef)
		}
		line := randomText(rng, pieces, 1+rng.Intn(12))
		// the line within a text, whose bytes after it (CRLF, cells)
		// are not its own
		before := randomText(rng, pieces, rng.Intn(3))
		text := before + "\n" + line + "\r\n" + randomText(rng, pieces, rng.Intn(3))
		s, e := trimKeepTabs(text, len(before)+1, len(before)+1+len(line))
		if s == e {
			continue
		}
		check(text, m, 1, s, e)
		lines++
	}
	if lines < 100000 {
		t.Fatalf("only %d lines", lines)
	}
}
