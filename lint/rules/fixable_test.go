package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/lint"
)

// TestFixableMatchesFindings checks the catalogue's "fixable" column against
// what the rules really emit on the golden cases and the bundled examples.
func TestFixableMatchesFindings(t *testing.T) {
	var reports []*grammar.Report
	cases, _ := filepath.Glob("testdata/*.txtar")
	for _, f := range cases {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, af := range ar.Files {
			if strings.HasPrefix(af.Name, "report.") {
				reports = append(reports, grammar.Parse(grammar.NewSource(af.Name, string(af.Data))))
			}
		}
	}
	examples, _ := filepath.Glob("../../testdata/examples/*.*")
	for _, f := range examples {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if rep, err := input.Parse(f, raw); err == nil {
			reports = append(reports, rep)
		}
	}
	if len(reports) < 20 {
		t.Fatalf("only %d reports to check", len(reports))
	}
	seen := map[string]bool{}
	for _, rep := range reports {
		for _, d := range lint.Run(rep, nil, nil) {
			r := lint.RuleByID(d.Rule)
			safe, unsafe := 0, 0
			for _, f := range d.Fixes {
				if f.Applicability == lint.Safe {
					safe++
				} else {
					unsafe++
				}
			}
			switch r.Fixable {
			case lint.FixNone:
				if len(d.Fixes) > 0 {
					t.Errorf("%s is listed as not fixable but offers a fix: %s", d.Rule, d.Message)
				}
			case lint.FixSafe:
				if safe == 0 {
					t.Errorf("%s is listed as safely fixable but this finding has no safe fix: %s", d.Rule, d.Message)
				}
			case lint.FixUnsafe:
				if safe > 0 {
					t.Errorf("%s is listed as unsafe-only but offers a safe fix: %s", d.Rule, d.Message)
				}
			}
			if len(d.Fixes) > 0 {
				seen[d.Rule] = true
			}
		}
	}
	// every rule listed as fixable shows a fix somewhere in the cases
	for _, r := range lint.Rules() {
		if r.Fixable != lint.FixNone && !seen[r.ID] && r.Family != "years" && r.Family != "meta" {
			t.Errorf("%s is listed as fixable (%s) but no case shows a fix", r.ID, r.Fixable)
		}
	}
}
