package rules

import (
	"errors"
	"slices"

	"github.com/gdlint/gdlint/internal/spill"
)

// A batch of thousands of reports keeps what the cross-year checks compare
// of each report (its cells' values and the layout of its prose: a few KB)
// in its temporary file, not in memory: it is read back only for a report
// of the year before or after. Path, Year and Anchor, which say where a
// report's findings point and are all that GD-Y004 and GD-Y005 read, stay.

var errBadYearData = errors.New("cross-year data read back are damaged")

// AppendData appends the cells and the prose's paragraphs and skipped
// spans of y, for WithData to read back. The prose's text is not written:
// a batch that spills this data reads the text back itself (TextFrom).
func (y YearReport) AppendData(b []byte) []byte {
	// room for the record at once (a batch passes nil: it grew through
	// eight arrays), a span taken as six bytes (two varints of offsets
	// below 1 MB); a record that needs more grows again
	const span = 6
	if y.cells == nil {
		y.cells = new([len(yearCells)]yearCell) // written as absent cells
	}
	n := 2 + span*(len(y.prose.paragraphs)+len(y.prose.skip))
	for i := range y.cells {
		n += 1 + span
		if v := y.cells[i].value; v != nil {
			n += 8 + 1 + len(v.Text) + span + 1 + len(v.Doubt)
		}
	}
	b = slices.Grow(b, n)
	for i := range y.cells {
		c := &y.cells[i]
		var flags byte
		if c.present {
			flags |= 1
		}
		if c.value != nil {
			flags |= 2
			if c.value.Firm {
				flags |= 4
			}
		}
		b = append(b, flags)
		b = spill.AppendSpan(b, c.span)
		if v := c.value; v != nil {
			b = spill.AppendFloat(b, v.Value)
			b = spill.AppendString(b, v.Text)
			b = spill.AppendSpan(b, v.Span)
			b = spill.AppendString(b, v.Doubt)
		}
	}
	b = spill.AppendSpans(b, y.prose.paragraphs)
	return spill.AppendSpans(b, y.prose.skip)
}

// WithoutData is y without what AppendData writes: Path, Year, Anchor and
// how to read the text.
func (y YearReport) WithoutData() YearReport {
	return YearReport{Path: y.Path, Year: y.Year, Anchor: y.Anchor, prose: prose{text: y.prose.text, load: y.prose.load}}
}

// WithData is y with the data AppendData wrote in b.
func (y YearReport) WithData(b []byte) (YearReport, error) {
	d := spill.NewDecoder(b, errBadYearData)
	var values [len(yearCells)]Value
	var flags [len(yearCells)]byte
	n := 0
	y.cells = new([len(yearCells)]yearCell) // y's own: not the one it was copied from
	for i := range y.cells {
		flags[i] = d.Byte()
		y.cells[i] = yearCell{span: d.Span(), present: flags[i]&1 != 0}
		if flags[i]&2 != 0 {
			values[i] = Value{Value: d.Float(), Text: d.Str(), Span: d.Span(), Doubt: d.Str(), Firm: flags[i]&4 != 0}
			n++
		}
	}
	// the values in one array, as SummarizeYear keeps them
	kept := make([]Value, 0, n)
	for i := range y.cells {
		if flags[i]&2 != 0 {
			kept = append(kept, values[i])
			y.cells[i].value = &kept[len(kept)-1]
		}
	}
	y.prose.paragraphs = d.Spans()
	y.prose.skip = d.Spans()
	if err := d.Err(); err != nil {
		return YearReport{}, err
	}
	return y, nil
}
