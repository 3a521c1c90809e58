package rules

import (
	"math/rand"
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// The third round of fast paths: each compared with the code it replaced,
// kept here as the reference.

// oldLookUpCells is what analyzeTable did before lookUpCells: the first row
// of each planned key, then Row.Cell for each planned cell.
func oldLookUpCells(t *grammar.Table, plan *tableBalanceEntry) []*grammar.Cell {
	rows := make([]*grammar.Row, len(plan.rows))
	for _, r := range t.Rows {
		if s, ok := plan.rowSlot[r.Def.Key]; ok && rows[s] == nil {
			rows[s] = r
		}
	}
	distinct := make([]*grammar.Cell, len(plan.cells))
	for i, pc := range plan.cells {
		if row := rows[pc.row]; row != nil {
			distinct[i] = row.Cell(pc.col)
		}
	}
	return distinct
}

func newLookUpCells(t *grammar.Table, plan *tableBalanceEntry) []*grammar.Cell {
	distinct := make([]*grammar.Cell, len(plan.cells))
	lookUpCells(t, plan, distinct)
	return distinct
}

// shuffledTable is a copy of t whose rows and cells are moved around:
// rows swapped, duplicated and dropped, cells permuted, removed and
// given copies of their column (same key, another pointer), columns of
// other rows, or duplicated — what the grammar does not make, where
// the positional shortcuts must fall back.
func shuffledTable(rng *rand.Rand, t *grammar.Table) *grammar.Table {
	c := *t
	c.Rows = nil
	for _, r := range t.Rows {
		rc := *r
		rc.Cells = append([]*grammar.Cell(nil), r.Cells...)
		for i := range rc.Cells {
			switch rng.Intn(8) {
			case 0:
				rc.Cells[i] = nil
			case 1:
				if rc.Cells[i] != nil {
					cell := *rc.Cells[i]
					col := *cell.Col
					cell.Col = &col
					rc.Cells[i] = &cell
				}
			case 2:
				j := rng.Intn(len(rc.Cells))
				rc.Cells[i], rc.Cells[j] = rc.Cells[j], rc.Cells[i]
			case 3:
				rc.Cells[i] = rc.Cells[rng.Intn(len(rc.Cells))]
			case 4:
				if o := t.Rows[rng.Intn(len(t.Rows))]; len(o.Cells) > 0 {
					rc.Cells[i] = o.Cells[rng.Intn(len(o.Cells))]
				}
			}
		}
		if rng.Intn(4) == 0 {
			rc.Cells = append(rc.Cells, rc.Cells[:rng.Intn(len(rc.Cells)+1)]...)
		}
		switch rng.Intn(10) {
		case 0:
			continue
		case 1:
			c.Rows = append(c.Rows, &rc, &rc)
		case 2:
			if len(c.Rows) > 0 {
				j := rng.Intn(len(c.Rows))
				c.Rows = append(c.Rows, c.Rows[j])
				c.Rows[j] = &rc
				continue
			}
			c.Rows = append(c.Rows, &rc)
		case 3:
			// another template's row
			o := *grammar.Table1.Rows[rng.Intn(len(grammar.Table1.Rows))]
			rc.Def = &o
			c.Rows = append(c.Rows, &rc)
		default:
			c.Rows = append(c.Rows, &rc)
		}
	}
	if rng.Intn(5) == 0 {
		d := *t.Def
		c.Def = &d // not the template's pointer
	}
	return &c
}

func TestLookUpCellsIsRowCell(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	tables := 0
	for _, rep := range sharedReports(t) {
		for _, id := range []int{1, 2, 3} {
			tb := rep.Table(id)
			if tb == nil {
				continue
			}
			for _, f := range []grammar.Format{grammar.Format2019, grammar.Format2021} {
				plan := tableBalanceEntryOf(f, id)
				check := func(what string, tb *grammar.Table) {
					want, got := oldLookUpCells(tb, plan), newLookUpCells(tb, plan)
					for i := range want {
						if want[i] != got[i] {
							t.Fatalf("%s table %d format %v, cell %v: got %p, want %p", what, id, f, plan.cells[i], got[i], want[i])
						}
					}
				}
				check(rep.Source.Path, tb)
				for range 200 {
					check(rep.Source.Path+" shuffled", shuffledTable(rng, tb))
				}
				tables++
			}
		}
	}
	if tables == 0 {
		t.Fatal("no tables")
	}
}
