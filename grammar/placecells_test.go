package grammar

import (
	"math"
	"math/rand"
	"testing"
)

// refPlaceCellsFrom is placeCellsFrom as it was before it took a cell for
// every column and gave back those it did not fill: it counted them first.
func refPlaceCellsFrom(p *parser, t *Table, rows []*Row, placed []*token, skipEmpties bool, splitBy SplitHow, doubt string) {
	i := 0
	for _, r := range rows {
		r.Split, r.SplitBy = splitBy != "", splitBy
		// the row's cells in one take (a call each was a tenth of this
		// loop): one a token placed in it, counted as the loop below goes
		n := 0
		for j, k := i, 0; k < len(r.Def.Cols); k++ {
			for skipEmpties && placed[j].kind == tokEmpty {
				j++
			}
			if placed[j] != nil {
				n++
			}
			j++
		}
		cells := p.cellSlab.take(n, max(p.slabSlots, 64))
		for ci, col := range r.Def.Cols {
			for skipEmpties && placed[i].kind == tokEmpty {
				i++
			}
			pv := placed[i]
			i++
			if pv == nil {
				continue
			}
			// a new cell is zero: its fields are set one by one, with no
			// whole Cell built and copied. The cells of a report's
			// tables are one block, as their slots are.
			c := &cells[0]
			cells = cells[1:]
			c.Table, c.Row, c.Col, c.Text, c.Span, c.Doubt = t.ID, r.Def, col, pv.text, p.span(pv.start, pv.end), doubt
			switch pv.kind {
			case tokEmpty:
				c.Kind = CellEmpty
			case tokPlaceholder:
				c.Kind = CellPlaceholder
			case tokText:
				c.Kind = CellText
			default:
				c.Kind = CellNumber
				// most cells: parseNumber's first answer, without the call
				if v, ok := smallDigits(pv.text); ok {
					c.Value, c.Integer = v, true
					break
				}
				c.Value, c.Integer, c.Unit = parseNumber(pv.text)
				if math.IsNaN(c.Value) {
					c.Kind = CellText
				}
			}
			r.Cells[ci] = c
		}
	}
}

// placeCellsFrom fills the rows with the cells it filled when it counted
// them first: rows of every template, one to three at a time, with tokens
// of every kind, nil slots and layout empties skipped or not, over slabs
// whose blocks run out now and then (giveBack at a block's end).
func TestPlaceCellsFromAsCountingFirst(t *testing.T) {
	texts := []string{"0", "12", "3456", "4.5", "43.788万元", "１２", "-3", "/", "—", "减4", "无", "",
		// one byte each side of the digits, and digits alone (one digit
		// takes a short way)
		"1", "7", "9", ":", "a", "\xff", "00", "9 "}
	kinds := []tokKind{tokNumber, tokNumber, tokNumber, tokEmpty, tokPlaceholder, tokText}
	defs := tableDefs
	rng := rand.New(rand.NewSource(61))
	cells := 0
	for round := range 300 {
		text := "数值"
		got := &parser{text: text, v: IdentityView(text), r: &Report{}, slabSlots: 1 + round%40}
		want := &parser{text: text, v: IdentityView(text), r: &Report{}, slabSlots: 1 + round%40}
		// the cells given back are taken again: none may be two rows'
		held := map[*Cell]bool{}
		for range 30 {
			def := defs[rng.Intn(len(defs))]
			k := rng.Intn(len(def.Rows))
			n := min(1+rng.Intn(3), len(def.Rows)-k)
			rowsGot, rowsWant := make([]*Row, n), make([]*Row, n)
			cols := 0
			for i := range n {
				rd := def.Rows[k+i]
				rowsGot[i] = &Row{Def: rd, Cells: make([]*Cell, len(rd.Cols))}
				rowsWant[i] = &Row{Def: rd, Cells: make([]*Cell, len(rd.Cols))}
				cols += len(rd.Cols)
			}
			skipEmpties := rng.Intn(2) == 0
			// a slot for each column: nil or a token, or (skipEmpties)
			// a token that is not empty after any number of empty ones
			var placed []*token
			for slots := 0; slots < cols; {
				if skipEmpties && rng.Intn(5) == 0 {
					placed = append(placed, &token{kind: tokEmpty})
					continue
				}
				slots++
				if !skipEmpties && rng.Intn(6) == 0 {
					placed = append(placed, nil)
					continue
				}
				kind := kinds[rng.Intn(len(kinds))]
				for skipEmpties && kind == tokEmpty {
					kind = kinds[rng.Intn(len(kinds))]
				}
				s := texts[rng.Intn(len(texts))]
				placed = append(placed, &token{kind: kind, text: s, start: 0, end: min(len(s), len(text))})
			}
			tb := &Table{ID: def.ID, Def: def}
			splitBy, doubt := []SplitHow{"", SplitByCount}[rng.Intn(2)], []string{"", "数字粘连"}[rng.Intn(2)]
			got.placeCellsFrom(tb, rowsGot, placed, skipEmpties, splitBy, doubt)
			refPlaceCellsFrom(want, tb, rowsWant, placed, skipEmpties, splitBy, doubt)
			for i := range n {
				g, w := rowsGot[i], rowsWant[i]
				if g.Split != w.Split || g.SplitBy != w.SplitBy {
					t.Fatalf("row %s split %v %q, counting first %v %q", g.Def.Key, g.Split, g.SplitBy, w.Split, w.SplitBy)
				}
				for ci := range g.Cells {
					gc, wc := g.Cells[ci], w.Cells[ci]
					if (gc == nil) != (wc == nil) {
						t.Fatalf("row %s cell %d: %v, counting first %v", g.Def.Key, ci, gc, wc)
					}
					if gc == nil {
						continue
					}
					if held[gc] {
						t.Fatalf("row %s cell %d: a cell already placed", g.Def.Key, ci)
					}
					held[gc] = true
					same := *gc == *wc || math.IsNaN(gc.Value) && math.IsNaN(wc.Value)
					if !same {
						t.Fatalf("row %s cell %d: %+v, counting first %+v", g.Def.Key, ci, *gc, *wc)
					}
					cells++
				}
			}
		}
	}
	if cells < 10000 {
		t.Fatalf("only %d cells", cells)
	}
}
