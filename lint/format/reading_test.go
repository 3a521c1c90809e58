package format_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint/format"
)

func parse(text string) *grammar.Report { return grammar.Parse(grammar.NewSource("r.txt", text)) }

// The re-parse check the formatter relies on tells a changed value, a
// changed heading and a changed date from a change of form.
func TestSameReading(t *testing.T) {
	base := "某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n本年共公开3条。\n\n二、主动公开政府信息情况\n\n无。\n"
	for _, c := range []struct {
		name, other string
		same        bool
	}{
		{"form only", "某某局2024年政府信息公开工作年度报告\n一、总体情况\n本年共公开3条.\n二、主动公开政府信息情况\n无。", true},
		{"a number", "某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n本年共公开4条。\n\n二、主动公开政府信息情况\n\n无。\n", false},
		{"a heading lost", "某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n本年共公开3条。二、主动公开政府信息情况是无。\n", false},
		{"the year", "某某局2025年政府信息公开工作年度报告\n\n一、总体情况\n\n本年共公开3条。\n\n二、主动公开政府信息情况\n\n无。\n", false},
	} {
		if got := format.SameReading(parse(base), parse(c.other)); got != c.same {
			t.Errorf("%s: SameReading = %v, want %v", c.name, got, c.same)
		}
	}
}

// A change that would make the parser read a new heading is held back
// (corpus/001.txt: "### (二) 部分公开" would become a sub-heading once its
// brackets are full-width).
func TestFormatHoldsBack(t *testing.T) {
	path := filepath.Join(testshared.Dir(t), "corpus", "001.txt")
	text := decode(t, path)
	res := format.Text(path, text)
	if res.HeldBack != format.HeldBackPunct {
		t.Fatalf("HeldBack = %q, want %q", res.HeldBack, format.HeldBackPunct)
	}
	if !strings.Contains(res.Text, "### (二) 部分公开") {
		t.Error("the brackets of (二) were converted")
	}
	if !slices.Equal(format.Numbers(text), format.Numbers(res.Text)) || !format.SameReading(parse(text), parse(res.Text)) {
		t.Error("the held-back result reads differently")
	}
}
