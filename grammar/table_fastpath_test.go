package grammar

import (
	"cmp"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/internal/testshared"
)

// The table reader's fast paths against the code they replace (the plain*
// functions below, as they were before, some of them calling the current
// code where it did not change), on the real reports and on broken copies
// of them.

// tableTexts are the plain-text reports of ../shared and testdata.
func tableTexts(t *testing.T) []string {
	dir := testshared.Dir(t)
	var paths []string
	for _, g := range []string{
		filepath.Join(dir, "seeds", "*.txt"),
		filepath.Join(dir, "corpus", "*.txt"),
		filepath.Join(dir, "corpus", "*.md"),
		filepath.Join(dir, "corpus", "pingtan-dept", "*.txt"),
		filepath.Join("..", "testdata", "examples", "*.txt"),
		filepath.Join("..", "testdata", "crawler", "*.txt"),
		filepath.Join("..", "testdata", "grammar", "*.txtar"),
	} {
		m, _ := filepath.Glob(g)
		paths = append(paths, m...)
	}
	var texts []string
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		if strings.HasSuffix(p, ".txtar") {
			// the report of a golden case
			i := strings.Index(text, "-- report.")
			if i < 0 {
				continue
			}
			text = text[i:]
			text = text[strings.IndexByte(text, '\n')+1:]
			if j := strings.Index(text, "\n-- "); j >= 0 {
				text = text[:j+1]
			}
		}
		texts = append(texts, text)
	}
	if len(texts) < 20 {
		t.Fatalf("only %d texts", len(texts))
	}
	return texts
}

// tablePieces are what broken tables are made of.
var tablePieces = []string{"0", "12", "3456", "7", "１２", "-3", "4.5", "\t", "\t\t", "|", " | ", " ", "\u3000", "\u00a0",
	"/", "—", "无", "件", "个", "万元", "元", "%", "𠮷", "\xff", "\xe4\xb8", "（六）其他处理", "3.其他", "1.申请人无正当理由逾期不补正",
	"（一）予以公开", "规章", "行政许可", "自然人", "总计", "合计", "。", "，", "数据1", "\n", "\r\n", "1.", "2、", "（七）总计"}

// brokenCopy edits text the way broken reports are: lines dropped,
// doubled, swapped or joined, cells glued or split, pieces inserted.
func brokenCopy(rng *rand.Rand, text string) string {
	lines := strings.Split(text, "\n")
	for range 1 + rng.Intn(12) {
		if len(lines) < 3 {
			break
		}
		i := rng.Intn(len(lines) - 1)
		switch rng.Intn(8) {
		case 7:
			// a surplus column: one more cell at the same place in
			// the lines that follow
			cell := []string{"\t0", "\t", "\t7", " 0"}[rng.Intn(4)]
			for k := i; k < min(len(lines), i+3+rng.Intn(20)); k++ {
				if j := strings.IndexByte(lines[k], '\t'); j >= 0 {
					lines[k] = lines[k][:j] + cell + lines[k][j:]
				}
			}
		case 0:
			lines = slices.Delete(lines, i, i+1)
		case 1:
			lines = slices.Insert(lines, i, lines[i])
		case 2:
			lines[i], lines[i+1] = lines[i+1], lines[i]
		case 3:
			lines[i] += lines[i+1]
			lines = slices.Delete(lines, i+1, i+2)
		case 4:
			lines[i] = strings.ReplaceAll(lines[i], "\t", []string{"", " ", "|", "\t\t"}[rng.Intn(4)])
		default:
			l := lines[i]
			at := rng.Intn(len(l) + 1)
			lines[i] = l[:at] + randomText(rng, tablePieces, 1+rng.Intn(3)) + l[at:]
		}
	}
	return strings.Join(lines, "\n")
}

// brokenTexts are the texts and n broken copies of each.
func brokenTexts(t *testing.T, n int) []string {
	rng := rand.New(rand.NewSource(11))
	var out []string
	for _, text := range tableTexts(t) {
		out = append(out, text)
		for range n {
			out = append(out, brokenCopy(rng, text))
		}
	}
	return out
}

// parserBeforeTables runs the parse of text up to its tables.
func parserBeforeTables(text string) *parser {
	src := NewSource("report.txt", text)
	v := IdentityView(maskComments(src.Text))
	p := &parser{src: src, v: v, text: v.Text, r: &Report{Source: src, Rendering: "text", View: v}, surplusWindow: -1}
	p.splitLines()
	p.findResidue()
	p.detectFormat()
	p.findSectionHeadings()
	p.buildSections()
	p.findTitle()
	p.findPeriod()
	p.findPublication()
	return p
}

// plainLexTable is how readTable chose the rows of table 三 before
// lexTable: lexed by the format's rows, then by the 2021 rows, then by the
// rows chosen.
func plainLexTable(p *parser, def *TableDef, a, b int) (*TableDef, *lexer) {
	lx := p.lexRegion(def, a, b)
	lx.releaseTrailingText()
	if def.ID == TableRequests {
		own := Table2
		lx21 := lx
		if def != Table2 {
			lx21 = p.lexRegion(Table2, a, b)
			lx21.releaseTrailingText()
		}
		switch {
		case lx21.plainHasOldOtherRow():
			own = Table2For2019
		case lx21.plainHasNewOtherRows():
			own = Table2
		default:
			own = def
		}
		if own != def {
			def = own
			lx = p.lexRegion(def, a, b)
			lx.releaseTrailingText()
		}
	}
	return def, lx
}

// Table 三 is read by the same rows, from the same tokens, lexed once when
// the 2021 rows tell.
func TestLexTableAsLexingEachDefinition(t *testing.T) {
	texts := brokenTexts(t, 3)
	for _, text := range texts {
		p := parserBeforeTables(text)
		for _, f := range []Format{Format2021, Format2019} {
			for id, def := range Tables(f) {
				a, b, ok := p.tableRegion(id + 1)
				if !ok {
					continue
				}
				wantDef, want := plainLexTable(p, def, a, b)
				gotDef, got := p.lexTable(def, a, b)
				labels := 0
				for _, tk := range got.toks {
					if tk.kind == tokLabel {
						labels++
					}
				}
				if got.labels != labels {
					t.Fatalf("table %d: %d labels counted, want %d", id+1, got.labels, labels)
				}
				if gotDef != wantDef || !slices.Equal(got.toks, want.toks) || !slices.Equal(got.lexed, want.lexed) ||
					got.firstStart() != want.firstStart() || got.lastEnd() != want.lastEnd() || got.glued != want.glued || got.tabs != want.tabs || got.pipes != want.pipes {
					t.Fatalf("table %d of a %s report, as %s: read by %s, %d tokens; want %s, %d tokens\n%s",
						id+1, p.r.Format, def.Format, gotDef.Format, len(got.toks), wantDef.Format, len(want.toks), text)
				}
				p.releaseLexers()
			}
		}
	}
}

// A table reads the same whole (rows, cells, labels, problems, unplaced
// values, claimed lines) as with the code the fast paths replace.
func TestTablesAsReadBefore(t *testing.T) {
	texts := brokenTexts(t, 8)
	tables := 0
	for _, text := range texts {
		for _, f := range []Format{FormatUnknown, Format2019} {
			old, cur := parserBeforeTables(text), parserBeforeTables(text)
			if f != FormatUnknown {
				old.r.Format, cur.r.Format = f, f
			}
			defs := Tables(old.r.Format)
			for id := 1; id <= 3; id++ {
				a, b, ok := old.tableRegion(id)
				a2, b2, ok2 := cur.tableRegion(id)
				if a != a2 || b != b2 || ok != ok2 {
					t.Fatalf("table %d: region [%d, %d) %v, want [%d, %d) %v", id, a2, b2, ok2, a, b, ok)
				}
				if !ok {
					continue
				}
				want, got := old.plainReadTable(defs[id-1], a, b), cur.readTable(defs[id-1], a, b)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("table %d reads\n%s\nwant\n%s\nin\n%s", id, dumpTable(got), dumpTable(want), text)
				}
				tables++
			}
			if !reflect.DeepEqual(cur.r.Unplaced, old.r.Unplaced) || !slices.Equal(cur.tableRanges, old.tableRanges) {
				t.Fatalf("unplaced %d, ranges %v; want %d, %v\n%s", len(cur.r.Unplaced), cur.tableRanges, len(old.r.Unplaced), old.tableRanges, text)
			}
		}
	}
	if tables < 1000 {
		t.Fatalf("only %d tables read", tables)
	}
}

func dumpTable(t *Table) string {
	if t == nil {
		return "no table"
	}
	var b strings.Builder
	for _, r := range t.Rows {
		b.WriteString(r.Def.Key)
		for _, c := range r.Cells {
			if c != nil {
				b.WriteString(" " + c.Text)
			} else {
				b.WriteString(" _")
			}
		}
		b.WriteString("\n")
	}
	for _, pr := range t.Problems {
		b.WriteString(pr.Kind + " " + pr.Message + "\n")
	}
	return b.String()
}

// A cell of ASCII digits lexes as the whole scan lexes it, with every
// table's labels.
func TestDigitCellAsScanned(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	cells := []string{"0", "1", "12", "000000002", "20231231", strings.Repeat("9", 40)}
	for range 3000 {
		c := make([]byte, 1+rng.Intn(12))
		for i := range c {
			c[i] = byte('0' + rng.Intn(10))
		}
		cells = append(cells, string(c))
	}
	re := regexp.MustCompile(`[0-9]+`)
	for _, text := range tableTexts(t) {
		cells = append(cells, re.FindAllString(text, -1)...)
	}
	for _, def := range tableDefs {
		m := matcherFor(def)
		if m.digitsKey {
			t.Fatalf("a label of %s %d is digits only: lexCell's fast path is off", def.Format, def.ID)
		}
		for _, c := range cells {
			for _, sep := range []bool{false, true} {
				text := "规章\t" + c + "\t件"
				p := &parser{text: text}
				got, want := &lexer{p: p, m: m}, &lexer{p: p, m: m}
				s := len("规章\t")
				got.lexCell(0, s, s+len(c), sep)
				want.scanWholeCell(0, s, s+len(c), sep)
				if !slices.Equal(got.toks, want.toks) || got.firstStart() != want.firstStart() || got.lastEnd() != want.lastEnd() || got.glued != want.glued {
					t.Fatalf("%q (separated %v) lexes as %+v, want %+v", c, sep, got.toks, want.toks)
				}
			}
		}
	}
}

// Every line of the reports (and of broken copies) lexes as before, with
// every table's labels.
func TestLexLineAsBefore(t *testing.T) {
	lines := 0
	for _, text := range brokenTexts(t, 2) {
		p := &parser{text: text}
		for _, def := range tableDefs {
			m := matcherFor(def)
			start := 0
			for li, l := range strings.SplitAfter(text, "\n") {
				s, e := trimKeepTabs(text, start, start+len(strings.TrimRight(l, "\r\n")))
				start += len(l)
				if s == e {
					continue
				}
				got, want := &lexer{p: p, m: m}, &lexer{p: p, m: m}
				got.lexLine(li, s, e)
				want.plainLexLine(li, s, e)
				if !slices.Equal(got.toks, want.toks) || got.firstStart() != want.firstStart() || got.lastEnd() != want.lastEnd() ||
					got.glued != want.glued || got.tabs != want.tabs || got.pipes != want.pipes {
					t.Fatalf("%q lexes as %+v, want %+v", text[s:e], got.toks, want.toks)
				}
				lines++
			}
		}
	}
	if lines < 10000 {
		t.Fatalf("only %d lines", lines)
	}
}

// Lines of separators, spaces and cells lex as cut cell by cell before.
func TestLexLineOfPiecesAsBefore(t *testing.T) {
	pieces := []string{"\t", "|", "|", " ", "\u3000", "\u00a0", "a", "规章", "12", "3", "12", "１２", "（一）予以公开", "𠮷", "\xff", "/", "无", ""}
	rng := rand.New(rand.NewSource(9))
	// a template with a label of digits, whose cells of digits may be labels
	digitsDef := &TableDef{ID: TableRequests, Name: "数字", Rows: []*RowDef{{Key: "n", Label: "12", Cols: Table2.Rows[0].Cols}}}
	digits := newMatcher(digitsDef)
	if !digits.digitsKey {
		t.Fatal("a label of digits is not digitsKey")
	}
	for i := range 100000 {
		m := matcherFor(Table2)
		if i%2 == 1 {
			m = digits
		}
		line := randomText(rng, pieces, 1+rng.Intn(10))
		s, e := trimKeepTabs(line, 0, len(line))
		if s == e {
			continue
		}
		p := &parser{text: line}
		got, want := &lexer{p: p, m: m}, &lexer{p: p, m: m}
		got.lexLine(0, s, e)
		want.plainLexLine(0, s, e)
		if !slices.Equal(got.toks, want.toks) || got.firstStart() != want.firstStart() || got.lastEnd() != want.lastEnd() ||
			got.glued != want.glued || got.tabs != want.tabs || got.pipes != want.pipes {
			t.Fatalf("%q lexes as %+v, want %+v", line[s:e], got.toks, want.toks)
		}
	}
}

// matchKey answers as rune by rune for every key of the templates, written
// exactly (its fast path), cut short, or followed by anything.
func TestMatchKeyOfEveryLabel(t *testing.T) {
	tails := []string{"", "0", "１２", "）", "\t", "𠮷", "\xff", "总计", " 1"}
	for _, def := range tableDefs {
		for _, e := range matcherFor(def).all {
			// the key, and the key with an ignorable rune inside
			written := []string{e.keyText}
			for j := 1; j < len(e.key); j++ {
				for _, ig := range []string{"、", "（", ".", " ", "\u3000", "）、"} {
					written = append(written, string(e.key[:j])+ig+string(e.key[j:]))
				}
			}
			for _, head := range []string{"", "（", "a"} {
				for _, tail := range tails {
					for _, w := range written {
						text := head + w + tail
						for limit := len(head); limit <= len(text); limit++ {
							if got, want := matchKey(text, len(head), limit, e.keyText), plainMatchKey(text, len(head), limit, e.key); got != want {
								t.Fatalf("matchKey(%q, %d, %d, %q) = %d; rune by rune %d", text, len(head), limit, e.keyText, got, want)
							}
						}
					}
				}
			}
		}
	}
}

func TestContainsDigitAndLabelLikeAsDecoding(t *testing.T) {
	pieces := []string{"0", "9", "１", "９", "\xef\xbc\x90", "\xef\xbc", "\xef", "\xbc\x95", "\xe4\xef\xbc\x91", "\xff", "（", "一、", "1.",
		"规章", "其他", "a", " ", "𠮷", "：", "/"}
	rng := rand.New(rand.NewSource(10))
	for range 100000 {
		s := randomText(rng, pieces, rng.Intn(8))
		if got, want := containsDigit(s), strings.IndexFunc(s, isDigit) >= 0; got != want {
			t.Fatalf("containsDigit(%q) = %v", s, got)
		}
		long := strings.Repeat(s, 1+rng.Intn(12))
		if got, want := labelLike(long), plainLabelLike(long); got != want {
			t.Fatalf("labelLike(%q) = %v", long, got)
		}
	}
}

// Cells taken from the matcher's memory lex as scanned: every line of the
// reports and of broken copies, lexed twice by every template (the second
// time from memory), against a lexer that always scans.
func TestRememberedCellsAsScanned(t *testing.T) {
	remembered := 0
	// a count with its unit is a value after a row label or a value, else
	// prose (inRow): the same cell lexes two ways
	context := "行政许可\t3个 行政处罚\n信息内容\t3个 行政处罚\n3个 行政处罚\n规章 3个 行政强制\n（元）\t3个 规章\n信息内容\t3个 规章\n"
	for _, text := range append(brokenTexts(t, 2), context) {
		p := &parser{text: text}
		for _, def := range tableDefs {
			m := matcherFor(def)
			for range 2 {
				got, want := &lexer{p: p, m: m}, &lexer{p: p, m: m, unremembered: true}
				start := 0
				for li, l := range strings.SplitAfter(text, "\n") {
					s, e := trimKeepTabs(text, start, start+len(strings.TrimRight(l, "\r\n")))
					start += len(l)
					if s == e {
						continue
					}
					got.lexLine(li, s, e)
					want.lexLine(li, s, e)
					if !slices.Equal(got.toks, want.toks) || got.firstStart() != want.firstStart() || got.lastEnd() != want.lastEnd() || got.glued != want.glued {
						t.Fatalf("%q lexes as %+v, want %+v", text[s:e], got.toks, want.toks)
					}
				}
			}
			m.cellsMu.RLock()
			remembered = max(remembered, len(m.cells[0])+len(m.cells[1]))
			m.cellsMu.RUnlock()
		}
	}
	if remembered < 100 {
		t.Fatalf("only %d cells remembered", remembered)
	}
}

// Cells are remembered up to the bound, and read and remembered by many
// goroutines at once (go test -race) with the same tokens as scanned.
func TestRememberedCellsBoundedAndShared(t *testing.T) {
	m := matcherFor(Table2)
	done := make(chan string)
	for g := range 4 {
		go func() {
			for i := range maxRememberedCells / 2 {
				text := fmt.Sprintf("（一）予以公开%d行%d\t5", g, i)
				p := &parser{text: text}
				got, want := &lexer{p: p, m: m}, &lexer{p: p, m: m, unremembered: true}
				for range 2 {
					got.lexLine(0, 0, len(text))
					want.lexLine(0, 0, len(text))
				}
				if !slices.Equal(got.toks, want.toks) {
					done <- fmt.Sprintf("%q lexes as %+v, want %+v", text, got.toks, want.toks)
					return
				}
			}
			done <- ""
		}()
	}
	for range 4 {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
	m.cellsMu.RLock()
	defer m.cellsMu.RUnlock()
	if n := len(m.cells[1]); n > maxRememberedCells || n < maxRememberedCells/2 {
		t.Errorf("%d cells remembered, want %d to %d", n, maxRememberedCells/2, maxRememberedCells)
	}
}

func TestSplitNumberingAsTrimmedByCutSet(t *testing.T) {
	pieces := []string{" ", "\t", "\u3000", "\xe3\x80", "\xe3", "\u00a0", "（", "(", "）", ")", "一", "十", "1", "１", "、", ".", "．",
		"规章", "𠮷", "\xff", "a"}
	rng := rand.New(rand.NewSource(12))
	for range 100000 {
		s := randomText(rng, pieces, rng.Intn(9))
		if got, want := trimNumberingSpace(s), strings.TrimLeft(s, " \t\u3000"); got != want {
			t.Fatalf("trimNumberingSpace(%q) = %q, want %q", s, got, want)
		}
		num, rest := splitNumbering(s)
		wnum, wrest := plainSplitNumbering(s)
		if num != wnum || rest != wrest {
			t.Fatalf("splitNumbering(%q) = %q, %q; want %q, %q", s, num, rest, wnum, wrest)
		}
	}
}

func TestIsPlaceholderAsTheMap(t *testing.T) {
	placeholders := map[string]bool{"/": true, "／": true, "—": true, "——": true, "-": true, "－": true, "--": true,
		"不适用": true, "无": true, "—/—": true, "\\": true, "、": true}
	texts := []string{"", "//", "— ", " —", "无无", "不适", "0", "\\\\"}
	for k := range placeholders {
		texts = append(texts, k)
	}
	rng := rand.New(rand.NewSource(3))
	for range 20000 {
		texts = append(texts, randomText(rng, []string{"/", "／", "—", "-", "－", "无", "不适用", "、", "\\", " ", "𠮷", "\xff"}, rng.Intn(4)))
	}
	for _, s := range texts {
		if isPlaceholder(s) != placeholders[s] {
			t.Fatalf("isPlaceholder(%q) = %v", s, isPlaceholder(s))
		}
	}
}

// unitTexts are texts after a number.
func unitTexts() []string {
	pieces := []string{" ", "\u3000", "件", "条", "个", "次", "人", "%", "％", "项", "篇", "期", "部", "元", "万元", "0", "a",
		"𠮷", "\xff", "\xe4", "\xe4\xbb", "仵", "乙", "\t", "。"}
	rng := rand.New(rand.NewSource(4))
	texts := []string{""}
	for range 50000 {
		texts = append(texts, randomText(rng, pieces, rng.Intn(5)))
	}
	return texts
}

func TestNarrativeUnitAsTrimmed(t *testing.T) {
	for _, s := range unitTexts() {
		if got, want := narrativeUnit(s), plainNarrativeUnit(s); got != want {
			t.Fatalf("narrativeUnit(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestHasCJKAsEachRune(t *testing.T) {
	if lo := unicode.Han.R16[0].Lo; lo != hanFirst {
		t.Fatalf("unicode.Han starts at %#x, hanFirst is %#x", lo, hanFirst)
	}
	texts := unitTexts()
	for r := rune(0); r < 0x30000; r += 7 {
		texts = append(texts, string(r), "1"+string(r+1))
	}
	for _, s := range texts {
		if hasCJK(s) != plainHasCJK(s) {
			t.Fatalf("hasCJK(%q) = %v", s, hasCJK(s))
		}
	}
}

func TestTrimKeepTabsAndIsProseAsDecoding(t *testing.T) {
	pieces := []string{" ", "\t", "\r", "\n", "\u00a0", "\u3000", "\ufeff", "\u200b", "\u2028", "\xc2", "\xe2\x80", "\xe3", "\xef\xbb",
		"\xa0", "\x80", "\x8b", "\xbf", "a", "。", "，", "；", "|", "规章", "𠮷", "1"}
	rng := rand.New(rand.NewSource(6))
	for range 100000 {
		s := randomText(rng, pieces, rng.Intn(10))
		a, b := trimKeepTabs(s, 0, len(s))
		wa, wb := plainTrimKeepTabs(s, 0, len(s))
		if a != wa || b != wb {
			t.Fatalf("trimKeepTabs(%q) = %d, %d, want %d, %d", s, a, b, wa, wb)
		}
		long := strings.Repeat(s, 1+rng.Intn(30))
		if isProse(long) != plainIsProse(long) {
			t.Fatalf("isProse(%q) = %v", long, isProse(long))
		}
	}
}

// rowCheckOne answers as the check made for the row.
func TestRowCheckOneAsRowCheck(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for _, def := range tableDefs {
		for _, r := range def.Rows {
			got, want := rowCheckOne(def, r), rowCheck(def, []*RowDef{r})
			if (got == nil) != (want == nil) {
				t.Fatalf("%s: check %v, want %v", r.Key, got != nil, want != nil)
			}
			if got == nil {
				continue
			}
			for range 200 {
				v := make([]float64, rng.Intn(len(r.Cols)+2))
				for i := range v {
					v[i] = float64(rng.Intn(3))
				}
				if rng.Intn(3) == 0 && len(v) > 0 {
					v[rng.Intn(len(v))] = math.NaN()
				}
				if got(v) != want(v) {
					t.Fatalf("%s: check(%v) = %v", r.Key, v, got(v))
				}
			}
		}
	}
}

// readTokens sorts the claimed lines only when they are out of order: the
// sort leaves a sorted slice as it is, equal starts included.
func TestSortLeavesSortedSpans(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	for range 5000 {
		spans := make([]Span, rng.Intn(60))
		for i := range spans {
			spans[i] = Span{rng.Intn(20), rng.Intn(1000)}
		}
		sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
		want := slices.Clone(spans)
		sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
		if !slices.Equal(spans, want) {
			t.Fatalf("sort.Slice reordered sorted spans: %v, was %v", spans, want)
		}
	}
}

// The segment buffers go back to the pool cleared (they point into a
// report's tokens).
func TestSegmentBuffersReturnCleared(t *testing.T) {
	// no collection empties the pool meanwhile, and one P: a buffer put
	// back is in that P's own slot, which a Get from another P would miss
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, text := range tableTexts(t)[:8] {
		Parse(NewSource("report.txt", text))
	}
	ss, _ := segmentsPool.Get().(*segments)
	if ss == nil {
		t.Fatal("no segment buffers came back to the pool")
	}
	if len(ss.slab) != 0 || ss.n != 0 || len(ss.segs)+len(ss.split)+len(ss.labelled) != 0 {
		t.Fatalf("pooled buffers in use: %d segments, %d values", len(ss.slab), ss.n)
	}
	for _, sg := range ss.slab[:cap(ss.slab)] {
		if !reflect.DeepEqual(sg, segment{}) {
			t.Fatalf("a pooled segment holds %+v", sg)
		}
	}
	for _, l := range [][]*segment{ss.segs[:cap(ss.segs)], ss.split[:cap(ss.split)], ss.labelled[:cap(ss.labelled)], ss.found[:cap(ss.found)]} {
		for _, sg := range l {
			if sg != nil {
				t.Fatalf("a pooled list holds %+v", sg)
			}
		}
	}
	for _, v := range ss.vals {
		if v != nil {
			t.Fatalf("pooled values hold %+v", v)
		}
	}
	if slices.Contains(ss.hasValues[:cap(ss.hasValues)], true) {
		t.Fatal("pooled hasValues set")
	}
	if len(ss.runs) != 0 {
		t.Fatalf("pooled buffers in use: %d value runs", len(ss.runs))
	}
	for _, r := range ss.runs[:cap(ss.runs)] {
		if r.vals != nil || r.before != 0 {
			t.Fatalf("a pooled value run holds %+v", r)
		}
	}
}

// The code the fast paths replaced.

// plainAlignRows places a labelled table's token stream into its rows: cut into
// segments, drop layout empties, split multi-row segments, take the labelled
// rows, give orphan values the rows missing around them, then fill.
func (p *parser) plainAlignRows(t *Table, lx *lexer) {
	segs := p.plainCutSegments(t, lx)
	segs = plainDropLayoutEmpties(t.Def, segs)
	var split []*segment
	for _, sg := range segs {
		split = append(split, plainSplitByLine(sg, len(t.Def.Rows[max(sg.order, 0)].Cols))...)
	}
	segs = split
	found, labelled := p.plainLabelledRows(t, segs)
	p.plainPlaceOrphans(t, segs, found, labelled)
	p.plainFillFoundRows(t, lx, found)
	p.resolvePending(t)
}

// plainCutSegments cuts the stream into segments: a row label (or an unknown
// label, or nothing: orphan values) and the values after it.
func (p *parser) plainCutSegments(t *Table, lx *lexer) []*segment {
	order := map[*RowDef]int{}
	for i, r := range t.Def.Rows {
		order[r] = i
	}
	var segs []*segment
	var cur *segment
	seenRow := false
	for i := range lx.toks {
		tk := &lx.toks[i]
		switch {
		case tk.kind == tokLabel && tk.entry.kind == LabelRow:
			// room for the row's values, which arrive one at a time
			cur = &segment{label: tk, order: order[tk.entry.row], values: make([]*token, 0, len(tk.entry.row.Cols)+1)}
			segs = append(segs, cur)
			seenRow = true
		case tk.kind == tokLabel:
			cur = nil // a group or header label ends the row before it
		case tk.kind == tokText:
			switch {
			case cur != nil && len(cur.values) > 0 && tk.whole && shortValueText(tk.text):
				cur.values = append(cur.values, tk) // 减4: a value that is not a number
			case cur != nil && len(cur.values) == 0 && strings.IndexFunc(tk.text, isDigit) < 0:
				// a label broken over two cells or lines: the rest of it
			case tk.whole && seenRow && plainHasCJK(tk.text):
				cur = &segment{label: tk, order: -1}
				segs = append(segs, cur)
			default:
				if strings.IndexFunc(tk.text, isDigit) >= 0 || seenRow {
					p.unplaced(t, tk, "表格中的文字不是模板的标签")
				}
				cur = nil
			}
		default:
			if cur == nil {
				if tk.kind == tokEmpty {
					continue
				}
				cur = &segment{order: -1}
				segs = append(segs, cur)
			}
			cur.values = append(cur.values, tk)
		}
	}
	return segs
}

// plainLabelledRows takes the labelled rows with values; a later repetition wins.
func (p *parser) plainLabelledRows(t *Table, segs []*segment) (map[int]*segment, []*segment) {
	def := t.Def
	found := map[int]*segment{}
	var labelled []*segment
	// a row whose cells are all explicitly blank (| 规章 | | | |) is a blank
	// row, not a missing one, unless its label also has values elsewhere
	hasValues := map[int]bool{}
	for _, sg := range segs {
		if sg.order >= 0 && nonEmpty(sg.values) > 0 {
			hasValues[sg.order] = true
		}
	}
	for _, sg := range segs {
		if sg.order < 0 {
			continue
		}
		if nonEmpty(sg.values) == 0 {
			if hasValues[sg.order] || found[sg.order] != nil || len(sg.values) != len(def.Rows[sg.order].Cols) {
				continue
			}
		}
		if prev := found[sg.order]; prev != nil {
			for _, v := range prev.values {
				if v.kind != tokEmpty {
					p.unplaced(t, v, "同一行标签重复出现，采用后一处的数值")
				}
			}
		}
		found[sg.order] = sg
		labelled = append(labelled, sg)
	}
	return found, labelled
}

// plainPlaceOrphans: between two labelled rows in template order, values without
// a label take the rows missing there, in order, when their counts agree and
// each holds exactly one row of values; other orphans are reported unplaced.
func (p *parser) plainPlaceOrphans(t *Table, segs []*segment, found map[int]*segment, labelled []*segment) {
	byPos := map[*segment]int{}
	for i, sg := range segs {
		byPos[sg] = i
	}
	for ai := 0; ai <= len(labelled); ai++ {
		lo, loPos := -1, -1
		if ai > 0 {
			lo, loPos = labelled[ai-1].order, byPos[labelled[ai-1]]
		}
		hi, hiPos := len(t.Def.Rows), len(segs)
		if ai < len(labelled) {
			hi, hiPos = labelled[ai].order, byPos[labelled[ai]]
		}
		var orphans []*segment
		for _, sg := range segs[loPos+1 : hiPos] {
			if sg.order < 0 && nonEmpty(sg.values) > 0 {
				orphans = append(orphans, sg)
			}
		}
		var missing []int
		for k := lo + 1; k < hi; k++ {
			if found[k] == nil {
				missing = append(missing, k)
			}
		}
		if plainOrphansFit(t.Def, orphans, missing, lo < hi) {
			p.plainPlaceByPosition(t, orphans, missing, found)
			continue
		}
		p.reportOrphans(t, orphans)
	}
}

func (p *parser) plainPlaceByPosition(t *Table, orphans []*segment, missing []int, found map[int]*segment) {
	for k, sg := range orphans {
		row := t.Def.Rows[missing[k]]
		sg.order = missing[k]
		sg.byPosition = true
		if sg.label != nil {
			sg.label.kind = tokLabel
			sg.label.entry = &labelEntry{label: row.Label, kind: LabelRow, row: row}
			sg.label.how = howPosition
			t.Labels = append(t.Labels, p.makeLabel(sg.label))
		}
		found[missing[k]] = sg
	}
}

// plainFillFoundRows fills the rows; rows whose glued digits split several ways
// wait for the table's balances (resolvePending).
func (p *parser) plainFillFoundRows(t *Table, lx *lexer, found map[int]*segment) {
	p.surplusWindow = plainSurplusWindowOf(t, found)
	defer func() { p.surplusWindow = -1 }()
	prevEnd := lx.firstStart()
	for i, row := range t.Rows {
		sg, ok := found[i]
		if !ok {
			t.Problems = append(t.Problems, &Problem{Kind: "missing-row", Row: row.Def, Span: p.span(prevEnd, prevEnd),
				Message: fmt.Sprintf("缺少“%s”行，或其数值无法确定", row.Def.Label)})
			continue
		}
		if sg.label != nil {
			row.Label = p.labelFor(t, sg.label)
		}
		p.plainFillRow(t, []*Row{row}, sg.values, sg.label)
		if sg.byPosition {
			for _, c := range row.Cells {
				if c != nil && c.Doubt == "" {
					c.Doubt = "行标签未能识别，按行的位置对应"
				}
			}
		}
		if n := len(sg.values); n > 0 {
			prevEnd = sg.values[n-1].end
		}
	}
}

// plainSplitByLine cuts a segment whose values run over several lines, each line
// holding exactly n values, into one segment per line.
func plainSplitByLine(sg *segment, n int) []*segment {
	if nonEmpty(sg.values) <= n {
		return []*segment{sg}
	}
	var groups [][]*token
	for _, v := range sg.values {
		if len(groups) == 0 || groups[len(groups)-1][0].line != v.line {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], v)
	}
	if len(groups) < 2 {
		return []*segment{sg}
	}
	for _, g := range groups {
		if nonEmpty(g) != n {
			return []*segment{sg}
		}
	}
	out := []*segment{{label: sg.label, order: sg.order, values: groups[0]}}
	for _, g := range groups[1:] {
		out = append(out, &segment{order: -1, values: g})
	}
	return out
}

// plainSurplusWindowOf chooses the window (offset) the rows of a table with one
// surplus column have in common: the offset at which most rows with more
// cells than the template balance, when at least two rows agree and no
// other offset has as many; -1 otherwise.
func plainSurplusWindowOf(t *Table, found map[int]*segment) int {
	votes := map[int]int{}
	for i, sg := range found {
		n := len(t.Def.Rows[i].Cols)
		check := rowCheck(t.Def, []*RowDef{t.Def.Rows[i]})
		vs, ok := trimEdgeEmpties(sg.values, n)
		if !ok || len(vs) <= n || nonEmpty(vs) < n {
			continue
		}
		if wins, amb := plainBalancingWindows(vs, n, check); !amb && len(wins) == 1 {
			votes[wins[0]]++
		}
	}
	best, bestVotes, tie := -1, 1, false
	for w, v := range votes {
		switch {
		case v > bestVotes:
			best, bestVotes, tie = w, v, false
		case v == bestVotes:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

func (p *parser) plainReadTable(def *TableDef, a, b int) *Table {
	defer p.releaseLexers()
	// table 三 is read by the rows it has, whatever the report's format
	def, lx := plainLexTable(p, def, a, b)
	if len(lx.toks) == 0 {
		return nil
	}
	t := &Table{ID: def.ID, Def: def, Span: p.span(lx.firstStart(), lx.lastEnd())}
	p.tableRanges = append(p.tableRanges, lx.lexed...)
	sort.Slice(p.tableRanges, func(i, j int) bool { return p.tableRanges[i].Start < p.tableRanges[j].Start })
	switch {
	case p.r.Rendering == "html" || p.r.Rendering == "docx":
		t.Layout = p.r.Rendering
	case lx.glued:
		t.Layout = "glued"
	case lx.tabs:
		t.Layout = "tab"
	case lx.pipes:
		t.Layout = "pipe"
	default:
		t.Layout = "lines"
	}
	for i := range lx.toks {
		tk := &lx.toks[i]
		if tk.kind == tokLabel {
			t.Labels = append(t.Labels, p.makeLabel(tk))
		}
	}
	// the rows and their cell slots in one allocation each (three tables
	// of up to 26 rows: two allocations per row were a tenth of a parse's)
	t.Rows = make([]*Row, len(def.Rows))
	rows := make([]Row, len(def.Rows))
	slots := 0
	for _, rd := range def.Rows {
		slots += len(rd.Cols)
	}
	cells := make([]*Cell, slots)
	for i, rd := range def.Rows {
		n := len(rd.Cols)
		rows[i] = Row{Def: rd, Cells: cells[:n:n]} // capped: an append copies
		cells = cells[n:]
		t.Rows[i] = &rows[i]
	}
	if def.Positional {
		p.plainAlignPositional(t, lx)
	} else {
		p.plainAlignRows(t, lx)
	}
	if !t.anyCell() {
		t.Unreadable = true
		t.Problems = append(t.Problems, &Problem{Kind: "unreadable", Span: t.Span,
			Message: "表格已找到，但没有一个数值能对应到模板的单元格"})
	}
	return t
}

// plainTrimKeepTabs trims spacing but keeps tabs: a leading tab is an empty cell.
func plainTrimKeepTabs(t string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(t[s:e])
		if r == '\t' || !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(t[s:e])
		if r == '\t' || !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// plainIsProse tells a sentence from a table line: full-width sentence
// punctuation in a longer line without cell separators.
func plainIsProse(text string) bool {
	if strings.ContainsAny(text, "\t|") {
		return false
	}
	n := utf8.RuneCountInString(text)
	if n > 300 {
		return false // a glued table (crawler text), not a sentence
	}
	if n <= 20 {
		return false
	}
	// Contains, not ContainsAny: a cut set of non-ASCII runes is searched
	// rune by rune
	return n > 25 && strings.Contains(text, "。") || strings.Contains(text, "，") || strings.Contains(text, "；")
}

// plainNarrativeUnit returns the length of a unit word that makes a number prose.
func plainNarrativeUnit(s string) int {
	s2 := strings.TrimLeft(s, " ")
	for _, u := range []string{"件", "条", "个", "次", "人", "%", "％", "项", "篇", "期", "部"} {
		if strings.HasPrefix(s2, u) {
			return len(s) - len(s2) + len(u)
		}
	}
	return 0
}

func plainHasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// plainFillRow places values into rows (one row, or all rows of a positional table).
func (p *parser) plainFillRow(t *Table, rows []*Row, vals []*token, label *token) {
	var defs []*RowDef
	n := 0
	for _, r := range rows {
		defs = append(defs, r.Def)
		n += len(r.Def.Cols)
	}
	check := rowCheck(t.Def, defs)
	name := rows[0].Def.Label
	if len(rows) > 1 {
		name = t.Def.Name
	}
	res := p.plainFit(vals, n, check)
	spanOf := func(vs []*token) Span {
		if len(vs) == 0 {
			if label != nil {
				return p.span(label.start, label.end)
			}
			return t.Span
		}
		return p.span(vs[0].start, vs[len(vs)-1].end)
	}
	if res.placed == nil {
		p.unfitted(t, rows, vals, label, n, name, res.msg, spanOf(vals))
		return
	}
	doubt := ""
	switch res.splitBy {
	case SplitByRowTotal:
		doubt = "数字粘连，按本行合计关系唯一拆分"
	case SplitByCount:
		doubt = "数字粘连，只有一种拆分方式"
	case SplitByAgreement:
		doubt = "数字粘连，有多种拆分方式，各种拆分下该单元格的值相同"
		msg := fmt.Sprintf("“%s”的数字连在一起（%s），%d种拆分方式中没有一种满足本行合计关系：无论怎样拆分，本行各数之和都不等于总计",
			name, joinTok(vals), res.readings)
		if open := unsettledCols(rows[0].Def, res.placed); open != "" {
			msg += "；各拆分方式不一致的" + open + "列，其勾稽关系未核对"
		}
		t.Problems = append(t.Problems, &Problem{Kind: "unbalanced-split", Row: rows[0].Def, Span: spanOf(vals), Message: msg})
		p.unplacedDisagreeing(t, vals, res.placed, fmt.Sprintf("“%s”：%s", name, msg))
	}
	if len(res.extra) > 0 {
		doubt = fmt.Sprintf("该行有%d个数值，应为%d个", nonEmpty(vals), n)
		msg := fmt.Sprintf("“%s”有%d个单元格，模板为%d个；多出的%d个未采用", name, len(res.placed)+len(res.extra), n, len(res.extra))
		span := spanOf(res.extra)
		if d := res.dropped; d != nil {
			// the value the row balances without may be the wrong one
			msg += fmt.Sprintf("；只有舍去非零的“%s”本行合计才成立，它可能是填错的数，请核对", d.text)
			// from the value on, over the cells left out
			span = p.span(min(d.start, res.extra[0].start), max(d.end, res.extra[len(res.extra)-1].end))
		}
		t.Problems = append(t.Problems, &Problem{Kind: "extra-values", Row: rows[0].Def, Span: span, Message: msg})
		for _, v := range res.extra {
			if v.kind != tokEmpty {
				p.unplaced(t, v, fmt.Sprintf("“%s”多出的单元格", name))
			}
		}
	}
	p.plainPlaceCells(t, rows, res.placed, res.splitBy, doubt)
}

// plainFit chooses n cells from vals. Its placed is nil when it cannot say which
// values belong where.
func (p *parser) plainFit(vals []*token, n int, check func([]float64) bool) fitResult {
	ne := nonEmpty(vals)
	// glued digits: fewer tokens than cells, and some of them are digit runs
	if ne < n && ne > 0 {
		if res, ok := p.fitGlued(vals, n, check); ok {
			return res
		}
	}
	switch {
	case len(vals) == n:
		return fitResult{placed: vals}
	case ne == n:
		var out []*token
		for _, v := range vals {
			if v.kind != tokEmpty {
				out = append(out, v)
			}
		}
		return fitResult{placed: out}
	case len(vals) < n:
		return fitResult{}
	}
	placed, extra, dropped := p.plainFitSurplus(vals, n, ne, check)
	return fitResult{placed: placed, extra: extra, dropped: dropped}
}

// plainFitSurplus chooses n of more than n cells: layout empties at the edges go
// first, then the table's surplus column (window) when its other rows agree
// on one, else a window that balances, else the leftmost. dropped is a
// non-zero value that the only balancing reading leaves out (nil if none).
func (p *parser) plainFitSurplus(vals []*token, n, ne int, check func([]float64) bool) (placed, extra []*token, dropped *token) {
	vs, ok := trimEdgeEmpties(vals, n)
	if len(vs) == n {
		return vs, nil, nil
	}
	if !ok || ne < n {
		return nil, nil, nil
	}
	wins, ambiguous := plainBalancingWindows(vs, n, check)
	if ambiguous {
		return nil, nil, nil
	}
	best := 0
	switch {
	case p.surplusWindow >= 0 && p.surplusWindow+n <= len(vs):
		best = p.surplusWindow
	case len(wins) > 0:
		best = wins[0]
	}
	if len(wins) == 1 && wins[0] != p.surplusWindow {
		for i, v := range vs {
			if (i < wins[0] || i >= wins[0]+n) && v.kind == tokNumber {
				if x, _, _ := parseNumber(v.text); x != 0 {
					dropped = v
				}
			}
		}
	}
	extra = append(append([]*token{}, vs[:best]...), vs[best+n:]...)
	return vs[best : best+n], extra, dropped
}

// plainBalancingWindows lists the offsets of the n-cell windows of vs that pass
// check; ambiguous when two of them read different values.
func plainBalancingWindows(vs []*token, n int, check func([]float64) bool) (wins []int, ambiguous bool) {
	if check == nil {
		return nil, false
	}
	for w := 0; w+n <= len(vs); w++ {
		if check(values(vs[w : w+n])) {
			if len(wins) > 0 && !slices.Equal(values(vs[wins[0]:wins[0]+n]), values(vs[w:w+n])) {
				return nil, true
			}
			wins = append(wins, w)
		}
	}
	return wins, false
}

// plainAlignPositional places the values of a table without row labels (table 1
// in most layouts): one run that fills the whole table (the usual single
// data row), else one run per group (a table split into three small ones).
func (p *parser) plainAlignPositional(t *Table, lx *lexer) {
	runs := plainValueRuns(lx)
	n := 0
	for _, r := range t.Rows {
		n += len(r.Def.Cols)
	}
	best := -1
	for k, r := range runs {
		if nonEmpty(r.vals) == 0 {
			continue
		}
		if best < 0 || nonEmpty(r.vals) >= nonEmpty(runs[best].vals) {
			best = k
		}
	}
	if best < 0 {
		return
	}
	var groups []int
	for k, r := range runs {
		if nonEmpty(r.vals) > 0 && len(r.vals) == len(t.Rows[0].Def.Cols) {
			groups = append(groups, k)
		}
	}
	used := map[int]bool{}
	if len(runs[best].vals) < n && len(groups) == len(t.Rows) {
		for gi, k := range groups {
			p.plainFillRow(t, t.Rows[gi:gi+1], runs[k].vals, runs[k].anchor(lx))
			used[k] = true
		}
	} else {
		p.plainFillRow(t, t.Rows, runs[best].vals, runs[best].anchor(lx))
		used[best] = true
	}
	for k, r := range runs {
		if used[k] {
			continue
		}
		for _, v := range r.vals {
			if v.kind == tokNumber {
				p.unplaced(t, v, "数值不在表格的数据行中")
			}
		}
	}
}

// plainValueRuns cuts the stream into runs of values; empty cells trailing on a
// header's own line are layout.
func plainValueRuns(lx *lexer) []valueRun {
	var runs []valueRun
	var cur *valueRun
	for i := range lx.toks {
		tk := &lx.toks[i]
		if tk.isValue() || tk.kind == tokText && tk.whole && shortValueText(tk.text) {
			if cur == nil {
				runs = append(runs, valueRun{before: i - 1})
				cur = &runs[len(runs)-1]
			}
			cur.vals = append(cur.vals, tk)
			continue
		}
		cur = nil
	}
	for k := range runs {
		r := &runs[k]
		if r.before >= 0 {
			hl := lx.toks[r.before].line
			for len(r.vals) > 0 && r.vals[0].kind == tokEmpty && r.vals[0].line == hl {
				r.vals = r.vals[1:]
			}
		}
	}
	return runs
}

func (lx *lexer) plainLexLine(li, s, e int) {
	t := lx.p.text
	line := t[s:e]
	sep := byte(0)
	switch {
	case strings.IndexByte(line, '\t') >= 0:
		sep = '\t'
		lx.tabs = true
	case strings.Count(line, "|") >= 1 && (strings.HasPrefix(line, "|") || strings.HasSuffix(line, "|") || strings.Count(line, "|") >= 2):
		sep = '|'
		lx.pipes = true
	}
	if sep == 0 {
		lx.lexCell(li, s, e, false)
		return
	}
	// "\t0" (Word export, one cell per paragraph) is one indented cell
	if sep == '\t' && strings.Count(strings.TrimLeft(line, "\t"), "\t") == 0 {
		rest := strings.TrimLeft(line, "\t")
		if rest == "" {
			lx.add(token{kind: tokEmpty, start: s, end: s, line: li, whole: true})
			return
		}
		lx.lexCell(li, s+len(line)-len(rest), e, true)
		return
	}
	if line == "|" {
		// one cell per line: a lone separator is a blank cell (its span
		// is the separator, which a fix replaces)
		lx.add(token{kind: tokEmpty, start: s, end: e, line: li, whole: true})
		return
	}
	cells := plainSplitCells(nil, line, sep)
	if sep == '|' {
		if strings.HasPrefix(line, "|") && len(cells) > 0 {
			cells = cells[1:]
		}
		if strings.HasSuffix(line, "|") && len(cells) > 0 {
			cells = cells[:len(cells)-1]
		}
	}
	for _, c := range cells {
		cs, ce := trimSpan(t, s+c[0], s+c[1])
		if cs == ce {
			lx.add(token{kind: tokEmpty, start: s + c[0], end: s + c[0], line: li, whole: true})
			continue
		}
		lx.lexCell(li, cs, ce, true)
	}
}

// plainSplitCells appends to out the [start, end) of each sep-separated cell of
// line.
func plainSplitCells(out [][2]int, line string, sep byte) [][2]int {
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == sep {
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	return append(out, [2]int{start, len(line)})
}

// plainLabelLike is labelLike as first written.
func plainLabelLike(s string) bool {
	if utf8.RuneCountInString(s) > 60 || !hasCJK(s) {
		return false
	}
	_, rest := splitNumbering(s)
	return strings.IndexFunc(rest, isDigit) < 0
}

// plainPlaceCells turns the chosen tokens into the cells of rows.
func (p *parser) plainPlaceCells(t *Table, rows []*Row, placed []*token, splitBy SplitHow, doubt string) {
	i := 0
	for _, r := range rows {
		r.Split, r.SplitBy = splitBy != "", splitBy
		for ci, col := range r.Def.Cols {
			pv := placed[i]
			i++
			if pv == nil {
				continue
			}
			c := new(Cell)
			*c = Cell{Table: t.ID, Row: r.Def, Col: col, Text: pv.text, Span: p.span(pv.start, pv.end), Doubt: doubt}
			switch pv.kind {
			case tokEmpty:
				c.Kind = CellEmpty
			case tokPlaceholder:
				c.Kind = CellPlaceholder
			case tokText:
				c.Kind = CellText
			default:
				c.Kind = CellNumber
				c.Value, c.Integer, c.Unit = parseNumber(pv.text)
				if math.IsNaN(c.Value) {
					c.Kind = CellText
				}
			}
			r.Cells[ci] = c
		}
	}
}

// plainSplitNumbering splits a leading numbering from s.
func plainSplitNumbering(s string) (num, rest string) {
	t := strings.TrimLeft(s, " \t\u3000")
	lead := len(s) - len(t)
	i := 0
	if strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(") {
		_, n := utf8.DecodeRuneInString(t)
		j := n
		for j < len(t) {
			r, m := utf8.DecodeRuneInString(t[j:])
			if !isCNNumeralRune(r) && !(r >= '0' && r <= '9') {
				break
			}
			j += m
		}
		if j > n && j < len(t) {
			r, m := utf8.DecodeRuneInString(t[j:])
			if r == '）' || r == ')' {
				i = j + m
			}
		}
	} else {
		j := 0
		for j < len(t) {
			r, m := utf8.DecodeRuneInString(t[j:])
			if !isCNNumeralRune(r) && !(r >= '0' && r <= '9') && !(r >= '０' && r <= '９') {
				break
			}
			j += m
		}
		if j > 0 && j < len(t) {
			r, m := utf8.DecodeRuneInString(t[j:])
			if r == '、' || r == '.' || r == '．' {
				i = j + m
			}
		}
	}
	if i == 0 {
		return "", s
	}
	return s[:lead+i], strings.TrimLeft(s[lead+i:], " \t\u3000")
}

// Short texts without a label (a header broken over lines: 结果, 尚未) are
// remembered while the memory is less than half full; longer texts, texts
// with digits and cells of values are not, and labels still are when the
// fragments took their half.
func TestRememberedFragmentsTakeHalf(t *testing.T) {
	m := newMatcher(Table2)
	lex := func(text string) []token {
		p := &parser{text: text}
		lx := &lexer{p: p, m: m}
		lx.lexLine(0, 0, len(text))
		return lx.toks
	}
	size := func() int { return len(m.cells[0]) + len(m.cells[1]) }
	for _, text := range []string{"尚未审结了吗", "减4", "结果４", "3\t5", "18"} {
		if lex(text); size() != 0 {
			t.Fatalf("%q remembered", text)
		}
	}
	if toks := lex("鼯鼱"); len(toks) != 1 || toks[0].kind != tokText || size() != 1 {
		t.Fatalf("鼯鼱 lexes as %+v, %d cells remembered", toks, size())
	}
	if _, ok := m.lexedCell("鼯鼱", false); !ok {
		t.Fatal("鼯鼱 not remembered as a whole line")
	}
	// three rare characters that no label resembles
	for i := range 2 * maxRememberedCells {
		lex(string([]rune{0x9F80 + rune(i%32), 0x9F40 + rune(i/32%32), 0x9F00 + rune(i/1024)}))
		if n := len(m.cells[0]); n > maxRememberedCells/2 {
			t.Fatalf("%d fragments remembered, want at most %d", n, maxRememberedCells/2)
		}
	}
	if n := len(m.cells[0]); n != maxRememberedCells/2 {
		t.Fatalf("%d fragments remembered, want %d", n, maxRememberedCells/2)
	}
	toks := lex("（一）予以公开")
	if _, ok := m.lexedCell("（一）予以公开", false); !ok || len(toks) != 1 || toks[0].kind != tokLabel {
		t.Fatalf("a label is not remembered once the fragments took their half (%+v)", toks)
	}
}

// A region lexes as its lines did, each asked for its tabs by lexLine.
func TestLexRegionAsBefore(t *testing.T) {
	extra := "# \t规章\t5\t6\n#\t\t7\n## 行政许可 8\n\t\t5\n规章\t5\n|规章|5|\n" +
		"本机关2022年共收到政府信息公开申请3件，其中当面申请1件，网上申请2件。\n（一）予以公开，共计3件，本年度办结。\t3\n"
	regions := 0
	for _, text := range append(brokenTexts(t, 2), extra) {
		p := parserBeforeTables(text)
		for _, def := range tableDefs {
			for id := 0; id <= 3; id++ {
				a, b, ok := 0, len(p.text), true
				if id > 0 {
					a, b, ok = p.tableRegion(id)
				}
				if !ok || a >= b {
					continue
				}
				got, want := p.lexRegion(def, a, b), p.plainLexRegion(def, a, b)
				if !slices.Equal(got.toks, want.toks) || !slices.Equal(got.lexed, want.lexed) ||
					got.firstStart() != want.firstStart() || got.lastEnd() != want.lastEnd() || got.glued != want.glued || got.tabs != want.tabs || got.pipes != want.pipes {
					t.Fatalf("[%d, %d) lexes as %+v, want %+v\n%s", a, b, got.toks, want.toks, text)
				}
				p.releaseLexers()
				regions++
			}
		}
	}
	if regions < 1000 {
		t.Fatalf("only %d regions", regions)
	}
}

// plainLexRegion is lexRegion as it was before lexLineTab.
func (p *parser) plainLexRegion(def *TableDef, a, b int) *lexer {
	lx := &lexer{p: p, m: matcherFor(def)}
	lx.toks, lx.tokBuf = getTokens((b-a)/6 + 16)
	p.lexers = append(p.lexers, lx)
	from := max(p.lineAt(a), 0)
	for li := from; li < len(p.lines); li++ {
		ln := p.lines[li]
		if ln.start >= b {
			break
		}
		if ln.end <= a {
			continue
		}
		s, e := ln.start, ln.end
		if s < a {
			s = a
		}
		if e > b {
			e = b
		}
		s, e = trimKeepTabs(p.text, s, e)
		if s == e || p.isResidueLine(li) {
			continue
		}
		if ln.start < a {
			if s = lx.skipSentences(s, e); s == e {
				continue
			}
		}
		text := p.text[s:e]
		if c := text[0]; (c == '|' || c == '-' || c == ':') && reMDSeparator.MatchString(text) {
			continue
		}
		if isProse(text) && !lx.startsWithLabel(s, e) {
			continue
		}
		if text[0] == '#' {
			m := reMDHeading.FindStringIndex(text)
			s += m[1]
		}
		lx.lexLine(li, s, e)
		lx.lexed = append(lx.lexed, Span{s, e})
	}
	return lx
}

// plainHasOldOtherRow: "（六）其他处理" is followed by its own values and none
// of the three 2021 rows under it is there.
func (lx *lexer) plainHasOldOtherRow() bool {
	found := false
	for i := range lx.toks {
		tk := &lx.toks[i]
		if tk.kind != tokLabel {
			continue
		}
		if tk.entry.kind == LabelRow && tk.entry.row.Group == groupOt {
			return false
		}
		if tk.entry.kind == LabelHeader && tk.entry.label == groupOt {
			// its values follow, after the empty cells of a merged label
			j := i + 1
			for j < len(lx.toks) && lx.toks[j].kind == tokEmpty && lx.toks[j].line == tk.line {
				j++
			}
			found = found || j < len(lx.toks) && lx.toks[j].kind == tokNumber
		}
	}
	return found
}

// plainHasNewOtherRows: one of the three 2021 rows under （六）其他处理 is there.
func (lx *lexer) plainHasNewOtherRows() bool {
	for i := range lx.toks {
		if tk := &lx.toks[i]; tk.kind == tokLabel && tk.entry.kind == LabelRow && tk.entry.row.Group == groupOt {
			return true
		}
	}
	return false
}

// A cell slot holds a remembered cell as the memory does, and is the slot
// of its text; lexing from the slots gives the scanned tokens
// (TestRememberedCellsAsScanned).
func TestCellSlotsHoldRememberedCells(t *testing.T) {
	m := newMatcher(Table2)
	set := 0
	for _, text := range tableTexts(t)[:10] {
		p := &parser{text: text}
		lx := &lexer{p: p, m: m}
		start := 0
		for li, l := range strings.SplitAfter(text, "\n") {
			s, e := trimKeepTabs(text, start, start+len(strings.TrimRight(l, "\r\n")))
			start += len(l)
			if s < e {
				lx.lexLine(li, s, e)
			}
		}
	}
	for k := range m.cellSlots {
		for i := range m.cellSlots[k] {
			sl := m.cellSlots[k][i].Load()
			if sl == nil {
				continue
			}
			set++
			if c, ok := m.cells[k][sl.text]; !ok || !reflect.DeepEqual(c, sl.cell) {
				t.Fatalf("slot %d holds %q as %+v, remembered %+v (%v)", i, sl.text, sl.cell, c, ok)
			}
			if m.slotOf(k, sl.text) != &m.cellSlots[k][i] {
				t.Fatalf("%q is in slot %d, not its own", sl.text, i)
			}
		}
	}
	if remembered := len(m.cells[0]) + len(m.cells[1]); set < remembered/2 {
		t.Fatalf("%d slots set for %d cells remembered", set, remembered)
	}
}

// A text whose ends are no trimLeadByte and no trimTailByte is one
// trimKeepTabs leaves whole: lexRegion calls it only on the others.
func TestTrimKeepTabsGuard(t *testing.T) {
	pieces := []string{" ", "\t", "\r", "\n", "\u00a0", "\u3000", "\ufeff", "\u200b", "\u2028", "\xc2", "\xe2\x80", "\xe3", "\xef\xbb",
		"\xa0", "\x80", "\x8b", "\xbf", "a", "。", "规章", "𠮷", "1", "\t0\t"}
	rng := rand.New(rand.NewSource(7))
	guarded := 0
	for range 100000 {
		s := randomText(rng, pieces, 1+rng.Intn(8))
		if s == "" || trimLeadByte[s[0]] || trimTailByte[s[len(s)-1]] {
			continue
		}
		guarded++
		if a, b := trimKeepTabs(s, 0, len(s)); a != 0 || b != len(s) {
			t.Fatalf("trimKeepTabs(%q) = %d, %d: the guard passed over a trim", s, a, b)
		}
	}
	if guarded < 10000 {
		t.Fatalf("%d texts passed the guard: too few", guarded)
	}
}

// refAppendSortedRanges is how readTokens added a table's lexed lines to
// the ranges before appendSortedRanges: append, then sort unless the whole
// is sorted.
func refAppendSortedRanges(ranges, more []Span) []Span {
	ranges = append(ranges, more...)
	if !slices.IsSortedFunc(ranges, func(x, y Span) int { return cmp.Compare(x.Start, y.Start) }) {
		sort.Slice(ranges, func(i, j int) bool { return ranges[i].Start < ranges[j].Start })
	}
	return ranges
}

// appendSortedRanges gives what appending and sorting unless sorted gave:
// on the lexed lines of the tables of the real and broken reports, added
// in every order of the three, and on random sorted ranges with equal
// starts.
func TestAppendSortedRangesAsSortingTheWhole(t *testing.T) {
	sorts := 0
	check := func(parts [][]Span) {
		var got, want []Span
		for _, part := range parts {
			if !slices.IsSortedFunc(part, func(x, y Span) int { return cmp.Compare(x.Start, y.Start) }) {
				t.Fatalf("a table's lexed lines out of order: %v", part)
			}
			wasSorted := len(want) == 0 || len(part) == 0 || part[0].Start >= want[len(want)-1].Start
			got = appendSortedRanges(got, part)
			want = refAppendSortedRanges(want, part)
			if !wasSorted {
				sorts++
			}
			if !slices.Equal(got, want) {
				t.Fatalf("appendSortedRanges %v, appending and sorting %v", got, want)
			}
		}
	}
	orders := [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	tables := 0
	for _, text := range brokenTexts(t, 2) {
		p := parserBeforeTables(text)
		var lexed [3][]Span
		for id, def := range Tables(p.r.Format) {
			if a, b, ok := p.tableRegion(id + 1); ok {
				_, lx := p.lexTable(def, a, b)
				lexed[id] = slices.Clone(lx.lexed)
				p.releaseLexers()
				tables++
			}
		}
		for _, o := range orders {
			check([][]Span{lexed[o[0]], lexed[o[1]], lexed[o[2]]})
		}
	}
	rng := rand.New(rand.NewSource(41))
	for range 5000 {
		var parts [][]Span
		for range 1 + rng.Intn(3) {
			part := make([]Span, rng.Intn(4))
			at := rng.Intn(30)
			for i := range part {
				at += rng.Intn(3) // equal starts too
				part[i] = Span{at, at + rng.Intn(5)}
			}
			parts = append(parts, part)
		}
		check(parts)
	}
	if tables < 30 || sorts < 100 {
		t.Fatalf("%d tables, %d sorts: the test must see both", tables, sorts)
	}
}
