package rules

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

var RuleSimilarText = &lint.Rule{ID: "GD-Y003", Name: "similar-to-previous-year", Family: lint.FamilyYears, Severity: lint.Warning,
	Summary:   "报告正文与上一年度报告大量雷同",
	SummaryEN: "the report's text largely repeats last year's report",
	Explanation: "年度报告格式的“明确责任”要求对内容“雷同”、敷衍应付的报告追责（规范 §2.9、§7）。" +
		"本规则把报告正文（不含表格、标题和网页残留）按句切分（不足 20 字的短句并入下一句；爬虫文本常把整篇报告压成一段，只按段落比较没有意义），" +
		"数字统一替换后取 4 字的字符片段（shingle），与同一机关上一年度报告的各段比较 Jaccard 相似度；" +
		"相似度不低于 0.8 的段落视为雷同。雷同段落的字数超过正文字数的一半时警告。\n\n" +
		"阈值的依据：模板本身要求的固定表述（开头的编制依据、统计期限等）只占正文的一小部分；" +
		"本仓库所附平潭综合实验区真实报告中的两对相邻年度，雷同比例均约为 22%：主要是编制依据、电子版发布位置与联系方式、统计期限、落款等固定表述，另有一两句只改了数字的常规表述。" +
		"超过一半的正文与上年相同，说明报告主要是照抄上年。阈值可以调整。本规则只在批量检查中运行。",
	ExplanationEN: `The “明确责任” (accountability) clause of the annual report format calls for holding to account reports whose content is
“雷同” (copied) or perfunctory (spec §2.9, §7). This rule splits the report's text (without tables, headings and web
page leftovers) into sentences (a sentence under 20 characters is joined to the next; crawled text often squeezes a
whole report into one paragraph, so comparing only paragraphs would be meaningless), treats every number as the same,
takes 4-character shingles, and compares each segment by Jaccard similarity with the segments of the same body's report
for the previous year; a segment with a similarity of 0.8 or more counts as copied. The rule warns when the copied
segments make up more than half of the text's characters.

Why these thresholds: the fixed wording the template itself requires (the basis of the report in its opening, the
statistics period and the like) is only a small part of the text; in the two pairs of consecutive years among the real
reports of 平潭综合实验区 (Pingtan) in this repository, about 22% of the text repeats: mostly fixed wording (the basis of
the report, where the electronic version is published and whom to ask, the statistics period, the signature) and one
or two routine sentences with only their numbers changed. More than half of the text the same as last year's means the
report was mainly copied from last year's. The thresholds can be adjusted. This rule runs only in batch checks.`,
	Check: noSingleReportCheck,
}

func init() { lint.Register(RuleSimilarText) }

// Thresholds of GD-Y003 (see RuleSimilarText.Explanation for the reasons).
const (
	// DefaultParagraphJaccard: two text segments whose 4-character shingle
	// sets overlap this much are the same text with a few words changed.
	DefaultParagraphJaccard = 0.8
	// DefaultSimilarShare: warn when more than half of a report's prose
	// repeats the previous year's.
	DefaultSimilarShare = 0.5

	shingleSize = 4
	// minSegment is the shortest segment (in significant characters) that is
	// compared on its own; shorter sentences join the next one, so that
	// "无。" or "特此报告。" never count as copied text.
	minSegment = 20
	// minProse: with less prose than this the comparison says nothing.
	minProse = 100
	// maxRelated bounds the related locations of one GD-Y003 diagnostic.
	maxRelated = 10
)

// Similarity is the outcome of comparing a report's prose with the previous
// year's.
type Similarity struct {
	// Share is IdenticalChars / Chars: the part of the prose, by significant
	// characters, found near-identical in the previous report.
	Share          float64
	Segments       int
	Identical      int
	Chars          int
	IdenticalChars int
	Threshold      float64 // the share above which GD-Y003 warns
	Jaccard        float64 // the segment similarity used
	Matches        []Match // the near-identical segments, in document order
}

// Match pairs a segment of the later report with the most similar segment of
// the earlier one.
type Match struct {
	Span, PrevSpan grammar.Span
	Jaccard        float64
}

// segment is a piece of prose compared as a whole: a paragraph, or a run of
// sentences of a long paragraph.
type segment struct {
	span     grammar.Span
	chars    int
	shingles []uint64 // distinct, in the order first met (compare reads them as a set)
}

// proseOf reads the layout of rep's prose: its paragraphs and, sorted, the
// spans that are not prose (tables, web residue, headings, the title's and
// the publication date's lines).
func proseOf(rep *grammar.Report) prose {
	// in one array (it grew through several), gathered about in document
	// order (the title's line, the headings, then the few tables, residue
	// and publication line) for sortApart to put in place in few steps
	skip := make([]grammar.Span, 0, len(rep.Tables)+len(rep.Residue)+len(rep.Headings)+2)
	// the title and the page's metadata are not prose ("标题: …" in crawler text)
	if rep.Title != nil {
		skip = append(skip, lineOf(rep.Source, rep.Title.Span))
	}
	for _, h := range rep.Headings {
		skip = append(skip, h.Span)
	}
	skip = appendTableSpans(skip, rep)
	if rep.Publication != nil {
		skip = append(skip, lineOf(rep.Source, rep.Publication.Span))
	}
	if !sortApart(skip) {
		// spans that start together keep the order sortByStart gave them
		// from the order they were gathered in before
		skip = appendTableSpans(skip[:0], rep)
		for _, h := range rep.Headings {
			skip = append(skip, h.Span)
		}
		if rep.Title != nil {
			skip = append(skip, lineOf(rep.Source, rep.Title.Span))
		}
		if rep.Publication != nil {
			skip = append(skip, lineOf(rep.Source, rep.Publication.Span))
		}
		sortByStart(skip)
	}
	if len(skip) == 0 {
		skip = nil // as it was
	}
	paras := make([]grammar.Span, len(rep.Paragraphs))
	for i, p := range rep.Paragraphs {
		paras[i] = p.Span
	}
	return prose{text: rep.Source.Text, paragraphs: paras, skip: skip}
}

// appendTableSpans appends the spans of rep's tables, then of its residue.
func appendTableSpans(skip []grammar.Span, rep *grammar.Report) []grammar.Span {
	for _, t := range rep.Tables {
		if t != nil {
			skip = append(skip, t.Span)
		}
	}
	for _, r := range rep.Residue {
		skip = append(skip, r.Span)
	}
	return skip
}

// sortByStart sorts spans by their starts as sort.Slice did (the same
// pdqsort, so spans with one start keep the order they had), without its
// reflection and closure.
func sortByStart(spans []grammar.Span) {
	slices.SortFunc(spans, func(a, b grammar.Span) int { return cmp.Compare(a.Start, b.Start) })
}

// sortApart sorts spans by start by insertion and tells whether no two
// start together: their order is then the one order by start, whatever
// sorts them (sortByStart's pdqsort took thousands of instructions with
// its comparison function, where spans about in order take a few steps).
// It gives up, false, on more than 64 spans (insertion is quadratic).
func sortApart(spans []grammar.Span) bool {
	if len(spans) > 64 {
		return false
	}
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].Start < spans[j-1].Start; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	for i := 1; i < len(spans); i++ {
		if spans[i].Start == spans[i-1].Start {
			return false
		}
	}
	return true
}

// segments cuts a report's prose into sentence runs of at least minSegment
// significant characters. Crawler renderings flatten a whole report into
// one paragraph, so paragraphs alone would compare the report as a single
// block.
func segments(p prose) []segment {
	skip := p.skip
	text, done, ok := p.textOf()
	if !ok {
		return nil // not read back: the check cannot judge (too little prose)
	}
	if done != nil {
		// the segments hold spans and shingles, none of the text
		defer done()
	}
	var out []segment
	var cur []rune // normalised significant characters of the pending segment
	set := shingleSets.Get().(*shingleSet)
	defer shingleSets.Put(set)
	start, end := -1, -1
	para, lastPara := 0, -1 // the paragraph of the pending and of the last segment
	flush := func(force bool) {
		if start < 0 || (!force && len(cur) < minSegment) {
			return
		}
		switch {
		case len(cur) >= minSegment:
			out = append(out, segment{span: grammar.Span{Start: start, End: end}, chars: len(cur), shingles: set.shingles(cur)})
			lastPara = para
		case lastPara == para && len(out) > 0:
			// a short tail joins the previous segment of its paragraph
			last := &out[len(out)-1]
			last.span.End = end
			last.chars += len(cur)
			last.shingles = set.union(last.shingles, set.shingles(cur))
		}
		cur, start, end = cur[:0], -1, -1
	}
	// inside is asked only where a skipped span covers off: most of the
	// prose lies between them
	covered := unionOf(skip)
	c := 0 // the first of covered not ending at or before off
	for pi, ps := range p.paragraphs {
		para = pi
		if c > 0 && covered[c-1].End > ps.Start {
			c = sort.Search(len(covered), func(i int) bool { return covered[i].End > ps.Start })
		}
		for off := ps.Start; off < ps.End; {
			for c < len(covered) && covered[c].End <= off {
				c++
			}
			if c < len(covered) && covered[c].Start <= off {
				if s, ok := inside(skip, off); ok {
					flush(true)
					off = max(s.End, off+1)
					continue
				}
			}
			// the ideographs before the next skipped span, most of the
			// prose, in a loop of their own: each is significant, itself,
			// and no stop (U+4E00–U+9FFF, three bytes, none of them
			// overlong or a surrogate). Decoded and classed one call each,
			// a rune cost over a hundred instructions. (Where a skipped
			// span has begun, inside is asked at each rune start: limit is
			// off.)
			limit := ps.End
			if c < len(covered) && covered[c].Start < limit {
				limit = max(covered[c].Start, off)
			}
			from := off
			if cur, off = appendIdeographs(cur, text, off, limit); off > from {
				if start < 0 {
					start = from
				}
				end = off
				if off >= limit {
					continue
				}
			}
			r, n := decodeRuneAt(text, off)
			if k, ok := significant(r); ok {
				if start < 0 {
					start = off
				}
				cur = append(cur, k)
			}
			if start >= 0 {
				end = off + n
			}
			off += n
			if isStop(r) {
				flush(false)
			}
		}
		flush(true)
	}
	return out
}

// appendIdeographs appends to runes the ideographs U+4E00–U+9FFF that
// follow each other from text[off] on, starting before limit, and returns
// where it stopped: a loop that calls nothing, on its own, so that it runs
// in registers (inside segments it ran at over fifty instructions a rune).
func appendIdeographs(runes []rune, text string, off, limit int) ([]rune, int) {
	for off < limit && off+2 < len(text) {
		// a lead 1110xxxx and two continuation bytes, tested at once, then
		// the code point's range
		c := text[off : off+3]
		w := uint32(c[0]) | uint32(c[1])<<8 | uint32(c[2])<<16
		r := rune(w&0x0F)<<12 | rune(w>>8&0x3F)<<6 | rune(w>>16&0x3F)
		if w&0xC0C0F0 != 0x8080E0 || uint32(r-0x4E00) > 0x9FFF-0x4E00 {
			break
		}
		runes = append(runes, r)
		off += 3
	}
	return runes, off
}

// decodeRuneAt is utf8.DecodeRuneInString(text[off:]), a report's ASCII and
// three-byte characters decoded in line.
func decodeRuneAt(text string, off int) (rune, int) {
	c := text[off]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xF0 == 0xE0 && off+2 < len(text) {
		c1, c2 := text[off+1], text[off+2]
		// continuation bytes, neither overlong (E0 80–9F) nor a surrogate (ED A0–BF)
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c != 0xE0 || c1 >= 0xA0) && (c != 0xED || c1 < 0xA0) {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(text[off:])
}

// lineOf widens a span to its whole lines, unless it sits on a long line (a
// crawler's flattened body) where only the span itself is metadata.
func lineOf(src *grammar.Source, sp grammar.Span) grammar.Span {
	a, b := src.LineStart(src.Line(sp.Start)), src.LineEnd(src.Line(max(sp.Start, sp.End-1)))
	if b-a > 3*sp.Len()+60 {
		return sp
	}
	return grammar.Span{Start: a, End: b}
}

// unionOf merges spans sorted by start into the sorted, disjoint spans that
// cover the same offsets.
func unionOf(spans []grammar.Span) []grammar.Span {
	out := make([]grammar.Span, 0, len(spans))
	for _, s := range spans {
		if s.End <= s.Start {
			continue
		}
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// inside returns the skipped span holding off, if any (skip is sorted).
func inside(skip []grammar.Span, off int) (grammar.Span, bool) {
	i := sort.Search(len(skip), func(i int) bool { return skip[i].End > off })
	for ; i < len(skip) && skip[i].Start <= off; i++ {
		if skip[i].Contains(off) {
			return skip[i], true
		}
	}
	return grammar.Span{}, false
}

func isStop(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '\n':
		return true
	}
	return false
}

// significant folds a rune for comparison: letters and digits only, width
// folded, every digit the same (a copied sentence with this year's numbers
// is still copied).
func significant(r rune) (rune, bool) {
	if r < utf8.RuneSelf {
		switch {
		case r >= '0' && r <= '9':
			return '0', true
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A', true
		case r >= 'a' && r <= 'z':
			return r, true
		}
		return 0, false
	}
	// most of a report, answered without the unicode tables' searches
	// (TestSignificantIsTheReference checks every rune)
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // CJK ideographs: letters without case
		return r, true
	case r >= 0x2000 && r <= 0x206F: // general punctuation (“”—…): no letter or digit
		return 0, false
	case r >= 0x3000 && r <= 0x303F: // CJK punctuation (、。《》): letters only 々〆〱–〵〻〼
		if r == 0x3005 || r == 0x3006 || r >= 0x3031 && r <= 0x3035 || r == 0x303B || r == 0x303C {
			return r, true
		}
		return 0, false
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return significant(r - 0xFEE0)
	}
	switch {
	case unicode.IsDigit(r):
		return '0', true
	case unicode.IsLetter(r):
		return unicode.ToLower(r), true
	}
	return 0, false
}

// shingles hashes every shingleSize-rune window (runs of digits count once)
// and returns the distinct hashes.
func (t *shingleSet) shingles(rs []rune) []uint64 {
	// the windows of rs with digit runs collapsed (2023 and 154 are the
	// same "number"), read as they come: no collapsed copy is made, and the
	// window is four registers (shingleSize is 4)
	var w0, w1, w2, w3 rune
	n, last := 0, rune(-1) // runes kept so far; the last rune of rs
	all := t.scratch[:0]
	for _, r := range rs {
		collapsed := r == '0' && last == '0'
		last = r
		if collapsed {
			continue
		}
		w0, w1, w2, w3 = w1, w2, w3, r
		n++
		if n >= shingleSize {
			h := (uint64(14695981039346656037) ^ uint64(w0)) * fnvPrime
			h = (h ^ uint64(w1)) * fnvPrime
			h = (h ^ uint64(w2)) * fnvPrime
			all = append(all, (h^uint64(w3))*fnvPrime)
		}
	}
	if n < shingleSize {
		// one window of them all: the last n of the four
		w := [shingleSize]rune{w0, w1, w2, w3}
		h := uint64(14695981039346656037)
		for _, r := range w[shingleSize-n:] {
			h = (h ^ uint64(r)) * fnvPrime
		}
		all = append(all, h)
	}
	t.scratch = all
	return t.keep(t.distinct(all))
}

// keep copies s into the set's slab, where a segment's shingles are kept:
// one array for the segments of many reports, not one each (the slab's
// parts never overlap, and each is capped: no append reaches the next).
func (t *shingleSet) keep(s []uint64) []uint64 {
	if cap(t.slab)-len(t.slab) < len(s) {
		t.slab = make([]uint64, 0, max(len(s), shingleSlab))
	}
	n := len(t.slab)
	t.slab = append(t.slab, s...)
	return t.slab[n:len(t.slab):len(t.slab)]
}

// shingleSlab is how many shingles a slab holds (16 KB): a report's prose
// has a few thousand.
const shingleSlab = 2048

// fnvPrime is FNV-1a's 64-bit prime; a shingle is the FNV-1a hash of its
// runes, each taken as one word.
const fnvPrime = 1099511628211

// shingleSet finds the distinct shingles of a report's segments: one table
// for them all, whose slots a segment tells as its own by its mark (none
// is cleared between segments). Sorting each segment's shingles to drop
// the repeated ones was a sixth of the cross-year checks.
type shingleSet struct {
	keys  []uint64
	marks []uint32
	mark  uint32
	// scratch holds a segment's shingles while they are made; slab, the
	// segments' distinct ones (keep)
	scratch, slab []uint64
}

// shingleSets keeps the sets of the reports cut: a batch cuts thousands.
var shingleSets = sync.Pool{New: func() any { return new(shingleSet) }}

// distinct keeps the first of each value of s, in s, in the order met.
func (t *shingleSet) distinct(s []uint64) []uint64 {
	bits := uint(4)
	for 1<<bits < 2*len(s) {
		bits++
	}
	size := 1 << bits
	if len(t.keys) < size {
		t.keys, t.marks, t.mark = make([]uint64, size), make([]uint32, size), 0
	}
	if t.mark++; t.mark == 0 { // wrapped: the old marks are no segment's
		clear(t.marks)
		t.mark = 1
	}
	keys, marks, mask, shift := t.keys[:size], t.marks[:size], size-1, 64-bits
	out := s[:0]
	for _, h := range s {
		i := int((h * 0x9E3779B97F4A7C15) >> shift)
		for marks[i] == t.mark && keys[i] != h {
			i = (i + 1) & mask
		}
		if marks[i] == t.mark {
			continue // met before
		}
		marks[i], keys[i] = t.mark, h
		out = append(out, h)
	}
	return out
}

// union is the distinct shingles of a and b (each distinct): a's, then
// those of b not in a.
func (t *shingleSet) union(a, b []uint64) []uint64 {
	out := make([]uint64, 0, len(a)+len(b))
	return t.distinct(append(append(out, a...), b...))
}

// compare finds, for each segment of cur, the most similar segment of prev
// through an inverted index of prev's shingles (linear in the postings).
func compare(prev, cur []segment, jaccard float64) *Similarity {
	// the index: for each shingle, its segments of prev as a list threaded
	// through one array (no list allocated and regrown per shingle)
	n := 0
	for _, s := range prev {
		n += len(s.shingles)
	}
	// the table and the counts from a pool: a batch compares thousands of
	// pairs, and their arrays made anew were most of what it allocated
	bufs := compareBufsPool.Get().(*compareBufs)
	defer compareBufsPool.Put(bufs)
	first := bufs.table(n)
	postings := bufs.postings[:0]
	defer func() { bufs.postings = postings[:0] }()
	for i, s := range prev {
		for _, h := range s.shingles {
			at := first.slot(h)
			postings = append(postings, posting{segment: int32(i), next: first.last[at]})
			first.keys[at], first.last[at] = h, int32(len(postings)-1)
		}
	}
	sim := &Similarity{Jaccard: jaccard}
	// common is all zeros between segments (each count touched is reset)
	common := bufs.common[:0]
	for range prev {
		common = append(common, 0)
	}
	bufs.common = common
	touched := bufs.touched[:0]
	defer func() { bufs.touched = touched[:0] }()
	for _, s := range cur {
		sim.Segments++
		sim.Chars += s.chars
		touched = touched[:0]
		for _, h := range s.shingles {
			for k := first.last[first.slot(h)]; k >= 0; k = postings[k].next {
				i := postings[k].segment
				if common[i] == 0 {
					touched = append(touched, i)
				}
				common[i]++
			}
		}
		// the best is the most similar, the first of prev on a tie: the
		// order segments are touched in (postings run backwards) does not
		// matter
		best, bestJ := -1, 0.0
		for _, i := range touched {
			inter := common[i]
			j := float64(inter) / float64(len(s.shingles)+len(prev[i].shingles)-inter)
			if j > bestJ || (j == bestJ && int(i) < best) {
				best, bestJ = int(i), j
			}
			common[i] = 0
		}
		if best >= 0 && bestJ >= jaccard {
			sim.Identical++
			sim.IdenticalChars += s.chars
			sim.Matches = append(sim.Matches, Match{Span: s.span, PrevSpan: prev[best].span, Jaccard: bestJ})
		}
	}
	if sim.Chars > 0 {
		sim.Share = float64(sim.IdenticalChars) / float64(sim.Chars)
	}
	return sim
}

// compareBufs are the arrays of a compare, kept for the next.
type compareBufs struct {
	keys     []uint64
	last     []int32
	postings []posting
	common   []int
	touched  []int32
}

var compareBufsPool = sync.Pool{New: func() any { return new(compareBufs) }}

// table is an empty shingleTable for n shingles, in the kept arrays:
// twice as many slots, a power of two.
func (b *compareBufs) table(n int) shingleTable {
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	size := 1 << bits
	if cap(b.keys) < size {
		b.keys, b.last = make([]uint64, size), make([]int32, size)
	}
	last := b.last[:size]
	for i := range last {
		last[i] = -1
	}
	// keys of empty slots are never read (last is -1 there)
	return shingleTable{keys: b.keys[:size], last: last, shift: 64 - bits}
}

// shingleTable gives a shingle's last posting: open addressing over twice
// as many slots as shingles, placed by the shingle's bits (Fibonacci
// hashing: the high bits of a product mix them all); a map hashed each
// shingle again and was a third of the comparison.
type shingleTable struct {
	keys  []uint64
	last  []int32 // -1: an empty slot
	shift uint
}

// slot is h's slot, or the empty one where it goes.
func (t *shingleTable) slot(h uint64) int {
	mask := len(t.last) - 1
	i := int((h * 0x9E3779B97F4A7C15) >> t.shift)
	for t.last[i] >= 0 && t.keys[i] != h {
		i = (i + 1) & mask
	}
	return i
}

// posting is a segment of the earlier report that holds a shingle, and the
// shingle's posting before it (-1: none).
type posting struct {
	segment, next int32
}

// CheckSimilarText compares cur's prose with prev's: jaccard is the segment
// similarity that makes two segments the same text, share the part of the
// prose above which it warns (0: the defaults).
func CheckSimilarText(prev, cur YearReport, sev lint.Severity, jaccard, share float64) *YearOutcome {
	return CheckSimilarSegments(prev, cur, SegmentProse(prev), SegmentProse(cur), sev, jaccard, share)
}

// ProseSegments is a report's prose cut into the segments GD-Y003 compares:
// a batch cuts a report once for the two pairs of years it is in.
type ProseSegments struct{ segments []segment }

// SegmentProse cuts y's prose (reading its text back when it is stored).
func SegmentProse(y YearReport) ProseSegments { return ProseSegments{segments(y.prose)} }

// CheckSimilarSegments is CheckSimilarText with each report's prose already
// cut: ps = SegmentProse(prev), cs = SegmentProse(cur).
func CheckSimilarSegments(prev, cur YearReport, ps, cs ProseSegments, sev lint.Severity, jaccard, share float64) *YearOutcome {
	o := &YearOutcome{}
	jac := jaccard
	if jac == 0 {
		jac = DefaultParagraphJaccard
	}
	limit := share
	if limit == 0 {
		limit = DefaultSimilarShare
	}
	sim := compare(ps.segments, cs.segments, jac)
	sim.Threshold = limit
	o.Similar = sim
	prevChars := 0
	for _, s := range ps.segments {
		prevChars += s.chars
	}
	pct := func(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }
	switch {
	case sim.Chars < minProse || prevChars < minProse:
		o.Status = StatusCannotJudge
		o.Message = fmt.Sprintf("无法判断：正文过短（本年 %d 字，上年 %d 字）", sim.Chars, prevChars)
		o.MessageEN = fmt.Sprintf("cannot judge: too little prose (%d characters this year, %d last year)", sim.Chars, prevChars)
	case sim.Share > limit:
		o.Status = StatusFinding
		o.Message = fmt.Sprintf("%s 的正文（%d/%d 段）与 %d 年度报告雷同", pct(sim.Share), sim.Identical, sim.Segments, prev.Year)
		o.MessageEN = fmt.Sprintf("%s of the prose (%d of %d segments) repeats the %d report", pct(sim.Share), sim.Identical, sim.Segments, prev.Year)
		var rel []lint.Related
		for i, m := range sim.Matches {
			if i == maxRelated {
				break
			}
			rel = append(rel, lint.Related{Path: prev.Path, Span: m.PrevSpan,
				Message: fmt.Sprintf("%d 年度报告中的相同段落（相似度 %.2f）", prev.Year, m.Jaccard)})
		}
		o.emit(RuleSimilarText, sev, sim.Matches[0].Span,
			fmt.Sprintf("正文有 %s（%d/%d 段）与 %d 年度报告雷同（逐段相似度 ≥ %.2f，警告阈值 %s）；这是第一段雷同的文字",
				pct(sim.Share), sim.Identical, sim.Segments, prev.Year, jac, pct(limit)),
			fmt.Sprintf("%s of the prose (%d of %d segments) repeats the %d report (segment similarity ≥ %.2f, threshold %s); this is the first repeated segment",
				pct(sim.Share), sim.Identical, sim.Segments, prev.Year, jac, pct(limit)),
			rel...)
	default:
		o.Status = StatusOK
		o.Message = fmt.Sprintf("%s 的正文（%d/%d 段）与 %d 年度报告相同，未超过 %s", pct(sim.Share), sim.Identical, sim.Segments, prev.Year, pct(limit))
		o.MessageEN = fmt.Sprintf("%s of the prose (%d of %d segments) repeats the %d report, within %s", pct(sim.Share), sim.Identical, sim.Segments, prev.Year, pct(limit))
	}
	return o
}
