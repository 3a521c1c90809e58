package batch

import (
	"strings"

	"github.com/gdlint/gdlint/grammar"
)

// StatDef is one key statistic shown per report: a template cell.
type StatDef struct {
	Key     string // stable JSON / column key
	Label   string // Chinese column heading
	LabelEN string
	Cell    grammar.CellRef
}

// StatDefs are the key statistics, in display order: table 2's totals of
// 一、二、（七）、四, table 3's three totals, the fee, and 行政规范性文件.
var StatDefs = []StatDef{
	{"requests_new", "新收申请", "new requests", grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowNew, Col: grammar.ColTotal}},
	{"requests_carried", "上年结转", "carried over", grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowCarried, Col: grammar.ColTotal}},
	{"requests_handled", "办理总计", "handled", grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowTotal, Col: grammar.ColTotal}},
	{"requests_carry_over", "结转下年", "carried to next year", grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowCarryOver, Col: grammar.ColTotal}},
	{"review_total", "行政复议", "administrative review", grammar.CellRef{Table: grammar.TableReview, Row: grammar.RowReview, Col: grammar.ColTotal}},
	{"suit_direct_total", "直接起诉", "suits (direct)", grammar.CellRef{Table: grammar.TableReview, Row: grammar.RowSuitDirect, Col: grammar.ColTotal}},
	{"suit_after_review_total", "复议后起诉", "suits (after review)", grammar.CellRef{Table: grammar.TableReview, Row: grammar.RowSuitAfter, Col: grammar.ColTotal}},
	{"fees_amount", "收费（万元）", "fees (10k yuan)", grammar.CellRef{Table: grammar.TableProactive, Row: grammar.RowFees, Col: grammar.ColAmount}},
	{"normative_issued", "规范性文件制发", "normative docs issued", grammar.CellRef{Table: grammar.TableProactive, Row: grammar.RowNormative, Col: grammar.ColIssued}},
	{"normative_repealed", "规范性文件废止", "normative docs repealed", grammar.CellRef{Table: grammar.TableProactive, Row: grammar.RowNormative, Col: grammar.ColRepealed}},
	{"normative_in_force", "规范性文件现行有效", "normative docs in force", grammar.CellRef{Table: grammar.TableProactive, Row: grammar.RowNormative, Col: grammar.ColInForce}},
}

// Stat is the value of one key statistic in one report.
type Stat struct {
	Value float64
	Text  string       // as written
	Span  grammar.Span // the cell
	// Doubt is the parser's reason the placement is uncertain, if any.
	Doubt string
}

// Stats maps StatDef.Key to the value; a key is absent when the cell was not
// found or holds no number.
type Stats map[string]*Stat

func readStats(rep *grammar.Report) Stats {
	type found struct {
		key  string
		cell *grammar.Cell
		v    float64
	}
	var cells [16]found // StatDefs, without an allocation
	got, size := cells[:0], 0
	for _, d := range StatDefs {
		if c := cellAt(rep, d.Cell); c != nil {
			if v, ok := c.Number(); ok {
				got = append(got, found{d.Key, c, v})
				size += len(c.Text) + len(c.Doubt)
			}
		}
	}
	out := make(Stats, len(got))
	if len(got) == 0 {
		return out
	}
	// the texts are copies (a cell's is a slice of the whole document),
	// made in one string; the values in one array
	var b strings.Builder
	b.Grow(size)
	for _, f := range got {
		b.WriteString(f.cell.Text)
		b.WriteString(f.cell.Doubt)
	}
	texts, at := b.String(), 0
	stats := make([]Stat, len(got))
	for i, f := range got {
		text := texts[at : at+len(f.cell.Text)]
		at += len(text)
		doubt := texts[at : at+len(f.cell.Doubt)]
		at += len(doubt)
		stats[i] = Stat{Value: f.v, Text: text, Span: f.cell.Span, Doubt: doubt}
		out[f.key] = &stats[i]
	}
	return out
}

func cellAt(rep *grammar.Report, ref grammar.CellRef) *grammar.Cell {
	t := rep.Table(ref.Table)
	if t == nil {
		return nil
	}
	return t.Cell(ref.Row, ref.Col)
}
