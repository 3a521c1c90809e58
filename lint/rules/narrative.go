package rules

// Helpers of the narrative rules (GD-C, one file each: gd_c*.go): numbers the prose states that the tables also hold
// must agree with them, and the prose must not contradict itself. Numbers
// are found with RE2 patterns over sentences of prose blocks (each pattern
// runs once over each sentence); a finding needs a sentence that clearly
// speaks of the same quantity — a miss is better than a false alarm.

import (
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

// blockFacts returns extract(b): what a narrative rule reads from the text of
// one block (claims, with offsets in b.Text), before it compares them with
// the tables. extract must read b.Text and b.sentences() and nothing else,
// so that the result can be kept across runs by the block's text (an
// editor's keystroke changes one block; the others' claims are recalled, not
// read again).
func blockFacts[T any](c *lint.Context, key *lint.TextKey[T], b *proseBlock, extract func(*proseBlock) T) T {
	if v, ok := lint.Recall(c, key, b.Text); ok {
		return v
	}
	v := extract(b)
	lint.Keep(c, key, b.Text, v)
	return v
}

// narrativeBlocks are the blocks of the narrative sections.
func narrativeBlocks(c *lint.Context) []*proseBlock {
	return lint.Memo(c, narrativeBlocksKey, func() []*proseBlock {
		var out []*proseBlock
		for _, b := range blocksOf(c) {
			if narrativeSection(b.Section) {
				out = append(out, b)
			}
		}
		return out
	})
}

var narrativeBlocksKey = lint.NewMemoKey[[]*proseBlock]("narrative blocks")

// otherMatters are words that mark a count of something other than
// information-disclosure applications.
var otherMatters = words{"复议", "诉讼", "案件", "信访", "诉求", "建议", "提案", "咨询", "信箱", "热线", "留言", "投诉", "来电", "来信"}

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

// totalName names a row total for a message.
func totalName(r *grammar.Report, id int, row string, summed bool) (zh, en string) {
	def := grammar.Tables(r.Format)[id-1].Row(row)
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
