package grammar

import "strings"

// RenderTable writes the blank template table def in one of the renderings
// the parser reads: "tab" (tab-separated rows, the default), "pipe" (Markdown
// table rows) or "lines" (one cell per line; a blank cell is a line holding
// a tab, as Word exports write it). Lines are joined by eol and the text
// ends with eol. Value cells are left blank: the author fills them in.
func RenderTable(def *TableDef, layout, eol string) string {
	return RenderTableFilled(def, layout, eol, "")
}

// RenderTableFilled is RenderTable with every value cell holding fill (a
// blank report for `gdlint new` writes 0).
func RenderTableFilled(def *TableDef, layout, eol, fill string) string {
	if layout != "pipe" && layout != "lines" {
		layout = "tab"
	}
	w := &tableWriter{layout: layout, fill: fill}
	switch def.ID {
	case TableProactive:
		renderProactive(w, def)
	case TableRequests:
		renderRequests(w, def)
	default:
		renderReview(w, def)
	}
	return strings.Join(w.lines, eol) + eol
}

type tableWriter struct {
	layout string
	fill   string // the text of a value cell ("" for blank)
	lines  []string
}

// row writes one table row: labels then n value cells.
func (w *tableWriter) row(labels []string, values int) {
	switch w.layout {
	case "lines":
		w.lines = append(w.lines, labels...)
		for i := 0; i < values; i++ {
			if w.fill == "" {
				w.lines = append(w.lines, "\t") // a blank cell, as Word exports write it
			} else {
				w.lines = append(w.lines, w.fill)
			}
		}
	case "pipe":
		cells := append([]string(nil), labels...)
		for i := 0; i < values; i++ {
			cells = append(cells, w.fill)
		}
		// no padding to the header's width: a blank row must hold exactly
		// its own cells to be read as blank
		w.lines = append(w.lines, "| "+strings.Join(cells, " | ")+" |")
	default:
		line := strings.Join(labels, "\t")
		for i := 0; i < values; i++ {
			line += "\t" + w.fill
		}
		w.lines = append(w.lines, line)
	}
}

// pipeHeader starts a Markdown table whose rows are width cells wide.
func (w *tableWriter) pipeHeader(cells []string, width int) {
	for len(cells) < width {
		cells = append(cells, "")
	}
	w.lines = append(w.lines, "| "+strings.Join(cells, " | ")+" |",
		"|"+strings.Repeat("---|", width))
}

const headerContent = "信息内容"

func renderProactive(w *tableWriter, def *TableDef) {
	width := 1
	for _, r := range def.Rows {
		width = max(width, 1+len(r.Cols))
	}
	block := ""
	for i, r := range def.Rows {
		if r.Block != block {
			block = r.Block
			if w.layout == "pipe" && i == 0 {
				w.pipeHeader([]string{block}, width)
			} else {
				w.row([]string{block}, 0)
			}
			heads := []string{headerContent}
			for _, c := range r.Cols {
				heads = append(heads, c.Label)
			}
			w.row(heads, 0)
		}
		w.row([]string{r.Label}, len(r.Cols))
	}
}

func renderRequests(w *tableWriter, def *TableDef) {
	cols := def.Rows[0].Cols
	var heads []string
	for _, c := range cols {
		heads = append(heads, c.Label)
	}
	switch w.layout {
	case "pipe":
		w.pipeHeader(append([]string{noteT2}, heads...), 1+len(cols))
	case "lines":
		w.row(append([]string{noteT2, "申请人情况"}, heads...), 0)
	default:
		w.row([]string{noteT2, "申请人情况"}, 0)
		w.row(append([]string{""}, heads...), 0)
	}
	groups := map[string]bool{}
	for _, r := range def.Rows {
		// a group label heads its first row; nested groups (（三）不予公开)
		// sit under 三、本年度办理结果
		if r.Group != "" && !groups[r.Group] {
			groups[r.Group] = true
			if r.Group != group3 && !groups[group3] {
				groups[group3] = true
				w.row([]string{group3}, 0)
			}
			w.row([]string{r.Group}, 0)
		}
		w.row([]string{r.Label}, len(r.Cols))
	}
}

func renderReview(w *tableWriter, def *TableDef) {
	var groups, heads []string
	n := 0
	for _, r := range def.Rows {
		g := r.Label
		if r.Group != "" {
			g = strings.TrimPrefix(r.Label, r.Group+"·")
		}
		groups = append(groups, g)
		for _, c := range r.Cols {
			heads = append(heads, c.Label)
		}
		n += len(r.Cols)
	}
	top := []string{def.Rows[0].Label, def.Rows[1].Group}
	switch w.layout {
	case "pipe":
		w.pipeHeader(top, n)
		w.row(groups, 0)
		w.row(heads, 0)
	case "lines":
		w.row(append(top, groups[1:]...), 0)
		w.row(heads, 0)
	default:
		w.row(top, 0)
		w.row(append([]string{""}, groups[1:]...), 0)
		w.row(heads, 0)
	}
	w.row(nil, n)
}
