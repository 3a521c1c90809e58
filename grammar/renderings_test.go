package grammar_test

import (
	"fmt"
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// cellMap is every placed cell of a report: "table/row/col" → value as text
// ("blank" for an empty cell).
func cellMap(rep *grammar.Report) map[string]string {
	out := map[string]string{}
	for _, t := range rep.Tables {
		if t == nil {
			continue
		}
		for _, c := range t.Cells() {
			k := fmt.Sprintf("%d/%s/%s", t.ID, c.Row.Key, c.Col.Key)
			switch v, ok := c.Number(); {
			case ok:
				out[k] = fmt.Sprint(v)
			case c.Kind == grammar.CellEmpty:
				out[k] = "blank"
			default:
				out[k] = string(c.Kind) + ":" + c.Text
			}
		}
	}
	return out
}

// The golden reports written from the same tables (tab, Markdown, one cell
// per line, pipe in GB18030, tab with label variants, Word paragraphs) must
// give the same 10 + 175 + 15 cells, whatever the rendering. The Word export
// leaves the zeros of the five 法人 columns blank: there, and only there, a
// blank stands for a 0 of the others.
func TestRenderingsAgree(t *testing.T) {
	parse := func(name string) map[string]string {
		_, in := readGolden(t, "../testdata/grammar/"+name+".txtar")
		return cellMap(grammar.Parse(in.decode(t)))
	}
	want := parse("tab")
	if len(want) != 10+25*7+15 {
		t.Fatalf("tab golden places %d cells, want 200", len(want))
	}
	for _, name := range []string{"markdown", "lines", "pipe_gb18030_crlf", "variants"} {
		got := parse(name)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %s = %q, tab rendering has %q", name, k, got[k], v)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d cells, tab rendering has %d", name, len(got), len(want))
		}
	}
	legal := map[string]bool{grammar.ColCommercial: true, grammar.ColResearch: true, grammar.ColSocial: true,
		grammar.ColLegal: true, grammar.ColOther: true}
	word := parse("word_tab_prefixed")
	for _, t2 := range []*grammar.TableDef{grammar.Table1, grammar.Table2, grammar.Table3} {
		for _, r := range t2.Rows {
			for _, c := range r.Cols {
				k := fmt.Sprintf("%d/%s/%s", t2.ID, r.Key, c.Key)
				w := want[k]
				if t2.ID == grammar.TableRequests && legal[c.Key] && w == "0" {
					w = "blank"
				}
				if word[k] != w {
					t.Errorf("word: %s = %q, want %q", k, word[k], w)
				}
			}
		}
	}
}
