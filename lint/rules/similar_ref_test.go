package rules

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/testshared"
)

// The code GD-Y003 ran before it was made faster, kept as the reference
// the new code must agree with.

func significantRef(r rune) (rune, bool) {
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
	if r >= 0xFF01 && r <= 0xFF5E {
		return significantRef(r - 0xFEE0)
	}
	switch {
	case unicode.IsDigit(r):
		return '0', true
	case unicode.IsLetter(r):
		return unicode.ToLower(r), true
	}
	return 0, false
}

func shinglesRef(rs []rune) []uint64 {
	k := make([]rune, 0, len(rs))
	for i, r := range rs {
		if r == '0' && i > 0 && rs[i-1] == '0' {
			continue
		}
		k = append(k, r)
	}
	n := shingleSize
	if len(k) < n {
		n = len(k)
	}
	set := make([]uint64, 0, len(k))
	for i := 0; i+n <= len(k); i++ {
		h := uint64(14695981039346656037)
		for _, r := range k[i : i+n] {
			h ^= uint64(r)
			h *= 1099511628211
		}
		set = append(set, h)
	}
	sort.Slice(set, func(i, j int) bool { return set[i] < set[j] })
	return dedupRef(set)
}

func mergeSortedRef(a, b []uint64) []uint64 {
	out := make([]uint64, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return dedupRef(out)
}

// dedupRef drops the repeats of a sorted s.
func dedupRef(s []uint64) []uint64 {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// sortedShingles is segs with each segment's shingles sorted, in a copy:
// the reference's order (the shingles are a set).
func sortedShingles(segs []segment) []segment {
	out := slices.Clone(segs)
	for i := range out {
		out[i].shingles = slices.Sorted(slices.Values(out[i].shingles))
	}
	return out
}

func segmentsRef(p prose) []segment {
	skip := p.skip
	text, _, ok := p.textOf()
	if !ok {
		return nil
	}
	var out []segment
	var cur []rune
	start, end := -1, -1
	para, lastPara := 0, -1
	flush := func(force bool) {
		if start < 0 || (!force && len(cur) < minSegment) {
			return
		}
		switch {
		case len(cur) >= minSegment:
			out = append(out, segment{span: grammar.Span{Start: start, End: end}, chars: len(cur), shingles: shinglesRef(cur)})
			lastPara = para
		case lastPara == para && len(out) > 0:
			last := &out[len(out)-1]
			last.span.End = end
			last.chars += len(cur)
			last.shingles = mergeSortedRef(last.shingles, shinglesRef(cur))
		}
		cur, start, end = cur[:0], -1, -1
	}
	for pi, ps := range p.paragraphs {
		para = pi
		for off := ps.Start; off < ps.End; {
			if s, ok := inside(skip, off); ok {
				flush(true)
				off = max(s.End, off+1)
				continue
			}
			r, n := utf8.DecodeRuneInString(text[off:])
			if k, ok := significantRef(r); ok {
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

// TestSignificantIsTheReference: every rune, invalid ones included.
func TestSignificantIsTheReference(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		k, ok := significant(r)
		wk, wok := significantRef(r)
		if k != wk || ok != wok {
			t.Fatalf("significant(%U) = %U %v, want %U %v", r, k, ok, wk, wok)
		}
	}
}

// TestShinglesAreTheReference on random runs of significant runes, digits
// and the same rune repeated (duplicate shingles) among them.
func TestShinglesAreTheReference(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	alphabet := []rune("的公开申请0a政府信息𠀀z")
	var set shingleSet // one for every run, as segments keeps one for a report
	for range 3000 {
		rs := make([]rune, rng.Intn(60))
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		// the same set, in the order first met: distinct, so that the
		// sorted copy is the reference
		got, want := set.shingles(rs), shinglesRef(rs)
		if sorted := slices.Sorted(slices.Values(got)); !reflect.DeepEqual(sorted, want) {
			t.Fatalf("shingles(%q) = %v, want %v", string(rs), got, want)
		}
		other := set.shingles(rs[:len(rs)/2])
		union := set.union(got, other)
		if sorted := slices.Sorted(slices.Values(union)); !reflect.DeepEqual(sorted, mergeSortedRef(slices.Clone(want), shinglesRef(rs[:len(rs)/2]))) ||
			!slices.Equal(union[:len(got)], got) {
			t.Fatalf("union on %q: %v", string(rs), union)
		}
	}
}

// TestSegmentsAreTheReference on the real reports' prose, and on random
// texts with random paragraphs and skipped spans that overlap, nest and
// fall between runes (invalid UTF-8 and 𠀀 among the runes).
func TestSegmentsAreTheReference(t *testing.T) {
	dir := testshared.Dir(t)
	var paths []string
	for _, sub := range []string{"seeds", "corpus", "corpus/pingtan-dept"} {
		m, _ := filepath.Glob(filepath.Join(dir, sub, "*.txt"))
		paths = append(paths, m...)
	}
	if len(paths) < 10 {
		t.Fatalf("%d real reports", len(paths))
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rep := grammar.Parse(grammar.NewSource(p, string(raw)))
		pr := proseOf(rep)
		if got, want := segments(pr), segmentsRef(pr); !reflect.DeepEqual(sortedShingles(got), want) {
			t.Fatalf("%s: the segments differ from the reference", p)
		}
	}
	rng := rand.New(rand.NewSource(4))
	pieces := []string{"本机关严格落实主动公开目录，", "全年累计完成12项。", "群众获取信息更加便捷；", "\n", "𠀀", "\xff", "ＡＢ１２", "“政务公开”", "、", "!?", " ", "々〆",
		"\xe0\x80\x80", "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xe4\xb8", "\xef\xbf\xbf", "\xe4\xb8\x41",
		// the edges of U+4E00–U+9FFF: ䷿ (U+4DFF), 一, 鿿 (U+9FFF), ꀀ (U+A000)
		"\xe4\xb7\xbf", "\xe4\xb8\x80", "\xe9\xbf\xbf", "\xea\x80\x80", "\xe4\xb8\xc0", "\xe9\x80"}
	for range 2000 {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		randomSpans := func(n int) []grammar.Span {
			var out []grammar.Span
			for range n {
				if len(text) == 0 {
					break
				}
				a := rng.Intn(len(text))
				out = append(out, grammar.Span{Start: a, End: a + 1 + rng.Intn(len(text)-a)})
			}
			return out
		}
		skip := randomSpans(rng.Intn(5))
		sortByStart(skip)
		paras := randomSpans(rng.Intn(4))
		if rng.Intn(2) == 0 {
			sortByStart(paras)
		}
		pr := prose{text: text, paragraphs: paras, skip: skip}
		if got, want := segments(pr), segmentsRef(pr); !reflect.DeepEqual(sortedShingles(got), want) {
			t.Fatalf("text %q, paragraphs %v, skip %v: segments %v, want %v", text, paras, skip, got, want)
		}
	}
}

func compareRef(prev, cur []segment, jaccard float64) *Similarity {
	index := map[uint64][]int32{}
	for i, s := range prev {
		for _, h := range s.shingles {
			index[h] = append(index[h], int32(i))
		}
	}
	sim := &Similarity{Jaccard: jaccard}
	common := make([]int, len(prev))
	var touched []int32
	for _, s := range cur {
		sim.Segments++
		sim.Chars += s.chars
		touched = touched[:0]
		for _, h := range s.shingles {
			for _, i := range index[h] {
				if common[i] == 0 {
					touched = append(touched, i)
				}
				common[i]++
			}
		}
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

// TestCompareIsTheReference on every pair of the real reports' prose and on
// random segments drawn from a small set of shingles (many shared, equal
// similarities to break ties on), at several thresholds.
func TestCompareIsTheReference(t *testing.T) {
	dir := testshared.Dir(t)
	var paths []string
	for _, sub := range []string{"seeds", "corpus/pingtan-dept"} {
		m, _ := filepath.Glob(filepath.Join(dir, sub, "*.txt"))
		paths = append(paths, m...)
	}
	var segs [][]segment
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		segs = append(segs, segments(proseOf(grammar.Parse(grammar.NewSource(p, string(raw))))))
	}
	if len(segs) < 10 {
		t.Fatalf("%d real reports", len(segs))
	}
	for i, a := range segs {
		for j, b := range segs {
			for _, jac := range []float64{0.3, DefaultParagraphJaccard} {
				if got, want := compare(a, b, jac), compareRef(sortedShingles(a), sortedShingles(b), jac); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s against %s at %v: %+v, want %+v", paths[i], paths[j], jac, got, want)
				}
			}
		}
	}
	rng := rand.New(rand.NewSource(5))
	randomSegments := func() []segment {
		out := make([]segment, rng.Intn(8))
		for i := range out {
			set := make([]uint64, 0, 12)
			for range 1 + rng.Intn(12) {
				set = append(set, uint64(rng.Intn(20)))
			}
			slices.Sort(set)
			set = dedupRef(set)
			// in any order: compare reads a segment's shingles as a set
			rng.Shuffle(len(set), func(i, j int) { set[i], set[j] = set[j], set[i] })
			out[i] = segment{span: grammar.Span{Start: i, End: i + 1}, chars: 20 + rng.Intn(30), shingles: set}
		}
		return out
	}
	for range 5000 {
		a, b := randomSegments(), randomSegments()
		jac := []float64{0, 0.2, 0.5, 0.8, 1}[rng.Intn(5)]
		if got, want := compare(a, b, jac), compareRef(sortedShingles(a), sortedShingles(b), jac); !reflect.DeepEqual(got, want) {
			t.Fatalf("%v against %v at %v: %+v, want %+v", a, b, jac, got, want)
		}
	}
}

// TestDecodeRuneAtIsUTF8s on every three-byte sequence, cut short or not.
func TestDecodeRuneAtIsUTF8s(t *testing.T) {
	for c := 0xC0; c <= 0xFF; c++ {
		for c1 := 0; c1 <= 0xFF; c1++ {
			for _, tail := range []string{"", "\x80", "\xbf", "A"} {
				text := string([]byte{byte(c), byte(c1)}) + tail
				r, n := decodeRuneAt(text, 0)
				wr, wn := utf8.DecodeRuneInString(text)
				if r != wr || n != wn {
					t.Fatalf("%q: %U %d, want %U %d", text, r, n, wr, wn)
				}
			}
		}
	}
}
