package grammar_test

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
)

var sixSections = []grammar.SectionKey{grammar.SecGeneral, grammar.SecProactive, grammar.SecRequests,
	grammar.SecReview, grammar.SecProblems, grammar.SecOther}

func sectionKeys(r *grammar.Report) []grammar.SectionKey {
	var out []grammar.SectionKey
	for _, s := range r.Sections {
		out = append(out, s.Key)
	}
	return out
}

func parseShared(t *testing.T, path string) *grammar.Report {
	t.Helper()
	rep, err := input.ParseFile(path)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	checkSpans(t, rep)
	checkCellsHoldTheirText(t, rep)
	return rep
}

// cellWant is a value checked by hand against the seed file.
type cellWant struct {
	table    int
	row, col string
	value    float64
	line     int // 1-based line of the value in the file
}

func TestSeeds(t *testing.T) {
	// Values read by hand in the files (line numbers are the files' own).
	hand := map[string][]cellWant{
		// one cell per line (HTML copied to text)
		"003": {
			{2, grammar.RowNew, grammar.ColNatural, 21, 131},
			{2, grammar.RowNew, grammar.ColCommercial, 0, 133},
			{2, grammar.RowNew, grammar.ColTotal, 21, 143},
			{2, grammar.RowCarried, grammar.ColTotal, 0, 159},
			{2, "public", grammar.ColNatural, 2, 167},
			{2, "public", grammar.ColTotal, 2, 179},
			{2, "partial", grammar.ColNatural, 1, 183}, // label printed "(二部分公开区分处理的,…"
			{2, "deny.security", grammar.ColNatural, 1, 233},
			{2, "unable.not_held", grammar.ColNatural, 17, 331},
			{2, "unable.not_held", grammar.ColTotal, 17, 343},
			{2, grammar.RowTotal, grammar.ColNatural, 21, 511},
			{2, grammar.RowTotal, grammar.ColTotal, 21, 523},
			{2, grammar.RowCarryOver, grammar.ColNatural, 0, 527},
			{1, grammar.RowNormative, grammar.ColIssued, 5, 0},
			{1, grammar.RowNormative, grammar.ColRepealed, 12, 0},
			{1, grammar.RowNormative, grammar.ColInForce, 36, 0},
			{1, grammar.RowRules, grammar.ColInForce, 3, 0},
		},
		// tab-prefixed, one cell per paragraph (Word export)
		"004": {
			{2, grammar.RowNew, grammar.ColNatural, 2, 86},
			{2, grammar.RowNew, grammar.ColTotal, 2, 92},
			{2, grammar.RowCarried, grammar.ColNatural, 1, 95},
			{2, grammar.RowCarried, grammar.ColTotal, 1, 101},
			{2, "deny.internal", grammar.ColNatural, 1, 170},
			{2, "unable.not_held", grammar.ColNatural, 2, 214},
			{2, grammar.RowTotal, grammar.ColNatural, 3, 334},
			{2, grammar.RowTotal, grammar.ColTotal, 3, 340},
			{3, grammar.RowReview, grammar.ColUpheld, 0, 0},
			{3, grammar.RowReview, grammar.ColCorrected, 1, 0},
			{3, grammar.RowReview, grammar.ColTotal, 1, 0},
			{3, grammar.RowSuitDirect, grammar.ColTotal, 0, 0},
			{1, grammar.RowNormative, grammar.ColIssued, 2, 33},
			{1, grammar.RowNormative, grammar.ColRepealed, 6, 34},
			{1, grammar.RowNormative, grammar.ColInForce, 27, 35},
		},
		// tab-separated rows
		"000": {
			{1, grammar.RowLicensing, grammar.ColDecided, 502, 36},
			{1, grammar.RowPenalty, grammar.ColDecided, 238, 39},
			{2, grammar.RowNew, grammar.ColTotal, 0, 50},
			{3, grammar.RowSuitDirect, grammar.ColTotal, 0, 84},
		},
		"001": {
			{2, grammar.RowNew, grammar.ColNatural, 0, 51},
			{3, grammar.RowSuitAfter, grammar.ColTotal, 0, 83},
		},
		// pipe rows
		"002": {
			{2, grammar.RowNew, grammar.ColNatural, 0, 33},
			{2, grammar.RowCarryOver, grammar.ColTotal, 0, 57},
			{3, grammar.RowSuitAfter, grammar.ColTotal, 0, 62},
		},
	}
	seen := 0
	for _, path := range testshared.Seeds(t) {
		id := filepath.Base(path)[:3]
		t.Run(id, func(t *testing.T) {
			rep := parseShared(t, path)
			if got := sectionKeys(rep); !slices.Equal(got, sixSections) {
				t.Errorf("sections = %v, want the six in order", got)
			}
			if rep.Format != grammar.Format2021 {
				t.Errorf("format = %q", rep.Format)
			}
			for id := 1; id <= 3; id++ {
				if rep.Table(id) == nil {
					t.Fatalf("table %d not found", id)
				}
			}
			// every cell of tables 2 and 3 is placed (blank ones as empty cells)
			for _, id := range []int{2, 3} {
				for _, row := range rep.Table(id).Rows {
					for i, c := range row.Cells {
						if c == nil {
							t.Errorf("table %d %s / %s not placed", id, row.Def.Label, row.Def.Cols[i].Label)
						}
					}
				}
			}
			for _, w := range hand[id] {
				seen++
				c := rep.Table(w.table).Cell(w.row, w.col)
				v, ok := c.Number()
				if !ok || v != w.value {
					t.Errorf("table %d %s/%s = %+v, want %v", w.table, w.row, w.col, c, w.value)
					continue
				}
				if w.line > 0 {
					if l := rep.Source.CharPos(c.Span.Start).Line + 1; l != w.line {
						t.Errorf("table %d %s/%s on line %d, want %d", w.table, w.row, w.col, l, w.line)
					}
				}
			}
			switch id {
			case "000":
				// the 行政复议 cells of table 四 are blank in the file: placed
				// as empty cells, not as zeros and not dropped
				for _, c := range rep.Table(3).Row(grammar.RowReview).Cells {
					if c == nil || c.Kind != grammar.CellEmpty {
						t.Errorf("行政复议 cell %+v, want an empty cell", c)
					}
				}
			case "001":
				// rows 一 and 二 of table 三 have 8 cells; table 四 has 16 values
				wantExtra := map[int][]string{2: {grammar.RowNew, grammar.RowCarried}, 3: {grammar.RowReview}}
				for id, rows := range wantExtra {
					var got []string
					for _, p := range rep.Table(id).Problems {
						if p.Kind == "extra-values" && p.Row != nil {
							got = append(got, p.Row.Key)
						}
					}
					if !slices.Equal(got, rows) {
						t.Errorf("table %d extra-values problems on %v, want %v", id, got, rows)
					}
				}
				unplaced := 0
				for _, u := range rep.Unplaced {
					if u.Text == "0" {
						unplaced++
					}
				}
				if unplaced != 3 {
					t.Errorf("%d unplaced values, want the 3 extra cells", unplaced)
				}
				// the cells kept are marked doubtful, not passed off as sure
				for _, c := range rep.Table(2).Row(grammar.RowNew).Cells {
					if c.Doubt == "" {
						t.Errorf("一 %s placed without doubt in a row with an extra cell", c.Col.Label)
					}
				}
			}
		})
	}
	if seen == 0 {
		t.Error("no hand-checked value was compared")
	}
}

// A table row is accounted for when every cell is placed or a problem of its
// table names it (or the whole table is reported unreadable or positional
// with a problem): nothing disappears without a reason.
func unaccountedRows(tb *grammar.Table) []string {
	var out []string
	for _, row := range tb.Rows {
		complete := true
		for _, c := range row.Cells {
			if c == nil {
				complete = false
			}
		}
		if complete || tb.Unreadable {
			continue
		}
		named := false
		for _, p := range tb.Problems {
			if p.Row == row.Def || tb.Def.Positional {
				named = true
			}
		}
		if !named {
			out = append(out, row.Def.Label)
		}
	}
	return out
}

// number returns the value of a placed number cell.
func number(tb *grammar.Table, ref grammar.CellRef) (float64, bool) {
	if tb == nil {
		return 0, false
	}
	return tb.Cell(ref.Row, ref.Col).Number()
}

// brokenBalances lists the relations of the format whose cells are all
// placed numbers but do not add up.
func brokenBalances(rep *grammar.Report) []string {
	var out []string
	for _, b := range grammar.Balances(rep.Format) {
		sum := func(refs []grammar.CellRef) (float64, bool) {
			s := 0.0
			for _, r := range refs {
				v, ok := number(rep.Table(r.Table), r)
				if !ok {
					return 0, false
				}
				s += v
			}
			return s, true
		}
		l, okL := sum(b.Left)
		r, okR := sum(b.Right)
		if okL && okR && math.Abs(l-r) > 1e-9 {
			out = append(out, fmt.Sprintf("%s %s/%s: %v ≠ %v", b.Kind, b.Right[0].Row, b.Right[0].Col, l, r))
		}
	}
	return out
}

// TestCorpus reads the ten real reports of ../shared/corpus as far as they
// can be read. Totals are those SOURCES.md states (read there and checked in
// the files): 一 / 二 / （七） / 四 of the 总计 column of table 三.
func TestCorpus(t *testing.T) {
	type totals struct{ new, carried, total, carryOver float64 }
	cases := []struct {
		file    string
		format  grammar.Format
		totals  *totals
		broken  []string // balances SOURCES.md says the report itself breaks
		emptyCO bool     // 四's 总计 cell is blank in the file
	}{
		{file: "001.txt", totals: &totals{713, 36, 718, 31}},
		{file: "002.md", totals: &totals{34, 2, 35, 0}, emptyCO: true,
			broken: nil},
		{file: "003.md", totals: &totals{1295, 189, 1191, 293}},
		{file: "004.html", totals: &totals{26, 0, 26, 0}},
		{file: "005.txt", totals: &totals{70, 0, 69, 1}},
		{file: "006.txt", totals: &totals{74, 1, 75, 0}},
		{file: "007.txt", totals: &totals{81, 0, 81, 0}},
		{file: "008.txt", totals: &totals{218, 0, 218, 0}},
		{file: "009.txt", totals: &totals{154, 0, 148, 6}},
		// (七)总计 21 while the result rows add up to 27 (自然人 20 vs 26)
		{file: "010.txt", format: grammar.Format2019, totals: &totals{21, 0, 21, 0},
			broken: []string{"outcome-total total/natural: 26 ≠ 20", "outcome-total total/total: 27 ≠ 21"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			rep := parseShared(t, testshared.Corpus(t, c.file))
			want := c.format
			if want == "" {
				want = grammar.Format2021
			}
			if rep.Format != want {
				t.Errorf("format = %q, want %q", rep.Format, want)
			}
			if !rep.IsAnnualReport() {
				t.Error("not recognised as an annual report")
			}
			for id := 1; id <= 3; id++ {
				tb := rep.Table(id)
				if tb == nil {
					t.Errorf("table %d not found", id)
					continue
				}
				if rows := unaccountedRows(tb); len(rows) > 0 {
					t.Errorf("table %d: rows neither placed nor reported: %v", id, rows)
				}
				if tb.Unreadable && len(tb.Problems) == 0 {
					t.Errorf("table %d unreadable without a reason", id)
				}
			}
			t2 := rep.Table(grammar.TableRequests)
			if t2 != nil && c.totals != nil {
				for _, w := range []struct {
					row string
					v   float64
				}{{grammar.RowNew, c.totals.new}, {grammar.RowCarried, c.totals.carried},
					{grammar.RowTotal, c.totals.total}, {grammar.RowCarryOver, c.totals.carryOver}} {
					cell := t2.Cell(w.row, grammar.ColTotal)
					if w.row == grammar.RowCarryOver && c.emptyCO {
						if cell == nil || cell.Kind != grammar.CellEmpty {
							t.Errorf("四 总计 = %+v, want the blank cell of the file", cell)
						}
						continue
					}
					if v, ok := cell.Number(); !ok || v != w.v {
						t.Errorf("table 三 %s 总计 = %+v, want %v", w.row, cell, w.v)
					}
				}
			}
			got := brokenBalances(rep)
			if !slices.Equal(got, c.broken) {
				t.Errorf("balances broken by the placed values:\n  %s\nwant (as SOURCES.md states):\n  %s",
					strings.Join(got, "\n  "), strings.Join(c.broken, "\n  "))
			}
		})
	}
}
