package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// proseRules are the date, narrative and writing rules.
// proseRules are the rules that read the prose: dates, narrative, writing.
func proseRules() []*lint.Rule {
	var out []*lint.Rule
	for _, r := range lint.Rules() {
		switch r.Family {
		case lint.FamilyDates, lint.FamilyNarrative, lint.FamilyWriting:
			out = append(out, r)
		}
	}
	return out
}

var realNow = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func lintReal(t *testing.T, path string) (*grammar.Report, []lint.Diagnostic) {
	t.Helper()
	r, err := input.ParseFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r, lint.Run(r, proseRules(), &lint.Options{Now: realNow})
}

// TestRealReportsDCW pins what the date, narrative and writing rules find in
// the real reports: every finding was read by hand (see the report of the
// rules-dcw branch). Half-width punctuation (GD-W004) and residue (GD-W002)
// are counted, everything else is listed with its position.
func TestRealReportsDCW(t *testing.T) {
	dir := testshared.Dir(t)
	want := map[string]struct {
		listed []string
		counts map[string]int
	}{
		"seeds/000_52ff68fbeae871ae.txt": {listed: []string{"13:27 GD-W007", "21:55 GD-W007", "92:152 GD-W006"}},
		"seeds/001_93e2fa7a52f4ccbf.txt": {listed: []string{"93:112 GD-W007"}},
		"seeds/002_1df7817da05f8276.txt": {listed: []string{"1:1 GD-D001"}, counts: map[string]int{"GD-W002": 4, "GD-W004": 54}},
		"seeds/003_1033e8c8c2361b7e.txt": {counts: map[string]int{"GD-W002": 3, "GD-W004": 64}},
		"seeds/004_09d7efa84834ab25.txt": {listed: []string{"8:55 GD-W005", "14:54 GD-C003", "18:28 GD-W005", "18:60 GD-W005"},
			counts: map[string]int{"GD-W002": 1, "GD-W004": 1}},
		"corpus/001.txt":  {listed: []string{"14:41 GD-W007", "29:56 GD-W007", "49:116 GD-W007"}, counts: map[string]int{"GD-W004": 2}},
		"corpus/002.md":   {listed: []string{"34:31 GD-W003", "43:8 GD-C004"}, counts: map[string]int{"GD-W002": 1}},
		"corpus/003.md":   {counts: map[string]int{"GD-W002": 8}},
		"corpus/004.html": {},
		"corpus/005.txt":  {listed: []string{"10:1574 GD-W003"}, counts: map[string]int{"GD-W002": 5, "GD-W004": 1}},
		"corpus/006.txt":  {listed: []string{"10:1722 GD-W003"}, counts: map[string]int{"GD-W002": 4}},
		"corpus/007.txt":  {listed: []string{"10:2779 GD-W006"}, counts: map[string]int{"GD-W002": 4, "GD-W004": 1}},
		"corpus/008.txt":  {counts: map[string]int{"GD-W002": 4}},
		"corpus/009.txt":  {listed: []string{"10:2418 GD-W005"}, counts: map[string]int{"GD-W002": 4}},
		"corpus/010.txt":  {counts: map[string]int{"GD-W002": 4, "GD-W004": 1}},
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			r, diags := lintReal(t, filepath.Join(dir, name))
			var listed []string
			counts := map[string]int{}
			for _, d := range diags {
				if d.Rule == "GD-W002" || d.Rule == "GD-W004" {
					counts[d.Rule]++
					continue
				}
				p := r.Source.CharPos(d.Span.Start)
				listed = append(listed, fmt.Sprintf("%d:%d %s", p.Line+1, p.Col+1, d.Rule))
			}
			sort.Strings(listed)
			wl := append([]string(nil), w.listed...)
			sort.Strings(wl)
			if strings.Join(listed, "\n") != strings.Join(wl, "\n") {
				t.Errorf("findings\n got %q\nwant %q", listed, wl)
			}
			for _, rule := range []string{"GD-W002", "GD-W004"} {
				if counts[rule] != w.counts[rule] {
					t.Errorf("%s: %d findings, want %d", rule, counts[rule], w.counts[rule])
				}
			}
		})
	}
}

// TestRealNarrativeClaims checks that the numbers are read from the prose
// (a rule that reads nothing finds nothing, and passes for the wrong reason).
func TestRealNarrativeClaims(t *testing.T) {
	dir := testshared.Dir(t)
	for name, want := range map[string]string{
		"seeds/003_1033e8c8c2361b7e.txt": "received:21 handled:21",
		"seeds/004_09d7efa84834ab25.txt": "carried:1 received:2 either:3",
		"corpus/001.txt":                 "received:749 carryover:31 either:718",
		"corpus/002.md":                  "carried:2 received:34 carryover:1",
		"corpus/003.md":                  "carried:189 received:1295 handled:1191",
		"corpus/005.txt":                 "carryover:1 received:70 handled:69",
		"corpus/006.txt":                 "received:75",
		"corpus/009.txt":                 "carryover:6 received:154 handled:148",
	} {
		r, err := input.ParseFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range requestClaims(&lint.Context{Report: r, Options: &lint.Options{}}) {
			got = append(got, fmt.Sprintf("%s:%d", c.kind, c.value))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: claims %q, want %q", name, strings.Join(got, " "), want)
		}
	}
}

// TestRealMutations changes one number of a real report and expects the
// finding at that number.
func TestRealMutations(t *testing.T) {
	dir := testshared.Dir(t)
	cases := []struct {
		file, from, to, rule, at string
	}{
		{"corpus/003.md", "208 件（17.46%）", "208 件（17.64%）", "GD-C005", "17.64"},
		{"corpus/006.txt", "申请75件", "申请77件", "GD-C001", "77"},
		{"seeds/003_1033e8c8c2361b7e.txt", "办结21件", "办结20件", "GD-C001", "20"},
		{"seeds/004_09d7efa84834ab25.txt", "行政复议1件", "行政复议2件", "GD-C002", "2"},
		{"corpus/001.txt", "结转下一年 31 件", "结转下一年 30 件", "GD-C001", "30"},
		{"corpus/003.md", "208 件（17.46%）", "208 件（17.5%）", "", ""}, // one decimal: 17.46 rounds to 17.5
		{"corpus/003.md", "208 件（17.46%）", "208 件（17.47%）", "GD-C005", "17.47"},
	}
	for _, tc := range cases {
		raw, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		narrative := func(text string) []string {
			r := grammar.Parse(grammar.NewSource(tc.file, text))
			var hits []string
			for _, d := range lint.Run(r, proseRules(), &lint.Options{Now: realNow}) {
				if strings.HasPrefix(d.Rule, "GD-C") {
					hits = append(hits, d.Rule+" "+r.Source.Slice(d.Span))
				}
			}
			return hits
		}
		text := string(raw)
		before := map[string]int{}
		for _, h := range narrative(text) {
			before[h]++
		}
		i := strings.Index(text, tc.from)
		if i < 0 {
			t.Fatalf("%s: %q not found", tc.file, tc.from)
		}
		var hits []string // the findings the change added
		for _, h := range narrative(text[:i] + tc.to + text[i+len(tc.from):]) {
			if before[h] > 0 {
				before[h]--
				continue
			}
			hits = append(hits, h)
		}
		var want []string
		if tc.rule != "" {
			want = []string{tc.rule + " " + tc.at}
		}
		if strings.Join(hits, "|") != strings.Join(want, "|") {
			t.Errorf("%s with %q: new narrative findings %q, want %q", tc.file, tc.to, hits, want)
		}
	}
}

// TestRealFixes applies the safe fixes of the dcw rules to each real text
// report: afterwards no fixable finding is left and a second pass changes
// nothing.
func TestRealFixes(t *testing.T) {
	dir := testshared.Dir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	more, _ := filepath.Glob(filepath.Join(dir, "corpus", "0*[td]"))
	for _, f := range append(files, more...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parse := func(text string) *grammar.Report { return grammar.Parse(grammar.NewSource(f, text)) }
		opts := &lint.Options{Now: realNow}
		fixed, n := lint.FixText(string(raw), parse, proseRules(), opts, false)
		if n == 0 && len(lint.FixEdits(lint.Run(parse(string(raw)), proseRules(), opts), false)) > 0 {
			t.Errorf("%s: fixable findings but no edit applied", filepath.Base(f))
		}
		if left := lint.FixEdits(lint.Run(parse(fixed), proseRules(), opts), false); len(left) > 0 {
			t.Errorf("%s: %d fixable findings left after fixing", filepath.Base(f), len(left))
		}
		if again, _ := lint.FixText(fixed, parse, proseRules(), opts, false); again != fixed {
			t.Errorf("%s: a second fix pass changed the text", filepath.Base(f))
		}
	}
}
