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

// jsonGlue is what a layout writes between a diagnostic's values: each
// member's comma, line break, indentation and name, and the brackets with
// theirs. Made once per layout by key and newline (the same bytes), so that
// a finding is a few appends of whole pieces instead of a dozen small ones
// per member.
type jsonGlue struct {
	file, line, column, endLine, endColumn, page, rule, severity, message string
	fixes                                                                 string // ,"fixes":[
	fixOpen, title, applicability, edits                                  string
	editOpen, editLine, editColumn, editEndLine, editEndColumn, newText   string
	editClose, editsEnd, fixClose, fixesEnd, close                        string
}

var (
	indentedGlue = newJSONGlue(jsonLayout{indented: true})
	compactGlue  = newJSONGlue(jsonLayout{})
)

func newJSONGlue(l jsonLayout) *jsonGlue {
	key := func(depth int, name string, first bool) string { return string(l.key(nil, depth, name, first)) }
	nl := func(depth int, then string) string { return string(l.newline(nil, depth)) + then }
	return &jsonGlue{
		file: "{" + key(1, "file", true), line: key(1, "line", false), column: key(1, "column", false),
		endLine: key(1, "end_line", false), endColumn: key(1, "end_column", false), page: key(1, "page", false),
		rule: key(1, "rule", false), severity: key(1, "severity", false), message: key(1, "message", false),
		fixes:   key(1, "fixes", false) + "[",
		fixOpen: nl(2, "{"), title: key(3, "title", true), applicability: key(3, "applicability", false),
		edits:    key(3, "edits", false) + "[",
		editOpen: nl(4, "{"), editLine: key(5, "line", true), editColumn: key(5, "column", false),
		editEndLine: key(5, "end_line", false), editEndColumn: key(5, "end_column", false), newText: key(5, "new_text", false),
		editClose: nl(4, "}"), editsEnd: nl(3, ""), fixClose: nl(2, "}"), fixesEnd: nl(1, ""), close: nl(0, "}"),
	}
}

// glue is the layout's jsonGlue.
func (l jsonLayout) glue() *jsonGlue {
	if l.indented {
		return indentedGlue
	}
	return compactGlue
}

// appendDiagnostic appends d of r as the JSONDiagnostic jsonDiagnostic
// makes of it, without building one: the shape of a finding met before
// (kept in c) with d's numbers, or each member in turn. path is r.Path
// quoted (appendJSONString), once for all of a file's findings.
func appendDiagnostic(b []byte, path []byte, r *lint.FileResult, d *lint.Diagnostic, locate *locator, o OutputOptions, g *jsonGlue, c *jsonCache) []byte {
	loc := locate.location(d.Span)
	message := d.Text(o.Lang)
	b = append(append(b, g.file...), path...)
	set, k := c.shapes.find(d, message, loc.Page != 0, o.Lang, g)
	if k != nil {
		return k.fill(b, r, d, loc)
	}
	if !set.wants(d, message, o.Lang, r.Source.Text) {
		return appendMembers(b, r, d, loc, message, o, g, &c.quoted, nil)
	}
	start := len(b)
	c.runs = numberRuns{start: start, at: c.runs.at[:0]}
	b = appendMembers(b, r, d, loc, message, o, g, &c.quoted, &c.runs)
	set.keep(b[start:], c.runs.at, d, message, loc.Page != 0, o.Lang, g)
	return b
}

// appendMembers appends the members of d after its file, each in turn,
// and notes where its numbers are in runs (unless nil).
func appendMembers(b []byte, r *lint.FileResult, d *lint.Diagnostic, loc Location, message string, o OutputOptions, g *jsonGlue, q *quoteCache, runs *numberRuns) []byte {
	text := r.Source.Text
	b = runs.appendLocation(b, loc, g.line, g.column, g.endLine, g.endColumn)
	if loc.Page != 0 { // omitempty
		b = runs.append(b, g.page, loc.Page)
	}
	b = q.append(append(b, g.rule...), d.Rule, text)
	b = q.append(append(b, g.severity...), d.Severity.String(), text)
	b = q.append(append(b, g.message...), message, text)
	b = append(b, g.fixes...)
	for i := range d.Fixes {
		f := &d.Fixes[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = q.append(append(append(b, g.fixOpen...), g.title...), f.TitleText(o.Lang), text)
		b = q.append(append(b, g.applicability...), f.Applicability.String(), text)
		b = append(b, g.edits...)
		for j := range f.Edits {
			e := &f.Edits[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, g.editOpen...)
			el := loc // an edit often replaces what the finding points at
			if e.Span != d.Span {
				el = LocationOf(r.Source, e.Span)
			}
			b = runs.appendLocation(b, el, g.editLine, g.editColumn, g.editEndLine, g.editEndColumn)
			b = q.append(append(b, g.newText...), e.NewText, text)
			b = append(b, g.editClose...)
		}
		if len(f.Edits) > 0 {
			b = append(b, g.editsEnd...)
		}
		b = append(append(b, ']'), g.fixClose...)
	}
	if len(d.Fixes) > 0 {
		b = append(b, g.fixesEnd...)
	}
	b = append(b, ']')
	return append(b, g.close...)
}

// numberRuns notes where appendMembers writes the numbers: the start and
// end of each, counted from start.
type numberRuns struct {
	start int
	at    []int
}

// append appends glue and v.
func (n *numberRuns) append(b []byte, glue string, v int) []byte {
	b = append(b, glue...)
	from := len(b)
	b = appendCount(b, v)
	if n != nil {
		n.at = append(n.at, from-n.start, len(b)-n.start)
	}
	return b
}

// appendLocation writes line, column, end_line and end_column, each after
// its glue.
func (n *numberRuns) appendLocation(b []byte, loc Location, line, column, endLine, endColumn string) []byte {
	b = n.append(b, line, loc.Line)
	b = n.append(b, column, loc.Column)
	b = n.append(b, endLine, loc.EndLine)
	return n.append(b, endColumn, loc.EndColumn)
}

// fill appends the finding d of r, located at loc, of shape k.
func (k *shape) fill(b []byte, r *lint.FileResult, d *lint.Diagnostic, loc Location) []byte {
	json, holes := k.json, k.holes
	at, next := 0, 0 // after the last hole filled, the next
	put := func(v int) {
		b = appendCount(append(b, json[at:holes[next]]...), v)
		at, next = holes[next], next+1
	}
	put(loc.Line)
	put(loc.Column)
	put(loc.EndLine)
	put(loc.EndColumn)
	if loc.Page != 0 {
		put(loc.Page)
	}
	for i := range d.Fixes {
		f := &d.Fixes[i]
		for j := range f.Edits {
			e := &f.Edits[j]
			el := loc
			if e.Span != d.Span {
				el = LocationOf(r.Source, e.Span)
			}
			put(el.Line)
			put(el.Column)
			put(el.EndLine)
			put(el.EndColumn)
		}
	}
	return append(b, json[at:]...)
}

// jsonCache is what a json stream keeps of the findings it wrote.
type jsonCache struct {
	quoted quoteCache
	shapes shapeCache
	runs   numberRuns // of the finding being written
}

// appendCount is strconv.AppendInt(b, int64(v), 10) for a line, column or
// page number: those under 1,000 written from a table of two digits,
// without strconv's general path (a finding has eight of them).
func appendCount(b []byte, v int) []byte {
	switch {
	case uint(v) < 10:
		return append(b, byte('0'+v))
	case uint(v) < 100:
		return append(b, twoDigits[2*v], twoDigits[2*v+1])
	case uint(v) < 1000:
		h, t := v/100, v%100
		return append(b, byte('0'+h), twoDigits[2*t], twoDigits[2*t+1])
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// twoDigits holds 00 to 99.
const twoDigits = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

const lowerHex = "0123456789abcdef"

// jsonPlainASCII tells the ASCII bytes a JSON string holds as they are: all
// but the control characters, '"' and '\\'.
var jsonPlainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainThreeByteRun is the length of the run of three-byte characters
// (Chinese, full-width punctuation, quotes) at the start of s that a JSON
// string holds as they are, each tested in one word: a lead byte E1–EF but
// ED with two continuation bytes is valid whatever they are (E0 and ED
// narrow the second byte's range: the decoder judges those), and only E2
// 80 A8/A9 (U+2028/9) is escaped.
func plainThreeByteRun(s string) int {
	t := s
	for len(t) >= 3 {
		w := uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16
		if w&0xC0C0F0 != 0x8080E0 {
			break // not a lead 1110xxxx and two continuation bytes
		}
		// leads by their low four bits: E0 and ED are judged by the decoder
		// (bits 0 and 13 clear), E2 is plain but for U+2028/9 (bit 2 clear)
		if plainLeads>>(w&0xF)&1 == 0 && (w&0xF != 2 || w>>8 == 0xA880 || w>>8 == 0xA980) {
			break
		}
		t = t[3:]
	}
	return len(s) - len(t)
}

const plainLeads = 0xFFFF &^ (1<<0 | 1<<2 | 1<<13)

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
			if jsonPlainASCII[c] {
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
		if n := plainThreeByteRun(s[i:]); n > 0 {
			i += n
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
