package grammar

import (
	"slices"
	"testing"
)

// refCutSegments is cutSegments as it was before a row's values after its
// first joined it in a loop of their own: token by token.
func refCutSegments(p *parser, t *Table, lx *lexer, ss *segments) []*segment {
	segs := ss.segs[:0]
	// the values of the current segment are the run vals[run:n], given
	// to it when it ends (setRun): each token is a value once, and vals
	// has room for every token
	vals, n, run := ss.vals, 0, 0
	var cur *segment
	seenRow := false
	toks := lx.toks
	for i := range toks {
		tk := &toks[i]
		switch {
		case tk.kind == tokLabel && tk.entry.kind == LabelRow:
			setRun(cur, vals, run, n)
			cur, run = ss.add(segment{label: tk, order: tk.entry.order}), n
			segs = append(segs, cur)
			seenRow = true
		case tk.kind == tokLabel:
			setRun(cur, vals, run, n)
			cur = nil // a group or header label ends the row before it
		case tk.kind == tokText:
			switch {
			case cur != nil && n > run && tk.whole && shortValueText(tk.text):
				vals[n] = tk // 减4: a value that is not a number
				n++
			case cur != nil && n == run && !containsDigit(tk.text):
				// a label broken over two cells or lines: the rest of it
			case tk.whole && seenRow && hasCJK(tk.text):
				setRun(cur, vals, run, n)
				cur, run = ss.add(segment{label: tk, order: -1}), n
				segs = append(segs, cur)
			default:
				if containsDigit(tk.text) || seenRow {
					p.unplaced(t, tk, "表格中的文字不是模板的标签")
				}
				setRun(cur, vals, run, n)
				cur = nil
			}
		default:
			if cur == nil {
				if tk.kind == tokEmpty {
					continue
				}
				cur, run = ss.add(segment{order: -1}), n
				segs = append(segs, cur)
			}
			vals[n] = tk
			n++
		}
	}
	setRun(cur, vals, run, n)
	ss.n = n
	return segs
}

// cutSegments cuts the tokens of every table of the real and broken
// reports, by every template, into the segments, values and unplaced text
// it cut them into token by token.
func TestCutSegmentsAsTokenByToken(t *testing.T) {
	values := 0
	for _, text := range brokenTexts(t, 3) {
		p := parserBeforeTables(text)
		for id := 1; id <= 3; id++ {
			a, b, ok := p.tableRegion(id)
			if !ok {
				continue
			}
			for _, def := range []*TableDef{Table1, Table2, Table3, Table1For2019, Table2For2019} {
				lx := p.lexRegion(def, a, b)
				lx.releaseTrailingText()
				tb := &Table{ID: def.ID, Def: def}
				ssGot, ssWant := getSegments(len(lx.toks), len(def.Rows)), getSegments(len(lx.toks), len(def.Rows))
				before := len(p.r.Unplaced)
				got := p.cutSegments(tb, lx, ssGot)
				mid := len(p.r.Unplaced)
				want := refCutSegments(p, tb, lx, ssWant)
				if ssGot.n != ssWant.n || len(got) != len(want) || mid-before != len(p.r.Unplaced)-mid {
					t.Fatalf("%d values in %d segments, %d unplaced; token by token %d in %d, %d",
						ssGot.n, len(got), mid-before, ssWant.n, len(want), len(p.r.Unplaced)-mid)
				}
				for k := range got {
					g, w := got[k], want[k]
					if g.label != w.label || g.order != w.order || !slices.Equal(g.values, w.values) {
						t.Fatalf("segment %d: %+v, token by token %+v", k, *g, *w)
					}
					values += len(g.values)
				}
				for k := before; k < mid; k++ {
					if *p.r.Unplaced[k] != *p.r.Unplaced[mid+k-before] {
						t.Fatalf("unplaced %+v, token by token %+v", *p.r.Unplaced[k], *p.r.Unplaced[mid+k-before])
					}
				}
				ssGot.release()
				ssWant.release()
				p.releaseLexers()
			}
		}
	}
	if values < 10000 {
		t.Fatalf("only %d values", values)
	}
}
