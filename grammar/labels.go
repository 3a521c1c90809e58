package grammar

import (
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// ignorable runes are skipped when labels are compared: spacing, bracket and
// punctuation width differ between renderings but not the label.
func ignorable(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', 0xA0, 0x3000, 0xFEFF, 0x200B,
		'(', ')', '（', '）', '、', ',', '，', ':', '：', '.', '．', '“', '”', '"', '\'', '‘', '’',
		';', '；', '《', '》', '<', '>', '〈', '〉', '【', '】', '[', ']', '·', '﹒', '。':
		return true
	}
	return unicode.IsSpace(r)
}

// foldRune maps full-width digits and letters to ASCII.
func foldRune(r rune) rune {
	if r >= '０' && r <= '９' {
		return r - '０' + '0'
	}
	if r >= 'Ａ' && r <= 'Ｚ' {
		return r - 'Ａ' + 'A'
	}
	if r >= 'ａ' && r <= 'ｚ' {
		return r - 'ａ' + 'a'
	}
	return r
}

// asciiIgnorable is ignorable for the ASCII runes, looked up.
var asciiIgnorable = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = ignorable(rune(c))
	}
	return t
}()

// LabelKey is the comparison form of a label: no spacing or punctuation,
// full-width digits folded (and invalid UTF-8 read as U+FFFD, as ranging
// over s does). Most runes are kept as they are: runs of them are copied
// whole, and a key equal to s is s itself, without a copy.
func LabelKey(s string) string {
	var b strings.Builder
	kept := 0 // s[kept:i] is kept as is and not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiIgnorable[c] {
				i++
				continue
			}
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[kept:i])
			i++
			kept = i
			continue
		}
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // U+4000–U+9FFF, Han characters (the common case): kept
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !ignorable(r) && foldRune(r) == r && (r != utf8.RuneError || n > 1) {
			i += n
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[kept:i])
		if !ignorable(r) {
			b.WriteRune(foldRune(r))
		}
		i += n
		kept = i
	}
	if kept == 0 {
		return s
	}
	b.WriteString(s[kept:])
	return b.String()
}

// labelEntry is one spelling of a label the matcher looks for.
type labelEntry struct {
	key       []rune
	keyText   string // key as UTF-8
	label     string // canonical label
	kind      LabelKind
	row       *RowDef
	order     int // index of row in its table's rows
	col       *ColDef
	variant   bool // a known non-canonical spelling
	unnumered bool // the row label without its numbering (一、 （一） 1.)
}

// matcher finds the labels of one table in text, longest first.
type matcher struct {
	byFirst map[rune][]*labelEntry
	// all holds the entries in the template's order: fuzzy keeps the first
	// of equally close labels, which must not depend on a map's order
	all []*labelEntry
	// firsts has bit r%firstsBits set for the first rune r of every key:
	// most characters of a table start no label and skip the map lookup
	firsts [firstsBits / 64]uint64
	// digitsKey: some key is ASCII digits only, and a cell of digits may
	// hold a label (lexCell asks the matcher about such cells only then)
	digitsKey bool

	// remembered holds fuzzy's answers by text, for every report read by
	// the process: the cells of real reports repeat a few hundred
	// spellings, and a keystroke in an editor re-reads the same cells
	mu         sync.RWMutex
	remembered map[string]fuzzyHit

	// cells holds how cells that hold a label lex, by their text (one
	// map for separated cells, one for whole lines), for every report
	// read by the process, as remembered does
	cellsMu sync.RWMutex
	cells   [2]map[string]lexedCell
	// cellSlots answer for cells, without the lock and the map probe:
	// a slot is set once, to the first cell remembered with its hash
	cellSlots [2][1 << cellSlotBits]atomic.Pointer[cellSlot]
}

// cellSlotBits: 1024 slots a map, for the few hundred cells that recur
const cellSlotBits = 10

// cellSlot is a remembered cell and its text.
type cellSlot struct {
	text string
	cell lexedCell
}

// slotOf is the slot of text in cellSlots[k].
func (m *matcher) slotOf(k int, text string) *atomic.Pointer[cellSlot] {
	return &m.cellSlots[k][cellHash(text)]
}

// cellHash is a slot for a cell's text, from its length and its first and
// last eight bytes: the cells that recur (labels, the template's headers)
// differ there, and two that do not share a slot, the second answered by
// the map. Cheaper than maphash.String, a call of its own each cell.
func cellHash(s string) uint64 {
	n := len(s)
	h := uint64(n)
	if n >= 8 {
		h ^= load8(s, 0) ^ bits.RotateLeft64(load8(s, n-8), 31)
	} else {
		for i := 0; i < n; i++ {
			h ^= uint64(s[i]) << (8 * (i + 1))
		}
	}
	h ^= h >> 29
	return h * 0x9E3779B97F4A7C15 >> (64 - cellSlotBits)
}

// lexedCell is what scanWholeCell made of a cell: its tokens (offsets from
// the cell's start) and whether they make the table glued.
type lexedCell struct {
	toks  []cellToken
	glued bool
}

type cellToken struct {
	kind          tokKind
	start, end    int
	entry         *labelEntry
	whole, digits bool
	how           tokHow
	canonical     bool // token.canonical
}

const (
	// maxRememberedCell: longer cells (glued lines) are not remembered;
	// the longest label is about 110 bytes
	maxRememberedCell = 160
	// maxRememberedCells bounds each of matcher.cells
	maxRememberedCells = 1 << 11
	// maxRememberedFragment: the longest text without a label that is
	// remembered (four Chinese characters: 尚未审结, 社会公), while the
	// memory is less than half full
	maxRememberedFragment = 12
)

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lexedCell returns how the cell text lexed before, if remembered.
func (m *matcher) lexedCell(text string, separated bool) (lexedCell, bool) {
	k := boolIndex(separated)
	if sl := m.slotOf(k, text).Load(); sl != nil && sl.text == text {
		return sl.cell, true
	}
	m.cellsMu.RLock()
	c, ok := m.cells[k][text]
	m.cellsMu.RUnlock()
	return c, ok
}

// rememberCell remembers toks, the tokens of the cell text at offset s,
// when one of them is a label, or when the cell is a short fragment of a
// header broken over lines (结果, 尚未): values and prose vary from report
// to report, labels and the template's headers do not.
func (m *matcher) rememberCell(text string, separated bool, s int, toks []token, glued bool) {
	label := false
	for i := range toks {
		label = label || toks[i].kind == tokLabel
	}
	fragment := !label && len(toks) == 1 && toks[0].kind == tokText && toks[0].whole &&
		len(text) <= maxRememberedFragment && !containsDigit(text)
	if !label && !fragment {
		return
	}
	c := lexedCell{toks: make([]cellToken, len(toks)), glued: glued}
	for i := range toks {
		tk := &toks[i]
		c.toks[i] = cellToken{kind: tk.kind, start: tk.start - s, end: tk.end - s, entry: tk.entry, how: tk.how, whole: tk.whole, digits: tk.digits,
			canonical: tk.canonical}
	}
	m.cellsMu.Lock()
	defer m.cellsMu.Unlock()
	k := boolIndex(separated)
	// fragments leave half the room to labels
	if len(m.cells[k]) >= maxRememberedCells || fragment && len(m.cells[k]) >= maxRememberedCells/2 {
		return
	}
	if m.cells[k] == nil {
		m.cells[k] = map[string]lexedCell{}
	}
	// a copy: text is part of a report, which must not stay alive
	key := strings.Clone(text)
	m.cells[k][key] = c
	m.slotOf(k, key).CompareAndSwap(nil, &cellSlot{text: key, cell: c})
}

type fuzzyHit struct {
	entry *labelEntry
	how   string
}

// maxRemembered bounds matcher.remembered (about 100 bytes an answer).
const maxRemembered = 1 << 13

// fuzzyRemembered is fuzzy(text), from memory when it was asked before.
func (m *matcher) fuzzyRemembered(text string) (*labelEntry, string) {
	m.mu.RLock()
	h, ok := m.remembered[text]
	m.mu.RUnlock()
	if ok {
		return h.entry, h.how
	}
	en, how := m.fuzzy(text)
	m.mu.Lock()
	if len(m.remembered) < maxRemembered {
		if m.remembered == nil {
			m.remembered = map[string]fuzzyHit{}
		}
		// a copy: text is part of a report, which must not stay alive
		m.remembered[strings.Clone(text)] = fuzzyHit{en, how}
	}
	m.mu.Unlock()
	return en, how
}

const firstsBits = 4096

func (m *matcher) mayStart(r rune) bool {
	b := uint(r) % firstsBits
	return m.firsts[b/64]&(1<<(b%64)) != 0
}

func newMatcher(def *TableDef) *matcher {
	m := &matcher{byFirst: map[rune][]*labelEntry{}}
	add := func(e *labelEntry, text string) {
		k := []rune(LabelKey(text))
		if len(k) == 0 {
			return
		}
		e.key, e.keyText = k, string(k)
		m.digitsKey = m.digitsKey || asciiDigits(e.keyText)
		m.byFirst[k[0]] = append(m.byFirst[k[0]], e)
		m.all = append(m.all, e)
		b := uint(k[0]) % firstsBits
		m.firsts[b/64] |= 1 << (b % 64)
	}
	seenCol := map[*ColDef]bool{}
	for i, r := range def.Rows {
		if !def.Positional {
			add(&labelEntry{label: r.Label, kind: LabelRow, row: r, order: i}, r.Label)
			for _, v := range r.Variants {
				add(&labelEntry{label: r.Label, kind: LabelRow, row: r, order: i, variant: true}, v)
			}
			if body := stripNumbering(r.Label); body != r.Label && utf8.RuneCountInString(LabelKey(body)) >= 4 {
				add(&labelEntry{label: r.Label, kind: LabelRow, row: r, order: i, unnumered: true}, body)
				for _, v := range r.Variants {
					if vb := stripNumbering(v); vb != v && utf8.RuneCountInString(LabelKey(vb)) >= 4 {
						add(&labelEntry{label: r.Label, kind: LabelRow, row: r, order: i, unnumered: true, variant: true}, vb)
					}
				}
			}
		}
		for _, c := range r.Cols {
			if seenCol[c] {
				continue
			}
			seenCol[c] = true
			add(&labelEntry{label: c.Label, kind: LabelColumn, col: c}, c.Label)
			for _, v := range c.Variants {
				add(&labelEntry{label: c.Label, kind: LabelColumn, col: c, variant: true}, v)
			}
		}
	}
	for _, h := range def.Headers {
		add(&labelEntry{label: h, kind: LabelHeader}, h)
	}
	for _, es := range m.byFirst {
		// longest first, canonical before variant on ties
		for i := 1; i < len(es); i++ {
			for j := i; j > 0 && better(es[j], es[j-1]); j-- {
				es[j], es[j-1] = es[j-1], es[j]
			}
		}
	}
	return m
}

func better(a, b *labelEntry) bool {
	if len(a.key) != len(b.key) {
		return len(a.key) > len(b.key)
	}
	return !a.variant && b.variant
}

// match tries every label at byte offset i of s; it returns the entry and the
// end offset of the longest match, skipping ignorable runes inside the text.
//
// Inside running text only long labels count, and short row labels right
// before a number: a column heading such as 其他 inside "不计其他情形" is
// not a label.
func (m *matcher) match(s string, i, limit int, inText bool) (*labelEntry, int) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if r = foldRune(r); !m.mayStart(r) {
		return nil, 0
	}
	for _, e := range m.byFirst[r] {
		if inText && len(e.key) < 6 && e.kind != LabelRow {
			continue
		}
		end := matchKey(s, i, limit, e.keyText)
		if end <= 0 {
			continue
		}
		// a short row label inside text counts only right before its
		// values (规范性文件000 after a misspelt heading)
		if inText && len(e.key) < 6 && !digitAt(s, end, limit) {
			continue
		}
		return e, end
	}
	return nil, 0
}

// digitAt: s[i:limit] starts with a value, after spacing: digits not
// followed by a unit of narrative (规范性文件1条 is prose).
func digitAt(s string, i, limit int) bool {
	for i < limit {
		r, n := utf8.DecodeRuneInString(s[i:limit])
		if r != ' ' && r != 0x3000 && r != 0xA0 {
			break
		}
		i += n
	}
	j := i
	for j < limit {
		r, n := utf8.DecodeRuneInString(s[j:limit])
		if !isDigit(r) {
			break
		}
		j += n
	}
	return j > i && narrativeUnit(s[j:limit]) == 0
}

// matchKey matches key at s[i:limit] ignoring ignorable runes between key
// runes; it returns the end offset or -1.
//
// A rune written as in the key is compared by its bytes, which is how a
// label is written nearly always; any other rune of the text is decoded,
// then skipped when ignorable (keys hold none) or compared folded
// (full-width digits) with the key's.
func matchKey(s string, i, limit int, key string) int {
	// written exactly as the key (most labels that match): the loop
	// below would compare every byte the same way
	if restIs(s, i, limit, key) {
		return i + len(key)
	}
	k := 0
	for i < limit && k < len(key) {
		c := s[i]
		if c == key[k] {
			// key is valid UTF-8: key[k+1:k+n] exist
			if n := runeLenAt(c); i+n <= limit && (n == 1 || s[i+1] == key[k+1] &&
				(n == 2 || s[i+2] == key[k+2] && (n == 3 || s[i+3] == key[k+3]))) {
				i += n
				k += n
				continue
			}
		}
		if c < utf8.RuneSelf {
			// an ASCII character other than the key's: skipped when
			// ignorable, else no match (ASCII is not folded)
			if k > 0 && asciiIgnorable[c] {
				i++
				if restIs(s, i, limit, key[k:]) {
					return i + len(key) - k
				}
				continue
			}
			return -1
		}
		if c >= 0xE4 && c <= 0xE9 {
			// a character of U+4000–U+9FFF (most of CJK) other than the
			// key's: neither ignorable nor folded
			return -1
		}
		r, n := utf8.DecodeRuneInString(s[i:limit])
		if k > 0 && ignorable(r) {
			i += n
			// the rest written exactly as the key (after the numbering's
			// 、 or bracket, say): compared at once
			if restIs(s, i, limit, key[k:]) {
				return i + len(key) - k
			}
			continue
		}
		kr, kn := utf8.DecodeRuneInString(key[k:])
		if foldRune(r) != kr {
			return -1
		}
		k += kn
		i += n
	}
	if k < len(key) {
		return -1
	}
	return i
}

// restIs: s[i:limit] starts with rest.
func restIs(s string, i, limit int, rest string) bool {
	return limit-i >= len(rest) && s[i:i+len(rest)] == rest
}

// runeLenAt is the length of the rune whose valid UTF-8 starts with c.
func runeLenAt(c byte) int {
	switch {
	case c < 0x80:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

// stripNumbering removes a leading 一、 （一） 1. from a label.
func stripNumbering(s string) string {
	_, rest := splitNumbering(s)
	return rest
}

// splitNumbering splits a leading numbering from s.
func splitNumbering(s string) (num, rest string) {
	t := trimNumberingSpace(s)
	lead := len(s) - len(t)
	i := 0
	if strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(") {
		_, n := utf8.DecodeRuneInString(t)
		j := n
		for j < len(t) {
			r, m := utf8.DecodeRuneInString(t[j:])
			if !isCNNumeralRune(r) && !(r >= '0' && r <= '9') {
				break
			}
			j += m
		}
		if j > n && j < len(t) {
			r, m := utf8.DecodeRuneInString(t[j:])
			if r == '）' || r == ')' {
				i = j + m
			}
		}
	} else {
		j := 0
		for j < len(t) {
			r, m := utf8.DecodeRuneInString(t[j:])
			if !isCNNumeralRune(r) && !(r >= '0' && r <= '9') && !(r >= '０' && r <= '９') {
				break
			}
			j += m
		}
		if j > 0 && j < len(t) {
			r, m := utf8.DecodeRuneInString(t[j:])
			if r == '、' || r == '.' || r == '．' {
				i = j + m
			}
		}
	}
	if i == 0 {
		return "", s
	}
	return s[:lead+i], trimNumberingSpace(s[lead+i:])
}

// trimNumberingSpace is strings.TrimLeft(s, " \t\u3000") without its search
// of a cut set that holds a non-ASCII rune, rune by rune.
func trimNumberingSpace(s string) string {
	for {
		switch {
		case s != "" && (s[0] == ' ' || s[0] == '\t'):
			s = s[1:]
		case strings.HasPrefix(s, "\u3000"):
			s = s[len("\u3000"):]
		default:
			return s
		}
	}
}

// isCNNumeralRune tells whether r is one of 一 … 十 (a switch: it runs on
// every character a heading scanner looks at).
func isCNNumeralRune(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// cnDigit is the value of 一 … 九, 0 for any other rune.
func cnDigit(r rune) int {
	// a switch, not a search of the numerals' string: IndexRune runs a
	// string search for a character of three bytes
	switch r {
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return 0
}

// cnValue parses 一..九十九 and ASCII or full-width digits.
func cnValue(s string) int {
	if s == "" {
		return 0
	}
	if len(s) == 3 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		// one character, nearly every part's number (一 to 六): a lead byte
		// E4 or E5 and two continuation bytes are one valid character, whose
		// value the loops below would give too (0 when it is no numeral)
		if c := s[0]; c == 0xE4 || c == 0xE5 {
			r := rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
			if r == '十' {
				return 10
			}
			return cnDigit(r)
		}
	}
	n := 0
	digits := true
	for _, r := range s {
		r = foldRune(r)
		if r < '0' || r > '9' {
			digits = false
			break
		}
		n = n*10 + int(r-'0')
	}
	if digits {
		return n
	}
	// up to three numerals (九十九); more is no number
	var rs [3]rune
	k := 0
	for _, r := range s {
		if k == len(rs) {
			return 0
		}
		rs[k] = r
		k++
	}
	switch {
	case k == 1 && rs[0] == '十':
		return 10
	case k == 1:
		return cnDigit(rs[0])
	case k == 2 && rs[0] == '十':
		return 10 + cnDigit(rs[1])
	case k == 2 && rs[1] == '十':
		return cnDigit(rs[0]) * 10
	case k == 3 && rs[1] == '十':
		return cnDigit(rs[0])*10 + cnDigit(rs[2])
	}
	return 0
}

// editDistance is the Levenshtein distance between two rune slices, or a
// value above max as soon as it is certain to exceed it.
//
// For the small max of every caller it fills only the band of the table
// within max of the diagonal (a cell outside it is above max), each cell
// held at max+1 at most: it answers the distance when that is at most max,
// max+1 when not.
func editDistance(a, b []rune, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	if max > 6 || max < 0 {
		return editDistanceFull(a, b, max)
	}
	// the band's cell D[i][j] is row[j-i+max+1]; row[0] and row[2*max+2]
	// are the cells on either side of the band, always max+1
	top, w := max+1, 2*max+1
	var rows [2][16]int
	prev, cur := rows[0][:w+2], rows[1][:w+2]
	prev[0], prev[w+1], cur[0], cur[w+1] = top, top, top, top
	for d := 0; d < w; d++ {
		v := top
		if j := d - max; j >= 0 && j <= len(b) {
			v = min(j, top)
		}
		prev[d+1] = v
	}
	for i := 1; i <= len(a); i++ {
		best := top
		for d := 0; d < w; d++ {
			j := i - max + d
			c := top
			if j == 0 {
				c = min(i, top)
			} else if j > 0 && j <= len(b) {
				c = prev[d+1]
				if a[i-1] != b[j-1] {
					c++
				}
				if v := prev[d+2] + 1; v < c {
					c = v
				}
				if v := cur[d] + 1; v < c {
					c = v
				}
				c = min(c, top)
			}
			cur[d+1] = c
			best = min(best, c)
		}
		if best > max {
			return top
		}
		prev, cur = cur, prev
	}
	return prev[len(b)-len(a)+max+1]
}

// editDistanceFull is editDistance over the whole table, for any max; it
// may answer a distance above max+1.
func editDistanceFull(a, b []rune, max int) int {
	// two rows of the table; labels are short, so they fit on the stack
	var rows [2][64]int
	prev, cur := rows[0][:], rows[1][:]
	if len(b)+1 > len(rows[0]) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			if v := prev[j] + 1; v < c {
				c = v
			}
			if v := cur[j-1] + 1; v < c {
				c = v
			}
			cur[j] = c
			if c < best {
				best = c
			}
		}
		if best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// fuzzy finds the label a whole cell most likely means when no exact
// spelling matched: a truncation (a long prefix) or a typo (small edit
// distance). It returns nil when nothing is close enough.
func (m *matcher) fuzzy(text string) (*labelEntry, string) {
	k := []rune(LabelKey(text))
	if len(k) < 3 {
		return nil, ""
	}
	var best *labelEntry
	bestHow, bestScore := "", 1<<30
	for _, e := range m.all {
		if e.unnumered {
			continue
		}
		key := e.key
		if len(k) >= 6 && len(k) < len(key) && len(k)*10 >= len(key)*6 && runesHasPrefix(key, k) {
			if s := len(key) - len(k); s < bestScore {
				best, bestHow, bestScore = e, "truncated", s
			}
			continue
		}
		max := len(key) / 6
		if max > 3 {
			max = 3
		}
		if max == 0 {
			continue
		}
		if d := editDistance(k, key, max); d <= max && d < bestScore {
			// distance 0: the same label behind a leading bracket the
			// exact matcher skipped, not a typo
			best, bestHow, bestScore = e, "typo", d
			if d == 0 {
				bestHow = ""
			}
		}
	}
	return best, bestHow
}

func runesHasPrefix(s, p []rune) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}
