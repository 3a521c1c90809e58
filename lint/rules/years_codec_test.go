package rules

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// yearReportsOfShared are the year reports of the shared real reports.
func yearReportsOfShared(t *testing.T) []YearReport {
	t.Helper()
	files := testshared.Seeds(t)
	for _, glob := range []string{"corpus/pingtan-dept/*.txt", "corpus/*.txt", "corpus/*.md"} {
		more, _ := filepath.Glob(filepath.Join(testshared.Dir(t), glob))
		files = append(files, more...)
	}
	var out []YearReport
	for i, f := range files {
		rep, err := input.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, SummarizeYear(f, 2020+i, rep))
	}
	return out
}

// TestYearDataRoundTrip: a year report without its data, given the data
// written of it, is the year report again, for the real reports and for
// made-up ones (values outside the BMP, NaN and negative spans, nil and
// empty span lists), and the data alone hold no path, year or anchor.
func TestYearDataRoundTrip(t *testing.T) {
	ys := yearReportsOfShared(t)
	values, paragraphs := 0, 0
	for _, y := range ys {
		for _, c := range y.cells {
			if c.value != nil {
				values++
			}
		}
		paragraphs += len(y.prose.paragraphs)
	}
	if values < 100 || paragraphs < 100 {
		t.Fatalf("only %d values and %d paragraphs compared", values, paragraphs)
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	span := func() grammar.Span { return grammar.Span{Start: rnd.IntN(1<<40) - 1<<39, End: rnd.IntN(9)} }
	texts := []string{"", "0", "1,234", "𠀀12", "\xff", "约 3"}
	for n := range 300 {
		y := YearReport{Path: "甲.txt", Year: 2023, Anchor: span(), cells: new([len(yearCells)]yearCell), prose: prose{text: "正文"}}
		kept := make([]Value, 0, len(y.cells))
		for i := range y.cells {
			if rnd.IntN(3) == 0 {
				continue
			}
			y.cells[i] = yearCell{span: span(), present: rnd.IntN(5) > 0}
			if rnd.IntN(2) == 0 {
				v := Value{Value: rnd.NormFloat64() * 1e6, Text: texts[rnd.IntN(len(texts))], Span: span(), Doubt: texts[rnd.IntN(len(texts))], Firm: rnd.IntN(2) == 0}
				if n%7 == 0 {
					v.Value = math.Inf(-1)
				}
				kept = append(kept, v)
				y.cells[i].value = &kept[len(kept)-1]
			}
		}
		if n%3 > 0 {
			y.prose.paragraphs = make([]grammar.Span, rnd.IntN(4))
			for i := range y.prose.paragraphs {
				y.prose.paragraphs[i] = span()
			}
		}
		if n%4 > 0 {
			y.prose.skip = []grammar.Span{span()}
		}
		ys = append(ys, y)
	}
	for i, y := range ys {
		data := y.AppendData(nil)
		slim := y.WithoutData()
		if slim.Path != y.Path || slim.Year != y.Year || slim.Anchor != y.Anchor || slim.prose.text != y.prose.text {
			t.Fatalf("%d: WithoutData lost the path, year, anchor or text: %+v", i, slim)
		}
		if slim.cells != nil || slim.prose.paragraphs != nil || slim.prose.skip != nil {
			t.Fatalf("%d: WithoutData kept data", i)
		}
		got, err := slim.WithData(data)
		if err != nil {
			t.Fatalf("%d (%s): %v", i, y.Path, err)
		}
		if !reflect.DeepEqual(got, y) {
			t.Fatalf("%d (%s): read back\n%+v\nwritten\n%+v", i, y.Path, got, y)
		}
	}
}

// TestYearDataDamaged: data cut short or with bytes added give an error,
// never a panic or a year report.
func TestYearDataDamaged(t *testing.T) {
	ys := yearReportsOfShared(t)
	for _, y := range ys[:5] {
		data := y.AppendData(nil)
		for n := range len(data) {
			if _, err := y.WithoutData().WithData(data[:n]); err == nil {
				t.Fatalf("%s: %d of %d bytes read back without an error", y.Path, n, len(data))
			}
		}
		if _, err := y.WithoutData().WithData(append(data, 0)); err == nil {
			t.Fatalf("%s: a byte added read back without an error", y.Path)
		}
	}
}

// TestDuplicateAndMissingYearReadNoData: GD-Y004 and GD-Y005 say the same
// of year reports without their data, which is what a batch gives them.
func TestDuplicateAndMissingYearReadNoData(t *testing.T) {
	ys := yearReportsOfShared(t)
	for i := 1; i < len(ys); i++ {
		prev, cur := ys[i-1], ys[i]
		for _, sev := range []lint.Severity{lint.Warning, lint.Info} {
			if got, want := CheckDuplicateYear("甲市", prev.WithoutData(), cur.WithoutData(), sev), CheckDuplicateYear("甲市", prev, cur, sev); !reflect.DeepEqual(got, want) {
				t.Fatalf("GD-Y004 %s: %+v, with the data %+v", cur.Path, got, want)
			}
			if got, want := CheckMissingYear("甲市", prev.WithoutData(), cur.WithoutData(), sev), CheckMissingYear("甲市", prev, cur, sev); !reflect.DeepEqual(got, want) {
				t.Fatalf("GD-Y005 %s: %+v, with the data %+v", cur.Path, got, want)
			}
		}
	}
}
