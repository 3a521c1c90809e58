package grammar

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// refSectionHeadingAt is sectionHeadingAt as it was before a line of a
// part's name as the template writes it took a short way (canonicalSection).
func refSectionHeadingAt(p *parser, s string, base int, lineStart bool) *Heading {
	md := 0
	if m := markdownIndex(s); m != nil && lineStart {
		md = m[3]
	}
	m, ok := headingNumber(s, cnNumbering)
	if !ok {
		return nil
	}
	numStart := m[4]
	numText := s[m[4]:m[5]]
	rest := s[m[1]:]
	if len(rest) > 240 { // a heading is short; do not scan a whole crawler line
		rest = rest[:240]
		for len(rest) > 0 && !utf8.RuneStart(rest[len(rest)-1]) {
			rest = rest[:len(rest)-1]
		}
		if r, _ := utf8.DecodeLastRuneInString(rest); r == utf8.RuneError {
			rest = rest[:len(rest)-1]
		}
	}
	whole := lineStart && !moreRunes(rest, 40)
	if !whole && !sectionFirstRune(rest) {
		return nil // 一是… and the like: no part's name starts this way
	}
	d, canonical, keyLen := sectionFor(rest, whole)
	nearMiss := false
	if d == nil && !whole {
		d, keyLen = sectionNearMiss(rest, cnValue(numText))
		nearMiss = true
	}
	if d == nil {
		return nil
	}
	textEnd := m[1] + keyPrefixEnd(rest, keyLen)
	// a closing bracket or the rest of a short heading line belongs to it
	if whole {
		_, e := trimSpan(s, 0, len(s))
		textEnd = e
		for _, suf := range []string{"。", "：", ":"} {
			if strings.HasSuffix(s[:textEnd], suf) {
				textEnd -= len(suf)
			}
		}
	}
	if canonical && LabelKey(s[m[1]:textEnd]) != sectionNameKey(d) {
		canonical = false
	}
	h := p.headings.next()
	*h = Heading{
		Span:       p.span(base+numStart, base+textEnd),
		NumberSpan: p.span(base+numStart, base+m[1]),
		Number:     cnValue(numText),
		Style:      "cn",
		Level:      1,
		Text:       s[m[1]:textEnd],
		TextSpan:   p.span(base+m[1], base+textEnd),
		Section:    d.Key,
		Canonical:  canonical && s[m[1]:textEnd] == d.Name,
		Markdown:   md,
		Full:       s[numStart:textEnd],
		vStart:     base + numStart,
		vEnd:       base + textEnd,
		nearMiss:   nearMiss,
	}
	return h
}

// sectionHeadingAt reads each line as it did before canonicalSection: the
// lines of the real reports, trimmed and not, from each heading numeral on,
// as a line and inside one, and random lines of the parts' names, their
// variants and near misses with numerals, spaces, marks, 𠀀, invalid UTF-8
// and CRLF.
func TestSectionHeadingAtAsBefore(t *testing.T) {
	for _, d := range Sections {
		if canonicalSection(d.Name) != d {
			t.Errorf("%s takes the long way", d.Name)
		}
	}
	p := &parser{v: &View{}}
	check := func(s string) {
		t.Helper()
		for _, lineStart := range []bool{true, false} {
			got, want := p.sectionHeadingAt(s, 7, lineStart), refSectionHeadingAt(p, s, 7, lineStart)
			if (got == nil) != (want == nil) || got != nil && *got != *want {
				t.Fatalf("sectionHeadingAt(%q, %v) = %+v, before %+v", s, lineStart, got, want)
			}
		}
	}
	canonical := 0
	for _, ln := range realLines(t) {
		check(ln)
		if h := p.sectionHeadingAt(ln, 0, true); h != nil && canonicalSection(h.Text) != nil {
			canonical++
		}
	}
	if canonical < 100 {
		t.Fatalf("only %d lines of a part's name", canonical)
	}
	pieces := []string{"一", "二", "三", "四", "五", "六", "七", "十", "、", "．", ".", "，", " ", "\u3000", "\u00a0", "\t", "#", "## ",
		"。", "：", ":", "（", "）", "\r\n", "\n", "𠀀", "\xff", "\xe4\xb8", "情况", "的", "政府信息公开"}
	for _, d := range Sections {
		pieces = append(pieces, d.Name, d.Name, d.Name[:len(d.Name)-3], d.Name+"。", d.Name+" ")
		pieces = append(pieces, d.Variants...)
	}
	rng := rand.New(rand.NewSource(23))
	for range 100000 {
		s := randomText(rng, pieces, 1+rng.Intn(4))
		check(s)
		check(strings.TrimSpace(s))
		check("一、" + s)
		check([]string{"一", "二", "三", "四", "五", "六"}[rng.Intn(6)] + []string{"、", "．", " 、", "、 ", "."}[rng.Intn(5)] + s)
	}
}
