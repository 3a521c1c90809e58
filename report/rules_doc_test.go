package report_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/gdlint/gdlint/lint"
	_ "github.com/gdlint/gdlint/lint/rules" // every rule, GD-Y included
	"github.com/gdlint/gdlint/report"
)

// docs/rules.md is what the registry generates.
func TestRulesDocIsCurrent(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteRulesMarkdown(&b, lint.Rules()); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatalf("%v\nGenerate it (from the repository root): %s", err, report.RulesDocCommand)
	}
	if !bytes.Equal(committed, b.Bytes()) {
		edits := udiff.Strings(string(committed), b.String())
		diff, _ := udiff.ToUnified("docs/rules.md", "generated", string(committed), edits, 1)
		if len(diff) > 4000 {
			diff = diff[:4000] + "\n…"
		}
		t.Errorf("docs/rules.md is out of date with the rule registry. Regenerate it (from the repository root):\n\n\t%s\n\n%s",
			report.RulesDocCommand, diff)
	}
}

// Every rule has an entry whose anchor is the one the language server
// links (the lower-case ID) and no two headings share an anchor.
func TestRulesDocAnchors(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteRulesMarkdown(&b, lint.Rules()); err != nil {
		t.Fatal(err)
	}
	doc := b.String()
	flatDoc := noSpace(doc)
	anchors := map[string]int{}
	for _, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(line, "#") {
			anchors[githubSlug(strings.TrimLeft(line, "# "))]++
		}
		if m := regexp.MustCompile(`^<a id="([^"]+)"></a>$`).FindStringSubmatch(line); m != nil {
			anchors[m[1]]++
		}
	}
	for _, r := range lint.Rules() {
		a := report.RuleAnchor(r.ID)
		if a != "gd-"+strings.ToLower(r.ID[3:]) {
			t.Errorf("%s: anchor %q", r.ID, a)
		}
		if anchors[a] != 1 {
			t.Errorf("%s: %d headings with anchor #%s", r.ID, anchors[a], a)
		}
		if !strings.Contains(doc, "["+r.ID+"](#"+a+")") {
			t.Errorf("%s: not in the index", r.ID)
		}
		// line wraps between Chinese characters are joined on the page
		for _, text := range []string{r.Summary, r.SummaryEN, r.Explanation, r.ExplanationEN} {
			if !strings.Contains(flatDoc, noSpace(text)) {
				t.Errorf("%s: the page lacks %.40q…", r.ID, text)
			}
		}
	}
	for a, n := range anchors {
		if n > 1 {
			t.Errorf("anchor #%s used %d times", a, n)
		}
	}
}

// githubSlug is how GitHub (and most renderers) derive a heading's anchor:
// lower case, punctuation other than - and _ dropped, spaces to hyphens.
func githubSlug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && !isPunct(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isPunct(r rune) bool {
	return strings.ContainsRune("（）【】“”‘’，。：；、·", r)
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

// Wraps between two Chinese characters are joined (a renderer shows them as
// a space); wraps in English text, table rows and list items stay.
func TestRulesDocJoinsCJKWraps(t *testing.T) {
	var b bytes.Buffer
	r := &lint.Rule{ID: "GD-S999", Name: "wraps", Family: lint.FamilyStructure,
		Summary: "测试", SummaryEN: "test",
		Explanation:   "表三每一行的“总计”列，\n应等于各列之和。\n\n- 甲：第一项，\n  续写“乙”\n“丙”。\n- 乙\n\n| 甲 |\n| 乙 |",
		ExplanationEN: "In 表三 the total\nequals the sum of\n“自然人” and 其他。\n续行 (“结果”\n“维持”)",
	}
	if err := report.WriteRulesMarkdown(&b, []*lint.Rule{r}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"表三每一行的“总计”列，应等于各列之和。\n\n- 甲：第一项，续写“乙”“丙”。\n- 乙\n\n| 甲 |\n| 乙 |\n",
		"In 表三 the total\nequals the sum of\n“自然人” and 其他。续行 (“结果”\n“维持”)\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("page lacks %q:\n%s", want, b.String())
		}
	}
}
