package grammar_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/reportcheck"
)

func checkSpans(t testing.TB, r *grammar.Report) {
	t.Helper()
	errs := reportcheck.SpanErrors(r)
	for i, e := range errs {
		if i == 10 {
			t.Errorf("... and %d more", len(errs)-10)
			break
		}
		t.Error(e)
	}
}

// numberAt reads a cell's number the way it is printed: ASCII or full-width
// digits, an optional sign and decimal point, an optional unit 万元/元.
func numberAt(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "万元"), "元")
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '－':
			return '-'
		}
		return r
	}, s)
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// cellTextErrors checks that every placed cell says what the source says at
// its span: the text of a cell is the text at its span, a number cell holds
// the number printed there, an empty cell has a zero-width span. A parser
// that places a cell at the wrong span (or invents a value) fails here.
func cellTextErrors(r *grammar.Report) []string {
	var errs []string
	for _, t := range r.Tables {
		if t == nil {
			continue
		}
		for _, c := range t.Cells() {
			at := r.Source.Slice(c.Span)
			where := fmt.Sprintf("table %d %s/%s at %v", t.ID, c.Row.Label, c.Col.Label, r.Source.CharPos(c.Span.Start))
			switch c.Kind {
			case grammar.CellEmpty:
				if c.Span.Len() != 0 {
					errs = append(errs, fmt.Sprintf("%s: empty cell with span text %q", where, at))
				}
				continue
			case grammar.CellNumber:
				v, ok := numberAt(at)
				if !ok || v != c.Value {
					errs = append(errs, fmt.Sprintf("%s: value %v but the source has %q there", where, c.Value, at))
				}
			}
			if at != c.Text {
				errs = append(errs, fmt.Sprintf("%s: text %q but the source has %q there", where, c.Text, at))
			}
		}
	}
	return errs
}

func checkCellsHoldTheirText(t testing.TB, r *grammar.Report) {
	t.Helper()
	for _, e := range cellTextErrors(r) {
		t.Error(e)
	}
}
