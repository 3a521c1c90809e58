// Package spill encodes the records a batch run keeps in its temporary
// file instead of memory (a report's findings, what the cross-year checks
// compare of it) in a compact binary form. Integers are varints, a float
// its eight bytes, strings and slices are prefixed by their length; a
// slice's length is stored plus one, so that nil (0) and empty (1) stay
// apart as they were.
package spill

import (
	"encoding/binary"
	"math"

	"github.com/gdlint/gdlint/grammar"
)

func AppendUint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

func AppendInt(b []byte, v int) []byte { return binary.AppendVarint(b, int64(v)) }

func AppendFloat(b []byte, v float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
}

func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func AppendSpan(b []byte, sp grammar.Span) []byte {
	b = binary.AppendVarint(b, int64(sp.Start))
	return binary.AppendVarint(b, int64(sp.End))
}

// AppendLen appends the length of a slice, nil or not.
func AppendLen(b []byte, isNil bool, n int) []byte {
	if isNil {
		return binary.AppendUvarint(b, 0)
	}
	return binary.AppendUvarint(b, uint64(n)+1)
}

// AppendSpans appends spans, nil or not.
func AppendSpans(b []byte, spans []grammar.Span) []byte {
	b = AppendLen(b, spans == nil, len(spans))
	for _, sp := range spans {
		b = AppendSpan(b, sp)
	}
	return b
}

// A Decoder reads a record back. Its strings are slices of one string
// holding the whole record: one allocation for all of them. The first
// value that cannot be read sets Err to the decoder's error, and every
// later read returns zero.
type Decoder struct {
	b   []byte
	s   string // b as a string
	at  int
	bad error
	err error
}

// NewDecoder reads b; bad is the error a damaged record gives.
func NewDecoder(b []byte, bad error) *Decoder {
	return &Decoder{b: b, s: string(b), bad: bad}
}

// Err is the first error, or bad when the record holds more than was read.
func (d *Decoder) Err() error {
	if d.err == nil && d.at != len(d.b) {
		return d.bad
	}
	return d.err
}

// Failed tells whether a value could not be read.
func (d *Decoder) Failed() bool { return d.err != nil }

func (d *Decoder) Uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.at:])
	if n <= 0 {
		d.err = d.bad
		return 0
	}
	d.at += n
	return v
}

func (d *Decoder) Int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.at:])
	if n <= 0 {
		d.err = d.bad
		return 0
	}
	d.at += n
	return int(v)
}

func (d *Decoder) Byte() byte {
	if d.err != nil || d.at >= len(d.b) {
		d.err = d.bad
		return 0
	}
	d.at++
	return d.b[d.at-1]
}

func (d *Decoder) Float() float64 {
	if d.err != nil || len(d.b)-d.at < 8 {
		d.err = d.bad
		return 0
	}
	d.at += 8
	return math.Float64frombits(binary.LittleEndian.Uint64(d.b[d.at-8:]))
}

func (d *Decoder) Str() string {
	n := d.Uint()
	if d.err != nil || n > uint64(len(d.s)-d.at) {
		d.err = d.bad
		return ""
	}
	s := d.s[d.at : d.at+int(n)]
	d.at += int(n)
	return s
}

func (d *Decoder) Span() grammar.Span {
	start := d.Int()
	return grammar.Span{Start: start, End: d.Int()}
}

// Len reads a slice's length; false for a nil slice (or an error).
func (d *Decoder) Len() (int, bool) {
	n := d.Uint()
	if d.err != nil || n == 0 {
		return 0, false
	}
	if n-1 > uint64(len(d.s)-d.at) { // every element takes a byte at least
		d.err = d.bad
		return 0, false
	}
	return int(n - 1), true
}

// Spans reads what AppendSpans wrote.
func (d *Decoder) Spans() []grammar.Span {
	n, ok := d.Len()
	if !ok {
		return nil
	}
	spans := make([]grammar.Span, n)
	for i := range spans {
		spans[i] = d.Span()
	}
	return spans
}
