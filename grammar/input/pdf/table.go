package pdf

import (
	"math"
	"sort"
	"strings"
)

// cell is one cell of a ruled table: a rectangle bounded by rules on all
// four sides, possibly spanning several bands (rows) and columns.
type cell struct {
	left, right, top, bottom float64
	firstBand                int
	glyphs                   []glyph
}

type band struct {
	top, bottom float64
	cells       []*cell // left to right; a cell of an earlier band continues here
}

type table struct {
	left, right, top, bottom float64
	bands                    []*band
}

// clusterPositions returns the distinct positions, merging those within snap.
func clusterPositions(ps []float64) []float64 {
	sort.Float64s(ps)
	var out []float64
	for _, p := range ps {
		if n := len(out); n > 0 && p-out[n-1] <= snap {
			continue
		}
		out = append(out, p)
	}
	return out
}

// findTables groups the page's edges into connected grids and builds the
// cells of each grid that has at least one row of two cells.
func findTables(edges []edge) []*table {
	n := len(edges)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	touch := func(a, b edge) bool {
		if a.horizontal == b.horizontal {
			return math.Abs(a.pos-b.pos) <= snap && a.from <= b.to+snap && b.from <= a.to+snap
		}
		if !a.horizontal {
			a, b = b, a
		}
		return b.pos >= a.from-snap && b.pos <= a.to+snap && a.pos >= b.from-snap && a.pos <= b.to+snap
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if find(i) != find(j) && touch(edges[i], edges[j]) {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]edge{}
	var roots []int
	for i := range edges {
		r := find(i)
		if groups[r] == nil {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], edges[i])
	}
	var tables []*table
	for _, r := range roots {
		if t := buildTable(groups[r]); t != nil {
			tables = append(tables, t)
		}
	}
	return tables
}

func buildTable(es []edge) *table {
	var ys []float64
	var hs, vs []edge
	for _, e := range es {
		if e.horizontal {
			ys = append(ys, e.pos)
			hs = append(hs, e)
		} else {
			vs = append(vs, e)
		}
	}
	ys = clusterPositions(ys)
	if len(ys) < 2 || len(vs) < 2 {
		return nil
	}
	// top first
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i]
	}
	t := &table{top: ys[0], bottom: ys[len(ys)-1], left: math.Inf(1), right: math.Inf(-1)}
	ruledAt := func(y, x float64) bool {
		for _, h := range hs {
			if math.Abs(h.pos-y) <= snap && h.from-snap <= x && x <= h.to+snap {
				return true
			}
		}
		return false
	}
	wide := false
	for k := 0; k+1 < len(ys); k++ {
		b := &band{top: ys[k], bottom: ys[k+1]}
		mid := (b.top + b.bottom) / 2
		var xs []float64
		for _, v := range vs {
			if v.from-snap <= mid && mid <= v.to+snap && v.from <= b.top+snap && v.to >= b.bottom-snap {
				xs = append(xs, v.pos)
			}
		}
		xs = clusterPositions(xs)
		for i := 0; i+1 < len(xs); i++ {
			xa, xb := xs[i], xs[i+1]
			xm := (xa + xb) / 2
			var c *cell
			if k > 0 && !ruledAt(b.top, xm) {
				// no rule above: the cell of the band above goes on
				for _, up := range t.bands[len(t.bands)-1].cells {
					if up.left-snap <= xm && xm <= up.right+snap {
						c = up
						break
					}
				}
			}
			if c == nil {
				c = &cell{left: xa, right: xb, top: b.top, firstBand: len(t.bands)}
			}
			c.bottom = b.bottom
			b.cells = append(b.cells, c)
		}
		if len(b.cells) >= 2 {
			wide = true
		}
		if len(xs) > 0 {
			t.left, t.right = math.Min(t.left, xs[0]), math.Max(t.right, xs[len(xs)-1])
		}
		t.bands = append(t.bands, b)
	}
	if !wide {
		return nil // a box around text, not a table
	}
	// shaded paragraphs above or below the grid touch it but are text:
	// a table starts and ends with a row of two cells
	drop := 0
	for len(t.bands[drop].cells) < 2 {
		drop++
	}
	t.bands = t.bands[drop:]
	for len(t.bands[len(t.bands)-1].cells) < 2 {
		t.bands = t.bands[:len(t.bands)-1]
	}
	seen := map[*cell]bool{}
	for _, b := range t.bands {
		for _, c := range b.cells {
			if !seen[c] {
				seen[c] = true
				c.firstBand = max(0, c.firstBand-drop)
			}
		}
	}
	t.top, t.bottom = t.bands[0].top, t.bands[len(t.bands)-1].bottom
	return t
}

// place puts a glyph into the cell under its centre.
func (t *table) place(g glyph) bool {
	x, y := g.cx(), g.cy()
	if x < t.left || x > t.right || y > t.top || y < t.bottom {
		return false
	}
	for _, b := range t.bands {
		if y > b.top || y < b.bottom {
			continue
		}
		for _, c := range b.cells {
			if c.left <= x && x <= c.right {
				c.glyphs = append(c.glyphs, g)
				return true
			}
		}
	}
	return false
}

// rows spells the table one band per line, cells separated by a tab; a cell
// spanning several bands is written in its first and left empty in the
// others, like a vertically merged cell of a Word table.
func (t *table) rows() []string {
	var out []string
	for k, b := range t.bands {
		fields := make([]string, len(b.cells))
		any := false
		for i, c := range b.cells {
			if c.firstBand != k || (i > 0 && b.cells[i-1] == c) {
				continue
			}
			fields[i] = cellText(c.glyphs)
			any = any || fields[i] != ""
		}
		if !any {
			continue
		}
		// a cell spanning columns is one field
		var merged []string
		for i, f := range fields {
			if i > 0 && b.cells[i-1] == b.cells[i] {
				continue
			}
			merged = append(merged, f)
		}
		out = append(out, strings.Join(merged, "\t"))
	}
	return out
}

func cellText(gs []glyph) string {
	s := ""
	for _, l := range groupLines(gs) {
		s = joinWrapped(s, l.text(0))
	}
	return s
}
