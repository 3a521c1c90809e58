package spill

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

var errBad = errors.New("bad record")

// TestRoundTrip: what the Append functions write, a Decoder reads back in
// the same order, nil and empty span lists apart, and then reports no error.
func TestRoundTrip(t *testing.T) {
	spans := []grammar.Span{{Start: -1 << 40, End: 3}, {Start: 0, End: 0}, {Start: 7, End: 1 << 50}}
	var b []byte
	b = AppendUint(b, math.MaxUint64)
	b = AppendInt(b, math.MinInt64)
	b = AppendFloat(b, math.Inf(-1))
	b = AppendFloat(b, -0.5)
	b = AppendString(b, "𠀀甲\xff")
	b = AppendString(b, "")
	b = AppendSpan(b, spans[0])
	b = AppendSpans(b, nil)
	b = AppendSpans(b, []grammar.Span{})
	b = AppendSpans(b, spans)
	b = append(b, 0xA5)
	d := NewDecoder(b, errBad)
	if v := d.Uint(); v != math.MaxUint64 {
		t.Errorf("Uint %d", v)
	}
	if v := d.Int(); v != math.MinInt64 {
		t.Errorf("Int %d", v)
	}
	if v := d.Float(); !math.IsInf(v, -1) {
		t.Errorf("Float %v", v)
	}
	if v := d.Float(); v != -0.5 {
		t.Errorf("Float %v", v)
	}
	if s := d.Str(); s != "𠀀甲\xff" {
		t.Errorf("Str %q", s)
	}
	if s := d.Str(); s != "" {
		t.Errorf("Str %q", s)
	}
	if sp := d.Span(); sp != spans[0] {
		t.Errorf("Span %v", sp)
	}
	if got := d.Spans(); got != nil {
		t.Errorf("nil spans read back as %v", got)
	}
	if got := d.Spans(); got == nil || len(got) != 0 {
		t.Errorf("empty spans read back as %#v", got)
	}
	if got := d.Spans(); !reflect.DeepEqual(got, spans) {
		t.Errorf("spans read back as %v", got)
	}
	if c := d.Byte(); c != 0xA5 {
		t.Errorf("Byte %x", c)
	}
	if d.Failed() || d.Err() != nil {
		t.Errorf("Failed %v, Err %v", d.Failed(), d.Err())
	}
}

// TestDamaged: a record cut short fails at the first value it cannot read
// and every later read gives zero; one with bytes left over is bad too.
func TestDamaged(t *testing.T) {
	b := AppendString(AppendFloat(AppendSpans(nil, []grammar.Span{{Start: 1, End: 2}}), 1.5), "甲乙")
	for n := range len(b) {
		d := NewDecoder(b[:n], errBad)
		d.Spans()
		d.Float()
		d.Str()
		if !d.Failed() || d.Err() != errBad {
			t.Fatalf("%d of %d bytes: Failed %v, Err %v", n, len(b), d.Failed(), d.Err())
		}
		if d.Uint() != 0 || d.Str() != "" || d.Byte() != 0 || d.Float() != 0 {
			t.Fatalf("%d of %d bytes: a read after the failure gave a value", n, len(b))
		}
	}
	d := NewDecoder(append(b, 0), errBad)
	d.Spans()
	d.Float()
	d.Str()
	if d.Failed() || d.Err() != errBad {
		t.Errorf("a byte left over: Failed %v, Err %v", d.Failed(), d.Err())
	}
	// a length beyond the record is refused before anything is made
	if _, ok := NewDecoder(AppendLen(nil, false, 1<<40), errBad).Len(); ok {
		t.Error("a slice longer than the record was accepted")
	}
}
