package batch

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/rules"
)

// crossYearCorpus summarizes, into store, reports of 40 bodies over
// 2020–2024 with gaps, a duplicate year and copied prose, as the check
// command keeps them.
func crossYearCorpus(t *testing.T, store *TextStore) []*Report {
	t.Helper()
	dir := t.TempDir()
	for i := range 40 {
		body := fmt.Sprintf("第%d县交通运输局", i+1)
		carried := 0
		for y := 2020; y <= 2024; y++ {
			if (i+y)%7 == 0 {
				continue // a missing year
			}
			s := batchtest.Spec{Body: body, Year: y, New: 10 + i%5, Carried: carried, Public: 9 + i%5, Issued: 2, Repealed: 1, InForce: 40 + y - 2020,
				Seed: uint64(i*10 + y)}
			if i%2 == 0 && y >= 2022 {
				s.Prose = batchtest.CopiedProse() // the same prose three years running
			}
			carried = s.CarryOver()
			batchtest.Write(t, dir, fmt.Sprintf("%02d/%d.txt", i, y), batchtest.Render(t, s))
			if i%9 == 0 && y == 2022 {
				batchtest.Write(t, dir, fmt.Sprintf("%02d/%d-copy.txt", i, y), batchtest.Render(t, s))
			}
		}
	}
	files, errs := collect([]string{dir})
	if len(errs) != 0 || len(files) < 150 {
		t.Fatalf("%d files, %v", len(files), errs)
	}
	var reports []*Report
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, SummarizeForYears(lint.Check(lint.FromBytes(f, raw), lint.DefaultConfig(), lint.CheckOptions{}), store))
	}
	return reports
}

// TestCrossYearWorkersAgree: the bodies compared side by side give the
// checks and findings of one worker, and each GD-Y003 outcome is what
// CheckSimilarText gives the pair read back afresh (a report's segments
// are cut once for its two pairs).
func TestCrossYearWorkersAgree(t *testing.T) {
	store, err := NewTextStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	reports := crossYearCorpus(t, store)
	run := func(workers int) (*Result, [][]lint.Diagnostic) {
		for _, r := range reports {
			r.Diagnostics = nil
		}
		res, err := FromReports([]string{"."}, reports, &Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var ds [][]lint.Diagnostic
		for _, r := range res.Reports {
			ds = append(ds, r.Diagnostics)
		}
		return res, ds
	}
	one, oneDiags := run(1)
	many, manyDiags := run(8)
	if len(one.Checks) != len(many.Checks) {
		t.Fatalf("%d checks with one worker, %d with eight", len(one.Checks), len(many.Checks))
	}
	kinds := map[string]int{}
	for i, a := range one.Checks {
		b := many.Checks[i]
		kinds[a.Kind+" "+string(a.Status)]++
		if a.Kind != b.Kind || a.Rule != b.Rule || a.BodyKey != b.BodyKey || a.Year != b.Year || a.PrevYear != b.PrevYear ||
			a.Status != b.Status || a.Message != b.Message || a.MessageEN != b.MessageEN || a.Report != b.Report || a.Prev != b.Prev ||
			!reflect.DeepEqual(a.Columns, b.Columns) || !reflect.DeepEqual(a.Similar, b.Similar) || !reflect.DeepEqual(a.Missing, b.Missing) {
			t.Fatalf("check %d: %+v with one worker, %+v with eight", i, a, b)
		}
		switch a.Kind {
		case KindCarryOver, KindNormative, KindSimilar:
			if a.Prev.Year != a.Year-1 || a.Report.Year != a.Year || a.Prev.BodyKey != a.BodyKey || a.Report.BodyKey != a.BodyKey {
				t.Fatalf("%s %d: compared with %s (%d)", a.Report.Path, a.Year, a.Prev.Path, a.Prev.Year)
			}
		}
		if a.Rule == rules.RuleSimilarText.ID {
			fresh := rules.CheckSimilarText(a.Prev.yearReport(), a.Report.yearReport(), rules.RuleSimilarText.Severity, 0, 0)
			if fresh.Status != a.Status || fresh.Message != a.Message || !reflect.DeepEqual(fresh.Similar, a.Similar) {
				t.Fatalf("%s %d: %s, read back afresh %s", a.Body, a.Year, a.Message, fresh.Message)
			}
		}
	}
	if !reflect.DeepEqual(oneDiags, manyDiags) {
		t.Fatal("the reports' cross-year findings differ between one worker and eight")
	}
	// the corpus reaches every kind of check, copied prose found among them
	for _, k := range []string{"duplicate-year finding", "missing-year finding", "similar-text finding", "similar-text ok", "carry-over ok"} {
		if kinds[k] == 0 {
			t.Errorf("no %q check among %v", k, kinds)
		}
	}
	if err := store.Err(); err != nil {
		t.Fatal(err)
	}
}
