package lsp

import (
	"context"
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// formatting normalises punctuation width in Chinese text (ASCII , ; : ? !
// and ( ) around Chinese become full-width) and aligns Markdown pipe tables.
// It never changes a value: the formatted text is parsed again and every
// table cell must read the same, or nothing is changed.
func (s *Server) formatting(ctx context.Context, raw json.RawMessage) (any, error) {
	var p documentParams
	snap, err := s.reportSnapshot(raw, &p)
	if snap == nil {
		return noReport([]protocol.TextEdit{}, err)
	}
	edits := formatEdits(snap.src.Text, snap.report.Rendering == "markdown")
	if len(edits) == 0 {
		return []protocol.TextEdit{}, nil
	}
	next, _ := lint.ApplyEdits(snap.src.Text, edits)
	if !sameCells(snap.report, grammar.Parse(grammar.NewSource(snap.src.Path, next))) {
		s.logf("formatting %s would change how a table reads; left unchanged", snap.uri)
		return []protocol.TextEdit{}, nil
	}
	return snap.textEdits(edits), nil
}

// formatEdits computes the edits on text; markdown enables table alignment.
func formatEdits(text string, markdown bool) []lint.Edit {
	var edits []lint.Edit
	fence := false
	var table []lineRange
	flush := func() {
		aligned, ok := alignTable(text, table)
		if ok {
			edits = append(edits, aligned...)
		} else {
			for _, r := range table {
				edits = append(edits, punctuationEdits(text, r.start, r.end, markdown)...)
			}
		}
		table = table[:0]
	}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		lineEnd := end
		if lineEnd > start && text[lineEnd-1] == '\r' {
			lineEnd--
		}
		line := text[start:lineEnd]
		trimmed := strings.TrimSpace(line)
		switch {
		case markdown && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			flush()
			fence = !fence
		case fence:
		case markdown && strings.HasPrefix(trimmed, "|"):
			table = append(table, lineRange{start, lineEnd})
		default:
			flush()
			edits = append(edits, punctuationEdits(text, start, lineEnd, markdown)...)
		}
		start = end + 1
	}
	flush()
	return edits
}

type lineRange struct{ start, end int }

var fullWidth = map[byte]string{',': "，", ';': "；", ':': "：", '?': "？", '!': "！", '(': "（", ')': "）"}

// isCJK: a Han character or full-width punctuation.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”'
}

// punctuationEdits converts ASCII punctuation that follows Chinese text on
// the line [start, end) or precedes it. Inline code (Markdown `...`) and
// URLs are left alone; "10:30", "1,000" and "(1)" are not touched: no
// Chinese character is next to them.
func punctuationEdits(text string, start, end int, markdown bool) []lint.Edit {
	line := text[start:end]
	if strings.IndexFunc(line, isCJK) < 0 {
		return nil
	}
	var edits []lint.Edit
	code := false
	prev := rune(0) // the previous non-space character
	for i := 0; i < len(line); {
		if n := urlLen(line[i:]); n > 0 {
			prev = 'u'
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if markdown && r == '`' {
			code = !code
		}
		if !code && r < utf8.RuneSelf {
			if fw, ok := fullWidth[byte(r)]; ok {
				switch byte(r) {
				case '(':
					if closeAt := matchParen(line, i); closeAt > 0 && (isCJK(prev) || strings.IndexFunc(line[i+1:closeAt], isCJK) >= 0) {
						edits = append(edits, lint.Edit{Span: grammar.Span{Start: start + i, End: start + i + 1}, NewText: fw},
							lint.Edit{Span: grammar.Span{Start: start + closeAt, End: start + closeAt + 1}, NewText: "）"})
					}
				case ')':
					// converted with its opening parenthesis
				default:
					next, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[i+size:], " \t"))
					if isCJK(prev) || isCJK(next) {
						edits = append(edits, lint.Edit{Span: grammar.Span{Start: start + i, End: start + i + 1}, NewText: fw})
					}
				}
			}
		}
		if !unicode.IsSpace(r) {
			prev = r
		}
		i += size
	}
	return edits
}

// urlLen is the length of the URL at the start of s (up to white space or
// a non-ASCII character), or 0.
func urlLen(s string) int {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "www.") {
		return 0
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// matchParen returns the index of the ')' closing the '(' at i on the same
// line, or -1 when there is none or the parentheses nest.
func matchParen(line string, i int) int {
	for j := i + 1; j < len(line); j++ {
		switch line[j] {
		case '(':
			return -1
		case ')':
			return j
		}
	}
	return -1
}

// alignTable pads the cells of a Markdown pipe table so that the pipes line
// up (CJK characters count two columns, as in a monospaced editor font) and
// normalises punctuation inside the cells. ok is false for a table it does
// not rewrite (one row, escaped pipes, code).
func alignTable(text string, rows []lineRange) (edits []lint.Edit, ok bool) {
	if len(rows) < 2 {
		return nil, false
	}
	cells := make([][]string, len(rows))
	widths := []int{}
	delimiter := make([]bool, len(rows))
	for i, r := range rows {
		line := strings.TrimSpace(text[r.start:r.end])
		if !strings.HasSuffix(line, "|") || strings.Contains(line, "\\|") || strings.Contains(line, "`") {
			return nil, false
		}
		parts := strings.Split(line[1:len(line)-1], "|")
		delimiter[i] = true
		for j, p := range parts {
			p = strings.TrimSpace(p)
			fixed, _ := lint.ApplyEdits(p, punctuationEdits(p, 0, len(p), true))
			parts[j] = fixed
			if strings.Trim(parts[j], ":-") != "" || !strings.Contains(parts[j], "-") {
				delimiter[i] = false
			}
		}
		cells[i] = parts
		for j, p := range parts {
			if j >= len(widths) {
				widths = append(widths, 3)
			}
			if !delimiter[i] {
				widths[j] = max(widths[j], displayWidth(p))
			}
		}
	}
	for i, r := range rows {
		var b strings.Builder
		b.WriteString("|")
		for j, p := range cells[i] {
			b.WriteString(" ")
			if delimiter[i] {
				left, right := strings.HasPrefix(p, ":"), strings.HasSuffix(p, ":")
				dashes := widths[j]
				if left {
					b.WriteString(":")
					dashes--
				}
				if right {
					dashes--
				}
				b.WriteString(strings.Repeat("-", dashes))
				if right {
					b.WriteString(":")
				}
			} else {
				b.WriteString(p)
				b.WriteString(strings.Repeat(" ", widths[j]-displayWidth(p)))
			}
			b.WriteString(" |")
		}
		if got := b.String(); got != text[r.start:r.end] {
			edits = append(edits, lint.Edit{Span: grammar.Span{Start: r.start, End: r.end}, NewText: got})
		}
	}
	return edits, true
}

func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if isWide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || r >= 0x20000
}

// sameCells reports whether two parses of a report read the same tables.
func sameCells(a, b *grammar.Report) bool {
	for i := range a.Tables {
		ta, tb := a.Tables[i], b.Tables[i]
		if (ta == nil) != (tb == nil) {
			return false
		}
		if ta == nil {
			continue
		}
		ca, cb := ta.Cells(), tb.Cells()
		if len(ca) != len(cb) {
			return false
		}
		for j := range ca {
			x, y := ca[j], cb[j]
			if x.Row.Key != y.Row.Key || x.Col.Key != y.Col.Key || x.Kind != y.Kind || x.Value != y.Value {
				return false
			}
		}
	}
	return true
}
