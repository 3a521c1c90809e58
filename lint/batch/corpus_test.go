package batch

import (
	"path/filepath"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/rules"
)

// TestCorpusPingtan runs the batch on ../shared/corpus. 005–010 are 平潭综合实验区
// 2020–2025, whose 结转 relation holds for every pair (0→0, 1→1, 0→0, 0→0,
// 0→0): each pair must be confirmed or reported as "cannot judge", never a
// mismatch.
func TestCorpusPingtan(t *testing.T) {
	dir := filepath.Join(testshared.Dir(t), "corpus")
	res, err := Run([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var body *Body
	for _, b := range res.Bodies {
		if b.Key == "平潭综合实验区" {
			body = b
		}
	}
	if body == nil {
		t.Fatalf("no 平潭综合实验区 among %d bodies", len(res.Bodies))
	}
	if got := body.Years; len(got) != 6 || got[0] != 2020 || got[5] != 2025 {
		t.Fatalf("years %v", got)
	}
	carried := map[int]float64{2021: 0, 2022: 1, 2023: 0, 2024: 0, 2025: 0}
	pairs := 0
	for _, c := range res.Checks {
		if c.BodyKey != body.Key {
			continue
		}
		if c.Rule == rules.RuleMissingYear.ID || c.Rule == rules.RuleDuplicateYear.ID {
			t.Errorf("%s on a complete run: %s", c.Rule, c.Message)
		}
		if c.Rule != rules.RuleCarryOver.ID {
			continue
		}
		pairs++
		switch c.Status {
		case StatusOK:
			total := c.Columns[len(c.Columns)-1]
			if total.Cur.Value != carried[c.Year] || total.Prev.Value != carried[c.Year] {
				t.Errorf("%d: total %v → %v, want %v", c.Year, total.Prev.Value, total.Cur.Value, carried[c.Year])
			}
		case StatusCannotJudge:
			t.Logf("%d: %s", c.Year, c.Message)
		default:
			t.Errorf("%d: false mismatch: %s", c.Year, c.Message)
		}
	}
	if pairs != 5 {
		t.Errorf("carry-over pairs %d, want 5", pairs)
	}
	for _, r := range body.Reports {
		for _, d := range diagsOf(r, rules.RuleCarryOver.ID) {
			if d.Severity != lint.Info {
				t.Errorf("%s: %s %s", r.Path, d.Severity, d.Message)
			}
		}
		// real reports that differ year to year: no 雷同 warning
		if ds := diagsOf(r, rules.RuleSimilarText.ID); len(ds) > 0 {
			t.Errorf("%s: %s", r.Path, ds[0].Message)
		}
	}
}
