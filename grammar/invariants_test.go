package grammar_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/width"

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

// printedNumber is the number printed in a cell's text, in the form
// strconv.FormatFloat writes it: full-width digits, point and minus
// narrowed by Unicode's width mapping (x/text/width, not the parser's
// table), the unit the parser found dropped, leading zeros and trailing
// decimal zeros removed, and so a count word after the number ("3项": the
// column says what is counted). The check below formats the parser's value
// and compares it with this, rather than reading the text again as the
// parser does: a copy of the parser's reader would share its mistakes.
func printedNumber(text, unit string) string {
	s := strings.TrimSuffix(width.Narrow.String(text), unit)
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range []string{"个", "件", "项", "条"} {
			if rest, ok := strings.CutSuffix(s, w); ok {
				s, trimmed = strings.TrimRight(rest, " "), true
			}
		}
	}
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
	}
	whole, frac, _ := strings.Cut(s, ".")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		whole += "." + frac
	}
	return sign + whole
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
				if v := strconv.FormatFloat(c.Value, 'f', -1, 64); v != printedNumber(at, c.Unit) {
					errs = append(errs, fmt.Sprintf("%s: value %s but the source has %q there", where, v, at))
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
