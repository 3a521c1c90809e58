package grammar

import "math"

// maxCandidates bounds the splits kept for one ambiguous glued row, and
// maxCombinations the joint search over all of them.
const (
	maxCandidates   = 64
	maxCombinations = 1 << 18
)

// pendingRow is a table 2 row of glued digits that splits several ways when
// only its own total is known.
type pendingRow struct {
	row   *Row
	vals  []*token
	label *token
	cands [][]*token
}

// resolvePending tries every combination of the pending rows' splits against
// the table's balances between rows (（七）总计 = every outcome; 一 + 二 = （七） + 四).
// When exactly one combination balances, it is used and flagged; otherwise
// each pending row is reported as ambiguous.
func (p *parser) resolvePending(t *Table) {
	pend := p.pending
	p.pending = nil
	if len(pend) == 0 {
		return
	}
	combos := 1
	for _, pr := range pend {
		combos *= len(pr.cands)
		if combos > maxCombinations || len(pr.cands) >= maxCandidates {
			combos = -1
			break
		}
	}
	var chosen []int
	if combos > 0 {
		chosen = p.uniqueBalancing(t, pend)
	}
	if chosen == nil {
		for _, pr := range pend {
			name := pr.row.Def.Label
			n := len(pr.row.Def.Cols)
			msg := problemMessage("ambiguous-split", name, n, pr.vals, "")
			t.Problems = append(t.Problems, &Problem{Kind: "ambiguous-split", Row: pr.row.Def,
				Span: p.span(pr.vals[0].start, pr.vals[len(pr.vals)-1].end), Message: msg})
			p.unplacedAll(t, pr.vals, name, msg)
		}
		return
	}
	for i, pr := range pend {
		p.placeCells(t, []*Row{pr.row}, pr.cands[chosen[i]], SplitByTable, "数字粘连，有多种拆分，按表内各行合计关系唯一确定")
	}
}

// uniqueBalancing returns the index of each pending row's split when exactly
// one combination satisfies every inter-row balance that can be evaluated,
// and at least one such balance involves each pending row.
func (p *parser) uniqueBalancing(t *Table, pend []*pendingRow) []int {
	// values of the placed cells; pending rows are filled per combination
	val := map[CellRef]float64{}
	for _, r := range t.Rows {
		if r.SplitBy == SplitByCount || r.SplitBy == SplitByAgreement {
			continue // a row that does not add up decides nothing
		}
		for _, c := range r.Cells {
			if v, ok := c.Number(); ok {
				val[CellRef{t.ID, r.Def.Key, c.Col.Key}] = v
			}
		}
	}
	var rels []Balance
	for _, b := range Balances(t.Def.Format) {
		if b.Kind == BalanceOutcomeTotal || b.Kind == BalanceColumn {
			rels = append(rels, b)
		}
	}
	refs := make([][]CellRef, len(rels)) // each relation's cells, listed once
	for i := range rels {
		refs[i] = rels[i].Refs()
	}
	pendingRow := map[string]bool{}
	for _, pr := range pend {
		pendingRow[pr.row.Def.Key] = true
	}
	// every pending row must take part in a relation whose other cells are known
	for _, pr := range pend {
		covered := false
		for i := range rels {
			if involves(refs[i], pr.row.Def.Key) && evaluable(refs[i], val, pendingRow) {
				covered = true
				break
			}
		}
		if !covered {
			return nil
		}
	}
	idx := make([]int, len(pend))
	var found []int
	count := 0
	var rec func(i int) bool
	rec = func(i int) bool {
		if i == len(pend) {
			for i, b := range rels {
				if !evaluable(refs[i], val, pendingRow) {
					continue
				}
				if sum(b.Left, val) != sum(b.Right, val) {
					return true
				}
			}
			count++
			if count > 1 {
				return false
			}
			found = append([]int(nil), idx...)
			return true
		}
		pr := pend[i]
		for k, cand := range pr.cands {
			idx[i] = k
			vs := values(cand)
			for ci, col := range pr.row.Def.Cols {
				val[CellRef{t.ID, pr.row.Def.Key, col.Key}] = vs[ci]
			}
			if !rec(i + 1) {
				return false
			}
		}
		return true
	}
	rec(0)
	if count != 1 {
		return nil
	}
	return found
}

func involves(refs []CellRef, row string) bool {
	for _, r := range refs {
		if r.Row == row {
			return true
		}
	}
	return false
}

// evaluable: every cell is placed or belongs to a pending row.
func evaluable(refs []CellRef, val map[CellRef]float64, pending map[string]bool) bool {
	for _, r := range refs {
		if _, ok := val[r]; !ok && !pending[r.Row] {
			return false
		}
	}
	return true
}

func sum(refs []CellRef, val map[CellRef]float64) float64 {
	s := 0.0
	for _, r := range refs {
		v, ok := val[r]
		if !ok {
			return math.NaN()
		}
		s += v
	}
	return s
}
