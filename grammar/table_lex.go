package grammar

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var (
	reMDSeparator = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
	reMDHeading   = regexp.MustCompile(`^#{1,6}\s*`)
)

// isPlaceholder: a cell that says "nothing here" (/, —, 不适用, 无 …). A
// switch, not a map: it is asked about every cell.
func isPlaceholder(s string) bool {
	switch s {
	case "/", "／", "—", "——", "-", "－", "--", "不适用", "无", "—/—", "\\", "、":
		return true
	}
	return false
}

type lexer struct {
	p     *parser
	m     *matcher
	toks  []token
	tabs  bool
	pipes bool
	glued bool
	// lexed are the spans of the lexed lines, each within its line (their
	// line indexes follow: releaseTrailingText)
	lexed  []Span
	tokBuf *[]token // what toks came in from tokenBuffers, to go back in
	// askedRow: inRow was asked since the cell being lexed began (its
	// tokens then depend on those before it, and it is not remembered)
	askedRow bool
	// unremembered: cells are scanned, never taken from the matcher's
	// memory nor put in it (the tests' reference)
	unremembered bool
	lastMatch    matchAnswer
	used         int // the most tokens toks held (releaseLexers)
	labels       int // the label tokens (add counts them)
	// labelAt is the index in toks of each label token, in order, noted
	// as they come (add, addCell, scanCellTokens): readTokens and
	// otherRows read the labels without a pass over every token
	labelAt []int32
}

// firstStart is the view offset where the first token starts (-1: none),
// and lastEnd where the last ends (0: none): tokens are only appended, and
// cut only at the end (releaseTrailingText), so the adds need not keep them.
func (lx *lexer) firstStart() int {
	if len(lx.toks) == 0 {
		return -1
	}
	return lx.toks[0].start
}

func (lx *lexer) lastEnd() int {
	if len(lx.toks) == 0 {
		return 0
	}
	return lx.toks[len(lx.toks)-1].end
}

func (p *parser) lexRegion(def *TableDef, a, b int) *lexer {
	// about a token per 6 bytes of a table (a number, a label, a gap; 5 to
	// 23 bytes in the seed and corpus tables): room made once instead of
	// growing the slice a dozen times. A tighter guess that falls short
	// allocates more in the end (a 10-byte guess: 1.41 MB a seed run, this
	// one 1.26 MB, none 1.40 MB).
	lx, _ := lexerPool.Get().(*lexer)
	if lx == nil {
		lx = &lexer{}
	}
	// the buffers of a pooled lexer are kept, empty
	*lx = lexer{p: p, m: matcherFor(def), lexed: lx.lexed[:0], labelAt: lx.labelAt[:0]}
	lx.toks, lx.tokBuf = getTokens((b-a)/6 + 16)
	p.lexers = append(p.lexers, lx)
	// the lines that overlap [a, b), and room for them in lexed
	from := max(p.lineAt(a), 0)
	if n := p.lineAt(b-1) - from + 1; n > cap(lx.lexed) {
		lx.lexed = make([]Span, 0, n)
	}
	for li := from; li < len(p.lines); li++ {
		ln := p.lines[li]
		if ln.start >= b {
			break
		}
		if ln.end <= a || ln.start == ln.end {
			continue // before the region, or blank (a table's every other line)
		}
		s, e := ln.start, ln.end
		if s < a {
			s = a
		}
		if e > b {
			e = b
		}
		// most lines have nothing to trim (a tab is kept: a line of cells
		// that starts with one is read as it is)
		if s < e && (trimLeadByte[p.text[s]] || trimTailByte[p.text[e-1]]) {
			s, e = trimKeepTabs(p.text, s, e)
		}
		if s == e || p.isResidueLine(li) {
			continue
		}
		if ln.start < a {
			// the region starts inside a line (a heading in crawler text):
			// sentences between the heading and the table are not cells
			if s = lx.skipSentences(s, e); s == e {
				continue
			}
		}
		text := p.text[s:e]
		// a line of one number, after tabs or none (one cell per line, as
		// Word exports a table: "\t0"): the token lexLineTab makes of it,
		// without its steps
		if lead := leadingTabs(text); asciiDigits(text[lead:]) && !lx.m.digitsKey {
			if lead > 0 {
				lx.tabs = true
			}
			lx.addValue(tokNumber, s+lead, e, text[lead:], li, true)
			lx.lexed = append(lx.lexed, Span{s, e})
			continue
		}
		if c := text[0]; (c == '|' || c == '-' || c == ':') && reMDSeparator.MatchString(text) {
			continue
		}
		// prose inside the region stays prose (a line with a tab is none,
		// nor one of 20 bytes or fewer: isProse's first answer, uncalled)
		tab := strings.IndexByte(text, '\t')
		if tab < 0 && len(text) > 20 && isProseUntabbed(text) && !lx.startsWithLabel(s, e) {
			continue
		}
		if text[0] == '#' {
			m := reMDHeading.FindStringIndex(text)
			s += m[1]
			tab = strings.IndexByte(p.text[s:e], '\t')
		}
		lx.lexLineTab(li, s, e, tab)
		lx.lexed = append(lx.lexed, Span{s, e})
	}
	return lx
}

// leadingTabs is the number of tabs s starts with.
func leadingTabs(s string) int {
	n := 0
	for n < len(s) && s[n] == '\t' {
		n++
	}
	return n
}

// tokenBuffers recycles the tokens of table lexing (*[]token): a table's
// tokens are needed only while readTable reads it.
var tokenBuffers sync.Pool

// lexerPool recycles lexers with their other buffers (the lexed lines),
// which hold no pointers: a report has three tables or more.
var lexerPool sync.Pool

// maxPooledTokens keeps the buffer of an outsized region out of the pool.
const maxPooledTokens = 1 << 14

// getTokens returns an empty buffer with room for n tokens, and the pointer
// it goes back to the pool by.
func getTokens(n int) ([]token, *[]token) {
	if b, _ := tokenBuffers.Get().(*[]token); b != nil && cap(*b) >= n {
		return (*b)[:0], b
	}
	return make([]token, 0, n), new([]token)
}

// releaseLexers returns the token buffers of the lexers made since the last
// call; their tokens must no longer be referenced.
func (p *parser) releaseLexers() {
	for _, lx := range p.lexers {
		b := lx.toks[:cap(lx.toks)]
		used := max(lx.used, len(lx.toks))
		tokBuf := lx.tokBuf
		// nothing of the report stays in a pooled lexer
		*lx = lexer{lexed: lx.lexed, labelAt: lx.labelAt}
		if cap(lx.lexed) <= maxPooledTokens {
			lexerPool.Put(lx)
		}
		if cap(b) > maxPooledTokens {
			continue
		}
		// the tokens hold the report's strings; the room past the most
		// ever used was never written (or cleared when last put back)
		clear(b[:used])
		*tokBuf = b
		tokenBuffers.Put(tokBuf)
	}
	clear(p.lexers)
	p.lexers = p.lexers[:0]
}

// skipSentences returns where the text after a heading stops being prose:
// after each leading sentence (up to 。) in which no label of the table
// starts ("2022年，共收到政府信息公开申请3条。").
func (lx *lexer) skipSentences(s, e int) int {
	t := lx.p.text
	for {
		s, _ = trimSpan(t, s, e)
		j := strings.Index(t[s:e], "。")
		if j < 0 || utf8.RuneCountInString(t[s:s+j]) > 300 {
			return s
		}
		for i := s; i < s+j; {
			if en, _ := lx.m.match(t, i, e, i > s); en != nil {
				return s
			}
			_, n := utf8.DecodeRuneInString(t[i:e])
			i += n
		}
		s += j + len("。")
	}
}

// trimKeepTabs trims spacing but keeps tabs: a leading tab is an empty cell.
// A byte that cannot start (end) a space's UTF-8 stops the trim without
// decoding (spaceLead, spaceTail), as in trimSpan.
// trimLeadByte and trimTailByte are spaceLeadByte and spaceTailByte but
// for the tab: trimKeepTabs stops at once at any other byte.
var trimLeadByte, trimTailByte = func() (lead, tail [256]bool) {
	lead, tail = spaceLeadByte, spaceTailByte
	lead['\t'], tail['\t'] = false, false
	return lead, tail
}()

func trimKeepTabs(t string, s, e int) (int, int) {
	for s < e && spaceLead(t[s]) {
		r, n := utf8.DecodeRuneInString(t[s:e])
		if r == '\t' || !isSpace(r) {
			break
		}
		s += n
	}
	for e > s && spaceTail(t[e-1]) {
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
	// no more runes than bytes: a line of 20 bytes is short (below)
	if len(text) <= 20 {
		return false
	}
	if strings.IndexByte(text, '\t') >= 0 {
		return false
	}
	return isProseUntabbed(text)
}

// isProseUntabbed is isProse of a text without a tab, which lexRegion
// knows already.
func isProseUntabbed(text string) bool {
	if len(text) <= 20 || strings.IndexByte(text, '|') >= 0 {
		return false
	}
	// a line without 。，；(most table lines) is no sentence, whatever its
	// length
	if !strings.Contains(text, "。") && !strings.Contains(text, "，") && !strings.Contains(text, "；") {
		return false
	}
	n := utf8.RuneCountInString(text)
	if n > 300 {
		return false // a glued table (crawler text), not a sentence
	}
	if n <= 20 {
		return false
	}
	// Contains, not ContainsAny: a cut set of non-ASCII runes is searched
	// rune by rune
	return n > 25 && strings.Contains(text, "。") || strings.Contains(text, "，") || strings.Contains(text, "；")
}

// releaseTrailingText gives back the lines after the table's last label or
// value: a region that runs to the next section heading may end in prose
// broken into short lines (a PDF export) that is not part of the table.
// The tokens were counted as they came (add): none of the text it gives
// back is a label.
func (lx *lexer) releaseTrailingText() {
	// the line of the last label or value: the tokens' lines only grow,
	// and the text after it is all there is to pass over
	last := -1
	for k := len(lx.toks) - 1; k >= 0; k-- {
		if lx.toks[k].kind != tokText {
			last = lx.toks[k].line
			break
		}
	}
	k := len(lx.toks)
	for k > 0 && lx.toks[k-1].line > last {
		k--
	}
	lx.used = max(lx.used, len(lx.toks))
	lx.toks = lx.toks[:k]
	for len(lx.labelAt) > 0 && int(lx.labelAt[len(lx.labelAt)-1]) >= k {
		lx.labelAt = lx.labelAt[:len(lx.labelAt)-1] // none, but kept true
	}
	// a lexed span is on a line after last when it starts after last's
	// end: it is within its line, and a line break parts two lines
	j := 0
	if last >= 0 {
		end := lx.p.lines[last].end
		j = len(lx.lexed)
		for j > 0 && lx.lexed[j-1].Start > end {
			j--
		}
	}
	lx.lexed = lx.lexed[:j]
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

// lexLine lexes the line t[s:e] into tokens.
func (lx *lexer) lexLine(li, s, e int) {
	lx.lexLineTab(li, s, e, strings.IndexByte(lx.p.text[s:e], '\t'))
}

// lexLineTab is lexLine, told where in the line its first tab is (-1: none).
func (lx *lexer) lexLineTab(li, s, e, tab int) {
	t := lx.p.text
	line := t[s:e]
	sep := byte(0)
	switch {
	case tab >= 0:
		sep = '\t'
		lx.tabs = true
	case strings.IndexByte(line, '|') >= 0 && (strings.HasPrefix(line, "|") || strings.HasSuffix(line, "|") || strings.Count(line, "|") >= 2):
		sep = '|'
		lx.pipes = true
	}
	if sep == 0 {
		lx.lexCell(li, s, e, false)
		return
	}
	// "\t0" (Word export, one cell per paragraph) is one indented cell
	// (a line that does not start with its tab is not)
	if sep == '\t' && tab == 0 {
		lead := 1 // the leading tabs (strings.TrimLeft, by hand)
		for lead < len(line) && line[lead] == '\t' {
			lead++
		}
		if rest := line[lead:]; strings.IndexByte(rest, '\t') < 0 {
			if rest == "" {
				lx.addValue(tokEmpty, s, s, "", li, false)
				return
			}
			lx.lexCell(li, s+len(line)-len(rest), e, true)
			return
		}
	}
	if line == "|" {
		// one cell per line: a lone separator is a blank cell (its span
		// is the separator, which a fix replaces)
		lx.addValue(tokEmpty, s, e, "", li, false)
		return
	}
	// the cells are those between separators, but for none before a
	// leading '|' and none after a trailing one
	from, to := s, e
	if sep == '|' {
		if line[0] == '|' {
			from++
		}
		if line[len(line)-1] == '|' {
			to--
		}
	}
	// j: the next separator's offset from from, when known (the first
	// tab's is), else unknownSep
	const unknownSep = -2
	j := tab
	if sep == '|' {
		j = unknownSep
	}
	// the cells end at to: the scans below, bounded by len(t), need no
	// other bound (nor checks of their indexes)
	t = t[:to]
	for {
		// a cell of ASCII digits between spaces (most cells: | 12 |)
		// is the whole number lexCell makes of the trimmed cell, read as
		// the separator is looked for
		a := from
		for a < len(t) && t[a] == ' ' {
			a++
		}
		k := a
		for k < len(t) && t[k]-'0' <= 9 {
			k++
		}
		z := k
		for z < len(t) && t[z] == ' ' {
			z++
		}
		if k > a && (z == len(t) || t[z] == sep) && !lx.m.digitsKey {
			lx.addValue(tokNumber, a, k, t[a:k], li, true)
			if z == len(t) {
				return
			}
			from, j = z+1, unknownSep
			continue
		}
		if j == unknownSep {
			switch {
			case from == len(t):
				j = -1 // an empty cell after the last separator
			case t[from] == sep:
				j = 0 // an empty cell between two separators (\t\t)
			default:
				j = strings.IndexByte(t[from:], sep)
			}
		}
		end := to
		if j >= 0 {
			end = from + j
		}
		cs, ce := from, end
		if cs < ce && (spaceLeadByte[t[cs]] || spaceTailByte[t[ce-1]]) {
			cs, ce = trimSpan(t, cs, ce) // most cells have nothing to trim
		}
		if cs == ce {
			lx.addValue(tokEmpty, from, from, "", li, false)
		} else {
			lx.lexCell(li, cs, ce, true)
		}
		if j < 0 {
			return
		}
		from, j = end+1, unknownSep
	}
}

func (lx *lexer) add(tk token) {
	// the labels counted and noted here, not by another pass over the
	// tokens (readTokens)
	if tk.kind == tokLabel {
		lx.labels++
		lx.labelAt = append(lx.labelAt, int32(len(lx.toks)))
		tk.canonical = tk.text == tk.entry.label
	}
	lx.toks = append(lx.toks, tk)
}

// addValue is add(token{kind: kind, start: s, end: e, text: text, line: li,
// whole: true, digits: digits}) for a kind of value (a number, an empty
// cell, a placeholder), its fields stored in the new token where it lies:
// add's token is built on the stack and copied, and while the collector
// marks, the copy's pointers are barriered one type word at a time.
func (lx *lexer) addValue(kind tokKind, s, e int, text string, li int, digits bool) {
	tk := lx.grow()
	tk.kind, tk.start, tk.end, tk.text, tk.entry, tk.how, tk.line, tk.whole, tk.digits, tk.label = kind, s, e, text, nil, howExact, li, true, digits, 0
	tk.canonical = false
}

// addCell is add of the remembered token ct of the cell that starts at s
// on line li, stored as addValue stores.
func (lx *lexer) addCell(ct *cellToken, s, li int) {
	start, end := s+ct.start, s+ct.end
	if ct.kind == tokLabel {
		lx.labels++
		lx.labelAt = append(lx.labelAt, int32(len(lx.toks)))
	}
	tk := lx.grow()
	tk.kind, tk.start, tk.end, tk.text, tk.entry, tk.how, tk.line, tk.whole, tk.digits, tk.label = ct.kind, start, end, lx.p.text[start:end], ct.entry, ct.how, li, ct.whole, ct.digits, 0
	tk.canonical = ct.canonical
}

// grow makes toks one token longer and returns that token, whatever it
// holds (addValue and addCell set every field).
func (lx *lexer) grow() *token {
	n := len(lx.toks)
	if n == cap(lx.toks) {
		lx.toks = append(lx.toks, token{})[:n]
	}
	lx.toks = lx.toks[:n+1]
	return &lx.toks[n]
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// matchAt is lx.m.match at t[i:limit], remembering the last answer:
// lexCell asks about a cell's start, then scanCell asks again.
func (lx *lexer) matchAt(i, limit int, inText bool) (*labelEntry, int) {
	q := matchQuery{i, limit, inText}
	if lx.lastMatch.query == q && lx.lastMatch.asked {
		return lx.lastMatch.entry, lx.lastMatch.end
	}
	en, end := lx.m.match(lx.p.text, i, limit, inText)
	lx.lastMatch = matchAnswer{query: q, asked: true, entry: en, end: end}
	return en, end
}

type matchQuery struct {
	i, limit int
	inText   bool
}

type matchAnswer struct {
	query matchQuery
	asked bool
	entry *labelEntry
	end   int
}

// lexCell splits one cell (or one glued line) into tokens.
func (lx *lexer) lexCell(li, s, e int, separated bool) {
	t := lx.p.text
	cellText := t[s:e]
	// a cell of ASCII digits (nearly every value) is one whole number:
	// what the scan below makes of it, without asking the matcher
	if asciiDigits(cellText) && !lx.m.digitsKey {
		lx.addValue(tokNumber, s, e, cellText, li, true)
		return
	}
	// a cell remembered in its slot (most other cells, labels), as
	// scanWholeCell would take it from the matcher's memory, without its
	// call nor lexedCell's (a separated placeholder is never remembered:
	// it is one before it is scanned)
	if !lx.unremembered && len(cellText) <= maxRememberedCell && (e == len(t) || t[e]&0xC0 != 0x80) {
		if sl := lx.m.slotOf(boolIndex(separated), cellText).Load(); sl != nil && sl.text == cellText {
			for i := range sl.cell.toks {
				lx.addCell(&sl.cell.toks[i], s, li)
			}
			lx.glued = lx.glued || sl.cell.glued
			return
		}
	}
	lx.scanWholeCell(li, s, e, separated)
}

// scanWholeCell is lexCell for any cell. A cell that holds a label lexes
// as the same cell did before, from the matcher's memory (lexedCell): the
// cells of reports repeat the template's labels.
func (lx *lexer) scanWholeCell(li, s, e int, separated bool) {
	t := lx.p.text
	cellText := t[s:e]
	if separated && isPlaceholder(cellText) {
		lx.addValue(tokPlaceholder, s, e, cellText, li, false)
		return
	}
	// the scan reads nothing past e but the end of a rune that e cuts
	// (matcher.match decodes the rune at i from t[i:]), which the cells
	// of one text never do: still, such a cell is not remembered
	memo := !lx.unremembered && len(cellText) <= maxRememberedCell && (e == len(t) || t[e]&0xC0 != 0x80)
	if memo {
		if c, ok := lx.m.lexedCell(cellText, separated); ok {
			for i := range c.toks {
				lx.addCell(&c.toks[i], s, li)
			}
			lx.glued = lx.glued || c.glued
			return
		}
	}
	before := len(lx.toks)
	lx.askedRow = false
	glued := lx.scanCellTokens(li, s, e, separated)
	lx.glued = lx.glued || glued
	// what the tokens before said (inRow) made no difference to it
	if memo && !lx.askedRow {
		lx.m.rememberCell(cellText, separated, s, lx.toks[before:], glued)
	}
}

// scanCellTokens adds the tokens of the cell t[s:e]; glued: they are
// those of a glued table.
func (lx *lexer) scanCellTokens(li, s, e int, separated bool) (glued bool) {
	t := lx.p.text
	cellText := t[s:e]
	before := len(lx.toks)
	// a label cut short or misspelt, alone in its cell or line
	if en, _ := lx.matchAt(s, e, false); en == nil && labelLike(cellText) {
		if en, how := lx.m.fuzzyRemembered(cellText); en != nil {
			lx.add(token{kind: tokLabel, start: s, end: e, text: cellText, entry: en, how: howOf(how), line: li, whole: true})
			return false
		}
	}
	labels := lx.scanCell(li, s, e)
	if len(lx.toks) == before+1 {
		lx.toks[before].whole = true
		// a whole cell holding one unknown text: maybe a variant or a typo
		if tk := &lx.toks[before]; tk.kind == tokText && utf8.RuneCountInString(tk.text) <= 60 {
			if en, how := lx.m.fuzzyRemembered(tk.text); en != nil {
				tk.kind, tk.entry, tk.how = tokLabel, en, howOf(how)
				tk.canonical = tk.text == en.label
				lx.labels++ // the last token: add counted it as text
				lx.labelAt = append(lx.labelAt, int32(before))
			}
		}
	}
	return labels >= 3 && !separated
}

// asciiDigits: s is one or more ASCII digits.
func asciiDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// cellScan is the state of scanCell: the cell, and where the pending run of
// unknown text started (-1: none).
type cellScan struct {
	lx        *lexer
	li, s, e  int
	textStart int
	labels    int
}

// scanCell tokenises t[s:e] into labels, numbers and text; it returns the
// number of labels found.
func (lx *lexer) scanCell(li, s, e int) int {
	t := lx.p.text
	c := &cellScan{lx: lx, li: li, s: s, e: e, textStart: -1}
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(t[i:e])
		if isSpace(r) {
			c.flushText(i)
			i += n
			continue
		}
		// most characters start no label: the matcher is asked only
		// about those that may (r is valid: t[i:] starts with it too)
		if r == utf8.RuneError || lx.m.mayStart(foldRune(r)) {
			inText := c.textStart >= 0 && strings.TrimLeft(t[c.textStart:i], "（( ") != ""
			if en, end := lx.matchAt(i, e, inText); en != nil {
				i = c.label(en, i, end)
				continue
			}
		}
		if isDigit(r) || (r == '-' || r == '－') && i+n < e && isDigitAt(t, i+n) {
			i = c.number(i, n)
			continue
		}
		if c.textStart < 0 {
			c.textStart = i
		}
		i += n
	}
	c.flushText(e)
	return c.labels
}

func (c *cellScan) flushText(end int) {
	c.flushTextAs(end, false)
}

// flushTextAs adds the pending text as a token: a label when it is a short
// misspelt or cut label (先行有效件数 for 现行有效件数), else text. Before
// values (rowOnly) only a row label is taken.
func (c *cellScan) flushTextAs(end int, rowOnly bool) {
	if c.textStart < 0 {
		return
	}
	t := c.lx.p.text
	a, b := trimSpan(t, c.textStart, end)
	c.textStart = -1
	if a >= b {
		return
	}
	tk := token{kind: tokText, start: a, end: b, text: t[a:b], line: c.li}
	if n := utf8.RuneCountInString(tk.text); n <= 60 && hasCJK(tk.text) {
		if en, how := c.lx.m.fuzzyRemembered(tk.text); en != nil && (en.kind == LabelRow || !rowOnly && n <= 20) {
			tk.kind, tk.entry, tk.how = tokLabel, en, howOf(how)
			c.labels++
		}
	}
	c.lx.add(tk)
}

// label adds the label matched at t[i:end] with its brackets and quotes and
// returns where scanning goes on.
func (c *cellScan) label(en *labelEntry, i, end int) int {
	t, e := c.lx.p.text, c.e
	ls, le := i, end
	// the opening bracket of （一） and a closing one belong to the label
	if pr, pn := utf8.DecodeLastRuneInString(t[c.s:ls]); pr == '（' || pr == '(' {
		ls -= pn
	}
	c.flushText(ls)
	// closing brackets and quotes right after it belong to it too
	for le < e {
		nr, nn := utf8.DecodeRuneInString(t[le:e])
		if nr != '）' && nr != ')' && nr != '”' && nr != '"' && nr != '’' && nr != '」' {
			break
		}
		le += nn
	}
	c.lx.add(token{kind: tokLabel, start: ls, end: le, text: t[ls:le], entry: en, line: c.li})
	c.labels++
	return le
}

// pendingRowLabel: the pending text up to i is a row label the exact
// matcher missed.
func (c *cellScan) pendingRowLabel(i int) bool {
	text := strings.TrimSpace(c.lx.p.text[c.textStart:i])
	if utf8.RuneCountInString(text) > 60 {
		return false
	}
	en, _ := c.lx.m.fuzzyRemembered(text)
	return en != nil && en.kind == LabelRow
}

// number reads the number starting at i (its first rune n bytes long) as a
// value, or as part of the pending text when it is numbering or prose, and
// returns where scanning goes on.
func (c *cellScan) number(i, n int) int {
	t, e := c.lx.p.text, c.e
	// a number directly after words (数据1) is part of the text, unless
	// the words are a row label written differently (不再受理 for 不再处理)
	if c.textStart >= 0 && hasLetters(t[c.textStart:i]) {
		if !c.pendingRowLabel(i) {
			return i + n
		}
		c.flushTextAs(i, true)
	}
	end, digitsOnly := c.lx.scanNumber(i, e)
	// "1.申请人…" whose label did not match: numbering, not a value
	if digitsOnly && end-i <= 2 && isDigit(r0(t[i:e])) {
		if r1, n1 := utf8.DecodeRuneInString(t[end:e]); r1 == '.' || r1 == '．' || r1 == '、' {
			if r2, _ := utf8.DecodeRuneInString(t[end+n1 : e]); unicode.Is(unicode.Han, r2) {
				c.textStart = i
				return end
			}
		}
	}
	// a count followed by a unit of narrative (16 件) is prose, unless it
	// follows a row label or a value (政府集中采购（元） 3个 3443000元)
	rest := t[end:e]
	if u := narrativeUnit(rest); u > 0 {
		if !digitsOnly || !isDigit(r0(t[i:e])) || !c.lx.inRow() || !countUnit(rest[:u]) {
			c.textStart = i
			return end + u
		}
		c.lx.add(token{kind: tokNumber, start: i, end: end + u, text: t[i : end+u], line: c.li, digits: false})
		return end + u
	}
	unitEnd := end
	for _, u := range []string{"万元", "元"} {
		if strings.HasPrefix(rest, u) {
			unitEnd = end + len(u)
			break
		}
	}
	c.lx.add(token{kind: tokNumber, start: i, end: unitEnd, text: t[i:unitEnd], line: c.li, digits: digitsOnly})
	return unitEnd
}

// labelLike: a cell that reads like a row label (numbering, then words, no
// other digits), not a value.
func labelLike(s string) bool {
	// no more runes than bytes: counted only when it may be too many
	if len(s) > 60 && utf8.RuneCountInString(s) > 60 || !hasCJK(s) {
		return false
	}
	_, rest := splitNumbering(s)
	return !containsDigit(rest)
}

// containsDigit is strings.IndexFunc(s, isDigit) >= 0 by the bytes: an
// ASCII digit, or EF BC 90–99 (０–９), which no rune before can take in,
// EF being no continuation byte.
func containsDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			return true
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99:
			return true
		}
	}
	return false
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
				// the numbering of a row label that did not match
				// (00000002.其他法律和…): a digit, a point, then words
				if numberingAt(t, j, e) {
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
	// a sign is kept: a glued run may start with a negative 本年增/减
	return j, !dot
}

// numberingAt: t[j:e] starts with one digit, a numbering point and a Han
// character ("2.其他").
func numberingAt(t string, j, e int) bool {
	_, n := utf8.DecodeRuneInString(t[j:e])
	p, pn := utf8.DecodeRuneInString(t[j+n : e])
	if p != '.' && p != '．' && p != '、' {
		return false
	}
	h, _ := utf8.DecodeRuneInString(t[j+n+pn : e])
	return unicode.Is(unicode.Han, h)
}

// r0 is the first rune of s.
func r0(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// inRow: the last token that is not a bracketed note is a row label or a
// value.
func (lx *lexer) inRow() bool {
	lx.askedRow = true
	for k := len(lx.toks) - 1; k >= 0; k-- {
		tk := &lx.toks[k]
		switch {
		case tk.kind == tokText && strings.HasPrefix(tk.text, "（") && strings.HasSuffix(tk.text, "）") && utf8.RuneCountInString(tk.text) <= 6:
			continue // （元）
		case tk.kind == tokLabel:
			return tk.entry.kind == LabelRow
		default:
			return tk.kind == tokNumber
		}
	}
	return false
}

// countUnit: a unit a count cell may carry (3个).
func countUnit(u string) bool {
	u = strings.TrimLeft(u, " ")
	return u == "个" || u == "件" || u == "项" || u == "条"
}

// narrativeUnit returns the length of a unit word that makes a number prose.
func narrativeUnit(s string) int {
	// most numbers end their cell, or are followed by a byte that starts
	// no unit
	if s == "" || !unitLead[s[0]] {
		return 0
	}
	s2 := strings.TrimLeft(s, " ")
	for _, u := range narrativeUnits {
		if strings.HasPrefix(s2, u) {
			return len(s) - len(s2) + len(u)
		}
	}
	return 0
}

var narrativeUnits = [...]string{"件", "条", "个", "次", "人", "%", "％", "项", "篇", "期", "部"}

// unitLead has the first bytes of narrativeUnits, and the space.
var unitLead = func() (t [256]bool) {
	t[' '] = true
	for _, u := range narrativeUnits {
		t[u[0]] = true
	}
	return t
}()

// hanFirst is the first rune of unicode.Han: runes below it (ASCII, digits,
// punctuation) are not looked up.
const hanFirst = 0x2E80

func hasCJK(s string) bool {
	for _, r := range s {
		if r >= hanFirst && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
