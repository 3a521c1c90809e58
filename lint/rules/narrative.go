package rules

// Helpers of the narrative rules (GD-C, one file each: gd_c*.go): numbers the prose states that the tables also hold
// must agree with them, and the prose must not contradict itself. Numbers
// are found with RE2 patterns over sentences of prose blocks (each pattern
// runs once over each sentence); a finding needs a sentence that clearly
// speaks of the same quantity — a miss is better than a false alarm.

import (
	"sync"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// narrativeSections are the parts whose prose reports the year's figures.
func narrativeSection(k grammar.SectionKey) bool {
	switch k {
	case "", grammar.SecGeneral, grammar.SecProactive, grammar.SecRequests, grammar.SecReview:
		return true
	}
	return false
}

// sentenceCtx is one sentence of a block, with the sentence before it.
type sentenceCtx struct {
	b          *proseBlock
	start, end int // in b.Text
	text       string
	prev       string
}

// eachBlockSentence calls f for every sentence of b, with the one before it
// in b.
func eachBlockSentence(b *proseBlock, f func(s sentenceCtx)) {
	prev := ""
	for _, ss := range b.sentences() {
		text := b.Text[ss[0]:ss[1]]
		f(sentenceCtx{b: b, start: ss[0], end: ss[1], text: text, prev: prev})
		prev = text
	}
}

// blockFacts is what the narrative rules read from the text of one block
// (claims, with offsets in the block's text) before they compare it with the
// tables, each piece read on first use. Every piece is a function of the
// block's text alone (its extract reads b.Text and b.sentences() and nothing
// else), so the set is kept across runs by that text (lint.TextKey): after an
// editor's keystroke only the changed block is read again.
type blockFacts struct {
	requests   lazy[requestCandidate]
	noRequests lazy[[2]int]
	review     lazy[reviewClaim]
	docs       lazy[docClaim]
	completion lazy[[2]int]
	percents   lazy[percentClaim]
	fees       lazy[feeClaim]
	years      lazy[sentenceYear]
}

// lazy is a list extracted from a block on first use; nil until then (an
// empty list is kept as an empty slice: a flag beside each would make the
// facts a third larger).
type lazy[E any] struct{ v []E }

func (l *lazy[E]) get(b *proseBlock, extract func(*proseBlock) []E) []E {
	if l.v == nil {
		l.v = extract(b)
		if l.v == nil {
			l.v = []E{}
		}
	}
	return l.v
}

var blockFactsKey = lint.NewTextKey[*blockFacts]("block facts")

// factsOf returns the facts of block b: those kept for its text, or a new
// set; one lookup per block and run.
func factsOf(c *lint.Context, b *proseBlock) *blockFacts {
	if b.facts == nil {
		if f, ok := lint.Recall(c, blockFactsKey, b.Text); ok {
			b.facts = f
		} else {
			b.facts = b.spareFacts
			if b.facts == nil {
				b.facts = &blockFacts{}
			}
			lint.Keep(c, blockFactsKey, b.Text, b.facts)
		}
	}
	return b.facts
}

// narrativeBlocks are the blocks of the narrative sections.
func narrativeBlocks(c *lint.Context) []*proseBlock { return proseRunOf(c).narrative }

// otherMatters are words that mark a count of something other than
// information-disclosure applications.
var otherMatters = wordSet("复议", "诉讼", "案件", "信访", "诉求", "建议", "提案", "咨询", "信箱", "热线", "留言", "投诉", "来电", "来信")

// tableTotal returns a row's 总计 of table id, or the sum of the row's other
// columns when the total cell is blank; ok is false when the parser could not
// place the numbers without doubt.
func tableTotal(r *grammar.Report, id int, row string) (v float64, cell *grammar.Cell, summed, ok bool) {
	t := r.Table(id)
	if t == nil || t.Unreadable {
		return 0, nil, false, false
	}
	if c, v, ok := trustedNumber(t, row, grammar.ColTotal); ok {
		return v, c, false, true
	}
	rw := t.Row(row)
	if rw == nil {
		return 0, nil, false, false
	}
	total := rw.Cell(grammar.ColTotal)
	if total == nil || total.Kind != grammar.CellEmpty {
		return 0, nil, false, false
	}
	sum := 0.0
	for _, col := range rw.Def.Cols {
		if col.Key == grammar.ColTotal {
			continue
		}
		_, x, ok := trustedNumber(t, row, col.Key)
		if !ok {
			return 0, nil, false, false
		}
		sum += x
	}
	return sum, total, true, true
}

// rowFigure is a row's total as the narrative rules compare it: the value,
// its cell, its name in messages, and whether it could be read at all.
type rowFigure struct {
	v      float64
	cell   *grammar.Cell
	zh, en string
	ok     bool
}

// figureOf is tableTotal and totalName of one row.
func figureOf(r *grammar.Report, id int, row string) rowFigure {
	v, cell, summed, ok := tableTotal(r, id, row)
	zh, en := totalName(r, id, row, summed)
	return rowFigure{v: v, cell: cell, zh: zh, en: en, ok: ok}
}

// totalName names a row total for a message. The names are template data:
// made once for every row of the template's tables (the narrative rules
// name their rows on every run, with or without a finding), and read from
// arrays and a map by row key (a sync.Map by a key of two strings cost
// six hundred instructions a lookup).
func totalName(r *grammar.Report, id int, row string, summed bool) (zh, en string) {
	if id >= 1 && id <= 3 {
		fi := 1 // any format but 2019's has 2021's tables (grammar.Tables)
		if r.Format == grammar.Format2019 {
			fi = 0
		}
		if n, ok := totalNameTable()[fi][id-1][row]; ok {
			s := 0
			if summed {
				s = 1
			}
			return n[s][0], n[s][1]
		}
	}
	return makeTotalName(r.Format, id, row, summed)
}

// totalNameTable holds makeTotalName of every row of the tables of 2019's
// format (0) and of 2021's (1), by table and row key, not summed (0) and
// summed (1).
var totalNameTable = sync.OnceValue(func() (t [2][3]map[string][2][2]string) {
	for fi, f := range [2]grammar.Format{grammar.Format2019, grammar.Format2021} {
		for i, def := range grammar.Tables(f) {
			t[fi][i] = map[string][2][2]string{}
			for _, rd := range def.Rows {
				var n [2][2]string
				for s, summed := range [2]bool{false, true} {
					n[s][0], n[s][1] = makeTotalName(f, i+1, rd.Key, summed)
				}
				t[fi][i][rd.Key] = n
			}
		}
	}
	return t
})

func makeTotalName(f grammar.Format, id int, row string, summed bool) (zh, en string) {
	def := grammar.Tables(f)[id-1].Row(row)
	if def == nil {
		return tableName(id), tableNameEN(id)
	}
	zh = tableName(id) + "“" + def.Label + "”"
	en = tableNameEN(id) + ", row “" + def.Label + "”"
	if len(def.Cols) > 1 {
		if summed {
			zh += "各列之和（总计栏为空）"
			en += ", sum of the columns (the total is blank)"
		} else {
			zh += "总计"
			en += ", total"
		}
	}
	return zh, en
}

func numberFix(sp grammar.Span, v float64) []lint.Fix {
	s := formatNumber(v)
	return []lint.Fix{{Title: "把正文的数字改为表格中的 " + s, TitleEN: "change the number in the text to the table's " + s,
		Edits: []lint.Edit{{Span: sp, NewText: s}}, Applicability: lint.Unsafe}}
}

func related(cell *grammar.Cell, zh string) []lint.Related {
	if cell == nil {
		return nil
	}
	return []lint.Related{{Span: cell.Span, Message: zh}}
}
