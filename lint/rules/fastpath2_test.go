package rules

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
)

// The second round of fast paths (rulefast2): each is compared with the
// code it replaced, kept here as the reference, on the seeds and the corpus
// and on random text with invalid UTF-8, CJK, characters outside the BMP,
// full-width digits, tabs and pipes.

// sharedReports parses the seeds and the corpus.
func sharedReports(t *testing.T) []*grammar.Report {
	t.Helper()
	paths := testshared.Seeds(t)
	corpus, err := filepath.Glob(filepath.Join(testshared.Dir(t), "corpus", "*"))
	if err != nil || len(corpus) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var reps []*grammar.Report
	for _, p := range append(paths, corpus...) {
		if fi, err := os.Stat(p); err != nil || fi.IsDir() {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := input.Parse(p, raw)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		reps = append(reps, rep)
	}
	return reps
}

// fastPathPieces are what the random texts are made of.
var fastPathPieces = []string{"的", "了", "的的", "审核", "研究", "一", "年", "表", "（", "）", "(", ")", "，", ",", "：", ":",
	"；", ";", "？", "?", "！", "!", "、", "。", "|", "｜", "\t", " ", "\u3000", "\n", "\r\n", "１", "２", "Ａ", "ｚ", "0", "9",
	"a", "Z", "X", "x", "×", "Ｘ", "【", "】", "[", "［", "𠮷", "𠀀", "\xff", "\xe4\xb8", "\xe3\x80", "\xef\xbc", "\x80",
	"\xed\xa0\x80", "\ufeff", "\u00a0", "\u2028", "“", "”", "·", "\ufffd", "①", "é", "ß"}

func randomTexts(seed int64, n int) []string {
	rng := rand.New(rand.NewSource(seed))
	out := make([]string, n)
	for i := range out {
		out[i] = randomText(rng, fastPathPieces, rng.Intn(24))
	}
	return out
}

// tableKeyByLabelKey is the key tableKey built before tableKeyText.
func tableKeyByLabelKey(text string) string {
	return strings.ReplaceAll(grammar.LabelKey(text), "|", "")
}

func TestTableKeyTextIsLabelKey(t *testing.T) {
	check := func(text string) {
		t.Helper()
		if got, want := tableKeyText(text), tableKeyByLabelKey(text); got != want {
			t.Fatalf("tableKeyText(%q) = %q, want %q", text, got, want)
		}
	}
	for r := rune(0); r < 0x11000; r++ {
		check(string(r))
		check("表" + string(r) + "|1")
	}
	for _, text := range randomTexts(21, 30000) {
		check(text)
	}
	tables := 0
	for _, rep := range sharedReports(t) {
		check(rep.Source.Text)
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			check(rep.Source.Slice(tb.Span))
			tables++
		}
	}
	if tables < 10 {
		t.Fatalf("only %d tables in the seeds and corpus", tables)
	}
}

// halfwidthMark are the bytes checkHalfwidth looked at byte by byte
// before markScan.
var halfwidthMark = func() (m [256]bool) {
	for _, ch := range []byte(",:;?!(") {
		m[ch] = true
	}
	return m
}()

// visitMarks returns the offsets checkHalfwidth's loop visits, skipping on
// from some of them as it does past a bracketed text, by markScan and by the
// byte loop it replaced.
func visitMarks(text string, byBytes bool) []int {
	jump := func(i int) int {
		if i%3 == 0 {
			return min(len(text), i+i%7) // past a “(…)”
		}
		return i
	}
	var out []int
	if byBytes {
		for i := 0; i < len(text); i++ {
			if !halfwidthMark[text[i]] {
				continue
			}
			out = append(out, i)
			i = jump(i)
		}
		return out
	}
	marks := newMarkScan(text)
	for i := marks.from(0); i < len(text); i = marks.from(i + 1) {
		out = append(out, i)
		i = jump(i)
	}
	return out
}

func TestMarkScanIsByteLoop(t *testing.T) {
	texts := randomTexts(22, 30000)
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	visited := 0
	for _, text := range texts {
		got, want := visitMarks(text, false), visitMarks(text, true)
		if !slices.Equal(got, want) {
			t.Fatalf("markScan on %q visits %v, want %v", text, got, want)
		}
		visited += len(got)
	}
	if visited < 10000 {
		t.Fatalf("only %d marks visited", visited)
	}
}

// looseTableKeyByRows is looseTableKey before columnsOf: every column of
// every row replaced, repeats included.
func looseTableKeyByRows(t *grammar.Table, region string) string {
	for _, r := range t.Def.Rows {
		for _, c := range r.Cols {
			region = strings.ReplaceAll(region, templateKey(c.Label), "\x00")
		}
	}
	return region
}

// missingColumnsByRows is GD-T012's walk before columnsOf: the labels of
// the distinct column keys none of whose spellings found says is there.
func missingColumnsByRows(def *grammar.TableDef, found func(string) bool) []string {
	var missing, seen []string
	for _, r := range def.Rows {
		for _, c := range r.Cols {
			if slices.Contains(seen, c.Key) {
				continue
			}
			seen = append(seen, c.Key)
			ok := found(templateKey(c.Label))
			for _, s := range c.Variants {
				ok = ok || found(templateKey(s))
			}
			if !ok {
				missing = append(missing, c.Label)
			}
		}
	}
	return missing
}

func TestColumnsOfIsTheRowWalk(t *testing.T) {
	rng := rand.New(rand.NewSource(23))
	var defs []*grammar.TableDef
	for _, f := range []grammar.Format{grammar.Format2019, grammar.Format2021} {
		ts := grammar.Tables(f)
		defs = append(defs, ts[:]...)
	}
	for _, def := range defs {
		var keys []string
		for _, r := range def.Rows {
			for _, c := range r.Cols {
				keys = append(keys, templateKey(c.Label))
				for _, v := range c.Variants {
					keys = append(keys, templateKey(v))
				}
			}
		}
		for i := 0; i < 2000; i++ {
			// a random half of the spellings is there
			there := map[string]bool{}
			for _, k := range keys {
				there[k] = rng.Intn(2) == 0
			}
			if i == 0 {
				clear(there)
			}
			found := func(k string) bool { return there[k] }
			var got []string
			for _, c := range columnsOf(def).cols {
				if !slices.ContainsFunc(c.keys, found) {
					got = append(got, c.label)
				}
			}
			if want := missingColumnsByRows(def, found); !slices.Equal(got, want) {
				t.Fatalf("table %d (%v): missing %q, want %q", def.ID, def.Format, got, want)
			}
		}
	}
	tables := 0
	for _, rep := range sharedReports(t) {
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			tables++
			region := tableKey(rep, tb)
			for _, text := range []string{region, region + strings.Join(keys2(tb.Def), "|"), randomTexts(int64(tables), 1)[0] + region} {
				if got, want := looseTableKey(tb, text), looseTableKeyByRows(tb, text); got != want {
					t.Fatalf("looseTableKey(%q) = %q, want %q", text, got, want)
				}
			}
		}
	}
}

// keys2 are the label keys of def's columns, each twice (a table that
// names every heading).
func keys2(def *grammar.TableDef) []string {
	var out []string
	for _, k := range columnsOf(def).labelKeys {
		out = append(out, k, k)
	}
	return out
}

// appendSentences splits the paragraphs and prose blocks of the seeds and
// the corpus as ranging over their runes does (TestByteScansMatchRunes
// holds it to the same on random text).
func TestSentencesOfRealTexts(t *testing.T) {
	n := 0
	for _, rep := range sharedReports(t) {
		texts := []string{rep.Source.Text}
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
		for _, b := range proseBlocks(rep) {
			texts = append(texts, b.Text)
		}
		for _, text := range texts {
			got, want := sentences(text), sentencesByRunes(text)
			if len(got) != len(want) || len(got) > 0 && !slices.Equal(got, want) {
				t.Fatalf("sentences(%q) = %v, want %v", text, got, want)
			}
			n += len(got)
		}
	}
	if n < 1000 {
		t.Fatalf("only %d sentences", n)
	}
}

func TestIndexThreeIsIndex(t *testing.T) {
	for _, text := range randomTexts(24, 30000) {
		for from := 0; from <= len(text); from += 1 + from%5 {
			for _, m := range []string{"。", "；", "！", "？", "【", "［", "Ｘ", "\xef\xbc\xbc"} {
				want := len(text)
				if i := strings.Index(text[from:], m); i >= 0 {
					want = from + i
				}
				if got := indexThree(text, from, m[0], m[1], m[2:]); got != want {
					t.Fatalf("indexThree(%q, %d, %q) = %d, want %d", text, from, m, got, want)
				}
			}
			if got, want := indexThree(text, from, 0xEF, 0xBC, "\x9b\x81\x9f"),
				min(indexThree(text, from, 0xEF, 0xBC, "\x9b"), indexThree(text, from, 0xEF, 0xBC, "\x81"), indexThree(text, from, 0xEF, 0xBC, "\x9f")); got != want {
				t.Fatalf("indexThree(%q, %d, ；！？) = %d, want %d", text, from, got, want)
			}
		}
	}
}

// Before templateInfo, keyBeforeIs and keyAfterIs: GD-T008's comparisons
// as they were, the references of TestLabelComparisonsAsBefore.

var oldTemplateBracketCounts sync.Map

func oldTemplateBrackets(s string) (open, close int) {
	if v, ok := oldTemplateBracketCounts.Load(s); ok {
		n := v.([2]int)
		return n[0], n[1]
	}
	open, close = brackets(s)
	oldTemplateBracketCounts.Store(s, [2]int{open, close})
	return open, close
}

func oldSameLabel(text, canonical string) bool {
	if text == canonical {
		o, c := brackets(text)
		return o == c
	}
	if grammar.LabelKey(text) != grammar.LabelKey(canonical) {
		return false
	}
	o1, c1 := brackets(text)
	o2, c2 := oldTemplateBrackets(canonical)
	return o1 == c1 && o1 >= o2 && c1 >= c2
}

func oldSkippable(r rune) bool {
	return unicode.IsSpace(r) || r == '|' || r == 0x3000 || r == 0xA0 || grammar.LabelKey(string(r)) == ""
}

func oldKeyBefore(src string, off, n int) []rune {
	var out []rune
	for i := off; i > 0 && len(out) < n && off-i < 200; {
		r, w := utf8.DecodeLastRuneInString(src[:i])
		i -= w
		if oldSkippable(r) {
			continue
		}
		out = append([]rune{r}, out...)
	}
	return out
}

func oldKeyAfter(src string, off, n int) []rune {
	var out []rune
	for i := off; i < len(src) && len(out) < n && i-off < 200; {
		r, w := utf8.DecodeRuneInString(src[i:])
		i += w
		if oldSkippable(r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func oldBrokenByLayout(src string, l *grammar.Label) bool {
	text := []rune(grammar.LabelKey(l.Text))
	canon := []rune(grammar.LabelKey(l.Canonical))
	if len(text) == 0 || len(text) >= len(canon) {
		return false
	}
	if string(canon[len(canon)-len(text):]) == string(text) {
		missing := canon[:len(canon)-len(text)]
		if string(oldKeyBefore(src, l.Span.Start, len(missing))) == string(missing) {
			return true
		}
	}
	if string(canon[:len(text)]) == string(text) {
		missing := canon[len(text):]
		n := min(len(missing), 4)
		if string(oldKeyAfter(src, l.Span.End, n)) == string(missing[:n]) {
			return true
		}
	}
	return false
}

func TestSkippableAsBefore(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0x30000 && r < 0xE0000 {
			r = 0xE0000 // unassigned planes: nothing new
		}
		if got, want := skippable(r), oldSkippable(r); got != want {
			t.Fatalf("skippable(%U) = %v, want %v", r, got, want)
		}
	}
	if got, want := skippable(utf8.RuneError), oldSkippable(utf8.RuneError); got != want {
		t.Fatalf("skippable(RuneError) = %v, want %v", got, want)
	}
}

// The labels of the seeds and corpus, their canonical labels, and labels
// cut out of random text around a template label: GD-T008's comparisons
// answer as before.
func TestLabelComparisonsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(25))
	var canon []string
	for s := range templateLabelTable() {
		canon = append(canon, s)
	}
	slices.Sort(canon)
	canon = append(canon, "（不在模板中的标签）", "")
	type labelIn struct {
		src string
		l   *grammar.Label
	}
	var cases []labelIn
	broken := 0
	for _, rep := range sharedReports(t) {
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			for _, l := range tb.Labels {
				cases = append(cases, labelIn{rep.Source.Text, l})
			}
		}
	}
	if len(cases) < 200 {
		t.Fatalf("only %d labels", len(cases))
	}
	for i := 0; i < 20000; i++ {
		c := canon[rng.Intn(len(canon))]
		rs := []rune(c)
		// a piece of the label, the rest of it before or after, with
		// layout and noise between
		cut := 0
		if len(rs) > 0 {
			cut = rng.Intn(len(rs) + 1)
		}
		head, tail := string(rs[:cut]), string(rs[cut:])
		noise := randomTexts(int64(i), 3)
		if rng.Intn(2) == 0 {
			// only layout between the pieces
			layout := []string{"", "\t", " | ", "\n", "\u3000", "（", "|\t"}
			noise[1] = layout[rng.Intn(len(layout))] + layout[rng.Intn(len(layout))]
			noise[1] += noise[1]
		}
		if other := []rune(tail); rng.Intn(3) == 0 && len(other) > 0 {
			other[rng.Intn(len(other))] = '错'
			tail = string(other)
		}
		if other := []rune(head); rng.Intn(3) == 0 && len(other) > 0 {
			other[rng.Intn(len(other))] = '错'
			head = string(other)
		}
		var text, src string
		start := 0
		if rng.Intn(2) == 0 {
			text = tail
			src = noise[0] + head + noise[1][:len(noise[1])/2]
			start = len(src)
			src += text + noise[2]
		} else {
			text = head
			src = noise[0] + text
			start = len(noise[0])
			src += noise[1][:len(noise[1])/2] + tail + noise[2]
		}
		if rng.Intn(4) == 0 {
			text = randomTexts(int64(-i), 1)[0] + text
		}
		l := &grammar.Label{Text: text, Canonical: c, Span: grammar.Span{Start: start, End: start + len(text)}}
		cases = append(cases, labelIn{src[:min(len(src), start+len(text)+len(noise[2])+40)], l})
	}
	for _, c := range cases {
		if got, want := sameLabel(c.l.Text, c.l.Canonical), oldSameLabel(c.l.Text, c.l.Canonical); got != want {
			t.Fatalf("sameLabel(%q, %q) = %v, want %v", c.l.Text, c.l.Canonical, got, want)
		}
		got, want := brokenByLayout(c.src, c.l, grammar.LabelKey(c.l.Text)), oldBrokenByLayout(c.src, c.l)
		if got != want {
			t.Fatalf("brokenByLayout(%q around %q, %q) = %v, want %v", c.l.Text, c.src, c.l.Canonical, got, want)
		}
		if got {
			broken++
		}
	}
	if broken < 2000 {
		t.Fatalf("only %d labels broken by the layout: the cases do not exercise it", broken)
	}
}

func TestLabelKeyIsLabelKeyEquals(t *testing.T) {
	rng := rand.New(rand.NewSource(26))
	texts := randomTexts(27, 20000)
	for s := range templateLabelTable() {
		texts = append(texts, s)
	}
	for r := rune(0); r < 0x11000; r += 1 + r%3 {
		texts = append(texts, string(r), "表"+string(r)+"|")
	}
	same := 0
	for _, text := range texts {
		key := grammar.LabelKey(text)
		others := []string{key, key + "x", grammar.LabelKey(mutate(rng, text)), strings.TrimSuffix(key, "|"), ""}
		if rs := []rune(key); len(rs) > 1 {
			others = append(others, string(rs[1:]), string(rs[:len(rs)-1]))
		}
		for _, k := range others {
			got, want := labelKeyIs(text, k), key == k
			if got != want {
				t.Fatalf("labelKeyIs(%q, %q) = %v, want %v", text, k, got, want)
			}
			if got {
				same++
			}
		}
	}
	if same < len(texts) {
		t.Fatalf("only %d keys equal", same)
	}
}

// oldKeptSections is keptSections before keptOfKey, with its maps.
func oldKeptSections(rep *grammar.Report) (kept, dups []*grammar.Section) {
	byKey := map[grammar.SectionKey][]*grammar.Section{}
	for _, s := range rep.Sections {
		if s.Key != "" {
			byKey[s.Key] = append(byKey[s.Key], s)
		}
	}
	keep := map[*grammar.Section]bool{}
	for k, ss := range byKey {
		best := ss[0]
		d := grammar.SectionByKey(k)
		found := false
		if d != nil && d.Table > 0 {
			if t := rep.Table(d.Table); t != nil {
				for _, s := range ss {
					if s.Span.Start <= t.Span.Start && t.Span.Start < s.Span.End {
						best, found = s, true
						break
					}
				}
			}
		}
		if !found {
			for _, s := range ss {
				if s.Heading.Canonical {
					best = s
					break
				}
			}
		}
		keep[best] = true
	}
	for _, s := range rep.Sections {
		if s.Key == "" {
			continue
		}
		if keep[s] {
			kept = append(kept, s)
		} else {
			dups = append(dups, s)
		}
	}
	return kept, dups
}

// keptSections keeps the sections it kept with its maps, on the reports of
// the seeds and corpus and on copies of them with their sections repeated,
// dropped, moved and their headings' canonical mark changed.
func TestKeptSectionsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(28))
	dups := 0
	for _, rep := range sharedReports(t) {
		for i := 0; i < 300; i++ {
			r := *rep
			if i > 0 {
				r.Sections = nil
				for _, s := range rep.Sections {
					for n := rng.Intn(3); n > 0; n-- {
						c := *s
						if s.Heading != nil && rng.Intn(2) == 0 {
							h := *s.Heading
							h.Canonical = !h.Canonical
							c.Heading = &h
						}
						if rng.Intn(4) == 0 {
							c.Span.End = c.Span.Start + rng.Intn(max(1, s.Span.End-s.Span.Start+1))
						}
						r.Sections = append(r.Sections, &c)
					}
				}
				rng.Shuffle(len(r.Sections), func(a, b int) { r.Sections[a], r.Sections[b] = r.Sections[b], r.Sections[a] })
			}
			gotKept, gotDups := keptSections(&r)
			wantKept, wantDups := oldKeptSections(&r)
			if !slices.Equal(gotKept, wantKept) || !slices.Equal(gotDups, wantDups) {
				t.Fatalf("%s, copy %d: kept %v, dups %v; want %v, %v", rep.Source.Path, i, gotKept, gotDups, wantKept, wantDups)
			}
			dups += len(gotDups)
		}
	}
	if dups < 1000 {
		t.Fatalf("only %d duplicate sections", dups)
	}
}

// indexWord finds what strings.Index finds: the words the rules look for
// (the scans' literals, 是, the spaces, the template's keys) in the seeds,
// the corpus and random text, and random words in random text.
func TestIndexWordIsIndex(t *testing.T) {
	words := []string{"是", "\u3000", "\u00a0", " ", "申请", "件", "a", "", "的的", "\xe6\x98", "\x98\xaf"}
	for _, s := range []*startScan{reCarried, reCarryOver, reCarryOverPre} {
		words = append(words, s.lits...)
	}
	for s := range templateLabelTable() {
		words = append(words, templateKey(s))
	}
	texts := randomTexts(29, 3000)
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	found := 0
	for _, text := range texts {
		for _, w := range append(words, randomTexts(int64(len(text)), 2)...) {
			got, want := indexWord(text, w), strings.Index(text, w)
			if got != want {
				t.Fatalf("indexWord(%q, %q) = %d, want %d", text, w, got, want)
			}
			if got >= 0 {
				found++
			}
		}
	}
	if found < 10000 {
		t.Fatalf("only %d words found", found)
	}
}

// cellLabelKind is cellLabel, a space and cellKind's Chinese, for every
// kind of cell of the seeds, the corpus and cells with every kind set.
func TestCellLabelKindAsBefore(t *testing.T) {
	n := 0
	for _, rep := range sharedReports(t) {
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			for c := range tb.AllCells() {
				for _, k := range []grammar.CellKind{c.Kind, grammar.CellEmpty, grammar.CellPlaceholder, grammar.CellText, grammar.CellNumber} {
					cc := *c
					cc.Kind = k
					if cc.Doubt == "" && n%2 == 0 {
						cc.Doubt = "疑"
					}
					kz, _ := cellKind(&cc)
					if got, want := cellLabelKind(&cc), cellLabel(&cc)+" "+kz; got != want {
						t.Fatalf("cellLabelKind = %q, want %q", got, want)
					}
					n++
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d cells", n)
	}
}

// oldMayHaveDoubled is mayHaveDoubled before threeByteLead.
func oldMayHaveDoubled(text string) bool {
	r1, r2, r3 := rune(-1), rune(-1), rune(-1) // the three runes before r
	for i := 0; i < len(text); {
		// decodeRune, written out: a call per character was half the time
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			i += 3
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(text[i:])
			i += n
		}
		if r == r1 && strings.ContainsRune(doubledFunctionChars, r) ||
			r == r2 && r1 == r3 && r1 != r && isHan(r1) && isHan(r) {
			return true
		}
		r1, r2, r3 = r, r1, r2
	}
	return false
}

func TestMayHaveDoubledAsBefore(t *testing.T) {
	texts := randomTexts(30, 30000)
	for r := rune(0); r < 0x11000; r += 1 + r%5 {
		texts = append(texts, string(r)+string(r), "的"+string(r)+"的"+string(r))
	}
	for _, rep := range sharedReports(t) {
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	yes := 0
	for _, text := range texts {
		got, want := mayHaveDoubled(text), oldMayHaveDoubled(text)
		if got != want {
			t.Fatalf("mayHaveDoubled(%q) = %v, want %v", text, got, want)
		}
		if got {
			yes++
		}
	}
	if yes < 1000 {
		t.Fatalf("only %d texts may have a doubled word", yes)
	}
}

// GD-C001 and GD-C004 carry a sentence's answer for 申请 to the next as
// its s.prev's: eachBlockSentence hands each sentence the one before it as
// prev ("" for the first).
func TestSentencePrevIsTheLastSentence(t *testing.T) {
	n := 0
	for _, rep := range sharedReports(t) {
		for _, b := range proseBlocks(rep) {
			last := ""
			eachBlockSentence(b, func(s sentenceCtx) {
				if s.prev != last {
					t.Fatalf("prev %q, want %q", s.prev, last)
				}
				if s.text != b.Text[s.start:s.end] {
					t.Fatalf("text %q is not the block's [%d:%d]", s.text, s.start, s.end)
				}
				last = s.text
				n++
			})
		}
	}
	if n < 500 {
		t.Fatalf("only %d sentences", n)
	}
}

// sameLabel answers a label written as its canonical text without the
// template's lookup when the text has no bracket: as before for every
// template string and for texts with unbalanced, full-width and half-width
// brackets and other full-width punctuation.
func TestSameLabelOfCanonicalText(t *testing.T) {
	texts := []string{"", "(", ")", "（", "）", "()", "（）", "(一", "一)", "（一）", "（一", "一）", "，", "：", "ａ", "((）", "\xef", "\xef\xbc"}
	for s := range templateLabelTable() {
		texts = append(texts, s, s+"（", "("+s)
	}
	for _, s := range texts {
		if got, want := sameLabel(s, s), oldSameLabel(s, s); got != want {
			t.Fatalf("sameLabel(%q, %q) = %v, want %v", s, s, got, want)
		}
	}
}
