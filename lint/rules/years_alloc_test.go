package rules

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
)

// sortByStart orders spans as sort.Slice by start did, ties included (the
// cross-year comparison looks spans up in that order).
func TestSortByStartAsSortSlice(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	for n := range 200 {
		spans := make([]grammar.Span, n)
		for i := range spans {
			s := rnd.IntN(n/3 + 1) // many spans share a start
			spans[i] = grammar.Span{Start: s, End: s + rnd.IntN(50)}
		}
		want := slices.Clone(spans)
		sort.Slice(want, func(i, j int) bool { return want[i].Start < want[j].Start })
		sortByStart(spans)
		if !slices.Equal(spans, want) {
			t.Fatalf("%d spans: sortByStart\n%v\nsort.Slice\n%v", n, spans, want)
		}
	}
}

// summarizeYearAsBefore is SummarizeYear's cells as they were read, a Value
// and two copies a cell: the reference of the one-array version.
func summarizeYearAsBefore(rep *grammar.Report) [len(yearCells)]yearCell {
	var cells [len(yearCells)]yearCell
	for i, ref := range yearCells {
		if v, number, c := value(rep, ref); c != nil {
			var p *Value
			if number {
				v.Text, v.Doubt = strings.Clone(v.Text), strings.Clone(v.Doubt)
				p = &v
			}
			cells[i] = yearCell{value: p, span: c.Span, present: true}
		}
	}
	return cells
}

// The cells SummarizeYear keeps of the real reports are those read one by
// one, values and copies alike.
func TestSummarizeYearCellsAsBefore(t *testing.T) {
	files := testshared.Seeds(t)
	for _, glob := range []string{"corpus/pingtan-dept/*.txt", "corpus/*.txt", "corpus/*.md"} {
		more, _ := filepath.Glob(filepath.Join(testshared.Dir(t), glob))
		files = append(files, more...)
	}
	numbers := 0
	for _, f := range files {
		rep, err := input.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, want := *SummarizeYear(f, 2024, rep).cells, summarizeYearAsBefore(rep)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: cells differ:\n%+v\nwant\n%+v", f, got, want)
		}
		for _, c := range got {
			if c.value != nil {
				numbers++
			}
		}
	}
	if numbers < 100 {
		t.Fatalf("only %d numbers compared", numbers)
	}
}

// templateInfo of a string that is not the template's is read as the
// template's are, and is not kept: asking again gives a new one.
func TestTemplateInfoKeepsNoOtherString(t *testing.T) {
	s := strings.Clone("（一）自 然 人")
	a, b := templateInfo(s), templateInfo(s)
	if a == b {
		t.Error("a string not of the template was kept")
	}
	if want := newTemplateLabel(s); *a != *want || a.key != grammar.LabelKey(s) {
		t.Errorf("templateInfo(%q) = %+v, want %+v", s, *a, *want)
	}
	canon := grammar.Table2.Row(grammar.RowNew).Label
	if templateInfo(canon) != templateInfo(strings.Clone(canon)) {
		t.Error("a template label is not found by its text")
	}
}
