package grammar

// valueRun is a run of consecutive values in a positional table; header
// text separates runs.
type valueRun struct {
	vals   []*token
	before int // index of the token before the run
}

// alignPositional places the values of a table without row labels (table 1
// in most layouts): one run that fills the whole table (the usual single
// data row), else one run per group (a table split into three small ones).
func (p *parser) alignPositional(t *Table, lx *lexer) {
	ss := getSegments(len(lx.toks), 0)
	defer ss.release()
	runs := valueRuns(lx, ss)
	n := 0
	for _, r := range t.Rows {
		n += len(r.Def.Cols)
	}
	best := -1
	for k, r := range runs {
		if !anyValue(r.vals) {
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
		if len(r.vals) == len(t.Rows[0].Def.Cols) && anyValue(r.vals) {
			groups = append(groups, k)
		}
	}
	used := map[int]bool{}
	if len(runs[best].vals) < n && len(groups) == len(t.Rows) {
		for gi, k := range groups {
			p.fillRow(t, t.Rows[gi:gi+1], runs[k].vals, nonEmpty(runs[k].vals), runs[k].anchor(lx))
			used[k] = true
		}
	} else {
		p.fillRow(t, t.Rows, runs[best].vals, nonEmpty(runs[best].vals), runs[best].anchor(lx))
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

// valueRuns cuts the stream into runs of values; empty cells trailing on a
// header's own line are layout. The runs and their values are ss's.
func valueRuns(lx *lexer, ss *segments) []valueRun {
	runs := ss.runs[:0]
	var cur *valueRun
	// the values of every run in one array (each token is a value once),
	// each run's capped: vals[run:n]
	vals, n, run := ss.vals, 0, 0
	for i := range lx.toks {
		tk := &lx.toks[i]
		if tk.isValue() || tk.kind == tokText && tk.whole && shortValueText(tk.text) {
			if cur == nil {
				runs = append(runs, valueRun{before: i - 1})
				cur = &runs[len(runs)-1]
				run = n
			}
			vals[n] = tk
			n++
			continue
		}
		// the run ends: its values, given once
		if cur != nil {
			cur.vals = vals[run:n:n]
		}
		cur = nil
	}
	if cur != nil {
		cur.vals = vals[run:n:n]
	}
	ss.runs, ss.n = runs, n
	for k := range runs {
		r := &runs[k]
		if r.before >= 0 {
			hl := lx.toks[r.before].line
			for len(r.vals) > 0 && r.vals[0].kind == tokEmpty && r.vals[0].line == hl {
				r.vals = r.vals[1:]
			}
		}
	}
	return runs
}

// anchor is the token before the run (the header it follows), or nil.
func (r valueRun) anchor(lx *lexer) *token {
	if r.before < 0 {
		return nil
	}
	return &lx.toks[r.before]
}
