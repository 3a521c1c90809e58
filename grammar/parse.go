package grammar

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Parse reads a decoded source: the view its front-end set, else the text
// as plain text or Markdown.
func Parse(src *Source) *Report {
	if src.view != nil {
		return parseView(src, src.view, src.rendering)
	}
	rendering := "text"
	if strings.HasSuffix(strings.ToLower(src.Path), ".md") || strings.HasSuffix(strings.ToLower(src.Path), ".markdown") {
		rendering = "markdown"
	}
	text := maskComments(src.Text)
	if simple, ok := simplifiedCopy(text); ok {
		// traditional characters: matched through a simplified copy
		r := parseView(src, IdentityView(simple), rendering)
		r.View = IdentityView(text)
		r.Traditional = true
		restoreUserText(r, text, simple)
		return r
	}
	// maskComments keeps every line break where it was: the source's line
	// index is the text's
	p := newParser(src, IdentityView(text), rendering)
	p.srcLines = len(text) == len(src.Text)
	p.runPooled()
	return p.r
}

// parseView reads a view of src (plain text, or what a container extracted).
func parseView(src *Source, v *View, rendering string) *Report {
	p := newParser(src, v, rendering)
	p.runPooled()
	return p.r
}

func newParser(src *Source, v *View, rendering string) *parser {
	p := &parser{src: src, v: v, text: v.Text, r: &Report{Source: src, Rendering: rendering, View: v}, surplusWindow: -1}
	if s, ok := slabPool.Get().(*reportSlabs); ok {
		p.reportSlabs = *s // a released report's blocks
	}
	return p
}

type line struct {
	start, end int // view offsets, without the line break
}

type parser struct {
	src   *Source
	v     *View
	text  string
	lines []line
	r     *Report
	// masked marks view ranges already claimed (residue, headings, tables).
	tableRanges []Span
	residue     []Span
	sectionHead []*Heading
	// glued rows of the table being aligned that split several ways
	cands   [][]*token
	pending []*pendingRow
	// surplusWindow: the table's surplus column, the offset of the cells
	// its rows with one cell too many have in common (-1: none)
	surplusWindow int
	// crawlerLine: the line being split into blocks is a flattened page
	crawlerLine bool
	// phraseHits are the occurrences of parserPhrases in text (hits)
	phraseHits   [][]phraseHit
	reportSlabs         // what the report's parts are cut from
	residueLines []bool // isResidueLine's answers, by line
	// room for residueLines and phraseHits, from lineBuffers
	residueBuf []bool
	hitsBuf    [][]phraseHit
	// lexers made for the table being read (releaseLexers)
	lexers  []*lexer
	trimmed []line // trimmedLines
	// nonblankLines counts the trimmed lines that are not empty
	nonblankLines int
	// srcLines: text has its line breaks where src.Text has them, so
	// splitLines reads them from the source's line index
	srcLines bool
	// where findOtherHeadingsAndParagraphs last looked in the claimed
	// ranges and the sections (it asks in increasing order)
	tableCursor, residueCursor rangeCursor
	sectionCursor              sectionCursor

	// the tables and their parts (readTokens), in blocks sized for the
	// report's templates (sizeTableSlabs)
	slabRows  int // the rows' block size
	slabSlots int // the cells' (and their slots') block size
}

func (p *parser) span(start, end int) Span { return p.v.ToSource(Span{start, end}) }

// lineBuffers recycles the parser's per-line buffers and its table ranges
// (*lineBuffer): a parse needs them only while it runs, and a batch or an
// editor parses one report after another.
var lineBuffers sync.Pool

type lineBuffer struct {
	lines, trimmed []line
	tableRanges    []Span
	residueLines   []bool
	phraseHits     [][]phraseHit // the phrases are the sets' own strings
}

// maxPooledLines keeps the buffers of an outsized text out of the pool.
const maxPooledLines = 1 << 14

// runPooled is run with the line buffers taken from lineBuffers and put
// back: p must not be used after it.
func (p *parser) runPooled() {
	b, _ := lineBuffers.Get().(*lineBuffer)
	if b != nil {
		p.lines, p.trimmed, p.tableRanges = b.lines[:0], b.trimmed[:0], b.tableRanges[:0]
		p.residueBuf, p.hitsBuf = b.residueLines, b.phraseHits
	}
	p.run()
	if cap(p.lines) > maxPooledLines || cap(p.trimmed) > maxPooledLines || cap(p.tableRanges) > maxPooledLines {
		return
	}
	for _, h := range p.hitsBuf {
		if cap(h) > maxPooledLines {
			return
		}
	}
	if b == nil {
		b = new(lineBuffer)
	}
	// nothing of the report points into them (lines and spans are offsets)
	b.lines, b.trimmed, b.tableRanges = p.lines[:0], p.trimmed[:0], p.tableRanges[:0]
	b.residueLines, b.phraseHits = p.residueBuf, p.hitsBuf
	p.lines, p.trimmed, p.tableRanges, p.residueLines, p.residueBuf, p.phraseHits, p.hitsBuf = nil, nil, nil, nil, nil, nil, nil
	lineBuffers.Put(b)
}

func (p *parser) run() {
	p.splitLines()
	p.findResidue()
	p.detectFormat()
	p.findSectionHeadings()
	p.buildSections()
	p.findTitle()
	p.findPeriod()
	p.findPublication()
	p.findTables()
	p.findOtherHeadingsAndParagraphs()
	p.findSignature()
	p.r.slabs = new(reportSlabs)
	*p.r.slabs = p.reportSlabs // for Release
}

func (p *parser) splitLines() {
	t := p.text
	if starts := p.src.lines; p.srcLines && len(starts) > 0 {
		// each line but the last ends before the next one's start, at its
		// break; the last runs to the end of the text, and is none when
		// the text ends with a line break. Stored, not appended.
		last, n := len(starts)-1, len(starts)
		if starts[last] == len(t) {
			n = last
		}
		lines := slices.Grow(p.lines[:0], n)[:n]
		// and the lines trimmed (trimmedLines), while their ends are at
		// hand: every parse asks for them
		trimmed := slices.Grow(p.trimmed[:0], n)[:n]
		nonblank := 0
		for k := 0; k < last; k++ {
			start, end := starts[k], starts[k+1]-1
			if end > start && t[end-1] == '\r' {
				end--
			}
			lines[k] = line{start, end}
			if start < end && (spaceLeadByte[t[start]] || spaceTailByte[t[end-1]]) {
				start, end = trimSpan(t, start, end)
			}
			trimmed[k] = line{start, end}
			if start < end {
				nonblank++
			}
		}
		if n > last {
			start, end := starts[last], len(t)
			if end > start && t[end-1] == '\r' {
				end--
			}
			lines[last] = line{start, end}
			if start < end && (spaceLeadByte[t[start]] || spaceTailByte[t[end-1]]) {
				start, end = trimSpan(t, start, end)
			}
			trimmed[last] = line{start, end}
			if start < end {
				nonblank++
			}
		}
		p.lines, p.trimmed, p.nonblankLines = lines, trimmed, nonblank
		return
	}
	p.lines = slices.Grow(p.lines[:0], strings.Count(t, "\n")+1)
	start := 0
	for {
		// IndexByte runs on machine words, not byte by byte
		j := strings.IndexByte(t[start:], '\n')
		if j < 0 {
			break
		}
		i := start + j
		end := i
		if end > start && t[end-1] == '\r' {
			end--
		}
		p.lines = append(p.lines, line{start, end})
		start = i + 1
	}
	if start < len(t) {
		end := len(t)
		if t[end-1] == '\r' {
			end--
		}
		p.lines = append(p.lines, line{start, end})
	}
}

// trimmedLines are the lines without their surrounding whitespace
// (trimSpan), made once: three passes walk every line trimmed.
func (p *parser) trimmedLines() []line {
	if len(p.trimmed) != len(p.lines) {
		p.trimmed = slices.Grow(p.trimmed[:0], len(p.lines))[:len(p.lines)]
		p.nonblankLines = 0
		for li, ln := range p.lines {
			if p.mayTrim(ln.start, ln.end) {
				ln.start, ln.end = trimSpan(p.text, ln.start, ln.end)
			}
			p.trimmed[li] = ln
			if ln.start < ln.end {
				p.nonblankLines++
			}
		}
	}
	return p.trimmed
}

// mayTrim: trimSpan(p.text, a, b) can differ from [a, b), an end byte
// being one a space can start or end with. It is inlined where trimSpan
// is not: most spans the walks trim have nothing to trim.
func (p *parser) mayTrim(a, b int) bool {
	return a < b && (spaceLeadByte[p.text[a]] || spaceTailByte[p.text[b-1]])
}

// trimSpan narrows [s, e) to exclude surrounding whitespace (incl. U+00A0,
// U+3000) and returns the new bounds.
//
// A space's UTF-8 starts with one of a few bytes and ends with one of a few
// others (spaceLead, spaceTail): any other byte ends the trim without
// decoding a rune, which is how nearly every span ends.
func trimSpan(t string, s, e int) (int, int) {
	if s < e && !spaceLeadByte[t[s]] && !spaceTailByte[t[e-1]] {
		return s, e // nothing to trim: most spans
	}
	for s < e && spaceLeadByte[t[s]] {
		if t[s] < utf8.RuneSelf {
			s++ // the ASCII spaces are those spaceLeadByte holds
			continue
		}
		if s+3 <= e && t[s] == 0xE3 && t[s+1] == 0x80 && t[s+2] == 0x80 {
			s += 3 // U+3000, which indents Chinese paragraphs
			continue
		}
		r, n := utf8.DecodeRuneInString(t[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s && spaceTailByte[t[e-1]] {
		if t[e-1] < utf8.RuneSelf {
			e-- // as at the start: tabs before a line's end, a table's
			continue
		}
		if e-3 >= s && t[e-3] == 0xE3 && t[e-2] == 0x80 && t[e-1] == 0x80 {
			e -= 3 // U+3000
			continue
		}
		r, n := utf8.DecodeLastRuneInString(t[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// spaceLeadByte and spaceTailByte are spaceLead and spaceTail looked up:
// trimSpan asks about both ends of every line, several times.
var spaceLeadByte, spaceTailByte = func() (lead, tail [256]bool) {
	for c := range 256 {
		lead[c], tail[c] = spaceLead(byte(c)), spaceTail(byte(c))
	}
	return lead, tail
}()

// spaceLead tells whether c can start the UTF-8 of an isSpace rune.
func spaceLead(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', 0xC2, 0xE2, 0xE3, 0xEF:
		return true
	}
	return false
}

// spaceTail tells whether c can end the UTF-8 of an isSpace rune.
func spaceTail(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', 0xA0, 0x80, 0x8B, 0xBF:
		return true
	}
	return false
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == 0xA0 || r == 0x3000 || r == 0xFEFF || r == 0x200B
}

var (
	rePageNumber = regexp.MustCompile(`^[\s\x{3000}]*[—–-]{1,2}\s*\d{1,3}\s*[—–-]{1,2}[\s\x{3000}]*$`)
	reBookmark   = regexp.MustCompile(`\[bookmark: [^\]]*\]`)
)

// maybePageNumber: s has what rePageNumber needs, an ASCII digit and a dash.
func maybePageNumber(s string) bool {
	digit, dash := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '-':
			dash = true
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94):
			dash = true // – U+2013, — U+2014
		}
	}
	return digit && dash
}

// maybeExportMark: s could be 正文 with spaces around it (what
// strings.TrimSpace trims): it starts with 正 or with the first byte of
// such a space, and holds 正文. Most lines fail at their first byte.
func maybeExportMark(s string) bool {
	return len(s) > 5 && exportMarkLead[s[0]] && strings.Index(s, "正文") >= 0
}

// exportMarkLead: 正's first byte and those of the spaces TrimSpace trims
// (ASCII, U+0085 U+00A0, U+1680, U+2000–U+205F, U+3000).
var exportMarkLead = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == 0xE6 || c <= ' ' || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3
	}
	return t
}()

// pageNumberLead: the first bytes dashAfterSpaces can accept (an ASCII
// space, U+3000, a dash: -, – and — start with E2).
var pageNumberLead = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\f', '\r', 0xE3, '-', 0xE2} {
		t[c] = true
	}
	return t
}()

// pageNumberTail: the last bytes of the lines rePageNumber matches, which
// end with a dash (-, – and — end with 93 and 94) or a space (U+3000 ends
// with 80): a table's line of cells after a tab ends otherwise.
var pageNumberTail = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\f', '\r', 0x80, '-', 0x93, 0x94} {
		t[c] = true
	}
	return t
}()

// dashAfterSpaces: after the spaces rePageNumber allows first
// ([\s\x{3000}]*), s goes on with a dash, as a page number must. Most lines
// fail at their first byte, before maybePageNumber reads them whole.
func dashAfterSpaces(s string) bool {
	i := 0
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r':
			i++
			continue
		case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80: // U+3000
			i += 3
			continue
		}
		break
	}
	// -, or – U+2013, — U+2014
	return i < len(s) && (s[i] == '-' || s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94))
}

func (p *parser) findResidue() {
	// which lines hold a residue phrase (the first on each line), in line
	// order as the hits come in text order
	type lineHit struct {
		line   int
		phrase string
	}
	var hits []lineHit
	for _, h := range p.hits(residuePhrases) {
		if li := p.lineAt(h.off); len(hits) == 0 || hits[len(hits)-1].line != li {
			hits = append(hits, lineHit{li, h.phrase})
		}
	}
	furniture := p.furnitureLines()
	text, lines := p.text, p.lines
	for li := 0; li < len(lines); li++ {
		if furniture == nil {
			// to the next line shortResidue may call residue, or the next
			// hit's: the lines before are none, and passed over by a loop
			// that calls nothing (this one spills at each line)
			stop := len(lines)
			if len(hits) > 0 {
				stop = max(hits[0].line, li)
			}
			if li = nextShortCandidate(text, lines, li, stop); li == len(lines) {
				break
			}
		}
		ln := lines[li]
		// most lines are long, or start or end with a byte that neither
		// an export mark nor a page number starts or ends with: one test
		// each
		if furniture != nil || maybeShortResidue(text, ln) {
			if kind := p.shortResidue(li, ln, furniture); kind != "" {
				a, b := trimSpan(text, ln.start, ln.end)
				p.addResidue(a, b, kind)
				continue
			}
		}
		if len(hits) == 0 || hits[0].line > li {
			continue // most lines: no residue phrase up to the next hit
		}
		for len(hits) > 0 && hits[0].line < li {
			hits = hits[1:]
		}
		if len(hits) == 0 || hits[0].line != li {
			continue
		}
		s := p.text[ln.start:ln.end]
		pat := hits[0].phrase
		if pat == "[bookmark:" {
			for _, m := range reBookmark.FindAllStringIndex(s, -1) {
				p.addResidue(ln.start+m[0], ln.start+m[1], "bookmark")
			}
			continue
		}
		a, b := trimSpan(p.text, ln.start, ln.end)
		kind := "web"
		if strings.HasPrefix(pat, "==") || pat == "本地目录:" || pat == "原文链接:" || pat == "页面链接与图片详见" {
			kind = "crawler"
		}
		// a crawler body is one long line: claim only the residue phrase, or
		// the whole breadcrumb-and-toolbar run it starts
		if b-a > 300 {
			i := strings.Index(s, pat)
			a, b = ln.start+i, ln.start+i+len(pat)
			if strings.HasPrefix(pat, "当前位置") {
				b = ln.start + i + chromeEnd(s[i:])
			}
		}
		p.addResidue(a, b, kind)
	}
}

// maybeShortResidue tells whether ln has the length, first and last bytes
// of a line that shortResidue can call residue.
func maybeShortResidue(text string, ln line) bool {
	n := ln.end - ln.start
	return n > 0 && n <= 40 && shortResidueLead[text[ln.start]] && shortResidueTail[text[ln.end-1]]
}

// nextShortCandidate is the first line from li on, before stop, that
// maybeShortResidue accepts, else stop (li when stop is li or less).
func nextShortCandidate(text string, lines []line, li, stop int) int {
	for ; li < stop; li++ {
		if maybeShortResidue(text, lines[li]) {
			return li
		}
	}
	return max(li, stop)
}

// shortResidue is the kind of residue line li is as a whole, a page
// number or an export mark ("" for neither), found without a phrase.
func (p *parser) shortResidue(li int, ln line, furniture map[int]bool) string {
	if furniture != nil && furniture[li] {
		return "page-number"
	}
	if ln.end-ln.start > 40 {
		return ""
	}
	s := p.text[ln.start:ln.end]
	if maybeExportMark(s) && strings.TrimSpace(s) == "正文" {
		return "export"
	}
	if len(s) > 0 && pageNumberLead[s[0]] && pageNumberTail[s[len(s)-1]] && dashAfterSpaces(s) && maybePageNumber(s) && rePageNumber.MatchString(s) {
		return "page-number"
	}
	return ""
}

// shortResidueLead: the first bytes of the lines shortResidue can find
// (maybeExportMark's and dashAfterSpaces's).
var shortResidueLead = func() (t [256]bool) {
	for c := range 256 {
		t[c] = exportMarkLead[c] || pageNumberLead[c]
	}
	return t
}()

// exportMarkTail: 文's last byte and those of the spaces TrimSpace trims
// (unicode.White_Space), with which a line that trims to 正文 ends.
var exportMarkTail = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c <= ' '
	}
	t["文"[len("文")-1]] = true
	for _, rg := range unicode.White_Space.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			b := utf8.AppendRune(nil, r)
			t[b[len(b)-1]] = true
		}
	}
	return t
}()

// shortResidueTail: the last bytes of the lines shortResidue can find
// (an export mark's and a page number's): a table's short lines of cells
// (a tab, a cell, digits) start with a byte of shortResidueLead, and most
// end with none of these.
var shortResidueTail = func() (t [256]bool) {
	for c := range 256 {
		t[c] = exportMarkTail[c] || pageNumberTail[c]
	}
	return t
}()

var (
	residuePhrases  = newPhraseSet(ResiduePatterns)
	fingerprints    = newPhraseSet(Fingerprints2019)
	pubLabels       = newPhraseSet([]string{"发布时间", "发布日期", "公开日期", "成文日期", "发文日期"})
	periodSeparator = newPhraseSet([]string{"至", "到", "—", "－", "-", "~", "～"})
	// parserPhrases are the sets the parser looks for in the whole text,
	// found in one pass (parser.hits)
)

var parserPhrases = []*phraseSet{residuePhrases, fingerprints, pubLabels, periodSeparator}

// hits returns the occurrences of set, one of parserPhrases, in p.text: the
// four sets are found in one pass, on first use.
func (p *parser) hits(set *phraseSet) []phraseHit {
	if p.phraseHits == nil {
		if ps := p.src.phraseScan; ps != nil {
			p.phraseHits = ps.scan(p.text)
		} else {
			if len(p.hitsBuf) != len(parserPhrases) {
				p.hitsBuf = make([][]phraseHit, len(parserPhrases))
			}
			for k := range p.hitsBuf {
				p.hitsBuf[k] = p.hitsBuf[k][:0]
			}
			p.phraseHits = scanSetsFrom(p.text, 0, len(p.text), parserPhrases, p.hitsBuf)
			p.hitsBuf = p.phraseHits // grown
		}
	}
	for k, s := range parserPhrases {
		if s == set {
			return p.phraseHits[k]
		}
	}
	panic("grammar: hits of a phrase set the parser does not scan")
}

// chromeEnd returns the length of the page chrome that starts s (当前位置：
// 首页… 来源… 时间… 微信 微博 QQ空间 … 文件下载 相关链接： -->): the end of the
// last toolbar phrase within a short window.
func chromeEnd(s string) int {
	window := s
	if len(window) > 600 {
		window = window[:600]
	}
	end := 0
	for _, marker := range []string{"-->", "相关链接：", "相关链接:", "文件下载", "文字版", "全真版", "QQ空间", "打印", "关闭"} {
		if i := strings.LastIndex(window, marker); i >= 0 && i+len(marker) > end {
			end = i + len(marker)
		}
	}
	if end == 0 {
		_, n := utf8.DecodeRuneInString(s)
		for _, p := range ResiduePatterns {
			if strings.HasPrefix(s, p) {
				return len(p)
			}
		}
		return n
	}
	return end
}

// lineAt returns the index of the line holding view offset off.
func (p *parser) lineAt(off int) int {
	return sort.Search(len(p.lines), func(i int) bool { return p.lines[i].start > off }) - 1
}

// furnitureLines marks the lines that are exactly a span the front-end
// recognised as a page number (Source.Furniture); only a view that is the
// source itself has them.
func (p *parser) furnitureLines() map[int]bool {
	if len(p.src.Furniture) == 0 || p.v.pieces != nil {
		return nil
	}
	lines := map[int]bool{}
	for _, sp := range p.src.Furniture {
		li := p.lineAt(sp.Start)
		if li < 0 {
			continue
		}
		if a, b := trimSpan(p.text, p.lines[li].start, p.lines[li].end); a == sp.Start && b == sp.End {
			lines[li] = true
		}
	}
	return lines
}

func (p *parser) addResidue(a, b int, kind string) {
	p.residue = append(p.residue, Span{a, b})
	p.residueLines = nil // answered anew
	p.r.Residue = append(p.r.Residue, &Residue{Span: p.span(a, b), Kind: kind, Text: p.text[a:b]})
}

// isResidueLine tells whether residue covers line li whole (trimmed). The
// answers are made once, after findResidue, as several passes ask about
// every line.
func (p *parser) isResidueLine(li int) bool {
	if len(p.residueLines) != len(p.lines) {
		p.markResidueLines() // first call: out of line, so that this inlines
	}
	return p.residueLines[li]
}

// markResidueLines makes isResidueLine's answers.
func (p *parser) markResidueLines() {
	// only a line that a residue span overlaps can be residue
	p.residueBuf = slices.Grow(p.residueBuf[:0], len(p.lines))[:len(p.lines)]
	clear(p.residueBuf)
	p.residueLines = p.residueBuf
	for _, r := range p.residue {
		for i := max(p.lineAt(r.Start), 0); i < len(p.lines) && p.lines[i].start < r.End; i++ {
			p.residueLines[i] = p.lineIsResidue(p.lines[i])
		}
	}
}

func (p *parser) lineIsResidue(ln line) bool {
	a, b := trimSpan(p.text, ln.start, ln.end)
	if a == b {
		return false
	}
	// residue spans are sorted and disjoint: only the first ending at or
	// after b can contain the line
	i := sort.Search(len(p.residue), func(i int) bool { return p.residue[i].End >= b })
	return i < len(p.residue) && p.residue[i].Start <= a
}

// sectionAt returns the section whose span holds source offset off.
func (p *parser) sectionAt(off int) *Section {
	if i := sectionIndexAt(p.r.Sections, off); i >= 0 {
		return p.r.Sections[i]
	}
	return nil
}

// sectionIndexAt returns the index in secs (sorted by start) of the
// section holding offset off, or -1.
func sectionIndexAt(secs []*Section, off int) int {
	i := sort.Search(len(secs), func(i int) bool { return secs[i].Span.Start > off }) - 1
	if i >= 0 && off < secs[i].Span.End {
		return i
	}
	return -1
}

// sectionCursor remembers where the last sectionAt landed, for offsets
// asked in increasing order (a paragraph after another). Zero value: at
// the start.
type sectionCursor struct{ i int }

// sectionAt is parser.sectionAt over secs (sorted by start): it steps
// forward from the last answer while off grows, and searches again when
// off went back.
func (c *sectionCursor) sectionAt(secs []*Section, off int) *Section {
	i := c.i // the first section starting after off, as sort.Search finds
	if i > len(secs) || i > 0 && secs[i-1].Span.Start > off {
		i = sort.Search(len(secs), func(i int) bool { return secs[i].Span.Start > off })
	} else {
		for i < len(secs) && secs[i].Span.Start <= off {
			i++
		}
	}
	c.i = i
	if i--; i >= 0 && off < secs[i].Span.End {
		return secs[i]
	}
	return nil
}

func (p *parser) detectFormat() {
	p.r.Format = Format2021
	for _, h := range p.hits(fingerprints) {
		i, fp := h.off, h.phrase
		// 第二十条（九）in the prose: "政府集中采购项目的目录、标准及实施情况"
		if fp == "政府集中采购" && strings.HasPrefix(p.text[i+len(fp):], "项目") {
			continue
		}
		p.r.Format = Format2019
		sp := p.span(i, i+len(fp))
		p.r.FormatEvidence = &sp
		break
	}
}

// ---- headings ----

// The numberings at the start of a heading are matched by the scanners of
// headnum.go; the regular expressions they were written from, which the
// tests compare them with, are in regexps_test.go.

// sectionFor matches the text after a numbering against the six parts:
// exact canonical name, a known variant, or (for a whole heading line) a
// near miss.
func sectionFor(text string, wholeLine bool) (*SectionDef, bool, int) {
	keys := sectionKeys()
	// the key's runes, on the stack, and no more of them than tell the
	// answer (sectionKeyRunes): the key itself is not made
	var buf [64]rune
	k := keyRunes(buf[:0], text, sectionKeyRunes)
	if len(k) > 0 && slices.Contains(sectionKeyFirsts, k[0]) || sectionKeyAll {
		for i, d := range Sections {
			if runesPrefix(k, keys[i].nameRunes) {
				return d, true, len(keys[i].name)
			}
		}
		for i, d := range Sections {
			for j, v := range keys[i].variantRunes {
				if runesPrefix(k, v) {
					return d, false, len(keys[i].variants[j])
				}
			}
		}
	}
	if wholeLine {
		for i, d := range Sections {
			name := keys[i].nameRunes
			max := len(name) / 6
			if max < 1 {
				max = 1
			}
			// each of k's runes that the name lacks takes an edit: more
			// of them than max, and the distance is more (the table
			// rows numbered 一、二、 lack most of every part's name)
			if diff := len(k) - len(name); diff <= max && -diff <= max && runesLacking(k, &keys[i].nameSet, max) <= max &&
				editDistance(k, name, max) <= max {
				return d, false, runesLen(k)
			}
		}
	}
	return nil, false, 0
}

// runesLen is len(string(rs)): a rune that is not valid takes the three
// bytes of U+FFFD.
func runesLen(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += runeLen(r)
	}
	return n
}

// runeLen is len(string(r)).
func runeLen(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return utf8.RuneLen(utf8.RuneError)
}

// sectionNameKey is LabelKey(d.Name), made once for the six parts.
func sectionNameKey(d *SectionDef) string {
	for i, x := range Sections {
		if x == d {
			return sectionKeys()[i].name
		}
	}
	return LabelKey(d.Name)
}

// sectionFirstRune tells whether s starts with the first character of a
// part's name or of one of its variants (a cheap test before the key).
func sectionFirstRune(s string) bool {
	for _, r := range s {
		if ignorable(r) {
			continue
		}
		// string(x) is the UTF-8 of x, or of U+FFFD when x is not valid:
		// a key starts with it when its first rune is that one
		x := foldRune(r)
		if !utf8.ValidRune(x) {
			x = utf8.RuneError
		}
		return slices.Contains(sectionKeyFirstRunes(), x)
	}
	return false
}

type sectionKey struct {
	name         string
	nameRunes    []rune
	variants     []string
	variantRunes [][]rune
	// nameSet has bit r%256 set for each rune r of the name
	nameSet [4]uint64
}

// keyRunes appends to k the runes of LabelKey(s) (the runes of s, invalid
// UTF-8 read as U+FFFD, but the ignorable ones, folded), up to limit+1 of
// them.
func keyRunes(k []rune, s string, limit int) []rune {
	for i := 0; i < len(s) && len(k) <= limit; {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiIgnorable[c] {
				k = append(k, rune(c))
			}
			i++
			continue
		}
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// U+4000–U+9FFF, Han characters (the common case): kept
			k = append(k, rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !ignorable(r) {
			k = append(k, foldRune(r))
		}
		i += n
	}
	return k
}

// runesPrefix tells whether k starts with p.
func runesPrefix(k, p []rune) bool {
	return len(k) >= len(p) && slices.Equal(k[:len(p)], p)
}

// runesLacking counts the runes of k whose bit r%256 set does not have, up
// to one more than max: runes the set's string surely lacks.
func runesLacking(k []rune, set *[4]uint64, max int) int {
	n := 0
	for _, r := range k {
		if b := uint8(r); set[b>>6]&(1<<(b&63)) == 0 {
			if n++; n > max {
				break
			}
		}
	}
	return n
}

var (
	sectionKeysOnce sync.Once
	sectionKeyList  []sectionKey
	// the first rune of each part's key and variant keys (not empty)
	sectionKeyFirsts []rune
	// a key is empty (none is)
	sectionKeyAll bool
	// sectionKeyRunes bounds the key runes sectionFor reads: past the
	// longest name or variant key, and past the longest name by the edits
	// it allows, no key matches a part
	sectionKeyRunes int
	// the parts' names that sectionHeadingAt's steps read as their own
	// part's canonical heading, whole (all of them); "" for one they do
	// not, which canonicalSection skips
	sectionCanonical = sync.OnceValue(func() []string {
		var names []string
		for _, d := range Sections {
			name := d.Name
			if got, canonical, _ := sectionFor(name, true); got != d || !canonical ||
				moreRunes(name, 40) || len(name) > 240 || name == "" || name != strings.TrimSpace(name) || trimmedLen(name) != len(name) ||
				strings.HasSuffix(name, "。") || strings.HasSuffix(name, "：") || strings.HasSuffix(name, ":") ||
				LabelKey(name) != sectionNameKey(d) {
				name = ""
			}
			names = append(names, name)
		}
		return names
	})
)

// trimmedLen is the length of s after trimSpan.
func trimmedLen(s string) int {
	a, b := trimSpan(s, 0, len(s))
	return b - a
}

// sectionKeys are the comparison forms of the section names, computed once.
func sectionKeys() []sectionKey {
	sectionKeysOnce.Do(func() {
		for _, d := range Sections {
			k := sectionKey{name: LabelKey(d.Name)}
			k.nameRunes = []rune(k.name)
			for _, r := range k.nameRunes {
				b := uint8(r)
				k.nameSet[b>>6] |= 1 << (b & 63)
			}
			for _, v := range d.Variants {
				k.variants = append(k.variants, LabelKey(v))
				k.variantRunes = append(k.variantRunes, []rune(LabelKey(v)))
				sectionKeyRunes = max(sectionKeyRunes, len(k.variantRunes[len(k.variantRunes)-1]))
			}
			sectionKeyRunes = max(sectionKeyRunes, len(k.nameRunes)+max(len(k.nameRunes)/6, 1))
			sectionKeyList = append(sectionKeyList, k)
			for _, key := range append([]string{k.name}, k.variants...) {
				if r, _ := utf8.DecodeRuneInString(key); key != "" && !slices.Contains(sectionKeyFirsts, r) {
					sectionKeyFirsts = append(sectionKeyFirsts, r)
				}
				if key == "" {
					sectionKeyAll = true
				}
			}
		}
	})
	return sectionKeyList
}

// sectionKeyFirstRunes are the runes a part's key or variant key starts with.
func sectionKeyFirstRunes() []rune {
	sectionKeys()
	return sectionKeyFirsts
}

// keyPrefixEnd returns the offset in s after the first n bytes of its
// LabelKey. It steps over Han characters (lead byte E4–E9, U+4000–U+9FFF)
// without decoding them: none is ignorable or folded, so each adds its
// three bytes to the key, as LabelKey keeps them.
func keyPrefixEnd(s string, n int) int {
	seen := 0
	for i := 0; i < len(s); {
		if seen >= n {
			return i
		}
		if c := s[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			seen += 3
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ignorable(r) {
			seen += runeLen(foldRune(r))
		}
		i += size
	}
	return len(s)
}

func (p *parser) findSectionHeadings() {
	defer func() {
		if len(p.sectionHead) < 2 {
			if paren := p.parenSectionHeadings(); paren != nil {
				p.sectionHead = paren
			}
		}
	}()
	trimmed := p.trimmedLines()
	p.sectionHead = make([]*Heading, 0, 8) // a report has six parts
	for li, ln := range trimmed {
		a, b := ln.start, ln.end
		// most lines start with a byte that neither # nor a numeral (E4,
		// E5) starts with, and are no crawler line: nothing below is found
		// there
		if a == b || !sectionLineLead[p.text[a]] && b-a <= crawlerLine || p.isResidueLine(li) {
			continue
		}
		s := p.text[a:b]
		// a part's heading starts with its numeral (一、) or a Markdown
		// marker: on any other line sectionHeadingAt finds nothing
		if s[0] == '#' || numeralAt(s, 0, cnNumbering) > 0 {
			if h := p.sectionHeadingAt(s, a, true); h != nil {
				p.sectionHead = append(p.sectionHead, h)
			}
		}
		// crawler text: the body is one long line with the headings inside
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

// parenSectionHeadings finds parts numbered （一）…（六） on lines of their
// own, the old style of some reports, when no part is numbered 一、: at
// least three lines naming a part exactly or by a known variant.
// sectionLineLead: the first bytes of # and of the Chinese numerals
// (numeralAt: 一…十 lead with E4 or E5), which a part's heading starts with.
var sectionLineLead = func() (t [256]bool) {
	t['#'], t[0xE4], t[0xE5] = true, true, true
	return t
}()

func (p *parser) parenSectionHeadings() []*Heading {
	var found []*Heading
	trimmed := p.trimmedLines()
	for li := range p.lines {
		if p.isResidueLine(li) {
			continue
		}
		a, b := trimmed[li].start, trimmed[li].end
		s := p.text[a:b]
		m, ok := headingNumber(s, parenNumbering)
		if !ok || m[2] >= 0 || moreRunes(s[m[1]:], 40) {
			continue
		}
		d, canonical, keyLen := sectionFor(s[m[1]:], false)
		if d == nil || keyLen != len(LabelKey(s[m[1]:])) {
			continue // the whole line must name the part
		}
		textEnd := len(s)
		found = append(found, &Heading{
			Span:       p.span(a, a+textEnd),
			NumberSpan: p.span(a, a+m[1]),
			Number:     cnValue(s[m[4]:m[5]]),
			Style:      "paren",
			Level:      1,
			Text:       s[m[1]:textEnd],
			TextSpan:   p.span(a+m[1], a+textEnd),
			Section:    d.Key,
			Canonical:  canonical && s[m[1]:textEnd] == d.Name,
			Full:       s,
			vStart:     a,
			vEnd:       a + textEnd,
		})
	}
	if len(found) < 3 {
		return nil
	}
	return found
}

// crawlerLine: a line this long is a whole page flattened by a crawler, with
// headings inside it.
const crawlerLine = 1500

// startsLikeHeading is a cheap filter before the heading regexps: a heading
// starts with #, a bracket, a Chinese numeral or a digit.
//
// It compares bytes: # ( and the digits are ASCII; （ and ０-９ are EF BC
// 88 and EF BC 90-99; 一…十 start with E4 or E5 (U+4E00–U+5341).
func startsLikeHeading(s string) bool {
	if len(s) == 0 {
		return false
	}
	switch c := s[0]; {
	case c == '#' || c == '(' || c >= '0' && c <= '9':
		return true
	case c == 0xEF:
		return len(s) >= 3 && s[1] == 0xBC && (s[2] == 0x88 || s[2] >= 0x90 && s[2] <= 0x99)
	case c == 0xE4 || c == 0xE5:
		return numeralAt(s, 0, cnNumbering) > 0
	}
	return false
}

func strictVariant(s string) bool {
	_, rest := splitNumbering(s)
	d, _, _ := sectionFor(rest, false)
	return d != nil
}

// sectionHeadingAt recognises a level-1 heading naming one of the six parts
// at the start of s (view offset base).
func (p *parser) sectionHeadingAt(s string, base int, lineStart bool) *Heading {
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
	// a line of a part's name as the template writes it (most parts'
	// headings): what the steps below find, without their passes over it
	if d := canonicalSection(rest); d != nil && lineStart {
		textEnd := m[1] + len(rest)
		h := p.headings.next()
		*h = Heading{
			Span:       p.span(base+numStart, base+textEnd),
			NumberSpan: p.span(base+numStart, base+m[1]),
			Number:     cnValue(numText),
			Style:      "cn",
			Level:      1,
			Text:       rest,
			TextSpan:   p.span(base+m[1], base+textEnd),
			Section:    d.Key,
			Canonical:  true,
			Markdown:   md,
			Full:       s[numStart:textEnd],
			vStart:     base + numStart,
			vEnd:       base + textEnd,
		}
		return h
	}
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

// canonicalSection is the part whose name s is, as the template writes it,
// when sectionHeadingAt reads a line that holds it alone as that part's
// canonical heading (sectionCanonical), else nil.
func canonicalSection(s string) *SectionDef {
	for i, name := range sectionCanonical() {
		if len(s) == len(name) && s == name {
			return Sections[i]
		}
	}
	return nil
}

// sectionNearMiss matches the start of running text against the name of the
// part numbered number, allowing a few edits (政府信息公开行政复议与行政诉讼情况):
// in a crawler line the heading's end is unknown, so the name is compared
// with the text's prefixes of about its length. It returns the part and the
// key length taken.
func sectionNearMiss(text string, number int) (*SectionDef, int) {
	if number < 1 || number > len(Sections) {
		return nil, 0
	}
	d := Sections[number-1]
	name := sectionKeys()[number-1].nameRunes
	max := len(name) / 6
	if max < 1 {
		return nil, 0 // a short name (总体情况) is matched exactly or not at all
	}
	k := []rune(LabelKey(text))
	best, bestLen := max+1, 0
	for n := len(name) - max; n <= len(name)+max && n <= len(k); n++ {
		if dist := editDistance(k[:n], name, max); dist < best {
			best, bestLen = dist, n
		}
	}
	if best > max {
		return nil, 0
	}
	return d, len(string(k[:bestLen]))
}

func (p *parser) buildSections() {
	if len(p.sectionHead) == 0 {
		return
	}
	// the sections in one block, and room for them made once
	block := make([]Section, len(p.sectionHead))
	p.r.Sections = make([]*Section, 0, len(p.sectionHead))
	for i, h := range p.sectionHead {
		d := SectionByKey(h.Section)
		sec := &block[i]
		*sec = Section{Key: h.Section, Def: d, Heading: h}
		end := len(p.src.Text)
		if i+1 < len(p.sectionHead) {
			end = p.sectionHead[i+1].Span.Start
		}
		sec.Span = Span{h.Span.Start, end}
		p.r.Sections = append(p.r.Sections, sec)
	}
}

// sectionViewRange returns the view range of section i's body.
func (p *parser) sectionBody(i int) (int, int) {
	h := p.sectionHead[i]
	start := h.vEnd
	end := len(p.text)
	if i+1 < len(p.sectionHead) {
		end = p.sectionHead[i+1].viewStart()
	}
	return start, end
}

// ---- title, period, dates ----

// The year, title hint, period and date line are matched by hand (yearAt,
// hasTitleHint, periodIndex, dateLineAt); the regular expressions they
// were written from are in regexps_test.go.
var (
	rePubDate   = regexp.MustCompile(`(发布时间|发布日期|公开日期|成文日期|发文日期)[\s\x{00A0}\x{3000}]*[:：]?[\s\x{00A0}\x{3000}]*(\d{4})[\s\x{00A0}\x{3000}]*[-年/.][\s\x{00A0}\x{3000}]*(\d{1,2})[\s\x{00A0}\x{3000}]*[-月/.][\s\x{00A0}\x{3000}]*(\d{1,2})`)
	reMetaTitle = regexp.MustCompile(`^(?:标题|名称)[\s\x{00A0}\x{3000}]*[:：\t][\s\x{00A0}\x{3000}]*`) // a metadata line or a page's metadata-table row
	// a page title ends with the site's name: "…年度报告-沭阳县发改局"
	// (compiled when a metadata title is met: its bounded repeat made it a
	// sixth of every run's start, 4.1 of 25 million instructions)
	reSiteSuffix = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`报告([\s\x{00A0}\x{3000}]*[-_|－—–｜][\s\x{00A0}\x{3000}]*[^-_|－—–｜]{1,30})$`)
	})
)

// hasYear is reYear.MatchString(s), with no slice made.
func hasYear(s string) bool {
	i, _ := yearAt(s)
	return i >= 0
}

// yearAt returns the start and end of reYear's leftmost match in s, or -1.
func yearAt(s string) (int, int) {
	for i := 0; i+4 <= len(s); i++ {
		if s[i+3]-'0' >= 10 {
			i += 3 // no four digits start at i to i+3: all hold s[i+3]
			continue
		}
		if !isDigit4(s[i:]) {
			continue
		}
		j := i + 4
		for j < len(s) {
			switch {
			case s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r':
				j++
				continue
			case strings.HasPrefix(s[j:], "\u00a0"):
				j += len("\u00a0")
				continue
			case strings.HasPrefix(s[j:], "\u3000"):
				j += len("\u3000")
				continue
			}
			break
		}
		if strings.HasPrefix(s[j:], "年") {
			return i, j + len("年")
		}
	}
	return -1, -1
}

func isDigit4(s string) bool {
	return s[0]-'0' < 10 && s[1]-'0' < 10 && s[2]-'0' < 10 && s[3]-'0' < 10
}

// hasTitleHint is reTitleHint.MatchString(s) without the regexp, which
// tries its alternation at every character of the line. (A valid
// character's bytes are matched as its rune even in invalid UTF-8: no
// decoded sequence takes in a lead byte.)
func hasTitleHint(s string) bool {
	return strings.Contains(s, "报告") || strings.Contains(s, "年报")
}

// metaTitleIndex is reMetaTitle.FindStringIndex(s), the regexp asked only
// of a line that starts as it must.
func metaTitleIndex(s string) []int {
	if !strings.HasPrefix(s, "标题") && !strings.HasPrefix(s, "名称") {
		return nil
	}
	return reMetaTitle.FindStringIndex(s)
}

func (p *parser) firstSectionView() int {
	if len(p.sectionHead) > 0 {
		return p.sectionHead[0].viewStart()
	}
	return len(p.text)
}

func (p *parser) findTitle() {
	limit := p.firstSectionView()
	var candBuf [12]line // a dozen lines at most: room on the stack
	cand := candBuf[:0]
	for li, ln := range p.lines {
		if ln.start >= limit || len(cand) >= 12 {
			break
		}
		a, b := trimSpan(p.text, ln.start, ln.end)
		if a == b || p.isResidueLine(li) {
			cand = append(cand, line{a, a}) // keeps blank lines as separators
			continue
		}
		cand = append(cand, line{a, b})
	}
	for i, ln := range cand {
		if ln.start == ln.end {
			continue
		}
		s := p.text[ln.start:ln.end]
		if m := metaTitleIndex(s); m != nil {
			end := ln.end
			if x := reSiteSuffix().FindStringSubmatchIndex(s); x != nil && x[2] > m[1] {
				end = ln.start + x[2]
			}
			p.setTitle([]line{{ln.start + m[1], end}})
			return
		}
		if !hasTitleHint(s) || !strings.Contains(s, "信息公开") && !strings.Contains(s, "年度报告") || utf8.RuneCountInString(s) > 80 || isSentence(s) {
			continue
		}
		// a crawler body line may start with the title and go on
		if len(s) > 200 {
			continue
		}
		lines := []line{ln}
		if !hasYear(s) || !startsWithBody(s) {
			// the title began on an earlier line: "大通区人民政府办公室2023年政府" /
			// "信息公开工作年度报告", or the body name alone above "2023 年…报告"
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				prev := cand[j]
				if prev.start == prev.end {
					if j == i-1 && hasYear(s) {
						continue // a blank line between body and "2023 年…" is common
					}
					break
				}
				ps := p.text[prev.start:prev.end]
				if utf8.RuneCountInString(ps) > 40 || hasClauseMark(ps) || hasTitleHint(ps) {
					break
				}
				lines = append([]line{prev}, lines...)
				joined := p.joinLines(lines)
				if hasYear(joined) && startsWithBody(joined) {
					break
				}
			}
		}
		p.setTitle(lines)
		return
	}
	// crawler text: "平潭综合实验区2020年政府信息公开工作年度报告 根据…"
	for i, ln := range p.lines {
		if ln.start >= limit || i >= 40 {
			break
		}
		s := p.text[ln.start:ln.end]
		if i := strings.Index(s, "年度报告"); i > 0 && i < 240 {
			a, _ := trimSpan(p.text, ln.start, ln.end)
			// a table row (a page's metadata table): the cell holding it
			if t := strings.LastIndexByte(s[:i], '\t'); t >= 0 {
				a = ln.start + t + 1
			}
			if hasYear(p.text[a:ln.start+i]) && !isSentence(strings.TrimSpace(p.text[a:ln.start+i])) {
				p.setTitle([]line{{a, ln.start + i + len("年度报告")}})
				return
			}
		}
	}
}

// isSentence: an opening sentence ("本报告依据…编制。") is not a title.
func isSentence(s string) bool {
	if hasSentenceMark(s) || strings.Contains(s, "http") || strings.Contains(s, ".txt") || strings.Contains(s, " > ") {
		return true // a sentence, a path, a breadcrumb or a table row, not a title
	}
	for _, p := range []string{"本报告", "本年度报告", "根据", "依据", "按照", "- ", "* ", "> "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// hasClauseMark is strings.ContainsAny(s, "。：:，,"), by their bytes as
// hasSentenceMark finds its marks: a line above a title's that holds one is
// no part of the title.
func hasClauseMark(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':', ',':
			return true
		case 0xE3: // 。U+3002
			if strings.HasPrefix(s[i:], "。") {
				return true
			}
		case 0xEF: // ：U+FF1A ，U+FF0C
			if strings.HasPrefix(s[i:], "：") || strings.HasPrefix(s[i:], "，") {
				return true
			}
		}
	}
	return false
}

// hasSignatureMark is strings.ContainsAny(s, "。，,；;"), by their bytes as
// hasSentenceMark finds its marks: a line above a signature's date that
// holds one is no body's name.
func hasSignatureMark(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ';':
			return true
		case 0xE3: // 。U+3002
			if strings.HasPrefix(s[i:], "。") {
				return true
			}
		case 0xEF: // ，U+FF0C ；U+FF1B
			if strings.HasPrefix(s[i:], "，") || strings.HasPrefix(s[i:], "；") {
				return true
			}
		}
	}
	return false
}

// sentenceMarks are the characters that make a line no title (isSentence).
const sentenceMarks = "。；，,`|\\＞»›"

// hasSentenceMark is strings.ContainsAny(s, sentenceMarks), by their bytes:
// ContainsAny decodes s and looks each character up in the set. The
// UTF-8 of a character starts with a byte no other one continues with,
// so its bytes found in s are that character, whatever comes before.
func hasSentenceMark(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '`', '|', '\\':
			return true
		case 0xE3: // 。U+3002
			if strings.HasPrefix(s[i:], "。") {
				return true
			}
		case 0xEF: // ；U+FF1B ，U+FF0C ＞U+FF1E
			if strings.HasPrefix(s[i:], "；") || strings.HasPrefix(s[i:], "，") || strings.HasPrefix(s[i:], "＞") {
				return true
			}
		case 0xC2: // » U+00BB
			if strings.HasPrefix(s[i:], "»") {
				return true
			}
		case 0xE2: // › U+203A
			if strings.HasPrefix(s[i:], "›") {
				return true
			}
		}
	}
	return false
}

func startsWithBody(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "# "))
	return !(r >= '0' && r <= '9')
}

func (p *parser) joinLines(ls []line) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(p.text[l.start:l.end])
	}
	return b.String()
}

// writeUnspaced writes to b the runes of s that are not isSpace, as ranging
// over s gives them (an invalid byte as U+FFFD): the runs between spaces
// are written whole, not rune by rune.
func writeUnspaced(b *strings.Builder, s string) {
	run := 0 // s[run:i] is written as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
				b.WriteString(s[run:i])
				run = i + 1
			}
			i++
			continue
		}
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // U+4000–U+9FFF, Han characters (the common case): no space
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) || r == utf8.RuneError && n == 1 {
			b.WriteString(s[run:i])
			if !isSpace(r) {
				b.WriteRune(r) // what range gives for an invalid byte
			}
			run = i + n
		}
		i += n
	}
	b.WriteString(s[run:])
}

func (p *parser) setTitle(ls []line) {
	// a bookmark or other residue before the title is not part of it
	for i := range ls {
		for _, r := range p.residue {
			if r.Start <= ls[i].start && ls[i].start < r.End && r.End <= ls[i].end {
				ls[i].start, ls[i].end = trimSpan(p.text, r.End, ls[i].end)
			}
		}
	}
	first, last := ls[0], ls[len(ls)-1]
	// strip Markdown heading markers
	if m := markdownIndex(p.text[first.start:first.end]); m != nil {
		first.start += m[1]
		ls[0] = first
	}
	t := &Title{Span: p.span(first.start, last.end), Lines: len(ls)}
	var b strings.Builder
	size := 0
	for _, l := range ls {
		size += l.end - l.start
	}
	b.Grow(size) // at most the lines' bytes (valid UTF-8): one allocation
	for _, l := range ls {
		writeUnspaced(&b, p.text[l.start:l.end])
	}
	t.Text = b.String()
	// year and body, with spans in the source
	for _, l := range ls {
		s := p.text[l.start:l.end]
		if y, _ := yearAt(s); y >= 0 {
			t.Year, _ = strconv.Atoi(s[y : y+4])
			t.YearSpan = p.span(l.start+y, l.start+y+4)
			break
		}
	}
	// body: the text before the year, or after it when the title starts with it
	for _, l := range ls {
		s := p.text[l.start:l.end]
		y, yEnd := yearAt(s) // yearIndex's match, with no slice made
		if y < 0 {
			a, e := trimSpan(p.text, l.start, l.end)
			if a < e && !strings.Contains(s, "信息公开") && !strings.Contains(s, "报告") {
				t.Body, t.BodySpan = p.text[a:e], p.span(a, e)
				continue
			}
			break
		}
		if t.Body != "" {
			break
		}
		if a, e := trimSpan(p.text, l.start, l.start+y); a < e {
			t.Body, t.BodySpan = stripSpaces(p.text[a:e]), p.span(a, e)
		} else {
			after := s[yEnd:]
			for _, stop := range []string{"政府信息公开", "政务公开", "信息公开"} {
				if i := strings.Index(after, stop); i > 0 {
					after = after[:i]
					break
				}
			}
			after = strings.TrimPrefix(strings.TrimSpace(after), "度")
			if after != "" {
				off := l.start + yEnd + strings.Index(s[yEnd:], after)
				a, e := trimSpan(p.text, off, off+len(after))
				t.Body, t.BodySpan = stripSpaces(p.text[a:e]), p.span(a, e)
			}
		}
		break
	}
	p.r.Title = t
}

func stripSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// periodMatches finds the period sentences; the regexp runs only on small
// windows around 至 / 到, so the scan stays linear and fast on long texts.
func (p *parser) periodMatches() [][]int {
	var out [][]int
	last := -1
	for _, h := range p.hits(periodSeparator) {
		at := h.off
		// a period needs 日 just before the separator (allowing 起 and spaces)
		if pre := p.text[max(0, at-12):at]; !strings.Contains(pre, "日") {
			continue
		}
		a, b := runeWindow(p.text, at, 40, 40)
		if m := periodIndex(p.text[a:b]); m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] += a
				}
			}
			if m[0] != last {
				out = append(out, m)
				last = m[0]
			}
		}
	}
	return out
}

// periodIndex is rePeriod.FindStringSubmatchIndex(s) without the regexp,
// which tries every character of the window: the leftmost start of four
// ASCII digits from which the pattern matches. Each of its choices has one
// way to go on (a digit run followed by a space or a character that is
// no digit, a space run followed by no space, the second year taken when
// it is there), so the first way found is the regexp's.
func periodIndex(s string) []int {
	for i := 0; i+4 <= len(s); i++ {
		if isDigit4(s[i:]) {
			if m := periodAt(s, i); m != nil {
				return m
			}
		}
	}
	return nil
}

// periodAt matches rePeriod at s[i:], which starts with four digits.
func periodAt(s string, i int) []int {
	m := make([]int, 14)
	m[0], m[2], m[3] = i, i, i+4
	j, ok := dateChar(s, periodSpaces(s, i+4), "年")
	if !ok {
		return nil
	}
	if j, ok = periodDay(s, periodSpaces(s, j), m[4:8]); !ok {
		return nil
	}
	j = periodSpaces(s, j)
	if strings.HasPrefix(s[j:], "起") {
		j += len("起")
	}
	j = periodSpaces(s, j)
	sep := 0
	for _, x := range [...]string{"至", "到", "—", "－", "-", "~", "～"} {
		if strings.HasPrefix(s[j:], x) {
			sep = len(x)
			break
		}
	}
	if sep == 0 {
		return nil
	}
	j = periodSpaces(s, j+sep)
	m[8], m[9] = -1, -1
	if j+4 <= len(s) && isDigit4(s[j:]) {
		if k, ok := dateChar(s, periodSpaces(s, j+4), "年"); ok {
			m[8], m[9] = j, j+4
			j = periodSpaces(s, k)
		}
	}
	if j, ok = periodDay(s, j, m[10:14]); !ok {
		return nil
	}
	m[1] = j
	return m
}

// periodDay matches (\d{1,2})[spaces]*月[spaces]*(\d{1,2})[spaces]*日 at
// s[i:], setting the two groups' bounds in g; it returns the end.
func periodDay(s string, i int, g []int) (int, bool) {
	month := digitRun2(s, i)
	j, ok := dateChar(s, periodSpaces(s, month), "月")
	if month == i || !ok {
		return 0, false
	}
	j = periodSpaces(s, j)
	day := digitRun2(s, j)
	end, ok := dateChar(s, periodSpaces(s, day), "日")
	if day == j || !ok {
		return 0, false
	}
	g[0], g[1], g[2], g[3] = i, month, j, day
	return end, true
}

// digitRun2 returns the end of the one or two ASCII digits at s[i:] (i when
// there is none).
func digitRun2(s string, i int) int {
	for k := 0; k < 2 && i < len(s) && s[i]-'0' < 10; k++ {
		i++
	}
	return i
}

// dateChar returns the end of c at s[i:], if it is there.
func dateChar(s string, i int, c string) (int, bool) {
	if strings.HasPrefix(s[i:], c) {
		return i + len(c), true
	}
	return i, false
}

// periodSpaces returns the end of the run of rePeriod's spaces
// ([\s\x{00A0}\x{3000}]) at s[i:].
func periodSpaces(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r':
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
		case strings.HasPrefix(s[i:], "\u3000"):
			i += len("\u3000")
		default:
			return i
		}
	}
	return i
}

// runeWindow returns [off-before, off+after] moved to rune boundaries.
func runeWindow(t string, off, before, after int) (int, int) {
	a, b := off-before, off+after
	if a < 0 {
		a = 0
	}
	if b > len(t) {
		b = len(t)
	}
	for a > 0 && a < len(t) && !utf8.RuneStart(t[a]) {
		a--
	}
	for b < len(t) && !utf8.RuneStart(t[b]) {
		b++
	}
	return a, b
}

func (p *parser) findPeriod() {
	// the statistics sentence: prefer one that names 统计
	var best []int
	for _, m := range p.periodMatches() {
		ca, cb := runeWindow(p.text, m[0], 120, 0)
		_, cb = runeWindow(p.text, m[1], 0, 60)
		if containsWord(p.text[ca:cb], "统计", 2) {
			best = m
			break
		}
		if best == nil {
			best = m
		}
	}
	if best == nil {
		p.findMalformedPeriod()
		return
	}
	m := best
	per := &Period{Span: p.span(m[0], m[1])}
	per.Start = DateRef{Date: Date{atoi(p.text[m[2]:m[3]]), atoi(p.text[m[4]:m[5]]), atoi(p.text[m[6]:m[7]])}, Span: p.span(m[2], m[7])}
	endStart := m[10]
	end := Date{Month: atoi(p.text[m[10]:m[11]]), Day: atoi(p.text[m[12]:m[13]])}
	if m[8] >= 0 {
		end.Year = atoi(p.text[m[8]:m[9]])
		endStart = m[8]
	}
	per.End = DateRef{Date: end, Span: p.span(endStart, m[13])}
	p.r.Period = per
}

var (
	rePeriodWord = regexp.MustCompile(`(?:数据|信息)?统计(?:期限|时限|时间|区间|期间)`)
	// a year glued to its month: 20301月
	reGluedYear = regexp.MustCompile(`(\d{4})(\d{1,2})[\s\x{00A0}\x{3000}]*月`)
)

// periodWordIndex is rePeriodWord.FindStringIndex(text). Every match holds
// 统计 at most two runes from its start, so the expression runs from two
// runes before the first 统计 instead of trying every position of the text
// (it has no literal prefix to skip by).
func periodWordIndex(text string) []int {
	i := indexWord(text, "统计", 2) // 9F: rare
	if i < 0 {
		return nil
	}
	from := i
	for n := 0; n < 2 && from > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(text[:from])
		from -= w
	}
	loc := rePeriodWord.FindStringIndex(text[from:])
	if loc == nil {
		return nil
	}
	return []int{from + loc[0], from + loc[1]}
}

// findMalformedPeriod finds a sentence that names the statistics period
// but whose dates did not read as one.
func (p *parser) findMalformedPeriod() {
	loc := periodWordIndex(p.text)
	if loc == nil {
		return
	}
	a := loc[0]
	b := loc[1]
	for n := 0; b < len(p.text) && n < 60; n++ {
		r, w := utf8.DecodeRuneInString(p.text[b:])
		if r == '。' || r == '\n' || r == '；' {
			break
		}
		b += w
	}
	s := p.text[a:b]
	if !strings.ContainsAny(s, "0123456789") {
		return // 统计期限 named without dates: that is not a malformed date
	}
	reason := "没有写成“某年某月某日至某年某月某日”"
	if m := reGluedYear.FindStringSubmatch(s); m != nil {
		reason = fmt.Sprintf("年份后缺少“年”字（“%s”应为“%s年%s月”）", strings.TrimSpace(m[0]), m[1], m[2])
	}
	p.r.MalformedPeriod = &MalformedPeriod{Span: p.span(a, b), Text: s, Reason: reason}
}

func (p *parser) findPublication() {
	var m []int
	for _, h := range p.hits(pubLabels) {
		a, b := runeWindow(p.text, h.off, 0, 60)
		if mm := rePubDate.FindStringSubmatchIndex(p.text[a:b]); mm != nil {
			for k := range mm {
				if mm[k] >= 0 {
					mm[k] += a
				}
			}
			m = mm
			break
		}
	}
	if m == nil {
		return
	}
	p.r.Publication = &DateRef{
		Date:  Date{atoi(p.text[m[4]:m[5]]), atoi(p.text[m[6]:m[7]]), atoi(p.text[m[8]:m[9]])},
		Span:  p.span(m[4], m[9]),
		Label: p.text[m[2]:m[3]],
	}
}

// dateLineAt is reDateLine.FindStringSubmatchIndex(s), without the
// expression or a slice: the match is the whole line, and each of its
// parts is forced (a bracket that opens it, four digits, one or two).
func dateLineAt(s string) (m [8]int, ok bool) {
	i := 0
	if strings.HasPrefix(s, "（") {
		i = len("（")
	} else if strings.HasPrefix(s, "(") {
		i = 1
	}
	i = periodSpaces(s, i)
	if i+4 > len(s) || !isDigit4(s[i:]) {
		return m, false
	}
	m[2], m[3] = i, i+4
	i = periodSpaces(s, i+4)
	for k, unit := range [3]string{"年", "月", "日"} {
		if k > 0 {
			// one or two digits, as many as stand there: a third one
			// leaves no unit after them
			j := i
			for j < len(s) && j < i+2 && s[j]-'0' < 10 {
				j++
			}
			if j == i {
				return m, false
			}
			m[2*k+2], m[2*k+3] = i, j
			i = periodSpaces(s, j)
		}
		if !strings.HasPrefix(s[i:], unit) {
			return m, false
		}
		i = periodSpaces(s, i+len(unit))
	}
	if strings.HasPrefix(s[i:], "）") {
		i += len("）")
	} else if strings.HasPrefix(s[i:], ")") {
		i++
	}
	if i != len(s) {
		return m, false
	}
	m[0], m[1] = 0, len(s)
	return m, true
}

func (p *parser) findSignature() {
	// from the end: skip residue and blank lines, a date line, then the body
	n := 0
	var dateLn *line
	for i := len(p.lines) - 1; i >= 0 && n < 8; i-- {
		ln := p.lines[i]
		a, b := trimSpan(p.text, ln.start, ln.end)
		if a == b || p.isResidueLine(i) {
			continue
		}
		if len(p.sectionHead) > 0 && a < p.sectionHead[len(p.sectionHead)-1].viewStart() {
			break
		}
		n++
		s := p.text[a:b]
		if dateLn == nil {
			if m, ok := dateLineAt(s); ok {
				dateLn = &line{a, b}
				p.r.Signature = &Signature{Date: &DateRef{
					Date: Date{atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])},
					Span: p.span(a+m[2], a+m[7]),
				}}
				continue
			}
			if n >= 3 {
				return
			}
			continue
		}
		if utf8.RuneCountInString(s) <= 40 && !hasSignatureMark(s) {
			p.r.Signature.Body, p.r.Signature.BodySpan = stripSpaces(s), p.span(a, b)
		}
		return
	}
}
