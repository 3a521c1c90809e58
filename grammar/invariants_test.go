package grammar_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
)

// namedSpan is a span of the report with what it belongs to, for messages.
type namedSpan struct {
	what string
	sp   grammar.Span
}

// reportSpans lists every span a report hands out.
func reportSpans(r *grammar.Report) []namedSpan {
	var out []namedSpan
	add := func(what string, sp grammar.Span) { out = append(out, namedSpan{what, sp}) }
	if r.FormatEvidence != nil {
		add("format evidence", *r.FormatEvidence)
	}
	if t := r.Title; t != nil {
		add("title", t.Span)
		add("title body", t.BodySpan)
		add("title year", t.YearSpan)
	}
	if p := r.Period; p != nil {
		add("period", p.Span)
		add("period start", p.Start.Span)
		add("period end", p.End.Span)
	}
	if p := r.Publication; p != nil {
		add("publication", p.Span)
	}
	if s := r.Signature; s != nil {
		add("signature body", s.BodySpan)
		if s.Date != nil {
			add("signature date", s.Date.Span)
		}
	}
	for i, h := range r.Headings {
		add(fmt.Sprintf("heading %d", i), h.Span)
		add(fmt.Sprintf("heading %d number", i), h.NumberSpan)
		add(fmt.Sprintf("heading %d text", i), h.TextSpan)
	}
	for _, s := range r.Sections {
		add("section "+string(s.Key), s.Span)
		add("section heading "+string(s.Key), s.Heading.Span)
	}
	for i, p := range r.Paragraphs {
		add(fmt.Sprintf("paragraph %d", i), p.Span)
	}
	for _, t := range r.Tables {
		if t == nil {
			continue
		}
		add(fmt.Sprintf("table %d", t.ID), t.Span)
		for i, l := range t.Labels {
			add(fmt.Sprintf("table %d label %d %q", t.ID, i, l.Text), l.Span)
		}
		for _, row := range t.Rows {
			if row.Label != nil {
				add(fmt.Sprintf("table %d row label %s", t.ID, row.Def.Key), row.Label.Span)
			}
		}
		for _, c := range t.Cells() {
			add(fmt.Sprintf("table %d cell %s/%s", t.ID, c.Row.Key, c.Col.Key), c.Span)
		}
		for i, p := range t.Problems {
			add(fmt.Sprintf("table %d problem %d %s", t.ID, i, p.Kind), p.Span)
		}
	}
	for i, x := range r.Residue {
		add(fmt.Sprintf("residue %d", i), x.Span)
	}
	for i, u := range r.Unplaced {
		add(fmt.Sprintf("unplaced %d", i), u.Span)
	}
	return out
}

// spanErrors returns what is wrong with the report's spans: each must lie in
// [0, len(Text)], not be reversed, and start and end on UTF-8 boundaries.
func spanErrors(r *grammar.Report) []string {
	text := r.Source.Text
	var errs []string
	for _, ns := range reportSpans(r) {
		sp := ns.sp
		switch {
		case sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End:
			errs = append(errs, fmt.Sprintf("%s: span %v outside [0, %d] or reversed", ns.what, sp, len(text)))
		case sp.Start < len(text) && !utf8.RuneStart(text[sp.Start]):
			errs = append(errs, fmt.Sprintf("%s: span %v starts inside a character", ns.what, sp))
		case sp.End < len(text) && !utf8.RuneStart(text[sp.End]):
			errs = append(errs, fmt.Sprintf("%s: span %v ends inside a character", ns.what, sp))
		}
	}
	return errs
}

func checkSpans(t testing.TB, r *grammar.Report) {
	t.Helper()
	errs := spanErrors(r)
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
