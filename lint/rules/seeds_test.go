package rules_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

func arithRules(t *testing.T) []*lint.Rule {
	t.Helper()
	var rs []*lint.Rule
	for _, r := range lint.Rules() {
		if r.Family == lint.FamilyArithmetic {
			rs = append(rs, r)
		}
	}
	if len(rs) < 4 {
		t.Fatalf("only %d arithmetic rules registered", len(rs))
	}
	return rs
}

// The five seeds balance: no arithmetic finding above info.
func TestSeedsBalance(t *testing.T) {
	rules := arithRules(t)
	for _, path := range testshared.Seeds(t) {
		rep, err := input.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range lint.Run(rep, rules, nil) {
			if d.Severity > lint.Info {
				p := rep.Source.CharPos(d.Span.Start)
				t.Errorf("%s:%d:%d: %s %s", filepath.Base(path), p.Line+1, p.Col+1, d.Rule, d.Message)
			}
		}
	}
}

// Changing one number of a balanced table gives an arithmetic error at that
// number; putting it back removes it.
func TestSeedEditedNumber(t *testing.T) {
	rules := arithRules(t)
	path := filepath.Join(testshared.Dir(t), "seeds", "003_1033e8c8c2361b7e.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	orig := string(raw)
	parse := func(text string) *grammar.Report { return grammar.Parse(grammar.NewSource(path, text)) }
	rep := parse(orig)
	cases := []struct {
		table    int
		row, col string
		rule     string
	}{
		// a part of table 2: breaks its row total and its column's （七）总计
		{grammar.TableRequests, "public", grammar.ColNatural, "GD-A001"},
		// a total of table 2: breaks its row and the 总计 column
		{grammar.TableRequests, grammar.RowNew, grammar.ColTotal, "GD-A001"},
		// （七）总计: row, column and the 一 + 二 = （七）+ 四 balance
		{grammar.TableRequests, grammar.RowTotal, grammar.ColNatural, "GD-A002"},
		// a total of table 3
		{grammar.TableReview, grammar.RowReview, grammar.ColTotal, "GD-A004"},
	}
	for _, tc := range cases {
		c := rep.Table(tc.table).Cell(tc.row, tc.col)
		if c == nil || c.Kind != grammar.CellNumber {
			t.Fatalf("seed 003: no number at %s/%s", tc.row, tc.col)
		}
		edited := orig[:c.Span.Start] + fmtInt(int(c.Value)+5) + orig[c.Span.End:]
		erep := parse(edited)
		var hits []lint.Diagnostic
		for _, d := range lint.Run(erep, rules, nil) {
			if d.Severity == lint.Error {
				hits = append(hits, d)
			}
		}
		if len(hits) != 1 {
			t.Errorf("%s/%s +5: want one arithmetic error, got %d: %v", tc.row, tc.col, len(hits), hits)
			continue
		}
		d := hits[0]
		if d.Rule != tc.rule || d.Span.Start != c.Span.Start {
			p := erep.Source.CharPos(d.Span.Start)
			t.Errorf("%s/%s +5: got %s at %d:%d (%s), want %s at the edited cell", tc.row, tc.col, d.Rule, p.Line+1, p.Col+1, d.Message, tc.rule)
		}
		if !strings.Contains(d.Message, fmtInt(int(c.Value)+5)) {
			t.Errorf("message does not show the edited value: %s", d.Message)
		}
		// the fix restores the original text
		if len(d.Fixes) != 1 {
			t.Errorf("%s/%s: want one fix, got %d", tc.row, tc.col, len(d.Fixes))
		} else if fixed, _ := lint.ApplyEdits(edited, d.Fixes[0].Edits); fixed != orig {
			t.Errorf("%s/%s: the fix does not restore the original number", tc.row, tc.col)
		}
		// and back: nothing
		for _, d := range lint.Run(parse(orig), rules, nil) {
			if d.Severity == lint.Error {
				t.Errorf("original text still has %s: %s", d.Rule, d.Message)
			}
		}
	}
}

func fmtInt(n int) string { return strconv.Itoa(n) }

// 010 (2020, trial format): （七）总计 21 while the result rows sum to 27.
func TestCorpus010OutcomeTotal(t *testing.T) {
	rep, err := input.ParseFile(testshared.Corpus(t, "010.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range lint.Run(rep, arithRules(t), nil) {
		if d.Rule == "GD-A002" {
			got = append(got, d.Message)
			if len(d.Fixes) != 0 {
				t.Errorf("no fix may be offered: rewriting （七）总计 would break 一 + 二 = （七）+ 四: %v", d.Fixes)
			}
		}
	}
	joined := strings.Join(got, "\n")
	if len(got) != 2 || !strings.Contains(joined, "21 ≠") || !strings.Contains(joined, "= 27") {
		t.Errorf("want the 自然人 and 总计 columns of （七）总计 reported (21 vs 27), got:\n%s", joined)
	}
}
