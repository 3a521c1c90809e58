package lint_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// TestRecycledRunsAgree runs the rules over many reports in sequence (their
// scratch memory recycled from run to run) and checks each run's findings
// against a deep copy taken right after it and against a fresh run at the
// end: a value recycled while still reachable from findings shows here.
func TestRecycledRunsAgree(t *testing.T) {
	var paths []string
	paths = append(paths, testshared.Seeds(t)...)
	for _, dir := range []string{"../testdata/examples", "../testdata/crawler"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		paths = append(paths, m...)
	}
	opts := &lint.Options{}
	type run struct {
		got, copied []lint.Diagnostic
		src         *grammar.Source
	}
	var runs []run
	for round := 0; round < 2; round++ {
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			src, err := input.Decode(p, raw)
			if err != nil {
				t.Fatal(err)
			}
			got := lint.Run(grammar.Parse(src), nil, opts)
			runs = append(runs, run{got, deepCopy(got), src})
		}
	}
	for i, r := range runs {
		if !reflect.DeepEqual(r.got, r.copied) {
			t.Fatalf("run %d: findings changed after later runs", i)
		}
	}
	for i, r := range runs {
		fresh := lint.Run(grammar.Parse(r.src), nil, opts)
		if !reflect.DeepEqual(r.got, fresh) {
			t.Fatalf("run %d: findings differ from a fresh run", i)
		}
	}
	if len(runs) < 10 {
		t.Fatalf("only %d runs", len(runs))
	}
}

func deepCopy(ds []lint.Diagnostic) []lint.Diagnostic {
	if ds == nil {
		return nil
	}
	out := make([]lint.Diagnostic, len(ds))
	for i, d := range ds {
		d.Related = append([]lint.Related(nil), d.Related...)
		if d.Fixes != nil {
			fs := make([]lint.Fix, len(d.Fixes))
			for j, f := range d.Fixes {
				f.Edits = append([]lint.Edit(nil), f.Edits...)
				fs[j] = f
			}
			d.Fixes = fs
		}
		out[i] = d
	}
	return out
}
