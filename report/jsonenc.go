package report

import (
	"strconv"
	"unicode/utf8"

	"github.com/gdlint/gdlint/lint"
)

// The json and json-lines outputs of thousands of reports are tens of MB:
// encoding/json (reflection, and for the indented form a second pass that
// re-indents what it marshalled) was about a sixth of a batch run's CPU.
// appendDiagnostic writes the same bytes as encoding/json's Encoder with
// SetEscapeHTML(false) (and SetIndent("  ", "  ") when indented) would for
// a JSONDiagnostic, straight into one reused buffer. goccy/go-json differs
// (\b and \f as \u0008 and \u000c) and segmentio/encoding re-indents with
// encoding/json; TestAppendDiagnosticMatchesEncodingJSON holds the bytes.

// jsonLayout is where appendDiagnostic puts its line breaks: compact (one
// line) or indented as an element of the json array.
type jsonLayout struct{ indented bool }

// newline breaks the line before a member or element at depth (the
// diagnostic's own members are at depth 1) in the indented layout: the
// array's prefix "  " and two spaces a level.
func (l jsonLayout) newline(b []byte, depth int) []byte {
	if !l.indented {
		return b
	}
	b = append(b, '\n', ' ', ' ')
	for range depth {
		b = append(b, ' ', ' ')
	}
	return b
}

// key writes a member's name and colon, after a comma unless it is first.
func (l jsonLayout) key(b []byte, depth int, name string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = l.newline(b, depth)
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	if l.indented {
		b = append(b, ' ')
	}
	return b
}

func (l jsonLayout) intMember(b []byte, depth int, name string, v int, first bool) []byte {
	return strconv.AppendInt(l.key(b, depth, name, first), int64(v), 10)
}

func (l jsonLayout) stringMember(b []byte, depth int, name, v string) []byte {
	return appendJSONString(l.key(b, depth, name, false), v)
}

// appendDiagnostic appends d of r as the JSONDiagnostic jsonDiagnostic
// makes of it, without building one.
func appendDiagnostic(b []byte, r *lint.FileResult, d *lint.Diagnostic, locate *locator, o OutputOptions, l jsonLayout) []byte {
	loc := locate.location(d.Span)
	b = append(b, '{')
	b = appendJSONString(l.key(b, 1, "file", true), r.Path)
	b = appendLocation(b, 1, loc, l, false)
	if loc.Page != 0 { // omitempty
		b = l.intMember(b, 1, "page", loc.Page, false)
	}
	b = l.stringMember(b, 1, "rule", d.Rule)
	b = l.stringMember(b, 1, "severity", d.Severity.String())
	b = l.stringMember(b, 1, "message", d.Text(o.Lang))
	b = l.key(b, 1, "fixes", false)
	b = append(b, '[')
	for i := range d.Fixes {
		f := &d.Fixes[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = l.newline(b, 2)
		b = append(b, '{')
		b = appendJSONString(l.key(b, 3, "title", true), f.TitleText(o.Lang))
		b = l.stringMember(b, 3, "applicability", f.Applicability.String())
		b = l.key(b, 3, "edits", false)
		b = append(b, '[')
		for j := range f.Edits {
			e := &f.Edits[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = l.newline(b, 4)
			b = append(b, '{')
			el := loc // an edit often replaces what the finding points at
			if e.Span != d.Span {
				el = LocationOf(r.Source, e.Span)
			}
			b = appendLocation(b, 5, el, l, true)
			b = l.stringMember(b, 5, "new_text", e.NewText)
			b = l.newline(b, 4)
			b = append(b, '}')
		}
		if len(f.Edits) > 0 {
			b = l.newline(b, 3)
		}
		b = append(b, ']')
		b = l.newline(b, 2)
		b = append(b, '}')
	}
	if len(d.Fixes) > 0 {
		b = l.newline(b, 1)
	}
	b = append(b, ']')
	b = l.newline(b, 0)
	return append(b, '}')
}

// appendLocation writes line, column, end_line and end_column: an edit's
// first members, a diagnostic's after file.
func appendLocation(b []byte, depth int, loc Location, l jsonLayout, first bool) []byte {
	b = l.intMember(b, depth, "line", loc.Line, first)
	b = l.intMember(b, depth, "column", loc.Column, false)
	b = l.intMember(b, depth, "end_line", loc.EndLine, false)
	return l.intMember(b, depth, "end_column", loc.EndColumn, false)
}

const lowerHex = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json does without HTML
// escaping: \" \\ \b \f \n \r \t, other control characters as \u00XX, each
// byte of invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped (they end
// a line in JavaScript).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', lowerHex[c>>4], lowerHex[c&0xF])
			}
			i++
			start = i
			continue
		}
		// a whole three-byte character (Chinese, full-width punctuation,
		// quotes) is copied as it is: every lead but E0 and ED (whose second
		// byte has a narrower range) makes a valid one with any two
		// continuation bytes, and only E2 80 A8/A9 (U+2028/9) is escaped
		if c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			!(c == 0xE2 && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', lowerHex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
