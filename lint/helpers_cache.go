package lint

// What several rules derive from one report is built once per Run and
// shared: the prose blocks with their sentences and key characters, and the
// arithmetic analysis of each table. Each piece is built on first use, so a
// run of one rule pays only for what that rule reads. Nothing here is
// modified after it is built.

import (
	"sync"

	"github.com/gdlint/gdlint/grammar"
)

// runCache holds what the rules of one Run share.
type runCache struct {
	blocks     []*proseBlock
	blocksDone bool
	analyses   [4]*analysis // by table id
	analysed   [4]bool
	tableKeys  map[*grammar.Table]string
	looseKeys  map[*grammar.Table]string
}

func (c *Context) cache() *runCache {
	if c.shared == nil {
		c.shared = &runCache{}
	}
	return c.shared
}

// proseBlocks returns the report's prose blocks, built once per run.
func (c *Context) proseBlocks() []*proseBlock {
	rc := c.cache()
	if !rc.blocksDone {
		rc.blocks, rc.blocksDone = proseBlocks(c.Report), true
		// the rules that read blocks read their sentences: split them all
		// into one array
		var all [][2]int
		for _, b := range rc.blocks {
			start := len(all)
			all = appendSentences(all, b.Text)
			b.sents = all[start:len(all):len(all)]
		}
	}
	return rc.blocks
}

// analysis returns the balances of table id evaluated and explained, once
// per run (nil when the table is missing or unreadable).
func (c *Context) analysis(id int) *analysis {
	rc := c.cache()
	if id < 0 || id >= len(rc.analyses) {
		return analyzeTable(c.Report, id)
	}
	if !rc.analysed[id] {
		rc.analyses[id], rc.analysed[id] = analyzeTable(c.Report, id), true
	}
	return rc.analyses[id]
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

// tableKey is tableKey(report, t), once per run.
func (c *Context) tableKey(t *grammar.Table) string {
	rc := c.cache()
	k, ok := rc.tableKeys[t]
	if !ok {
		if rc.tableKeys == nil {
			rc.tableKeys = map[*grammar.Table]string{}
		}
		k = tableKey(c.Report, t)
		rc.tableKeys[t] = k
	}
	return k
}

// looseTableKey is looseTableKey of t, once per run.
func (c *Context) looseTableKey(t *grammar.Table) string {
	rc := c.cache()
	k, ok := rc.looseKeys[t]
	if !ok {
		if rc.looseKeys == nil {
			rc.looseKeys = map[*grammar.Table]string{}
		}
		k = looseTableKey(t, c.tableKey(t))
		rc.looseKeys[t] = k
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
