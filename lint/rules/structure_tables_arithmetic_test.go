package rules_test

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// tableRules are the structure, table and arithmetic rules.
func tableRules(t *testing.T) []*lint.Rule {
	t.Helper()
	var rs []*lint.Rule
	for _, r := range lint.Rules() {
		switch r.Family {
		case lint.FamilyStructure, lint.FamilyTables, lint.FamilyArithmetic:
			rs = append(rs, r)
		}
	}
	return rs
}

func goldenReport(t *testing.T, file string) (name, text string) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "report.") {
			return f.Name, string(f.Data)
		}
	}
	t.Fatalf("%s: no report", file)
	return "", ""
}

// Every rule has its metadata, and its ID matches its family.
func TestSTARuleCatalogue(t *testing.T) {
	rules := tableRules(t)
	if len(rules) < 25 {
		t.Fatalf("only %d structure/table/arithmetic rules", len(rules))
	}
	names := map[string]bool{}
	for _, r := range rules {
		if !strings.HasPrefix(r.ID, lint.FamilyPrefix[r.Family]) {
			t.Errorf("%s: ID does not match family %s", r.ID, r.Family)
		}
		if r.Name == "" || strings.ToLower(r.Name) != r.Name || strings.ContainsAny(r.Name, " _") || names[r.Name] {
			t.Errorf("%s: name %q is not a unique kebab-case name", r.ID, r.Name)
		}
		names[r.Name] = true
		if r.Summary == "" || r.SummaryEN == "" || !strings.Contains(r.Explanation, "依据") || r.Check == nil {
			t.Errorf("%s: summary, English summary, explanation with its basis (依据) and check are required", r.ID)
		}
	}
}

// With unsafe fixes too, fixing the golden reports is conflict-free and
// reaches a fixpoint; the fixes for a missing part and a missing table
// make those findings go away.
func TestSTAUnsafeFixesFixpoint(t *testing.T) {
	rules := tableRules(t)
	files, _ := filepath.Glob("testdata/[STA]*.txtar")
	if len(files) < 20 {
		t.Fatalf("only %d golden cases", len(files))
	}
	for _, file := range files {
		name, text := goldenReport(t, file)
		parse := func(s string) *grammar.Report { return grammar.Parse(grammar.NewSource(name, s)) }
		fixed, _ := lint.FixText(text, parse, rules, nil, true)
		if again, n := lint.FixText(fixed, parse, rules, nil, true); again != fixed {
			t.Errorf("%s: unsafe fixes are not idempotent (%d more edits)", filepath.Base(file), n)
		}
		for _, d := range lint.Run(parse(fixed), rules, nil) {
			for _, f := range d.Fixes {
				if len(f.Edits) > 0 {
					t.Errorf("%s: after fixing, %s still offers a fix: %s", filepath.Base(file), d.Rule, d.Message)
				}
			}
		}
	}
}

func TestMissingTableFixInsertsParsableTable(t *testing.T) {
	files, _ := filepath.Glob("testdata/S009*.txtar")
	if len(files) < 3 {
		t.Fatalf("want the missing-table cases in three layouts, have %d", len(files))
	}
	rules := []*lint.Rule{lint.RuleByID("GD-S009")}
	for _, file := range files {
		name, text := goldenReport(t, file)
		base := filepath.Base(file)
		rep := grammar.Parse(grammar.NewSource(name, text))
		ds := lint.Run(rep, rules, nil)
		if len(ds) == 0 {
			t.Fatalf("%s: no GD-S009 finding", base)
		}
		var edits []lint.Edit
		for _, d := range ds {
			if len(d.Fixes) != 1 || d.Fixes[0].Applicability != lint.Unsafe {
				t.Fatalf("%s: want one unsafe fix, got %v", base, d.Fixes)
			}
			edits = append(edits, d.Fixes[0].Edits...)
		}
		out, _ := lint.ApplyEdits(text, edits)
		rep2 := grammar.Parse(grammar.NewSource(name, out))
		for _, sec := range rep2.Sections {
			if sec.Def == nil || sec.Def.Table == 0 {
				continue
			}
			tb := rep2.Table(sec.Def.Table)
			if tb == nil {
				t.Fatalf("%s: table of %s not found after the fix:\n%s", base, sec.Def.Name, out)
			}
			if tb.Span.Start < sec.Span.Start || tb.Span.Start >= sec.Span.End {
				t.Errorf("%s: the table of %s is not inside its part", base, sec.Def.Name)
			}
			if tb.ID != grammar.TableReview {
				for _, r := range tb.Rows {
					if r.Label == nil {
						t.Errorf("%s: inserted table %d lacks row %s", base, tb.ID, r.Def.Label)
					}
				}
			}
		}
		if left := lint.Run(rep2, rules, nil); len(left) != 0 {
			t.Errorf("%s: GD-S009 still reported after the fix: %s", base, left[0].Message)
		}
		if len(rep2.Unplaced) != 0 {
			t.Errorf("%s: the inserted table left %q unplaced", base, rep2.Unplaced[0].Text)
		}
	}
}

// Cutting a report anywhere never makes a rule panic.
func TestSTARulesOnTruncatedReports(t *testing.T) {
	rules := tableRules(t)
	var texts []string
	files, _ := filepath.Glob("testdata/[STA]*.txtar")
	for _, f := range files[:min(6, len(files))] {
		_, text := goldenReport(t, f)
		texts = append(texts, text)
	}
	for _, path := range testshared.Seeds(t)[:2] {
		rep, err := input.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, rep.Source.Text)
	}
	for _, text := range texts {
		for cut := 0; cut < len(text); cut += 211 {
			for cut < len(text) && !utf8.RuneStart(text[cut]) {
				cut++
			}
			rep := grammar.Parse(grammar.NewSource("r.txt", text[:cut]))
			for _, d := range lint.Run(rep, rules, nil) {
				if d.Span.Start < 0 || d.Span.End > cut || d.Span.Start > d.Span.End {
					t.Fatalf("%s: span %v outside the text (len %d)", d.Rule, d.Span, cut)
				}
			}
		}
	}
}
