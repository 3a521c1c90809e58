package grammar

import (
	"fmt"
	"sync"
	"unicode/utf8"
)

type segment struct {
	label  *token // nil for values with no label before them
	values []*token
	// filled is nonEmpty(values), counted as the values are cut: the
	// passes after cutSegments need only it, and passed over every value
	filled     int
	order      int // index of the row in the template, -1 when unknown
	pos        int // index in the table's segments once split
	byPosition bool
}

// segments hands out the segments of one table from one slab, and their
// values from one array: a table has dozens of segments, and allocating
// each (and its values) was a third of the table reader's allocations.
// It also holds alignRows' lists. Its buffers go from table to table
// through segmentsPool, cleared (they point into a report's tokens).
type segments struct {
	slab []segment // not grown while in use: pointers into it stay valid
	// vals holds the values of the segments, one run after another: vals[:n]
	// are written
	vals []*token
	n    int

	segs, split, labelled, found []*segment
	hasValues                    []bool
	runs                         []valueRun // a positional table's
}

var segmentsPool sync.Pool

// getSegments returns cleared buffers with room for the segments of a
// stream of ntoks tokens and a template of nrows rows.
func getSegments(ntoks, nrows int) *segments {
	ss, _ := segmentsPool.Get().(*segments)
	if ss == nil {
		ss = &segments{}
	}
	// a segment starts at a token; a line split adds a few more, and the
	// segments that do not fit are allocated one by one
	if cap(ss.slab) < ntoks+8 {
		ss.slab = make([]segment, 0, ntoks+8)
	}
	if len(ss.vals) < ntoks {
		ss.vals = make([]*token, ntoks)
	}
	if cap(ss.found) < nrows {
		ss.found, ss.hasValues = make([]*segment, nrows), make([]bool, nrows)
	}
	ss.found, ss.hasValues = ss.found[:nrows], ss.hasValues[:nrows]
	return ss
}

// maxPooledSegments keeps the buffers of an outsized table out of the pool.
const maxPooledSegments = 1 << 14

// release clears the buffers and puts them back in the pool.
func (ss *segments) release() {
	clear(ss.slab)
	ss.slab = ss.slab[:0]
	clear(ss.vals[:ss.n])
	ss.n = 0
	for _, l := range []*[]*segment{&ss.segs, &ss.split, &ss.labelled} {
		clear(*l)
		*l = (*l)[:0]
	}
	clear(ss.found)
	clear(ss.hasValues)
	clear(ss.runs)
	ss.runs = ss.runs[:0]
	if cap(ss.slab) > maxPooledSegments || len(ss.vals) > maxPooledSegments {
		return
	}
	segmentsPool.Put(ss)
}

// add returns a new segment, empty but for sg.
func (ss *segments) add(sg segment) *segment {
	if len(ss.slab) == cap(ss.slab) {
		out := new(segment)
		*out = sg
		return out
	}
	ss.slab = append(ss.slab, sg)
	return &ss.slab[len(ss.slab)-1]
}

// setRun gives sg (if any) its values, the run vals[run:n], capped (an
// append elsewhere copies them), filled of them not empty.
func setRun(sg *segment, vals []*token, run, n, filled int) {
	if sg != nil && n > run {
		sg.values, sg.filled = vals[run:n:n], filled
	}
}

// alignRows places a labelled table's token stream into its rows: cut into
// segments, drop layout empties, split multi-row segments, take the labelled
// rows, give orphan values the rows missing around them, then fill.
func (p *parser) alignRows(t *Table, lx *lexer) {
	ss := getSegments(len(lx.toks), len(t.Def.Rows))
	defer ss.release()
	ss.segs = p.cutSegments(t, lx, ss)
	segs := dropLayoutEmpties(t.Def, ss.segs)
	for _, sg := range segs {
		ss.split = splitByLine(ss.split, ss, sg, len(t.Def.Rows[max(sg.order, 0)].Cols))
	}
	segs = ss.split
	for i, sg := range segs {
		sg.pos = i
	}
	ss.labelled = p.labelledRows(t, segs, ss.found, ss.hasValues, ss.labelled)
	p.placeOrphans(t, segs, ss.found, ss.labelled)
	p.fillFoundRows(t, lx, ss.found)
	p.resolvePending(t)
}

// cutSegments cuts the stream into segments: a row label (or an unknown
// label, or nothing: orphan values) and the values after it.
func (p *parser) cutSegments(t *Table, lx *lexer, ss *segments) []*segment {
	segs := ss.segs[:0]
	// the values of the current segment are the run vals[run:n], given
	// to it when it ends (setRun): each token is a value once, and vals
	// has room for every token; ne of vals[:n] are not empty, neRun of
	// them before the run
	vals, n, run := ss.vals, 0, 0
	ne, neRun := 0, 0
	var cur *segment
	seenRow := false
	toks := lx.toks
	for i := 0; i < len(toks); i++ {
		tk := &toks[i]
		switch {
		case tk.kind == tokLabel && tk.entry.kind == LabelRow:
			setRun(cur, vals, run, n, ne-neRun)
			cur, run, neRun = ss.add(segment{label: tk, order: tk.entry.order}), n, ne
			segs = append(segs, cur)
			seenRow = true
		case tk.kind == tokLabel:
			setRun(cur, vals, run, n, ne-neRun)
			cur = nil // a group or header label ends the row before it
		case tk.kind == tokText:
			switch {
			case cur != nil && n > run && tk.whole && shortValueText(tk.text):
				vals[n] = tk // 减4: a value that is not a number
				n++
				ne++
			case cur != nil && n == run && !containsDigit(tk.text):
				// a label broken over two cells or lines: the rest of it
			case tk.whole && seenRow && hasCJK(tk.text):
				setRun(cur, vals, run, n, ne-neRun)
				cur, run, neRun = ss.add(segment{label: tk, order: -1}), n, ne
				segs = append(segs, cur)
			default:
				if containsDigit(tk.text) || seenRow {
					p.unplaced(t, tk, "表格中的文字不是模板的标签")
				}
				setRun(cur, vals, run, n, ne-neRun)
				cur = nil
			}
		default:
			if cur == nil {
				if tk.kind == tokEmpty {
					continue
				}
				cur, run, neRun = ss.add(segment{order: -1}), n, ne
				segs = append(segs, cur)
			}
			vals[n] = tk
			n++
			if tk.kind != tokEmpty {
				ne++
			}
			// the values after it (the rest of a row's cells) join it as
			// well, in a loop of their own
			j := i + 1
			for j < len(toks) && toks[j].kind != tokLabel && toks[j].kind != tokText {
				vals[n] = &toks[j]
				n++
				if toks[j].kind != tokEmpty {
					ne++
				}
				j++
			}
			i = j - 1
		}
	}
	setRun(cur, vals, run, n, ne-neRun)
	ss.n = n
	return segs
}

// dropLayoutEmpties: empty cells are layout, not values, when they trail on
// a later line (the merged group columns that open the next row) or when
// they open a short row where complete rows of this table also open with
// empties (a label spanning two columns).
func dropLayoutEmpties(def *TableDef, segs []*segment) []*segment {
	leadingLayout := false
	for _, sg := range segs {
		if n := len(def.Rows[max(sg.order, 0)].Cols); sg.label != nil && len(sg.values) > n && sg.values[0].kind == tokEmpty && sg.filled == n {
			leadingLayout = true
		}
	}
	for _, sg := range segs {
		// only a short row with a value has empties to drop (most rows
		// are full): trimLayoutEmpties' first answer, without its call
		if n := len(def.Rows[max(sg.order, 0)].Cols); sg.filled > 0 && sg.filled < n {
			sg.values = trimLayoutEmpties(sg, n, leadingLayout)
		}
	}
	return segs
}

// labelledRows takes the labelled rows with values, into found (indexed by
// the template's rows, all nil on entry) and appended to labelled; a later
// repetition wins. hasValues is all false on entry, one per row too.
func (p *parser) labelledRows(t *Table, segs, found []*segment, hasValues []bool, labelled []*segment) []*segment {
	def := t.Def
	// a row whose cells are all explicitly blank (| 规章 | | | |) is a blank
	// row, not a missing one, unless its label also has values elsewhere
	for _, sg := range segs {
		if sg.order >= 0 && sg.filled > 0 {
			hasValues[sg.order] = true
		}
	}
	for _, sg := range segs {
		if sg.order < 0 {
			continue
		}
		if sg.filled == 0 {
			if hasValues[sg.order] || found[sg.order] != nil || len(sg.values) != len(def.Rows[sg.order].Cols) {
				continue
			}
		}
		if prev := found[sg.order]; prev != nil {
			for _, v := range prev.values {
				if v.kind != tokEmpty {
					p.unplaced(t, v, "同一行标签重复出现，采用后一处的数值")
				}
			}
		}
		found[sg.order] = sg
		labelled = append(labelled, sg)
	}
	return labelled
}

// placeOrphans: between two labelled rows in template order, values without
// a label take the rows missing there, in order, when their counts agree and
// each holds exactly one row of values; other orphans are reported unplaced.
func (p *parser) placeOrphans(t *Table, segs []*segment, found []*segment, labelled []*segment) {
	// one pair of buffers for every gap between labelled rows (neither
	// placeByPosition nor reportOrphans keeps them)
	var orphans []*segment
	var missing []int
	for ai := 0; ai <= len(labelled); ai++ {
		// the segments between the labelled rows ai-1 and ai
		from, to := 0, len(segs)
		if ai > 0 {
			from = labelled[ai-1].pos + 1
		}
		if ai < len(labelled) {
			to = labelled[ai].pos
		}
		orphans = orphans[:0]
		for _, sg := range segs[from:to] {
			if sg.order < 0 && sg.filled > 0 {
				orphans = append(orphans, sg)
			}
		}
		if len(orphans) == 0 {
			continue // most gaps: nothing to place nor to report
		}
		// the template's rows between them
		lo, hi := -1, len(t.Def.Rows)
		if ai > 0 {
			lo = labelled[ai-1].order
		}
		if ai < len(labelled) {
			hi = labelled[ai].order
		}
		missing = missing[:0]
		for k := lo + 1; k < hi; k++ {
			if found[k] == nil {
				missing = append(missing, k)
			}
		}
		if orphansFit(t.Def, orphans, missing, lo < hi) {
			p.placeByPosition(t, orphans, missing, found)
			continue
		}
		p.reportOrphans(t, orphans)
	}
}

// orphansFit: one orphan segment per missing row, each with that row's
// number of values.
func orphansFit(def *TableDef, orphans []*segment, missing []int, ordered bool) bool {
	fits := len(orphans) > 0 && len(orphans) == len(missing) && ordered
	for k := 0; fits && k < len(orphans); k++ {
		n := len(def.Rows[missing[k]].Cols)
		fits = orphans[k].filled == n || len(orphans[k].values) == n
	}
	return fits
}

func (p *parser) placeByPosition(t *Table, orphans []*segment, missing []int, found []*segment) {
	for k, sg := range orphans {
		row := t.Def.Rows[missing[k]]
		sg.order = missing[k]
		sg.byPosition = true
		if sg.label != nil {
			sg.label.kind = tokLabel
			sg.label.entry = &labelEntry{label: row.Label, kind: LabelRow, row: row, order: missing[k]}
			sg.label.how, sg.label.canonical = howPosition, false
			t.Labels = append(t.Labels, p.makeLabel(sg.label))
			if sg.label.label == 0 {
				sg.label.label = int32(len(t.Labels))
			}
		}
		found[missing[k]] = sg
	}
}

func (p *parser) reportOrphans(t *Table, orphans []*segment) {
	for _, sg := range orphans {
		reason := "数值前没有可识别的行标签"
		if sg.label != nil {
			reason = fmt.Sprintf("行标签“%s”不是模板中的行", sg.label.text)
			t.Problems = append(t.Problems, &Problem{Kind: "unknown-label", Span: p.span(sg.label.start, sg.label.end),
				Message: fmt.Sprintf("无法识别的行标签“%s”", sg.label.text)})
		}
		for _, v := range sg.values {
			if v.kind != tokEmpty {
				p.unplaced(t, v, reason)
			}
		}
	}
}

// fillFoundRows fills the rows; rows whose glued digits split several ways
// wait for the table's balances (resolvePending).
func (p *parser) fillFoundRows(t *Table, lx *lexer, found []*segment) {
	p.surplusWindow = surplusWindowOf(t, found)
	defer func() { p.surplusWindow = -1 }()
	prevEnd := lx.firstStart()
	for i, row := range t.Rows {
		sg := found[i]
		if sg == nil {
			t.Problems = append(t.Problems, &Problem{Kind: "missing-row", Row: row.Def, Span: p.span(prevEnd, prevEnd),
				Message: missingRowMessage(row.Def.Label)})
			continue
		}
		if sg.label != nil {
			row.Label = p.labelFor(t, sg.label)
		}
		if n := len(row.Def.Cols); sg.filled == n && n > 0 {
			// the row's n values, and empties (most rows): what fit
			// answers first, placed without fillRow's steps
			p.placeCellsFrom(t, []*Row{row}, sg.values, len(sg.values) != n, "", "")
		} else {
			p.fillRow(t, []*Row{row}, sg.values, sg.filled, sg.label)
		}
		if sg.byPosition {
			for _, c := range row.Cells {
				if c != nil && c.Doubt == "" {
					c.Doubt = "行标签未能识别，按行的位置对应"
				}
			}
		}
		if n := len(sg.values); n > 0 {
			prevEnd = sg.values[n-1].end
		}
	}
}

// trimLayoutEmpties drops the empty cells of a short row that belong to the
// layout rather than to the row. The empties it drops leave sg.filled as
// it is.
func trimLayoutEmpties(sg *segment, n int, leadingLayout bool) []*token {
	vs := sg.values
	if sg.filled == 0 || sg.filled >= n {
		return vs
	}
	last := len(vs) - 1 // the last value that is not empty
	for vs[last].kind == tokEmpty {
		last--
	}
	end := len(vs)
	for end > last+1 && vs[end-1].line != vs[last].line {
		end--
	}
	vs = vs[:end]
	if leadingLayout && sg.label != nil {
		start := 0
		for start < len(vs) && vs[start].kind == tokEmpty && vs[start].line == sg.label.line && nonEmpty(vs[start+1:]) < n {
			start++
		}
		vs = vs[start:]
	}
	return vs
}

// splitByLine cuts a segment whose values run over several lines, each line
// holding exactly n values, into one segment per line, appended to out.
func splitByLine(out []*segment, ss *segments, sg *segment, n int) []*segment {
	vs := sg.values
	if len(vs) <= n || sg.filled <= n {
		return append(out, sg)
	}
	// the lines are runs of vs: each must hold n values, and there must
	// be two of them at least
	lines := 0
	for a := 0; a < len(vs); lines++ {
		b := lineRunEnd(vs, a)
		if nonEmpty(vs[a:b]) != n {
			return append(out, sg)
		}
		a = b
	}
	if lines < 2 {
		return append(out, sg)
	}
	for a := 0; a < len(vs); {
		b := lineRunEnd(vs, a)
		// each line holds n values (above)
		if a == 0 {
			out = append(out, ss.add(segment{label: sg.label, order: sg.order, values: vs[a:b:b], filled: n}))
		} else {
			out = append(out, ss.add(segment{order: -1, values: vs[a:b:b], filled: n}))
		}
		a = b
	}
	return out
}

// lineRunEnd returns where the run of vs on the line of vs[a] ends.
func lineRunEnd(vs []*token, a int) int {
	b := a + 1
	for b < len(vs) && vs[b].line == vs[a].line {
		b++
	}
	return b
}

// shortValueText: s is a value written with words (减4), of 8 runes at
// most. A rune has 4 bytes at most, and the text of most cells it is asked
// about (headers) has no digit: those are told before the runes are
// counted.
func shortValueText(s string) bool {
	return len(s) <= 4*8 && containsDigit(s) && utf8.RuneCountInString(s) <= 8
}

// anyValue: nonEmpty(vs) > 0, told at the first value.
func anyValue(vs []*token) bool {
	for _, v := range vs {
		if v.kind != tokEmpty {
			return true
		}
	}
	return false
}

func nonEmpty(vs []*token) int {
	n := 0
	for _, v := range vs {
		if v.kind != tokEmpty {
			n++
		}
	}
	return n
}
