package grammar

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

// skipHeadingSpace returns the offset after the heading spaces at i. It
// compares bytes: U+00A0 and U+3000 are found only where they stand, also
// in invalid UTF-8 (their first bytes are lead bytes).
func skipHeadingSpace(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ':
			i++
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
			i += 2
		case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80:
			i += 3
		default:
			return i
		}
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

// numbering is one of the three heading numberings: 一、, （一）, 1.
type numbering uint8

const (
	cnNumbering numbering = iota
	parenNumbering
	arabicNumbering
)

// headingMatch is what a matcher's regexp returns from
// FindStringSubmatchIndex, in an array: the parser asks for it on every line
// that starts like a heading, and a slice was an allocation each time.
type headingMatch [6]int

// numeralAt returns the byte length of the numeral of kind k at s[i] (a
// Chinese numeral, or an ASCII or full-width digit), 0 when there is none.
// It compares bytes: a whole character's UTF-8 at a lead byte is that
// character, also in invalid UTF-8.
func numeralAt(s string, i int, k numbering) int {
	c := s[i]
	if k == arabicNumbering {
		switch {
		case c >= '0' && c <= '9':
			return 1
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99: // ０-９
			return 3
		}
		return 0
	}
	// 一…十 lie in U+4E00–U+56DB (一 U+4E00 to 四 U+56DB): lead byte E4 or E5
	if (c == 0xE4 || c == 0xE5) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
		isCNNumeralRune(rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)) {
		return 3
	}
	return 0
}

// openAt returns the offset after the opening bracket （ or ( at s[i], or -1.
func openAt(s string, i int) int {
	switch {
	case i >= len(s):
	case s[i] == '(':
		return i + 1
	case s[i] == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] == 0x88: // （
		return i + 3
	}
	return -1
}

// separatorAt returns the offset after the separator of kind k at s[i], or
// -1: 、．.，, after 一, ）) after （一, .．、 after 1.
func separatorAt(s string, i int, k numbering) int {
	if i >= len(s) {
		return -1
	}
	c := s[i]
	switch k {
	case cnNumbering:
		if c == '.' || c == ',' {
			return i + 1
		}
	case parenNumbering:
		if c == ')' {
			return i + 1
		}
	default:
		if c == '.' {
			return i + 1
		}
	}
	if i+2 >= len(s) {
		return -1
	}
	c1, c2 := s[i+1], s[i+2]
	switch {
	case c == 0xE3 && c1 == 0x80 && c2 == 0x81: // 、
		if k != parenNumbering {
			return i + 3
		}
	case c == 0xEF && c1 == 0xBC && c2 == 0x8E: // ．
		if k != parenNumbering {
			return i + 3
		}
	case c == 0xEF && c1 == 0xBC && c2 == 0x8C: // ，
		if k == cnNumbering {
			return i + 3
		}
	case c == 0xEF && c1 == 0xBC && c2 == 0x89: // ）
		if k == parenNumbering {
			return i + 3
		}
	}
	return -1
}

// headingNumber matches numbering k at the start of s: marker, [opening
// bracket], numerals (one to three, or one or two digits), spaces, one
// separator, spaces.
func headingNumber(s string, k numbering) (headingMatch, bool) {
	g1, ok := markdownMarker(s)
	if !ok {
		return headingMatch{}, false
	}
	i := max(g1, 0)
	if k == parenNumbering {
		if i = openAt(s, i); i < 0 {
			return headingMatch{}, false
		}
		i = skipHeadingSpace(s, i)
	}
	numStart := i
	count := 0
	for i < len(s) {
		n := numeralAt(s, i, k)
		if n == 0 {
			break
		}
		i += n
		count++
	}
	maxRun := 3
	if k == arabicNumbering {
		maxRun = 2
	}
	if count == 0 || count > maxRun {
		return headingMatch{}, false
	}
	numEnd := i
	i = skipHeadingSpace(s, numEnd)
	if i = separatorAt(s, i, k); i < 0 {
		return headingMatch{}, false
	}
	i = skipHeadingSpace(s, i)
	m := headingMatch{0, i, -1, -1, numStart, numEnd}
	if g1 >= 0 {
		m[2], m[3] = 0, g1
	}
	return m, true
}

// index is m as FindStringSubmatchIndex returns it.
func (m headingMatch) index(ok bool) []int {
	if !ok {
		return nil
	}
	return m[:]
}

// cnHeadingIndex is reCNHeading.FindStringSubmatchIndex(s).
func cnHeadingIndex(s string) []int { return headingMatch.index(headingNumber(s, cnNumbering)) }

// parenHeadingIndex is reParenHeading.FindStringSubmatchIndex(s).
func parenHeadingIndex(s string) []int { return headingMatch.index(headingNumber(s, parenNumbering)) }

// arabicHeadingIndex is reArabicHeading.FindStringSubmatchIndex(s).
func arabicHeadingIndex(s string) []int {
	return headingMatch.index(headingNumber(s, arabicNumbering))
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
