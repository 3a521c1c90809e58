package lint_test

import (
	"strings"
	"testing"

	"github.com/gdlint/gdlint/lint"
	_ "github.com/gdlint/gdlint/lint/rules"
)

// ruleByScan is RuleByID as it was, a scan of the catalogue: the map
// RuleByID asks first must give the same rule for every way of naming one.
func ruleByScan(id string) *lint.Rule {
	for _, r := range lint.Rules() {
		if strings.EqualFold(r.ID, id) || r.Name == id {
			return r
		}
	}
	return nil
}

func TestRuleByIDAsTheScan(t *testing.T) {
	rules := lint.Rules()
	if len(rules) < 50 {
		t.Fatalf("%d rules registered: the rules package is not linked", len(rules))
	}
	ids := []string{"", "GD", "GD-", "GD-X999", "gd-c", "GD-C001 ", "narrative"}
	for _, r := range rules {
		ids = append(ids, r.ID, strings.ToLower(r.ID), r.Name, strings.ToUpper(r.Name), r.ID[:len(r.ID)-1])
	}
	for _, id := range ids {
		got, want := lint.RuleByID(id), ruleByScan(id)
		if got != want {
			t.Errorf("RuleByID(%q) = %v, the scan finds %v", id, got, want)
		}
	}
	if r := lint.RuleByID("gd-c001"); r == nil || r.ID != "GD-C001" {
		t.Errorf("RuleByID(gd-c001) = %v, want GD-C001 (IDs are case-insensitive)", r)
	}
}
