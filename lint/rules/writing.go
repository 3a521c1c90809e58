package rules

// Helpers of the writing rules (GD-W, one file each: gd_w*.go): what a careful proof-reader catches in the prose —
// the fee statement section 六 must make, leftovers of a web page or an
// export, doubled words, half-width punctuation and stray spaces inside
// Chinese text, broken enumerations, paragraphs broken mid-sentence.
// They read paragraphs and headings only: table cells and heading numbering
// belong to the table and structure rules.

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
)

// quote shortens s to n characters for a message, collapsing whitespace.
func quote(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return isSpaceRune(r) }), " ")
	if utf8.RuneCountInString(s) > n {
		rs := []rune(s)
		return string(rs[:n]) + "…"
	}
	return s
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', 0xA0, 0x3000, 0xFEFF, 0x200B:
		return true
	}
	return false
}

var reDoubledWord = regexp.MustCompile(`\p{Han}{2}`)

// sectionText is the prose and sub-heading text of a section as read.
func sectionText(r *grammar.Report, sec *grammar.Section) string {
	var text strings.Builder
	n := 0
	for _, p := range r.Paragraphs {
		if p.Span.Start >= sec.Span.Start && p.Span.Start < sec.Span.End {
			t, _ := paraText(r, p)
			n += len(t)
		}
	}
	text.Grow(n) // one allocation for the paragraphs (headings are short)
	for _, p := range r.Paragraphs {
		if p.Span.Start >= sec.Span.Start && p.Span.Start < sec.Span.End {
			t, _ := paraText(r, p)
			text.WriteString(t)
		}
	}
	for _, h := range r.Headings {
		if h != sec.Heading && h.Span.Start >= sec.Span.Start && h.Span.Start < sec.Span.End {
			text.WriteString(h.Text)
		}
	}
	return text.String()
}
