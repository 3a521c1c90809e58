package grammar

import (
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
	if p.r.Paragraphs == nil {
		// up to about a paragraph a line: room made once
		p.r.Paragraphs = make([]*Paragraph, 0, len(p.lines))
	}
	for li, ln := range p.lines {
		a, b := trimSpan(p.text, ln.start, ln.end)
		if a == b || p.isResidueLine(li) {
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
	// sub-items belong to the section that holds them
	for _, h := range p.r.Headings {
		if h.Level != 2 {
			continue
		}
		if s := p.sectionAt(h.Span.Start); s != nil {
			s.SubItems = append(s.SubItems, h)
		}
	}
}

// content handles view range [a, b) of one line that is not a section heading.
func (p *parser) content(a, b int) {
	a, b = trimSpan(p.text, a, b)
	if a >= b {
		return
	}
	// drop what the tables and the residue already claimed
	for _, claimed := range [][]Span{p.tableRanges, p.residue} {
		if r, ok := firstOverlap(claimed, a, b); ok {
			if a < r.Start {
				p.content(a, r.Start)
			}
			if r.End < b {
				p.content(r.End, b)
			}
			return
		}
	}
	if a >= b {
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
	a, b = trimSpan(p.text, a, b)
	if a >= b {
		return
	}
	sp := p.span(a, b)
	key := SectionKey("")
	if s := p.sectionAt(sp.Start); s != nil {
		key = s.Key
	}
	para := p.paragraphs.next()
	*para = Paragraph{Span: sp, Section: key, ViewSpan: Span{a, b}}
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
	var m []int
	style, level := "", 0
	if m = parenHeadingIndex(s); m != nil {
		style, level = "paren", 2
	} else if m = cnHeadingIndex(s); m != nil {
		style, level = "cn", 1
	} else if m = arabicHeadingIndex(s); m != nil {
		style, level = "arabic", 3
	}
	switch {
	case m != nil:
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
	if utf8.RuneCountInString(rest[:end]) > 40 || end == 0 {
		return nil, 0
	}
	if style == "arabic" && end == len(rest) && utf8.RuneCountInString(rest) > 25 {
		return nil, 0
	}
	h := p.headings.next()
	*h = Heading{
		Span:       p.span(base+numStart, base+textEnd),
		NumberSpan: p.span(base+numStart, base+m[1]),
		Number:     cnValue(strings.TrimSpace(s[m[4]:m[5]])),
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

// headingTextEnd returns where the first of 。：:；, U+3000 or a space
// stands in probe, or -1. Spaces count only when probe does not start with
// one (the heading's text runs on after "（一） ").
func headingTextEnd(probe string) int {
	spaces := probe == "" || probe[0] != ' '
	for i, r := range probe {
		switch r {
		case '。', '：', ':', '；', '\u3000':
			return i
		case ' ':
			if spaces {
				return i
			}
		}
	}
	return -1
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
