package pdf

import (
	"github.com/gdlint/gdlint/grammar"
	"math"
	"regexp"
	"strings"
)

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
	lastTable  []string // the rows of the table that ended the previous page
	imagePages []int    // pages that hold an image and no text but furniture
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
	for i, items := range laid {
		if imageOnly(pages[i], items) {
			d.imagePages = append(d.imagePages, pages[i].number)
		}
		d.addPage(items, pages[i].number, lefts[i], lefts[i]+width)
	}
	d.endParagraph()
	d.toPage(len(pages))
	return d
}

// addPage writes the items of one page; left and right are the edges of
// its text block.
func (d *document) addPage(items []*item, pageNo int, left, right float64) {
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
			d.addTable(items, it, pageNo, first)
		default:
			d.addLine(it, pageNo, left, right)
		}
		first = false
	}
	// a table that ends the page (above its footer) may go on
	for k := len(items) - 1; k >= 0; k-- {
		if items[k].pageNumber || items[k].running {
			continue
		}
		if items[k].table == nil {
			d.lastTable = nil
		}
		break
	}
}

// addTable writes a table's rows. At the top of a page, after a table that
// ended the previous one, it drops the header rows repeated there and joins
// a row that the page break cut in two.
func (d *document) addTable(items []*item, it *item, pageNo int, first bool) {
	rows := it.rows
	if first && d.lastTable != nil {
		rows = dropRepeatedHeader(d.lastTable, rows)
		if d.held != nil && len(rows) > 0 {
			if merged, ok := mergeSplitRow(d.held.text, rows[0]); ok {
				// its page number goes before it, like a paragraph's
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
		d.write(r+"\n", pageNo)
	}
	d.lastTable = it.rows
}

// addLine goes on with the open paragraph or starts one.
func (d *document) addLine(it *item, pageNo int, left, right float64) {
	if it.colRight > 0 {
		left, right = it.colLeft, it.colRight
	}
	// the next line may be right below, or at the top of the next column
	// or page
	below := d.para != nil && d.para.page == pageNo && d.para.last.base > it.line.base
	if d.para.continues(it.line, it.text, left, below) {
		// a space only between two words
		prev := string(d.para.lastRune)
		d.para.add(joinWrapped(prev, it.text)[len(prev):], pageNo)
		d.para.last, d.para.page, d.para.pageRight = it.line, pageNo, right
		d.para.lastRune = lastRune(it.text)
		return
	}
	d.startParagraph(it.line, it.text, pageNo, right)
	d.lastTable = nil
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

// minImageShare is the share of a page that images must cover for a page
// without text to count as an image of content (a scanned page, a table
// pasted as a picture), not a blank page with a logo.
const minImageShare = 0.2

// imageOnly reports whether a page shows images and no text but its page
// number or running header: its content cannot be read.
func imageOnly(pg *page, items []*item) bool {
	if pg.width <= 0 || pg.height <= 0 || pg.imageArea < minImageShare*pg.width*pg.height {
		return false
	}
	for _, it := range items {
		if it.running || it.pageNumber {
			continue
		}
		if it.table != nil || strings.TrimSpace(it.text) != "" {
			return false
		}
	}
	return true
}
