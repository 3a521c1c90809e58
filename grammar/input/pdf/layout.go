package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/gdlint/gdlint/grammar"
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

// ---- tables ----

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

// ---- pages ----

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

// markPageNumbers finds the page number by its place: the first or last line
// of the page, in the top or bottom margin, nothing but a number and dashes.
func markPageNumbers(pg *page, items []*item) {
	if len(items) == 0 {
		return
	}
	h := pg.height
	if h <= 0 {
		h = 842
	}
	for _, it := range []*item{items[0], items[len(items)-1]} {
		if it.line == nil {
			continue
		}
		inMargin := it.line.bottom < 0.12*h || it.line.top > 0.9*h
		if inMargin && rePageNumber.MatchString(it.text) && strings.ContainsAny(it.text, "0123456789") {
			it.pageNumber = true
		}
	}
}

// markRunning drops a running header or footer: the first or last line of
// at least two pages and half of them, the same text but for its digits.
func markRunning(pages [][]*item) {
	if len(pages) < 2 {
		return
	}
	key := func(it *item) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' || isSpaceRune(r) {
				return -1
			}
			return r
		}, it.text)
	}
	count := map[string]int{}
	edgeItems := func(items []*item) []*item {
		var out []*item
		for _, i := range []int{0, 1, len(items) - 2, len(items) - 1} {
			if i >= 0 && i < len(items) && items[i].line != nil && !items[i].pageNumber {
				out = append(out, items[i])
			}
		}
		return out
	}
	for _, items := range pages {
		seen := map[string]bool{}
		for _, it := range edgeItems(items) {
			if k := key(it); k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for _, items := range pages {
		for _, it := range edgeItems(items) {
			if c := count[key(it)]; c >= 2 && 2*c >= len(pages) {
				it.running = true
			}
		}
	}
}

// ---- the text ----

// document is what a PDF becomes: the text the parser reads, where each
// page starts in it, and the page numbers found.
type document struct {
	text       strings.Builder
	pageStarts []int // where pages 2, 3… start in text
	page       int   // the page being written
	furniture  []grammar.Span
	pending    []pendingLine // page numbers waiting for the paragraph to end
	para       *paragraph
	held       *heldRow // the last row of a table that ends a page
}

type heldRow struct {
	text string
	page int
}

// lastOnPage tells whether it is the last item of the page but for page
// numbers and running headers and footers.
func lastOnPage(items []*item, it *item) bool {
	for k := len(items) - 1; k >= 0; k-- {
		if items[k].pageNumber || items[k].running {
			continue
		}
		return items[k] == it
	}
	return false
}

// mergeSplitRow joins a table row that a page break cut in two (Word and
// LibreOffice let a row break across pages): the first row of the next page
// has the same cells, holds no number, and fills fewer cells than the part
// before the break. Each cell's text goes on where it stopped.
func mergeSplitRow(before, after string) (string, bool) {
	a, b := strings.Split(before, "\t"), strings.Split(after, "\t")
	if len(a) != len(b) {
		return "", false
	}
	filledA, filledB := 0, 0
	for i := range b {
		if strings.ContainsAny(b[i], "0123456789０１２３４５６７８９") && !reNumbered.MatchString(b[i]) {
			return "", false
		}
		if b[i] != "" {
			filledB++
		}
		if a[i] != "" {
			filledA++
		}
	}
	if filledB == 0 || filledB >= filledA {
		return "", false
	}
	for i := range a {
		if b[i] != "" && a[i] == "" {
			return "", false // a cell that starts after the break: a new row
		}
		a[i] = joinWrapped(a[i], b[i])
	}
	return strings.Join(a, "\t"), true
}

type pendingLine struct {
	text string
	page int
}

// paragraph is the open paragraph, kept apart until it ends: the page
// number of a page it runs over is written before it, so that pages stay
// in order in the text.
type paragraph struct {
	text      strings.Builder
	breaks    []pageBreak // where in text the paragraph goes on to a page
	first     int         // its first page
	last      *textLine
	page      int // the page of its last line
	pageRight float64
	lastRune  rune
}

type pageBreak struct{ at, page int }

func (p *paragraph) add(s string, page int) {
	if page != p.page {
		p.breaks = append(p.breaks, pageBreak{p.text.Len(), page})
	}
	p.text.WriteString(s)
}

func (d *document) toPage(page int) {
	for d.page < page {
		if d.page > 0 {
			d.pageStarts = append(d.pageStarts, d.text.Len())
		}
		d.page++
	}
}

func (d *document) write(s string, page int) {
	d.toPage(page)
	d.text.WriteString(s)
}

func (d *document) startParagraph(l *textLine, text string, page int, right float64) {
	d.endParagraph()
	d.para = &paragraph{first: page, page: page, last: l, pageRight: right, lastRune: lastRune(text)}
	d.para.text.WriteString(text)
}

// endParagraph writes the open paragraph and the page numbers met since it
// opened: those of the pages it runs over before it, the others after it.
func (d *document) endParagraph() {
	var before, after []pendingLine
	for _, l := range d.pending {
		if d.para != nil && l.page < d.para.page {
			before = append(before, l)
		} else {
			after = append(after, l)
		}
	}
	d.pending = nil
	if h := d.held; h != nil {
		d.write(h.text+"\n", h.page)
		d.held = nil
	}
	if p := d.para; p != nil {
		d.writeFurniture(before, p.first)
		d.toPage(p.first)
		s, at := p.text.String(), 0
		for _, b := range p.breaks {
			d.text.WriteString(s[at:b.at])
			d.toPage(b.page)
			at = b.at
		}
		d.text.WriteString(s[at:])
		d.text.WriteString("\n")
		d.para = nil
	}
	d.writeFurniture(after, math.MaxInt)
}

// writeFurniture writes page numbers as lines of their own, on their page
// or, before a paragraph that runs over it, on the paragraph's first page.
func (d *document) writeFurniture(lines []pendingLine, maxPage int) {
	for _, l := range lines {
		d.toPage(min(l.page, maxPage))
		start := d.text.Len()
		d.text.WriteString(l.text)
		d.furniture = append(d.furniture, grammar.Span{Start: start, End: d.text.Len()})
		d.text.WriteString("\n")
	}
}

var reNumbered = regexp.MustCompile(`^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、]|第[一二三四五六七八九十]+)`)

// continues tells whether line l goes on the paragraph p: p's last line ran
// to the right edge of its text block, l starts at the left edge without an
// indent, in the same size, right below (or at the top of the next page),
// and does not start with a heading's number.
func (p *paragraph) continues(l *textLine, text string, left float64, samePage bool) bool {
	if p == nil || p.last == nil {
		return false
	}
	em := p.last.em
	if math.Abs(l.em-em) > 0.15*em {
		return false
	}
	if p.pageRight-p.last.right > 1.5*em {
		return false
	}
	if l.start-left > 0.5*em {
		return false
	}
	if samePage && p.last.base-l.base > 2.2*em {
		return false
	}
	return !reNumbered.MatchString(text)
}

// body returns the left edge of the page's text block (where unindented
// lines start: the leftmost start, as a short page may have a single such
// line) and the right edge of its longest line.
func body(items []*item) (left, right float64) {
	left, right = math.Inf(1), math.Inf(-1)
	for _, it := range items {
		if it.line == nil || it.pageNumber || it.running {
			continue
		}
		left = math.Min(left, it.line.start)
		right = math.Max(right, it.line.right)
	}
	return left, right
}

func build(pages []*page) *document {
	laid := make([][]*item, len(pages))
	for i, pg := range pages {
		laid[i] = layoutPage(pg)
	}
	markRunning(laid)
	// the text block is as wide on every page: a page of short lines (a
	// table set as paragraphs) has no line that shows its right edge
	lefts := make([]float64, len(laid))
	width := 0.0
	for i, items := range laid {
		left, right := body(items)
		lefts[i] = left
		if right > left {
			width = math.Max(width, right-left)
		}
	}
	d := &document{}
	var lastTable []string // the rows of the table that ended the previous page
	for i, items := range laid {
		pageNo := pages[i].number
		left, right := lefts[i], lefts[i]+width
		first := true
		for _, it := range items {
			switch {
			case it.running:
				continue
			case it.pageNumber:
				d.pending = append(d.pending, pendingLine{strings.TrimSpace(it.text), pageNo})
				if d.para == nil && d.held == nil {
					d.endParagraph()
				}
				continue
			case it.table != nil:
				rows := it.rows
				if first && lastTable != nil {
					rows = dropRepeatedHeader(lastTable, rows)
					if d.held != nil && len(rows) > 0 {
						if merged, ok := mergeSplitRow(d.held.text, rows[0]); ok {
							// the row broke across the page: its page
							// number goes before it, like a paragraph's
							d.writeFurniture(d.pending, d.held.page)
							d.pending, d.held = nil, nil
							d.write(merged+"\n", d.page)
							rows = rows[1:]
						}
					}
				}
				d.endParagraph()
				for k, r := range rows {
					if k == len(rows)-1 && lastOnPage(items, it) {
						// it may go on on the next page
						d.held = &heldRow{text: r, page: pageNo}
						break
					}
					d.write(r, pageNo)
					d.write("\n", pageNo)
				}
				lastTable = it.rows
			default:
				left, right := left, right
				if it.colRight > 0 {
					left, right = it.colLeft, it.colRight
				}
				// the next line may be right below, or at the top of the
				// next column or page
				below := d.para != nil && d.para.page == pageNo && d.para.last.base > it.line.base
				if d.para.continues(it.line, it.text, left, below) {
					// a space only between two words
					prev := string(d.para.lastRune)
					d.para.add(joinWrapped(prev, it.text)[len(prev):], pageNo)
					d.para.last, d.para.page, d.para.pageRight = it.line, pageNo, right
					d.para.lastRune = lastRune(it.text)
					continue
				}
				d.startParagraph(it.line, it.text, pageNo, right)
				lastTable = nil
			}
			first = false
		}
		// a table that ends the page (above its footer) may go on
		for k := len(items) - 1; k >= 0; k-- {
			if items[k].pageNumber || items[k].running {
				continue
			}
			if items[k].table == nil {
				lastTable = nil
			}
			break
		}
	}
	d.endParagraph()
	d.toPage(len(pages))
	return d
}

// dropRepeatedHeader removes the header rows that a table crossing a page
// repeats at the top of the next page.
func dropRepeatedHeader(prev, rows []string) []string {
	n := 0
	for n < len(prev) && n < len(rows)-1 && prev[n] == rows[n] {
		n++
	}
	return rows[n:]
}
