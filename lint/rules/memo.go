package rules

// What several rules derive from one report is built once per Run and
// shared: the prose blocks with their sentences and key characters, and the
// arithmetic analysis of each table. Each piece is built on first use, so a
// run of one rule pays only for what that rule reads. Nothing here is
// modified after it is built.

import (
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

var blocksKey = lint.NewMemoKey[*proseRun]("prose blocks")

// blocksOf returns the report's prose blocks, built once per run. Their
// sentences are split on first use (most blocks' facts are recalled from the
// cache of an editor's run, without them), into one array per run.
func blocksOf(c *lint.Context) []*proseBlock { return proseRunOf(c).blocks }

// proseRunOf returns the run's prose blocks and the narrative ones, built
// once per run.
func proseRunOf(c *lint.Context) *proseRun {
	return lint.Memo(c, blocksKey, func() *proseRun {
		// a run that keeps no value builds in the arrays of an earlier
		// one (ReleaseRun): a new set each report was a sixth of the
		// bytes the rules allocate
		var run *proseRun
		if c.KeepsValues() {
			run = &proseRun{}
		} else {
			run = proseRunPool.Get().(*proseRun)
			run.pooled = true
		}
		blocks := run.build(c.Report)
		run.narrative = grown(run.narrative, len(blocks))
		for _, b := range blocks {
			b.arena = &run.sents
			if narrativeSection(b.Section) {
				run.narrative = append(run.narrative, b)
			}
		}
		// the facts of the blocks the narrative rules read (their
		// sections') in one array, when no fact outlives the run
		if run.pooled {
			n := len(run.narrative)
			run.facts = grown(run.facts, n)[:n]
			for i, b := range run.narrative {
				b.spareFacts = &run.facts[i]
			}
		}
		return run
	})
}

// proseRun is a run's prose blocks and the arrays they are built in.
type proseRun struct {
	blocks    []*proseBlock
	narrative []*proseBlock // the blocks of the narrative sections
	all       []proseBlock  // the blocks themselves
	pieces    []blockPiece
	paras     []*grammar.Paragraph
	facts     []blockFacts // the narrative blocks' facts (spareFacts)
	sents     [][2]int     // the blocks' sentences (arena)
	pooled    bool         // from proseRunPool, given back by ReleaseRun
}

var proseRunPool = sync.Pool{New: func() any { return new(proseRun) }}

// maxPooledBlocks bounds what proseRunPool keeps: an outsized array is let go.
const maxPooledBlocks = 1 << 12

// ReleaseRun clears the run's arrays and gives them back to proseRunPool;
// the engine calls it after the findings are copied out, in runs that keep
// no value (no finding holds a block, its facts or its sentences). A
// cleared array holds nothing of the report.
func (run *proseRun) ReleaseRun() {
	if !run.pooled {
		return
	}
	// the entries in use: those past them were cleared when last in use
	// (an array is only ever filled from its start)
	clear(run.all)
	clear(run.blocks)
	clear(run.narrative)
	clear(run.pieces)
	clear(run.paras)
	clear(run.facts)
	clear(run.sents)
	*run = proseRun{all: run.all[:0], blocks: run.blocks[:0], narrative: run.narrative[:0], pieces: run.pieces[:0],
		paras: run.paras[:0], facts: run.facts[:0], sents: run.sents[:0]}
	if cap(run.all) > maxPooledBlocks || cap(run.pieces) > maxPooledBlocks || cap(run.sents) > 4*maxPooledBlocks {
		return
	}
	proseRunPool.Put(run)
}

// grown returns s emptied, with room for n elements: its own array when
// large enough, else a new one.
func grown[E any](s []E, n int) []E {
	if cap(s) < n {
		return make([]E, 0, n)
	}
	return s[:0]
}

// tableAnalyses are the analyses of the report's tables, by table id, each
// built on first use.
type tableAnalyses struct {
	analyses [4]*analysis
	analysed [4]bool
}

// ReleaseRun gives the analyses' arrays back for the next run; the engine
// calls it after the run's findings are copied out, in runs that keep no
// value (without a cache).
func (ta *tableAnalyses) ReleaseRun() {
	for i, a := range ta.analyses {
		if a != nil {
			a.release()
		}
		ta.analyses[i], ta.analysed[i] = nil, false
	}
}

var analysesKey = lint.NewMemoKey[*tableAnalyses]("table analyses")

// analysisOf returns the balances of table id evaluated and explained, once
// per run (nil when the table is missing or unreadable).
func analysisOf(c *lint.Context, id int) *analysis {
	ta := lint.Memo(c, analysesKey, func() *tableAnalyses { return &tableAnalyses{} })
	if id < 0 || id >= len(ta.analyses) {
		return analyzeTable(c.Report, id)
	}
	if !ta.analysed[id] {
		ta.analyses[id], ta.analysed[id] = analyzeTable(c.Report, id), true
	}
	return ta.analyses[id]
}

// balancesOf is grammar.Balances, computed once per format: the relations are
// template data and never change.
func balancesOf(f grammar.Format) []grammar.Balance {
	if f == grammar.Format2019 {
		return balances2019()
	}
	return balances2021()
}

var (
	balances2019 = sync.OnceValue(func() []grammar.Balance { return grammar.Balances(grammar.Format2019) })
	balances2021 = sync.OnceValue(func() []grammar.Balance { return grammar.Balances(grammar.Format2021) })
)

// tableBalanceEntryOf returns the balances of format f whose right side is
// in table id, how many cells they name and the plan to look them up: the
// same for every report, so made once.
func tableBalanceEntryOf(f grammar.Format, id int) *tableBalanceEntry {
	if f != grammar.Format2019 {
		f = grammar.Format2021
	}
	// the template's tables from an array (a sync.Map's lookup by a key
	// holding a string cost hundreds of instructions), any other id from
	// the map
	var slot *atomic.Pointer[tableBalanceEntry]
	if id >= 0 && id < len(tableBalanceSlots[0]) {
		fi := 1
		if f == grammar.Format2019 {
			fi = 0
		}
		slot = &tableBalanceSlots[fi][id]
		if e := slot.Load(); e != nil {
			return e
		}
	}
	k := balanceKey{f, id}
	if v, ok := tableBalanceMemo.Load(k); ok {
		return v.(*tableBalanceEntry)
	}
	e := &tableBalanceEntry{rowSlot: map[string]int{}}
	cellSlot := map[[2]string]int{} // row key, column key
	for _, b := range balancesOf(f) {
		if len(b.Right) == 0 || b.Right[0].Table != id {
			continue
		}
		e.bs = append(e.bs, b)
		e.nrefs += len(b.Left) + len(b.Right)
		for _, ref := range append(b.Left[:len(b.Left):len(b.Left)], b.Right...) {
			rs, ok := e.rowSlot[ref.Row]
			if !ok {
				rs = len(e.rows)
				e.rowSlot[ref.Row] = rs
				e.rows = append(e.rows, ref.Row)
			}
			cs, ok := cellSlot[[2]string{ref.Row, ref.Col}]
			if !ok {
				cs = len(e.cells)
				cellSlot[[2]string{ref.Row, ref.Col}] = cs
				e.cells = append(e.cells, planCell{row: rs, col: ref.Col})
			}
			e.refs = append(e.refs, cs)
		}
	}
	// each balance's refs, sliced once
	e.balanceRefs = make([][]int, len(e.bs))
	at := 0
	for i, b := range e.bs {
		n := len(b.Left) + len(b.Right)
		e.balanceRefs[i] = e.refs[at : at+n : at+n]
		at += n
	}
	e.planLookups(f, id, cellSlot)
	if slot != nil {
		slot.Store(e)
	} else {
		tableBalanceMemo.Store(k, e)
	}
	return e
}

// planLookups fills what lookUpCells reads: the template table's row slots
// by position, and each planned row's columns with their cell slots.
func (e *tableBalanceEntry) planLookups(f grammar.Format, id int, cellSlot map[[2]string]int) {
	if id >= 1 && id <= 3 {
		e.def = grammar.Tables(f)[id-1]
		e.defSlot = make([]int, len(e.def.Rows))
		for i, rd := range e.def.Rows {
			e.defSlot[i] = -1
			if s, ok := e.rowSlot[rd.Key]; ok {
				e.defSlot[i] = s
			}
		}
	}
	e.rowCols = make([][]rowCol, len(e.rows))
	for s, key := range e.rows {
		var cols []rowCol
		if e.def != nil {
			if rd := e.def.Row(key); rd != nil {
				for _, c := range rd.Cols {
					slot, ok := cellSlot[[2]string{key, c.Key}]
					if !ok {
						slot = -1
					}
					cols = append(cols, rowCol{key: c.Key, col: c, cell: slot})
				}
			}
		}
		// the planned cells of a row the template has not, or not with
		// these columns
		for i, pc := range e.cells {
			if pc.row != s || slices.ContainsFunc(cols, func(rc rowCol) bool { return rc.key == pc.col }) {
				continue
			}
			cols = append(cols, rowCol{key: pc.col, cell: i})
		}
		e.rowCols[s] = cols
	}
}

type balanceKey struct {
	f  grammar.Format
	id int
}

// tableBalanceEntry is the balances of a table, with the plan
// analyzeTable looks the balances' cells up by: each distinct row and cell
// once per table, not once per balance naming it.
type tableBalanceEntry struct {
	bs    []grammar.Balance
	nrefs int
	// rows are the distinct row keys the balances name (rowSlot: a key's
	// index in rows); cells the distinct cells; refs, for each cell of each
	// balance in order (left side, then right), its index in cells
	rows    []string
	rowSlot map[string]int
	cells   []planCell
	refs    []int
	// balanceRefs are the refs of each balance of bs: refs cut up
	balanceRefs [][]int
	// def is the template's table; defSlot, for each of its rows, the
	// row's index in rows (-1: none). rowCols, for each row of rows, the
	// template row's columns in order and then any other column planned
	// in it, each with its index in cells (-1: not planned).
	def     *grammar.TableDef
	defSlot []int
	rowCols [][]rowCol
}

// rowCol is a column of a planned row: its key, the template's column
// (nil for a column the template's row has not) and its index in cells.
type rowCol struct {
	key  string
	col  *grammar.ColDef
	cell int
}

// planCell is a cell the balances name: its row's index in rows, its column.
type planCell struct {
	row int
	col string
}

var tableBalanceMemo sync.Map // balanceKey → *tableBalanceEntry

// tableBalanceSlots are tableBalanceEntryOf's entries of tables 0–3 of
// 2019's format (0) and 2021's (1).
var tableBalanceSlots [2][4]atomic.Pointer[tableBalanceEntry]

var (
	tableKeysKey = lint.NewMemoKey[map[*grammar.Table]*keyScan]("table keys")
	looseKeysKey = lint.NewMemoKey[map[*grammar.Table]string]("loose table keys")
)

var blankColumnsKey = lint.NewMemoKey[map[*grammar.Table][]string]("blank columns")

// blankColumnsOf is blankColumns(t), once per run (GD-T004 and GD-A005 read
// it; neither changes it).
func blankColumnsOf(c *lint.Context, t *grammar.Table) []string {
	cols := lint.Memo(c, blankColumnsKey, func() map[*grammar.Table][]string { return map[*grammar.Table][]string{} })
	k, ok := cols[t]
	if !ok {
		k = blankColumns(t)
		k = k[:len(k):len(k)]
		cols[t] = k
	}
	return k
}

// tableKeyOf is tableKey(report, t) made as far as it is asked, once per
// run: has searches it, full is all of it.
func tableKeyOf(c *lint.Context, t *grammar.Table) *keyScan {
	keys := lint.Memo(c, tableKeysKey, func() map[*grammar.Table]*keyScan { return map[*grammar.Table]*keyScan{} })
	k, ok := keys[t]
	if !ok {
		k = &keyScan{text: tableKeySource(c.Report, t)}
		keys[t] = k
	}
	return k
}

// full is the whole key: tableKeyText(text).
func (k *keyScan) full() string {
	k.readTo(len(k.text))
	return k.key()
}

// templateKey is grammar.LabelKey of a label of the template (a fixed set of
// strings), computed once per string.
func templateKey(s string) string { return templateInfo(s).key }

// templateLabel is what the rules compare a label of the template by: its
// label key and its brackets (brackets).
type templateLabel struct {
	text        string
	key         string
	open, close int
}

// templateInfo returns the templateLabel of s: those of the labels,
// variants and headers of both formats' tables are made once, in a map
// made on first use and only read after.
func templateInfo(s string) *templateLabel {
	ix := templateIndexOnce.Load()
	if ix == nil {
		ix = templateIndex()
		templateIndexOnce.Store(ix)
	}
	// the parser's labels are the template's own strings: found by the
	// address of their bytes, a hash of one word, not of the label's bytes
	if tl := ix.byAddr.find(unsafe.StringData(s)); tl != nil && len(tl.text) == len(s) {
		return tl
	}
	if tl, ok := ix.byText[s]; ok {
		return tl
	}
	// any other string (none today: the callers pass the template's
	// labels) is read anew, not kept: text from a document must not pile
	// up in a language server that runs for days
	return newTemplateLabel(s)
}

func newTemplateLabel(s string) *templateLabel {
	tl := &templateLabel{text: s, key: grammar.LabelKey(s)}
	tl.open, tl.close = brackets(s)
	return tl
}

// templateLabelIndex holds the templateLabels of the template's strings
// (templateLabelTable) by text and by the address of their bytes. Only the
// template's strings are in byAddr: the template's tables hold them as long
// as the program runs, so a string at one of their addresses and of the
// same length has the same bytes.
type templateLabelIndex struct {
	byText map[string]*templateLabel
	byAddr addrTable
}

var templateIndex = sync.OnceValue(func() *templateLabelIndex {
	ix := &templateLabelIndex{byText: templateLabelTable()}
	var strs []string
	eachTemplateString(func(s string) {
		if len(s) > 0 {
			strs = append(strs, s)
		}
	})
	ix.byAddr = newAddrTable(len(strs))
	for _, s := range strs {
		ix.byAddr.add(unsafe.StringData(s), ix.byText[s])
	}
	return ix
})

// addrTable maps addresses to templateLabels by open addressing: a
// multiplication, a shift and a compare or two, where a Go map of pointer
// keys took about eighty instructions a lookup. Filled once, then only
// read.
type addrTable struct {
	slots []addrSlot // a power of two, at most half full
	shift uint       // 64 minus log2(len(slots))
}

type addrSlot struct {
	p  *byte
	tl *templateLabel
}

func newAddrTable(n int) addrTable {
	size, shift := 2, uint(63)
	for size < 2*n {
		size, shift = 2*size, shift-1
	}
	return addrTable{slots: make([]addrSlot, size), shift: shift}
}

func (t *addrTable) slot(p *byte) uint64 {
	return uint64(uintptr(unsafe.Pointer(p))) * 0x9E3779B97F4A7C15 >> t.shift
}

// add records tl for p unless p already has one.
func (t *addrTable) add(p *byte, tl *templateLabel) {
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(p); ; i = (i + 1) & mask {
		switch t.slots[i].p {
		case p:
			return
		case nil:
			t.slots[i] = addrSlot{p, tl}
			return
		}
	}
}

// find returns what was recorded for p, or nil.
func (t *addrTable) find(p *byte) *templateLabel {
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(p); ; i = (i + 1) & mask {
		switch t.slots[i].p {
		case p:
			return t.slots[i].tl
		case nil:
			return nil
		}
	}
}

// templateIndexOnce is templateIndex once made: a load, where calling the
// OnceValue was a third of a lookup
var templateIndexOnce atomic.Pointer[templateLabelIndex]

var templateLabelTable = sync.OnceValue(func() map[string]*templateLabel {
	m := map[string]*templateLabel{}
	eachTemplateString(func(s string) {
		if m[s] == nil {
			m[s] = newTemplateLabel(s)
		}
	})
	return m
})

// eachTemplateString calls visit with the labels, variants and headers of
// both formats' tables (a string may come more than once).
func eachTemplateString(visit func(string)) {
	add := func(ss ...string) {
		for _, s := range ss {
			visit(s)
		}
	}
	for _, f := range []grammar.Format{grammar.Format2019, grammar.Format2021} {
		for _, def := range grammar.Tables(f) {
			add(def.Headers...)
			for _, r := range def.Rows {
				add(r.Label, r.Group, r.Block)
				add(r.Variants...)
				for _, c := range r.Cols {
					add(c.Label)
					add(c.Variants...)
				}
			}
		}
	}
}

// defColumns are the columns of a table definition, for GD-T012 and
// GD-T008: the same for every report, so made once per definition.
type defColumns struct {
	// cols are the distinct column keys in template order (the first
	// definition of each key): its label, and the label keys of the label
	// and its variants
	cols []defColumn
	// labelKeys are the distinct label keys of every column of every row,
	// in template order
	labelKeys []string
}

type defColumn struct {
	label string
	keys  []string // templateKey of the label, then of each variant
}

var defColumnsMemo sync.Map // *grammar.TableDef → *defColumns

// templateDefs are the template's tables, 2019's format's then 2021's
// (table 3 twice): columnsOf keeps theirs in defColumnsSlots.
var templateDefs = func() (ds [6]*grammar.TableDef) {
	t19, t21 := grammar.Tables(grammar.Format2019), grammar.Tables(grammar.Format2021)
	copy(ds[:3], t19[:])
	copy(ds[3:], t21[:])
	return ds
}()

var defColumnsSlots [len(templateDefs)]atomic.Pointer[defColumns]

// columnsOf returns the columns of def, made on first use: a template's
// table's in an array found by comparing pointers (a sync.Map's lookup
// hashes the key), any other's in defColumnsMemo.
func columnsOf(def *grammar.TableDef) *defColumns {
	var slot *atomic.Pointer[defColumns]
	for i, d := range templateDefs {
		if d == def {
			slot = &defColumnsSlots[i]
			if dc := slot.Load(); dc != nil {
				return dc
			}
			break
		}
	}
	if slot == nil {
		if v, ok := defColumnsMemo.Load(def); ok {
			return v.(*defColumns)
		}
	}
	dc := &defColumns{}
	seenCol, seenKey := map[string]bool{}, map[string]bool{}
	for _, r := range def.Rows {
		for _, c := range r.Cols {
			if k := templateKey(c.Label); !seenKey[k] {
				seenKey[k] = true
				dc.labelKeys = append(dc.labelKeys, k)
			}
			if seenCol[c.Key] {
				continue
			}
			seenCol[c.Key] = true
			col := defColumn{label: c.Label, keys: []string{templateKey(c.Label)}}
			for _, v := range c.Variants {
				col.keys = append(col.keys, templateKey(v))
			}
			dc.cols = append(dc.cols, col)
		}
	}
	if slot != nil {
		slot.Store(dc)
	} else {
		defColumnsMemo.Store(def, dc)
	}
	return dc
}
