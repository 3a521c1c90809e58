package format

import (
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// alignTable pads the cells of a Markdown pipe table so that the pipes line
// up (by DisplayWidth: CJK characters take two columns, as in a monospaced
// editor font) and normalises punctuation inside the cells. ok is false for
// a table it does not rewrite (one row, escaped pipes, code, a row not
// closed by a pipe).
func alignTable(text string, rows []line) (edits []lint.Edit, ok bool) {
	// pipe lines with no blank line between may be several tables: each
	// starts on the line above a delimiter row
	for i := 2; i < len(rows); i++ {
		if isDelimiterRow(text[rows[i].start:rows[i].end]) && !isDelimiterRow(text[rows[i-1].start:rows[i-1].end]) {
			first, ok1 := alignTable(text, rows[:i-1])
			rest, ok2 := alignTable(text, rows[i-1:])
			return append(first, rest...), ok1 && ok2
		}
	}
	return alignOne(text, rows)
}

// isDelimiterRow: | --- | :-: |
func isDelimiterRow(row string) bool {
	row = strings.TrimSpace(row)
	return strings.HasPrefix(row, "|") && strings.Contains(row, "-") && strings.Trim(row, "|:- ") == ""
}

func alignOne(text string, rows []line) (edits []lint.Edit, ok bool) {
	if len(rows) < 2 {
		return nil, false
	}
	cells := make([][]string, len(rows))
	widths := []int{}
	delimiter := make([]bool, len(rows))
	for i, r := range rows {
		row := strings.TrimSpace(text[r.start:r.end])
		if len(row) < 2 || !strings.HasSuffix(row, "|") || strings.Contains(row, "\\|") || strings.Contains(row, "`") {
			return nil, false
		}
		parts := strings.Split(row[1:len(row)-1], "|")
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
				widths[j] = max(widths[j], DisplayWidth(p))
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
				b.WriteString(strings.Repeat(" ", widths[j]-DisplayWidth(p)))
			}
			b.WriteString(" |")
		}
		if got := b.String(); got != text[r.start:r.end] {
			edits = append(edits, lint.Edit{Span: grammar.Span{Start: r.start, End: r.end}, NewText: got})
		}
	}
	return edits, true
}
