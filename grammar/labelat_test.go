package grammar

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// refOtherRows is lexer.otherRows as it was: a pass over every token.
func refOtherRows(lx *lexer) int {
	found := false
	toks := lx.toks
	for i := range toks {
		tk := &toks[i]
		if tk.kind != tokLabel {
			continue
		}
		if tk.entry.kind == LabelRow && tk.entry.row.Group == groupOt {
			return otherRows2021
		}
		if !found && tk.entry.kind == LabelHeader && tk.entry.label == groupOt {
			j := i + 1
			for j < len(toks) && toks[j].kind == tokEmpty && toks[j].line == tk.line {
				j++
			}
			found = j < len(toks) && toks[j].kind == tokNumber
		}
	}
	if found {
		return otherRows2019
	}
	return otherRowsNone
}

// labelAt notes every label token, in order, as a pass over the tokens
// finds them (and otherRows answers as that pass did), and a token known
// canonical is a label as the template writes it: the table regions
// of the real and broken reports (LF and CRLF) by every template, before
// and after the trailing text goes, also lexed from the matcher's memory,
// and random lines of labels, near misses, numbers, tabs, pipes, 𠀀 and
// invalid UTF-8.
func TestLabelAtAsEveryToken(t *testing.T) {
	defs := tableDefs
	check := func(p *parser, def *TableDef, a, b int) int {
		t.Helper()
		lx := p.lexRegion(def, a, b)
		for range 2 {
			var want []int32
			for i := range lx.toks {
				if lx.toks[i].kind == tokLabel {
					want = append(want, int32(i))
				}
			}
			if !slices.Equal(lx.labelAt, want) || lx.labels != len(want) {
				t.Fatalf("%q by %s %d: labelAt %v (%d labels), a pass %v", p.text[a:b], def.Format, def.ID, lx.labelAt, lx.labels, want)
			}
			for _, tk := range lx.toks {
				if tk.canonical && (tk.kind != tokLabel || tk.text != tk.entry.label) {
					t.Fatalf("%q by %s %d: %+v is no label as the template writes it", p.text[a:b], def.Format, def.ID, tk)
				}
			}
			if got, want := lx.otherRows(), refOtherRows(lx); got != want {
				t.Fatalf("%q by %s %d: otherRows %d, a pass %d", p.text[a:b], def.Format, def.ID, got, want)
			}
			lx.releaseTrailingText()
		}
		n := len(lx.labelAt)
		p.releaseLexers()
		return n
	}
	labels := 0
	for _, text := range brokenTexts(t, 2) {
		for _, text := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
			p := parserBeforeTables(text)
			for id := 1; id <= 3; id++ {
				if a, b, ok := p.tableRegion(id); ok {
					for _, def := range defs {
						labels += check(p, def, a, b)
					}
				}
			}
		}
	}
	if labels < 1000 {
		t.Fatalf("only %d labels", labels)
	}
	pieces := []string{"\t", "|", " ", "0", "12", "（六）其他处理", "其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（一）予以公开",
		"予以公开", "予一公开", "行政许可", "规章", "信息内容", "结果维持", "总计", "𠀀", "\xff", "\n", "\r\n", "无", "3个"}
	rng := rand.New(rand.NewSource(101))
	for range 5000 {
		text := randomText(rng, pieces, 1+rng.Intn(20))
		p := parserBeforeTables(text)
		for _, def := range defs {
			check(p, def, 0, len(text))
		}
	}
}

// A cell lexes from its slot as it was scanned, and a separated
// placeholder (/ — 无 不适用 …) is a placeholder the second time too: the
// slot lexCell asks first never holds one. Each line is lexed three times
// by every template, against a lexer that always scans.
func TestSlotCellsAsScanned(t *testing.T) {
	cells := []string{"/", "／", "—", "——", "-", "－", "--", "不适用", "无", "—/—", "\\", "、",
		"行政许可", "（一）予以公开", "结果维持", "3个", "规章"}
	for _, c := range cells {
		for _, text := range []string{"行政许可\t" + c + "\t1", c, "| " + c + " | 2 |"} {
			p := &parser{text: text}
			for _, def := range tableDefs {
				m := matcherFor(def)
				for range 3 {
					got, want := &lexer{p: p, m: m}, &lexer{p: p, m: m, unremembered: true}
					got.lexLine(0, 0, len(text))
					want.lexLine(0, 0, len(text))
					if !slices.Equal(got.toks, want.toks) || !slices.Equal(got.labelAt, want.labelAt) || got.glued != want.glued {
						t.Fatalf("%q by %s %d: %+v, scanned %+v", text, def.Format, def.ID, got.toks, want.toks)
					}
				}
			}
		}
	}
}
