package rules

// Helpers shared by the date, narrative and writing rules: prose blocks (the
// paragraphs of one run of text with PDF line wraps joined), character
// classes, and names of table cells as users know them.

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
)

// viewOf returns the text the parser read (HTML and .docx: without markup).
func viewOf(r *grammar.Report) *grammar.View {
	if r.View != nil {
		return r.View
	}
	return grammar.IdentityView(r.Source.Text)
}

// matchText is s as the template's words are looked for in it: simplified
// when the report is in traditional characters.
func matchText(r *grammar.Report, s string) string {
	if r.Traditional {
		return grammar.Simplified(s)
	}
	return s
}

// identityView reports whether view offsets are source offsets (plain text
// and Markdown).
func identityView(r *grammar.Report) bool {
	return r.View == nil || r.View.Text == r.Source.Text
}

// paraText returns a paragraph's text as read and its offset in the view.
func paraText(r *grammar.Report, p *grammar.Paragraph) (string, int) {
	v := viewOf(r)
	sp := p.ViewSpan
	// (unsigned: the slice below needs no bounds check of its own)
	if uint(sp.End) <= uint(len(v.Text)) && uint(sp.Start) <= uint(sp.End) && (sp.End != 0 || p.Span.IsZero()) {
		return v.Text[sp.Start:sp.End], sp.Start
	}
	// a report built without a view: read the source
	return r.Source.Slice(p.Span), p.Span.Start
}

// srcSpan maps a view range to the source.
func srcSpan(r *grammar.Report, a, b int) grammar.Span {
	if r.View == nil {
		return grammar.Span{Start: a, End: b}
	}
	return r.View.ToSource(grammar.Span{Start: a, End: b})
}

// proseBlock is a run of paragraphs on consecutive lines of one section with
// no heading or table between them, joined without the line breaks (a PDF
// export wraps sentences at arbitrary characters: "予以公开及部\n分公开").
type proseBlock struct {
	Text    string
	Section grammar.SectionKey
	Paras   []*grammar.Paragraph
	pieces  []blockPiece
	report  *grammar.Report
	sents   [][2]int  // built on first use
	arena   *[][2]int // where sents are built, shared by the blocks of a run
	facts   *blockFacts
	// spareFacts is where factsOf puts the block's facts when the run
	// keeps none (one array for the run's blocks); nil otherwise
	spareFacts *blockFacts
	apply      int // applyAt's answer plus 2; 0 before the first question
}

// applyAt is indexWord(b.Text, "申请"), searched once for the three
// extractors that test the block for it.
func (b *proseBlock) applyAt() int {
	if b.apply == 0 {
		b.apply = indexWord(b.Text, "申请") + 2
	}
	return b.apply - 2
}

// sentences returns the byte ranges of the block's sentences (see sentences).
func (b *proseBlock) sentences() [][2]int {
	if b.sents == nil {
		if b.arena != nil {
			all := *b.arena
			start := len(all)
			all = appendSentences(all, b.Text)
			b.sents = all[start:len(all):len(all)]
			*b.arena = all
		} else {
			b.sents = sentences(b.Text)
		}
		if b.sents == nil {
			b.sents = [][2]int{}
		}
	}
	return b.sents
}

// blockPiece maps Text[at:at+n] to view bytes [view, view+n).
type blockPiece struct{ at, view, n int }

// Span maps a byte range of the joined text back to the source.
func (b *proseBlock) Span(start, end int) grammar.Span {
	return srcSpan(b.report, b.offset(start, false), b.offset(end, true))
}

func (b *proseBlock) offset(off int, isEnd bool) int {
	ps := b.pieces
	i := sort.Search(len(ps), func(i int) bool { return ps[i].at > off }) - 1
	if isEnd && i > 0 && off == ps[i].at {
		i-- // an end offset belongs to the piece before
	}
	if i < 0 {
		i = 0
	}
	p := ps[i]
	rel := off - p.at
	if rel > p.n {
		rel = p.n
	}
	return p.view + rel
}

// proseBlocks groups the report's paragraphs into blocks.
func proseBlocks(r *grammar.Report) []*proseBlock { return new(proseRun).build(r) }

// build groups the report's paragraphs into blocks, in run's arrays (grown
// when too small) and returns them; run.blocks is the list.
func (run *proseRun) build(r *grammar.Report) []*proseBlock {
	v := viewOf(r)
	n := len(r.Paragraphs)
	out := grown(run.blocks, n) // at most one a paragraph: never regrown
	var cur *proseBlock
	// the blocks' texts, pieces and paragraphs are built in shared arrays:
	// a block of one paragraph takes its text as is, without a copy
	var texts []string // the paragraphs of cur
	size := 0          // their length
	pieces := grown(run.pieces, n)
	paras := grown(run.paras, n)
	first := 0 // cur's first entry in pieces and paras
	// the blocks themselves in one array: there are at most as many as
	// paragraphs, so it never grows and the pointers stay valid
	all := grown(run.all, n)
	finish := func() {
		if cur == nil {
			return
		}
		if len(texts) == 1 {
			cur.Text = texts[0]
		} else {
			cur.Text = strings.Join(texts, "")
		}
		cur.pieces = pieces[first:len(pieces):len(pieces)]
		cur.Paras = paras[first:len(paras):len(paras)]
		texts, size, first = texts[:0], 0, len(pieces)
	}
	hi := 0
	heads := r.Headings
	prevEnd, prevSrcEnd := -1, -1
	for _, p := range r.Paragraphs {
		text, at := paraText(r, p)
		join := cur != nil && p.Section == cur.Section && nextLine(v.Text, prevEnd, at) &&
			!blockBreakBetween(r, heads, &hi, prevSrcEnd, p.Span.Start)
		if !join {
			finish()
			// the next entry, zero (a new array, or cleared by
			// ReleaseRun): two fields set, not a block copied in
			all = all[:len(all)+1]
			cur = &all[len(all)-1]
			cur.Section, cur.report = p.Section, r
			out = append(out, cur)
		}
		pieces = append(pieces, blockPiece{at: size, view: at, n: len(text)})
		texts = append(texts, text)
		size += len(text)
		paras = append(paras, p)
		prevEnd, prevSrcEnd = at+len(text), p.Span.End
	}
	finish()
	run.blocks, run.all, run.pieces, run.paras = out, all, pieces, paras
	return out
}

// nextLine reports whether [a, b) of text is one line break with only
// spaces around it.
func nextLine(text string, a, b int) bool {
	if a < 0 || b < a || b > len(text) {
		return false
	}
	// one pass over the gap (a few bytes), not a count of its breaks and
	// a trim of its spaces
	breaks := 0
	for _, r := range text[a:b] {
		if r == '\n' {
			breaks++
		} else if !isSpaceRune(r) {
			return false
		}
	}
	return breaks == 1
}

// blockBreakBetween reports whether a heading or a table lies in [a, b).
func blockBreakBetween(r *grammar.Report, heads []*grammar.Heading, hi *int, a, b int) bool {
	for *hi < len(heads) && heads[*hi].Span.End <= a {
		*hi++
	}
	if *hi < len(heads) && heads[*hi].Span.Start < b {
		return true
	}
	for _, t := range r.Tables {
		if t != nil && t.Span.Start < b && a < t.Span.End {
			return true
		}
	}
	return false
}

// sentences splits text at sentence-final punctuation; each item is the byte
// range of one sentence including its final mark.
func sentences(text string) [][2]int { return appendSentences(nil, text) }

// appendSentences appends the sentences of text to out. It finds the marks
// by a vectorised search for their first bytes (decoding every rune was a
// twentieth of the rules' time, a byte loop still a twenty-fifth): the lead
// bytes of 。；！？ never continue another rune, and no mark's bytes are a
// prefix of another's, so the first mark found after a sentence is the one
// ranging over text finds.
func appendSentences(out [][2]int, text string) [][2]int {
	// per kind of mark, its first offset at or after start (len(text) when
	// none; -1 before the first search): ; ! ? (rare in Chinese text: most
	// blocks search for each once), 。, and ；！？
	semi, bang, ques, stop, wide := -1, -1, -1, -1, -1
	start := 0
	for start < len(text) {
		if semi < start {
			semi = indexByteOr(text, start, ';')
		}
		if bang < start {
			bang = indexByteOr(text, start, '!')
		}
		if ques < start {
			ques = indexByteOr(text, start, '?')
		}
		if stop < start {
			// 。 by its last byte: its first, E3, begins 、 too
			stop = len(text)
			if j := indexWord(text[start:], "。"); j >= 0 {
				stop = start + j
			}
		}
		if wide < start {
			wide = indexThree(text, start, 0xEF, 0xBC, "\x9b\x81\x9f") // ；！？
		}
		at := min(semi, bang, ques, stop, wide)
		if at == len(text) {
			break
		}
		end := at + 1
		if text[at] >= utf8.RuneSelf {
			end = at + 3
		}
		out = append(out, [2]int{start, end})
		start = end
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// indexByteOr is the offset of the first c in s at or after from, len(s)
// when there is none.
func indexByteOr(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return len(s)
}

// indexThree is the offset of the first three bytes lead, second, t in s at
// or after from, t any byte of thirds; len(s) when there are none. Lead
// bytes are searched for by a vectorised search: E3 and EF begin most
// Chinese punctuation, and strings.Index on the whole mark stops at each.
func indexThree(s string, from int, lead, second byte, thirds string) int {
	for from < len(s) {
		i := strings.IndexByte(s[from:], lead)
		if i < 0 {
			break
		}
		i += from
		if i+2 < len(s) && s[i+1] == second {
			// thirds is a few bytes: compared here, not by another search
			for k := 0; k < len(thirds); k++ {
				if s[i+2] == thirds[k] {
					return i
				}
			}
		}
		from = i + 1
	}
	return len(s)
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), with the three-byte runes of
// Chinese text decoded here: ranging over a string calls the runtime's
// decoder for each of them.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// E1–EC and EE–EF followed by any two continuation bytes are valid
	// (E0 and ED restrict the second byte)
	if threeByteLead[c] && i+2 < len(s) && continues2(s, i+1) {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// continues2 reports whether s[i] and s[i+1] are continuation bytes (10xx
// xxxx), tested as one 16-bit word.
func continues2(s string, i int) bool {
	return (uint16(s[i])|uint16(s[i+1])<<8)&0xC0C0 == 0x8080
}

// runeCount is utf8.RuneCountInString(s), with the three-byte characters of
// Chinese text counted here: ranging over a string calls the runtime's
// decoder for each of them (about fifty instructions a character).
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case threeByteLead[c] && i+2 < len(s) && continues2(s, i+1):
			i += 3 // a valid character (see threeByteLead)
		default:
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
		}
	}
	return n
}

// decodeLastRune is utf8.DecodeLastRuneInString(s[:i]), with a three-byte
// character ending at i decoded here (the standard decoder's slow path).
func decodeLastRune(s string, i int) (rune, int) {
	// two continuation bytes after E1–EC or EE–EF: a valid character
	// that starts at i-3, the first byte backwards that starts one
	if i >= 3 {
		c := s[i-3]
		if threeByteLead[c] && continues2(s, i-2) {
			return rune(c&0x0F)<<12 | rune(s[i-2]&0x3F)<<6 | rune(s[i-1]&0x3F), 3
		}
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// words is a set of literal words; in reports whether s contains any of
// them (what MatchString of the alternation a|b|c reports, without a regexp).
type words struct {
	list []string
	bits []uint64 // charBits of each word
}

func wordSet(list ...string) words {
	ws := words{list: list, bits: make([]uint64, len(list))}
	for i, w := range list {
		ws.bits[i] = charBits(w)
	}
	return ws
}

func (ws words) in(s string) bool {
	// a short text's characters as bits rule most words out without a
	// search (each search a call or more); a long one's cost more to
	// read than the searches
	if len(ws.list) >= 4 && len(s) <= 16*len(ws.list) {
		have := charBits(s)
		for i, w := range ws.list {
			if have&ws.bits[i] == ws.bits[i] && hasWord(s, w) {
				return true
			}
		}
		return false
	}
	for _, w := range ws.list {
		if hasWord(s, w) {
			return true
		}
	}
	return false
}

// hasWord is strings.Contains(s, w), faster for a word of Chinese
// characters: strings.Index looks for the word's first byte, a lead byte
// (E4–E9) that most characters of Chinese text share, and stops at each;
// hasWord looks for its third byte, a continuation byte, which is rarer,
// and compares the word around it.
func hasWord(s, w string) bool { return indexWord(s, w) >= 0 }

// indexWord is strings.Index(s, w), found as hasWord finds it: by the
// word's third byte when it begins with a character of two or more bytes.
// The candidates come in order, so the first found is the first. (It is
// inlined: indexWordBy decides, a call less per search.)
func indexWord(s, w string) int { return indexWordBy(s, w, 0) }

// indexWordBy is strings.Index(s, w), found by searching for w[k], 1 <= k
// < len(w): a caller that knows which byte of its word is rare in reports
// passes its offset (each stop at a byte that does not begin the word costs
// a call to restart the search). k = 0 chooses as indexWord does.
func indexWordBy(s, w string, k int) int {
	if k == 0 {
		if len(w) < 3 || w[0] < utf8.RuneSelf {
			return strings.Index(s, w)
		}
		k = 2
	}
	b := w[k]
	for i := k; i < len(s); i++ {
		j := strings.IndexByte(s[i:], b)
		if j < 0 {
			return -1
		}
		i += j
		// the byte before, compared first, rules out most candidates
		// without a call to compare the word
		if s[i-1] == w[k-1] && i-k+len(w) <= len(s) && s[i-k:i-k+len(w)] == w {
			return i - k
		}
	}
	return -1
}

// isHan reports a CJK ideograph (including the extension planes: 𠀀).
// The block of common ideographs, U+4E00–U+9FFF, is all Han (a test holds
// unicode.Han to it): tested first, without a search of the table.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || unicode.Is(unicode.Han, r)
}

// isCJKPunct reports full-width punctuation that belongs to Chinese text.
func isCJKPunct(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x303F: // 、。〈〉《》「」『』【】〔〕
		return r != 0x3000
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '…', '—', '·':
		return true
	}
	return false
}

// isCJK is a Han character or Chinese punctuation.
func isCJK(r rune) bool {
	// the common ideographs tested here, inlined: the rest by a call
	return r >= 0x4E00 && r <= 0x9FFF || isOtherCJK(r)
}

// isOtherCJK is isCJK of a rune outside U+4E00–U+9FFF.
func isOtherCJK(r rune) bool { return isHan(r) || isCJKPunct(r) }

// runeBefore returns the rune ending at byte i of s, or -1.
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := decodeLastRune(s, i)
	return r
}

// runeAt returns the rune starting at byte i of s, or -1.
func runeAt(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	r, _ := decodeRune(s, i)
	return r
}

// tableName is how users name a table: by the section that holds it (表三 is
// the table of 三、收到和处理政府信息公开申请情况).
func tableName(id int) string {
	if id >= 0 && id < len(tableNames) {
		return tableNames[id][0]
	}
	return grammar.TableName(id)
}

func tableNameEN(id int) string {
	if id >= 0 && id < len(tableNames) {
		return tableNames[id][1]
	}
	return grammar.TableNameEN(id)
}

// tableNames are the names of tables 0–7 (the template has four), made when
// the package starts (an array read, not a OnceValue called twice): messages
// name tables thousands of times in a batch.
var tableNames = func() (n [8][2]string) {
	for id := range n {
		n[id] = [2]string{grammar.TableName(id), grammar.TableNameEN(id)}
	}
	return n
}()

// cellName names a cell: 表三“一、本年新收政府信息公开申请数量”总计.
func cellName(c *grammar.Cell) string {
	if len(c.Row.Cols) > 1 {
		return tableName(c.Table) + "“" + c.Row.Label + "”" + c.Col.Label // one concatenation
	}
	return tableName(c.Table) + "“" + c.Row.Label + "”"
}

func cellNameEN(c *grammar.Cell) string {
	if len(c.Row.Cols) > 1 {
		return tableNameEN(c.Table) + ", row “" + c.Row.Label + "”" + ", column “" + c.Col.Label + "”"
	}
	return tableNameEN(c.Table) + ", row “" + c.Row.Label + "”"
}

// trustedNumber returns a cell's value when the parser placed it without
// doubt, or split glued digits the only way the row balances; rules comparing
// against the tables skip anything less.
func trustedNumber(t *grammar.Table, row, col string) (*grammar.Cell, float64, bool) {
	if t == nil || t.Unreadable {
		return nil, 0, false
	}
	c := t.Cell(row, col)
	v, ok := c.Number()
	if !ok {
		return nil, 0, false
	}
	if c.Doubt != "" && !uniqueSplit(t, row) {
		return nil, 0, false
	}
	return c, v, true
}

// uniqueSplit reports whether a row's values were glued and separated by the
// row's arithmetic (the only split that balances), with nothing left over.
func uniqueSplit(t *grammar.Table, row string) bool {
	r := t.Row(row)
	if r == nil || !r.Split {
		return false
	}
	for _, p := range t.Problems {
		if p.Row == r.Def {
			return false
		}
	}
	return true
}

// formatNumber prints a table value without a spurious ".0".
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// atoiDigits parses ASCII or full-width digits.
func atoiDigits(s string) (int, bool) {
	n := 0
	if s == "" {
		return 0, false
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0, false
		}
		if n > 1e9 {
			return 0, false
		}
	}
	return n, true
}
