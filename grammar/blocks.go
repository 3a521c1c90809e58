package grammar

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

var reInlineSub = regexp.MustCompile(`[。；;：:][\s\x{00A0}\x{3000}]*([（(][一二三四五六七八九十]{1,2}[）)])`)

// findOtherHeadingsAndParagraphs walks every line outside the tables: sub-item
// headings （一） 1. #, other numbered headings, and prose.
func (p *parser) findOtherHeadingsAndParagraphs() {
	heads := p.sectionHead
	hi := 0
	trimmed := p.trimmedLines()
	if p.r.Headings == nil {
		// the parts' headings and about as many sub-items: room made once,
		// mostly
		p.r.Headings = make([]*Heading, 0, max(2*len(heads), 16))
	}
	if p.r.Paragraphs == nil {
		// about a paragraph a line that is neither blank nor a table's:
		// room made once, mostly (a crawler line holds several)
		p.r.Paragraphs = make([]*Paragraph, 0, max(p.nonblankLines-len(p.tableRanges), 8))
	}
	tables, ti := p.tableRanges, 0
	for li := 0; li < len(trimmed); li++ {
		a, b := trimmed[li].start, trimmed[li].end
		if a == b || p.isResidueLine(li) {
			continue
		}
		// most lines outside the prose are a table's: when the first table
		// span ending after a covers the line and no part's heading is on
		// it, content would drop it whole
		for ti < len(tables) && tables[ti].End <= a {
			ti++
		}
		if ti < len(tables) && tables[ti].Start <= a && b <= tables[ti].End && tables[ti].Start < tables[ti].End &&
			(hi == len(heads) || heads[hi].vStart >= b) {
			// so are the lines after it, mostly: passed over by a loop
			// that calls nothing (this one spills around content)
			next := math.MaxInt
			if hi < len(heads) {
				next = heads[hi].vStart
			}
			li, ti = skipTableLines(trimmed, li, tables, ti, next)
			continue
		}
		// section headings on this line: the text after them is content
		p.crawlerLine = b-a > crawlerLine
		segStart := a
		for hi < len(heads) && heads[hi].vStart < b {
			h := heads[hi]
			if h.vStart >= a {
				if h.vStart > segStart {
					p.content(segStart, h.vStart)
				}
				p.r.Headings = append(p.r.Headings, h)
				segStart = h.vEnd
			}
			hi++
		}
		p.content(segStart, b)
	}
	if len(p.r.Paragraphs) == 0 {
		p.r.Paragraphs = nil // as before the room was made
	}
	if len(p.r.Headings) == 0 {
		p.r.Headings = nil
	}
	p.collectSubItems()
}

// skipTableLines returns the last of the lines after trimmed[li] that
// findOtherHeadingsAndParagraphs passes over as a table's (or as blank)
// before the first it must read, and its table index ti then: the test it
// makes, for lines that end by next, the next part heading's start. The
// index may pass the ranges that end by a residue line, as the loop's
// would at the next line.
func skipTableLines(trimmed []line, li int, tables []Span, ti, next int) (int, int) {
	if li < 0 || ti < 0 {
		return li, ti // never: lets the compiler drop the bounds checks
	}
	k := li + 1
	for ; k < len(trimmed); k++ {
		a, b := trimmed[k].start, trimmed[k].end
		if a == b {
			continue
		}
		for ti < len(tables) && tables[ti].End <= a {
			ti++
		}
		if ti == len(tables) {
			break
		}
		if r := tables[ti]; r.Start > a || b > r.End || r.Start >= r.End || next < b {
			break
		}
	}
	return k - 1, ti
}

// collectSubItems gives each section the sub-items it holds, counted first
// so that they take one block (each section's part capped: an append
// copies).
func (p *parser) collectSubItems() {
	secs := p.r.Sections
	var countBuf [16]int
	counts := countBuf[:]
	if len(secs) > len(countBuf) {
		counts = make([]int, len(secs))
	}
	total := 0
	for _, h := range p.r.Headings {
		if h.Level != 2 {
			continue
		}
		if i := sectionIndexAt(secs, h.Span.Start); i >= 0 {
			counts[i]++
			total++
		}
	}
	if total == 0 {
		return
	}
	block := make([]*Heading, total)
	for i, n := range counts[:len(secs)] {
		if n > 0 {
			secs[i].SubItems, block = block[:0:n], block[n:]
		}
	}
	for _, h := range p.r.Headings {
		if h.Level != 2 {
			continue
		}
		if i := sectionIndexAt(secs, h.Span.Start); i >= 0 {
			secs[i].SubItems = append(secs[i].SubItems, h)
		}
	}
}

// content handles view range [a, b) of one line that is not a section heading.
func (p *parser) content(a, b int) {
	if p.mayTrim(a, b) {
		a, b = trimSpan(p.text, a, b)
	}
	if a >= b {
		return
	}
	// drop what the tables and the residue already claimed
	r, ok := p.tableCursor.firstOverlap(p.tableRanges, a, b)
	if !ok {
		r, ok = p.residueCursor.firstOverlap(p.residue, a, b)
	}
	if ok {
		if a < r.Start {
			p.content(a, r.Start)
		}
		if r.End < b {
			p.content(r.End, b)
		}
		return
	}
	s := p.text[a:b]
	if !startsLikeHeading(s) {
		// not a heading
	} else if h, rest := p.subHeading(s, a); h != nil {
		p.r.Headings = append(p.r.Headings, h)
		if rest < b {
			p.content(rest, b)
		}
		return
	}
	// long crawler lines carry their sub-items inline after a full stop
	if p.crawlerLine {
		if m := reInlineSub.FindStringSubmatchIndex(s); m != nil {
			cut := a + m[2]
			p.paragraph(a, cut)
			p.content(cut, b)
			return
		}
	}
	p.paragraph(a, b)
}

func (p *parser) paragraph(a, b int) {
	if p.mayTrim(a, b) {
		a, b = trimSpan(p.text, a, b)
	}
	if a >= b {
		return
	}
	sp := p.span(a, b)
	key := SectionKey("")
	if s := p.sectionCursor.sectionAt(p.r.Sections, sp.Start); s != nil {
		key = s.Key
	}
	para := p.paragraphs.next() // zero: its fields set one by one
	para.Span, para.Section, para.ViewSpan = sp, key, Span{a, b}
	p.r.Paragraphs = append(p.r.Paragraphs, para)
}

// subHeading recognises （一）…, 1. …, # … and other 一、 headings at the start
// of s. The heading text runs to the first full stop when the line goes on
// ("（一）主动公开情况。修订完善了…"). It returns the view offset where the
// content after the heading starts.
func (p *parser) subHeading(s string, base int) (*Heading, int) {
	md := 0
	if m := markdownIndex(s); m != nil {
		md = m[3] - m[2]
	}
	m, style, level, numbered := subHeadingNumber(s)
	switch {
	case numbered:
	case md > 0:
		h := p.headings.next()
		*h = Heading{Style: "markdown", Level: md, Markdown: md}
		ts := md
		for ts < len(s) && (s[ts] == ' ' || s[ts] == '\t') {
			ts++
		}
		h.Text = strings.TrimSpace(s[ts:])
		h.Full = h.Text
		h.Span, h.TextSpan = p.span(base+ts, base+len(s)), p.span(base+ts, base+len(s))
		h.vStart, h.vEnd = base+ts, base+len(s)
		return h, base + len(s)
	default:
		return nil, 0
	}
	numStart := m[0]
	if m[2] >= 0 {
		numStart = m[3]
	}
	rest := s[m[1]:]
	end := len(rest)
	probe := rest
	if len(probe) > 200 {
		probe = probe[:200]
	}
	if i := headingTextEnd(probe); i >= 0 {
		end = i
	}
	textEnd := m[1] + end
	// a numbered sentence is a paragraph, not a heading
	if moreRunes(rest[:end], 40) || end == 0 {
		return nil, 0
	}
	if style == "arabic" && end == len(rest) && moreRunes(rest, 25) {
		return nil, 0
	}
	h := p.headings.next()
	*h = Heading{
		Span:       p.span(base+numStart, base+textEnd),
		NumberSpan: p.span(base+numStart, base+m[1]),
		Number:     numeralValue(s[m[4]:m[5]]), // a run of numerals: no space to trim
		Style:      style,
		Level:      level,
		Text:       rest[:end],
		TextSpan:   p.span(base+m[1], base+textEnd),
		Markdown:   md,
		Full:       s[numStart:textEnd],
		vStart:     base + numStart,
		vEnd:       base + textEnd,
	}
	after := base + textEnd
	if after < base+len(s) {
		_, n := utf8.DecodeRuneInString(s[textEnd:])
		after += n
	}
	return h, after
}

// subHeadingNumber matches the numbering of a sub-item heading at the
// start of s: （一）, else 一、, else 1. (what parenHeadingIndex,
// cnHeadingIndex and arabicHeadingIndex return, tried in that order). After
// the optional Markdown marker each needs its own first character (a
// bracket, a Chinese numeral, a digit), so only the one that character
// allows is tried: a line of figures costs one scan, not three.
func subHeadingNumber(s string) (m headingMatch, style string, level int, ok bool) {
	g1, ok := markdownMarker(s)
	if !ok {
		return m, "", 0, false
	}
	if g1 < 0 && len(s) > 0 && s[0] >= '0' && s[0] <= '9' && !arabicAfterDigit(s) {
		return m, "", 0, false // a figure, not a numbering: 2021, 35
	}
	r, _ := utf8.DecodeRuneInString(s[max(g1, 0):])
	switch {
	case r == '（' || r == '(':
		if m, ok = headingNumber(s, parenNumbering); ok {
			return m, "paren", 2, true
		}
	case isCNNumeralRune(r):
		if m, ok = headingNumber(s, cnNumbering); ok {
			return m, "cn", 1, true
		}
	case isDigit(r):
		if m, ok = headingNumber(s, arabicNumbering); ok {
			return m, "arabic", 3, true
		}
	}
	return m, "", 0, false
}

// numeralValue is cnValue(s), at once for one or two ASCII digits (most
// sub-item numbers: 1. 12.), which cnValue reads rune by rune.
func numeralValue(s string) int {
	switch {
	case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
		return int(s[0] - '0')
	case len(s) == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9':
		return int(s[0]-'0')*10 + int(s[1]-'0')
	}
	return cnValue(s)
}

// moreRunes is utf8.RuneCountInString(s) > n. It stops counting past n,
// and steps over a three-byte character (lead byte E1–EF but ED, the ones
// without a narrower range for the second byte) without decoding it.
func moreRunes(s string, n int) bool {
	if len(s) <= n {
		return false // a character has a byte at least
	}
	if len(s) > 4*n {
		return true // and four at most (an invalid byte is one)
	}
	count := 0
	for i := 0; i < len(s); count++ {
		if count > n {
			return true
		}
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return count > n
}

// arabicAfterDigit: s starts with an ASCII digit and can go on as an
// arabic numbering (1. 1、 12．): one more digit at most, then a heading
// space, a separator or a full-width digit. Most lines of figures fail at
// their second or third byte.
func arabicAfterDigit(s string) bool {
	j := 1
	if j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j >= len(s) {
		return false // no separator
	}
	switch s[j] {
	case '.', ' ', '\t', '\n', '\f', '\r':
		return true
	case 0xC2: // U+00A0
		return true
	case 0xE3: // 、 U+3001, U+3000
		return true
	case 0xEF: // ． U+FF0E, ０-９
		return true
	}
	return false
}

// headingTextEnd returns where the first of 。：:；, U+3000 or a space
// stands in probe, or -1. Spaces count only when probe does not start with
// one (the heading's text runs on after "（一） ").
//
// It compares bytes: each stop is ASCII or starts with a lead byte (E3, EF),
// which no other character's UTF-8 holds, so a stop's bytes are found only
// where the stop itself stands, also in invalid UTF-8.
func headingTextEnd(probe string) int {
	spaces := probe == "" || probe[0] != ' '
	for i := 0; i < len(probe); i++ {
		switch probe[i] {
		case ':':
			return i
		case ' ':
			if spaces {
				return i
			}
		case 0xE3: // 。 E3 80 82, U+3000 E3 80 80
			if i+2 < len(probe) && probe[i+1] == 0x80 && (probe[i+2] == 0x82 || probe[i+2] == 0x80) {
				return i
			}
		case 0xEF: // ： EF BC 9A, ； EF BC 9B
			if i+2 < len(probe) && probe[i+1] == 0xBC && (probe[i+2] == 0x9A || probe[i+2] == 0x9B) {
				return i
			}
		}
	}
	return -1
}

// rangeCursor remembers where the last firstOverlap landed in one list of
// ranges: findOtherHeadingsAndParagraphs asks about ranges in increasing
// order, line after line, and a binary search for each was a tenth of the
// walk. Zero value: at the start.
type rangeCursor struct{ i int }

// firstOverlap is firstOverlap(ranges, a, b): it steps forward from the
// last answer while a grows, and searches again when a went back.
func (c *rangeCursor) firstOverlap(ranges []Span, a, b int) (Span, bool) {
	i := c.i
	if i > len(ranges) || i > 0 && ranges[i-1].End > a {
		i = sort.Search(len(ranges), func(i int) bool { return ranges[i].End > a })
	} else {
		for i < len(ranges) && ranges[i].End <= a {
			i++
		}
	}
	c.i = i
	if i < len(ranges) && ranges[i].Start < b && ranges[i].End > ranges[i].Start {
		return ranges[i], true
	}
	return Span{}, false
}

// firstOverlap returns the first of the sorted, disjoint ranges that overlaps
// [a, b) (a zero-width range overlaps when it lies inside).
func firstOverlap(ranges []Span, a, b int) (Span, bool) {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i].End > a })
	if i < len(ranges) && ranges[i].Start < b && ranges[i].End > ranges[i].Start {
		return ranges[i], true
	}
	return Span{}, false
}
