package grammar

import (
	"strings"
	"testing"
)

// labelledRows on rows that are all explicitly blank (| 规章 | | | |): the
// first blank row of a label is taken, unless the label has values
// elsewhere (before or after) or the row has another number of cells; a
// repeated blank row is passed over, and a repeated row of values wins
// over the one before, whose values are unplaced.
func TestLabelledRowsBlankRows(t *testing.T) {
	const k = 2
	n := len(Table2.Rows[k].Cols)
	label := &token{kind: tokLabel, text: Table2.Rows[k].Label}
	row := func(vals ...string) *segment {
		sg := &segment{label: label, order: k}
		for i, v := range vals {
			tk := &token{kind: tokNumber, start: 100 * i, end: 100*i + len(v), text: v}
			if v == "" {
				tk.kind = tokEmpty
			}
			sg.values = append(sg.values, tk)
		}
		sg.filled = nonEmpty(sg.values) // as cutSegments counts them
		return sg
	}
	blank := func(cells int) *segment { return row(make([]string, cells)...) }
	full := func() *segment { return row(strings.Split(strings.Repeat("1,", n-1)+"1", ",")...) }
	for _, c := range []struct {
		name string
		segs []*segment
		want int // the index in segs of the row taken, -1: none
		// unplaced: the values of the row passed over
		unplaced int
	}{
		{"blank", []*segment{blank(n)}, 0, 0},
		{"blank twice", []*segment{blank(n), blank(n)}, 0, 0},
		{"blank, then values", []*segment{blank(n), full()}, 1, 0},
		{"values, then blank", []*segment{full(), blank(n)}, 0, 0},
		{"blank, values, blank", []*segment{blank(n), full(), blank(n)}, 1, 0},
		{"short blank", []*segment{blank(n - 1)}, -1, 0},
		{"long blank, then blank", []*segment{blank(n + 1), blank(n)}, 1, 0},
		{"values twice", []*segment{full(), full()}, 1, n},
	} {
		p := parserBeforeTables("规章")
		tb := &Table{ID: Table2.ID, Def: Table2}
		found := make([]*segment, len(Table2.Rows))
		labelled := p.labelledRows(tb, c.segs, found, make([]bool, len(Table2.Rows)), nil)
		switch {
		case c.want < 0 && (found[k] != nil || len(labelled) != 0):
			t.Errorf("%s: row %p taken (%d labelled), want none", c.name, found[k], len(labelled))
		case c.want >= 0 && found[k] != c.segs[c.want]:
			t.Errorf("%s: row %p taken, want row %d (%p)", c.name, found[k], c.want, c.segs[c.want])
		case c.want >= 0 && (len(labelled) != 1 || labelled[0] != c.segs[c.want]) && c.unplaced == 0:
			t.Errorf("%s: %d rows labelled, want row %d alone", c.name, len(labelled), c.want)
		case len(p.r.Unplaced) != c.unplaced:
			t.Errorf("%s: %d values unplaced, want %d", c.name, len(p.r.Unplaced), c.unplaced)
		}
	}
}
