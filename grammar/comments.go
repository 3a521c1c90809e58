package grammar

import "strings"

// maskComments blanks HTML comments (<!-- … -->) in plain text and Markdown
// so that the parser reads them as whitespace: a suppression comment such as
// <!-- gdlint-disable-next-line GD-A001 --> may sit between table rows
// without becoming a cell. Bytes are replaced one for one (line breaks kept),
// so every offset of the masked text is the same offset of the source.
func maskComments(text string) string {
	i := strings.Index(text, "<!--")
	if i < 0 {
		return text
	}
	b := []byte(text)
	for i >= 0 {
		end := strings.Index(text[i+4:], "-->")
		stop := len(text)
		if end >= 0 {
			stop = i + 4 + end + 3
		}
		for j := i; j < stop; j++ {
			if b[j] != '\n' && b[j] != '\r' {
				b[j] = ' '
			}
		}
		if end < 0 {
			break
		}
		next := strings.Index(text[stop:], "<!--")
		if next < 0 {
			break
		}
		i = stop + next
	}
	return string(b)
}
