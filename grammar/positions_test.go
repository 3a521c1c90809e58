package grammar_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"sync"
)

// The crawler golden has a BOM and its body's name starts with 𠀀 (U+20000,
// four bytes in UTF-8, two UTF-16 units), twice before the first cell of
// table 三 on the body line. The columns below were counted by hand (and by
// a script outside Go) on line 7 of the archived report:
//
//	before the cell "64": 493 characters = 1403 bytes = 495 UTF-16 units
//	(488 other characters, CJK ones 3 bytes, plus two 𠀀 of 4 bytes / 2 units).
func TestPositionsAfterAstralCharacter(t *testing.T) {
	_, in := readGolden(t, "../testdata/grammar/crawler_bom_astral.txtar")
	src := in.decode(t)
	rep := grammar.Parse(src)
	t2 := rep.Table(grammar.TableRequests)
	if t2 == nil {
		t.Fatal("table 三 not found")
	}
	c := t2.Cell(grammar.RowNew, grammar.ColNatural)
	if c == nil {
		t.Fatal("一、本年新收 / 自然人 not placed")
	}
	if c.Text != "64" || c.Span != (grammar.Span{Start: 1927, End: 1929}) {
		t.Fatalf("cell = %q at %v, want \"64\" at {1927 1929}", c.Text, c.Span)
	}
	off := c.Span.Start
	if got, want := src.CharPos(off), (grammar.Position{Line: 6, Col: 493}); got != want {
		t.Errorf("CharPos = %v, want %v", got, want)
	}
	if got, want := src.UTF8Pos(off), (grammar.Position{Line: 6, Col: 1403}); got != want {
		t.Errorf("UTF8Pos = %v, want %v", got, want)
	}
	if got, want := src.UTF16Pos(off), (grammar.Position{Line: 6, Col: 495}); got != want {
		t.Errorf("UTF16Pos = %v, want %v", got, want)
	}
	// the BOM is not part of Text: the title starts after "标题: " (4
	// characters, 8 bytes) on line 1, and 𠀀 is its first character
	title := rep.Title
	if title == nil || src.Text[title.Span.Start:title.Span.Start+4] != "𠀀" {
		t.Fatalf("title = %+v", title)
	}
	if got, want := src.UTF8Pos(title.Span.Start), (grammar.Position{Line: 0, Col: 8}); got != want {
		t.Errorf("title UTF8Pos = %v, want %v", got, want)
	}
	// the character after 𠀀: one more character, four more bytes, two more units
	after := title.Span.Start + 4
	if got, want := src.CharPos(after), (grammar.Position{Line: 0, Col: 5}); got != want {
		t.Errorf("CharPos after 𠀀 = %v, want %v", got, want)
	}
	if got, want := src.UTF16Pos(after), (grammar.Position{Line: 0, Col: 6}); got != want {
		t.Errorf("UTF16Pos after 𠀀 = %v, want %v", got, want)
	}
}

// Lines end before "\n" or "\r\n", a final line without a line break
// counts, and every character boundary maps to its line and to the number
// of characters, bytes and UTF-16 units before it on that line.
func TestLines(t *testing.T) {
	texts := map[string]string{
		"crlf":    "标题：𠀀溪镇\r\n一、总体情况\r\n\r\n行政许可\t215\r\n",
		"lf":      "a𠀀b\n\n𠀀\n中文 mixed 𠀀𠀀 end",
		"no-eol":  "一行",
		"only-nl": "\n\n",
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			src := grammar.NewSource("x.txt", text)
			lines := strings.Split(text, "\n")
			if src.LineCount() != len(lines) {
				t.Fatalf("LineCount = %d, want %d", src.LineCount(), len(lines))
			}
			start := 0
			for l, line := range lines {
				body := strings.TrimSuffix(line, "\r")
				if src.LineStart(l) != start || src.LineEnd(l) != start+len(body) {
					t.Errorf("line %d: [%d, %d), want [%d, %d)", l, src.LineStart(l), src.LineEnd(l), start, start+len(body))
				}
				for i := range body {
					before := body[:i]
					if got, want := src.CharPos(start+i), (grammar.Position{Line: l, Col: utf8.RuneCountInString(before)}); got != want {
						t.Errorf("CharPos(%d) = %v, want %v", start+i, got, want)
					}
					if got, want := src.UTF8Pos(start+i), (grammar.Position{Line: l, Col: i}); got != want {
						t.Errorf("UTF8Pos(%d) = %v, want %v", start+i, got, want)
					}
					if got, want := src.UTF16Pos(start+i), (grammar.Position{Line: l, Col: len(utf16.Encode([]rune(before)))}); got != want {
						t.Errorf("UTF16Pos(%d) = %v, want %v", start+i, got, want)
					}
				}
				start += len(line) + 1
			}
		})
	}
}

// A paged front-end marks where pages begin; every offset maps to the page
// that holds it, and a document without pages answers 0.
func TestPage(t *testing.T) {
	src := grammar.NewSource("r.pdf", "第一页\n第二页\n\n第三页\n")
	if got := src.Page(0); got != 0 {
		t.Errorf("Page without PageStarts = %d, want 0", got)
	}
	src.PageStarts = []int{len("第一页\n"), len("第一页\n第二页\n\n")}
	for _, c := range []struct{ off, page int }{
		{0, 1}, {len("第一页"), 1}, {len("第一页\n"), 2}, {len("第一页\n第二页\n"), 2},
		{len("第一页\n第二页\n\n"), 3}, {len(src.Text), 3},
	} {
		if got := src.Page(c.off); got != c.page {
			t.Errorf("Page(%d) = %d, want %d", c.off, got, c.page)
		}
	}
}

// On long lines CharPos and UTF16Pos count from checkpoints, not from the
// line start: every byte offset (character boundaries and the middle of
// characters, in text with invalid UTF-8 too), asked in random order and
// in descending order, gives the columns counted from the line start here.
func TestPositionsOnLongLines(t *testing.T) {
	unit := "审核a𠀀，\xe4\xb8 \r"
	text := "短行\n" + strings.Repeat(unit, 300) + "\n" + strings.Repeat("中", 2000) + "\r\n尾\n" + strings.Repeat("x𠀀", 700)
	src := grammar.NewSource("x.txt", text)
	want := func(off int) (grammar.Position, grammar.Position) {
		l := strings.Count(text[:off], "\n")
		start := strings.LastIndex(text[:off], "\n") + 1
		units := 0
		for _, r := range text[start:off] {
			units += len(utf16.Encode([]rune{r}))
		}
		return grammar.Position{Line: l, Col: utf8.RuneCountInString(text[start:off])}, grammar.Position{Line: l, Col: units}
	}
	check := func(off int) {
		c, u := want(off)
		if got := src.CharPos(off); got != c {
			t.Fatalf("CharPos(%d) = %v, want %v", off, got, c)
		}
		if got := src.UTF16Pos(off); got != u {
			t.Fatalf("UTF16Pos(%d) = %v, want %v", off, got, u)
		}
	}
	for off := len(text); off >= 0; off -= 7 {
		check(off)
	}
	for off := 0; off <= len(text); off++ {
		check(off)
	}
}

// Long lines of random pieces (invalid bytes, cut characters, astral
// characters, carriage returns): every offset's columns, counted from the
// checkpoints, are those counted from the line start.
func TestPositionsOnRandomLongLines(t *testing.T) {
	pieces := []string{"一", "、", "（", "𠀀", "𝄞", "a", " ", "\t", "\r", "\xe4", "\xb8", "\xed\xa0\x80", "\xef\xbf\xbd", "\xf4\x90\x80\x80", "\xc3\xa9", "０", "\u2028"}
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 12 {
		var b strings.Builder
		for range 3 { // lines of 1,200 to 3,700 bytes: checkpoints from 1,024
			line := ""
			for n := 1200 + rnd.IntN(2500); len(line) < n; {
				line += pieces[rnd.IntN(len(pieces))]
			}
			b.WriteString(line + "\n")
		}
		text := b.String()
		src := grammar.NewSource("x.txt", text)
		for off := 0; off <= len(text); off++ {
			start := strings.LastIndex(text[:off], "\n") + 1
			chars, units := 0, 0
			for _, r := range text[start:off] {
				chars++
				units += len(utf16.Encode([]rune{r}))
			}
			line := strings.Count(text[:off], "\n")
			if got := src.CharPos(off); got != (grammar.Position{Line: line, Col: chars}) {
				t.Fatalf("CharPos(%d) = %v, want %d:%d", off, got, line, chars)
			}
			if got := src.UTF16Pos(off); got != (grammar.Position{Line: line, Col: units}) {
				t.Fatalf("UTF16Pos(%d) = %v, want %d:%d", off, got, line, units)
			}
		}
	}
}

// Lines about as long as the shortest one with checkpoints, and short ones,
// asked in document order (a short line first, before any checkpoint is
// made): every offset's columns are those counted from the line start.
func TestPositionsAroundLongLineLength(t *testing.T) {
	pieces := []string{"一", "𠀀", "a", "\r", "\xe4", "\xb8", "\xed\xa0\x80", "\u2028"}
	rnd := rand.New(rand.NewPCG(5, 6))
	for range 12 {
		var b strings.Builder
		for range 6 {
			line := ""
			for n := []int{0, 5, 1000 + rnd.IntN(50)}[rnd.IntN(3)]; len(line) < n; {
				line += pieces[rnd.IntN(len(pieces))]
			}
			b.WriteString(line + "\n")
		}
		text := b.String()
		src := grammar.NewSource("x.txt", text)
		for off := 0; off <= len(text); off++ {
			start := strings.LastIndex(text[:off], "\n") + 1
			chars, units := 0, 0
			for _, r := range text[start:off] {
				chars++
				units += len(utf16.Encode([]rune{r}))
			}
			line := strings.Count(text[:off], "\n")
			if got := src.CharPos(off); got != (grammar.Position{Line: line, Col: chars}) {
				t.Fatalf("CharPos(%d) = %v, want %d:%d", off, got, line, chars)
			}
			if got := src.UTF16Pos(off); got != (grammar.Position{Line: line, Col: units}) {
				t.Fatalf("UTF16Pos(%d) = %v, want %d:%d", off, got, line, units)
			}
		}
	}
}

// Several goroutines asking for positions on the long lines of one source
// at once get what one alone gets (go test -race: the marks are made once
// a line, under a lock).
func TestPositionsConcurrently(t *testing.T) {
	text := strings.Repeat(strings.Repeat("审核𠀀a，", 300)+"\n短\n", 6)
	want := grammar.NewSource("x.txt", text)
	src := grammar.NewSource("x.txt", text)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for off := g; off <= len(text); off += 37 {
				if got, w := src.CharPos(off), want.CharPos(off); got != w {
					t.Errorf("CharPos(%d) = %v, want %v", off, got, w)
					return
				}
				if got, w := src.UTF16Pos(off), want.UTF16Pos(off); got != w {
					t.Errorf("UTF16Pos(%d) = %v, want %v", off, got, w)
					return
				}
			}
		}()
	}
	wg.Wait()
}
