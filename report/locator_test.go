package report

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// A locator answers as LocationOf for spans in any order: ascending (its
// fast path), repeated, going back, crossing lines, starting inside a
// character or outside the text, on valid and invalid UTF-8, short and long
// lines (with checkpoints) and characters outside the BMP.
func TestLocatorAsLocationOf(t *testing.T) {
	long := strings.Repeat("政务公开𠀀a，", 200)
	texts := []string{
		"一、总体情况\n本机关2024年收到申请12件。\n\n表一\n",
		long + "\n" + long[:300] + "\n",
		"a\xe4\xb8b中\xff\xfe文\n\xed\xa0\x80x\xf0\x9f\n𝄞𝄞\r\n",
		"",
		"\n\n\n",
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, text := range texts {
		src := grammar.DecodedSource("t.txt", nil, text, grammar.UTF8)
		for round := range 200 {
			locate := newLocator(src)
			off := -2
			for range 60 {
				// mostly forward by a little, sometimes anywhere
				switch rnd.IntN(8) {
				case 0:
					off = rnd.IntN(len(text)+5) - 2
				case 1:
					// the same start again
				default:
					off += rnd.IntN(40)
				}
				end := off + rnd.IntN(30)
				if rnd.IntN(10) == 0 {
					end = off - 1
				}
				sp := grammar.Span{Start: off, End: end}
				if got, want := locate.location(sp), LocationOf(src, sp); got != want {
					t.Fatalf("text %.20q round %d: location(%v) = %+v, LocationOf %+v", text, round, sp, got, want)
				}
			}
		}
	}
}
