package rules

import (
	"math/rand"
	"slices"
	"sort"
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

// oldEnumPieces is what eachEnumPiece hands out, as enumPieces built it
// before it merged the lists straight into the result.
func oldEnumPieces(r *grammar.Report) []enumPiece {
	src := r.Source
	paras := make([]enumPiece, 0, len(r.Paragraphs))
	for _, p := range r.Paragraphs {
		text, at := paraText(r, p)
		paras = append(paras, enumPiece{span: p.Span, text: text, at: at})
	}
	heads := make([]enumPiece, 0, len(r.Headings))
	identity := identityView(r)
	for _, h := range r.Headings {
		pc := enumPiece{span: h.TextSpan, text: h.Text, at: -1, heading: h}
		if identity {
			pc.text, pc.at = src.Slice(h.TextSpan), h.TextSpan.Start
		}
		heads = append(heads, pc)
	}
	// paragraphs, then headings, stably sorted by start: both lists are in
	// document order, so a merge (paragraphs first on a tie) gives the same
	// order as a stable sort; the sort remains for lists out of order
	byStart := func(ps []enumPiece) bool {
		return sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].span.Start < ps[j].span.Start })
	}
	pieces := make([]enumPiece, 0, len(paras)+len(heads))
	if !byStart(paras) || !byStart(heads) {
		pieces = append(append(pieces, paras...), heads...)
		sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].span.Start < pieces[j].span.Start })
		return pieces
	}
	i, j := 0, 0
	for i < len(paras) || j < len(heads) {
		if j == len(heads) || i < len(paras) && paras[i].span.Start <= heads[j].span.Start {
			pieces = append(pieces, paras[i])
			i++
		} else {
			pieces = append(pieces, heads[j])
			j++
		}
	}
	return pieces
}

func TestEnumPiecesAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	for _, rep := range sharedReports(t) {
		check := func(what string, r *grammar.Report) {
			var got []enumPiece
			eachEnumPiece(r, func(pc enumPiece) { got = append(got, pc) })
			if want := oldEnumPieces(r); !slices.Equal(got, want) {
				t.Fatalf("%s: %d pieces, want %d", what, len(got), len(want))
			}
		}
		check(rep.Source.Path, rep)
		for range 20 {
			// paragraphs and headings out of order take the sort
			c := *rep
			c.Paragraphs = slices.Clone(rep.Paragraphs)
			c.Headings = slices.Clone(rep.Headings)
			if len(c.Paragraphs) > 1 && rng.Intn(2) == 0 {
				i, j := rng.Intn(len(c.Paragraphs)), rng.Intn(len(c.Paragraphs))
				c.Paragraphs[i], c.Paragraphs[j] = c.Paragraphs[j], c.Paragraphs[i]
			}
			if len(c.Headings) > 1 && rng.Intn(2) == 0 {
				i, j := rng.Intn(len(c.Headings)), rng.Intn(len(c.Headings))
				c.Headings[i], c.Headings[j] = c.Headings[j], c.Headings[i]
			}
			// ties: a heading where a paragraph starts, a paragraph twice
			if len(c.Paragraphs) > 0 && len(c.Headings) > 0 && rng.Intn(2) == 0 {
				i := rng.Intn(len(c.Headings))
				h := *c.Headings[i]
				h.TextSpan = c.Paragraphs[rng.Intn(len(c.Paragraphs))].Span
				c.Headings[i] = &h
			}
			if len(c.Paragraphs) > 0 && rng.Intn(2) == 0 {
				i := rng.Intn(len(c.Paragraphs))
				c.Paragraphs = slices.Insert(c.Paragraphs, i, c.Paragraphs[i])
			}
			check(rep.Source.Path+" shuffled", &c)
		}
	}
}
