package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/gdlint/gdlint/lint"
)

// The catalogue's "fixable" column must say what the rules do: over every
// report the tests have (golden cases, bundled examples, and ../shared when
// it is there), a rule declared without fixes emits none, a rule declared
// safe emits no unsafe fix, a rule declared unsafe no safe one.
func TestCatalogueFixabilityMatchesRules(t *testing.T) {
	seen := map[string]map[lint.Applicability]bool{}
	check := func(name string, raw []byte) {
		res := lint.Check(lint.FromBytes(name, raw), lint.DefaultConfig(), lint.CheckOptions{})
		if res.Err != nil {
			return
		}
		for _, d := range res.Diagnostics {
			for _, f := range d.Fixes {
				if seen[d.Rule] == nil {
					seen[d.Rule] = map[lint.Applicability]bool{}
				}
				seen[d.Rule][f.Applicability] = true
			}
		}
	}
	golden, _ := filepath.Glob("testdata/*.txtar")
	for _, f := range golden {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, af := range ar.Files {
			if strings.HasPrefix(af.Name, "report.") {
				check(af.Name, af.Data)
			}
		}
	}
	var files []string
	for _, g := range []string{"../../testdata/examples/*", "../../../shared/seeds/*.txt", "../../../shared/corpus/*.*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		check(p, raw)
	}
	if len(seen) == 0 {
		t.Fatal("no rule emitted a fix on any test report")
	}
	var ids []string
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := lint.RuleByID(id)
		safe, unsafe := seen[id][lint.Safe], seen[id][lint.Unsafe]
		switch {
		case r.Fixable == lint.FixNone:
			t.Errorf("%s emits fixes (safe %v, unsafe %v) but declares Fixable: FixNone", id, safe, unsafe)
		case r.Fixable == lint.FixSafe && unsafe:
			t.Errorf("%s declares FixSafe but emits unsafe fixes (use FixSometimes or FixUnsafe)", id)
		case r.Fixable == lint.FixUnsafe && safe:
			t.Errorf("%s declares FixUnsafe but emits safe fixes (use FixSometimes or FixSafe)", id)
		}
	}
}
