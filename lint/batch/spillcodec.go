package batch

import (
	"errors"

	"github.com/gdlint/gdlint/internal/spill"
	"github.com/gdlint/gdlint/lint"
)

// The findings a store keeps are written in a compact binary form
// (package spill) rather than JSON: each batch output reads every report's
// findings back, and decoding them as JSON was the largest cost of writing
// the outputs of thousands of reports (3.5 s of 8,000 reports' 4 s JSON
// report).

// appendDiagnostics encodes ds.
func appendDiagnostics(b []byte, ds []lint.Diagnostic) []byte {
	b = spill.AppendUint(b, uint64(len(ds)))
	for i := range ds {
		d := &ds[i]
		b = spill.AppendString(b, d.Rule)
		b = spill.AppendInt(b, int(d.Severity))
		b = spill.AppendSpan(b, d.Span)
		b = spill.AppendString(b, d.Message)
		b = spill.AppendString(b, d.MessageEN)
		b = spill.AppendLen(b, d.Fixes == nil, len(d.Fixes))
		for _, f := range d.Fixes {
			b = spill.AppendString(b, f.Title)
			b = spill.AppendString(b, f.TitleEN)
			b = spill.AppendLen(b, f.Edits == nil, len(f.Edits))
			for _, e := range f.Edits {
				b = spill.AppendSpan(b, e.Span)
				b = spill.AppendString(b, e.NewText)
			}
			b = spill.AppendInt(b, int(f.Applicability))
		}
		b = spill.AppendLen(b, d.Related == nil, len(d.Related))
		for _, r := range d.Related {
			b = spill.AppendSpan(b, r.Span)
			b = spill.AppendString(b, r.Message)
			b = spill.AppendString(b, r.Path)
		}
	}
	return b
}

var errBadFindings = errors.New("findings read back are damaged")

// decodeDiagnostics decodes the findings in b.
func decodeDiagnostics(b []byte) ([]lint.Diagnostic, error) {
	d := spill.NewDecoder(b, errBadFindings)
	n := d.Uint()
	if d.Failed() || n > uint64(len(b)) {
		return nil, errBadFindings
	}
	ds := make([]lint.Diagnostic, n)
	for i := range ds {
		g := &ds[i]
		g.Rule = d.Str()
		g.Severity = lint.Severity(d.Int())
		g.Span = d.Span()
		g.Message = d.Str()
		g.MessageEN = d.Str()
		if n, ok := d.Len(); ok {
			g.Fixes = make([]lint.Fix, n)
			for j := range g.Fixes {
				f := &g.Fixes[j]
				f.Title = d.Str()
				f.TitleEN = d.Str()
				if n, ok := d.Len(); ok {
					f.Edits = make([]lint.Edit, n)
					for k := range f.Edits {
						f.Edits[k].Span = d.Span()
						f.Edits[k].NewText = d.Str()
					}
				}
				f.Applicability = lint.Applicability(d.Int())
			}
		}
		if n, ok := d.Len(); ok {
			g.Related = make([]lint.Related, n)
			for j := range g.Related {
				r := &g.Related[j]
				r.Span = d.Span()
				r.Message = d.Str()
				r.Path = d.Str()
			}
		}
		if d.Failed() {
			return nil, errBadFindings
		}
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	return ds, nil
}
