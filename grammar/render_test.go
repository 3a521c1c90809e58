package grammar

import (
	"strings"
	"testing"
)

// A rendered blank table parses back: the table is found where its section
// puts it, every row label is recognised, and nothing is left unplaced.
func TestRenderTableParses(t *testing.T) {
	for _, f := range []Format{Format2021, Format2019} {
		for _, layout := range []string{"tab", "pipe", "lines"} {
			for _, eol := range []string{"\n", "\r\n"} {
				defs := Tables(f)
				var b strings.Builder
				b.WriteString("示例局2020年政府信息公开工作年度报告" + eol)
				for _, d := range Sections {
					b.WriteString(d.Canonical() + eol)
					if d.Table > 0 {
						b.WriteString(RenderTable(defs[d.Table-1], layout, eol))
					} else {
						b.WriteString("正文。" + eol)
					}
				}
				text := b.String()
				rep := Parse(NewSource("r.txt", text))
				for id := 1; id <= 3; id++ {
					tb := rep.Table(id)
					if tb == nil {
						t.Errorf("%s/%s/%q: table %d not found", f, layout, eol, id)
						continue
					}
					if id == TableReview {
						continue // no row labels; a blank data row is all layout
					}
					for _, r := range tb.Rows {
						if r.Label == nil {
							t.Errorf("%s/%s/%q: table %d row %q: label not found", f, layout, eol, id, r.Def.Label)
						} else if !r.Label.Exact {
							t.Errorf("%s/%s/%q: table %d row %q read as %q (%s)", f, layout, eol, id, r.Def.Label, r.Label.Text, r.Label.How)
						}
					}
					for _, p := range tb.Problems {
						if p.Kind == "unknown-label" || p.Kind == "extra-values" {
							t.Errorf("%s/%s/%q: table %d: %s %s", f, layout, eol, id, p.Kind, p.Message)
						}
					}
				}
				for _, u := range rep.Unplaced {
					t.Errorf("%s/%s/%q: unplaced %q: %s", f, layout, eol, u.Text, u.Reason)
				}
			}
		}
	}
}
