package rules

import (
	"testing"
	"unicode"

	"github.com/gdlint/gdlint/grammar"
)

func TestProseBlocksJoinWrappedLines(t *testing.T) {
	text := "一、总体情况\n全年受理申请 12 件，予以公开及部\n分公开𠀀 8 件。\n\n另起一段。\n"
	rep := grammar.Parse(grammar.NewSource("r.txt", text))
	blocks := proseBlocks(rep)
	if len(blocks) != 2 {
		t.Fatalf("got %d blocks, want 2: %+v", len(blocks), blocks)
	}
	b := blocks[0]
	if want := "全年受理申请 12 件，予以公开及部分公开𠀀 8 件。"; b.Text != want {
		t.Fatalf("joined text %q, want %q", b.Text, want)
	}
	// the number after the wrap maps back to its own bytes in the source
	i := len("全年受理申请 12 件，予以公开及部分公开𠀀 ")
	sp := b.Span(i, i+1)
	if got := rep.Source.Slice(sp); got != "8" {
		t.Fatalf("span %v covers %q, want \"8\"", sp, got)
	}
	// a range across the wrap keeps both ends in the source
	j := len("全年受理申请 12 件，予以公开及")
	sp = b.Span(j, j+len("部分"))
	if got := rep.Source.Slice(sp); got != "部\n分" {
		t.Fatalf("span across the wrap covers %q", got)
	}
}

func TestCNNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "十": 10, "十二": 12, "二十": 20, "二十三": 23, "两": 2, "零": 0} {
		if got := cnNumber(s); got != want {
			t.Errorf("cnNumber(%q) = %d, want %d", s, got, want)
		}
		if want > 0 && cnNumber(cnNumeral(want)) != want {
			t.Errorf("cnNumeral(%d) = %q does not read back", want, cnNumeral(want))
		}
	}
}

func TestCellName(t *testing.T) {
	c := &grammar.Cell{Table: grammar.TableRequests, Row: grammar.Table2.Row(grammar.RowNew), Col: grammar.Table2.Row(grammar.RowNew).Cols[6]}
	if got, want := cellName(c), "表三“一、本年新收政府信息公开申请数量”总计"; got != want {
		t.Errorf("cellName = %q, want %q", got, want)
	}
	fee := grammar.Table1.Row(grammar.RowFees)
	c = &grammar.Cell{Table: grammar.TableProactive, Row: fee, Col: fee.Cols[0]}
	if got, want := cellName(c), "表二“行政事业性收费”"; got != want {
		t.Errorf("cellName = %q, want %q", got, want)
	}
}

// isHan takes U+4E00–U+9FFF as Han without the table: the table must
// agree, and isHan must answer as the table for every rune.
func TestIsHanIsTable(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("U+%04X is not Han in this Go's tables", r)
		}
	}
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(U+%04X) = %v", r, isHan(r))
		}
	}
}
