package rules

// What several rules derive from one report is built once per Run and
// shared: the prose blocks with their sentences and key characters, and the
// arithmetic analysis of each table. Each piece is built on first use, so a
// run of one rule pays only for what that rule reads. Nothing here is
// modified after it is built.

import (
	"sync"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

var blocksKey = lint.NewMemoKey[[]*proseBlock]("prose blocks")

// blocksOf returns the report's prose blocks, built once per run. Their
// sentences are split on first use (most blocks' facts are recalled from the
// cache of an editor's run, without them), into one array per run.
func blocksOf(c *lint.Context) []*proseBlock {
	return lint.Memo(c, blocksKey, func() []*proseBlock {
		blocks := proseBlocks(c.Report)
		arena := new([][2]int)
		for _, b := range blocks {
			b.arena = arena
		}
		return blocks
	})
}

// tableAnalyses are the analyses of the report's tables, by table id, each
// built on first use.
type tableAnalyses struct {
	analyses [4]*analysis
	analysed [4]bool
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

// tableBalances are the balances of format f whose right side is in table
// id, and how many cells they name: the same for every report, so made once.
func tableBalances(f grammar.Format, id int) ([]grammar.Balance, int) {
	if f != grammar.Format2019 {
		f = grammar.Format2021
	}
	k := balanceKey{f, id}
	if v, ok := tableBalanceMemo.Load(k); ok {
		e := v.(tableBalanceEntry)
		return e.bs, e.nrefs
	}
	var e tableBalanceEntry
	for _, b := range balancesOf(f) {
		if len(b.Right) == 0 || b.Right[0].Table != id {
			continue
		}
		e.bs = append(e.bs, b)
		e.nrefs += len(b.Left) + len(b.Right)
	}
	tableBalanceMemo.Store(k, e)
	return e.bs, e.nrefs
}

type balanceKey struct {
	f  grammar.Format
	id int
}

type tableBalanceEntry struct {
	bs    []grammar.Balance
	nrefs int
}

var tableBalanceMemo sync.Map // balanceKey → tableBalanceEntry

var (
	tableKeysKey = lint.NewMemoKey[map[*grammar.Table]string]("table keys")
	looseKeysKey = lint.NewMemoKey[map[*grammar.Table]string]("loose table keys")
)

// tableKeyOf is tableKey(report, t), once per run.
func tableKeyOf(c *lint.Context, t *grammar.Table) string {
	keys := lint.Memo(c, tableKeysKey, func() map[*grammar.Table]string { return map[*grammar.Table]string{} })
	k, ok := keys[t]
	if !ok {
		k = tableKey(c.Report, t)
		keys[t] = k
	}
	return k
}

// templateKey is grammar.LabelKey of a label of the template (a fixed set of
// strings), computed once per string.
func templateKey(s string) string {
	if k, ok := templateKeys.Load(s); ok {
		return k.(string)
	}
	k := grammar.LabelKey(s)
	templateKeys.Store(s, k)
	return k
}

var templateKeys sync.Map
