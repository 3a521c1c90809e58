package rules

import (
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// TestDoubledFixSafety: a doubled function character is deleted by --fix
// (safe); a doubled two-character word is found all the same, but deleting
// a copy needs --unsafe-fixes, since the repetition may be another slip
// (pingtan-dept/009.txt's 耕地力地力补贴, meant as 耕地地力补贴).
func TestDoubledFixSafety(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       lint.Applicability
	}{
		{"发布111条涉农补贴信息，涉及耕地力地力补贴、规模种植粮食作物补贴。", "地力", lint.Unsafe},
		{"规范审核审核发布机制。", "审核", lint.Unsafe},
		{"打造统一的的网站界面。", "的", lint.Safe},
		{"𠀀打造统一的的的网站界面。", "的", lint.Safe},
	} {
		text := "一、总体情况\n" + c.text + "\n"
		rep := grammar.Parse(grammar.NewSource("t.txt", text))
		ds := lint.Run(rep, []*lint.Rule{lint.RuleByID("GD-W003")}, &lint.Options{})
		if len(ds) != 1 || len(ds[0].Fixes) != 1 {
			t.Fatalf("%s: %d findings, want one with one fix: %+v", c.text, len(ds), ds)
		}
		if f := ds[0].Fixes[0]; f.Applicability != c.want || f.Title != "删除重复的“"+c.word+"”" {
			t.Errorf("%s: fix %q is %v, want %v", c.text, f.Title, f.Applicability, c.want)
		}
	}
}
