package grammar

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// refFindOtherHeadingsAndParagraphs is findOtherHeadingsAndParagraphs as it
// was: content asked about every line, a table's too.
func (p *parser) refFindOtherHeadingsAndParagraphs() {
	heads := p.sectionHead
	hi := 0
	trimmed := p.trimmedLines()
	for li := range p.lines {
		a, b := trimmed[li].start, trimmed[li].end
		if a == b || p.isResidueLine(li) {
			continue
		}
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
}

// parsedUpToProse is a parser of text run up to findOtherHeadingsAndParagraphs.
func parsedUpToProse(path, text string) *parser {
	src := NewSource(path, text)
	v := IdentityView(maskComments(src.Text))
	p := newParser(src, v, "text")
	p.srcLines = len(v.Text) == len(src.Text)
	p.splitLines()
	p.findResidue()
	p.detectFormat()
	p.findSectionHeadings()
	p.buildSections()
	p.findTitle()
	p.findPeriod()
	p.findPublication()
	p.findTables()
	return p
}

// Skipping the lines a table's span covers finds the headings and the
// paragraphs content finds asking about every line.
func TestProseSkipsTableLinesAsContentDrops(t *testing.T) {
	paths := reportFiles(t)
	skipped := 0
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		// as read, and with the blank lines gone (table lines next to prose)
		for _, text := range []string{string(raw), strings.ReplaceAll(string(raw), "\n\n", "\n")} {
			got, want := parsedUpToProse(path, text), parsedUpToProse(path, text)
			compareProse(t, path, got, want)
			skipped += len(got.tableRanges)
			// a part's heading on a line a table's span covers (no table
			// region holds one): the line is read, not skipped
			got, want = parsedUpToProse(path, text), parsedUpToProse(path, text)
			if len(got.sectionHead) > 0 {
				h := got.sectionHead[len(got.sectionHead)/2]
				li := got.lineAt(h.vStart)
				for _, p := range []*parser{got, want} {
					ln := p.trimmedLines()[li]
					p.tableRanges = append(p.tableRanges, Span{ln.start, ln.end})
					slices.SortFunc(p.tableRanges, func(x, y Span) int { return x.Start - y.Start })
				}
				compareProse(t, path, got, want)
			}
		}
	}
	if skipped < 1000 {
		t.Fatalf("%d table lines in %d files: the test must see tables", skipped, len(paths))
	}
}

func compareProse(t *testing.T, path string, got, want *parser) {
	t.Helper()
	got.findOtherHeadingsAndParagraphs()
	want.refFindOtherHeadingsAndParagraphs()
	if len(got.r.Headings) != len(want.r.Headings) || len(got.r.Paragraphs) != len(want.r.Paragraphs) {
		t.Fatalf("%s: %d headings, %d paragraphs; content on every line: %d, %d", path,
			len(got.r.Headings), len(got.r.Paragraphs), len(want.r.Headings), len(want.r.Paragraphs))
	}
	for i, h := range got.r.Headings {
		if *h != *want.r.Headings[i] {
			t.Fatalf("%s: heading %d %+v, content on every line %+v", path, i, *h, *want.r.Headings[i])
		}
	}
	for i, para := range got.r.Paragraphs {
		if *para != *want.r.Paragraphs[i] {
			t.Fatalf("%s: paragraph %d %+v, content on every line %+v", path, i, *para, *want.r.Paragraphs[i])
		}
	}
}
