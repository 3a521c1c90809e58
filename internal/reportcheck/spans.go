// Package reportcheck holds the checks every parsed report must pass, for
// the tests and fuzz targets of grammar and of its front-ends.
package reportcheck

import (
	"fmt"
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

// SpanErrors returns what is wrong with the report's spans: each must lie in
// [0, len(Text)], not be reversed, and start and end on UTF-8 boundaries.
func SpanErrors(r *grammar.Report) []string {
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
