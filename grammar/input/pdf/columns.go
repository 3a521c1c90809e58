package pdf

import (
	"math"
	"sort"
)

// gutter finds the space between two columns of text: a vertical strip at
// least an em wide, in the middle half of the text, that no
// line's glyph covers, with column-like text on both sides (lines of the
// left column run up to it, lines of the right one start at it).
func gutter(lines []*textLine) (left, right float64, ok bool) {
	if len(lines) < 3 {
		return 0, 0, false
	}
	minX, maxX, ems := math.Inf(1), math.Inf(-1), make([]float64, 0, len(lines))
	for _, l := range lines {
		minX, maxX = math.Min(minX, l.left), math.Max(maxX, l.right)
		ems = append(ems, l.em)
	}
	sort.Float64s(ems)
	em := ems[len(ems)/2]
	w := int(maxX-minX) + 1
	if w < 20*int(em) {
		return 0, 0, false
	}
	cover := make([]int, w)
	for _, l := range lines {
		seen := -1
		for _, g := range l.glyphs {
			if isSpaceRune(g.r) {
				continue
			}
			for x := max(int(g.x0-minX), seen+1); x <= int(g.x1-minX) && x < w; x++ {
				cover[x]++
				seen = x
			}
		}
	}
	allow := 2 + len(lines)/15 // titles and headings across both columns
	best, bestW := -1, 0
	for x := w / 4; x < 3*w/4; {
		if cover[x] > allow {
			x++
			continue
		}
		e := x
		for e < w && cover[e] <= allow {
			e++
		}
		if e-x > bestW {
			best, bestW = x, e-x
		}
		x = e
	}
	if best < 0 || float64(bestW) < em {
		return 0, 0, false
	}
	left, right = minX+float64(best), minX+float64(best+bestW)
	// column-like: many lines end at the gutter on its left, start at it on
	// its right
	ends, starts := 0, 0
	for _, l := range lines {
		for i, g := range l.glyphs {
			if g.x1 <= left+0.5 && left-g.x1 < 2*em && (i+1 == len(l.glyphs) || l.glyphs[i+1].x0 >= right-0.5) {
				ends++
			}
			if g.x0 >= right-0.5 && g.x0-right < em && (i == 0 || l.glyphs[i-1].x1 <= left+0.5) {
				starts++
			}
		}
	}
	return left, right, ends >= 2 && starts >= 2 && ends+starts >= len(lines)/2
}

// splitColumns cuts the lines that have glyphs on both sides of the gutter
// (the columns' lines on one baseline) in two.
func splitColumns(lines []*textLine, gl, gr float64) []*textLine {
	var out []*textLine
	for _, l := range lines {
		var a, b []glyph
		crossing := false
		for _, g := range l.glyphs {
			switch {
			case g.x1 <= gl+0.5:
				a = append(a, g)
			case g.x0 >= gr-0.5:
				b = append(b, g)
			default:
				crossing = true
			}
		}
		if crossing || len(a) == 0 || len(b) == 0 {
			out = append(out, l)
			continue
		}
		out = append(out, groupLines(a)...)
		out = append(out, groupLines(b)...)
	}
	return out
}

// readColumns puts the items of a two-column page in reading order: what
// spans both columns (a title, a wide table) in its place, and between two
// such items the left column before the right one.
func readColumns(items []*item, gl, gr float64) {
	bounds := func(it *item) (float64, float64) {
		if it.table != nil {
			return it.table.left, it.table.right
		}
		return it.line.left, it.line.right
	}
	col := make(map[*item]int, len(items))
	var spans []float64
	for _, it := range items {
		l, r := bounds(it)
		switch {
		case l < gl && r > gr:
			col[it] = -1
			spans = append(spans, it.top)
		case l >= gr-0.5:
			col[it] = 1
		}
	}
	// below the right column's last line the columns have ended (a section
	// of two columns followed by text across the page)
	// (the right column's lines run without a gap; a page number below does
	// not belong to it)
	rightBottom := math.Inf(1)
	for _, it := range items { // top to bottom
		if col[it] != 1 || it.line == nil {
			continue
		}
		if !math.IsInf(rightBottom, 1) && rightBottom-it.line.top > 3*it.line.em {
			break
		}
		rightBottom = math.Min(rightBottom, it.line.bottom)
	}
	for _, it := range items {
		if col[it] == 0 && (it.table != nil || it.top < rightBottom-it.line.em) {
			col[it] = -1
			spans = append(spans, it.top)
		}
	}
	// each column's text block, for joining the lines of its paragraphs
	for c := 0; c <= 1; c++ {
		l, r := math.Inf(1), math.Inf(-1)
		for _, it := range items {
			if col[it] == c && it.line != nil {
				l, r = math.Min(l, it.line.start), math.Max(r, it.line.right)
			}
		}
		for _, it := range items {
			if col[it] == c && it.line != nil {
				it.colLeft, it.colRight = l, r
			}
		}
	}
	section := func(it *item) int {
		n := 0
		for _, t := range spans {
			if t > it.top {
				n++
			}
		}
		if col[it] == -1 {
			return 2*n + 1
		}
		return 2 * n
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if sa, sb := section(a), section(b); sa != sb {
			return sa < sb
		}
		if col[a] != col[b] {
			return col[a] < col[b]
		}
		return a.top > b.top
	})
}
