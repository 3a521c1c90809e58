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
	out := Stats{}
	for _, d := range StatDefs {
		if c := cellAt(rep, d.Cell); c != nil {
			if v, ok := c.Number(); ok {
				// copies: the cell's text is a slice of the whole document's
				out[d.Key] = &Stat{Value: v, Text: strings.Clone(c.Text), Span: c.Span, Doubt: strings.Clone(c.Doubt)}
			}
		}
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
