package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
)

// What the engine hands over, in PDF points with y growing upwards.
type (
	glyph struct {
		r              rune
		x0, x1, y0, y1 float64 // the glyph's box
		ox, oy         float64 // its origin on the baseline
		size           float64 // font size (em)
	}
	// edge is a straight drawn segment: a table rule or a side of a cell box.
	// A horizontal edge lies at y=pos from x=from to x=to; a vertical one at
	// x=pos from y=from to y=to.
	edge struct {
		horizontal    bool
		pos, from, to float64
	}
	page struct {
		number        int
		width, height float64
		glyphs        []glyph
		edges         []edge
		imageArea     float64
	}
)

const (
	thinRule = 2.5 // a shape at most this thick (pt) is a rule
	snap     = 2.0 // rules closer than this (pt) are the same rule
)

func (pg *page) addSegment(a, b [2]float64) {
	switch {
	case math.Abs(a[1]-b[1]) < 0.5 && math.Abs(a[0]-b[0]) > 1:
		pg.edges = append(pg.edges, edge{horizontal: true, pos: (a[1] + b[1]) / 2, from: math.Min(a[0], b[0]), to: math.Max(a[0], b[0])})
	case math.Abs(a[0]-b[0]) < 0.5 && math.Abs(a[1]-b[1]) > 1:
		pg.edges = append(pg.edges, edge{pos: (a[0] + b[0]) / 2, from: math.Min(a[1], b[1]), to: math.Max(a[1], b[1])})
	}
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == 0xA0 || r == 0x3000 || r == 0x2002 || r == 0x2003 || r == 0x200B || r == 0xFEFF
}

// wide runes (CJK, full-width punctuation) are never separated by a space:
// a gap between them is justification or letter spacing, not a typed space.
func isWide(r rune) bool { return r >= 0x2E80 }

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// em estimates the glyph's font size. PDFium's font size leaves out the
// text matrix, which Word and WPS scale instead of the font, so it is used
// only when it agrees with the glyph's box.
func (g glyph) em() float64 {
	h, w := g.y1-g.y0, g.x1-g.x0
	box := math.Max(h, w)
	if !isWide(g.r) {
		box = math.Max(h*1.15, w*1.8)
	}
	if g.size > 0 && g.size >= 0.6*box && g.size <= 2*box {
		return g.size
	}
	if box > 0 {
		return box
	}
	return 10
}

func (g glyph) cx() float64 { return (g.x0 + g.x1) / 2 }
func (g glyph) cy() float64 { return (g.y0 + g.y1) / 2 }

// textLine is glyphs on one baseline, left to right.
type textLine struct {
	glyphs                   []glyph
	left, right, top, bottom float64
	base, em                 float64
	// start is where the first glyph's em box begins: an opening quote's
	// ink sits to the right of it
	start float64
}

// groupLines puts glyphs on lines by their baselines, top to bottom, and
// drops glyphs drawn twice at (almost) the same place (fake bold). Space
// glyphs stay on the line (marked by their rune) but do not shape it.
func groupLines(gs []glyph) []*textLine {
	sorted := append([]glyph(nil), gs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].oy > sorted[j].oy })
	var lines []*textLine
	var cur *textLine
	for _, g := range sorted {
		if cur == nil || math.Abs(cur.base-g.oy) > 0.35*math.Max(cur.em, g.em()) {
			cur = &textLine{base: g.oy, em: g.em()}
			lines = append(lines, cur)
		}
		cur.glyphs = append(cur.glyphs, g)
	}
	out := lines[:0]
	for _, l := range lines {
		sort.SliceStable(l.glyphs, func(i, j int) bool { return l.glyphs[i].x0 < l.glyphs[j].x0 })
		kept := l.glyphs[:0]
		var sizes, wideSizes []float64
		l.left, l.right, l.top, l.bottom = math.Inf(1), math.Inf(-1), math.Inf(-1), math.Inf(1)
		for _, g := range l.glyphs {
			if n := len(kept); n > 0 && kept[n-1].r == g.r && math.Abs(kept[n-1].x0-g.x0) < 0.1*g.em() {
				continue
			}
			kept = append(kept, g)
			if isSpaceRune(g.r) {
				continue
			}
			sizes = append(sizes, g.em())
			if isWide(g.r) {
				wideSizes = append(wideSizes, g.em())
			}
			l.left, l.right = math.Min(l.left, g.x0), math.Max(l.right, g.x1)
			l.top, l.bottom = math.Max(l.top, g.y1), math.Min(l.bottom, g.y0)
		}
		if len(sizes) == 0 {
			continue
		}
		l.glyphs = kept
		for _, g := range kept {
			if !isSpaceRune(g.r) {
				l.start = math.Min(g.ox, g.x0)
				break
			}
		}
		if len(wideSizes) > 0 {
			sizes = wideSizes
		}
		sort.Float64s(sizes)
		l.em = sizes[len(sizes)/2]
		out = append(out, l)
	}
	return out
}

// text spells the line: a tab for a gap wider than tabGap ems (columns of a
// table drawn without rules); a space where the PDF has one (typed), except
// between two wide characters, where it comes from justified or
// distributed text; between two narrow characters also a gap wider than
// justification stretches.
func (l *textLine) text(tabGap float64) string {
	var b strings.Builder
	var prev *glyph
	spaced := false
	for i := range l.glyphs {
		g := &l.glyphs[i]
		if isSpaceRune(g.r) {
			spaced = true
			continue
		}
		if prev != nil {
			gap := g.x0 - prev.x1
			switch {
			case tabGap > 0 && gap > tabGap*l.em:
				b.WriteByte('\t')
			case spaced && !(isWide(prev.r) && isWide(g.r)), !isWide(prev.r) && !isWide(g.r) && gap > 0.6*l.em:
				b.WriteByte(' ')
			}
		}
		b.WriteRune(g.r)
		prev, spaced = g, false
	}
	return b.String()
}

// joinWrapped joins the lines of one paragraph or cell: nothing between wide
// characters, a space between two words.
func joinWrapped(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	// CJK line breaking splits numbers too ("2" / "025年"): only two
	// letters are taken for two words
	ra, rb := lastRune(a), firstRune(b)
	if isLetter(ra) && isLetter(rb) {
		return a + " " + b
	}
	return a + b
}

func lastRune(s string) rune {
	r := []rune(s[max(0, len(s)-4):])
	return r[len(r)-1]
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// item is one thing on a page in reading order: a line of text or a table.
type item struct {
	line  *textLine
	text  string
	table *table
	rows  []string
	top   float64
	// furniture: a page number (kept, reported as residue) or a running
	// header or footer (dropped)
	pageNumber, running bool
	// colLeft, colRight: the edges of its column on a page of two columns
	colLeft, colRight float64
}

var rePageNumber = regexp.MustCompile(`^[-—–－~·•\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－~·•\s]*$`)

func layoutPage(pg *page) []*item {
	tables := findTables(pg.edges)
	var flow []glyph
	for _, g := range pg.glyphs {
		placed := false
		if !isSpaceRune(g.r) {
			for _, t := range tables {
				if t.place(g) {
					placed = true
					break
				}
			}
		}
		if !placed {
			flow = append(flow, g)
		}
	}
	var items []*item
	for _, t := range tables {
		if rows := t.rows(); len(rows) > 0 {
			items = append(items, &item{table: t, rows: rows, top: t.top})
		}
	}
	lines := groupLines(flow)
	gl, gr, columns := gutter(lines)
	if columns {
		lines = splitColumns(lines, gl, gr)
	}
	for _, l := range lines {
		items = append(items, &item{line: l, text: l.text(3), top: l.top})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].top > items[j].top })
	if columns {
		readColumns(items, gl, gr)
	}
	markPageNumbers(pg, items)
	return items
}
