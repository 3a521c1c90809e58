package grammar

import (
	"sort"
	"sync"
	"unicode/utf8"
)

// A table region is lexed into a stream of cell tokens (labels, numbers,
// explicit empty cells, other text), whatever the rendering; the stream is
// then aligned with the template's sequence of row labels and the number of
// values each row takes. Layout matters only for empty cells.

type tokKind int

const (
	tokLabel tokKind = iota
	tokNumber
	tokEmpty
	tokPlaceholder
	tokText
)

type token struct {
	kind   tokKind
	start  int // view offsets
	end    int
	text   string
	entry  *labelEntry
	line   int    // index into parser.lines
	whole  bool   // the token is a whole cell
	digits bool   // a number made of digits only (may be glued)
	how    tokHow // fuzzy match: truncated, typo
	// canonical: a label token whose text is its label's canonical text,
	// found as the lexer adds it (and kept in the matcher's memory of the
	// cell): makeLabel need not compare them
	canonical bool
	// label is 1 + the index in its table's Labels of the first Label made
	// of the token (0: none), which labelFor looks up
	label int32
}

// tokHow is how a label token was matched when not exactly: a byte, not
// its name, so that a token is 64 bytes, not 80 (tokens are written,
// copied and cleared by the thousands in a report).
type tokHow uint8

const (
	howExact tokHow = iota
	howTruncated
	howTypo
	howPosition
)

// howNames are the hows' names, as Label.How gives them.
var howNames = [...]string{howExact: "", howTruncated: "truncated", howTypo: "typo", howPosition: "position"}

// howOf is the tokHow named name (fuzzy's answer).
func howOf(name string) tokHow {
	switch name {
	case "truncated":
		return howTruncated
	case "typo":
		return howTypo
	case "position":
		return howPosition
	}
	return howExact
}

func (t *token) isValue() bool {
	return t.kind == tokNumber || t.kind == tokEmpty || t.kind == tokPlaceholder
}

// anchors say where a table is when its section heading is missing.
var tableAnchors = [3][]anchor{
	{{"第二十条", 10}},
	{{"本年新收政府信息公开申请数量", 8}, {"勾稽关系", 1}},
	{{"未经复议直接起诉", 2}, {"复议后起诉", 10}},
}

// anchor is a word and the offset of a byte of it rare in reports, which
// indexWord looks for.
type anchor struct {
	word string
	rare int
}

func (p *parser) findTables() {
	defs := Tables(p.r.Format)
	p.sizeTableSlabs(defs)
	for id := 1; id <= 3; id++ {
		a, b, ok := p.tableRegion(id)
		if !ok {
			continue
		}
		t := p.readTable(defs[id-1], a, b)
		if t != nil {
			p.r.Tables[id-1] = t
		}
	}
}

// sizeTableSlabs sets the block sizes of the rows and cell slots to those of
// the report's three tables (table 三 by either format's rows: lexTable
// chooses).
func (p *parser) sizeTableSlabs(defs [3]*TableDef) {
	for _, ts := range templateSlabs {
		if ts.defs == defs {
			p.slabRows, p.slabSlots = ts.rows, ts.slots
			return
		}
	}
	p.slabRows, p.slabSlots = countTableSlabs(defs)
}

// countTableSlabs counts the rows and the cell slots of the three tables
// defs.
func countTableSlabs(defs [3]*TableDef) (allRows, allSlots int) {
	for _, def := range defs {
		rows, slots := def.size()
		if def.ID == TableRequests {
			r19, s19 := Table2For2019.size()
			r21, s21 := Table2.size()
			rows, slots = max(r19, r21), max(s19, s21)
		}
		allRows += rows
		allSlots += slots
	}
	return allRows, allSlots
}

// templateSlabs are sizeTableSlabs' sizes for each format's templates
// (Tables), counted once: the same for every report.
var templateSlabs = func() (out [2]struct {
	defs        [3]*TableDef
	rows, slots int
}) {
	for k, f := range []Format{Format2019, Format2021} {
		out[k].defs = Tables(f)
		out[k].rows, out[k].slots = countTableSlabs(out[k].defs)
	}
	return out
}()

// size returns the number of rows and of cells of def.
func (def *TableDef) size() (rows, cells int) {
	for _, rd := range def.Rows {
		cells += len(rd.Cols)
	}
	return len(def.Rows), cells
}

// tableRegion finds the view range of table id: the body of its section when
// that holds the table's anchor, else from the anchor to the next section.
func (p *parser) tableRegion(id int) (int, int, bool) {
	key := []SectionKey{SecProactive, SecRequests, SecReview}[id-1]
	for i, h := range p.sectionHead {
		if h.Section != key {
			continue
		}
		a, b := p.sectionBody(i)
		if p.hasAnchor(id, a, b) {
			return a, b, true
		}
	}
	// no section holds it: search the whole text outside the other tables
	best := -1
	for _, anc := range tableAnchors[id-1] {
		for i := 0; i < len(p.text); {
			j := indexWord(p.text[i:], anc.word, anc.rare)
			if j < 0 {
				break
			}
			if !p.inTable(i + j) {
				if best < 0 || i+j < best {
					best = i + j
				}
				break
			}
			i += j + len(anc.word)
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	// back to the start of the line (or of the glued run)
	a := best
	for a > 0 && p.text[a-1] != '\n' && best-a < 200 {
		a--
	}
	for a < best && !utf8.RuneStart(p.text[a]) {
		a++
	}
	b := len(p.text)
	for _, h := range p.sectionHead {
		if h.vStart > best {
			b = h.vStart
			break
		}
	}
	return a, b, true
}

func (p *parser) inTable(off int) bool {
	_, ok := firstOverlap(p.tableRanges, off, off+1)
	return ok
}

func (p *parser) hasAnchor(id, a, b int) bool {
	for _, anc := range tableAnchors[id-1] {
		if containsWord(p.text[a:b], anc.word, anc.rare) {
			return true
		}
	}
	// table 1 in a report that lost its block titles still has its rows
	if id == TableProactive {
		return containsWord(p.text[a:b], "信息内容", 7)
	}
	return false
}

var (
	matchersMu sync.Mutex
	matchers   = map[*TableDef]*matcher{}
)

// matcherFor builds a table's label matcher once.
func matcherFor(def *TableDef) *matcher {
	matchersMu.Lock()
	defer matchersMu.Unlock()
	m := matchers[def]
	if m == nil {
		m = newMatcher(def)
		matchers[def] = m
	}
	return m
}

func (p *parser) readTable(def *TableDef, a, b int) *Table {
	defer p.releaseLexers()
	def, lx := p.lexTable(def, a, b)
	if len(lx.toks) == 0 {
		return nil
	}
	return p.readTokens(def, lx)
}

// lexTable lexes the table region [a, b) by the rows of def, or, for table
// 三, by the rows it has; it returns the definition read by.
func (p *parser) lexTable(def *TableDef, a, b int) (*TableDef, *lexer) {
	var lx *lexer
	if def.ID == TableRequests {
		// table 三 is read by the rows it has, whatever the report's format:
		// the 2019 single row （六）其他处理 or the three 2021 rows under it,
		// which the 2021 rows tell; it is lexed again only when read by
		// the 2019 rows
		lx21 := p.lexRegion(Table2, a, b)
		lx21.releaseTrailingText()
		switch lx21.otherRows() {
		case otherRows2019:
			def = Table2For2019
		case otherRows2021:
			def = Table2
		}
		if def == Table2 {
			lx = lx21
		}
	}
	if lx == nil {
		lx = p.lexRegion(def, a, b)
		lx.releaseTrailingText()
	}
	return def, lx
}

// readTokens reads the tokens of a table into its rows.
func (p *parser) readTokens(def *TableDef, lx *lexer) *Table {
	t := &p.tableSlab.take(1, 3)[0] // zero: its fields set one by one
	t.ID, t.Def, t.Span = def.ID, def, p.span(lx.firstStart(), lx.lastEnd())
	p.tableRanges = appendSortedRanges(p.tableRanges, lx.lexed)
	switch {
	case p.r.Rendering == "html" || p.r.Rendering == "docx":
		t.Layout = p.r.Rendering
	case lx.glued:
		t.Layout = "glued"
	case lx.tabs:
		t.Layout = "tab"
	case lx.pipes:
		t.Layout = "pipe"
	default:
		t.Layout = "lines"
	}
	// releaseTrailingText counted the labels (lexTable)
	if labels := lx.labels; labels > 0 {
		// a report's tables have about 80 labels
		t.Labels = p.labelPtrSlab.take(labels, 128)[:0]
		// this table's labels in one block, made for about those of the
		// tables after it too (a report's tables have about 20, 40, 20)
		p.labels.reserve(labels, [3]int{60, 20, 0}[def.ID-1])
	}
	// the labels, from the block reserved: in a row, as made one by one
	toks := lx.toks
	ls := p.labels.take(len(lx.labelAt))
	t.Labels = t.Labels[:len(ls)]
	for k, i := range lx.labelAt {
		tk := &toks[i]
		p.setLabel(&ls[k], tk)
		t.Labels[k] = &ls[k]
		tk.label = int32(k + 1)
	}
	// the rows and their cell slots, for the report's three tables in one
	// allocation each (two allocations per row were a tenth of a parse's)
	nrows, slots := def.size()
	t.Rows = p.rowPtrSlab.take(nrows, p.slabRows)
	rows := p.rowSlab.take(nrows, p.slabRows)
	cells := p.cellPtrSlab.take(slots, p.slabSlots)
	for i, rd := range def.Rows {
		n := len(rd.Cols)
		rows[i].Def, rows[i].Cells = rd, cells[:n:n] // capped: an append copies
		cells = cells[n:]
		t.Rows[i] = &rows[i]
	}
	if def.Positional {
		p.alignPositional(t, lx)
	} else {
		p.alignRows(t, lx)
	}
	if !t.anyCell() {
		t.Unreadable = true
		t.Problems = append(t.Problems, &Problem{Kind: "unreadable", Span: t.Span,
			Message: "表格已找到，但没有一个数值能对应到模板的单元格"})
	}
	return t
}

// appendSortedRanges appends more to ranges, both sorted by their starts,
// and sorts the whole by start when it is not sorted: when more starts
// before the last of ranges (a table before the others in the text). A
// table's lexed lines are in line order, so only where the two meet can
// the order break; the sort is not run on what is sorted already.
func appendSortedRanges(ranges, more []Span) []Span {
	before := len(ranges)
	ranges = append(ranges, more...)
	if before > 0 && len(more) > 0 && more[0].Start < ranges[before-1].Start {
		sort.Slice(ranges, func(i, j int) bool { return ranges[i].Start < ranges[j].Start })
	}
	return ranges
}

// Which rows under （六）其他处理 a table 三 has (lexer.otherRows).
const (
	otherRowsNone = iota
	otherRows2019 // the single row, followed by its own values
	otherRows2021 // one of the three rows under it, at least
)

// otherRows tells the rows under （六）其他处理 from the tokens, in one
// pass: one of the 2021 rows says 2021 wherever it is; else
// "（六）其他处理" followed by its own values (after the empty cells of a
// merged label) says 2019. The labels are read from the last: the rows
// under （六） are near the table's end.
func (lx *lexer) otherRows() int {
	found := false
	toks := lx.toks
	for k := len(lx.labelAt) - 1; k >= 0; k-- {
		i := int(lx.labelAt[k])
		tk := &toks[i]
		if tk.entry.kind == LabelRow && tk.entry.row.Group == groupOt {
			return otherRows2021
		}
		if !found && tk.entry.kind == LabelHeader && tk.entry.label == groupOt {
			j := i + 1
			for j < len(toks) && toks[j].kind == tokEmpty && toks[j].line == tk.line {
				j++
			}
			found = j < len(toks) && toks[j].kind == tokNumber
		}
	}
	if found {
		return otherRows2019
	}
	return otherRowsNone
}

func (t *Table) anyCell() bool {
	for _, r := range t.Rows {
		if r.Found() {
			return true
		}
	}
	return false
}

func (p *parser) makeLabel(tk *token) *Label {
	l := p.labels.next()
	p.setLabel(l, tk)
	return l
}

// setLabel sets the new label l, zero, to the label of tk.
func (p *parser) setLabel(l *Label, tk *token) {
	e := tk.entry
	// its fields are set one by one, as a cell's (placeCellsFrom), with
	// no whole Label built and copied
	l.Kind, l.Span, l.Text, l.Canonical, l.Row, l.Col = e.kind, p.span(tk.start, tk.end), tk.text, e.label, e.row, e.col
	l.Exact = !e.variant && tk.how == howExact && !e.unnumered
	l.Normalized = l.Exact && (tk.canonical || tk.text == e.label)
	switch {
	case tk.how != howExact:
		l.How = howNames[tk.how]
	case e.variant:
		l.How = "variant"
	case e.unnumered:
		l.How = "unnumbered"
	}
}

func (p *parser) unplaced(t *Table, tk *token, reason string) {
	p.r.Unplaced = append(p.r.Unplaced, &Unplaced{Table: t.ID, Span: p.span(tk.start, tk.end), Text: tk.text, Reason: reason})
}

func (p *parser) labelFor(t *Table, tk *token) *Label {
	sp := p.span(tk.start, tk.end)
	// the token's own: on the source itself (no view) a span is one
	// token's, and tokens do not overlap, so no label before it has its span
	if k := tk.label; k > 0 && p.v.pieces == nil && t.Labels[k-1].Span == sp {
		return t.Labels[k-1]
	}
	for _, l := range t.Labels {
		if l.Span == sp {
			return l
		}
	}
	return p.makeLabel(tk)
}
