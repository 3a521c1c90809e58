package report

import (
	"bytes"
	"io"
)

// writeIndentedJSON writes compact JSON (as json.Marshal makes it) indented
// by two spaces, the bytes json.Indent(dst, src, "", "  ") makes, through
// the buffer of the json streams instead of a second copy of the whole
// document. json.Indent runs every byte through its validating scanner: for
// the SARIF of 2,000 reports (39 MB) that was more CPU than marshalling it.
// src must be valid JSON without space between tokens, as json.Marshal
// writes it.
func writeIndentedJSON(w io.Writer, src []byte) error {
	out := newFindingsWriter(w)
	b := out.buf
	depth, needIndent := 0, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			b = appendIndentNewline(b, depth)
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			b = append(b, src[i:end]...)
			i = end - 1
		case '{', '[':
			// an empty object or array stays {} or []
			needIndent = true
			b = append(b, c)
		case ',':
			b = appendIndentNewline(append(b, c), depth)
		case ':':
			b = append(b, ':', ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				b = appendIndentNewline(b, depth)
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
		if len(b) >= flushAt {
			out.buf = b
			if err := out.flush(); err != nil {
				return err
			}
			b = out.buf
		}
	}
	out.buf = b
	return out.flush()
}

func appendIndentNewline(b []byte, depth int) []byte {
	b = append(b, '\n')
	for range depth {
		b = append(b, ' ', ' ')
	}
	return b
}

// stringEnd is the offset after the closing quote of the string that
// opens at src[start].
func stringEnd(src []byte, start int) int {
	i := start + 1
	for {
		q := bytes.IndexByte(src[i:], '"')
		if q < 0 {
			return len(src)
		}
		i += q
		// the quote is escaped when an odd number of backslashes precede it
		n := 0
		for j := i - 1; j > start && src[j] == '\\'; j-- {
			n++
		}
		i++
		if n%2 == 0 {
			return i
		}
	}
}
