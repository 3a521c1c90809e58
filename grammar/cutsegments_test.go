package grammar

import (
	"fmt"
	"reflect"
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
			refSetRun(cur, vals, run, n)
			cur, run = ss.add(segment{label: tk, order: tk.entry.order}), n
			segs = append(segs, cur)
			seenRow = true
		case tk.kind == tokLabel:
			refSetRun(cur, vals, run, n)
			cur = nil // a group or header label ends the row before it
		case tk.kind == tokText:
			switch {
			case cur != nil && n > run && tk.whole && shortValueText(tk.text):
				vals[n] = tk // 减4: a value that is not a number
				n++
			case cur != nil && n == run && !containsDigit(tk.text):
				// a label broken over two cells or lines: the rest of it
			case tk.whole && seenRow && hasCJK(tk.text):
				refSetRun(cur, vals, run, n)
				cur, run = ss.add(segment{label: tk, order: -1}), n
				segs = append(segs, cur)
			default:
				if containsDigit(tk.text) || seenRow {
					p.unplaced(t, tk, "表格中的文字不是模板的标签")
				}
				refSetRun(cur, vals, run, n)
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
	refSetRun(cur, vals, run, n)
	ss.n = n
	return segs
}

// refSetRun is setRun before the segments counted their values.
func refSetRun(sg *segment, vals []*token, run, n int) {
	if sg != nil && n > run {
		sg.values = vals[run:n:n]
	}
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
			for _, def := range tableDefs {
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
					if g.filled != nonEmpty(g.values) {
						t.Fatalf("segment %d: %d filled of %d values, counted %d", k, g.filled, len(g.values), nonEmpty(g.values))
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

// plainOrphansFit is orphansFit counting the orphans' values.
func plainOrphansFit(def *TableDef, orphans []*segment, missing []int, ordered bool) bool {
	fits := len(orphans) > 0 && len(orphans) == len(missing) && ordered
	for k := 0; fits && k < len(orphans); k++ {
		n := len(def.Rows[missing[k]].Cols)
		fits = nonEmpty(orphans[k].values) == n || len(orphans[k].values) == n
	}
	return fits
}

// plainDropLayoutEmpties is dropLayoutEmpties before the segments counted
// their values.
func plainDropLayoutEmpties(def *TableDef, segs []*segment) []*segment {
	leadingLayout := false
	for _, sg := range segs {
		if n := len(def.Rows[max(sg.order, 0)].Cols); sg.label != nil && len(sg.values) > n && sg.values[0].kind == tokEmpty && nonEmpty(sg.values) == n {
			leadingLayout = true
		}
	}
	for _, sg := range segs {
		sg.values = plainTrimLayoutEmpties(sg, len(def.Rows[max(sg.order, 0)].Cols), leadingLayout)
	}
	return segs
}

// plainTrimLayoutEmpties is trimLayoutEmpties counting the values itself.
func plainTrimLayoutEmpties(sg *segment, n int, leadingLayout bool) []*token {
	vs := sg.values
	last, filled := -1, 0
	for i, v := range vs {
		if v.kind != tokEmpty {
			last = i
			filled++
		}
	}
	if last < 0 || filled >= n {
		return vs
	}
	end := len(vs)
	for end > last+1 && vs[end-1].line != vs[last].line {
		end--
	}
	vs = vs[:end]
	if leadingLayout && sg.label != nil {
		start := 0
		for start < len(vs) && vs[start].kind == tokEmpty && vs[start].line == sg.label.line && nonEmpty(vs[start+1:]) < n {
			start++
		}
		vs = vs[start:]
	}
	return vs
}

// The segments' counts of their values (segment.filled) are those values'
// at each step of alignRows, and the empties dropped as when counted
// again, in every table of the real and broken reports by every template.
func TestSegmentsFilledAsCounted(t *testing.T) {
	segments, trimmed := 0, 0
	for _, text := range brokenTexts(t, 3) {
		p := parserBeforeTables(text)
		for id := 1; id <= 3; id++ {
			a, b, ok := p.tableRegion(id)
			if !ok {
				continue
			}
			for _, def := range tableDefs {
				lx := p.lexRegion(def, a, b)
				lx.releaseTrailingText()
				tb := &Table{ID: def.ID, Def: def}
				ss, ssWant := getSegments(len(lx.toks), len(def.Rows)), getSegments(len(lx.toks), len(def.Rows))
				segs := p.cutSegments(tb, lx, ss)
				want := p.cutSegments(tb, lx, ssWant)
				plainDropLayoutEmpties(def, want)
				dropLayoutEmpties(def, segs)
				var split []*segment
				for k, sg := range segs {
					if !slices.Equal(sg.values, want[k].values) {
						t.Fatalf("segment %d: values %d, counting %d\n%s", k, len(sg.values), len(want[k].values), text)
					}
					if sg.filled != nonEmpty(sg.values) {
						t.Fatalf("segment %d: %d filled, counted %d", k, sg.filled, nonEmpty(sg.values))
					}
					split = splitByLine(split, ss, sg, len(def.Rows[max(sg.order, 0)].Cols))
				}
				for k, sg := range split {
					if sg.filled != nonEmpty(sg.values) {
						t.Fatalf("split segment %d: %d filled, counted %d", k, sg.filled, nonEmpty(sg.values))
					}
				}
				for _, sg := range segs {
					if sg.filled > 0 && sg.filled < len(def.Rows[max(sg.order, 0)].Cols) {
						trimmed++ // a short row: trimLayoutEmpties ran
					}
				}
				segments += len(split)
				ss.release()
				ssWant.release()
				p.releaseLexers()
			}
		}
	}
	if segments < 10000 || trimmed < 100 {
		t.Fatalf("only %d segments, %d short", segments, trimmed)
	}
}

// refFillFoundRows is fillFoundRows before a row of its n values took a
// short way: every row through fillRow.
func refFillFoundRows(p *parser, t *Table, lx *lexer, found []*segment) {
	p.surplusWindow = surplusWindowOf(t, found)
	defer func() { p.surplusWindow = -1 }()
	prevEnd := lx.firstStart()
	for i, row := range t.Rows {
		sg := found[i]
		if sg == nil {
			t.Problems = append(t.Problems, &Problem{Kind: "missing-row", Row: row.Def, Span: p.span(prevEnd, prevEnd),
				Message: fmt.Sprintf("缺少“%s”行，或其数值无法确定", row.Def.Label)})
			continue
		}
		if sg.label != nil {
			row.Label = p.labelFor(t, sg.label)
		}
		p.fillRow(t, []*Row{row}, sg.values, sg.filled, sg.label)
		if sg.byPosition {
			for _, c := range row.Cells {
				if c != nil && c.Doubt == "" {
					c.Doubt = "行标签未能识别，按行的位置对应"
				}
			}
		}
		if n := len(sg.values); n > 0 {
			prevEnd = sg.values[n-1].end
		}
	}
}

// refAlignRows is alignRows with refFillFoundRows.
func refAlignRows(p *parser, t *Table, lx *lexer) {
	ss := getSegments(len(lx.toks), len(t.Def.Rows))
	defer ss.release()
	ss.segs = p.cutSegments(t, lx, ss)
	segs := dropLayoutEmpties(t.Def, ss.segs)
	for _, sg := range segs {
		ss.split = splitByLine(ss.split, ss, sg, len(t.Def.Rows[max(sg.order, 0)].Cols))
	}
	segs = ss.split
	for i, sg := range segs {
		sg.pos = i
	}
	ss.labelled = p.labelledRows(t, segs, ss.found, ss.hasValues, ss.labelled)
	p.placeOrphans(t, segs, ss.found, ss.labelled)
	refFillFoundRows(p, t, lx, ss.found)
	p.resolvePending(t)
}

// fillFoundRows fills the rows found as when every row went through
// fillRow (the rows, their cells and labels, the problems and the values
// left unplaced), in every table of the real and broken reports by every
// template.
func TestFillFoundRowsAsEachByFillRow(t *testing.T) {
	rows := 0
	for _, text := range brokenTexts(t, 3) {
		p := parserBeforeTables(text)
		for id := 1; id <= 3; id++ {
			a, b, ok := p.tableRegion(id)
			if !ok {
				continue
			}
			for _, def := range tableDefs {
				if def.Positional {
					continue
				}
				var tables [2]*Table
				var unplaced [2][]*Unplaced
				for k := range tables {
					// a lexer each: placeOrphans rewrites tokens
					lx := p.lexRegion(def, a, b)
					lx.releaseTrailingText()
					tb := &Table{ID: def.ID, Def: def, Span: p.span(lx.firstStart(), lx.lastEnd())}
					for _, i := range lx.labelAt {
						tb.Labels = append(tb.Labels, p.makeLabel(&lx.toks[i]))
						lx.toks[i].label = int32(len(tb.Labels))
					}
					for _, rd := range def.Rows {
						tb.Rows = append(tb.Rows, &Row{Def: rd, Cells: make([]*Cell, len(rd.Cols))})
					}
					before := len(p.r.Unplaced)
					if k == 0 {
						p.alignRows(tb, lx)
					} else {
						refAlignRows(p, tb, lx)
					}
					tables[k], unplaced[k] = tb, p.r.Unplaced[before:]
					p.releaseLexers()
				}
				if got, want := dumpTable(tables[0]), dumpTable(tables[1]); got != want || !reflect.DeepEqual(tables[0], tables[1]) || !reflect.DeepEqual(unplaced[0], unplaced[1]) {
					t.Fatalf("table %d by %s: rows\n%s\nevery row by fillRow\n%s\n%s", id, def.Format, got, want, text)
				}
				rows += len(def.Rows)
			}
		}
	}
	if rows < 10000 {
		t.Fatalf("only %d rows", rows)
	}
}
