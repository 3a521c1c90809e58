package rules

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W006", Name: "enumeration-gap", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "列举序号跳号或重复（一是…三是，（一）（三））",
		SummaryEN: "an enumeration skips or repeats a number",
		Explanation: `“一是、二是、三是……”和小标题“（一）（二）（三）”“1. 2. 3.”应连续编号。
报告的位置是打破顺序的那个序号：“一是…三是”中的“三是”；“一是…三是…三是”中的第一个“三是”（第二个“三是”
按位置已是第三项，不再报告）。

范围：“一是”序列在每个标题下重新计数，遇到新的“一是”也重新开始；“（一）”序列在每个一级标题下计数，
“1.”序列在每个“（一）”下计数。

依据：各地编制通知要求“格式规范”（spec §7）。修复：仅在后续序号支持时提供手动修复（改为应有的序号）。`,
		ExplanationEN: `“一是、二是、三是……” and subheadings “（一）（二）（三）” or “1. 2. 3.” should be numbered without gaps or repeats. The
finding is at the number that breaks the order: “三是” in “一是…三是”; the first “三是” in “一是…三是…三是” (by its
position the second “三是” is the third item and is not reported).

Scope: a “一是” series is counted afresh under each heading, and starts again at each new “一是”; a “（一）” series is
counted under each top-level heading, a “1.” series under each “（一）”.

Basis: local compilation notices require “格式规范” (proper format) (spec §7). Fix: a manual fix (to the expected
number) is offered only when the numbers that follow support it.`,
		Check: checkEnumeration,
	})
}

// cnNumber reads a numeral of one to three characters (一..十, 两; up to 99).
func cnNumber(s string) int {
	var rs [3]rune
	n := 0
	for _, r := range s {
		if n == len(rs) {
			return 0 // longer than any numeral read here
		}
		rs[n] = r
		n++
	}
	switch n {
	case 1:
		if rs[0] == '十' {
			return 10
		}
		return cnDigit(rs[0])
	case 2:
		if rs[0] == '十' {
			return 10 + cnDigit(rs[1])
		}
		if rs[1] == '十' {
			return cnDigit(rs[0]) * 10
		}
	case 3:
		if rs[1] == '十' {
			return cnDigit(rs[0])*10 + cnDigit(rs[2])
		}
	}
	return 0
}

// cnDigit maps 一..九 (and 两) to their value, anything else to 0.
func cnDigit(r rune) int {
	switch r {
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return 0
}

// cnNumeral writes 1..99 in Chinese numerals.
func cnNumeral(n int) string {
	if n <= 10 {
		return grammar.CNNumeral(n)
	}
	tens, ones := n/10, n%10
	s := "十"
	if tens > 1 {
		s = grammar.CNNumeral(tens) + s
	}
	if ones > 0 {
		s += grammar.CNNumeral(ones)
	}
	return s
}

// enumerators returns what reEnumerator.FindAllStringSubmatchIndex(text, -1)
// returns (the pattern is in the tests: finds 一是, 二是 … after punctuation
// or at the start, or — for 一是 only — glued to a sub-heading a crawler
// flattened, "建设方面一是"), without running the pattern over the whole
// text: a match is one rune (or the text start), one to three numerals and
// 是, so it starts either at 0 or one rune before numerals that end at a 是.
// It is tried at those places only (enumeratorAt), in increasing order,
// each at most once.
func enumerators(text string) [][]int {
	out, _ := appendEnumerators(nil, nil, text)
	return out
}

// appendEnumerators appends enumerators(text) to out, their offsets to ints
// (six each), and returns both: a run that keeps no value reads the matches
// of one text before it asks for the next, in the arrays of the last.
func appendEnumerators(out [][]int, ints []int, text string) ([][]int, []int) {
	pos := 0 // the end of the last match: the next one starts here or later
	for from := 0; ; {
		// searched by 是's second byte (98): its last, AF, ends 息 of
		// 信息 and 软 too
		i := indexWordBy(text[from:], "是", 1)
		if i < 0 {
			return out, ints
		}
		e := from + i
		from = e + len("是")
		k := 0 // numerals just before 是 (each three bytes), at most 3
		for k < 3 && e-3*(k+1) >= 0 && isEnumNumeral(text[e-3*(k+1):e-3*k]) {
			k++
		}
		last := -1
		for ; k >= 1; k-- {
			n := e - 3*k // the first numeral
			s := 0
			if n > 0 {
				_, size := decodeLastRune(text, n)
				s = n - size
			}
			if s < pos || s == last {
				continue
			}
			last = s
			m6, ok := enumeratorAt(text, s)
			if !ok {
				continue
			}
			if cap(out) == 0 {
				out = make([][]int, 0, 2) // one allocation for two, not two
				ints = make([]int, 0, 2*len(m6))
			}
			ints = append(ints, m6[:]...)
			m := ints[len(ints)-len(m6) : len(ints) : len(ints)]
			out = append(out, m)
			pos = m[1]
			break
		}
	}
}

// enumeratorAt returns what reEnumerator anchored at s finds (without its
// ^ alternative but at 0), offsets in text: read by hand, the anchored
// patterns cost more than the rest of the search. The first alternative
// that leads to a match wins, as in the pattern: at 0 the empty ^, then a
// mark, then any rune not in enumBlockers (group 1).
func enumeratorAt(text string, s int) ([6]int, bool) {
	if s == 0 {
		if end, ok := numeralsThenShi(text, 0); ok {
			return [6]int{0, end, -1, -1, 0, end - len("是")}, true
		}
	}
	if s >= len(text) {
		return [6]int{}, false
	}
	r, size := decodeRune(text, s) // a byte of invalid UTF-8 is a rune of one byte, as for the pattern
	end, ok := numeralsThenShi(text, s+size)
	switch {
	case !ok:
		return [6]int{}, false
	case enumMark(r):
		return [6]int{s, end, -1, -1, s + size, end - len("是")}, true
	case !strings.ContainsRune(enumBlockers, r):
		return [6]int{s, end, s, s + size, s + size, end - len("是")}, true
	}
	return [6]int{}, false
}

// enumBlockers are the characters before a numeral that make 一是 part of
// a word (统一是, 第一是).
const enumBlockers = "统唯之第同万专单划均整逐其归合纯为"

// enumMark reports the marks of reEnumerator's [。；;：:，,、\s“）)].
func enumMark(r rune) bool {
	switch r {
	case '。', '；', ';', '：', ':', '，', ',', '、', '\t', '\n', '\f', '\r', ' ', '“', '）', ')':
		return true
	}
	return false
}

// numeralsThenShi matches [一二三四五六七八九十]{1,3}是 at i: the offset after
// 是. The numerals are taken greedily, and fewer than all of a run are
// followed by a numeral, not 是: only a run of one to three matches.
func numeralsThenShi(text string, i int) (int, bool) {
	n := 0
	for i+3*n+3 <= len(text) && isEnumNumeral(text[i+3*n:i+3*n+3]) {
		n++
	}
	j := i + 3*n
	if n == 0 || n > 3 || !strings.HasPrefix(text[j:], "是") {
		return 0, false
	}
	return j + len("是"), true
}

func isEnumNumeral(s string) bool {
	switch s {
	case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十":
		return true
	}
	return false
}

type enumItem struct {
	value int
	span  grammar.Span // the numeral and 是
	num   grammar.Span // the numeral; for a heading's number, found when a fix needs it (numeralSpan)
	head  bool
}

func checkEnumeration(c *lint.Context) {
	checkShiSequences(c)
	checkSubheadingNumbers(c)
}

// enumPiece is a paragraph or a heading's text, where 一是 sequences run.
type enumPiece struct {
	span    grammar.Span // in the source, for ordering
	text    string       // as read
	at      int          // view offset of text; -1 when it cannot be mapped
	heading *grammar.Heading
}

// eachEnumPiece calls f with the paragraphs and heading texts in document
// order, each made as it is read: GD-W006 reads them once, in order.
func eachEnumPiece(r *grammar.Report, f func(enumPiece)) {
	// paragraphs, then headings, stably sorted by start: both lists are in
	// document order, so a merge (paragraphs first on a tie) gives the same
	// order as a stable sort; the sort remains for lists out of order
	ps, hs := r.Paragraphs, r.Headings
	identity := identityView(r)
	if !slices.IsSortedFunc(ps, func(a, b *grammar.Paragraph) int { return cmp.Compare(a.Span.Start, b.Span.Start) }) ||
		!slices.IsSortedFunc(hs, func(a, b *grammar.Heading) int { return cmp.Compare(a.TextSpan.Start, b.TextSpan.Start) }) {
		pieces := make([]enumPiece, 0, len(ps)+len(hs))
		for _, p := range ps {
			pieces = append(pieces, paraPiece(r, p))
		}
		for _, h := range hs {
			pieces = append(pieces, headingPiece(r, h, identity))
		}
		sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].span.Start < pieces[j].span.Start })
		for _, pc := range pieces {
			f(pc)
		}
		return
	}
	i, j := 0, 0
	for i < len(ps) || j < len(hs) {
		if j == len(hs) || i < len(ps) && ps[i].Span.Start <= hs[j].TextSpan.Start {
			f(paraPiece(r, ps[i]))
			i++
		} else {
			f(headingPiece(r, hs[j], identity))
			j++
		}
	}
}

func paraPiece(r *grammar.Report, p *grammar.Paragraph) enumPiece {
	text, at := paraText(r, p)
	return enumPiece{span: p.Span, text: text, at: at}
}

// headingPiece is a heading's text; identity: the view is the source.
func headingPiece(r *grammar.Report, h *grammar.Heading, identity bool) enumPiece {
	pc := enumPiece{span: h.TextSpan, text: h.Text, at: -1, heading: h}
	if identity {
		pc.text, pc.at = r.Source.Slice(h.TextSpan), h.TextSpan.Start
	}
	return pc
}

var enumeratorsKey = lint.NewTextKey[[][]int]("enumerators")

// enumeratorsOf is enumerators(text), kept across an editor's runs by the
// text of each paragraph or heading (the search for 是 is slow in Chinese
// text: its first byte begins thousands of other characters).
func enumeratorsOf(c *lint.Context, text string, buf *enumBuf) [][]int {
	if !c.KeepsValues() {
		buf.ms, buf.ints = appendEnumerators(buf.ms[:0], buf.ints[:0], text)
		return buf.ms
	}
	if ms, ok := lint.Recall(c, enumeratorsKey, text); ok {
		return ms
	}
	ms := enumerators(text)
	lint.Keep(c, enumeratorsKey, text, ms)
	return ms
}

// enumBuf is where enumeratorsOf finds the matches of each text in a run
// that keeps none: one pair of arrays for the run (from enumBufs), not two
// for each text with a match.
type enumBuf struct {
	ms   [][]int
	ints []int
}

var enumBufs = sync.Pool{New: func() any { return new(enumBuf) }}

// enumeratorNearStart reports whether a match of enumerators can have its
// numerals within text's first four bytes (at 0, or after a mark of up to
// three bytes), as a heading's sequence needs: then its 是, after one to
// three numerals, ends by byte 15.
func enumeratorNearStart(text string) bool {
	return indexWordBy(text[:min(len(text), 15)], "是", 1) >= 0
}

// checkShiSequences checks the 一是、二是 sequences, reset at every heading
// that is not itself an item and at every table.
func checkShiSequences(c *lint.Context) {
	r := c.Report
	var seqBuf [16]enumItem // a sequence is a few items: on the stack
	seq := seqBuf[:0]
	flush := func() {
		if len(seq) > 1 { // (a first item is never a gap)
			checkSequence(c, seq, "是")
		}
		seq = seq[:0]
	}
	prevEnd := 0
	buf := enumBufs.Get().(*enumBuf)
	defer enumBufs.Put(buf)
	eachEnumPiece(r, func(pc enumPiece) {
		if tableBetween(r, prevEnd, pc.span.Start) {
			flush()
		}
		prevEnd = pc.span.End
		text := pc.text
		if pc.heading != nil && (pc.at < 0 || !enumeratorNearStart(text)) {
			flush() // as below, without a search of the heading
			return
		}
		ms := enumeratorsOf(c, text, buf)
		if pc.heading != nil && (len(ms) == 0 || ms[0][4] > 3) {
			flush()
			return
		}
		for _, m := range ms {
			v := cnNumber(text[m[4]:m[5]])
			if v == 0 || m[2] >= 0 && v != 1 {
				continue
			}
			if v == 1 {
				flush()
			}
			seq = append(seq, enumItem{value: v,
				span: srcSpan(r, pc.at+m[4], pc.at+m[1]),
				num:  srcSpan(r, pc.at+m[4], pc.at+m[5])})
		}
	})
	flush()
}

// checkSubheadingNumbers checks the numbered sub-headings: （一） within a
// level-1 heading, 1. within （一）.
func checkSubheadingNumbers(c *lint.Context) {
	// a part's sub-headings are a few: on the stack
	var parenBuf, arabicBuf [16]enumItem
	paren, arabic := parenBuf[:0], arabicBuf[:0]
	for _, h := range c.Report.Headings {
		switch {
		case h.Level == 1 && (h.Style == "cn" || h.Section != ""): // a part, （一）总体情况 too
			checkSequence(c, paren, "paren")
			checkSequence(c, arabic, "arabic")
			paren, arabic = paren[:0], arabic[:0]
		case h.Style == "paren" && h.Number > 0:
			checkSequence(c, arabic, "arabic")
			arabic = arabic[:0]
			paren = append(paren, enumItem{value: h.Number, span: h.NumberSpan, head: true})
		case h.Style == "arabic" && h.Number > 0:
			arabic = append(arabic, enumItem{value: h.Number, span: h.NumberSpan, head: true})
		}
	}
	checkSequence(c, paren, "paren")
	checkSequence(c, arabic, "arabic")
}

// tableBetween reports whether a table overlaps [a, b): the parser may have
// claimed prose next to a table, so an enumeration does not run across one.
func tableBetween(r *grammar.Report, a, b int) bool {
	for _, t := range r.Tables {
		if t != nil && t.Span.Start < b && a < t.Span.End {
			return true
		}
	}
	return false
}

// numeralSpan narrows a heading's numbering span to the numeral itself.
func numeralSpan(src *grammar.Source, sp grammar.Span) grammar.Span {
	s := src.Slice(sp)
	start, end := -1, -1
	for i, r := range s {
		if strings.ContainsRune("一二三四五六七八九十0123456789０１２３４５６７８９", r) {
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
		}
	}
	if start < 0 {
		return sp
	}
	return grammar.Span{Start: sp.Start + start, End: sp.Start + end}
}

// checkSequence reports the items that break 1, 2, 3…: an item is wrong
// when it is neither at its position nor one more than the item before.
func checkSequence(c *lint.Context, seq []enumItem, kind string) {
	for k, it := range seq {
		pos := k + 1
		prev := 0
		if k > 0 {
			prev = seq[k-1].value
		}
		if it.value == pos || it.value == prev+1 {
			continue
		}
		if k == 0 {
			// a list that starts at 二是 or （二） may continue one the parser
			// did not see (a glued heading, prose claimed by a table)
			continue
		}
		if it.value > prev+1 && missingWritten(c.Source(), seq[k-1].span.End, it.span.Start, kind, prev+1, it.value) {
			// the skipped numbers are in the text: the parser missed those
			// items (a sub-heading glued into flattened text), no gap
			continue
		}
		// the number expected is the one after the previous item (its
		// position, unless the list began at an item not seen)
		wantN := prev + 1
		want, got := enumLabel(kind, wantN), enumLabel(kind, it.value)
		after := enumLabel(kind, prev)
		var zh, en string
		if it.value == prev {
			zh = "序号重复：“" + after + "”之后又是“" + got + "”，按顺序应为“" + want + "”"
			en = "enumeration repeats: “" + got + "” follows “" + after + "”; expected “" + want + "”"
		} else {
			zh = "序号跳号：“" + after + "”之后是“" + got + "”，按顺序应为“" + want + "”"
			en = "enumeration skips: “" + got + "” follows “" + after + "”; expected “" + want + "”"
		}
		var fixes []lint.Fix
		// offer the renumbering when what follows agrees with it
		if k+1 == len(seq) || seq[k+1].value == wantN+1 {
			num := it.num
			if it.head {
				num = numeralSpan(c.Source(), it.span)
			}
			fixes = append(fixes, lint.Fix{Title: "改为“" + want + "”", TitleEN: "renumber as “" + want + "”",
				Edits: []lint.Edit{{Span: num, NewText: enumNumeral(kind, wantN)}}, Applicability: lint.Unsafe})
		}
		c.Emitf(it.span, zh, en, fixes...)
	}
}

func enumNumeral(kind string, n int) string {
	if kind == "arabic" {
		return fmt.Sprint(n)
	}
	return cnNumeral(n)
}

func enumLabel(kind string, n int) string {
	switch kind {
	case "paren":
		return "（" + cnNumeral(n) + "）"
	case "arabic":
		return fmt.Sprintf("%d.", n)
	}
	return cnNumeral(n) + "是"
}

// missingWritten reports whether the labels of the numbers from..to-1 are all
// written in src between the offsets a and b: then the items are there and
// only their headings were not recognised.
func missingWritten(src *grammar.Source, a, b int, kind string, from, to int) bool {
	if a < 0 || b > len(src.Text) || a >= b {
		return false
	}
	between := src.Text[a:b]
	for n := from; n < to; n++ {
		if !labelWritten(between, kind, n) {
			return false
		}
	}
	return true
}

// labelWritten reports whether the item label of n occurs in s, in any of the
// forms reports use: （四） or (四), 四是, 4. 4． 4、 (not part of a longer number).
func labelWritten(s, kind string, n int) bool {
	switch kind {
	case "paren":
		cn := cnNumeral(n)
		return strings.Contains(s, "（"+cn+"）") || strings.Contains(s, "("+cn+")")
	case "arabic":
		d := fmt.Sprint(n)
		for i := 0; ; {
			j := strings.Index(s[i:], d)
			if j < 0 {
				return false
			}
			at := i + j
			i = at + len(d)
			if at > 0 && s[at-1] >= '0' && s[at-1] <= '9' {
				continue
			}
			rest := s[i:]
			if strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "．") || strings.HasPrefix(rest, "、") {
				if !strings.HasPrefix(rest, ".") || len(rest) < 2 || rest[1] < '0' || rest[1] > '9' {
					return true
				}
			}
		}
	}
	return strings.Contains(s, cnNumeral(n)+"是")
}
