package grammar

import (
	"math/rand"
	"os"
	"strings"
	"testing"
)

// refFindOtherHeadingsLineByLine is findOtherHeadingsAndParagraphs as it was
// before skipTableLines: each line a table's span covers passed over by
// the loop that reads the prose, one at a time. It is the reference of
// TestSkipTableLinesAsLineByLine.
func (p *parser) refFindOtherHeadingsLineByLine() {
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
	for li := range p.lines {
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

// skipTableLines passes over the lines the loop line by line passed over:
// the headings and paragraphs are the same on the seeds, the corpus and the
// test reports (as read, without blank lines, with CRLF), and on random
// texts of their lines with characters outside the BMP, invalid UTF-8, CR
// and blank lines among them.
func TestSkipTableLinesAsLineByLine(t *testing.T) {
	var texts []string
	var lines []string
	for _, path := range reportFiles(t) {
		raw, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		s := string(raw)
		texts = append(texts, s, strings.ReplaceAll(s, "\n\n", "\n"), strings.ReplaceAll(s, "\n", "\r\n"))
		lines = append(lines, strings.Split(s, "\n")...)
	}
	if len(lines) < 1000 {
		t.Fatalf("only %d lines", len(lines))
	}
	extra := []string{"", "𠀀", "\xff", "\xe5\xbc", "\r", "\t", "　　", "\t0\t1\t2", "𠀀\t3", "\x80\t4"}
	rng := rand.New(rand.NewSource(14))
	for range 300 {
		var b strings.Builder
		start := rng.Intn(len(lines))
		for k := rng.Intn(120); k >= 0; k-- {
			ln := lines[(start+k)%len(lines)]
			if rng.Intn(4) == 0 {
				ln = extra[rng.Intn(len(extra))]
			} else if rng.Intn(6) == 0 {
				ln += extra[rng.Intn(len(extra))]
			}
			b.WriteString(ln)
			if rng.Intn(8) == 0 {
				b.WriteString("\r")
			}
			b.WriteString("\n")
		}
		texts = append(texts, b.String())
	}
	skipped := 0
	for i := range 3 * len(texts) {
		text := texts[i/3]
		got, want := parsedUpToProse("report.txt", text), parsedUpToProse("report.txt", text)
		skipped += len(got.tableRanges)
		switch i % 3 {
		case 1:
			// a part's heading on a line a table's span covers: the line
			// is read, and the lines after it
			for _, h := range got.sectionHead {
				ln := got.trimmedLines()[got.lineAt(h.vStart)]
				for _, p := range []*parser{got, want} {
					p.tableRanges = appendSortedRanges(p.tableRanges, []Span{{ln.start, ln.end}})
				}
			}
		case 2:
			// spans that end before their line does, or are empty
			for k := range got.tableRanges {
				for _, p := range []*parser{got, want} {
					r := &p.tableRanges[k]
					if k%3 == 0 && r.End > r.Start {
						r.End--
					} else if k%7 == 0 {
						r.End = r.Start
					}
				}
			}
		}
		got.findOtherHeadingsAndParagraphs()
		want.refFindOtherHeadingsLineByLine()
		if len(got.r.Headings) != len(want.r.Headings) || len(got.r.Paragraphs) != len(want.r.Paragraphs) {
			t.Fatalf("text %d: %d headings, %d paragraphs; line by line %d, %d", i,
				len(got.r.Headings), len(got.r.Paragraphs), len(want.r.Headings), len(want.r.Paragraphs))
		}
		for k, h := range got.r.Headings {
			if *h != *want.r.Headings[k] {
				t.Fatalf("text %d: heading %d %+v, line by line %+v", i, k, *h, *want.r.Headings[k])
			}
		}
		for k, para := range got.r.Paragraphs {
			if *para != *want.r.Paragraphs[k] {
				t.Fatalf("text %d: paragraph %d %+v, line by line %+v", i, k, *para, *want.r.Paragraphs[k])
			}
		}
		for k := range got.r.Sections {
			if len(got.r.Sections[k].SubItems) != len(want.r.Sections[k].SubItems) {
				t.Fatalf("text %d: section %d has %d sub-items, line by line %d", i, k,
					len(got.r.Sections[k].SubItems), len(want.r.Sections[k].SubItems))
			}
		}
	}
	if skipped < 3000 {
		t.Fatalf("%d table lines: the test must see tables", skipped)
	}
}
