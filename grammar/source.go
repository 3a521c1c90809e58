package grammar

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding is the character encoding a source file was stored in.
type Encoding int

const (
	UTF8 Encoding = iota
	UTF8BOM
	GB18030
)

func (e Encoding) String() string {
	switch e {
	case UTF8BOM:
		return "utf-8-bom"
	case GB18030:
		return "gb18030"
	}
	return "utf-8"
}

// MaxSourceSize bounds what Decode accepts; larger inputs get an error, not a hang.
const MaxSourceSize = 64 << 20

// Errors returned by Decode, so callers can tell bad input from I/O failures.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary content (NUL bytes), not a text report")
	ErrTooLarge = fmt.Errorf("file larger than %d MiB", MaxSourceSize>>20)
	ErrEncoding = errors.New("neither valid UTF-8 nor GB18030 text")
)

// Source is one decoded document. Text is UTF-8 without the BOM; every Span in
// the grammar is a byte range of Text. Raw keeps the original bytes so that
// fixes can be written back in the original encoding.
type Source struct {
	Path     string
	Raw      []byte
	Text     string
	Encoding Encoding
	CRLF     bool // the dominant line ending is CRLF
	lines    []int
}

// Decode detects the encoding of raw (UTF-8 with or without BOM, else GB18030)
// and builds the line index.
func Decode(path string, raw []byte) (*Source, error) {
	if len(raw) > MaxSourceSize {
		return nil, ErrTooLarge
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return nil, ErrBinary
	}
	src := &Source{Path: path, Raw: raw}
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		if !utf8.Valid(raw[3:]) {
			return nil, fmt.Errorf("%w: BOM present but invalid UTF-8 at byte %d", ErrEncoding, 3+invalidUTF8At(raw[3:]))
		}
		src.Encoding, src.Text = UTF8BOM, string(raw[3:])
	case utf8.Valid(raw):
		src.Encoding, src.Text = UTF8, string(raw)
	default:
		if at, ok := brokenUTF8(raw); ok {
			if at >= len(raw)-3 {
				return nil, fmt.Errorf("%w: UTF-8 text cut off in the middle of a character at byte %d", ErrEncoding, at)
			}
			return nil, fmt.Errorf("%w: invalid UTF-8 at byte %d in a text that is otherwise UTF-8", ErrEncoding, at)
		}
		text, err := decodeGB18030(raw)
		if err != nil {
			return nil, fmt.Errorf("%w: invalid UTF-8 at byte %d and %v", ErrEncoding, invalidUTF8At(raw), err)
		}
		src.Encoding, src.Text = GB18030, text
	}
	src.CRLF = bytes.Count(raw, []byte("\r\n"))*2 > bytes.Count(raw, []byte("\n"))
	src.lines = lineStarts(src.Text)
	return src, nil
}

// NewSource wraps text that is already UTF-8 (an editor buffer).
func NewSource(path, text string) *Source {
	return &Source{Path: path, Raw: []byte(text), Text: text, Encoding: UTF8,
		CRLF: countCRLF(text), lines: lineStarts(text)}
}

func countCRLF(s string) bool {
	crlf, lf := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			lf++
			if i > 0 && s[i-1] == '\r' {
				crlf++
			}
		}
	}
	return crlf*2 > lf
}

// brokenUTF8 tells UTF-8 text with a few bad bytes (cut off, damaged) from
// GB18030 text: GB18030 forms a valid UTF-8 multi-byte sequence only now and
// then by chance, while damaged UTF-8 is almost all valid sequences. It
// returns the offset of the first bad byte.
func brokenUTF8(b []byte) (int, bool) {
	valid, invalid, first := 0, 0, -1
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if first < 0 {
				first = i
			}
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	if invalid == 0 {
		return 0, false
	}
	// a cut at the very end: the tail is an incomplete sequence
	if first >= len(b)-3 && invalid <= 3 && !utf8.FullRune(b[first:]) {
		return first, true
	}
	return first, valid >= 8*invalid && valid >= 8
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// decodeGB18030 decodes strictly: the x/text decoder substitutes U+FFFD for
// bad sequences, so a replacement character that the input did not spell out
// means the input was not GB18030 either.
func decodeGB18030(raw []byte) (string, error) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil {
		return "", err
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		return "", errors.New("invalid GB18030 sequence")
	}
	if !utf8.Valid(out) {
		return "", errors.New("invalid GB18030 sequence")
	}
	return string(out), nil
}

// Encode turns edited text back into the bytes of the source's encoding.
func (s *Source) Encode(text string) ([]byte, error) {
	switch s.Encoding {
	case UTF8BOM:
		return append([]byte("\xef\xbb\xbf"), text...), nil
	case GB18030:
		return simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	}
	return []byte(text), nil
}

func lineStarts(text string) []int {
	starts := make([]int, 1, 1+len(text)/40)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
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

// LineCount is the number of lines (a final line without newline counts).
func (s *Source) LineCount() int { return len(s.lines) }

// Line returns the 0-based line holding byte offset off.
func (s *Source) Line(off int) int {
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
	return Position{l, utf8.RuneCountInString(s.Text[s.lines[l]:off])}
}

// UTF16Pos converts a byte offset to (line, column in UTF-16 code units): LSP's default.
func (s *Source) UTF16Pos(off int) Position {
	off = s.clamp(off)
	l := s.Line(off)
	col := 0
	for _, r := range s.Text[s.lines[l]:off] {
		col += utf16Len(r)
	}
	return Position{l, col}
}

// UTF8Pos converts a byte offset to (line, byte column).
func (s *Source) UTF8Pos(off int) Position {
	off = s.clamp(off)
	l := s.Line(off)
	return Position{l, off - s.lines[l]}
}

// OffsetUTF16 converts an LSP position back to a byte offset; columns past the
// end of the line clamp to the line end, as the LSP specification asks.
func (s *Source) OffsetUTF16(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(s.lines) {
		return len(s.Text)
	}
	start, end := s.lines[p.Line], s.LineEnd(p.Line)
	col := 0
	for i, r := range s.Text[start:end] {
		if col >= p.Col {
			return start + i
		}
		col += utf16Len(r)
	}
	return end
}

// OffsetUTF8 converts a (line, byte column) position to a byte offset.
func (s *Source) OffsetUTF8(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(s.lines) {
		return len(s.Text)
	}
	start, end := s.lines[p.Line], s.LineEnd(p.Line)
	off := start + p.Col
	if off > end {
		off = end
	}
	for off > start && off < len(s.Text) && !utf8.RuneStart(s.Text[off]) {
		off--
	}
	return off
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
