package grammar

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
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
	how    string // fuzzy match: truncated, typo
	line   int    // index into parser.lines
	whole  bool   // the token is a whole cell
	digits bool   // a number made of digits only (may be glued)
}

func (t *token) isValue() bool {
	return t.kind == tokNumber || t.kind == tokEmpty || t.kind == tokPlaceholder
}

var (
	reMDSeparator = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
	reMDHeading   = regexp.MustCompile(`^#{1,6}\s*`)
)

var placeholders = map[string]bool{"/": true, "／": true, "—": true, "——": true, "-": true, "－": true, "--": true,
	"不适用": true, "无": true, "—/—": true, "\\": true, "、": true}

// anchors say where a table is when its section heading is missing.
var tableAnchors = [3][]string{
	{"第二十条"},
	{"本年新收政府信息公开申请数量", "勾稽关系"},
	{"未经复议直接起诉", "复议后起诉"},
}

func (p *parser) findTables() {
	defs := Tables(p.r.Format)
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
			j := strings.Index(p.text[i:], anc)
			if j < 0 {
				break
			}
			if !p.inTable(i + j) {
				if best < 0 || i+j < best {
					best = i + j
				}
				break
			}
			i += j + len(anc)
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
		if strings.Contains(p.text[a:b], anc) {
			return true
		}
	}
	// table 1 in a report that lost its block titles still has its rows
	if id == TableProactive {
		return strings.Contains(p.text[a:b], "信息内容")
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

// ---- lexing ----

type lexer struct {
	p     *parser
	m     *matcher
	toks  []token
	tabs  bool
	pipes bool
	glued bool
	lexed []Span
	// lexedLine is the line index of each lexed span
	lexedLine []int
	first     int // view offset of the first token
	last      int
	nlines    int
}

func (p *parser) lexRegion(def *TableDef, a, b int) *lexer {
	lx := &lexer{p: p, m: matcherFor(def), first: -1}
	for li, ln := range p.lines {
		if ln.end <= a || ln.start >= b {
			continue
		}
		s, e := ln.start, ln.end
		if s < a {
			s = a
		}
		if e > b {
			e = b
		}
		s, e = trimKeepTabs(p.text, s, e)
		if s == e || p.isResidueLine(ln) || strings.Trim(p.text[s:e], "\t") == "" && !strings.Contains(p.text[s:e], "\t") {
			continue
		}
		text := p.text[s:e]
		if c := text[0]; (c == '|' || c == '-' || c == ':') && reMDSeparator.MatchString(text) {
			continue
		}
		// prose inside the region stays prose
		if isProse(text) && !lx.startsWithLabel(s, e) {
			continue
		}
		if text[0] == '#' {
			m := reMDHeading.FindStringIndex(text)
			s += m[1]
		}
		lx.lexLine(li, s, e)
		lx.lexed = append(lx.lexed, Span{s, e})
		lx.lexedLine = append(lx.lexedLine, li)
		lx.nlines++
	}
	return lx
}

// trimKeepTabs trims spacing but keeps tabs: a leading tab is an empty cell.
func trimKeepTabs(t string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(t[s:e])
		if r == '\t' || !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(t[s:e])
		if r == '\t' || !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// isProse tells a sentence from a table line: full-width sentence
// punctuation in a longer line without cell separators.
func isProse(text string) bool {
	if strings.ContainsAny(text, "\t|") {
		return false
	}
	n := utf8.RuneCountInString(text)
	if n > 300 {
		return false // a glued table (crawler text), not a sentence
	}
	return strings.Contains(text, "。") && n > 25 || strings.ContainsAny(text, "，；") && n > 20
}

// releaseTrailingText gives back the lines after the table's last label or
// value: a region that runs to the next section heading may end in prose
// broken into short lines (a PDF export) that is not part of the table.
func (lx *lexer) releaseTrailingText() {
	last := -1
	for i := range lx.toks {
		if lx.toks[i].kind != tokText {
			last = lx.toks[i].line
		}
	}
	k := len(lx.toks)
	for k > 0 && lx.toks[k-1].line > last {
		k--
	}
	lx.toks = lx.toks[:k]
	j := len(lx.lexed)
	for j > 0 && lx.lexedLine[j-1] > last {
		j--
	}
	lx.lexed, lx.lexedLine = lx.lexed[:j], lx.lexedLine[:j]
	if k > 0 {
		lx.last = lx.toks[k-1].end
	}
}

func (lx *lexer) startsWithLabel(s, e int) bool {
	for _, open := range []string{"（", "("} {
		if strings.HasPrefix(lx.p.text[s:e], open) {
			s += len(open)
		}
	}
	en, _ := lx.m.match(lx.p.text, s, e, false)
	return en != nil
}

func (lx *lexer) lexLine(li, s, e int) {
	t := lx.p.text
	line := t[s:e]
	sep := byte(0)
	switch {
	case strings.IndexByte(line, '\t') >= 0:
		sep = '\t'
		lx.tabs = true
	case strings.Count(line, "|") >= 1 && (strings.HasPrefix(line, "|") || strings.HasSuffix(line, "|") || strings.Count(line, "|") >= 2):
		sep = '|'
		lx.pipes = true
	}
	if sep == 0 {
		lx.lexCell(li, s, e, false)
		return
	}
	// "\t0" (Word export, one cell per paragraph) is one indented cell
	if sep == '\t' && strings.Count(strings.TrimLeft(line, "\t"), "\t") == 0 {
		rest := strings.TrimLeft(line, "\t")
		if rest == "" {
			lx.add(token{kind: tokEmpty, start: s, end: s, line: li, whole: true})
			return
		}
		lx.lexCell(li, s+len(line)-len(rest), e, true)
		return
	}
	cells := splitCells(line, sep)
	if sep == '|' {
		if strings.HasPrefix(line, "|") && len(cells) > 0 {
			cells = cells[1:]
		}
		if strings.HasSuffix(line, "|") && len(cells) > 0 {
			cells = cells[:len(cells)-1]
		}
	}
	for _, c := range cells {
		cs, ce := trimSpan(t, s+c[0], s+c[1])
		if cs == ce {
			lx.add(token{kind: tokEmpty, start: s + c[0], end: s + c[0], line: li, whole: true})
			continue
		}
		lx.lexCell(li, cs, ce, true)
	}
}

func splitCells(line string, sep byte) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == sep {
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	return append(out, [2]int{start, len(line)})
}

func (lx *lexer) add(tk token) {
	if lx.first < 0 {
		lx.first = tk.start
	}
	lx.last = tk.end
	lx.toks = append(lx.toks, tk)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// lexCell splits one cell (or one glued line) into tokens.
func (lx *lexer) lexCell(li, s, e int, separated bool) {
	t := lx.p.text
	cellText := t[s:e]
	if separated && placeholders[cellText] {
		lx.add(token{kind: tokPlaceholder, start: s, end: e, text: cellText, line: li, whole: true})
		return
	}
	before := len(lx.toks)
	// a label cut short or misspelt, alone in its cell or line
	if en, _ := lx.m.match(t, s, e, false); en == nil && labelLike(cellText) {
		if en, how := lx.m.fuzzy(cellText); en != nil {
			lx.add(token{kind: tokLabel, start: s, end: e, text: cellText, entry: en, how: how, line: li, whole: true})
			return
		}
	}
	labels := 0
	textStart := -1
	flushText := func(end int) {
		if textStart < 0 {
			return
		}
		a, b := trimSpan(t, textStart, end)
		if a < b {
			lx.add(token{kind: tokText, start: a, end: b, text: t[a:b], line: li})
		}
		textStart = -1
	}
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(t[i:e])
		if isSpace(r) {
			flushText(i)
			i += n
			continue
		}
		inText := textStart >= 0 && strings.TrimLeft(t[textStart:i], "（( ") != ""
		if en, end := lx.m.match(t, i, e, inText); en != nil {
			ls, le := i, end
			// the opening bracket of （一） and a closing one belong to the label
			if pr, pn := utf8.DecodeLastRuneInString(t[s:ls]); pr == '（' || pr == '(' {
				ls -= pn
			}
			flushText(ls)
			// closing brackets and quotes right after it belong to it too
			for le < e {
				nr, nn := utf8.DecodeRuneInString(t[le:e])
				if nr != '）' && nr != ')' && nr != '”' && nr != '"' && nr != '’' && nr != '」' {
					break
				}
				le += nn
			}
			lx.add(token{kind: tokLabel, start: ls, end: le, text: t[ls:le], entry: en, line: li})
			labels++
			i = le
			continue
		}
		if isDigit(r) || (r == '-' || r == '－') && i+n < e && isDigitAt(t, i+n) {
			// a number directly after words (数据1) is part of the text
			if textStart >= 0 && hasLetters(t[textStart:i]) {
				i += n
				continue
			}
			end, digitsOnly := lx.scanNumber(i, e)
			// "1.申请人…" whose label did not match: numbering, not a value
			if digitsOnly && end-i <= 2 {
				if r1, n1 := utf8.DecodeRuneInString(t[end:e]); r1 == '.' || r1 == '．' || r1 == '、' {
					if r2, _ := utf8.DecodeRuneInString(t[end+n1 : e]); unicode.Is(unicode.Han, r2) {
						textStart = i
						i = end
						continue
					}
				}
			}
			// a count followed by a unit of narrative (16 件) is prose
			rest := t[end:e]
			if u := narrativeUnit(rest); u > 0 {
				textStart = i
				i = end + u
				continue
			}
			unitEnd := end
			for _, u := range []string{"万元", "元"} {
				if strings.HasPrefix(rest, u) {
					unitEnd = end + len(u)
					break
				}
			}
			lx.add(token{kind: tokNumber, start: i, end: unitEnd, text: t[i:unitEnd], line: li, digits: digitsOnly})
			i = unitEnd
			continue
		}
		if textStart < 0 {
			textStart = i
		}
		i += n
	}
	flushText(e)
	if len(lx.toks) == before+1 {
		lx.toks[before].whole = true
		// a whole cell holding one unknown text: maybe a variant or a typo
		if tk := &lx.toks[before]; tk.kind == tokText && utf8.RuneCountInString(tk.text) <= 60 {
			if en, how := lx.m.fuzzy(tk.text); en != nil {
				tk.kind, tk.entry, tk.how = tokLabel, en, how
			}
		}
	}
	if labels >= 3 && !separated {
		lx.glued = true
	}
}

// labelLike: a cell that reads like a row label (numbering, then words, no
// other digits), not a value.
func labelLike(s string) bool {
	if utf8.RuneCountInString(s) > 60 || !hasCJK(s) {
		return false
	}
	_, rest := splitNumbering(s)
	return strings.IndexFunc(rest, isDigit) < 0
}

func hasLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) }) >= 0
}

func isDigitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isDigit(r)
}

// scanNumber reads digits with at most one decimal point. It stops before a
// digit that starts a numbered row label ("00000002.其他法律…": the 2 is the
// label's) .
func (lx *lexer) scanNumber(i, e int) (int, bool) {
	t := lx.p.text
	j := i
	if r, n := utf8.DecodeRuneInString(t[j:e]); r == '-' || r == '－' {
		j += n
	}
	dot := false
	for j < e {
		r, n := utf8.DecodeRuneInString(t[j:e])
		if isDigit(r) {
			if j > i {
				if en, _ := lx.m.match(t, j, e, false); en != nil && en.key[0] >= '0' && en.key[0] <= '9' {
					break
				}
			}
			j += n
			continue
		}
		if (r == '.' || r == '．') && !dot && j+n < e && isDigitAt(t, j+n) && j > i {
			// "1.属于" is a label, handled above; here a decimal point
			if en, _ := lx.m.match(t, j+n, e, false); en != nil && en.row != nil {
				break
			}
			dot = true
			j += n
			continue
		}
		break
	}
	return j, !dot && !strings.HasPrefix(t[i:j], "-") && !strings.HasPrefix(t[i:j], "－")
}

// narrativeUnit returns the length of a unit word that makes a number prose.
func narrativeUnit(s string) int {
	s2 := strings.TrimLeft(s, " ")
	for _, u := range []string{"件", "条", "个", "次", "人", "%", "％", "项", "篇", "期", "部"} {
		if strings.HasPrefix(s2, u) {
			return len(s) - len(s2) + len(u)
		}
	}
	return 0
}

// ---- alignment ----

type segment struct {
	label      *token // nil for values with no label before them
	values     []*token
	order      int // index of the row in the template, -1 when unknown
	byPosition bool
}

func (p *parser) readTable(def *TableDef, a, b int) *Table {
	lx := p.lexRegion(def, a, b)
	lx.releaseTrailingText()
	if len(lx.toks) == 0 {
		return nil
	}
	t := &Table{ID: def.ID, Def: def, Span: p.span(lx.first, lx.last)}
	p.tableRanges = append(p.tableRanges, lx.lexed...)
	sort.Slice(p.tableRanges, func(i, j int) bool { return p.tableRanges[i].Start < p.tableRanges[j].Start })
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
	for i := range lx.toks {
		tk := &lx.toks[i]
		if tk.kind == tokLabel {
			t.Labels = append(t.Labels, p.makeLabel(tk))
		}
	}
	t.Rows = make([]*Row, len(def.Rows))
	for i, rd := range def.Rows {
		t.Rows[i] = &Row{Def: rd, Cells: make([]*Cell, len(rd.Cols))}
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

func (t *Table) anyCell() bool {
	for _, r := range t.Rows {
		if r.Found() {
			return true
		}
	}
	return false
}

func (p *parser) makeLabel(tk *token) *Label {
	e := tk.entry
	l := &Label{Kind: e.kind, Span: p.span(tk.start, tk.end), Text: tk.text, Canonical: e.label, Row: e.row, Col: e.col}
	l.Exact = !e.variant && tk.how == "" && !e.unnumered
	l.Normalized = l.Exact && tk.text == e.label
	switch {
	case tk.how != "":
		l.How = tk.how
	case e.variant:
		l.How = "variant"
	case e.unnumered:
		l.How = "unnumbered"
	}
	return l
}

func (p *parser) unplaced(t *Table, tk *token, reason string) {
	p.r.Unplaced = append(p.r.Unplaced, &Unplaced{Table: t.ID, Span: p.span(tk.start, tk.end), Text: tk.text, Reason: reason})
}

func (p *parser) alignRows(t *Table, lx *lexer) {
	def := t.Def
	order := map[*RowDef]int{}
	for i, r := range def.Rows {
		order[r] = i
	}
	// 1. cut the stream into segments: a row label (or an unknown label, or
	// nothing: orphan values) and the values after it
	var segs []*segment
	var cur *segment
	seenRow := false
	for i := range lx.toks {
		tk := &lx.toks[i]
		switch {
		case tk.kind == tokLabel && tk.entry.kind == LabelRow:
			cur = &segment{label: tk, order: order[tk.entry.row]}
			segs = append(segs, cur)
			seenRow = true
		case tk.kind == tokLabel:
			cur = nil // a group or header label ends the row before it
		case tk.kind == tokText:
			switch {
			case cur != nil && len(cur.values) > 0 && tk.whole && shortValueText(tk.text):
				cur.values = append(cur.values, tk) // 减4: a value that is not a number
			case cur != nil && len(cur.values) == 0 && strings.IndexFunc(tk.text, isDigit) < 0:
				// a label broken over two cells or lines: the rest of it
			case tk.whole && seenRow && hasCJK(tk.text):
				cur = &segment{label: tk, order: -1}
				segs = append(segs, cur)
			default:
				if strings.IndexFunc(tk.text, isDigit) >= 0 || seenRow {
					p.unplaced(t, tk, "表格中的文字不是模板的标签")
				}
				cur = nil
			}
		default:
			if cur == nil {
				if tk.kind == tokEmpty {
					continue
				}
				cur = &segment{order: -1}
				segs = append(segs, cur)
			}
			cur.values = append(cur.values, tk)
		}
	}
	// 2a. empty cells are layout, not values, when they trail on a later
	// line (the merged group columns that open the next row) or when they
	// open a short row where complete rows of this table also open with
	// empties (a label spanning two columns)
	leadingLayout := false
	for _, sg := range segs {
		if n := len(def.Rows[max(sg.order, 0)].Cols); sg.label != nil && nonEmpty(sg.values) == n && len(sg.values) > n && sg.values[0].kind == tokEmpty {
			leadingLayout = true
		}
	}
	for _, sg := range segs {
		sg.values = trimLayoutEmpties(sg, len(def.Rows[max(sg.order, 0)].Cols), leadingLayout)
	}
	// 2b. a segment holding several lines of exactly one row each is several
	// rows: the ones after the first lost their labels
	var split []*segment
	for _, sg := range segs {
		split = append(split, splitByLine(sg, len(def.Rows[max(sg.order, 0)].Cols))...)
	}
	segs = split
	// 3. labelled rows with values; a later repetition wins
	found := map[int]*segment{}
	var labelled []*segment
	// a row whose cells are all explicitly blank (| 规章 | | | |) is a blank
	// row, not a missing one, unless its label also has values elsewhere
	hasValues := map[int]bool{}
	for _, sg := range segs {
		if sg.order >= 0 && nonEmpty(sg.values) > 0 {
			hasValues[sg.order] = true
		}
	}
	for _, sg := range segs {
		if sg.order < 0 {
			continue
		}
		if nonEmpty(sg.values) == 0 {
			if hasValues[sg.order] || found[sg.order] != nil || len(sg.values) != len(def.Rows[sg.order].Cols) {
				continue
			}
		}
		if prev := found[sg.order]; prev != nil {
			for _, v := range prev.values {
				if v.kind != tokEmpty {
					p.unplaced(t, v, "同一行标签重复出现，采用后一处的数值")
				}
			}
		}
		found[sg.order] = sg
		labelled = append(labelled, sg)
	}
	// 4. between two labelled rows in template order, values without a label
	// take the rows missing there, in order, when their counts agree and
	// each holds exactly one row of values
	byPos := map[*segment]int{}
	for i, sg := range segs {
		byPos[sg] = i
	}
	for ai := 0; ai <= len(labelled); ai++ {
		lo, loPos := -1, -1
		if ai > 0 {
			lo, loPos = labelled[ai-1].order, byPos[labelled[ai-1]]
		}
		hi, hiPos := len(def.Rows), len(segs)
		if ai < len(labelled) {
			hi, hiPos = labelled[ai].order, byPos[labelled[ai]]
		}
		var orphans []*segment
		for _, sg := range segs[loPos+1 : hiPos] {
			if sg.order < 0 && nonEmpty(sg.values) > 0 {
				orphans = append(orphans, sg)
			}
		}
		var missing []int
		for k := lo + 1; k < hi; k++ {
			if found[k] == nil {
				missing = append(missing, k)
			}
		}
		fits := len(orphans) > 0 && len(orphans) == len(missing) && lo < hi
		for k := 0; fits && k < len(orphans); k++ {
			n := len(def.Rows[missing[k]].Cols)
			fits = nonEmpty(orphans[k].values) == n || len(orphans[k].values) == n
		}
		if fits {
			for k, sg := range orphans {
				row := def.Rows[missing[k]]
				sg.order = missing[k]
				sg.byPosition = true
				if sg.label != nil {
					sg.label.kind = tokLabel
					sg.label.entry = &labelEntry{label: row.Label, kind: LabelRow, row: row}
					sg.label.how = "position"
					t.Labels = append(t.Labels, p.makeLabel(sg.label))
				}
				found[missing[k]] = sg
			}
			continue
		}
		for _, sg := range orphans {
			reason := "数值前没有可识别的行标签"
			if sg.label != nil {
				reason = fmt.Sprintf("行标签“%s”不是模板中的行", sg.label.text)
				t.Problems = append(t.Problems, &Problem{Kind: "unknown-label", Span: p.span(sg.label.start, sg.label.end),
					Message: fmt.Sprintf("无法识别的行标签“%s”", sg.label.text)})
			}
			for _, v := range sg.values {
				if v.kind != tokEmpty {
					p.unplaced(t, v, reason)
				}
			}
		}
	}
	// 5. fill the rows; rows whose glued digits split several ways wait for
	// the table's balances
	prevEnd := lx.first
	for i, row := range t.Rows {
		sg, ok := found[i]
		if !ok {
			t.Problems = append(t.Problems, &Problem{Kind: "missing-row", Row: row.Def, Span: p.span(prevEnd, prevEnd),
				Message: fmt.Sprintf("缺少“%s”行，或其数值无法确定", row.Def.Label)})
			continue
		}
		if sg.label != nil {
			row.Label = p.labelFor(t, sg.label)
		}
		p.fillRow(t, []*Row{row}, sg.values, sg.label)
		if sg.byPosition {
			for _, c := range row.Cells {
				if c != nil && c.Doubt == "" {
					c.Doubt = "行标签未能识别，按行的位置对应"
				}
			}
		}
		if n := len(sg.values); n > 0 {
			prevEnd = sg.values[n-1].end
		}
	}
	p.resolvePending(t)
}

// trimLayoutEmpties drops the empty cells of a short row that belong to the
// layout rather than to the row.
func trimLayoutEmpties(sg *segment, n int, leadingLayout bool) []*token {
	vs := sg.values
	last := -1
	for i, v := range vs {
		if v.kind != tokEmpty {
			last = i
		}
	}
	if last < 0 || nonEmpty(vs) >= n {
		return vs
	}
	end := len(vs)
	for end > last+1 && vs[end-1].line != vs[last].line {
		end--
	}
	vs = vs[:end]
	if leadingLayout && sg.label != nil {
		start := 0
		for start < len(vs) && vs[start].kind == tokEmpty && vs[start].line == sg.label.line && nonEmpty(vs[start+1:]) < n {
			start++
		}
		vs = vs[start:]
	}
	return vs
}

// splitByLine cuts a segment whose values run over several lines, each line
// holding exactly n values, into one segment per line.
func splitByLine(sg *segment, n int) []*segment {
	if nonEmpty(sg.values) <= n {
		return []*segment{sg}
	}
	var groups [][]*token
	for _, v := range sg.values {
		if len(groups) == 0 || groups[len(groups)-1][0].line != v.line {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], v)
	}
	if len(groups) < 2 {
		return []*segment{sg}
	}
	for _, g := range groups {
		if nonEmpty(g) != n {
			return []*segment{sg}
		}
	}
	out := []*segment{{label: sg.label, order: sg.order, values: groups[0]}}
	for _, g := range groups[1:] {
		out = append(out, &segment{order: -1, values: g})
	}
	return out
}

func (p *parser) labelFor(t *Table, tk *token) *Label {
	sp := p.span(tk.start, tk.end)
	for _, l := range t.Labels {
		if l.Span == sp {
			return l
		}
	}
	return p.makeLabel(tk)
}

func shortValueText(s string) bool {
	return utf8.RuneCountInString(s) <= 8 && strings.IndexFunc(s, isDigit) >= 0
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func nonEmpty(vs []*token) int {
	n := 0
	for _, v := range vs {
		if v.kind != tokEmpty {
			n++
		}
	}
	return n
}

func (p *parser) alignPositional(t *Table, lx *lexer) {
	// runs of consecutive values; header text separates them
	type run struct {
		vals   []*token
		before int // index of the token before the run
	}
	var runs []run
	var cur *run
	for i := range lx.toks {
		tk := &lx.toks[i]
		if tk.isValue() || tk.kind == tokText && tk.whole && shortValueText(tk.text) {
			if cur == nil {
				runs = append(runs, run{before: i - 1})
				cur = &runs[len(runs)-1]
			}
			cur.vals = append(cur.vals, tk)
			continue
		}
		cur = nil
	}
	// empty cells trailing on a header's own line are layout
	for k := range runs {
		r := &runs[k]
		if r.before >= 0 {
			hl := lx.toks[r.before].line
			for len(r.vals) > 0 && r.vals[0].kind == tokEmpty && r.vals[0].line == hl {
				r.vals = r.vals[1:]
			}
		}
	}
	n := 0
	for _, r := range t.Rows {
		n += len(r.Def.Cols)
	}
	// one run that fills the whole table (the usual single data row), else
	// one run per group (a table split into three small ones)
	best := -1
	for k, r := range runs {
		if nonEmpty(r.vals) == 0 {
			continue
		}
		if best < 0 || nonEmpty(r.vals) >= nonEmpty(runs[best].vals) {
			best = k
		}
	}
	if best < 0 {
		return
	}
	var groups []int
	for k, r := range runs {
		if nonEmpty(r.vals) > 0 && len(r.vals) == len(t.Rows[0].Def.Cols) {
			groups = append(groups, k)
		}
	}
	used := map[int]bool{}
	if len(runs[best].vals) < n && len(groups) == len(t.Rows) {
		for gi, k := range groups {
			var anchor *token
			if runs[k].before >= 0 {
				anchor = &lx.toks[runs[k].before]
			}
			p.fillRow(t, t.Rows[gi:gi+1], runs[k].vals, anchor)
			used[k] = true
		}
	} else {
		var anchor *token
		if runs[best].before >= 0 {
			anchor = &lx.toks[runs[best].before]
		}
		p.fillRow(t, t.Rows, runs[best].vals, anchor)
		used[best] = true
	}
	for k, r := range runs {
		if used[k] {
			continue
		}
		for _, v := range r.vals {
			if v.kind == tokNumber {
				p.unplaced(t, v, "数值不在表格的数据行中")
			}
		}
	}
}

// fillRow places values into rows (one row, or all rows of a positional table).
func (p *parser) fillRow(t *Table, rows []*Row, vals []*token, label *token) {
	var defs []*RowDef
	n := 0
	for _, r := range rows {
		defs = append(defs, r.Def)
		n += len(r.Def.Cols)
	}
	check := rowCheck(t.Def, defs)
	name := rows[0].Def.Label
	if len(rows) > 1 {
		name = t.Def.Name
	}
	placed, extra, split, msg := p.fit(vals, n, check)
	spanOf := func(vs []*token) Span {
		if len(vs) == 0 {
			if label != nil {
				return p.span(label.start, label.end)
			}
			return t.Span
		}
		return p.span(vs[0].start, vs[len(vs)-1].end)
	}
	if placed == nil {
		kind := "missing-values"
		if strings.HasPrefix(msg, "ambiguous") {
			kind = "ambiguous-split"
			// the table's own balances may still tell which split is right
			if t.ID == TableRequests && len(rows) == 1 && p.cands != nil {
				p.pending = append(p.pending, &pendingRow{row: rows[0], vals: vals, label: label, cands: p.cands})
				p.cands = nil
				return
			}
		} else if len(vals) > n {
			kind = "extra-values"
		}
		p.cands = nil
		t.Problems = append(t.Problems, &Problem{Kind: kind, Row: rows[0].Def, Span: spanOf(vals), Message: problemMessage(kind, name, n, vals, msg)})
		for _, v := range vals {
			if v.kind != tokEmpty {
				p.unplaced(t, v, fmt.Sprintf("“%s”：%s", name, problemMessage(kind, name, n, vals, msg)))
			}
		}
		return
	}
	doubt := ""
	if split {
		doubt = "数字粘连，按本行合计关系唯一拆分"
	}
	if len(extra) > 0 {
		doubt = fmt.Sprintf("该行有%d个数值，应为%d个", nonEmpty(vals), n)
		t.Problems = append(t.Problems, &Problem{Kind: "extra-values", Row: rows[0].Def, Span: spanOf(extra),
			Message: fmt.Sprintf("“%s”有%d个单元格，模板为%d个；多出的%d个未采用", name, len(placed)+len(extra), n, len(extra))})
		for _, v := range extra {
			if v.kind != tokEmpty {
				p.unplaced(t, v, fmt.Sprintf("“%s”多出的单元格", name))
			}
		}
	}
	p.placeCells(t, rows, placed, split, doubt)
}

// placeCells turns the chosen tokens into the cells of rows.
func (p *parser) placeCells(t *Table, rows []*Row, placed []*token, split bool, doubt string) {
	i := 0
	for _, r := range rows {
		r.Split = split
		for ci, col := range r.Def.Cols {
			pv := placed[i]
			i++
			c := &Cell{Table: t.ID, Row: r.Def, Col: col, Text: pv.text, Span: p.span(pv.start, pv.end), Doubt: doubt}
			switch pv.kind {
			case tokEmpty:
				c.Kind = CellEmpty
			case tokPlaceholder:
				c.Kind = CellPlaceholder
			case tokText:
				c.Kind = CellText
			default:
				c.Kind = CellNumber
				c.Value, c.Integer, c.Unit = parseNumber(pv.text)
				if math.IsNaN(c.Value) {
					c.Kind = CellText
				}
			}
			r.Cells[ci] = c
		}
	}
}

func problemMessage(kind, name string, n int, vals []*token, msg string) string {
	switch kind {
	case "ambiguous-split":
		return fmt.Sprintf("“%s”的数字连在一起（%s），有多种拆分方式，无法确定各单元格的值", name, joinTok(vals))
	case "extra-values":
		return fmt.Sprintf("“%s”有%d个数值，模板为%d个，无法确定哪些是多余的", name, nonEmpty(vals), n)
	}
	if msg != "" {
		return fmt.Sprintf("“%s”的数字连在一起（%s），%s", name, joinTok(vals), msg)
	}
	return fmt.Sprintf("“%s”只有%d个数值，模板为%d个，无法确定缺少哪一个", name, nonEmpty(vals), n)
}

func joinTok(vs []*token) string {
	var parts []string
	for _, v := range vs {
		if v.kind != tokEmpty {
			parts = append(parts, v.text)
		}
	}
	return strings.Join(parts, " ")
}

// parseNumber reads "12", "4068.208", "43.788万元", "１２".
func parseNumber(s string) (float64, bool, string) {
	unit := ""
	for _, u := range []string{"万元", "元"} {
		if strings.HasSuffix(s, u) {
			unit, s = u, strings.TrimSuffix(s, u)
			break
		}
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '－':
			return '-'
		}
		return r
	}, s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN(), false, unit
	}
	return v, !strings.Contains(s, "."), unit
}

// fit chooses n cells from vals. It returns nil when it cannot say which
// values belong where.
func (p *parser) fit(vals []*token, n int, check func([]float64) bool) (placed, extra []*token, split bool, msg string) {
	ne := nonEmpty(vals)
	// glued digits: fewer tokens than cells, and some of them are digit runs
	if ne < n && ne > 0 {
		var atoms []*token
		for _, v := range vals {
			if v.kind != tokEmpty {
				atoms = append(atoms, v)
			}
		}
		glued := false
		for _, a := range atoms {
			if a.kind == tokNumber && a.digits && !a.whole && utf8.RuneCountInString(a.text) > 1 {
				glued = true
			}
		}
		if glued {
			sols, over := splitDigits(p.text, atoms, n, check, 2)
			switch {
			case over:
				return nil, nil, false, "拆分方式过多，无法确定"
			case len(sols) == 1:
				return sols[0], nil, true, ""
			case len(sols) > 1:
				p.cands, _ = splitDigits(p.text, atoms, n, check, maxCandidates)
				return nil, nil, false, "ambiguous"
			default:
				if check != nil {
					return nil, nil, false, "不存在满足本行合计关系的拆分"
				}
				return nil, nil, false, "无法拆分为模板要求的单元格数"
			}
		}
	}
	switch {
	case len(vals) == n:
		return vals, nil, false, ""
	case ne == n:
		var out []*token
		for _, v := range vals {
			if v.kind != tokEmpty {
				out = append(out, v)
			}
		}
		return out, nil, false, ""
	case len(vals) < n:
		return nil, nil, false, ""
	}
	// more cells than the row takes: drop layout empties at the edges first
	lo, hi := 0, len(vals)
	for hi-lo > n && vals[hi-1].kind == tokEmpty {
		hi--
	}
	for hi-lo > n && vals[lo].kind == tokEmpty {
		lo++
	}
	if hi-lo == n {
		return vals[lo:hi], nil, false, ""
	}
	if ne < n {
		return nil, nil, false, ""
	}
	// still too many: a window that balances, else the leftmost
	vs := vals[lo:hi]
	best := -1
	for w := 0; w+n <= len(vs); w++ {
		if check != nil && check(values(vs[w:w+n])) {
			if best >= 0 && !sameValues(vs[best:best+n], vs[w:w+n]) {
				best = -2
				break
			}
			if best < 0 {
				best = w
			}
		}
	}
	if best == -2 {
		return nil, nil, false, ""
	}
	if best < 0 {
		best = 0
	}
	extra = append(append([]*token{}, vs[:best]...), vs[best+n:]...)
	return vs[best : best+n], extra, false, ""
}

func values(ts []*token) []float64 {
	out := make([]float64, len(ts))
	for i, t := range ts {
		if t.kind != tokNumber {
			out[i] = math.NaN()
			continue
		}
		out[i], _, _ = parseNumber(t.text)
	}
	return out
}

func sameValues(a, b []*token) bool {
	va, vb := values(a), values(b)
	for i := range va {
		if va[i] != vb[i] {
			return false
		}
	}
	return true
}
