package grammar

import ()

func (p *parser) alignPositional(t *Table, lx *lexer) {
	// runs of consecutive values; header text separates them
	type run struct {
		vals   []*token
		before int // index of the token before the run
	}
	var runs []run
	var cur *run
	for i := range lx.toks {
		tk := &lx.toks[i]
		if tk.isValue() || tk.kind == tokText && tk.whole && shortValueText(tk.text) {
			if cur == nil {
				runs = append(runs, run{before: i - 1})
				cur = &runs[len(runs)-1]
			}
			cur.vals = append(cur.vals, tk)
			continue
		}
		cur = nil
	}
	// empty cells trailing on a header's own line are layout
	for k := range runs {
		r := &runs[k]
		if r.before >= 0 {
			hl := lx.toks[r.before].line
			for len(r.vals) > 0 && r.vals[0].kind == tokEmpty && r.vals[0].line == hl {
				r.vals = r.vals[1:]
			}
		}
	}
	n := 0
	for _, r := range t.Rows {
		n += len(r.Def.Cols)
	}
	// one run that fills the whole table (the usual single data row), else
	// one run per group (a table split into three small ones)
	best := -1
	for k, r := range runs {
		if nonEmpty(r.vals) == 0 {
			continue
		}
		if best < 0 || nonEmpty(r.vals) >= nonEmpty(runs[best].vals) {
			best = k
		}
	}
	if best < 0 {
		return
	}
	var groups []int
	for k, r := range runs {
		if nonEmpty(r.vals) > 0 && len(r.vals) == len(t.Rows[0].Def.Cols) {
			groups = append(groups, k)
		}
	}
	used := map[int]bool{}
	if len(runs[best].vals) < n && len(groups) == len(t.Rows) {
		for gi, k := range groups {
			var anchor *token
			if runs[k].before >= 0 {
				anchor = &lx.toks[runs[k].before]
			}
			p.fillRow(t, t.Rows[gi:gi+1], runs[k].vals, anchor)
			used[k] = true
		}
	} else {
		var anchor *token
		if runs[best].before >= 0 {
			anchor = &lx.toks[runs[best].before]
		}
		p.fillRow(t, t.Rows, runs[best].vals, anchor)
		used[best] = true
	}
	for k, r := range runs {
		if used[k] {
			continue
		}
		for _, v := range r.vals {
			if v.kind == tokNumber {
				p.unplaced(t, v, "数值不在表格的数据行中")
			}
		}
	}
}
