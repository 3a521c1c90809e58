package rules_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// Golden cases live in lint/rules/testdata/*.txtar:
//
//	-- options --    optional: "now=2025-02-01", "deadline=department", "rules=GD-A001,GD-A002"
//	-- report.txt -- the report (report.md for Markdown)
//	-- want --       one line per diagnostic: LINE:COL RULE SEVERITY MESSAGE
//	-- fixed --      optional: the report after --fix (safe fixes, to a fixpoint)
func TestGolden(t *testing.T) {
	testshared.EachGolden(t, "testdata/*.txtar", runGolden)
}

func runGolden(t *testing.T, g *testshared.Golden) {
	var name, report string
	opts := &lint.Options{Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	var rules []*lint.Rule
	for i := range g.Archive.Files {
		f := &g.Archive.Files[i]
		switch {
		case strings.HasPrefix(f.Name, "report."):
			name, report = f.Name, string(f.Data)
		case f.Name == "options":
			for _, kv := range strings.Fields(string(f.Data)) {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "now":
					d, err := time.Parse("2006-01-02", v)
					if err != nil {
						t.Fatalf("options: %v", err)
					}
					opts.Now = d
				case "deadline":
					opts.Deadline = v
				case "rules":
					for _, id := range strings.Split(v, ",") {
						r := lint.RuleByID(id)
						if r == nil {
							t.Fatalf("options: unknown rule %s", id)
						}
						rules = append(rules, r)
					}
				default:
					t.Fatalf("options: unknown key %q", k)
				}
			}
		}
	}
	if name == "" {
		t.Fatal("no report.* file in archive")
	}
	parse := func(text string) *grammar.Report { return grammar.Parse(grammar.NewSource(name, text)) }
	rep := parse(report)
	diags := lint.Run(rep, rules, opts)
	var b strings.Builder
	for _, d := range diags {
		p := rep.Source.CharPos(d.Span.Start)
		fmt.Fprintf(&b, "%d:%d %s %s %s\n", p.Line+1, p.Col+1, d.Rule, d.Severity, d.Message)
	}
	got := b.String()
	gotFixed, _ := lint.FixText(report, parse, rules, opts, false)
	// fixing twice changes nothing more
	if again, n := lint.FixText(gotFixed, parse, rules, opts, false); again != gotFixed {
		t.Errorf("fix is not idempotent: a second run applied %d more edits", n)
	}
	g.Check("want", []byte(got))
	g.CheckOptional("fixed", []byte(gotFixed), []byte(report))
}
