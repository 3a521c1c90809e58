package rules

// Go's RE2 engine has no fast skip to where a match could begin when a
// pattern starts with an alternation or a class: it steps the whole text
// through the pattern. The narrative patterns all begin with a few literal
// words or with a number, so a scan looks for those with strings.Index (or a
// byte loop for digits) and runs the pattern, anchored, only there. The
// result is exactly FindAllStringSubmatchIndex of the pattern (the tests
// compare the two on random texts).

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// startScan finds the matches of re, trying it only where a match can start.
type startScan struct {
	expr string // the pattern as written
	// at is the pattern anchored at the start of its input, compiled on
	// first use: a scan with a hand-written matcher never needs it, and the
	// 23 patterns took a third of the start-up's instructions
	at func() *regexp.Regexp
	// lits: every match begins with one of these words. digits: every match
	// begins with a run of [0-9０-９] that the rest of the pattern cannot
	// continue, so a match inside a run implies one at the run's start.
	lits   []string
	ks     []int // per literal, the byte searched for (searchOffset)
	digits bool
	// units, for a digits scan: the pattern continues the run with \s* and
	// one of these words; a run followed by anything else is not tried.
	units []string
	// may, when set, is an exact necessary condition for a match at p (a
	// few dozen bytes read instead of the anchored regexp's ~4 K
	// instructions); false means the pattern does not match at p.
	may func(text string, p int) bool
	// match, when set, is the anchored pattern's submatch indexes at p
	// (offsets from p), or nil, worked out by hand for a pattern simple
	// enough (TestHandMatchersAreTheRegexps compares the two).
	match func(text string, p int) []int
}

// scanFrom builds the scan of a pattern whose every match begins with one of
// lits; the pattern must not use ^, $, \A, \z, \b or \B (the anchored copy
// runs on a suffix of the text, which would change what they see).
func scanFrom(expr string, lits ...string) *startScan {
	ks := make([]int, len(lits))
	for i, lit := range lits {
		ks[i] = searchOffset(lit)
	}
	return &startScan{expr: expr, at: anchored(expr), lits: lits, ks: ks}
}

// searchOffset is the byte of word w a scan searches for (indexWordBy's
// k): its third, as indexWord's, but its second when the third is A1, the
// last byte of 信 (信息) and the second of 行 (进行, 行政): 没有 is searched
// by B2, 条 by 9D.
func searchOffset(w string) int {
	if len(w) >= 3 && w[0] >= utf8.RuneSelf && w[2] == 0xA1 {
		return 1
	}
	return 0
}

// scanFromNumber builds the scan of a pattern that begins with
// ([0-9０-９]+)\s*(unit|unit…) (same limits).
func scanFromNumber(expr string, units ...string) *startScan {
	return &startScan{expr: expr, at: anchored(expr), digits: true, units: units}
}

// anchored compiles expr anchored at the start of its input when first
// called (the tests compile every scan's pattern).
func anchored(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:` + expr + `)`) })
}

// Find returns what FindStringSubmatchIndex of the pattern returns.
func (s *startScan) Find(text string) []int {
	var first [1][]int // the one match: no list allocated for it
	if ms := s.findAll(text, 1, first[:0]); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

// FindAll returns what FindAllStringSubmatchIndex(text, -1) of the pattern returns.
func (s *startScan) FindAll(text string) [][]int { return s.findAll(text, -1, nil) }

// FindAllIf is FindAll when may is true and nil otherwise: the caller has
// found that text lacks a word every match holds.
func (s *startScan) FindAllIf(may bool, text string) [][]int {
	if !may {
		return nil
	}
	return s.findAll(text, -1, nil)
}

// findAll returns the first n matches (all when n < 0), appended to out
// (nil, or an empty array with room for them).
// None of the patterns matches the empty string, so after a match the next
// one may start where it ended.
func (s *startScan) findAll(text string, n int, out [][]int) [][]int {
	var buf [12]int // more than the most literals a pattern has (reReceived: 6)
	var next []int  // per literal: its next offset at or after the last query, -1 when none is left
	if !s.digits {
		next = buf[:0]
		if len(s.lits) > len(buf) {
			next = make([]int, 0, len(s.lits))
		}
		for range s.lits {
			next = append(next, -2) // not looked up yet
		}
	}
	p := s.candidate(text, 0, next)
	for p >= 0 && len(out) != n {
		var m []int
		if (!s.digits || s.unitAfter(text, digitRunEnd(text, p))) && (s.may == nil || s.may(text, p)) {
			if s.match != nil {
				m = s.match(text, p)
			} else {
				m = s.at().FindStringSubmatchIndex(text[p:])
			}
		}
		if m == nil {
			if s.digits {
				// a run that does not match at its start (or at the end of
				// the last match) does not match anywhere inside
				p = s.candidate(text, digitRunEnd(text, p), next)
			} else {
				p = s.candidate(text, p+1, next)
			}
			continue
		}
		for j := range m {
			if m[j] >= 0 {
				m[j] += p
			}
		}
		if out == nil {
			out = make([][]int, 0, 2) // a text that matches often matches twice: one allocation, not two
		}
		out = append(out, m)
		p = s.candidate(text, m[1], next)
	}
	return out
}

// candidate returns the first offset at or after from where a match can
// start, or -1.
func (s *startScan) candidate(text string, from int, next []int) int {
	if from > len(text) {
		return -1
	}
	if s.digits {
		return nextDigit(text, from)
	}
	best := -1
	for i, lit := range s.lits {
		if next[i] == -1 {
			continue // no more occurrences
		}
		if next[i] < from {
			j := indexWordBy(text[from:], lit, s.ks[i])
			if j < 0 {
				next[i] = -1
				continue
			}
			next[i] = from + j
		}
		if best < 0 || next[i] < best {
			best = next[i]
		}
	}
	return best
}

// unitAfter reports whether text[i:] starts with \s* (RE2's [\t\n\f\r ]) and
// one of the scan's units.
func (s *startScan) unitAfter(text string, i int) bool {
	i = skipSpace(text, i)
	for _, u := range s.units {
		if strings.HasPrefix(text[i:], u) {
			return true
		}
	}
	return false
}

// digitAt returns the length of the digit ([0-9] or full-width ０-９) at i,
// or 0.
func digitAt(text string, i int) int {
	switch c := text[i]; {
	case c >= '0' && c <= '9':
		return 1
	case c == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && text[i+2] >= 0x90 && text[i+2] <= 0x99:
		return 3 // U+FF10–U+FF19
	}
	return 0
}

// nextDigit returns the offset of the first digit at or after i, or -1. The
// bytes tested never continue a character, so a hit starts one.
func nextDigit(text string, i int) int {
	for i < len(text) {
		// eight bytes at a time past those that hold no byte up to '9'
		// and no 0xEF (most of Chinese text), else byte by byte
		if i+8 <= len(text) && mayBeginDigit(load64(text[i:])) == 0 {
			i += 8
			continue
		}
		for end := min(i+8, len(text)); i < end; i++ {
			if c := text[i]; (c <= '9' || c == 0xEF) && digitAt(text, i) > 0 {
				return i
			}
		}
	}
	return -1
}

// mayBeginDigit is not zero when a byte of w is below ':' or is 0xEF (the
// first bytes of [0-9] and ０-９); a borrow may set bits above such a byte,
// never where there is none.
func mayBeginDigit(w uint64) uint64 {
	below := (w - ones64*':') &^ w
	ef := w ^ (ones64 * 0xEF)
	return (below | (ef-ones64)&^ef) & highs
}

// digitRunEnd returns the end of the run of digits starting at i.
func digitRunEnd(text string, i int) int {
	for i < len(text) {
		n := digitAt(text, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}
