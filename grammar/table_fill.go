package grammar

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fitResult is how a row's values fill its cells. placed is nil when the
// parser cannot say which value goes where; it may hold nil entries (cells
// left unplaced) when splitBy is SplitByAgreement.
type fitResult struct {
	placed, extra []*token
	// skipEmpties: placed holds empty cells besides the n values, which
	// placeCells passes over
	skipEmpties bool
	splitBy     SplitHow // "" when nothing was split
	msg         string
	readings    int    // the number of splits, for SplitByAgreement
	dropped     *token // a non-zero extra value the only balancing reading leaves out
}

// fillRow places values into rows (one row, or all rows of a positional
// table); filled is nonEmpty(vals).
func (p *parser) fillRow(t *Table, rows []*Row, vals []*token, filled int, label *token) {
	n := 0
	for _, r := range rows {
		n += len(r.Def.Cols)
	}
	name := rows[0].Def.Label
	if len(rows) > 1 {
		name = t.Def.Name
	}
	res := p.fit(vals, filled, n, rowsChecker{t, rows})
	spanOf := func(vs []*token) Span {
		if len(vs) == 0 {
			if label != nil {
				return p.span(label.start, label.end)
			}
			return t.Span
		}
		return p.span(vs[0].start, vs[len(vs)-1].end)
	}
	if res.placed == nil {
		p.unfitted(t, rows, vals, label, n, name, res.msg, spanOf(vals))
		return
	}
	doubt := ""
	switch res.splitBy {
	case SplitByRowTotal:
		doubt = "数字粘连，按本行合计关系唯一拆分"
	case SplitByCount:
		doubt = "数字粘连，只有一种拆分方式"
	case SplitByAgreement:
		doubt = "数字粘连，有多种拆分方式，各种拆分下该单元格的值相同"
		msg := fmt.Sprintf("“%s”的数字连在一起（%s），%d种拆分方式中没有一种满足本行合计关系：无论怎样拆分，本行各数之和都不等于总计",
			name, joinTok(vals), res.readings)
		if open := unsettledCols(rows[0].Def, res.placed); open != "" {
			msg += "；各拆分方式不一致的" + open + "列，其勾稽关系未核对"
		}
		t.Problems = append(t.Problems, &Problem{Kind: "unbalanced-split", Row: rows[0].Def, Span: spanOf(vals), Message: msg})
		p.unplacedDisagreeing(t, vals, res.placed, fmt.Sprintf("“%s”：%s", name, msg))
	}
	if len(res.extra) > 0 {
		doubt = extraValuesDoubt(filled, n)
		msg := extraValuesMessage(name, len(res.placed)+len(res.extra), n, len(res.extra))
		span := spanOf(res.extra)
		if d := res.dropped; d != nil {
			// the value the row balances without may be the wrong one
			msg += droppedValueNote(d.text)
			// from the value on, over the cells left out
			span = p.span(min(d.start, res.extra[0].start), max(d.end, res.extra[len(res.extra)-1].end))
		}
		t.Problems = append(t.Problems, &Problem{Kind: "extra-values", Row: rows[0].Def, Span: span, Message: msg})
		reason := "" // made once, for the first value
		for _, v := range res.extra {
			if v.kind != tokEmpty {
				if reason == "" {
					reason = extraCellReason(name)
				}
				p.unplaced(t, v, reason)
			}
		}
	}
	p.placeCellsFrom(t, rows, res.placed, res.skipEmpties, res.splitBy, doubt)
}

// wholeTableChecks holds rowCheck of all the rows of each table: a
// positional table fills them at once (alignPositional).
var wholeTableChecks = func() map[*TableDef]func([]float64) bool {
	m := map[*TableDef]func([]float64) bool{}
	for _, def := range tableDefs {
		m[def] = rowCheck(def, def.Rows)
	}
	return m
}()

// rowsCheck is rowCheck of rows, a run of t's rows.
func rowsCheck(t *Table, rows []*Row) func([]float64) bool {
	if check, ok := wholeTableChecks[t.Def]; ok && len(rows) == len(t.Def.Rows) && rows[0].Def == t.Def.Rows[0] {
		return check
	}
	defs := make([]*RowDef, len(rows))
	for i, r := range rows {
		defs[i] = r.Def
	}
	return rowCheck(t.Def, defs)
}

// unfitted reports a row whose values could not be placed, or sets it aside
// for the table's balances when its glued digits balance several ways.
func (p *parser) unfitted(t *Table, rows []*Row, vals []*token, label *token, n int, name, msg string, span Span) {
	kind := "missing-values"
	if strings.HasPrefix(msg, "ambiguous") {
		kind = "ambiguous-split"
		// the table's own balances may still tell which split is right
		if t.ID == TableRequests && len(rows) == 1 && p.cands != nil {
			p.pending = append(p.pending, &pendingRow{row: rows[0], vals: vals, label: label, cands: p.cands})
			p.cands = nil
			return
		}
	} else if len(vals) > n {
		kind = "extra-values"
	}
	p.cands = nil
	text := problemMessage(kind, name, n, vals, msg)
	if kind == "missing-values" && msg == "" && len(rows) == 1 {
		if note := missingCellNote(t, rows[0].Def, vals); strings.HasPrefix(note, "；") {
			text = fmt.Sprintf("“%s”只有%d个数值，模板为%d个", name, nonEmpty(vals), n) + note
		} else {
			text += note
		}
	}
	t.Problems = append(t.Problems, &Problem{Kind: kind, Row: rows[0].Def, Span: span, Message: text})
	p.unplacedAll(t, vals, name, text)
}

// unplacedAll notes each value of vals that is not empty as unplaced, for
// the reason "“name”：text" (made once, not once a value).
func (p *parser) unplacedAll(t *Table, vals []*token, name, text string) {
	reason := ""
	for _, v := range vals {
		if v.kind != tokEmpty {
			if reason == "" {
				reason = "“" + name + "”：" + text
			}
			p.unplaced(t, v, reason)
		}
	}
}

// missingCellNote says, for a row one value short, which cells can be the
// missing one (those where a value would let the row add up to its total)
// and which relations go unchecked.
func missingCellNote(t *Table, row *RowDef, vals []*token) string {
	var present []*token
	for _, v := range vals {
		if v.kind != tokEmpty {
			present = append(present, v)
		}
	}
	n := len(row.Cols)
	if len(present) != n-1 || t.ID == TableProactive {
		return ""
	}
	vs := values(present)
	for _, v := range vs {
		if math.IsNaN(v) {
			return ""
		}
	}
	// the last column is the total of the others
	var can []string
	for gap := 0; gap < n; gap++ {
		cells := append(append(append([]float64{}, vs[:gap]...), math.NaN()), vs[gap:]...)
		if gap == n-1 {
			can = append(can, "“"+row.Cols[gap].Label+"”")
			continue
		}
		sum := 0.0
		for i, v := range cells[:n-1] {
			if i != gap {
				sum += v
			}
		}
		if need := cells[n-1] - sum; need >= 0 && need == math.Trunc(need) {
			can = append(can, "“"+row.Cols[gap].Label+"”")
		}
	}
	note := "，缺少的可能是任何一列"
	switch {
	case len(can) == 1:
		note = "；只有缺少" + can[0] + "时本行合计才可能成立"
	case len(can) < n:
		note = "，缺少的可能是" + strings.Join(can, "、") + "（其余位置都使本行合计不成立）"
	}
	if t.ID == TableRequests {
		return note + "；本行的总计关系和各列的勾稽关系都未核对"
	}
	return note + "；本行的总计关系未核对"
}

// unplacedDisagreeing records the glued runs of vals whose digits are not
// all placed (the readings disagree on them).
func (p *parser) unplacedDisagreeing(t *Table, vals, placed []*token, reason string) {
	for _, v := range vals {
		if v.kind == tokEmpty {
			continue
		}
		covered := 0
		for _, pv := range placed {
			if pv != nil && pv.start >= v.start && pv.end <= v.end {
				covered += pv.end - pv.start
			}
		}
		if covered < v.end-v.start {
			p.unplaced(t, v, reason)
		}
	}
}

// placeCells turns the chosen tokens into the cells of rows.
func (p *parser) placeCells(t *Table, rows []*Row, placed []*token, splitBy SplitHow, doubt string) {
	p.placeCellsFrom(t, rows, placed, false, splitBy, doubt)
}

// placeCellsFrom is placeCells, passing over the empty cells of placed
// when skipEmpties.
func (p *parser) placeCellsFrom(t *Table, rows []*Row, placed []*token, skipEmpties bool, splitBy SplitHow, doubt string) {
	i := 0
	// read once, not at each cell: the stores into the cells may alias them
	id, v := t.ID, p.v
	for _, r := range rows {
		r.Split, r.SplitBy = splitBy != "", splitBy
		rd, slots := r.Def, r.Cells
		// the row's cells in one take (a call each was a tenth of this
		// loop): one a column, and those no token is placed in given back
		// unwritten (counting them first cost more)
		cells := p.cellSlab.take(len(rd.Cols), max(p.slabSlots, 64))
		used := 0
		for ci, col := range rd.Cols {
			for skipEmpties && placed[i].kind == tokEmpty {
				i++
			}
			pv := placed[i]
			i++
			if pv == nil {
				continue
			}
			// a new cell is zero: its fields are set one by one, with no
			// whole Cell built and copied (nor a Doubt that is none). The
			// cells of a report's tables are one block, as their slots are.
			c := &cells[used]
			used++
			c.Table, c.Row, c.Col, c.Text, c.Span = id, rd, col, pv.text, v.ToSource(Span{pv.start, pv.end})
			if doubt != "" {
				c.Doubt = doubt
			}
			switch pv.kind {
			case tokEmpty:
				c.Kind = CellEmpty
			case tokPlaceholder:
				c.Kind = CellPlaceholder
			case tokText:
				c.Kind = CellText
			default:
				c.Kind = CellNumber
				// most cells: parseNumber's first answer, without the call,
				// and for one digit (0, most of all) without the loop
				if d := pv.text; len(d) == 1 && d[0]-'0' < 10 {
					c.Value, c.Integer = float64(d[0]-'0'), true
					break
				}
				if v, ok := smallDigits(pv.text); ok {
					c.Value, c.Integer = v, true
					break
				}
				c.Value, c.Integer, c.Unit = parseNumber(pv.text)
				if math.IsNaN(c.Value) {
					c.Kind = CellText
				}
			}
			slots[ci] = c
		}
		p.cellSlab.giveBack(len(cells) - used)
	}
}

// The messages of a row with more values than cells, and of a missing row,
// are joined, not formatted (fmt.Sprintf with %s and %d, as the tests
// check): a table with a surplus column has one of each a row.

// extraValuesDoubt is the Doubt of the cells of a row of filled values
// for n cells.
func extraValuesDoubt(filled, n int) string {
	return "该行有" + strconv.Itoa(filled) + "个数值，应为" + strconv.Itoa(n) + "个"
}

// extraValuesMessage is the problem of the row name of cells cells for n,
// extra of them left out.
func extraValuesMessage(name string, cells, n, extra int) string {
	return "“" + name + "”有" + strconv.Itoa(cells) + "个单元格，模板为" + strconv.Itoa(n) + "个；多出的" + strconv.Itoa(extra) + "个未采用"
}

// droppedValueNote follows extraValuesMessage when the row balances only
// without the value text.
func droppedValueNote(text string) string {
	return "；只有舍去非零的“" + text + "”本行合计才成立，它可能是填错的数，请核对"
}

// extraCellReason is why a value left out of the row name is unplaced.
func extraCellReason(name string) string {
	return "“" + name + "”多出的单元格"
}

// missingRowMessage is the problem of a row label not found.
func missingRowMessage(label string) string {
	return "缺少“" + label + "”行，或其数值无法确定"
}

func problemMessage(kind, name string, n int, vals []*token, msg string) string {
	switch kind {
	case "ambiguous-split":
		return fmt.Sprintf("“%s”的数字连在一起（%s），有多种拆分方式，无法确定各单元格的值", name, joinTok(vals))
	case "extra-values":
		return fmt.Sprintf("“%s”有%d个数值，模板为%d个，无法确定哪些是多余的", name, nonEmpty(vals), n)
	}
	if msg != "" {
		return fmt.Sprintf("“%s”的数字连在一起（%s），%s", name, joinTok(vals), msg)
	}
	return fmt.Sprintf("“%s”只有%d个数值，模板为%d个，无法确定缺少哪一个", name, nonEmpty(vals), n)
}

func joinTok(vs []*token) string {
	var parts []string
	for _, v := range vs {
		if v.kind != tokEmpty {
			parts = append(parts, v.text)
		}
	}
	return strings.Join(parts, " ")
}

// parseNumber reads "12", "4068.208", "43.788万元", "１２".
func parseNumber(s string) (float64, bool, string) {
	if v, ok := smallDigits(s); ok {
		return v, true, "" // nearly every cell
	}
	unit := ""
	for _, u := range []string{"万元", "元"} {
		if strings.HasSuffix(s, u) {
			unit, s = u, strings.TrimSuffix(s, u)
			break
		}
	}
	// a count unit (3个) says nothing the column does not
	for _, u := range []string{"个", "件", "项", "条"} {
		s = strings.TrimRight(strings.TrimSuffix(s, u), " ")
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '－':
			return '-'
		}
		return r
	}, s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN(), false, unit
	}
	return v, !strings.Contains(s, "."), unit
}

// smallDigits reads s when it is 1 to 15 ASCII digits, which a float64
// holds exactly, as strconv.ParseFloat would.
func smallDigits(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	n := int64(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return float64(n), true
}

// rowsChecker makes the check of the relations within rows (rowCheckOne of
// one row, rowsCheck of several) when fit asks for it: only glued digits
// and a surplus of values need it, and most rows have neither.
type rowsChecker struct {
	t    *Table
	rows []*Row
}

func (c rowsChecker) check() func([]float64) bool {
	if len(c.rows) == 1 {
		return rowCheckOne(c.t.Def, c.rows[0].Def)
	}
	return rowsCheck(c.t, c.rows)
}

// fit chooses n cells from vals, ne of them not empty, checked by rc's
// check. Its placed is nil when it cannot say which values belong where.
func (p *parser) fit(vals []*token, ne, n int, rc rowsChecker) fitResult {
	// glued digits: fewer tokens than cells, and some of them are digit runs
	if ne < n && ne > 0 {
		if res, ok := p.fitGlued(vals, n, rc.check()); ok {
			return res
		}
	}
	switch {
	case len(vals) == n:
		return fitResult{placed: vals}
	case ne == n && n > 0:
		// the non-empty values, which placeCells picks out of vals
		return fitResult{placed: vals, skipEmpties: true}
	case ne == n:
		return fitResult{}
	case len(vals) < n:
		return fitResult{}
	}
	placed, extra, dropped := p.fitSurplus(vals, n, ne, rc.check())
	return fitResult{placed: placed, extra: extra, dropped: dropped}
}

// fitGlued splits glued digit runs into n cells; ok is false when vals hold
// no glued run. A split that adds up to the row total is taken when it is
// the only one; when none does, the only split at all is a reading of what
// the report says (its total is then wrong), and with several, the cells on
// which they all agree are kept.
func (p *parser) fitGlued(vals []*token, n int, check func([]float64) bool) (fitResult, bool) {
	glued := false
	for _, v := range vals {
		if v.kind == tokNumber && v.digits && !v.whole && utf8.RuneCountInString(v.text) > 1 {
			glued = true
		}
	}
	if !glued {
		return fitResult{}, false
	}
	atoms := make([]*token, 0, len(vals))
	for _, v := range vals {
		if v.kind != tokEmpty {
			atoms = append(atoms, v)
		}
	}
	sols, over := splitDigits(p.text, atoms, n, check, 2)
	switch {
	case over:
		return fitResult{msg: "拆分方式过多，无法确定"}, true
	case len(sols) == 1 && check == nil:
		return fitResult{placed: sols[0], splitBy: SplitByCount}, true
	case len(sols) == 1:
		return fitResult{placed: sols[0], splitBy: SplitByRowTotal}, true
	case len(sols) > 1:
		p.cands, _ = splitDigits(p.text, atoms, n, check, maxCandidates)
		return fitResult{msg: "ambiguous"}, true
	case check == nil:
		return fitResult{msg: "无法拆分为模板要求的单元格数"}, true
	}
	all, over := splitDigits(p.text, atoms, n, nil, maxCandidates)
	switch {
	case !over && len(all) == 0:
		return fitResult{msg: fmt.Sprintf("数字不够拆成模板的%d个单元格，缺少的无法确定；本行的勾稽关系未核对", n)}, true
	case over || len(all) >= maxCandidates:
		return fitResult{msg: "不存在满足本行合计关系的拆分"}, true
	case len(all) == 1:
		return fitResult{placed: all[0], splitBy: SplitByCount}, true
	}
	return fitResult{placed: agreedCells(all), splitBy: SplitByAgreement, readings: len(all)}, true
}

// unsettledCols names the columns of row left unplaced ("“自然人”“总计”").
func unsettledCols(row *RowDef, placed []*token) string {
	var b strings.Builder
	for i, tk := range placed {
		if tk == nil && i < len(row.Cols) {
			b.WriteString("“" + row.Cols[i].Label + "”")
		}
	}
	return b.String()
}

// agreedCells keeps, cell by cell, the part that every split puts there
// (the same digits of the text), and nil elsewhere.
func agreedCells(splits [][]*token) []*token {
	out := make([]*token, len(splits[0]))
	for i, tk := range splits[0] {
		same := true
		for _, s := range splits[1:] {
			if s[i].start != tk.start || s[i].end != tk.end {
				same = false
				break
			}
		}
		if same {
			out[i] = tk
		}
	}
	return out
}

// fitSurplus chooses n of more than n cells: layout empties at the edges go
// first, then the table's surplus column (window) when its other rows agree
// on one, else a window that balances, else the leftmost. dropped is a
// non-zero value that the only balancing window leaves out (nil if none).
func (p *parser) fitSurplus(vals []*token, n, ne int, check func([]float64) bool) (placed, extra []*token, dropped *token) {
	vs, ok := trimEdgeEmpties(vals, n)
	if len(vs) == n {
		return vs, nil, nil
	}
	if !ok || ne < n {
		return nil, nil, nil
	}
	win, wins, ambiguous := balancingWindows(vs, n, check)
	if ambiguous {
		return nil, nil, nil
	}
	best := 0
	switch {
	case p.surplusWindow >= 0 && p.surplusWindow+n <= len(vs):
		best = p.surplusWindow
	case wins > 0:
		best = win
	}
	// the only balancing reading leaves out a non-zero value the table's
	// surplus column does not explain: that value may be the wrong one
	if wins == 1 && win != p.surplusWindow {
		for i, v := range vs {
			if (i < win || i >= win+n) && v.kind == tokNumber {
				if x, _, _ := parseNumber(v.text); x != 0 {
					dropped = v
				}
			}
		}
	}
	extra = append(append([]*token{}, vs[:best]...), vs[best+n:]...)
	return vs[best : best+n], extra, dropped
}

// trimEdgeEmpties drops layout empties at the edges of a row longer than n;
// ok is false when nothing is left to choose from.
func trimEdgeEmpties(vals []*token, n int) ([]*token, bool) {
	lo, hi := 0, len(vals)
	for hi-lo > n && vals[hi-1].kind == tokEmpty {
		hi--
	}
	for hi-lo > n && vals[lo].kind == tokEmpty {
		lo++
	}
	return vals[lo:hi], hi > lo
}

// balancingWindows returns the offset of the first n-cell window of vs that
// passes check (-1: none) and how many do; ambiguous when two of them read
// different values.
func balancingWindows(vs []*token, n int, check func([]float64) bool) (first, count int, ambiguous bool) {
	if check == nil {
		return -1, 0, false
	}
	all := values(vs) // read once: the windows overlap
	first = -1
	for w := 0; w+n <= len(vs); w++ {
		if check(all[w : w+n : w+n]) {
			if count > 0 && !sameValues(all[first:first+n], all[w:w+n]) {
				return -1, 0, true
			}
			if count == 0 {
				first = w
			}
			count++
		}
	}
	return first, count, false
}

// surplusWindowOf chooses the window (offset) the rows of a table with one
// surplus column have in common: the offset at which most rows with more
// cells than the template balance, when at least two rows agree and no
// other offset has as many; -1 otherwise.
func surplusWindowOf(t *Table, found []*segment) int {
	votes := map[int]int{}
	for i, sg := range found {
		if sg == nil {
			continue
		}
		n := len(t.Def.Rows[i].Cols)
		vs, ok := trimEdgeEmpties(sg.values, n)
		// trimEdgeEmpties drops empties only: sg.filled of vs are not
		if !ok || len(vs) <= n || sg.filled < n {
			continue
		}
		if win, wins, amb := balancingWindows(vs, n, rowCheckOne(t.Def, t.Def.Rows[i])); !amb && wins == 1 {
			votes[win]++
		}
	}
	if len(votes) == 0 {
		return -1 // most tables: no row is longer than the template
	}
	best, bestVotes, tie := -1, 1, false
	for w, v := range votes {
		switch {
		case v > bestVotes:
			best, bestVotes, tie = w, v, false
		case v == bestVotes:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

func values(ts []*token) []float64 {
	out := make([]float64, len(ts))
	for i, t := range ts {
		if t.kind != tokNumber {
			out[i] = math.NaN()
			continue
		}
		out[i], _, _ = parseNumber(t.text)
	}
	return out
}

// sameValues: a and b, of one length, hold the same numbers (NaN is none).
func sameValues(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
