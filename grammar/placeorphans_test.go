package grammar

import (
	"reflect"
	"testing"
)

// refPlaceOrphans is placeOrphans as it was before a gap without orphans
// was passed over at once: every gap's missing rows listed, and its
// orphans reported (none).
func refPlaceOrphans(p *parser, t *Table, segs []*segment, found []*segment, labelled []*segment) {
	var orphans []*segment
	var missing []int
	for ai := 0; ai <= len(labelled); ai++ {
		lo, loPos := -1, -1
		if ai > 0 {
			lo, loPos = labelled[ai-1].order, labelled[ai-1].pos
		}
		hi, hiPos := len(t.Def.Rows), len(segs)
		if ai < len(labelled) {
			hi, hiPos = labelled[ai].order, labelled[ai].pos
		}
		orphans = orphans[:0]
		for _, sg := range segs[loPos+1 : hiPos] {
			if sg.order < 0 && sg.filled > 0 {
				orphans = append(orphans, sg)
			}
		}
		missing = missing[:0]
		for k := lo + 1; k < hi; k++ {
			if found[k] == nil {
				missing = append(missing, k)
			}
		}
		if orphansFit(t.Def, orphans, missing, lo < hi) {
			p.placeByPosition(t, orphans, missing, found)
			continue
		}
		p.reportOrphans(t, orphans)
	}
}

// alignRowsWith is alignRows with placeOrphans replaced by place.
func alignRowsWith(p *parser, t *Table, lx *lexer, place func(p *parser, t *Table, segs, found, labelled []*segment)) {
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
	place(p, t, segs, ss.found, ss.labelled)
	p.fillFoundRows(t, lx, ss.found)
	p.resolvePending(t)
}

// placeOrphans places and reports the orphan values as when it walked
// every gap between labelled rows (the rows, their cells and labels, the
// problems and the values left unplaced), in every table of the real and
// broken reports by every template.
func TestPlaceOrphansAsEveryGapWalked(t *testing.T) {
	tables, byPosition := 0, 0
	current := func(p *parser, t *Table, segs, found, labelled []*segment) { p.placeOrphans(t, segs, found, labelled) }
	for _, text := range brokenTexts(t, 4) {
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
				var got [2]*Table
				var unplaced [2][]*Unplaced
				for k, place := range []func(p *parser, t *Table, segs, found, labelled []*segment){current, refPlaceOrphans} {
					// a lexer each: placeByPosition rewrites tokens
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
					alignRowsWith(p, tb, lx, place)
					got[k], unplaced[k] = tb, p.r.Unplaced[before:]
					p.releaseLexers()
				}
				if g, w := dumpTable(got[0]), dumpTable(got[1]); g != w || !reflect.DeepEqual(got[0], got[1]) || !reflect.DeepEqual(unplaced[0], unplaced[1]) {
					t.Fatalf("table %d by %s: rows\n%s\nevery gap walked\n%s\n%s", id, def.Format, g, w, text)
				}
				for _, l := range got[0].Labels {
					if l.How == "position" {
						byPosition++
					}
				}
				tables++
			}
		}
	}
	if tables < 1000 || byPosition < 20 {
		t.Fatalf("only %d tables, %d rows placed by position", tables, byPosition)
	}
}
