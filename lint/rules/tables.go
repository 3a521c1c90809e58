package rules

import (
	"iter"
	"regexp"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Helpers of the table rules (GD-T, one file each: gd_t*.go): the shape and
// the cells of the three tables. The parser
// already found every shape problem (Table.Problems, Report.Unplaced) and
// classified every cell (Cell.Kind); these rules turn that into findings at
// the exact place, without reading the table text again.

const cellKinds = `
模板的每个数据单元格都应是数字。“/”“—”“不适用”、空白和 0 是不同的东西：0 是“没有”，空白是“没填”，
占位符是“不适用”。gdlint 不把空白或占位符当作 0，含有它们的勾稽关系不判为不平衡（见 GD-A005）。`

const cellKindsEN = `
Every data cell of the template should hold a number. “/”, “—”, “不适用”, a blank and 0 are different things: 0 means
“none”, a blank means “not filled in”, a placeholder means “not applicable”. gdlint does not take a blank or a
placeholder as 0, and a relation that contains one is not reported as unbalanced (see GD-A005).`

// tables yields the tables that were found, in order (no list made: the
// table rules each walked a new one).
func tables(rep *grammar.Report) iter.Seq[*grammar.Table] {
	return func(yield func(*grammar.Table) bool) {
		for _, t := range rep.Tables {
			if t != nil && !yield(t) {
				return
			}
		}
	}
}

// emitProblems reports the parser's table problems of the given kinds.
func emitProblems(ctx *lint.Context, kinds ...string) {
	for t := range tables(ctx.Report) {
		for _, p := range t.Problems {
			for _, k := range kinds {
				if p.Kind == k {
					ctx.Emitf(p.Span, tableName(t.ID)+"："+p.Message, problemEN(t, p))
				}
			}
		}
	}
}

// emitUnbalancedSplits reports the rows of table id whose glued digits
// split several ways, none adding up to the row's total: the row is wrong
// whatever the split (the parser's "unbalanced-split" problems).
func emitUnbalancedSplits(ctx *lint.Context, id int) {
	t := ctx.Report.Table(id)
	if t == nil {
		return
	}
	for _, p := range t.Problems {
		if p.Kind == "unbalanced-split" {
			ctx.Emitf(p.Span, tableName(t.ID)+"："+p.Message, problemEN(t, p))
		}
	}
}

// problemEN is the English text of a parser problem (the parser writes Chinese).
func problemEN(t *grammar.Table, p *grammar.Problem) string {
	row := ""
	if p.Row != nil {
		row = p.Row.Label
	}
	name := tableNameEN(t.ID)
	// concatenated: what Sprintf with %s gave, without its boxing
	switch p.Kind {
	case "missing-row":
		return name + ": row “" + row + "” is missing, or its values cannot be told"
	case "missing-values":
		return name + ": row “" + row + "” has fewer values than the template; which one is missing cannot be told"
	case "ambiguous-split":
		return name + ": the digits of row “" + row + "” are glued together and split more than one way"
	case "unbalanced-split":
		return name + ": the digits of row “" + row + "” are glued together; none of the ways to split them adds up to the row total"
	case "extra-values":
		return name + ": row “" + row + "” has more cells than the template; the extra ones were not used"
	case "unknown-label":
		return name + ": a row label that is not in the template"
	case "unreadable":
		return name + ": the table was found but none of its values could be placed"
	}
	return name + ": " + p.Kind
}

// eachCellOfKind calls f for each cell of kind k in the report's tables.
func eachCellOfKind(rep *grammar.Report, k grammar.CellKind, f func(t *grammar.Table, c *grammar.Cell)) {
	for t := range tables(rep) {
		for c := range t.AllCells() {
			if c.Kind == k {
				f(t, c)
			}
		}
	}
}

func zeroFix(c *grammar.Cell) lint.Fix {
	return lint.Fix{Title: "填入 0", TitleEN: "Fill in 0", Applicability: lint.Unsafe,
		Edits: []lint.Edit{{Span: c.Span, NewText: "0"}}}
}

// isAmountCol tells the money column of a decimal row (万元, 采购总金额).
func isAmountCol(c *grammar.ColDef) bool { return c.Key == grammar.ColAmount }

// ---- labels ----

// tableKey is the label key of a table's text, without markup.
func tableKey(rep *grammar.Report, t *grammar.Table) string {
	return tableKeyText(tableKeySource(rep, t))
}

// tableKeySource is the text of a table that tableKey reads.
func tableKeySource(rep *grammar.Report, t *grammar.Table) string {
	text := matchText(rep, rep.Source.Slice(t.Span))
	if rep.Rendering == "html" || rep.Rendering == "docx" {
		text = reMarkup.ReplaceAllString(text, "")
	}
	return text
}

// tableKeyText is strings.ReplaceAll(grammar.LabelKey(text), "|", "") in one
// pass: LabelKey maps each rune on its own (dropped, folded or kept, an
// invalid byte read as U+FFFD), so the key is built rune by rune, ASCII
// and Han by a table and a range test, other runes by LabelKey itself.
// A table's text alternates digits and tabs: LabelKey copied a run per tab,
// and the pipes cost a second copy.
func tableKeyText(text string) string {
	k := keyScan{text: text}
	k.readTo(len(text))
	return k.key()
}

// keyScan makes tableKeyText(text) as far as it is asked: the key of
// text[:i] is buf[:w]. Each rune is keyed on its own, decoded in the whole
// text, so the key of a prefix is a prefix of the key.
type keyScan struct {
	text string
	i, w int
	buf  []byte
}

// key is the key of the text read so far. Its bytes are never written
// again (only those after w are), so it is the buffer's, without a copy.
func (k *keyScan) key() string {
	if k.w == 0 {
		return ""
	}
	return unsafe.String(&k.buf[0], k.w)
}

// readTo keys the runes of the text that start before end.
func (k *keyScan) readTo(end int) {
	text, i, w := k.text, k.i, k.w
	// the buffer has room for the runes read as they are (a key is never
	// longer than its text but for U+FFFD, below): those that start
	// before end, the last ending by end+2 or by the text's end. It grows
	// as the reads do, to the text's length once past half of it: a
	// search stops at the columns' headings, the first few hundred bytes
	// of a table's text.
	limit := min(len(text), end+2)
	if room := w + limit - i; i < end && room > len(k.buf) {
		size := max(room, 2*len(k.buf))
		if 2*size > len(text) {
			size = max(room, len(text))
		}
		k.buf = append(k.buf[:w], make([]byte, size-w)...)
	}
	buf := k.buf
	for i < end {
		c := text[i]
		switch keyByteClass[c] {
		case keyASCIIKept:
			buf[w] = c
			w++
			i++
			continue
		case keyASCIIDropped:
			i++
			continue
		case keyHanLead:
			if i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
				// U+4000–U+9FFF, kept as LabelKey keeps them
				buf[w], buf[w+1], buf[w+2] = c, text[i+1], text[i+2]
				w += 3
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		var piece string
		switch k := runeKey(r); {
		case r == utf8.RuneError && n == 1:
			piece = "\uFFFD" // three bytes for one: the only piece longer than its text
		case k == runeKept:
			piece = text[i : i+n]
		case k == runeDropped:
		case k == runeUnknown:
			piece = strings.ReplaceAll(grammar.LabelKey(text[i:i+n]), "|", "")
		default:
			piece = string(k)
		}
		// room for the piece and for the rest of the runes read as they are
		if need := w + len(piece) + max(0, limit-i-n); need > len(buf) {
			buf = append(buf[:w], make([]byte, need-w)...)
		}
		w += copy(buf[w:], piece)
		i += n
	}
	k.i, k.w, k.buf = i, w, buf
}

// has is hasWord(tableKeyText(text), word), the text keyed only as far as
// the word is searched for: a table's headings come first, and most of
// its text (the numbers) is then never keyed.
func (k *keyScan) has(word string) bool {
	from := 0 // the key before from holds no word that ends there
	for {
		if hasWord(k.key()[from:], word) {
			return true
		}
		if k.i >= len(k.text) {
			return false
		}
		from = max(0, k.w-len(word)+1)
		// a hundred bytes, then twice as many each time
		k.readTo(min(len(k.text), max(2*k.i, 128)))
	}
}

// keyByteClass sorts the bytes for tableKeyText: ASCII kept or dropped, the
// lead byte of a character U+4000–U+9FFF, anything else.
var keyByteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c < utf8.RuneSelf && asciiKeyDrop[c]:
			t[c] = keyASCIIDropped
		case c < utf8.RuneSelf:
			t[c] = keyASCIIKept
		case c >= 0xE4 && c <= 0xE9:
			t[c] = keyHanLead
		default:
			t[c] = keyOther
		}
	}
	return t
}()

const (
	keyOther = iota
	keyASCIIKept
	keyASCIIDropped
	keyHanLead
)

// labelKeyIs tells whether grammar.LabelKey(text) is key, comparing as it
// goes instead of building the key (sameLabel asks it of most labels
// that differ from the template's, and the answer is mostly yes).
func labelKeyIs(text, key string) bool {
	same, _, _ := labelKeyBrackets(text, key)
	return same
}

// labelKeyBrackets is labelKeyIs(text, key) and, when it is true, the
// brackets of text (brackets(text)), counted in the same pass: LabelKey
// drops every bracket, and each is a rune the pass steps on ('(' and ')',
// and （ and ） (EF BC 88, EF BC 89), decoded as runes: EF continues no
// rune, and the fast paths take only ASCII kept and Han).
func labelKeyBrackets(text, key string) (same bool, open, close int) {
	j := 0 // key[:j] matched
	for i := 0; i < len(text); {
		// two characters U+4000–U+9FFF (lead byte E4–E9, two continuation
		// bytes) equal to the key's next six bytes, at once: what the
		// three-byte case below does twice
		if len(text)-i >= 8 && len(key)-j >= 8 {
			a := load64(text[i:])
			if (a^load64(key[j:]))&0xFFFFFFFFFFFF == 0 && a&0xC0C000C0C000 == 0x808000808000 &&
				a&0xFF-0xE4 <= 0xE9-0xE4 && a>>24&0xFF-0xE4 <= 0xE9-0xE4 {
				i += 6
				j += 6
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiLabelDrop[c] {
				if j >= len(key) || key[j] != c {
					return false, 0, 0
				}
				j++
			} else if c == '(' {
				open++
			} else if c == ')' {
				close++
			}
			i++
			continue
		}
		if c-0xE4 <= 0xE9-0xE4 && len(text)-i >= 3 {
			// three byte comparisons, not a call to compare three bytes;
			// on three-byte slices, whose length bounds the indexes
			if t := text[i : i+3]; t[1]&0xC0 == 0x80 && t[2]&0xC0 == 0x80 {
				if len(key)-j < 3 {
					return false, 0, 0
				}
				if k := key[j : j+3]; k[0] != c || k[1] != t[1] || k[2] != t[2] {
					return false, 0, 0
				}
				i += 3
				j += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		var piece string
		switch k := runeKey(r); {
		case r == utf8.RuneError && n == 1:
			piece = "\uFFFD"
		case k == runeKept:
			piece = text[i : i+n]
		case k == runeDropped:
			if r == '（' {
				open++
			} else if r == '）' {
				close++
			}
		case k == runeUnknown:
			piece = grammar.LabelKey(text[i : i+n])
		default:
			piece = string(k)
		}
		if !strings.HasPrefix(key[j:], piece) {
			return false, 0, 0
		}
		j += len(piece)
		i += n
	}
	if j != len(key) {
		return false, 0, 0
	}
	return true, open, close
}

// asciiLabelDrop holds the ASCII bytes LabelKey leaves out.
var asciiLabelDrop = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = grammar.LabelKey(string(rune(c))) == ""
	}
	return t
}()

// asciiKeyDrop holds the ASCII bytes a table key leaves out: those
// LabelKey ignores, and '|'.
var asciiKeyDrop = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c == '|' || grammar.LabelKey(string(rune(c))) == ""
	}
	return t
}()

// runeKey is LabelKey of r, looked up in the ranges a table's text draws
// its punctuation from (Latin-1 to U+07FF, general punctuation, CJK
// punctuation, the compatibility and full-width forms): the rune it folds
// to, runeKept, runeDropped, or runeUnknown outside them.
func runeKey(r rune) rune {
	for i := range runeKeyRanges {
		if rg := &runeKeyRanges[i]; r >= rg.lo && r < rg.lo+rune(len(rg.keys)) {
			return rg.keys[r-rg.lo]
		}
	}
	return runeUnknown
}

const (
	runeKept    = rune(-1)
	runeDropped = rune(-2)
	runeUnknown = rune(-3)
)

var runeKeyRanges = func() []struct {
	lo   rune
	keys []rune
} {
	out := make([]struct {
		lo   rune
		keys []rune
	}, 0, 4)
	for _, rg := range [][2]rune{{0x80, 0x800}, {0x2000, 0x2070}, {0x3000, 0x3040}, {0xFE00, 0x10000}} {
		keys := make([]rune, rg[1]-rg[0])
		for r := rg[0]; r < rg[1]; r++ {
			switch k := grammar.LabelKey(string(r)); k {
			case string(r):
				keys[r-rg[0]] = runeKept
			case "", "|":
				keys[r-rg[0]] = runeDropped
			default:
				keys[r-rg[0]], _ = utf8.DecodeRuneInString(k)
			}
		}
		out = append(out, struct {
			lo   rune
			keys []rune
		}{rg[0], keys})
	}
	return out
}()

// reMarkup matches tags and entities of an HTML or WordprocessingML source.
var reMarkup = regexp.MustCompile(`<[^>]*>|&[#0-9a-zA-Z]+;`)

// minBlankColumnCells is how many blank cells a column needs before it is
// said to be left blank as a whole: below that, each cell is its own finding.
const minBlankColumnCells = 3

// blankColumns returns the keys of the columns of t in which every cell is
// blank, over at least minBlankColumnCells rows, in template order. A part
// of the form left empty (often the 法人或其他组织 columns of 表三) is said once
// for the block, not once per cell.
func blankColumns(t *grammar.Table) []string {
	// a column left blank holds minBlankColumnCells blank cells at least:
	// a table with fewer (most have none) has none, told without counting
	// its columns' cells
	if !hasBlankCells(t, minBlankColumnCells) {
		return nil
	}
	// a table has a few columns: a list searched from the cell's own
	// position is cheaper than a map looked up for every cell
	type count struct {
		key          string
		col          *grammar.ColDef // the first column of the key: the same column is the same key, told by its pointer
		cells, blank int
	}
	var buf [16]count
	counts := buf[:0]
	for _, r := range t.Rows {
		for j, c := range r.Cells {
			if c == nil {
				continue
			}
			k := -1
			if j < len(counts) && (counts[j].col == c.Col || counts[j].key == c.Col.Key) {
				k = j
			} else {
				for i := range counts {
					if counts[i].col == c.Col || counts[i].key == c.Col.Key {
						k = i
						break
					}
				}
			}
			if k < 0 {
				counts = append(counts, count{key: c.Col.Key, col: c.Col})
				k = len(counts) - 1
			}
			counts[k].cells++
			if c.Kind == grammar.CellEmpty {
				counts[k].blank++
			}
		}
	}
	var out []string
	for _, n := range counts {
		if n.blank == n.cells && n.cells >= minBlankColumnCells {
			out = append(out, n.key)
		}
	}
	return out
}

// hasBlankCells tells whether t has n blank cells at least.
func hasBlankCells(t *grammar.Table, n int) bool {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c != nil && c.Kind == grammar.CellEmpty {
				if n--; n == 0 {
					return true
				}
			}
		}
	}
	return n <= 0
}

// columnLabels names columns by key as the table's cells label them.
func columnLabels(t *grammar.Table, keys []string) []string {
	label := map[string]string{}
	for c := range t.AllCells() {
		if _, ok := label[c.Col.Key]; !ok {
			label[c.Col.Key] = c.Col.Label
		}
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = label[k]
	}
	return out
}
