package grammar

import (
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refTrimmedLines is trimmedLines as it was when splitLines did not trim
// the lines: a pass of its own.
func refTrimmedLines(p *parser) ([]line, int) {
	trimmed, nonblank := make([]line, len(p.lines)), 0
	for li, ln := range p.lines {
		if p.mayTrim(ln.start, ln.end) {
			ln.start, ln.end = trimSpan(p.text, ln.start, ln.end)
		}
		trimmed[li] = ln
		if ln.start < ln.end {
			nonblank++
		}
	}
	return trimmed, nonblank
}

// refShortResidue is shortResidue as it was before pageNumberTail.
func refShortResidue(p *parser, li int, ln line, furniture map[int]bool) string {
	if furniture != nil && furniture[li] {
		return "page-number"
	}
	if ln.end-ln.start > 40 {
		return ""
	}
	s := p.text[ln.start:ln.end]
	if maybeExportMark(s) && strings.TrimSpace(s) == "正文" {
		return "export"
	}
	if len(s) > 0 && pageNumberLead[s[0]] && dashAfterSpaces(s) && maybePageNumber(s) && rePageNumber.MatchString(s) {
		return "page-number"
	}
	return ""
}

// The lines splitLines trims are trimmedLines' as its own pass trimmed them,
// and a short line is the residue it was before its last byte was looked
// at: on the real reports (LF and CRLF, from each of their first offsets),
// through a view of their own text and on random lines of page numbers'
// dashes, digits and spaces, tabs, U+3000, 𠀀, invalid UTF-8 and CRLF.
func TestLinePassesAsBefore(t *testing.T) {
	check := func(text string) {
		t.Helper()
		for _, srcLines := range []bool{true, false} {
			src := NewSource("r.txt", text)
			p := &parser{src: src, v: IdentityView(text), text: text, r: &Report{Source: src}, srcLines: srcLines}
			p.splitLines()
			got := p.trimmedLines()
			want, nonblank := refTrimmedLines(p)
			if !slices.Equal(got, want) || p.nonblankLines != nonblank {
				t.Fatalf("%q: trimmed %v (%d not blank), by a pass of their own %v (%d)", text, got, p.nonblankLines, want, nonblank)
			}
			for li, ln := range p.lines {
				if got, want := p.shortResidue(li, ln, nil), refShortResidue(p, li, ln, nil); got != want {
					t.Fatalf("shortResidue(%q) = %q, before %q", text[ln.start:ln.end], got, want)
				}
			}
		}
	}
	for _, path := range reportFiles(t) {
		raw, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for off := range min(len(raw), 8) {
			check(string(raw[off:]))
			check(strings.ReplaceAll(string(raw[off:]), "\n", "\r\n"))
		}
	}
	pieces := []string{"\n", "\r\n", " ", "\t", "\f", "\u3000", "\u00a0", "-", "—", "–", "－", "1", "23", "456", "正文", "正", "页",
		"𠀀", "\xff", "\xe2\x80", "\x93", "\x94", "\x80", "行政许可\t0"}
	rng := rand.New(rand.NewSource(97))
	for range 30000 {
		check(randomText(rng, pieces, rng.Intn(16)))
	}
}

// moreRunes answers as counting the runes for a text of n and n+1
// characters of every length, four bytes the longest: the length that
// tells more than n at once.
func TestMoreRunesByLength(t *testing.T) {
	for _, c := range []string{"a", "é", "表", "😀", "\xff"} {
		for _, n := range []int{0, 1, 25, 40} {
			for _, k := range []int{n - 1, n, n + 1} {
				if k < 0 {
					continue
				}
				s := strings.Repeat(c, k)
				if got, want := moreRunes(s, n), utf8.RuneCountInString(s) > n; got != want {
					t.Fatalf("moreRunes(%d × %q, %d) = %v", k, c, n, got)
				}
			}
		}
	}
}
