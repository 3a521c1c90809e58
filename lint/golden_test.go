package lint_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

var update = flag.Bool("update", false, "rewrite the want and fixed sections of testdata/lint/*.txtar (review the diff!)")

// Golden cases live in testdata/lint/*.txtar:
//
//	-- options --    optional: "now=2025-02-01", "deadline=department", "rules=GD-A001,GD-A002"
//	-- report.txt -- the report (report.md for Markdown)
//	-- want --       one line per diagnostic: LINE:COL RULE SEVERITY MESSAGE
//	-- fixed --      optional: the report after --fix (safe fixes, to a fixpoint)
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../testdata/lint/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata/lint")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runGolden(t, file)
		})
	}
}

func runGolden(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var name, report string
	var want, fixed *string
	opts := &lint.Options{Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	var rules []*lint.Rule
	for i := range ar.Files {
		f := &ar.Files[i]
		switch {
		case strings.HasPrefix(f.Name, "report."):
			name, report = f.Name, string(f.Data)
		case f.Name == "want":
			s := string(f.Data)
			want = &s
		case f.Name == "fixed":
			s := string(f.Data)
			fixed = &s
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
	if *update {
		for i := range ar.Files {
			switch ar.Files[i].Name {
			case "want":
				ar.Files[i].Data = []byte(got)
			case "fixed":
				ar.Files[i].Data = []byte(gotFixed)
			}
		}
		if want == nil {
			ar.Files = append(ar.Files, txtar.File{Name: "want", Data: []byte(got)})
		}
		if fixed == nil && gotFixed != report {
			ar.Files = append(ar.Files, txtar.File{Name: "fixed", Data: []byte(gotFixed)})
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want == nil {
		t.Fatal("no want section (run with -update, then review it)")
	}
	if got != *want {
		t.Errorf("diagnostics differ\n--- got\n%s--- want\n%s", got, *want)
	}
	if fixed != nil && gotFixed != *fixed {
		t.Errorf("text after fix differs\n--- got\n%s--- want\n%s", gotFixed, *fixed)
	}
	if fixed == nil && gotFixed != report {
		t.Errorf("fixes changed the report but the archive has no fixed section:\n%s", gotFixed)
	}
}
