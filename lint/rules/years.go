package rules

import (
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

// YearReport is one report taking part in a cross-year check.
type YearReport struct {
	Path   string
	Year   int
	Report *grammar.Report
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

// value reads a cell of a report as a Value (nil when absent or not a number).
func value(r *grammar.Report, ref grammar.CellRef) (*Value, *grammar.Cell) {
	t := r.Table(ref.Table)
	if t == nil {
		return nil, nil
	}
	c := t.Cell(ref.Row, ref.Col)
	if c == nil {
		return nil, nil
	}
	v, ok := c.Number()
	if !ok {
		return nil, c
	}
	firm := c.Doubt == ""
	if !firm {
		// glued digits split by the row's own total are the only split that
		// balances: as firm as a separated cell
		if row := t.Row(ref.Row); row != nil && row.Split {
			firm = true
		}
	}
	return &Value{Value: v, Text: c.Text, Span: c.Span, Doubt: c.Doubt, Firm: firm}, c
}

func signed(v float64) string {
	if v > 0 {
		return "+" + fmtNum(v)
	}
	return fmtNum(v)
}
