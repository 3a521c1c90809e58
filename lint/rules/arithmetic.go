package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Shared helpers of the structure, table and arithmetic rules, and the
// arithmetic analysis the GD-A rules (gd_a*.go) share.
//
// Arithmetic rules (GD-A): the balances of the tables of sections 三 and 四
// (spec tables 2 and 3, §4.3, §5.2); users call them 表三 and 表四.
// The four balance rules share one analysis per table (below), so a
// single wrong number gives one finding at that number, not one per relation
// it breaks.

// fmtNum prints a cell value as the report would write it.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// shortRow names a row briefly: the numbering of a long label (一, （七）),
// else the label itself. A template's row's name is made once.
func shortRow(r *grammar.RowDef) string {
	if n, ok := shortRowNames()[r]; ok {
		return n
	}
	return makeShortRow(r)
}

// shortRowNames holds makeShortRow of every row of the template's tables.
var shortRowNames = sync.OnceValue(func() map[*grammar.RowDef]string {
	m := map[*grammar.RowDef]string{}
	for _, f := range []grammar.Format{grammar.Format2019, grammar.Format2021} {
		for _, def := range grammar.Tables(f) {
			for _, r := range def.Rows {
				m[r] = makeShortRow(r)
			}
		}
	}
	return m
})

func makeShortRow(r *grammar.RowDef) string {
	l := r.Label
	if runeCount(l) <= 8 {
		return l
	}
	if i := strings.Index(l, "、"); i > 0 && runeCount(l[:i]) <= 3 {
		return l[:i]
	}
	// （二）部分公开（区分处理的，…）: the numbering and the words before
	// the bracketed note
	if strings.HasPrefix(l, "（") {
		if i := strings.Index(l, "）"); i > 0 {
			rest := l[i+len("）"):]
			if j := strings.Index(rest, "（"); j > 0 {
				return l[:i+len("）")+j]
			}
			return l[:i+len("）")]
		}
	}
	return l
}

// cellName names a cell for messages: “row”“col”.
func cellLabel(c *grammar.Cell) string {
	return "“" + c.Row.Label + "”“" + c.Col.Label + "”"
}

// rowOf returns the parsed row of a cell.
func rowOf(t *grammar.Table, c *grammar.Cell) *grammar.Row {
	if t == nil || c == nil {
		return nil
	}
	return t.Row(c.Row.Key)
}

// ---- arithmetic analysis ----

// relStatus is the outcome of checking one balance (a byte: it shares a
// word of the relation with missing and split).
type relStatus uint8

const (
	relOK relStatus = iota
	relFail
	relBlocked // a cell is missing, not a number, or placed with doubt
)

// relation is one balance of the template evaluated on a report.
type relation struct {
	b *grammar.Balance // the plan's, shared by every run
	// all are the cells of b.Left, then of b.Right (nil when missing):
	// left() and right(), nl cells on the left. Set only in a table where
	// a relation fails (what reads them explains a failure).
	all []*grammar.Cell
	// lsum and rsum are the two sides; delta = lsum - rsum.
	lsum, rsum float64
	// blockers are the placed cells that prevent judging (missing cells are
	// reported by the table rules and are not listed).
	blockers []*grammar.Cell
	status   relStatus
	missing  bool
	// split is set when a cell's value came from splitting glued digits.
	split bool
	nl    uint32
}

func (r *relation) left() []*grammar.Cell  { return r.all[:r.nl:r.nl] }
func (r *relation) right() []*grammar.Cell { return r.all[r.nl:] }

func (r *relation) cells() []*grammar.Cell {
	return append([]*grammar.Cell(nil), r.all...)
}

func (r *relation) contains(c *grammar.Cell) bool {
	for _, x := range r.left() {
		if x == c {
			return true
		}
	}
	for _, x := range r.right() {
		if x == c {
			return true
		}
	}
	return false
}

// total is the single cell on the right that a fix may rewrite.
func (r *relation) total() *grammar.Cell {
	if len(r.right()) == 1 {
		return r.right()[0]
	}
	return nil
}

// required is the value cell c must take for the relation to hold.
func (r *relation) required(c *grammar.Cell) float64 {
	d := r.lsum - r.rsum
	for _, x := range r.right() {
		if x == c {
			return c.Value + d
		}
	}
	return c.Value - d
}

// arithFinding is what the arithmetic rules report: one or more failed
// relations explained by one cell (Culprit), or a single failed relation
// whose wrong cell cannot be told (Culprit nil).
type arithFinding struct {
	Kind    grammar.BalanceKind // the rule that reports it
	Rels    []*relation
	Culprit *grammar.Cell
	Value   float64 // the value that makes every relation in Rels hold
	Fix     bool
}

// analysis is the evaluation of every balance of one table.
type analysis struct {
	table *grammar.Table
	// rels are the relations in the plan's order, one array: the rules
	// take pointers to its elements
	rels     []relation
	findings []*arithFinding
	// bufs holds rels and the relations' cell lists when they came from
	// relBufPool (given back by release at the end of a run)
	bufs *relBufs
}

// relBufs are the arrays of one table's analysis: the relations and their
// cells, reused from run to run of a batch (see tableAnalyses.ReleaseRun).
type relBufs struct {
	rels     []relation
	cells    []*grammar.Cell
	blockers []*grammar.Cell // the relations' blockers, grown once, not per table and run
	analysis analysis        // the analysis itself, not a new one per table and run
	filled   bool            // cells were written (a relation failed): cleared when given back
	distinct []*grammar.Cell // the cells the balances name, each once (cleared when given back as far as used)
	used     int             // distinct's length in the last analysis
}

var relBufPool = sync.Pool{New: func() any { return new(relBufs) }}

// maxPooledRels bounds what relBufPool keeps: an outsized array is let go.
const maxPooledRels = 1 << 10

// release clears the analysis's arrays and gives them back to relBufPool;
// nothing of them is reachable from a Diagnostic (the findings copy spans
// and strings only), and a cleared array holds no cell of the report.
func (a *analysis) release() {
	b := a.bufs
	if b == nil {
		return
	}
	*a = analysis{} // a may be b's own, pooled: it holds no table
	clear(b.rels[:cap(b.rels)])
	clear(b.distinct[:b.used])
	if b.filled {
		clear(b.cells[:cap(b.cells)])
		b.filled = false
	}
	clear(b.blockers[:cap(b.blockers)])
	if cap(b.rels) > maxPooledRels || cap(b.cells) > 4*maxPooledRels || cap(b.blockers) > 4*maxPooledRels || cap(b.distinct) > 4*maxPooledRels {
		return
	}
	relBufPool.Put(b)
}

// analyzeTable evaluates the balances of table id (2 or 3) and explains the
// failures: a cell that belongs to every failed relation it is part of, to
// no relation that holds, and whose one corrected value repairs all of them
// is the culprit, reported once at that cell.
func analyzeTable(rep *grammar.Report, id int) *analysis {
	t := rep.Table(id)
	if t == nil || t.Unreadable {
		return nil
	}
	plan := tableBalanceEntryOf(t.Def.Format, id)
	bs := plan.bs
	// the relations and their cell lists live in two arrays: one allocation
	// each instead of three per relation; cells holds, for each cell of each
	// balance in order, the table's cell (nil when missing)
	// from the pool: cleared when given back, so they come zeroed; the
	// analysis is the pooled one's
	bufs := relBufPool.Get().(*relBufs)
	a := &bufs.analysis
	a.table, a.bufs = t, bufs
	if cap(a.bufs.rels) < len(bs) {
		a.bufs.rels = make([]relation, len(bs))
	}
	if cap(a.bufs.cells) < plan.nrefs {
		a.bufs.cells = make([]*grammar.Cell, plan.nrefs)
	}
	a.rels = a.bufs.rels[:len(bs):len(bs)]
	cells := a.bufs.cells[:plan.nrefs:plan.nrefs]
	if cap(a.bufs.distinct) < len(plan.cells) {
		a.bufs.distinct = make([]*grammar.Cell, len(plan.cells))
	}
	distinct := a.bufs.distinct[:len(plan.cells)]
	a.bufs.used = len(distinct)
	lookUpCells(t, plan, distinct)
	blockers := a.bufs.blockers[:0] // the relations' blockers, one after another
	failed := false
	for i := range bs {
		// balance b evaluated, but for its cells (all, below): refs are
		// the indexes in distinct of the cells of b.Left then b.Right;
		// each side summed in order from +0. A cell that is not a number
		// placed without doubt (rare) is left to evalBlocked.
		b := &bs[i]
		nl := len(b.Left)
		refs := plan.balanceRefs[i]
		var lsum, rsum float64
		odd := false
		for _, d := range refs[:nl] {
			c := distinct[d]
			if c == nil || c.Kind != grammar.CellNumber || c.Doubt != "" {
				odd = true
				break
			}
			lsum += c.Value
		}
		for _, d := range refs[nl:] {
			if odd {
				break
			}
			c := distinct[d]
			if c == nil || c.Kind != grammar.CellNumber || c.Doubt != "" {
				odd = true
				break
			}
			rsum += c.Value
		}
		r := &a.rels[i]
		switch {
		case odd:
			blockers = evalBlocked(r, t, b, refs, distinct, blockers)
			failed = failed || r.status == relFail
		default:
			// r comes zeroed (from make, or cleared by release)
			r.b, r.lsum, r.rsum, r.nl = b, lsum, rsum, uint32(nl)
			if lsum != rsum {
				r.status, failed = relFail, true
			}
		}
	}
	// the relations' cells, read only to explain a failure (explain and
	// the messages): filled when one fails
	if failed {
		a.bufs.filled = true
		for k, i := range plan.refs {
			cells[k] = distinct[i]
		}
		at := 0
		for i := range bs {
			n := len(bs[i].Left) + len(bs[i].Right)
			a.rels[i].all = cells[at : at+n : at+n]
			at += n
		}
	}
	a.bufs.blockers = blockers[:0] // its array, grown, for the next run
	if failed {
		a.explain() // nothing to explain else
	}
	return a
}

// lookUpCells sets distinct[i] to the cell of t that plan.cells[i] names,
// nil when missing; distinct comes zeroed. The cell is the one Row.Cell
// gives in the first row of its key (Table.Row's): each row of the plan
// is read once, its cells in order, the first of a column kept, instead
// of once per planned cell with a comparison of column keys at each.
func lookUpCells(t *grammar.Table, plan *tableBalanceEntry, distinct []*grammar.Cell) {
	var buf [64]*grammar.Row
	rows := buf[:0]
	if len(plan.rows) > len(buf) {
		rows = make([]*grammar.Row, 0, len(plan.rows))
	}
	rows = rows[:len(plan.rows)]
	// a table's rows are its template's, in order: their slots are known
	// by position, without hashing their keys
	byPosition := t.Def == plan.def
	for i, r := range t.Rows {
		var s int
		var ok bool
		if byPosition && i < len(plan.defSlot) && r.Def == plan.def.Rows[i] {
			s = plan.defSlot[i]
			ok = s >= 0
		} else {
			s, ok = plan.rowSlot[r.Def.Key]
		}
		if ok && rows[s] == nil {
			rows[s] = r
		}
	}
	for s, r := range rows {
		if r == nil {
			continue
		}
		cols := plan.rowCols[s]
		if placeInOrder(r.Cells, cols, distinct) {
			continue
		}
		for ci, c := range r.Cells {
			if c == nil {
				continue
			}
			// the template's column at the cell's position, else the
			// first of its key
			k := -1
			if ci < len(cols) && (cols[ci].col == c.Col || cols[ci].key == c.Col.Key) {
				k = ci
			} else {
				for j := range cols {
					if cols[j].key == c.Col.Key {
						k = j
						break
					}
				}
			}
			if k >= 0 {
				if slot := cols[k].cell; slot >= 0 && distinct[slot] == nil {
					distinct[slot] = c
				}
			}
		}
	}
}

// placeInOrder is lookUpCells for a row whose cells are its template's
// columns in order (each at its column's position, or nil), the rows the
// parser makes: a loop with no call in it, so nothing spilled. It returns
// false at the first cell elsewhere, and the row is then read again from
// its start (the cells set so far are set again, to the same cells: the
// first cell of a slot is kept).
func placeInOrder(cells []*grammar.Cell, cols []rowCol, distinct []*grammar.Cell) bool {
	if len(cells) > len(cols) {
		return false
	}
	cols = cols[:len(cells)]
	for ci, c := range cells {
		if c == nil {
			continue
		}
		col := &cols[ci]
		if col.col != c.Col {
			return false
		}
		if slot := col.cell; slot >= 0 && distinct[slot] == nil {
			distinct[slot] = c
		}
	}
	return true
}

// evalBlocked fills r with balance b evaluated on t cell by cell, as
// analyzeTable does when a cell of it is missing, not a number, or placed
// with doubt, but for its cells (all); refs are the indexes in distinct of
// the cells of b.Left then b.Right. The blockers are appended to arena,
// which is returned, and r's are sliced from it: a table's relations share
// one growing array, not one each.
func evalBlocked(r *relation, t *grammar.Table, b *grammar.Balance, refs []int, distinct []*grammar.Cell, arena []*grammar.Cell) []*grammar.Cell {
	nl := len(b.Left)
	*r = relation{b: b, nl: uint32(nl)}
	side := func(refs []int) float64 {
		sum := 0.0
		for _, d := range refs {
			switch c := distinct[d]; {
			case c == nil:
				r.missing = true
			case c.Kind != grammar.CellNumber:
				arena = append(arena, c)
			case c.Doubt != "":
				if row := rowOf(t, c); row != nil && row.Split {
					r.split = true
					sum += c.Value
				} else {
					arena = append(arena, c)
				}
			default:
				sum += c.Value
			}
		}
		return sum
	}
	first := len(arena)
	r.lsum = side(refs[:nl])
	r.rsum = side(refs[nl:])
	if len(arena) > first {
		// capped: what is appended after them is another relation's
		r.blockers = arena[first:len(arena):len(arena)]
	}
	switch {
	case r.missing || len(r.blockers) > 0:
		r.status = relBlocked
	case r.lsum != r.rsum:
		r.status = relFail
	}
	return arena
}

// kindOrder ranks the relation kinds: a finding explained by one cell is
// reported by the rule of the relation whose total it is, else the first.
var kindOrder = map[grammar.BalanceKind]int{
	grammar.BalanceRowTotal: 0, grammar.BalanceOutcomeTotal: 1, grammar.BalanceColumn: 2, grammar.BalanceReviewTotal: 3,
}

func (a *analysis) explain() {
	var failed []*relation
	for i := range a.rels {
		if r := &a.rels[i]; r.status == relFail {
			failed = append(failed, r)
		}
	}
	if len(failed) == 0 {
		return
	}
	cands := a.candidates(failed)
	covered := a.pickCulprits(cands)
	a.reportUncovered(failed, covered, cands)
}

// candidate is a cell that could be the one wrong number: it is in failed
// relations only, and one value repairs them all.
type candidate struct {
	c     *grammar.Cell
	rels  []*relation
	value float64
}

// candidates are the cells of failed relations that no holding relation
// uses and that one value would repair.
func (a *analysis) candidates(failed []*relation) []*candidate {
	var cands []*candidate
	seen := map[*grammar.Cell]bool{}
	for _, f := range failed {
		for _, c := range f.cells() {
			if seen[c] {
				continue
			}
			seen[c] = true
			cd := &candidate{c: c}
			ok := true
			for i := range a.rels {
				r := &a.rels[i]
				if !r.contains(c) {
					continue
				}
				switch r.status {
				case relOK:
					ok = false
				case relFail:
					v := r.required(c)
					if len(cd.rels) > 0 && v != cd.value {
						ok = false
					}
					cd.rels, cd.value = append(cd.rels, r), v
				}
			}
			if ok && cd.value >= 0 {
				cands = append(cands, cd)
			}
		}
	}
	return cands
}

// pickCulprits reports the candidates that explain the most failed
// relations, largest explanations first, when no other candidate explains
// the same set; it returns the relations they explain.
func (a *analysis) pickCulprits(cands []*candidate) map[*relation]bool {
	covered := map[*relation]bool{}
	for n := len(a.rels); n >= 1; n-- {
		for i, cd := range cands {
			if len(cd.rels) != n || anyCovered(cd.rels, covered) {
				continue
			}
			unique := true
			for j, o := range cands {
				if j != i && slices.Equal(o.rels, cd.rels) {
					unique = false
				}
			}
			if !unique {
				continue
			}
			a.addCulprit(cd.c, cd.rels, cd.value)
			for _, r := range cd.rels {
				covered[r] = true
			}
		}
	}
	return covered
}

// reportUncovered makes one finding per failed relation no culprit explains,
// at its total; relations whose totals are the same cell make one finding.
func (a *analysis) reportUncovered(failed []*relation, covered map[*relation]bool, cands []*candidate) {
	byTarget := map[*grammar.Cell]*arithFinding{}
	for _, f := range failed {
		if covered[f] {
			continue
		}
		target := f.right()[0]
		if fd := byTarget[target]; fd != nil {
			fd.Rels = append(fd.Rels, f)
			if kindOrder[f.b.Kind] < kindOrder[fd.Kind] {
				fd.Kind = f.b.Kind
			}
			fd.Fix = false // no one value repairs them all, or it would be a culprit
			continue
		}
		fd := &arithFinding{Kind: f.b.Kind, Rels: []*relation{f}}
		if tot := f.total(); tot != nil {
			// rewriting the total is offered only when no holding relation
			// uses it (it would break that one)
			for _, cd := range cands {
				if cd.c == tot {
					fd.Fix, fd.Value = true, f.required(tot)
				}
			}
		}
		byTarget[target] = fd
		a.findings = append(a.findings, fd)
	}
}

func anyCovered(rs []*relation, covered map[*relation]bool) bool {
	for _, r := range rs {
		if covered[r] {
			return true
		}
	}
	return false
}

func (a *analysis) addCulprit(c *grammar.Cell, rels []*relation, value float64) {
	fd := &arithFinding{Culprit: c, Rels: rels, Value: value, Fix: true}
	// the reporting rule: the relation whose total c is, else the first kind
	best := rels[0]
	for _, r := range rels {
		if r.total() == c {
			best = r
			break
		}
		if kindOrder[r.b.Kind] < kindOrder[best.b.Kind] {
			best = r
		}
	}
	fd.Kind = best.b.Kind
	// keep the primary relation first in messages
	ordered := []*relation{best}
	for _, r := range rels {
		if r != best {
			ordered = append(ordered, r)
		}
	}
	fd.Rels = ordered
	a.findings = append(a.findings, fd)
}

// ---- messages ----

// sumText writes the parts of a sum: nonzero values with their names, the
// zeros summarised. named says whether parts carry their column/row name.
func sumText(parts []*grammar.Cell, name func(*grammar.Cell) string, en bool) string {
	var terms []string
	zeros := 0
	sum := 0.0
	for _, c := range parts {
		if c.Value == 0 && len(parts) > 2 {
			zeros++
			continue
		}
		sum += c.Value
		terms = append(terms, name(c)+" "+fmtNum(c.Value))
	}
	s := strings.Join(terms, " + ")
	if s == "" {
		s = "0"
	}
	if zeros > 0 {
		if en {
			if len(terms) == 0 {
				s = fmt.Sprintf("all %d are 0", zeros)
			} else {
				s += fmt.Sprintf(" (the other %d are 0)", zeros)
			}
		} else {
			if len(terms) == 0 {
				s = fmt.Sprintf("%d 项均为 0", zeros)
			} else {
				s += fmt.Sprintf("（其余 %d 项为 0）", zeros)
			}
		}
	}
	return s + " = " + fmtNum(sum)
}

func colName(c *grammar.Cell) string { return c.Col.Label }
func rowName(c *grammar.Cell) string { return shortRow(c.Row) }

// relText describes a failed relation in Chinese and English.
func relText(r *relation) (zh, en string) {
	switch r.b.Kind {
	case grammar.BalanceRowTotal:
		tot := r.right()[0]
		zh = fmt.Sprintf("“%s”行的总计 %s ≠ 各申请人之和 %s", tot.Row.Label, fmtNum(tot.Value), sumText(r.left(), colName, false))
		en = fmt.Sprintf("row “%s”: total %s ≠ sum of the applicant columns %s", tot.Row.Label, fmtNum(tot.Value), sumText(r.left(), colName, true))
	case grammar.BalanceOutcomeTotal:
		tot := r.right()[0]
		zh = fmt.Sprintf("“%s”的“%s” %s ≠ 各办理结果之和 %s", tot.Row.Label, tot.Col.Label, fmtNum(tot.Value), sumText(r.left(), rowName, false))
		en = fmt.Sprintf("“%s”, column “%s”: %s ≠ sum of the outcome rows %s", tot.Row.Label, tot.Col.Label, fmtNum(tot.Value), sumText(r.left(), rowName, true))
	case grammar.BalanceColumn:
		side := func(cs []*grammar.Cell, sum float64) string {
			var ts []string
			for _, c := range cs {
				ts = append(ts, "“"+shortRow(c.Row)+"” "+fmtNum(c.Value))
			}
			return strings.Join(ts, " + ") + " = " + fmtNum(sum)
		}
		col := r.left()[0].Col.Label
		zh = fmt.Sprintf("“%s”列：%s ≠ %s", col, side(r.left(), r.lsum), side(r.right(), r.rsum))
		en = fmt.Sprintf("column “%s”: %s ≠ %s", col, side(r.left(), r.lsum), side(r.right(), r.rsum))
	case grammar.BalanceReviewTotal:
		tot := r.right()[0]
		zh = fmt.Sprintf("“%s”的总计 %s ≠ %s", tot.Row.Label, fmtNum(tot.Value), sumText(r.left(), colName, false))
		en = fmt.Sprintf("“%s”: total %s ≠ %s", tot.Row.Label, fmtNum(tot.Value), sumText(r.left(), colName, true))
	}
	if r.split {
		zh += "（部分数值由粘连的数字拆分得出）"
		en += " (some values were split from glued digits)"
	}
	return zh, en
}

// emitArith reports the findings of kind k on table id.
func emitArith(ctx *lint.Context, id int, k grammar.BalanceKind) {
	a := analysisOf(ctx, id)
	if a == nil {
		return
	}
	for _, fd := range a.findings {
		if fd.Kind != k {
			continue
		}
		ctx.Emit(a.diagnostic(fd))
	}
}

func (a *analysis) diagnostic(fd *arithFinding) lint.Diagnostic {
	var zhs, ens []string
	for _, r := range fd.Rels {
		zh, en := relText(r)
		zhs, ens = append(zhs, zh), append(ens, en)
	}
	zh := tableName(a.table.ID) + "：" + strings.Join(zhs, "；")
	en := tableNameEN(a.table.ID) + ": " + strings.Join(ens, "; ")
	target := fd.Culprit
	if target == nil {
		// the total; for 一 + 二 = （七）+ 四, the （七）总计 cell
		target = fd.Rels[0].right()[0]
	}
	if fd.Culprit != nil && len(fd.Rels) > 1 {
		zh += fmt.Sprintf("。以上%d处不平衡都涉及%s（%s），改为 %s 可使其全部成立", len(fd.Rels), cellLabel(fd.Culprit), fmtNum(fd.Culprit.Value), fmtNum(fd.Value))
		en += fmt.Sprintf(". All %d imbalances involve %s (%s); %s would make them all hold", len(fd.Rels), cellLabel(fd.Culprit), fmtNum(fd.Culprit.Value), fmtNum(fd.Value))
	}
	d := lint.Diagnostic{Span: target.Span, Message: zh, MessageEN: en}
	seen := map[*grammar.Cell]bool{target: true}
	for _, r := range fd.Rels {
		for _, c := range r.cells() {
			if seen[c] {
				continue
			}
			seen[c] = true
			d.Related = append(d.Related, lint.Related{Span: c.Span, Message: fmt.Sprintf("%s %s", cellLabel(c), fmtNum(c.Value))})
		}
	}
	if fd.Fix {
		// never safe: the statistics are published, and when two numbers
		// disagree the parts may be what is wrong, however many relations
		// point at the total
		v := fmtNum(fd.Value)
		d.Fixes = []lint.Fix{{
			Title:         fmt.Sprintf("将%s改为 %s", cellLabel(target), v),
			TitleEN:       fmt.Sprintf("Change %s to %s", cellLabel(target), v),
			Edits:         []lint.Edit{{Span: target.Span, NewText: v}},
			Applicability: lint.Unsafe,
		}}
	}
	return d
}

const arithCommon = `
**只核对能读出的数字。** 空白单元格、“/”“—”等占位符、文字、位置不确定的单元格都不当作 0：
含有这类单元格的关系不判为不平衡，而由 GD-A005 提示“无法核对”（空白等本身由 GD-T 规则报告）。
由粘连数字按行合计唯一拆分得到的数值参与其他关系的核对，但相应修复不会自动应用。

**一个错数只报一次。** 一个单元格往往同时属于几个关系（例如“（七）总计”的“自然人”既在本行总计里，
又是“自然人”列各办理结果之和，还在“一 + 二 = （七）+ 四”中）。若若干不成立的关系都含同一个单元格，
而其他成立的关系都不含它，且把它改为同一个值能使这些关系全部成立，就只在该单元格报告一次，消息列出全部关系。

**修复。** 修复把认定有误的单元格改为算出的值，但从不自动应用（不安全修复：` + "`--fix`" + ` 和编辑器的保存时修复都不会改动，
需要 ` + "`--unsafe-fixes`" + ` 或在编辑器中逐个选用）：表中的数字是已经公布或将要公布的统计数据，两个数不一致时，
错的可能是总计，也可能是各项，即使几个关系都指向同一个总计，哪一个错也是编写者的判断。
若改写总计会破坏另一个成立的关系，则不提供修复。`

const arithCommonEN = `
**Only numbers that can be read are checked.** Blank cells, placeholders such as “/” and “—”, text, and cells whose
place is uncertain are not taken as 0: a relation that contains such a cell is not reported as unbalanced; GD-A005 notes
that it could not be checked instead (the blanks and the like are themselves reported by the GD-T rules). Values
obtained by splitting glued digits in the only way the row total allows take part in checking the other relations, but
the fixes that depend on them are never applied automatically.

**One wrong number is reported once.** A cell often belongs to several relations (the “自然人” cell of “（七）总计”, for
example, is in its row's total, is the sum of the outcomes in the “自然人” column, and is in “一 + 二 = （七）+ 四”).
When several failing relations all contain one cell, no relation that holds contains it, and changing it to one value
would make all of them hold, the finding is reported once, at that cell, and the message lists every relation.

**Fixes.** The fix changes the cell judged wrong to the computed value, but it is never applied automatically (an unsafe
fix: neither ` + "`--fix`" + ` nor an editor's fix-on-save changes it; it needs ` + "`--unsafe-fixes`" + ` or a quick fix chosen in the
editor): the numbers of the tables are published statistics, and when two numbers disagree the total may be wrong or the
parts may be, even when several relations point at the same total — which one is wrong is the author's call. No fix is
offered when rewriting the total would break another relation that holds.`
