package lint_test

import (
	"reflect"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// A value kept for a text is recalled by the next run with the same cache,
// and only by it: a run without a cache derives it afresh, and a run that
// does not use a text drops its value.
func TestTextKeyRecalledAcrossRuns(t *testing.T) {
	key := lint.NewTextKey[int]("length")
	var built []string
	rule := &lint.Rule{ID: "GD-X001", Check: func(c *lint.Context) {
		for _, p := range c.Report.Paragraphs {
			text := c.Source().Slice(p.Span)
			if _, ok := lint.Recall(c, key, text); ok {
				continue
			}
			built = append(built, text)
			lint.Keep(c, key, text, len(text))
		}
	}}
	run := func(text string, cache *lint.ParagraphCache) []string {
		built = nil
		lint.RunCached(grammar.Parse(grammar.NewSource("r.txt", text)), []*lint.Rule{rule}, nil, cache)
		return built
	}
	var cache lint.ParagraphCache
	if got := run("甲乙。\n\n丙丁。\n\n甲乙。\n", &cache); !reflect.DeepEqual(got, []string{"甲乙。", "丙丁。"}) {
		t.Fatalf("first run built %q, want each text once", got)
	}
	if got := run("甲乙。\n\n戊。\n", &cache); !reflect.DeepEqual(got, []string{"戊。"}) {
		t.Fatalf("second run built %q, want only the new text", got)
	}
	if got := run("丙丁。\n", &cache); !reflect.DeepEqual(got, []string{"丙丁。"}) {
		t.Fatalf("third run built %q: a text the last run did not use must be forgotten", got)
	}
	if got := run("丙丁。\n", nil); !reflect.DeepEqual(got, []string{"丙丁。"}) {
		t.Fatalf("a run without a cache built %q", got)
	}
	cache.Reset()
	if got := run("丙丁。\n", &cache); !reflect.DeepEqual(got, []string{"丙丁。"}) {
		t.Fatalf("after Reset built %q", got)
	}
}
