package rules_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/lint"
)

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Every registered rule has what the catalogue, `gdlint explain` and
// docs/rules.md show: an ID of its family, a kebab-case name, both
// summaries, both explanations, and a basis in the Chinese one.
func TestRuleCatalogue(t *testing.T) {
	rules := lint.Rules()
	if len(rules) < 50 {
		t.Fatalf("only %d rules registered", len(rules))
	}
	families := map[lint.Family]int{}
	names := map[string]string{}
	for _, r := range rules {
		families[r.Family]++
		prefix, ok := lint.FamilyPrefix[r.Family]
		if !ok || !regexp.MustCompile(`^`+prefix+`\d{3}$`).MatchString(r.ID) {
			t.Errorf("%s: ID does not match family %q (prefix %q)", r.ID, r.Family, prefix)
		}
		if !kebab.MatchString(r.Name) {
			t.Errorf("%s: name %q is not kebab-case", r.ID, r.Name)
		}
		if other, dup := names[r.Name]; dup {
			t.Errorf("%s: name %q is also %s's", r.ID, r.Name, other)
		}
		names[r.Name] = r.ID
		if lint.RuleByID(r.Name) != r || lint.RuleByID(strings.ToLower(r.ID)) != r {
			t.Errorf("%s: not found by its name or lower-case ID", r.ID)
		}
		for field, text := range map[string]string{"Summary": r.Summary, "SummaryEN": r.SummaryEN,
			"Explanation": r.Explanation, "ExplanationEN": r.ExplanationEN} {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: %s is empty", r.ID, field)
			}
		}
		if strings.ContainsAny(r.Summary+r.SummaryEN, "\n") {
			t.Errorf("%s: a summary is one line", r.ID)
		}
		// the meta rules are about gdlint's own comments, not the report:
		// there is no 条例 or template to cite
		if r.Family != lint.FamilyMeta && !regexp.MustCompile(`依据|规范|条例|模板`).MatchString(r.Explanation) {
			t.Errorf("%s: the explanation names no basis (依据, 规范, 条例 or 模板)", r.ID)
		}
		if r.Family != lint.FamilyMeta && !regexp.MustCompile(`(?i)basis|spec|条例|template`).MatchString(r.ExplanationEN) {
			t.Errorf("%s: the English explanation names no basis", r.ID)
		}
		// an English explanation that is mostly Chinese is an untranslated copy
		if han, all := countHan(r.ExplanationEN); all > 0 && han*3 > all {
			t.Errorf("%s: ExplanationEN is %d of %d characters Chinese: not translated?", r.ID, han, all)
		}
		// the explanations sit under the rule's heading in docs/rules.md
		for _, text := range []string{r.Explanation, r.ExplanationEN} {
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "#") {
					t.Errorf("%s: explanation has a Markdown heading %q", r.ID, line)
				}
			}
		}
	}
	for f, prefix := range lint.FamilyPrefix {
		if families[f] == 0 && f != lint.FamilyYears {
			t.Errorf("family %s (%s) has no rule", f, prefix)
		}
	}
}

func countHan(s string) (han, all int) {
	for _, r := range s {
		if r == ' ' || r == '\n' {
			continue
		}
		all++
		if r >= 0x3400 && r <= 0x9fff || r >= 0x20000 {
			han++
		}
	}
	return han, all
}
