package grammar

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fillRow places values into rows (one row, or all rows of a positional table).
func (p *parser) fillRow(t *Table, rows []*Row, vals []*token, label *token) {
	var defs []*RowDef
	n := 0
	for _, r := range rows {
		defs = append(defs, r.Def)
		n += len(r.Def.Cols)
	}
	check := rowCheck(t.Def, defs)
	name := rows[0].Def.Label
	if len(rows) > 1 {
		name = t.Def.Name
	}
	placed, extra, split, msg := p.fit(vals, n, check)
	spanOf := func(vs []*token) Span {
		if len(vs) == 0 {
			if label != nil {
				return p.span(label.start, label.end)
			}
			return t.Span
		}
		return p.span(vs[0].start, vs[len(vs)-1].end)
	}
	if placed == nil {
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
		t.Problems = append(t.Problems, &Problem{Kind: kind, Row: rows[0].Def, Span: spanOf(vals), Message: problemMessage(kind, name, n, vals, msg)})
		for _, v := range vals {
			if v.kind != tokEmpty {
				p.unplaced(t, v, fmt.Sprintf("“%s”：%s", name, problemMessage(kind, name, n, vals, msg)))
			}
		}
		return
	}
	doubt := ""
	if split {
		doubt = "数字粘连，按本行合计关系唯一拆分"
	}
	if len(extra) > 0 {
		doubt = fmt.Sprintf("该行有%d个数值，应为%d个", nonEmpty(vals), n)
		t.Problems = append(t.Problems, &Problem{Kind: "extra-values", Row: rows[0].Def, Span: spanOf(extra),
			Message: fmt.Sprintf("“%s”有%d个单元格，模板为%d个；多出的%d个未采用", name, len(placed)+len(extra), n, len(extra))})
		for _, v := range extra {
			if v.kind != tokEmpty {
				p.unplaced(t, v, fmt.Sprintf("“%s”多出的单元格", name))
			}
		}
	}
	p.placeCells(t, rows, placed, split, doubt)
}

// placeCells turns the chosen tokens into the cells of rows.
func (p *parser) placeCells(t *Table, rows []*Row, placed []*token, split bool, doubt string) {
	i := 0
	for _, r := range rows {
		r.Split = split
		for ci, col := range r.Def.Cols {
			pv := placed[i]
			i++
			c := &Cell{Table: t.ID, Row: r.Def, Col: col, Text: pv.text, Span: p.span(pv.start, pv.end), Doubt: doubt}
			switch pv.kind {
			case tokEmpty:
				c.Kind = CellEmpty
			case tokPlaceholder:
				c.Kind = CellPlaceholder
			case tokText:
				c.Kind = CellText
			default:
				c.Kind = CellNumber
				c.Value, c.Integer, c.Unit = parseNumber(pv.text)
				if math.IsNaN(c.Value) {
					c.Kind = CellText
				}
			}
			r.Cells[ci] = c
		}
	}
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
	unit := ""
	for _, u := range []string{"万元", "元"} {
		if strings.HasSuffix(s, u) {
			unit, s = u, strings.TrimSuffix(s, u)
			break
		}
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

// fit chooses n cells from vals. It returns nil when it cannot say which
// values belong where.
func (p *parser) fit(vals []*token, n int, check func([]float64) bool) (placed, extra []*token, split bool, msg string) {
	ne := nonEmpty(vals)
	// glued digits: fewer tokens than cells, and some of them are digit runs
	if ne < n && ne > 0 {
		if placed, split, msg, ok := p.fitGlued(vals, n, check); ok {
			return placed, nil, split, msg
		}
	}
	switch {
	case len(vals) == n:
		return vals, nil, false, ""
	case ne == n:
		var out []*token
		for _, v := range vals {
			if v.kind != tokEmpty {
				out = append(out, v)
			}
		}
		return out, nil, false, ""
	case len(vals) < n:
		return nil, nil, false, ""
	}
	placed, extra = fitSurplus(vals, n, ne, check)
	return placed, extra, false, ""
}

// fitGlued splits glued digit runs into n cells; ok is false when vals hold
// no glued run.
func (p *parser) fitGlued(vals []*token, n int, check func([]float64) bool) (placed []*token, split bool, msg string, ok bool) {
	var atoms []*token
	for _, v := range vals {
		if v.kind != tokEmpty {
			atoms = append(atoms, v)
		}
	}
	glued := false
	for _, a := range atoms {
		if a.kind == tokNumber && a.digits && !a.whole && utf8.RuneCountInString(a.text) > 1 {
			glued = true
		}
	}
	if !glued {
		return nil, false, "", false
	}
	sols, over := splitDigits(p.text, atoms, n, check, 2)
	switch {
	case over:
		return nil, false, "拆分方式过多，无法确定", true
	case len(sols) == 1:
		return sols[0], true, "", true
	case len(sols) > 1:
		p.cands, _ = splitDigits(p.text, atoms, n, check, maxCandidates)
		return nil, false, "ambiguous", true
	case check != nil:
		return nil, false, "不存在满足本行合计关系的拆分", true
	}
	return nil, false, "无法拆分为模板要求的单元格数", true
}

// fitSurplus chooses n of more than n cells: layout empties at the edges go
// first, then a window that balances, else the leftmost.
func fitSurplus(vals []*token, n, ne int, check func([]float64) bool) (placed, extra []*token) {
	lo, hi := 0, len(vals)
	for hi-lo > n && vals[hi-1].kind == tokEmpty {
		hi--
	}
	for hi-lo > n && vals[lo].kind == tokEmpty {
		lo++
	}
	if hi-lo == n {
		return vals[lo:hi], nil
	}
	if ne < n {
		return nil, nil
	}
	vs := vals[lo:hi]
	best := -1
	for w := 0; w+n <= len(vs); w++ {
		if check != nil && check(values(vs[w:w+n])) {
			if best >= 0 && !sameValues(vs[best:best+n], vs[w:w+n]) {
				return nil, nil
			}
			if best < 0 {
				best = w
			}
		}
	}
	if best < 0 {
		best = 0
	}
	extra = append(append([]*token{}, vs[:best]...), vs[best+n:]...)
	return vs[best : best+n], extra
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

func sameValues(a, b []*token) bool {
	va, vb := values(a), values(b)
	for i := range va {
		if va[i] != vb[i] {
			return false
		}
	}
	return true
}
