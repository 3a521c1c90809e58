package grammar

import (
	"sort"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Column checkpoints: CharPos and UTF16Pos count the characters between a
// line's start and an offset. On a long line with many findings (a 200 KB
// line of a repeated word) counting from the line start for each finding
// is quadratic, so a long line carries a mark every markStep bytes: the
// offset and the columns in code points and UTF-16 units there. A
// conversion counts from the last mark before its offset, at most markStep
// bytes. The marks lie on the boundaries of the runes decoded from the line
// start, which the decoding of any shorter prefix of the line shares, so
// the columns are the same as counting from the line start, even in text
// that is not valid UTF-8.
const (
	markStep = 256
	longLine = 4 * markStep // shorter lines are counted from their start
)

type posMarks struct {
	mu    sync.Mutex
	lines map[int]*lineMarks // the long lines asked about, by line
	last  atomic.Pointer[lineMarks]
}

// lineMarks are the checkpoints of one long line, made when it is first
// asked about: a report's findings are on a few of its lines, if any is
// long.
type lineMarks struct {
	line  int
	off   []int // ascending byte offsets in Text
	chars []int // column in code points at off
	units []int // column in UTF-16 code units at off
}

// of returns the marks of the long line l, Text[start:end].
func (m *posMarks) of(s *Source, l, start, end int) *lineMarks {
	if lm := m.last.Load(); lm != nil && lm.line == l {
		return lm
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	lm := m.lines[l]
	if lm == nil {
		lm = &lineMarks{line: l}
		if s.ValidUTF8 {
			lm.addValidMarks(s.Text, start, end)
		} else {
			lm.walk(s.Text, start, end)
		}
		if m.lines == nil {
			m.lines = map[int]*lineMarks{}
		}
		m.lines[l] = lm
	}
	m.last.Store(lm)
	return lm
}

// walk marks the line Text[start:end] decoding it character by character.
func (m *lineMarks) walk(text string, start, end int) {
	// nextColumns written out (as in countColumns): a call per
	// character was most of a crawled report's Source in a batch
	text = text[:end]
	chars, units, last := 0, 0, start
	for i := start; i < end; {
		c := text[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			units++
		case c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			i += 3
			units++
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			units += utf16Len(r)
		}
		chars++
		if i-last >= markStep {
			m.off = append(m.off, i)
			m.chars = append(m.chars, chars)
			m.units = append(m.units, units)
			last = i
		}
	}
}

// addValidMarks marks the line Text[start:end] of valid UTF-8 text where
// walk would: at the first character boundary markStep bytes or more after
// the last mark (valid, a boundary is any byte that is not a continuation
// byte), each piece's columns counted eight bytes at a time.
func (m *lineMarks) addValidMarks(text string, start, end int) {
	chars, units, last := 0, 0, start
	for last+markStep <= end {
		i := last + markStep
		for i < end && !utf8.RuneStart(text[i]) {
			i++
		}
		c, u := countValidColumns(text[last:i])
		chars, units = chars+c, units+u
		m.off = append(m.off, i)
		m.chars = append(m.chars, chars)
		m.units = append(m.units, units)
		last = i
	}
}

// markBefore returns the last checkpoint at or before off on line l (the
// line's start and zero columns when there is none).
func (s *Source) markBefore(l, off int) (from, chars, units int) {
	from = s.lines[l]
	end := len(s.Text)
	if l+1 < len(s.lines) {
		end = s.lines[l+1] - 1
	}
	if s.marks == nil || end-from < longLine {
		return from, 0, 0
	}
	m := s.marks.of(s, l, from, end)
	j := sort.SearchInts(m.off, off+1) - 1
	if j < 0 {
		return from, 0, 0
	}
	return m.off[j], m.chars[j], m.units[j]
}
