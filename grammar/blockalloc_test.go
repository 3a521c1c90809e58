package grammar

import (
	"math/rand"
	"slices"
	"testing"
)

// take(n) after reserve hands out the values n calls of next hand out: the
// same places in the same blocks, with as many left free, over random
// reserves (with room or without), takes, nexts and resets.
func TestBlockTakeAsNexts(t *testing.T) {
	rng := rand.New(rand.NewSource(83))
	var got, want blockAlloc[int]
	mark := 0
	for round := range 20000 {
		switch rng.Intn(8) {
		case 0:
			got.reset()
			want.reset()
		case 1, 2:
			n := rng.Intn(5)
			for range n {
				mark++
				*got.next(), *want.next() = mark, mark
			}
		default:
			n, extra := rng.Intn(90), rng.Intn(70)
			got.reserve(n, extra)
			want.reserve(n, extra)
			s := got.take(n)
			if len(s) != n || cap(s) != n {
				t.Fatalf("round %d: take(%d) has %d, room for %d", round, n, len(s), cap(s))
			}
			for k := range s {
				mark++
				s[k] = mark
				*want.next() = mark
			}
		}
		if got.used != want.used || len(got.free) != len(want.free) || got.size != want.size || len(got.blocks) != len(want.blocks) {
			t.Fatalf("round %d: %d blocks used, %d free, size %d; by next %d, %d, %d", round, got.used, len(got.free), got.size, want.used, len(want.free), want.size)
		}
		for k := range got.blocks {
			if !slices.Equal(got.blocks[k], want.blocks[k]) {
				t.Fatalf("round %d: block %d holds %v; by next %v", round, k, got.blocks[k], want.blocks[k])
			}
		}
	}
}

// The block sizes of each format's templates, counted once, are those
// counted for each report; other tables are counted.
func TestTemplateSlabsAsCounted(t *testing.T) {
	for _, f := range []Format{FormatUnknown, Format2019, Format2021} {
		p := &parser{}
		p.sizeTableSlabs(Tables(f))
		rows, slots := countTableSlabs(Tables(f))
		if p.slabRows != rows || p.slabSlots != slots || rows == 0 || slots == 0 {
			t.Fatalf("format %q: %d rows, %d slots; counted %d, %d", f, p.slabRows, p.slabSlots, rows, slots)
		}
	}
	// the 2019 table 一 with the 2021 others: none of the formats'
	defs := [3]*TableDef{Table1For2019, Table2, Table3}
	p := &parser{}
	p.sizeTableSlabs(defs)
	r1, s1 := Table1For2019.size()
	r2, s2 := Table2For2019.size()
	r3, s3 := Table2.size()
	r4, s4 := Table3.size()
	if rows, slots := r1+max(r2, r3)+r4, s1+max(s2, s3)+s4; p.slabRows != rows || p.slabSlots != slots {
		t.Fatalf("%d rows, %d slots; counted %d, %d", p.slabRows, p.slabSlots, rows, slots)
	}
}
