package grammar

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// refLexRegion is lexRegion as it was before a line of one number took a
// short way: every line through lexLineTab.
func refLexRegion(p *parser, def *TableDef, a, b int) *lexer {
	// about a token per 6 bytes of a table (a number, a label, a gap; 5 to
	// 23 bytes in the seed and corpus tables): room made once instead of
	// growing the slice a dozen times. A tighter guess that falls short
	// allocates more in the end (a 10-byte guess: 1.41 MB a seed run, this
	// one 1.26 MB, none 1.40 MB).
	lx, _ := lexerPool.Get().(*lexer)
	if lx == nil {
		lx = &lexer{}
	}
	// the buffers of a pooled lexer are kept, empty
	*lx = lexer{p: p, m: matcherFor(def), lexed: lx.lexed[:0]}
	lx.toks, lx.tokBuf = getTokens((b-a)/6 + 16)
	p.lexers = append(p.lexers, lx)
	// the lines that overlap [a, b), and room for them in lexed
	from := max(p.lineAt(a), 0)
	if n := p.lineAt(b-1) - from + 1; n > cap(lx.lexed) {
		lx.lexed = make([]Span, 0, n)
	}
	for li := from; li < len(p.lines); li++ {
		ln := p.lines[li]
		if ln.start >= b {
			break
		}
		if ln.end <= a {
			continue
		}
		s, e := ln.start, ln.end
		if s < a {
			s = a
		}
		if e > b {
			e = b
		}
		// most lines have nothing to trim (a tab is kept: a line of cells
		// that starts with one is read as it is)
		if s < e && (trimLeadByte[p.text[s]] || trimTailByte[p.text[e-1]]) {
			s, e = trimKeepTabs(p.text, s, e)
		}
		if s == e || p.isResidueLine(li) {
			continue
		}
		if ln.start < a {
			// the region starts inside a line (a heading in crawler text):
			// sentences between the heading and the table are not cells
			if s = lx.skipSentences(s, e); s == e {
				continue
			}
		}
		text := p.text[s:e]
		if c := text[0]; (c == '|' || c == '-' || c == ':') && reMDSeparator.MatchString(text) {
			continue
		}
		// prose inside the region stays prose (a line with a tab is none)
		tab := strings.IndexByte(text, '\t')
		if tab < 0 && isProse(text) && !lx.startsWithLabel(s, e) {
			continue
		}
		if text[0] == '#' {
			m := reMDHeading.FindStringIndex(text)
			s += m[1]
			tab = strings.IndexByte(p.text[s:e], '\t')
		}
		lx.lexLineTab(li, s, e, tab)
		lx.lexed = append(lx.lexed, Span{s, e})
	}
	return lx
}

// refReleaseTrailingText is releaseTrailingText as it was before add
// counted the labels and the last line of a label or value: a pass over the
// tokens; and before the lexer no longer noted the line of each lexed span
// (found here by its start).
func refReleaseTrailingText(lx *lexer) {
	last, labels := -1, 0
	for i := range lx.toks {
		if tk := &lx.toks[i]; tk.kind != tokText {
			last = tk.line
			if tk.kind == tokLabel {
				labels++
			}
		}
	}
	lx.labels = labels
	k := len(lx.toks)
	for k > 0 && lx.toks[k-1].line > last {
		k--
	}
	lx.used = max(lx.used, len(lx.toks))
	lx.toks = lx.toks[:k]
	j := len(lx.lexed)
	for j > 0 && lx.p.lineAt(lx.lexed[j-1].Start) > last {
		j--
	}
	lx.lexed = lx.lexed[:j]
}

// lexRegionMatches lexes text[a:b] by def with lexRegion and with
// refLexRegion and says where they differ.
func lexRegionMatches(t *testing.T, p *parser, def *TableDef, a, b int) (numbers int) {
	t.Helper()
	got := p.lexRegion(def, a, b)
	want := refLexRegion(p, def, a, b)
	if !slices.Equal(got.toks, want.toks) || !slices.Equal(got.lexed, want.lexed) ||
		got.firstStart() != want.firstStart() || got.lastEnd() != want.lastEnd() ||
		got.glued != want.glued || got.tabs != want.tabs || got.pipes != want.pipes {
		t.Fatalf("%q by %s %d: lexRegion %+v, every line lexed %+v", p.text[a:b], def.Format, def.ID, got, want)
	}
	for _, tk := range got.toks {
		if tk.kind == tokNumber {
			numbers++
		}
	}
	// and the trailing text goes as it went with a pass over the tokens
	got.releaseTrailingText()
	refReleaseTrailingText(want)
	if !slices.Equal(got.toks, want.toks) || !slices.Equal(got.lexed, want.lexed) ||
		got.lastEnd() != want.lastEnd() || got.labels != want.labels || got.used != want.used {
		t.Fatalf("%q by %s %d: after releaseTrailingText %+v, with a pass over the tokens %+v", p.text[a:b], def.Format, def.ID, got, want)
	}
	p.releaseLexers()
	return numbers
}

// A table region lexes as when every line went through lexLineTab, and its
// trailing text goes as with a pass over its tokens: the
// tables of the real and broken reports (LF and CRLF) by every template,
// and random lines of numbers after tabs or spaces, cells and labels, also
// with a template whose labels include one of digits.
func TestLexRegionAsEveryLineLexed(t *testing.T) {
	defs := tableDefs
	numbers := 0
	for _, text := range brokenTexts(t, 2) {
		for _, text := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
			p := parserBeforeTables(text)
			for id := 1; id <= 3; id++ {
				a, b, ok := p.tableRegion(id)
				if !ok {
					continue
				}
				for _, def := range defs {
					numbers += lexRegionMatches(t, p, def, a, b)
				}
			}
		}
	}
	digitsDef := &TableDef{ID: TableRequests, Name: "数字", Rows: []*RowDef{{Key: "n", Label: "12", Cols: Table2.Rows[0].Cols}}}
	if !matcherFor(digitsDef).digitsKey {
		t.Fatal("a label of digits is not digitsKey")
	}
	pieces := []string{"\t", "\t", "0", "12", "3456", "１２", " ", "\u3000", "|", "-", "𠀀", "\xff", "3.其他", "（一）予以公开", "规章", "无", "#", "。", "\n", "\r\n", "\n\t0\n", "\n12\n"}
	rng := rand.New(rand.NewSource(47))
	for range 20000 {
		text := randomText(rng, pieces, 1+rng.Intn(12))
		p := parserBeforeTables(text)
		a := rng.Intn(len(text) + 1)
		for a > 0 && a < len(text) && text[a]&0xC0 == 0x80 {
			a--
		}
		if a == len(text) || rng.Intn(2) == 0 {
			a = 0
		}
		for _, def := range []*TableDef{Table2, digitsDef} {
			numbers += lexRegionMatches(t, p, def, a, len(text))
		}
	}
	// a column's label of more than twenty characters with a digit,
	// misspelt, is no labelLike cell, and flushTextAs leaves it text: its
	// one text token becomes the label after scanCell (scanCellTokens),
	// which add counted as text (a template of its own for each text: the
	// cell is scanned, not read from the matcher's memory)
	cols := []*ColDef{{Key: "c", Label: "第2类申请人提出的政府信息公开申请处理结果数量"}}
	for _, cell := range []string{"第2类申请人提出的政府信息公开申请处理结果数星", "第2类申请人提出的政府信息公开申请处理结里数量"} {
		for _, text := range []string{"\t" + cell + "\t0", "\t" + cell + "\n说明文字", cell, "自然人\t1\n" + cell} {
			p := parserBeforeTables(text)
			typoDef := &TableDef{ID: TableRequests, Name: "数字", Rows: []*RowDef{{Key: "n", Label: "自然人", Cols: cols}}}
			lexRegionMatches(t, p, typoDef, 0, len(text))
			lx := p.lexRegion(typoDef, 0, len(text))
			if !slices.ContainsFunc(lx.toks, func(tk token) bool { return tk.kind == tokLabel && tk.how == howTypo }) {
				t.Fatalf("%q: no misspelt label read: %+v", text, lx.toks)
			}
			p.releaseLexers()
		}
	}
	if numbers < 10000 {
		t.Fatalf("only %d numbers lexed", numbers)
	}
}
