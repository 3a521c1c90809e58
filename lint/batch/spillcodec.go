package batch

import (
	"encoding/binary"
	"errors"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// The findings a store keeps are written in a compact binary form rather
// than JSON: each batch output reads every report's findings back, and
// decoding them as JSON was the largest cost of writing the outputs of
// thousands of reports (3.5 s of 8,000 reports' 4 s JSON report).
// Integers are varints, strings and slices are prefixed by their length;
// a slice's length is stored plus one, so that nil (0) and empty (1) stay
// apart as they were.

// appendDiagnostics encodes ds.
func appendDiagnostics(b []byte, ds []lint.Diagnostic) []byte {
	b = binary.AppendUvarint(b, uint64(len(ds)))
	for i := range ds {
		d := &ds[i]
		b = appendString(b, d.Rule)
		b = binary.AppendVarint(b, int64(d.Severity))
		b = appendSpan(b, d.Span)
		b = appendString(b, d.Message)
		b = appendString(b, d.MessageEN)
		b = appendLen(b, d.Fixes == nil, len(d.Fixes))
		for _, f := range d.Fixes {
			b = appendString(b, f.Title)
			b = appendString(b, f.TitleEN)
			b = appendLen(b, f.Edits == nil, len(f.Edits))
			for _, e := range f.Edits {
				b = appendSpan(b, e.Span)
				b = appendString(b, e.NewText)
			}
			b = binary.AppendVarint(b, int64(f.Applicability))
		}
		b = appendLen(b, d.Related == nil, len(d.Related))
		for _, r := range d.Related {
			b = appendSpan(b, r.Span)
			b = appendString(b, r.Message)
			b = appendString(b, r.Path)
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendSpan(b []byte, sp grammar.Span) []byte {
	b = binary.AppendVarint(b, int64(sp.Start))
	return binary.AppendVarint(b, int64(sp.End))
}

func appendLen(b []byte, isNil bool, n int) []byte {
	if isNil {
		return binary.AppendUvarint(b, 0)
	}
	return binary.AppendUvarint(b, uint64(n)+1)
}

var errBadFindings = errors.New("findings read back are damaged")

// findingsDecoder reads what appendDiagnostics wrote. Its strings are
// slices of one string holding the whole record: one allocation for all
// the texts of a report's findings.
type findingsDecoder struct {
	b   []byte
	s   string // b as a string
	at  int
	err error
}

// decodeDiagnostics decodes the findings in b.
func decodeDiagnostics(b []byte) ([]lint.Diagnostic, error) {
	d := &findingsDecoder{b: b, s: string(b)}
	n := d.uint()
	if d.err != nil || n > uint64(len(d.s)) {
		return nil, errBadFindings
	}
	ds := make([]lint.Diagnostic, n)
	for i := range ds {
		g := &ds[i]
		g.Rule = d.str()
		g.Severity = lint.Severity(d.int())
		g.Span = d.span()
		g.Message = d.str()
		g.MessageEN = d.str()
		if n, ok := d.len(); ok {
			g.Fixes = make([]lint.Fix, n)
			for j := range g.Fixes {
				f := &g.Fixes[j]
				f.Title = d.str()
				f.TitleEN = d.str()
				if n, ok := d.len(); ok {
					f.Edits = make([]lint.Edit, n)
					for k := range f.Edits {
						f.Edits[k].Span = d.span()
						f.Edits[k].NewText = d.str()
					}
				}
				f.Applicability = lint.Applicability(d.int())
			}
		}
		if n, ok := d.len(); ok {
			g.Related = make([]lint.Related, n)
			for j := range g.Related {
				r := &g.Related[j]
				r.Span = d.span()
				r.Message = d.str()
				r.Path = d.str()
			}
		}
		if d.err != nil {
			return nil, d.err
		}
	}
	if d.at != len(d.s) {
		return nil, errBadFindings
	}
	return ds, nil
}

func (d *findingsDecoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.at:])
	if n <= 0 {
		d.err = errBadFindings
		return 0
	}
	d.at += n
	return v
}

func (d *findingsDecoder) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.at:])
	if n <= 0 {
		d.err = errBadFindings
		return 0
	}
	d.at += n
	return int(v)
}

func (d *findingsDecoder) str() string {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.s)-d.at) {
		d.err = errBadFindings
		return ""
	}
	s := d.s[d.at : d.at+int(n)]
	d.at += int(n)
	return s
}

func (d *findingsDecoder) span() grammar.Span {
	start := d.int()
	return grammar.Span{Start: start, End: d.int()}
}

// len reads a slice's length; false for a nil slice (or an error).
func (d *findingsDecoder) len() (int, bool) {
	n := d.uint()
	if d.err != nil || n == 0 {
		return 0, false
	}
	if n-1 > uint64(len(d.s)-d.at) { // every element takes a byte at least
		d.err = errBadFindings
		return 0, false
	}
	return int(n - 1), true
}
