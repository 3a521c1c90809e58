package lsp

import (
	"sort"
	"strings"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
)

// Encoding is the unit of Position.Character agreed at initialize.
type Encoding string

const (
	UTF16 Encoding = "utf-16" // the LSP default; what every client supports
	UTF8  Encoding = "utf-8"
	UTF32 Encoding = "utf-32"
)

// mapper converts between byte offsets of a document's text and LSP
// positions. It is the one place where columns are counted. LSP line breaks
// are "\n", "\r\n" and a lone "\r"; grammar.Source knows only "\n", so the
// mapper keeps its own line index (identical whenever the text has no lone
// CR, which the tests check).
type mapper struct {
	text  string
	lines []int // byte offset where each line starts
	enc   Encoding
}

func newMapper(text string, enc Encoding) *mapper {
	lines := make([]int, 1, 1+len(text)/32)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			lines = append(lines, i+1)
		}
	}
	return &mapper{text: text, lines: lines, enc: enc}
}

// lineEnd is the offset of the end of line n, before its line break.
func (m *mapper) lineEnd(n int) int {
	end := len(m.text)
	if n+1 < len(m.lines) {
		end = m.lines[n+1] - 1
		if m.text[end] == '\n' && end > m.lines[n] && m.text[end-1] == '\r' {
			end--
		}
	}
	return end
}

// position converts a byte offset to an LSP position.
func (m *mapper) position(off int) protocol.Position {
	if off < 0 {
		off = 0
	}
	if off > len(m.text) {
		off = len(m.text)
	}
	line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > off }) - 1
	start := m.lines[line]
	// an offset inside a line break belongs to the end of that line
	if end := m.lineEnd(line); off > end {
		off = end
	}
	return protocol.Position{Line: uint32(line), Character: uint32(m.units(m.text[start:off]))}
}

// units counts s in the mapper's encoding. An invalid byte counts as one
// unit: the client shows U+FFFD for it.
func (m *mapper) units(s string) int {
	switch m.enc {
	case UTF8:
		return len(s)
	case UTF32:
		return utf8.RuneCountInString(s)
	}
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// offset converts an LSP position to a byte offset. A character past the end
// of the line clamps to the line end and a line past the end to the end of
// the text (as the specification asks); a character inside a multi-unit
// character clamps to its start.
func (m *mapper) offset(p protocol.Position) int {
	line := int(p.Line)
	if line >= len(m.lines) {
		return len(m.text)
	}
	start, end := m.lines[line], m.lineEnd(line)
	want := int(p.Character)
	col := 0
	for i := start; i < end; {
		if col >= want {
			return i
		}
		r, size := utf8.DecodeRuneInString(m.text[i:end])
		switch {
		case m.enc == UTF8:
			col += size
		case m.enc == UTF32 || r < 0x10000:
			col++
		default:
			col += 2
		}
		if col > want {
			return i
		}
		i += size
	}
	return end
}

func (m *mapper) rng(sp grammar.Span) protocol.Range {
	return protocol.Range{Start: m.position(sp.Start), End: m.position(sp.End)}
}

func (m *mapper) span(r protocol.Range) grammar.Span {
	s, e := m.offset(r.Start), m.offset(r.End)
	if e < s {
		s, e = e, s
	}
	return grammar.Span{Start: s, End: e}
}

// The span helpers below relate the report to the offsets and ranges of
// requests; every feature uses these.

// covers tells whether off is inside sp or at either end (a cursor just
// after a cell is on it).
func covers(sp grammar.Span, off int) bool { return sp.Start <= off && off <= sp.End }

// touches reports whether a diagnostic's span and the requested range
// overlap or meet (a cursor at either end of a cell counts).
func touches(sp, at grammar.Span) bool { return sp.Start <= at.End && at.Start <= sp.End }

// trimSpan drops trailing white space (blank lines before the next heading).
func trimSpan(text string, sp grammar.Span) grammar.Span {
	end := sp.End
	for end > sp.Start {
		c := text[end-1]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			end--
			continue
		}
		break
	}
	sp.End = end
	return sp
}

// lineStartOf is the offset where the line holding off starts.
func lineStartOf(text string, off int) int {
	return strings.LastIndexByte(text[:off], '\n') + 1
}

// edit returns the mapper of the text with sp replaced by repl; m itself is
// unchanged (snapshots share it). Only the line starts in the edited range are
// found again; those after it shift. A line start at v depends on the bytes at
// v-1 and v alone (a lone CR needs the next byte), so the starts before sp and
// after its old end are still right.
func (m *mapper) edit(sp grammar.Span, repl string) *mapper {
	text := m.text[:sp.Start] + repl + m.text[sp.End:]
	end := sp.Start + len(repl) // end of the new text in text
	delta := len(repl) - sp.Len()
	keep := sort.SearchInts(m.lines, sp.Start) // the starts before sp.Start
	after := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > sp.End })
	lines := make([]int, keep, len(m.lines)+strings.Count(repl, "\n")+strings.Count(repl, "\r")+1)
	copy(lines, m.lines[:keep])
	if keep == 0 {
		lines = append(lines, 0)
	}
	for i := max(sp.Start-1, 0); i < end && i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			lines = append(lines, i+1)
		}
	}
	for _, v := range m.lines[after:] {
		lines = append(lines, v+delta)
	}
	return &mapper{text: text, lines: lines, enc: m.enc}
}

// sweep converts offsets that mostly come in increasing order (the sorted
// findings of an analysis) without counting each from its line start: the
// column of the previous offset is the starting point when the next one is
// further on the same line. Positions equal mapper.position's.
type sweep struct {
	m               *mapper
	line, off, col  int // the last offset converted and its position
	lineStart, next int // the span of line: [lineStart, next)
}

func (m *mapper) sweep() *sweep { return &sweep{m: m, line: -1} }

func (s *sweep) position(off int) protocol.Position {
	m := s.m
	off = min(max(off, 0), len(m.text))
	if off < len(m.text) && !utf8.RuneStart(m.text[off]) {
		return m.position(off) // inside a character: counted from the line start
	}
	if s.line < 0 || off < s.off || off >= s.next {
		line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > off }) - 1
		s.line, s.lineStart, s.off, s.col = line, m.lines[line], m.lines[line], 0
		s.next = len(m.text) + 1 // the last line holds the end of the text
		if line+1 < len(m.lines) {
			s.next = m.lines[line+1]
		}
	}
	if end := m.lineEnd(s.line); off > end {
		off = end // inside the line break: the end of the line
	}
	if off >= s.off {
		s.col += m.units(m.text[s.off:off])
		s.off = off
	} else { // only when off was clamped before: count afresh
		s.off, s.col = off, m.units(m.text[s.lineStart:off])
	}
	return protocol.Position{Line: uint32(s.line), Character: uint32(s.col)}
}

// rng converts sp; the end is found from the start without moving the sweep
// past the start (the next finding may start before this one ends).
func (s *sweep) rng(sp grammar.Span) protocol.Range {
	start := s.position(sp.Start)
	e := *s
	return protocol.Range{Start: start, End: e.position(sp.End)}
}
