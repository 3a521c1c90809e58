package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

var fullWidth = map[byte]string{',': "，", ';': "；", ':': "：", '?': "？", '!': "！", '(': "（", ')': "）"}

// punctuationEdits convert the ASCII punctuation of the line [start, end)
// that follows Chinese text or precedes it, and brackets that hold Chinese
// (as GD-W004 reports them: "附件(1)" keeps its brackets). Inline code (Markdown `...`) and
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
					if i > 0 && line[i-1] == ']' {
						break // a Markdown link's address: [文字](地址)
					}
					if closeAt := matchParen(line, i); closeAt > 0 && strings.IndexFunc(line[i+1:closeAt], isHan) >= 0 {
						edits = append(edits, lint.Edit{Span: grammar.Span{Start: start + i, End: start + i + 1}, NewText: fw},
							lint.Edit{Span: grammar.Span{Start: start + closeAt, End: start + closeAt + 1 + spacesAfter(line[closeAt+1:])}, NewText: "）"})
					}
				case ')':
					// converted with its opening parenthesis
				default:
					next, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[i+size:], " \t"))
					if isCJK(prev) || isCJK(next) {
						edits = append(edits, lint.Edit{Span: grammar.Span{Start: start + i, End: start + i + 1 + spacesAfter(line[i+size:])}, NewText: fw})
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

// spacesAfter is the length of the ASCII spaces at the start of s when
// text follows them on the line: full-width punctuation carries its own
// space ("发布时间: 2022-02-08" becomes "发布时间：2022-02-08", and
// "地址: 平潭" not "地址： 平潭", a space GD-W005 reports).
func spacesAfter(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	if n == len(s) {
		return 0
	}
	return n
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
