package lsp

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/testshared"
)

// editPieces are what the random edits insert: CJK text, digits, every kind
// of line break, and a character outside the BMP (two UTF-16 units).
var editPieces = []string{"一", "总计", "12", "7", "\n", "\r\n", "\r", "𠀀", "𠀀\n", "，", "a\r", "\n\n", ""}

// TestMapperEditMatchesRebuild applies random range changes to the seeds
// and the examples and checks, after each one, that the line index updated
// for the edited range equals the one built from scratch of the same text,
// and that the text equals the one a full rebuild per change produces.
func TestMapperEditMatchesRebuild(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "seeds", "*.txt"))
	ex, _ := filepath.Glob(filepath.Join("..", "testdata", "examples", "*.txt"))
	files = append(files, ex...)
	if len(files) < 3 {
		t.Fatalf("found only %d files to edit", len(files))
	}
	rng := rand.New(rand.NewSource(11))
	edits := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range []Encoding{UTF16, UTF8, UTF32} {
			m := newMapper(string(raw), enc)
			for i := 0; i < 200; i++ {
				c := randomChange(rng, m)
				want := newMapper(applyChange(m.text, c, enc), enc)
				m = m.apply(c)
				edits++
				if m.text != want.text {
					t.Fatalf("%s edit %d (%+v): text differs from a rebuild", f, i, c)
				}
				if !slices.Equal(m.lines, want.lines) {
					t.Fatalf("%s edit %d (%+v): lines %v, rebuilt %v", f, i, c, m.lines, want.lines)
				}
			}
		}
	}
	t.Logf("%d edits on %d files", edits, len(files))
}

// randomChange picks a range (positions may fall inside a character or past
// a line's end: the mapper clamps them) and a text to put there.
func randomChange(rng *rand.Rand, m *mapper) contentChange {
	pos := func() protocol.Position {
		line := rng.Intn(len(m.lines) + 1)
		return protocol.Position{Line: uint32(line), Character: uint32(rng.Intn(40))}
	}
	a, b := pos(), pos()
	if rng.Intn(3) == 0 {
		b = a // an insertion
	} else if rng.Intn(2) == 0 {
		b = protocol.Position{Line: a.Line, Character: a.Character + uint32(rng.Intn(4))}
	}
	text := ""
	for n := rng.Intn(4); n > 0; n-- {
		text += editPieces[rng.Intn(len(editPieces))]
	}
	return contentChange{Range: &protocol.Range{Start: a, End: b}, Text: text}
}

// TestSweepMatchesPosition converts random spans, mostly in increasing
// order like sorted findings (some going back, some ending inside a CRLF),
// with a sweep and with mapper.rng, on the seeds and examples edited at
// random (lone CRs, 𠀀), in the three encodings.
func TestSweepMatchesPosition(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "seeds", "*.txt"))
	ex, _ := filepath.Glob(filepath.Join("..", "testdata", "examples", "*.txt"))
	files = append(files, ex...)
	rng := rand.New(rand.NewSource(5))
	n := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range []Encoding{UTF16, UTF8, UTF32} {
			m := newMapper(string(raw), enc)
			for i := 0; i < 20; i++ {
				m = m.apply(randomChange(rng, m))
			}
			sw := m.sweep()
			off := 0
			for i := 0; i < 2000; i++ {
				switch rng.Intn(10) {
				case 0:
					off = rng.Intn(len(m.text) + 2) // anywhere, also past the end
				default:
					off += rng.Intn(120)
				}
				sp := grammar.Span{Start: off, End: off + rng.Intn(200)}
				if rng.Intn(4) > 0 { // findings start and end on character boundaries
					sp = grammar.Span{Start: runeStart(m.text, sp.Start), End: runeStart(m.text, sp.End)}
				}
				if got, want := sw.rng(sp), m.rng(sp); got != want {
					t.Fatalf("%s %s span %v: sweep %v, mapper %v", f, enc, sp, got, want)
				}
				n++
			}
		}
	}
	t.Logf("%d spans", n)
}

// runeStart moves off back to the start of the character it is in.
func runeStart(text string, off int) int {
	for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	return off
}
