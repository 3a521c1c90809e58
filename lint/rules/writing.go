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
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/gdlint/gdlint/grammar"
)

// quote shortens s to n characters for a message, collapsing whitespace:
// the words of s (between runs of isSpaceRune) joined by one space, and,
// when that is longer than n characters, its first n with each byte that
// is not UTF-8 as U+FFFD (as string([]rune(…)[:n]) has them) and "…".
// Built in one buffer: the fields, the join and the runes were five
// allocations a finding. Read only up to the n+1st character: a residue
// can be a long run of a web page's text.
func quote(s string, n int) string {
	var arr [128]byte // on the stack: the string made of it is the one allocation
	buf := arr[:0]
	runes := 0
	space := false  // a run of spaces since the last word
	cut := false    // more than n characters: buf holds the first n
	broken := false // buf holds a byte that is not UTF-8
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		if isSpaceRune(r) {
			space = len(buf) > 0
		} else {
			if space {
				if runes == n {
					cut = true
					break
				}
				buf = append(buf, ' ')
				runes++
				space = false
			}
			if runes == n {
				cut = true
				break
			}
			if size == 3 {
				buf = append(buf, s[i], s[i+1], s[i+2]) // no call to copy three bytes
			} else {
				buf = append(buf, s[i:i+size]...)
				broken = broken || r == utf8.RuneError && size == 1
			}
			runes++
		}
		i += size
	}
	if !cut {
		return string(buf)
	}
	if !broken {
		return string(append(buf, "…"...)) // its runes are its bytes
	}
	out := make([]byte, 0, 3*n+len("…"))
	for i, k := 0, 0; k < n; k++ {
		r, size := utf8.DecodeRune(buf[i:])
		out = utf8.AppendRune(out, r)
		i += size
	}
	return string(append(out, "…"...))
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
	for _, h := range r.Headings {
		if h != sec.Heading && h.Span.Start >= sec.Span.Start && h.Span.Start < sec.Span.End {
			n += len(h.Text)
		}
	}
	text.Grow(n) // one allocation: the first heading written grew it again
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

// sectionHasWord is strings.Contains(sectionText(r, sec), w) for some w
// of words, none longer than 64 bytes, without the text built: each piece
// is searched, and each join between pieces in the bytes before it (the
// last a word can start in) and its first ones.
func sectionHasWord(r *grammar.Report, sec *grammar.Section, words []string) bool {
	keep := 0 // the most bytes of a word before a join
	for _, w := range words {
		keep = max(keep, len(w)-1)
	}
	var buf [128]byte
	if keep > len(buf)/2 {
		panic("sectionHasWord: a word longer than 64 bytes")
	}
	tail := 0 // buf[:tail]: the last keep bytes of the text before the piece
	has := func(t string) bool {
		n := tail + copy(buf[tail:], t[:min(len(t), keep)])
		joined := unsafe.String(&buf[0], n) // read before buf is written again
		for _, w := range words {
			if strings.Contains(t, w) || strings.Contains(joined, w) {
				return true
			}
		}
		if len(t) >= keep {
			tail = copy(buf[:], t[len(t)-keep:])
		} else {
			tail = copy(buf[:], joined[max(0, n-keep):])
		}
		return false
	}
	for _, p := range r.Paragraphs {
		if p.Span.Start >= sec.Span.Start && p.Span.Start < sec.Span.End {
			if t, _ := paraText(r, p); has(t) {
				return true
			}
		}
	}
	for _, h := range r.Headings {
		if h != sec.Heading && h.Span.Start >= sec.Span.Start && h.Span.Start < sec.Span.End && has(h.Text) {
			return true
		}
	}
	return false
}

// sectionHasContent tells whether sectionText(r, sec) holds n bytes or more
// of runes that neither strings.TrimSpace nor a trim of 。 and . removes:
// then no trim of it is shorter than n bytes. The text is not built, and
// is read only until the n-th byte.
func sectionHasContent(r *grammar.Report, sec *grammar.Section, n int) bool {
	count := func(t string) bool {
		for i := 0; i < len(t); {
			c, w := utf8.DecodeRuneInString(t[i:])
			i += w
			if !unicode.IsSpace(c) && c != '。' && c != '.' {
				if n -= w; n <= 0 {
					return true
				}
			}
		}
		return false
	}
	for _, p := range r.Paragraphs {
		if p.Span.Start >= sec.Span.Start && p.Span.Start < sec.Span.End {
			if t, _ := paraText(r, p); count(t) {
				return true
			}
		}
	}
	for _, h := range r.Headings {
		if h != sec.Heading && h.Span.Start >= sec.Span.Start && h.Span.Start < sec.Span.End && count(h.Text) {
			return true
		}
	}
	return false
}
