package grammar

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gdlint/gdlint/internal/testshared"
)

// rangeColumns is what countColumns must equal: a range loop's characters
// and their UTF-16 units (an invalid byte is U+FFFD, one unit).
func rangeColumns(s string) (chars, units int) {
	for _, r := range s {
		chars++
		units += len(utf16.Encode([]rune{r}))
	}
	return chars, units
}

func checkColumns(t *testing.T, s string) {
	t.Helper()
	wantChars, wantUnits := rangeColumns(s)
	chars, units := countColumns(s)
	if chars != wantChars || units != wantUnits || CountChars(s) != utf8.RuneCountInString(s) {
		t.Fatalf("countColumns(%q) = %d, %d; range counts %d, %d", s, chars, units, wantChars, wantUnits)
	}
}

// Every sequence of up to three bytes, alone and between ASCII and Chinese
// (so a cut-off sequence meets the end of the text or another character),
// counts as range counts it.
func TestCountColumnsEveryShortSequence(t *testing.T) {
	for a := range 256 {
		for b := range 256 {
			for _, c := range []int{-1, 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xF0, 0xFF} {
				seq := []byte{byte(a), byte(b)}
				if c >= 0 {
					seq = append(seq, byte(c))
				}
				for _, s := range []string{string(seq), "a" + string(seq) + "中", "表" + string(seq), string(seq) + "𠀀"} {
					checkColumns(t, s)
				}
			}
		}
	}
}

// Every three-byte lead with every second and third continuation byte.
func TestCountColumnsEveryThreeByteCharacter(t *testing.T) {
	for a := 0xE0; a <= 0xEF; a++ {
		for b := 0x80; b <= 0xBF; b++ {
			for c := 0x70; c <= 0xC0; c++ {
				checkColumns(t, string([]byte{byte(a), byte(b), byte(c)})+"x")
			}
		}
	}
}

func TestCountColumnsRandomText(t *testing.T) {
	pieces := []string{"一", "、", "（", "𠀀", "𝄞", "a", " ", "\t", "\n", "\r", "\xe4", "\xb8", "\xed\xa0\x80", "\xef\xbf\xbd", "\xf4\x90\x80\x80", "\xc3\xa9", "０"}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var s []byte
		for range rnd.IntN(24) {
			s = append(s, pieces[rnd.IntN(len(pieces))]...)
		}
		checkColumns(t, string(s))
	}
}

// countValidChars and countValidColumns count valid UTF-8 as range does: random texts of one- to
// four-byte characters, of every length around the eight-byte steps.
func TestCountValidCharsAsRange(t *testing.T) {
	pieces := []string{"一", "、", "𠀀", "𝄞", "a", " ", "\n", "é", "０", "\u2028", "\uFFFD", "\U0010FFFF", "\u0080", "\u07FF", "\u0800"}
	rnd := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var s []byte
		for range rnd.IntN(30) {
			s = append(s, pieces[rnd.IntN(len(pieces))]...)
		}
		if got, want := countValidChars(string(s)), utf8.RuneCountInString(string(s)); got != want {
			t.Fatalf("countValidChars(%q) = %d, range counts %d", s, got, want)
		}
		chars, units := countValidColumns(string(s))
		if wantChars, wantUnits := rangeColumns(string(s)); chars != wantChars || units != wantUnits {
			t.Fatalf("countValidColumns(%q) = %d, %d; range counts %d, %d", s, chars, units, wantChars, wantUnits)
		}
	}
}

// Source.CharsIn counts every piece of a text as CountChars does: with the
// text marked valid, pieces that start or end inside a character are
// counted the slow way; unmarked invalid text is never counted the fast way.
func TestCharsInAsCountChars(t *testing.T) {
	for _, c := range []struct {
		text  string
		valid bool
	}{
		{"审核a𠀀，é\n中文\r\n𝄞x", true},
		{"审核\xe4\xb8 a\xb8𠀀\xff，", false},
	} {
		src := NewSource("x.txt", c.text)
		src.ValidUTF8 = c.valid
		for from := 0; from <= len(c.text); from++ {
			for to := from; to <= len(c.text); to++ {
				if got, want := src.CharsIn(from, to), CountChars(c.text[from:to]); got != want {
					t.Fatalf("%q: CharsIn(%d, %d) = %d, want %d", c.text, from, to, got, want)
				}
			}
		}
	}
}

// On valid UTF-8 the checkpoints of long lines counted eight bytes at a
// time are those of the walk character by character: the same offsets and
// columns, on random long lines and on the real reports.
func TestValidMarksAsTheWalk(t *testing.T) {
	pieces := []string{"一", "、", "𠀀", "𝄞", "a", " ", "\t", "\r", "é", "０", "\u2028", "\U0010FFFF"}
	rnd := rand.New(rand.NewPCG(7, 8))
	var texts []string
	for range 30 {
		var b []byte
		for range 4 {
			for n := len(b) + rnd.IntN(4000); len(b) < n; {
				b = append(b, pieces[rnd.IntN(len(pieces))]...)
			}
			b = append(b, '\n')
		}
		texts = append(texts, string(b))
	}
	for _, dir := range []string{"seeds", "corpus/pingtan-dept"} {
		files, _ := filepath.Glob(filepath.Join(testshared.Dir(t), dir, "*.txt"))
		if len(files) == 0 {
			t.Fatalf("no reports in %s", dir)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if utf8.Valid(b) {
				texts = append(texts, string(b))
			}
		}
	}
	marked := 0
	for _, text := range texts {
		src := NewSource("x.txt", text)
		for l := range src.lines {
			start, end := src.LineStart(l), len(text)
			if l+1 < len(src.lines) {
				end = src.lines[l+1] - 1
			}
			var w, c lineMarks
			w.walk(text, start, end)
			c.addValidMarks(text, start, end)
			if !slices.Equal(w.off, c.off) || !slices.Equal(w.chars, c.chars) || !slices.Equal(w.units, c.units) {
				t.Fatalf("marks differ on a line of %d bytes:\nwalk  %v %v %v\ncount %v %v %v", end-start, w.off, w.chars, w.units, c.off, c.chars, c.units)
			}
			marked += len(w.off)
		}
	}
	if marked < 100 {
		t.Fatalf("only %d checkpoints compared: the texts have too few long lines", marked)
	}
}
