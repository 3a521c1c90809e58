package grammar

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is the character encoding a source file was stored in.
type Encoding int

const (
	UTF8 Encoding = iota
	UTF8BOM
	GB18030
	UTF16LE // with a BOM: what Notepad calls "Unicode"
	UTF16BE // with a BOM
)

func (e Encoding) String() string {
	switch e {
	case UTF8BOM:
		return "utf-8-bom"
	case GB18030:
		return "gb18030"
	case UTF16LE:
		return "utf-16le"
	case UTF16BE:
		return "utf-16be"
	}
	return "utf-8"
}

// Source is one decoded document. Text is UTF-8 without the BOM; every Span in
// the grammar is a byte range of Text. Raw keeps the original bytes so that
// fixes can be written back in the original encoding. Sources of files are
// made by the front-ends of package grammar/input.
type Source struct {
	Path     string
	Raw      []byte
	Text     string
	Encoding Encoding
	CRLF     bool // the dominant line ending is CRLF
	lines    []int
	// marks are column checkpoints on long lines, made for a line on the
	// first CharPos or UTF16Pos on it from Text and lines (whoever changes
	// those must replace marks with a new, empty one)
	marks *posMarks
	// PageStarts, set by the front-end of a paged format (PDF), holds the
	// offsets in Text where the second, third… page begin, ascending.
	PageStarts []int
	// view and rendering: what Parse reads when a front-end rendered the
	// document itself (a page, a Word file); nil means Text as it is
	view      *View
	rendering string
	// phraseScan, when set (UsePhraseScan), holds the phrase scan of the
	// last text parsed before this one: an editor's previous version
	phraseScan *PhraseScan
	// Furniture are spans of Text that a front-end recognised by their place
	// on the page as page numbers (PDF footers): the parser reports them as
	// residue whatever their wording.
	Furniture []Span
	// ImagePages, set by a paged format's front-end, are the pages
	// (1-based) that show images and no text (a scanned page in a text
	// PDF): their content was not read.
	ImagePages []int
	// ValidUTF8 is set by a front-end that checked Text is valid UTF-8
	// (the decoder of UTF-8 files): columns are then counted from the bytes
	// that start characters. Set on invalid text it miscounts.
	ValidUTF8 bool
}

// NewSource wraps text that is already UTF-8 (an editor buffer).
func NewSource(path, text string) *Source {
	return DecodedSource(path, []byte(text), text, UTF8)
}

// DecodedSource is the source of a file whose bytes raw a front-end decoded
// to text in encoding enc.
func DecodedSource(path string, raw []byte, text string, enc Encoding) *Source {
	return DecodedSourceLines(path, raw, text, enc, lineStarts(text))
}

// DecodedSourceLines is DecodedSource for a front-end that found the
// offsets where text's lines start while it read text (the UTF-8 decoder,
// as it checks it): starts must be what lineStarts(text) returns, and is
// kept.
func DecodedSourceLines(path string, raw []byte, text string, enc Encoding, starts []int) *Source {
	return &Source{Path: path, Raw: raw, Text: text, Encoding: enc,
		CRLF: crlfDominant(text, len(starts)-1), lines: starts, marks: &posMarks{}}
}

// UsePhraseScan has Parse take its phrase scan from ps, which holds the
// last text parsed with it, and scan again only around what changed; the
// editor gives each document one. ps is updated; one parse at a time.
func (s *Source) UsePhraseScan(ps *PhraseScan) { s.phraseScan = ps }

// SetView makes Parse read v, a front-end's rendering of Text (its spans
// mapping back into Text), instead of Text itself; rendering names it in
// the report ("html", "docx").
func (s *Source) SetView(v *View, rendering string) { s.view, s.rendering = v, rendering }

func countCRLF(s string) bool {
	// strings.Count and IndexByte run on whole machine words, not byte by
	// byte: a new Source is made on every keystroke in an editor
	return crlfDominant(s, strings.Count(s, "\n"))
}

// crlfDominant is countCRLF(s) for s holding breaks line feeds.
func crlfDominant(s string, breaks int) bool { return strings.Count(s, "\r\n")*2 > breaks }

func lineStarts(text string) []int { return lineStartsN(text, strings.Count(text, "\n")) }

// lineStartsN is lineStarts(text) for text holding breaks line feeds: the
// index is made at its size at once.
// The index's length is known, so each start is stored, not appended.
//
// A line feed in the next eight bytes (a blank line, a table's one cell per
// line) is found in the word that holds them: a call of IndexByte costs more
// than such a line.
func lineStartsN(text string, breaks int) []int {
	starts := make([]int, breaks+1)
	i := 0
	for k := 1; k < len(starts); k++ {
		if i+8 <= len(text) {
			// a line feed is a zero byte of w, and the lowest one sets
			// the lowest high bit of feeds (a borrow may set bits above
			// it, never below)
			w := load8(text, i) ^ 0x0A0A0A0A0A0A0A0A
			if feeds := (w - 0x0101010101010101) &^ w & 0x8080808080808080; feeds != 0 {
				i += bits.TrailingZeros64(feeds)>>3 + 1
				starts[k] = i
				continue
			}
		}
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts[:k] // breaks was more than text holds
		}
		i += j + 1
		starts[k] = i
	}
	return starts
}

// Span is a half-open byte range [Start, End) of Source.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

func (s Span) Len() int            { return s.End - s.Start }
func (s Span) IsZero() bool        { return s.Start == 0 && s.End == 0 }
func (s Span) Contains(o int) bool { return s.Start <= o && o < s.End }

// Text returns the source text a span covers.
func (s *Source) Slice(sp Span) string { return s.Text[sp.Start:sp.End] }

// Page returns the 1-based page holding byte offset off, or 0 when the
// document has no pages (PageStarts is nil).
func (s *Source) Page(off int) int {
	if s.PageStarts == nil {
		return 0
	}
	return 1 + sort.Search(len(s.PageStarts), func(i int) bool { return s.PageStarts[i] > off })
}

// LineCount is the number of lines (a final line without newline counts).
func (s *Source) LineCount() int { return len(s.lines) }

// Line returns the 0-based line holding byte offset off.
func (s *Source) Line(off int) int {
	// sort.Search is inlined with its closure: slices.BinarySearch, a call,
	// took half as long again
	return sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
}

// LineStart is the byte offset where 0-based line n begins.
func (s *Source) LineStart(n int) int {
	if n >= len(s.lines) {
		return len(s.Text)
	}
	return s.lines[n]
}

// LineEnd is the byte offset of the end of line n, before "\r\n" or "\n".
func (s *Source) LineEnd(n int) int {
	end := len(s.Text)
	if n+1 < len(s.lines) {
		end = s.lines[n+1] - 1
	}
	if end > s.LineStart(n) && s.Text[end-1] == '\r' {
		end--
	}
	return end
}

// Position is a 0-based line and column; the unit of Col depends on the
// conversion that produced it.
type Position struct {
	Line int
	Col  int
}

// CharPos converts a byte offset to (line, column in Unicode code points):
// what the CLI prints (1-based there).
func (s *Source) CharPos(off int) Position {
	off = s.clamp(off)
	l := s.Line(off)
	from, chars, _ := s.markBefore(l, off)
	return Position{l, chars + s.CharsIn(from, off)}
}

// CharsIn is CountChars(s.Text[from:to]) for 0 <= from <= to <= len(Text),
// counted eight bytes at a time when Text is valid UTF-8 and from and to
// are character boundaries (the piece is then valid UTF-8 itself).
func (s *Source) CharsIn(from, to int) int {
	t := s.Text[from:to]
	if s.ValidUTF8 && (from == len(s.Text) || utf8.RuneStart(s.Text[from])) && (to == len(s.Text) || utf8.RuneStart(s.Text[to])) {
		return countValidChars(t)
	}
	return CountChars(t)
}

// UTF16Pos converts a byte offset to (line, column in UTF-16 code units),
// LSP's default unit; the language server counts with its own mapper
// (lsp/mapper.go), whose tests check it against this.
func (s *Source) UTF16Pos(off int) Position {
	off = s.clamp(off)
	l := s.Line(off)
	from, _, col := s.markBefore(l, off)
	_, units := countColumns(s.Text[from:off])
	return Position{l, col + units}
}

// UTF8Pos converts a byte offset to (line, byte column).
func (s *Source) UTF8Pos(off int) Position {
	off = s.clamp(off)
	l := s.Line(off)
	return Position{l, off - s.lines[l]}
}

func (s *Source) clamp(off int) int {
	if off < 0 {
		return 0
	}
	if off > len(s.Text) {
		return len(s.Text)
	}
	return off
}

func utf16Len(r rune) int {
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1
}
