package rules

import (
	"math"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/spill"
	"github.com/gdlint/gdlint/lint"
)

// The sixth round of fast paths (the table rules): each compared with the
// code it replaced, kept here as the reference, on the seeds and the
// corpus, on their tables shuffled and on their table text mutated with
// random pieces (invalid UTF-8, characters outside the BMP, CRLF).
//
// tableMutants' reports with invalid UTF-8 are parsed from the text as it
// is (grammar.NewSource), the others as files (input.Parse).

// tableMutants are the shared reports with the text of their tables
// changed at random: digits replaced, pieces of fastPathPieces and
// placeholders put in, cells dropped, lines joined — and parsed again.
func tableMutants(t *testing.T, seed int64, per int) []*grammar.Report {
	t.Helper()
	rng := rand.New(rand.NewSource(seed))
	pieces := append([]string{"0", "1", "7", "12", "/", "—", "不适用", "\t", "\t\t", "\r\n", " ", "", "3.5", "-2",
		"１２", "万元", "0\t", "\n"}, fastPathPieces...)
	var out []*grammar.Report
	for _, rep := range sharedReports(t) {
		text := rep.Source.Text
		for range per {
			var spans []grammar.Span
			for _, tb := range rep.Tables {
				if tb != nil {
					spans = append(spans, tb.Span)
				}
			}
			if len(spans) == 0 {
				break
			}
			b := []byte(text)
			for range 1 + rng.Intn(12) {
				sp := spans[rng.Intn(len(spans))]
				if sp.End <= sp.Start {
					continue
				}
				at := sp.Start + rng.Intn(sp.End-sp.Start)
				cut := min(len(b), at+rng.Intn(4))
				b = append(b[:at:at], append([]byte(pieces[rng.Intn(len(pieces))]), b[cut:]...)...)
			}
			m, err := input.Parse(rep.Source.Path, b)
			if err != nil {
				// invalid UTF-8, refused by the decoder: the text as it is,
				// what an editor may send the language server
				m = grammar.Parse(grammar.NewSource(rep.Source.Path, string(b)))
			}
			out = append(out, m)
		}
	}
	return out
}

// oldAnalyzeTable is analyzeTable before evalPlanned: every relation's
// cells gathered, then each evaluated cell by cell (evalRelation).
func oldAnalyzeTable(rep *grammar.Report, id int) *analysis {
	t := rep.Table(id)
	if t == nil || t.Unreadable {
		return nil
	}
	a := &analysis{table: t}
	plan := tableBalanceEntryOf(t.Def.Format, id)
	bs := plan.bs
	a.rels = make([]relation, len(bs))
	cells := make([]*grammar.Cell, plan.nrefs)
	distinct := make([]*grammar.Cell, len(plan.cells))
	lookUpCells(t, plan, distinct)
	for k, i := range plan.refs {
		cells[k] = distinct[i]
	}
	at := 0
	var blockers []*grammar.Cell
	for i := range bs {
		b := &bs[i]
		n := len(b.Left) + len(b.Right)
		blockers = oldEvalRelation(&a.rels[i], t, b, cells[at:at+n:at+n], blockers)
		at += n
	}
	a.explain()
	return a
}

func oldEvalRelation(r *relation, t *grammar.Table, b *grammar.Balance, cells []*grammar.Cell, arena []*grammar.Cell) []*grammar.Cell {
	*r = relation{b: b}
	side := func(cs []*grammar.Cell) float64 {
		sum := 0.0
		for _, c := range cs {
			switch {
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
	nl := len(b.Left)
	r.all, r.nl = cells, uint32(nl)
	first := len(arena)
	r.lsum = side(cells[:nl])
	r.rsum = side(cells[nl:])
	if len(arena) > first {
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

// sameAnalysis fails unless got is want: the relations field by field (the
// sums bit for bit; the cells where a relation fails, the only table whose
// cells are read), the findings with their relations by position.
func sameAnalysis(t *testing.T, what string, got, want *analysis) {
	t.Helper()
	if (got == nil) != (want == nil) {
		t.Fatalf("%s: analysis %v, want %v", what, got, want)
	}
	if got == nil {
		return
	}
	failed := false
	for i := range want.rels {
		failed = failed || want.rels[i].status == relFail
	}
	if len(got.rels) != len(want.rels) {
		t.Fatalf("%s: %d relations, want %d", what, len(got.rels), len(want.rels))
	}
	sameCells := func(a, b []*grammar.Cell) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return true
	}
	for i := range want.rels {
		g, w := &got.rels[i], &want.rels[i]
		if g.b != w.b || g.status != w.status || g.missing != w.missing || g.split != w.split || g.nl != w.nl ||
			math.Float64bits(g.lsum) != math.Float64bits(w.lsum) || math.Float64bits(g.rsum) != math.Float64bits(w.rsum) ||
			!sameCells(g.blockers, w.blockers) {
			t.Fatalf("%s: relation %d is %+v, want %+v", what, i, *g, *w)
		}
		if failed && !sameCells(g.all, w.all) {
			t.Fatalf("%s: relation %d has cells %v, want %v", what, i, g.all, w.all)
		}
	}
	index := func(a *analysis, r *relation) int {
		for i := range a.rels {
			if &a.rels[i] == r {
				return i
			}
		}
		return -1
	}
	if len(got.findings) != len(want.findings) {
		t.Fatalf("%s: %d findings, want %d", what, len(got.findings), len(want.findings))
	}
	for i, w := range want.findings {
		g := got.findings[i]
		if g.Kind != w.Kind || g.Culprit != w.Culprit || math.Float64bits(g.Value) != math.Float64bits(w.Value) ||
			g.Fix != w.Fix || len(g.Rels) != len(w.Rels) {
			t.Fatalf("%s: finding %d is %+v, want %+v", what, i, *g, *w)
		}
		for j := range w.Rels {
			if index(got, g.Rels[j]) != index(want, w.Rels[j]) {
				t.Fatalf("%s: finding %d relation %d differs", what, i, j)
			}
		}
	}
}

// revaluedTable is a copy of t with some numbers changed: by a little (a
// relation then fails), to -0, to large and fractional values, NaN and
// infinities (the sums must stay the same bit for bit).
func revaluedTable(rng *rand.Rand, t *grammar.Table) *grammar.Table {
	values := []float64{math.Copysign(0, -1), 0, 1e300, -1e300, 0.1, 0.2, 0.3, -7, math.NaN(), math.Inf(1), math.Inf(-1), 1e-320}
	c := *t
	c.Rows = nil
	for _, r := range t.Rows {
		rc := *r
		rc.Cells = append([]*grammar.Cell(nil), r.Cells...)
		for i, cell := range rc.Cells {
			if cell == nil || rng.Intn(6) != 0 {
				continue
			}
			cc := *cell
			if rng.Intn(2) == 0 {
				cc.Value += float64(1 + rng.Intn(5))
			} else {
				cc.Value = values[rng.Intn(len(values))]
			}
			rc.Cells[i] = &cc
		}
		c.Rows = append(c.Rows, &rc)
	}
	return &c
}

// withTable is rep with table id replaced by tb.
func withTable(rep *grammar.Report, id int, tb *grammar.Table) *grammar.Report {
	c := *rep
	c.Tables[id-1] = tb // an array: the copy's own
	return &c
}

func TestAnalyzeTableAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	reps := append(sharedReports(t), tableMutants(t, 6, 40)...)
	var tables, failing, blocked, split int
	check := func(what string, rep *grammar.Report, id int) {
		t.Helper()
		want, got := oldAnalyzeTable(rep, id), analyzeTable(rep, id)
		sameAnalysis(t, what, got, want)
		if want == nil {
			return
		}
		tables++
		for _, r := range want.rels {
			switch {
			case r.status == relFail:
				failing++
			case r.status == relBlocked:
				blocked++
			}
			if r.split {
				split++
			}
		}
		got.release()
	}
	for _, rep := range reps {
		for _, id := range []int{grammar.TableRequests, grammar.TableReview} {
			check("report", rep, id)
			if tb := rep.Table(id); tb != nil {
				for range 4 {
					check("shuffled", withTable(rep, id, shuffledTable(rng, tb)), id)
					check("revalued", withTable(rep, id, revaluedTable(rng, tb)), id)
				}
			}
		}
	}
	t.Logf("%d tables: %d relations failing, %d blocked, %d with split values", tables, failing, blocked, split)
	if tables < 200 || failing < 100 || blocked < 100 || split < 5 {
		t.Fatalf("too few cases: %d tables, %d failing, %d blocked, %d split", tables, failing, blocked, split)
	}
}

// oldBlankColumns is blankColumns before it first counted the blank cells.
func oldBlankColumns(t *grammar.Table) []string {
	type count struct {
		key          string
		col          *grammar.ColDef
		cells, blank int
	}
	var buf [16]count
	counts := buf[:0]
	for _, r := range t.Rows {
		for j, c := range r.Cells {
			if c == nil {
				continue
			}
			k := -1
			if j < len(counts) && (counts[j].col == c.Col || counts[j].key == c.Col.Key) {
				k = j
			} else {
				for i := range counts {
					if counts[i].col == c.Col || counts[i].key == c.Col.Key {
						k = i
						break
					}
				}
			}
			if k < 0 {
				counts = append(counts, count{key: c.Col.Key, col: c.Col})
				k = len(counts) - 1
			}
			counts[k].cells++
			if c.Kind == grammar.CellEmpty {
				counts[k].blank++
			}
		}
	}
	var out []string
	for _, n := range counts {
		if n.blank == n.cells && n.cells >= minBlankColumnCells {
			out = append(out, n.key)
		}
	}
	return out
}

// blankedTable is a copy of t with some cells made blank: a column at a
// time (so that some are blank throughout), or here and there.
func blankedTable(rng *rand.Rand, t *grammar.Table) *grammar.Table {
	c := *t
	c.Rows = nil
	col, odds := rng.Intn(10), 1+rng.Intn(40)
	for _, r := range t.Rows {
		rc := *r
		rc.Cells = append([]*grammar.Cell(nil), r.Cells...)
		for i, cell := range rc.Cells {
			if cell == nil || (i != col || rng.Intn(8) == 0) && rng.Intn(odds) != 0 {
				continue
			}
			cc := *cell
			cc.Kind = grammar.CellEmpty
			rc.Cells[i] = &cc
		}
		c.Rows = append(c.Rows, &rc)
	}
	return &c
}

func TestBlankColumnsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	var tables, some int
	check := func(tb *grammar.Table) {
		t.Helper()
		got, want := blankColumns(tb), oldBlankColumns(tb)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("blankColumns = %#v, want %#v", got, want)
		}
		tables++
		if len(want) > 0 {
			some++
		}
	}
	for _, rep := range append(sharedReports(t), tableMutants(t, 7, 20)...) {
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			check(tb)
			for range 6 {
				check(blankedTable(rng, tb))
				check(shuffledTable(rng, blankedTable(rng, tb)))
			}
		}
	}
	t.Logf("%d tables, %d with a blank column", tables, some)
	if some < 200 || tables-some < 500 {
		t.Fatalf("%d tables, %d with a blank column", tables, some)
	}
}

// lookUpCells with placeInOrder finds what Row.Cell finds (oldLookUpCells)
// in the table mutants too, and in them shuffled.
func TestLookUpCellsInOrderIsRowCell(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	tables := 0
	for _, rep := range tableMutants(t, 8, 20) {
		for _, id := range []int{1, 2, 3} {
			tb := rep.Table(id)
			if tb == nil {
				continue
			}
			plan := tableBalanceEntryOf(tb.Def.Format, id)
			for _, x := range []*grammar.Table{tb, shuffledTable(rng, tb), shuffledTable(rng, tb)} {
				want, got := oldLookUpCells(x, plan), newLookUpCells(x, plan)
				if !slices.Equal(got, want) {
					t.Fatalf("table %d: cells %v, want %v", id, got, want)
				}
				tables++
			}
		}
	}
	if tables < 500 {
		t.Fatalf("only %d tables", tables)
	}
}

// labelKeyBrackets is LabelKey(text) == key, with brackets(text) when so:
// on the labels of the seeds, the corpus and the table mutants against
// their canonical labels, on the template strings, and on random texts
// dense in brackets (of both widths, and EF bytes that begin none),
// against their own keys and the keys of others.
func TestLabelKeyBracketsAsBefore(t *testing.T) {
	var pairs [][2]string
	for _, rep := range append(sharedReports(t), tableMutants(t, 9, 10)...) {
		for _, tb := range rep.Tables {
			if tb == nil {
				continue
			}
			for _, l := range tb.Labels {
				pairs = append(pairs, [2]string{l.Text, grammar.LabelKey(l.Canonical)}, [2]string{l.Text, grammar.LabelKey(l.Text)})
			}
		}
	}
	eachTemplateString(func(s string) {
		pairs = append(pairs, [2]string{s, grammar.LabelKey(s)}, [2]string{strings.ReplaceAll(s, "（", "("), grammar.LabelKey(s)})
	})
	rng := rand.New(rand.NewSource(9))
	pieces := append([]string{"（", "）", "(", ")", "\xef\xbc", "\xef", "\xef\xbc\x88\x88", "予以公开", "一、", "（一）"}, fastPathPieces...)
	for range 40000 {
		text := randomText(rng, pieces, rng.Intn(16))
		pairs = append(pairs, [2]string{text, grammar.LabelKey(text)}, [2]string{text, pairs[rng.Intn(len(pairs))][1]})
	}
	same := 0
	for _, p := range pairs {
		got, o, c := labelKeyBrackets(p[0], p[1])
		want := grammar.LabelKey(p[0]) == p[1]
		wo, wc := 0, 0
		if want {
			wo, wc = brackets(p[0])
			same++
		}
		if got != want || o != wo || c != wc {
			t.Fatalf("labelKeyBrackets(%q, %q) = %v, %d, %d, want %v, %d, %d", p[0], p[1], got, o, c, want, wo, wc)
		}
		if got := sameLabel(p[0], p[1]); got != oldSameLabel(p[0], p[1]) {
			t.Fatalf("sameLabel(%q, %q) = %v", p[0], p[1], got)
		}
	}
	if same < 20000 || len(pairs)-same < 20000 {
		t.Fatalf("%d pairs, %d the same", len(pairs), same)
	}
}

// labelTexts makes what the four concatenations made, empty pieces and
// texts among them.
func TestLabelTextsAsConcatenation(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	pieces := append([]string{"", "改为模板标签“", "”", "表三"}, fastPathPieces...)
	for range 20000 {
		var lt labelTexts
		var want [4]string
		used := 0
		for i := range want {
			n := rng.Intn(7)
			if used+n > len(lt.pieces) {
				n = len(lt.pieces) - used
			}
			used += n
			ps := make([]string, n)
			for j := range ps {
				ps[j] = pieces[rng.Intn(len(pieces))]
			}
			lt.add(ps...)
			want[i] = strings.Join(ps, "")
		}
		if got := lt.make(); got != want {
			t.Fatalf("labelTexts = %q, want %q", got, want)
		}
	}
}

// concatCheckUnchecked is GD-A005's check before its messages were written
// in buffers (appendRelSummary, relatedCells): the texts concatenated and
// joined, with concatCellLabelKind, concatRelSummary and
// concatColumnEquation.
func concatCheckUnchecked(ctx *lint.Context) {
	for _, id := range []int{grammar.TableRequests, grammar.TableReview} {
		a := analysisOf(ctx, id)
		if a == nil {
			continue
		}
		type group struct {
			key   string
			doubt string
			row   *grammar.RowDef
			cells []*grammar.Cell
			rels  []*relation
			// where cells and rels start: a group's few, in its own
			// allocation rather than in lists grown from one
			cellBuf [8]*grammar.Cell
			relBuf  [8]*relation
		}
		// the groups in the order they were made: a few, compared by key
		// in turn (no map made per table and hashed per cell)
		var groups []*group
		var kb []byte
		blankCols := blankColumnsOf(ctx, a.table)
		var block group // the cells of columns left blank throughout, said once
		for i := range a.rels {
			r := &a.rels[i]
			if r.status != relBlocked {
				continue
			}
			for _, c := range r.blockers {
				if c.Kind == grammar.CellEmpty && slices.Contains(blankCols, c.Col.Key) {
					if !containsCell(block.cells, c) {
						block.cells = append(block.cells, c)
					}
					if !containsRel(block.rels, r) {
						block.rels = append(block.rels, r)
					}
					continue
				}
				// the key is built in a reused buffer: a lookup of
				// string(kb) does not allocate, only a new group's key
				kb = append(append(kb[:0], "row:"...), c.Row.Key...)
				doubt := ""
				if c.Kind == grammar.CellNumber && c.Doubt != "" {
					doubt = c.Doubt
					kb = append(append(kb[:0], "doubt:"...), c.Doubt...)
					if !a.table.Def.Positional {
						kb = append(append(kb, ':'), c.Row.Key...)
					}
				}
				var g *group
				for _, h := range groups {
					if h.key == string(kb) {
						g = h
						break
					}
				}
				if g == nil {
					g = &group{key: string(kb), doubt: doubt, row: c.Row}
					g.cells, g.rels = g.cellBuf[:0], g.relBuf[:0]
					groups = append(groups, g)
				}
				if !containsCell(g.cells, c) {
					g.cells = append(g.cells, c)
				}
				if !containsRel(g.rels, r) {
					g.rels = append(g.rels, r)
				}
			}
		}
		if len(block.cells) > 0 {
			emitBlankColumnsUnchecked(ctx, a.table, blankCols, block.cells, block.rels)
		}
		for _, g := range groups {
			sortCells(a.table, g.cells)
			relZH, relEN := concatRelSummary(a.table.Def, g.rels)
			tn, te := tableName(id), tableNameEN(id)
			var zh, en string
			// concatenated: what Sprintf with %s gave, without its boxing
			switch {
			case g.doubt != "" && a.table.Def.Positional:
				zh = tn + "的数值位置不确定（" + g.doubt + "），未核对：" + relZH
				en = te + ": the placement of the values is uncertain, not checked: " + relEN
			case g.doubt != "":
				zh = tn + "“" + g.row.Label + "”行的数值位置不确定（" + g.doubt + "），未核对：" + relZH
				en = te + " row “" + g.row.Label + "”: the placement of the values is uncertain, not checked: " + relEN
			default:
				cz, ce := cellKindSummary(g.cells)
				zh = tn + "“" + g.row.Label + "”行" + cz + "，不是数字，未核对：" + relZH
				en = te + " row “" + g.row.Label + "”: " + ce + ", not a number; not checked: " + relEN
			}
			d := lint.Diagnostic{Span: g.cells[0].Span, Message: zh, MessageEN: en}
			if len(g.cells) > 1 {
				d.Related = make([]lint.Related, 0, len(g.cells)-1)
			}
			for _, c := range g.cells[1:] {
				d.Related = append(d.Related, lint.Related{Span: c.Span, Message: concatCellLabelKind(c)})
			}
			ctx.Emit(d)
		}
	}
}

func concatCellLabelKind(c *grammar.Cell) string {
	switch c.Kind {
	case grammar.CellEmpty:
		return "“" + c.Row.Label + "”“" + c.Col.Label + "” 空白"
	case grammar.CellPlaceholder:
		return "“" + c.Row.Label + "”“" + c.Col.Label + "” 占位符“" + c.Text + "”"
	case grammar.CellText:
		return "“" + c.Row.Label + "”“" + c.Col.Label + "” 文字“" + c.Text + "”"
	}
	return "“" + c.Row.Label + "”“" + c.Col.Label + "” 位置不确定（" + c.Doubt + "）"
}
func concatRelSummary(def *grammar.TableDef, rels []*relation) (zh, en string) {
	colLabel := func(ref grammar.CellRef) string {
		for _, c := range def.Row(ref.Row).Cols {
			if c.Key == ref.Col {
				return c.Label
			}
		}
		return ref.Col
	}
	zs, es := make([]string, 0, 4), make([]string, 0, 4) // one per kind at most
	// the kinds named, in this order; the relations of each looked up in
	// the list (a few), not gathered in a map
	for _, k := range []grammar.BalanceKind{grammar.BalanceRowTotal, grammar.BalanceOutcomeTotal, grammar.BalanceColumn, grammar.BalanceReviewTotal} {
		var rsBuf [16]*relation
		rs := rsBuf[:0]
		for _, r := range rels {
			if r.b.Kind == k {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 {
			continue
		}
		names := make([]string, 0, len(rs))
		for _, r := range rs {
			if k == grammar.BalanceRowTotal || k == grammar.BalanceReviewTotal {
				names = append(names, def.Row(r.b.Right[0].Row).Label)
			} else {
				names = append(names, colLabel(r.b.Right[0]))
			}
		}
		list, listEN := quotedList(names, "”“"), quotedList(names, "”, “")
		switch k {
		case grammar.BalanceRowTotal, grammar.BalanceReviewTotal:
			zs = append(zs, list+"的总计")
			es = append(es, "the total of "+listEN)
		case grammar.BalanceOutcomeTotal:
			row := def.Row(rs[0].b.Right[0].Row).Label
			zs = append(zs, list+"列的“"+row+"”")
			es = append(es, "“"+row+"” in column "+listEN)
		case grammar.BalanceColumn:
			eq := concatColumnEquation(def, *rs[0].b)
			zs = append(zs, list+"列的 "+eq)
			es = append(es, eq+" in column "+listEN)
		}
	}
	return strings.Join(zs, "；"), strings.Join(es, "; ")
}
func concatColumnEquation(def *grammar.TableDef, b grammar.Balance) string {
	side := func(refs []grammar.CellRef) string {
		ts := make([]string, 0, len(refs))
		for _, ref := range refs {
			ts = append(ts, shortRow(def.Row(ref.Row)))
		}
		return strings.Join(ts, " + ")
	}
	return side(b.Left) + " = " + side(b.Right)
}

// GD-A005 finds what it found when its texts were concatenated, on the
// seeds, the corpus and the table mutants, and on them with digits
// replaced by what is not one (blocked relations in number).
func TestCheckUncheckedTextsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	old := *lint.RuleByID("GD-A005")
	old.Check = concatCheckUnchecked
	opts := &lint.Options{}
	found, related := 0, 0
	for _, rep := range append(sharedReports(t), tableMutants(t, 11, 10)...) {
		reps := []*grammar.Report{rep}
		for range 3 {
			b := []byte(rep.Source.Text)
			for i := range b {
				if b[i] >= '0' && b[i] <= '9' && rng.Intn(10) == 0 {
					b[i] = " -X\t/"[rng.Intn(5)]
				}
			}
			reps = append(reps, grammar.Parse(grammar.NewSource(rep.Source.Path, string(b))))
		}
		for _, r := range reps {
			got := lint.Run(r, []*lint.Rule{lint.RuleByID("GD-A005")}, opts)
			want := lint.Run(r, []*lint.Rule{&old}, opts)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("GD-A005 found %v, want %v", got, want)
			}
			found += len(want)
			for _, d := range want {
				related += len(d.Related)
			}
		}
	}
	t.Logf("%d findings, %d related notes", found, related)
	if found < 1000 || related < 1000 {
		t.Fatalf("only %d findings, %d related notes", found, related)
	}
}

// oldValue is value before valueIn: the cell by Table.Cell, the row looked
// up again for a doubted one.
func oldValue(r *grammar.Report, ref grammar.CellRef) (v Value, number bool, cell *grammar.Cell) {
	t := r.Table(ref.Table)
	if t == nil {
		return Value{}, false, nil
	}
	c := t.Cell(ref.Row, ref.Col)
	if c == nil {
		return Value{}, false, nil
	}
	n, ok := c.Number()
	if !ok {
		return Value{}, false, c
	}
	firm := c.Doubt == ""
	if !firm {
		if row := t.Row(ref.Row); row != nil && row.Split {
			firm = true
		}
	}
	return Value{Value: n, Text: c.Text, Span: c.Span, Doubt: c.Doubt, Firm: firm}, true, c
}

// oldProseOf is proseOf before it sorted by insertion: the spans appended to a nil
// list and sorted by sortByStart.
func oldProseOf(rep *grammar.Report) prose {
	var skip []grammar.Span
	for _, t := range rep.Tables {
		if t != nil {
			skip = append(skip, t.Span)
		}
	}
	for _, r := range rep.Residue {
		skip = append(skip, r.Span)
	}
	for _, h := range rep.Headings {
		skip = append(skip, h.Span)
	}
	if rep.Title != nil {
		skip = append(skip, lineOf(rep.Source, rep.Title.Span))
	}
	if rep.Publication != nil {
		skip = append(skip, lineOf(rep.Source, rep.Publication.Span))
	}
	sortByStart(skip)
	paras := make([]grammar.Span, len(rep.Paragraphs))
	for i, p := range rep.Paragraphs {
		paras[i] = p.Span
	}
	return prose{text: rep.Source.Text, paragraphs: paras, skip: skip}
}

// oldAppendData is AppendData before it made room for the record first.
func oldAppendData(y YearReport) []byte {
	var b []byte
	for i := range y.cells {
		c := &y.cells[i]
		var flags byte
		if c.present {
			flags |= 1
		}
		if c.value != nil {
			flags |= 2
			if c.value.Firm {
				flags |= 4
			}
		}
		b = append(b, flags)
		b = spill.AppendSpan(b, c.span)
		if v := c.value; v != nil {
			b = spill.AppendFloat(b, v.Value)
			b = spill.AppendString(b, v.Text)
			b = spill.AppendSpan(b, v.Span)
			b = spill.AppendString(b, v.Doubt)
		}
	}
	b = spill.AppendSpans(b, y.prose.paragraphs)
	return spill.AppendSpans(b, y.prose.skip)
}

// SummarizeYear reads the cells oldValue reads, the prose oldProseOf
// reads, and AppendData writes what it wrote, on the seeds, the corpus and
// the table mutants, their tables shuffled (rows duplicated, moved and
// dropped) and revalued, and on reports with no table or no heading.
func TestSummarizeYearAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	var reps []*grammar.Report
	for _, rep := range append(sharedReports(t), tableMutants(t, 12, 10)...) {
		reps = append(reps, rep)
		for _, id := range []int{1, 2} {
			if tb := rep.Table(id); tb != nil {
				reps = append(reps, withTable(rep, id, shuffledTable(rng, tb)), withTable(rep, id, revaluedTable(rng, tb)))
			}
		}
		bare := *rep
		bare.Tables, bare.Headings, bare.Residue, bare.Title, bare.Publication = [3]*grammar.Table{}, nil, nil, nil, nil
		reps = append(reps, &bare)
	}
	numbers, doubted := 0, 0
	for _, rep := range reps {
		y := SummarizeYear("r.txt", 2024, rep)
		for i, ref := range yearCells {
			v, number, c := oldValue(rep, ref)
			got := y.cells[i]
			if got.present != (c != nil) || c != nil && got.span != c.Span || (got.value != nil) != number ||
				number && !sameValue(*got.value, v) {
				t.Fatalf("cell %v: %+v, want %+v (%v, %v)", ref, got, v, number, c != nil)
			}
			if number {
				numbers++
				if v.Doubt != "" {
					doubted++
				}
			}
		}
		want := oldProseOf(rep)
		if !reflect.DeepEqual(y.prose, want) {
			t.Fatalf("prose %+v, want %+v", y.prose.skip, want.skip)
		}
		if got, want := y.AppendData(nil), oldAppendData(y); !slices.Equal(got, want) {
			t.Fatalf("AppendData wrote %v, want %v", got, want)
		}
		if got, want := y.AppendData([]byte("abc")), append([]byte("abc"), oldAppendData(y)...); !slices.Equal(got, want) {
			t.Fatalf("AppendData after abc wrote %v, want %v", got, want)
		}
	}
	if numbers < 5000 || doubted < 50 {
		t.Fatalf("only %d numbers, %d doubted", numbers, doubted)
	}
}

// sameValue: a and b are equal, their values bit for bit (NaN among them).
func sameValue(a, b Value) bool {
	return math.Float64bits(a.Value) == math.Float64bits(b.Value) && a.Text == b.Text && a.Span == b.Span && a.Doubt == b.Doubt && a.Firm == b.Firm
}

// sortApart orders spans as sortByStart does when it says no two start
// together, and says so exactly when none do.
func TestSortApartAsSortByStart(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	apart := 0
	for n := range 100 {
		for range 50 {
			spans := make([]grammar.Span, n)
			starts := rng.Perm(3*n + 1) // distinct, in half the lists
			for i := range spans {
				s := starts[i]
				if rng.Intn(2) == 0 && rng.Intn(4) == 0 {
					s = rng.Intn(n/4 + 1) // some starts shared
				}
				spans[i] = grammar.Span{Start: s, End: s + rng.Intn(9)}
			}
			if rng.Intn(3) == 0 {
				// about in order, as proseOf gathers them
				sortByStart(spans)
				for range 1 + rng.Intn(4) {
					if n > 1 {
						i, j := rng.Intn(n), rng.Intn(n)
						spans[i], spans[j] = spans[j], spans[i]
					}
				}
			}
			want := slices.Clone(spans)
			sortByStart(want)
			tie := false
			for i := 1; i < len(want); i++ {
				tie = tie || want[i].Start == want[i-1].Start
			}
			got := sortApart(spans)
			if got != (!tie && n <= 64) {
				t.Fatalf("%d spans: sortApart = %v, ties %v", n, got, tie)
			}
			if got {
				apart++
				if !slices.Equal(spans, want) {
					t.Fatalf("%d spans: %v, want %v", n, spans, want)
				}
			}
		}
	}
	if apart < 500 {
		t.Fatalf("only %d lists apart", apart)
	}
}

// proseOf gives what it gave when spans start together: headings doubled,
// one at the title's line, residue at a table.
func TestProseOfTiesAsBefore(t *testing.T) {
	ties := 0
	for _, rep := range sharedReports(t) {
		for k := range 6 {
			c := *rep
			c.Headings = slices.Clone(rep.Headings)
			c.Residue = slices.Clone(rep.Residue)
			switch {
			case k == 0 && len(c.Headings) > 1:
				c.Headings = append(c.Headings, c.Headings[1])
			case k == 1 && c.Title != nil:
				h := *c.Headings[0]
				h.Span = lineOf(c.Source, c.Title.Span)
				c.Headings = append(c.Headings, &h)
			case k == 2 && c.Tables[1] != nil:
				c.Residue = append(c.Residue, &grammar.Residue{Span: c.Tables[1].Span, Text: "x"})
			case k == 4 && c.Tables[1] != nil && len(c.Headings) > 0:
				// spans of three kinds at one start, of other ends
				for i, tb := range c.Tables {
					if tb == nil {
						continue
					}
					h := *c.Headings[0]
					h.Span = grammar.Span{Start: tb.Span.Start, End: tb.Span.Start + 1 + i}
					c.Headings = append(c.Headings, &h)
					c.Residue = append(c.Residue, &grammar.Residue{Span: grammar.Span{Start: tb.Span.Start, End: tb.Span.Start + 5 + i}})
				}
			case k == 5 && len(c.Headings) > 2:
				// every heading twice, the copy a byte longer
				for _, h := range rep.Headings {
					hc := *h
					hc.Span.End++
					c.Headings = append(c.Headings, &hc)
				}
			case k == 3:
				// as it is
			default:
				continue
			}
			got, want := proseOf(&c), oldProseOf(&c)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s case %d: skip %v, want %v", c.Source.Path, k, got.skip, want.skip)
			}
			if k != 3 {
				ties++
			}
		}
	}
	if ties < 20 {
		t.Fatalf("only %d reports with ties", ties)
	}
}
