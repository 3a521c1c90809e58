package grammar

import (
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refFindSectionHeadings is findSectionHeadings as it was before lines were
// sorted by their first byte: every line not residue was read.
func refFindSectionHeadings(p *parser) {
	defer func() {
		if len(p.sectionHead) < 2 {
			if paren := p.parenSectionHeadings(); paren != nil {
				p.sectionHead = paren
			}
		}
	}()
	trimmed := p.trimmedLines()
	p.sectionHead = make([]*Heading, 0, 8) // a report has six parts
	for li := range p.lines {
		if p.isResidueLine(li) {
			continue
		}
		a, b := trimmed[li].start, trimmed[li].end
		if a == b {
			continue
		}
		s := p.text[a:b]
		if s[0] == '#' || numeralAt(s, 0, cnNumbering) > 0 {
			if h := p.sectionHeadingAt(s, a, true); h != nil {
				p.sectionHead = append(p.sectionHead, h)
			}
		}
		if b-a > crawlerLine {
			for i := 0; i < len(s); {
				j := strings.Index(s[i:], "、")
				if j < 0 {
					break
				}
				at := i + j
				i = at + len("、")
				// back over spaces to the numeral
				k := at
				for k > 0 && s[k-1] == ' ' {
					k--
				}
				r, n := utf8.DecodeLastRuneInString(s[:k])
				if !strings.ContainsRune("一二三四五六", r) || k-n == 0 {
					continue
				}
				start := k - n
				if h := p.sectionHeadingAt(s[start:], a+start, false); h != nil && (h.Canonical || h.nearMiss || h.Section != "" && strictVariant(s[start:])) {
					h.Inline = true
					p.sectionHead = append(p.sectionHead, h)
				}
			}
		}
	}
}

// sectionHeadingsOf runs find on text, up to the parts' headings.
func sectionHeadingsOf(text string, find func(*parser)) []Heading {
	src := NewSource("r.txt", text)
	v := IdentityView(maskComments(src.Text))
	p := &parser{src: src, v: v, text: v.Text, r: &Report{Source: src, Rendering: "text", View: v}, surplusWindow: -1}
	p.splitLines()
	p.findResidue()
	p.detectFormat()
	find(p)
	var out []Heading
	for _, h := range p.sectionHead {
		out = append(out, *h)
	}
	return out
}

// findSectionHeadings finds the parts' headings it found when it read every
// line: on the real reports (LF and CRLF), and on random lines of numerals,
// Markdown markers, parts' names, residue and crawler lines, with CJK and
// characters outside the BMP.
func TestFindSectionHeadingsAsEveryLineRead(t *testing.T) {
	headings, inline := 0, 0
	check := func(name, text string) {
		got := sectionHeadingsOf(text, (*parser).findSectionHeadings)
		want := sectionHeadingsOf(text, refFindSectionHeadings)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: findSectionHeadings %v, every line read %v", name, got, want)
		}
		headings += len(got)
		for _, h := range got {
			if h.Inline {
				inline++
			}
		}
	}
	for _, path := range reportFiles(t) {
		raw, err := os.ReadFile(path)
		if err != nil || !utf8.Valid(raw) {
			continue
		}
		check(path, string(raw))
		check(path+" (CRLF)", strings.ReplaceAll(string(raw), "\n", "\r\n"))
		// crawler text: the whole report on one line
		check(path+" (one line)", strings.ReplaceAll(string(raw), "\n", " "))
	}
	pieces := append([]string{"\n", "\r\n", "\n", "𠀀", "当前位置：", "[bookmark: x]", "- 3 -", "正文", "二、", "（三）", "#", "## "}, prosePieces...)
	rng := rand.New(rand.NewSource(43))
	for range 20000 {
		text := randomText(rng, pieces, rng.Intn(16))
		if rng.Intn(20) == 0 {
			text += strings.Repeat("政府信息公开", 90) + "。二、主动公开政府信息情况" // a crawler line
		}
		check(text, text)
	}
	// crawler lines around the length that makes one
	tail := "。二、主动公开政府信息情况"
	for n := crawlerLine - 2; n <= crawlerLine+2; n++ {
		line := strings.Repeat("x", n-len(tail)) + tail
		check("a crawler line", "标题\n"+line+"\n三、")
	}
	if headings < 1000 || inline < 20 {
		t.Fatalf("%d headings, %d inline: the test must see both", headings, inline)
	}
}
