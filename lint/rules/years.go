package rules

import (
	"slices"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// The GD-Y rules compare one body's reports of consecutive years. They are
// registered so that `gdlint rules` and `gdlint explain` list them, but their
// Check does nothing on a single report: package lint/batch groups the
// reports by body and year and calls the Check… functions of these files,
// which return what they found as a YearOutcome.

// noSingleReportCheck is the Check of the GD-Y rules: they need several
// reports (see lint/batch).
func noSingleReportCheck(*lint.Context) {}

// YearReport is what a cross-year check reads of one report: a few cells,
// where a finding about the whole report points, and the layout of its
// prose. It holds no parse, so that a batch over thousands of reports can
// free each parse once the file is checked (SummarizeYear).
type YearReport struct {
	Path string
	Year int
	// Anchor is where a finding about the whole report points: the year in
	// the title, else the title, else the start.
	Anchor grammar.Span
	// cells is nil in a report without its data (WithoutData): a batch
	// keeps a summary of each of thousands of reports to the end, and the
	// cells were half of it
	cells *[len(yearCells)]yearCell
	prose prose
}

// yearCell is a cell a GD-Y rule reads: its value when it holds a number,
// and its span when it is there at all.
type yearCell struct {
	value   *Value
	span    grammar.Span
	present bool
}

// prose is what GD-Y003 compares: the text and its paragraphs, less the
// spans that are not prose (tables, headings, web residue, the title and
// publication lines), sorted by start.
type prose struct {
	text string
	// load, when set, reads text back (text is ""); the func it returns
	// (nil when none) gives the text's memory back once it is not read
	load       func() (string, func(), bool)
	paragraphs []grammar.Span
	skip       []grammar.Span
}

// textOf is the prose's text and the func that gives its memory back (nil:
// none); false when it could not be read back.
func (p prose) textOf() (string, func(), bool) {
	if p.load != nil {
		return p.load()
	}
	return p.text, nil, true
}

// TextFrom makes y read its report's text through load when a check needs
// it, instead of holding it: a batch keeps the texts of thousands of
// reports in a temporary file. load returns false when it cannot read it,
// and with the text a func (or nil) that gives its memory back: the check
// calls it when it no longer reads the text.
func (y YearReport) TextFrom(load func() (string, func(), bool)) YearReport {
	y.prose.text, y.prose.load = "", load
	return y
}

// yearCells are the cells the GD-Y rules read: for each column of 二、上年结转
// that row and 四、结转下年度继续办理 (GD-Y001), then 行政规范性文件's 本年制发,
// 本年废止 and 现行有效 (GD-Y002).
var yearCells = func() (refs [2*7 + 3]grammar.CellRef) {
	cols := grammar.Table2.Row(grammar.RowCarried).Cols
	if len(cols) != 7 {
		panic("rules: table 2 has 7 request columns")
	}
	for i, col := range cols {
		refs[2*i] = grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowCarryOver, Col: col.Key}
		refs[2*i+1] = grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowCarried, Col: col.Key}
	}
	for i, col := range []string{grammar.ColIssued, grammar.ColRepealed, grammar.ColInForce} {
		refs[14+i] = grammar.CellRef{Table: grammar.TableProactive, Row: grammar.RowNormative, Col: col}
	}
	return refs
}()

// yearRows are the rows of yearCells, each once (a CellRef without its
// column), yearCellRow the index in yearRows of each cell's row, and
// yearRowCells the indexes in yearCells of each row's cells, in order.
var yearRows, yearCellRow, yearRowCells = func() (rows []grammar.CellRef, of [len(yearCells)]int, cells [][]int) {
	for i, ref := range yearCells {
		r := grammar.CellRef{Table: ref.Table, Row: ref.Row}
		k := slices.Index(rows, r)
		if k < 0 {
			k = len(rows)
			rows = append(rows, r)
			cells = append(cells, nil)
		}
		of[i] = k
		cells[k] = append(cells[k], i)
	}
	return rows, of, cells
}()

// yearCellIndex finds a cell of yearCells.
var yearCellIndex = func() map[grammar.CellRef]int {
	m := map[grammar.CellRef]int{}
	for i, ref := range yearCells {
		m[ref] = i
	}
	return m
}()

// SummarizeYear reads of rep what the GD-Y rules need; year is the
// report's year as the batch grouped it.
func SummarizeYear(path string, year int, rep *grammar.Report) YearReport {
	y := YearReport{Path: path, Year: year, Anchor: anchor(rep), cells: new([len(yearCells)]yearCell)}
	// the values in one array, their texts copied (a cell's is a slice of
	// the whole document's) into one string: two allocations, not three a cell
	var values [len(yearCells)]Value
	var numbers [len(yearCells)]bool
	size := 0
	// each row searched for once (Table.Row compares the keys of the rows
	// before it), not once per cell of it: yearCells lie in three
	var rows [len(yearCells)]*grammar.Row
	var tables [len(yearCells)]*grammar.Table
	for i, ref := range yearRows {
		if t := rep.Table(ref.Table); t != nil {
			tables[i], rows[i] = t, t.Row(ref.Row)
		}
	}
	// the cells of each row in one pass over it, the first of each column
	// (Row.Cell's), looked for at the cell's own position first: Row.Cell
	// compared the keys of the cells before it for each
	var found [len(yearCells)]*grammar.Cell
	for k, row := range rows[:len(yearRows)] {
		if row == nil {
			continue
		}
		want := yearRowCells[k]
		for ci, c := range row.Cells {
			if c == nil {
				continue
			}
			j := -1
			if ci < len(want) && yearCells[want[ci]].Col == c.Col.Key {
				j = want[ci]
			} else {
				for _, i := range want {
					if yearCells[i].Col == c.Col.Key {
						j = i
						break
					}
				}
			}
			if j >= 0 && found[j] == nil {
				found[j] = c
			}
		}
	}
	for i := range yearCells {
		k := yearCellRow[i]
		if v, number, c := valueOf(tables[k], rows[k], found[i]); c != nil {
			if number {
				values[i], numbers[i] = v, true
				size += len(v.Text) + len(v.Doubt)
			}
			y.cells[i] = yearCell{span: c.Span, present: true}
		}
	}
	if slices.Contains(numbers[:], true) {
		var b strings.Builder
		b.Grow(size)
		for i := range values {
			if numbers[i] {
				b.WriteString(values[i].Text)
				b.WriteString(values[i].Doubt)
			}
		}
		texts, at := b.String(), 0
		kept := make([]Value, 0, len(yearCells))
		for i := range values {
			if !numbers[i] {
				continue
			}
			v := values[i]
			v.Text, at = texts[at:at+len(v.Text)], at+len(v.Text)
			v.Doubt, at = texts[at:at+len(v.Doubt)], at+len(v.Doubt)
			kept = append(kept, v)
			y.cells[i].value = &kept[len(kept)-1]
		}
	}
	y.prose = proseOf(rep)
	return y
}

// cell returns the value of a cell read by SummarizeYear (nil when absent
// or not a number) and its span when the cell is there.
func (y YearReport) cell(ref grammar.CellRef) (*Value, *grammar.Span) {
	i, ok := yearCellIndex[ref]
	if !ok {
		panic("rules: cell not read by SummarizeYear: " + ref.Row + " " + ref.Col)
	}
	if y.cells == nil {
		return nil, nil
	}
	c := y.cells[i]
	if !c.present {
		return nil, nil
	}
	return c.value, &c.span
}

// YearOutcome is what one cross-year check found.
type YearOutcome struct {
	Status             Status
	Message, MessageEN string // the outcome in a sentence
	// Columns are the per-column values of GD-Y001 and the terms of GD-Y002.
	Columns []Column
	// Similar is set by GD-Y003.
	Similar *Similarity
	// Missing lists the years absent from a run (GD-Y005).
	Missing []int
	// Diagnostics belong to the later report.
	Diagnostics []lint.Diagnostic
}

// Status is the outcome of one cross-year check.
type Status string

const (
	StatusOK          Status = "ok"           // the relation holds
	StatusFinding     Status = "finding"      // a diagnostic was reported
	StatusCannotJudge Status = "cannot-judge" // a value is missing or its placement is uncertain
)

// Column is one compared value pair.
type Column struct {
	Key, Label, LabelEN string
	Prev, Cur           *Value
	Status              Status
}

// Value is a number read from a report cell.
type Value struct {
	Value float64
	Text  string
	Span  grammar.Span
	Doubt string
	// Firm is false when the parser placed the cell by guessing; a mismatch
	// on such a cell is "cannot judge", not a finding.
	Firm bool
}

// emit adds a diagnostic of rule for the later report at severity sev (a
// check that cannot judge reports an info).
func (o *YearOutcome) emit(rule *lint.Rule, sev lint.Severity, span grammar.Span, zh, en string, related ...lint.Related) {
	o.Diagnostics = append(o.Diagnostics, lint.Diagnostic{Rule: rule.ID, Severity: sev, Span: span,
		Message: zh, MessageEN: en, Related: related})
}

// anchor is where a finding about the whole report points: the year in the
// title, else the title, else the start.
func anchor(r *grammar.Report) grammar.Span {
	if t := r.Title; t != nil {
		if t.YearSpan.End > t.YearSpan.Start {
			return t.YearSpan
		}
		return t.Span
	}
	return grammar.Span{}
}

// value reads a cell of a report as a Value; number is false when the cell
// is absent (cell nil) or holds no number.
func value(r *grammar.Report, ref grammar.CellRef) (v Value, number bool, cell *grammar.Cell) {
	t := r.Table(ref.Table)
	if t == nil {
		return Value{}, false, nil
	}
	return valueIn(t, t.Row(ref.Row), ref)
}

// valueIn is value of a cell of table t, whose row is row (t.Row(ref.Row),
// nil when t has none; t nil when the report has no such table).
func valueIn(t *grammar.Table, row *grammar.Row, ref grammar.CellRef) (v Value, number bool, cell *grammar.Cell) {
	if t == nil || row == nil {
		return Value{}, false, nil
	}
	return valueOf(t, row, row.Cell(ref.Col))
}

// valueOf is valueIn of cell c of row (row.Cell(ref.Col), nil when none).
func valueOf(t *grammar.Table, row *grammar.Row, c *grammar.Cell) (v Value, number bool, cell *grammar.Cell) {
	if t == nil || row == nil || c == nil {
		return Value{}, false, nil
	}
	n, ok := c.Number()
	if !ok {
		return Value{}, false, c
	}
	// glued digits split by the row's own total are the only split that
	// balances: as firm as a separated cell
	firm := c.Doubt == "" || row.Split
	return Value{Value: n, Text: c.Text, Span: c.Span, Doubt: c.Doubt, Firm: firm}, true, c
}

func signed(v float64) string {
	if v > 0 {
		return "+" + fmtNum(v)
	}
	return fmtNum(v)
}
