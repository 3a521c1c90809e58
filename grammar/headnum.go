package grammar

import (
	"strings"
	"unicode/utf8"
)

// Hand-written matchers for the heading numberings. Each returns what the
// regular expression named after it (parse.go) returns from
// FindStringSubmatchIndex, nil when it does not match; the test
// TestHeadingMatchersAgreeWithRegexps compares them on every line of the
// seeds, the corpus and the test data, and a fuzz test on any text. They
// exist because the regexps' backtracker cleared a bit vector as long as the
// line for every line that starts like a heading: a quarter of the parse.
//
// The patterns have one shape: an optional Markdown marker
// (#{1,6}[ws]*), a run of numerals of bounded length, and separators with
// whitespace around them. Because no class that follows a greedy run can
// match the run's own characters, the greedy choice is the only one that can
// succeed, so a single forward scan gives the regexp's leftmost-first
// answer.

// isHeadingSpace is [\s\x{00A0}\x{3000}]: \s is ASCII only in Go's regexp.
func isHeadingSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\f', '\r', ' ', '\u00a0', '\u3000':
		return true
	}
	return false
}

// skipHeadingSpace returns the offset after the heading spaces at i.
func skipHeadingSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isHeadingSpace(r) {
			break
		}
		i += n
	}
	return i
}

// hashRun is the number of '#' at the start of s.
func hashRun(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	return n
}

// markdownMarker matches the optional group (#{1,6}[ws]*) at the start of
// s: ok is false when s starts with more than six '#' (no pattern can
// match then); end is -1 when there is no marker.
func markdownMarker(s string) (end int, ok bool) {
	n := hashRun(s)
	if n == 0 {
		return -1, true
	}
	if n > 6 {
		return -1, false
	}
	return skipHeadingSpace(s, n), true
}

// runOf returns the end of the run of runes in set starting at i and its
// length in runes.
func runOf(s string, i int, in func(rune) bool) (end, count int) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !in(r) {
			break
		}
		i += n
		count++
	}
	return i, count
}

// oneOf consumes one rune of set at i, returning the offset after it or -1.
func oneOf(s string, i int, set string) int {
	if i >= len(s) {
		return -1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError || !strings.ContainsRune(set, r) {
		return -1
	}
	return i + n
}

func isHeadingCNNumeral(r rune) bool { return isCNNumeralRune(r) }

func isHeadingDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// numberedHeadingIndex matches: marker, [open], numerals (1..maxRun of
// numeral), spaces, one rune of sep, spaces. open may be "" (none).
func numberedHeadingIndex(s, open string, numeral func(rune) bool, maxRun int, sep string) []int {
	g1, ok := markdownMarker(s)
	if !ok {
		return nil
	}
	i := 0
	if g1 >= 0 {
		i = g1
	}
	if open != "" {
		if i = oneOf(s, i, open); i < 0 {
			return nil
		}
		i = skipHeadingSpace(s, i)
	}
	numStart := i
	numEnd, count := runOf(s, i, numeral)
	if count == 0 || count > maxRun {
		return nil
	}
	i = skipHeadingSpace(s, numEnd)
	if i = oneOf(s, i, sep); i < 0 {
		return nil
	}
	i = skipHeadingSpace(s, i)
	m := []int{0, i, -1, -1, numStart, numEnd}
	if g1 >= 0 {
		m[2], m[3] = 0, g1
	}
	return m
}

// cnHeadingIndex is reCNHeading.FindStringSubmatchIndex(s).
func cnHeadingIndex(s string) []int {
	return numberedHeadingIndex(s, "", isHeadingCNNumeral, 3, "、．.，,")
}

// parenHeadingIndex is reParenHeading.FindStringSubmatchIndex(s).
func parenHeadingIndex(s string) []int {
	m := numberedHeadingIndex(s, "（(", isHeadingCNNumeral, 3, "）)")
	return m
}

// arabicHeadingIndex is reArabicHeading.FindStringSubmatchIndex(s).
func arabicHeadingIndex(s string) []int {
	return numberedHeadingIndex(s, "", isHeadingDigit, 2, ".．、")
}

// markdownIndex is reMarkdown.FindStringSubmatchIndex(s): #{1,6} then at
// least one ASCII space.
func markdownIndex(s string) []int {
	n := hashRun(s)
	if n == 0 || n > 6 {
		return nil
	}
	i := n
	for i < len(s) && (s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r' || s[i] == ' ') {
		i++
	}
	if i == n {
		return nil
	}
	return []int{0, i, 0, n}
}
