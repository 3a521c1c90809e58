package batch

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// TestSummarizeForYearsLeavesOnlyStats: without the batch outputs a
// report's summary is the whole one but for its statistics, on every seed.
func TestSummarizeForYearsLeavesOnlyStats(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "seeds", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no seeds")
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := lint.Check(lint.FromBytes(p, raw), lint.DefaultConfig(), lint.CheckOptions{})
		whole, years := Summarize(f, nil), SummarizeForYears(f, nil)
		if len(whole.Stats) == 0 {
			t.Errorf("%s: no statistics read", p)
		}
		if years.Stats != nil {
			t.Errorf("%s: statistics read for the cross-year checks alone", p)
		}
		whole.Stats = nil
		if !reflect.DeepEqual(whole, years) {
			t.Errorf("%s: the summaries differ beyond their statistics", p)
		}
	}
}
