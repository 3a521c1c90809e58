package pdf

import "testing"

// line sets runes on one baseline from x, each advancing by its width
// (wide 10pt, narrow 5pt) plus extra (the stretch of a justified line);
// a rune in spaces is drawn as a real space glyph.
func line(s string, x, extra float64) []glyph {
	var gs []glyph
	for _, r := range s {
		w := 5.0
		if isWide(r) {
			w = 10
		}
		gs = append(gs, glyph{r: r, x0: x, x1: x + w, y0: 98, y1: 108, ox: x, oy: 100, size: 10})
		x += w + extra
	}
	return gs
}

func lineText(gs []glyph) string {
	ls := groupLines(gs)
	if len(ls) != 1 {
		return "?"
	}
	return ls[0].text(3)
}

func TestLineText(t *testing.T) {
	for _, c := range []struct {
		name string
		gs   []glyph
		want string
	}{
		// a justified line stretches every gap, digits included
		{"justified", line("于2024年12月31日", 0, 3), "于2024年12月31日"},
		// a space the PDF has between Chinese characters is justification
		{"space between wide", line("报 其他", 0, 0), "报其他"},
		// a typed space before a Latin word is kept
		{"space before Latin", line("详见 links.tsv", 0, 0), "详见 links.tsv"},
		// words set apart without a space glyph
		{"Latin words", append(line("ISO", 0, 0), line("9001", 30, 0)...), "ISO 9001"},
		// two slashes are two glyphs, a glyph drawn twice (fake bold) one
		{"double slash", line("https://x", 0, 0), "https://x"},
		{"fake bold", append(line("报告", 0, 0), line("报告", 0.4, 0)...), "报告"},
		// columns of a table drawn without rules
		{"columns", append(line("规章", 0, 0), line("0", 80, 0)...), "规章\t0"},
	} {
		if got := lineText(c.gs); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestJoinWrapped(t *testing.T) {
	for _, c := range [][3]string{
		{"社会公益", "组织", "社会公益组织"},
		{"于2", "025年", "于2025年"}, // CJK line breaking splits numbers
		{"annual", "report", "annual report"},
		{"", "组织", "组织"},
	} {
		if got := joinWrapped(c[0], c[1]); got != c[2] {
			t.Errorf("joinWrapped(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

func TestMergeSplitRow(t *testing.T) {
	for _, c := range []struct {
		before, after, want string
		ok                  bool
	}{
		{"二、上年结转政府信息公开\t0\t\t0", "申请数量\t\t\t", "二、上年结转政府信息公开申请数量\t0\t\t0", true},
		{"\t4.保护\t0\t0", "\t第三方合法权益\t\t", "\t4.保护第三方合法权益\t0\t0", true},
		// a new row: it has numbers
		{"规章\t0\t0", "行政规范性文件\t3\t1", "", false},
		// a new row: a cell starts where the row before had none
		{"\t1.属于国家秘密\t0", "（三）\t\t", "", false},
		// different columns
		{"a\tb", "c", "", false},
	} {
		got, ok := mergeSplitRow(c.before, c.after)
		if ok != c.ok || got != c.want {
			t.Errorf("mergeSplitRow(%q, %q) = %q, %v; want %q, %v", c.before, c.after, got, ok, c.want, c.ok)
		}
	}
}

func TestPageNumbers(t *testing.T) {
	for _, s := range []string{"- 1 -", "-3-", "— 12 —", "第3页", "第 3 页 共 5 页", "3", "3/5"} {
		if !rePageNumber.MatchString(s) {
			t.Errorf("%q not a page number", s)
		}
	}
	for _, s := range []string{"2024年", "一、总体情况", "0517-87290606"} {
		if rePageNumber.MatchString(s) {
			t.Errorf("%q taken for a page number", s)
		}
	}
}
