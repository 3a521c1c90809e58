package format

import (
	"slices"
	"unicode"

	"github.com/gdlint/gdlint/grammar"
)

// SameReading tells whether two parses of a report read the same: the same
// numbers in the same order, the same title year and 统计期限, the same
// headings (part, number, level), the same tables cell by cell, and the
// same residue of web pages and crawlers.
func SameReading(a, b *grammar.Report) bool {
	return slices.Equal(Numbers(a.Source.Text), Numbers(b.Source.Text)) &&
		sameDates(a, b) && sameHeadings(a, b) && sameCells(a, b) && sameResidue(a, b)
}

// sameResidue: the same web and crawler residue is found (GD-W002 reports
// it; formatting must not hide it).
func sameResidue(a, b *grammar.Report) bool {
	return slices.EqualFunc(a.Residue, b.Residue, func(x, y *grammar.Residue) bool { return x.Kind == y.Kind })
}

func sameDates(a, b *grammar.Report) bool {
	if (a.Title == nil) != (b.Title == nil) || a.Title != nil && a.Title.Year != b.Title.Year {
		return false
	}
	if (a.Period == nil) != (b.Period == nil) || a.Period != nil && (a.Period.Start.Date != b.Period.Start.Date || a.Period.End.Date != b.Period.End.Date) {
		return false
	}
	if (a.Publication == nil) != (b.Publication == nil) || a.Publication != nil && a.Publication.Date != b.Publication.Date {
		return false
	}
	return true
}

// Numbers are the runs of digits of text, in order: what formatting must
// never change.
func Numbers(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		switch {
		case unicode.IsDigit(r) && start < 0:
			start = i
		case !unicode.IsDigit(r) && start >= 0:
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

func sameHeadings(a, b *grammar.Report) bool {
	if len(a.Headings) != len(b.Headings) {
		return false
	}
	for i, x := range a.Headings {
		y := b.Headings[i]
		if x.Section != y.Section || x.Number != y.Number || x.Level != y.Level {
			return false
		}
	}
	return true
}

// sameCells reports whether two parses of a report read the same tables.
func sameCells(a, b *grammar.Report) bool {
	for i := range a.Tables {
		ta, tb := a.Tables[i], b.Tables[i]
		if (ta == nil) != (tb == nil) {
			return false
		}
		if ta == nil {
			continue
		}
		ca, cb := ta.Cells(), tb.Cells()
		if len(ca) != len(cb) {
			return false
		}
		for j := range ca {
			x, y := ca[j], cb[j]
			if x.Row.Key != y.Row.Key || x.Col.Key != y.Col.Key || x.Kind != y.Kind || x.Value != y.Value {
				return false
			}
		}
	}
	return true
}
