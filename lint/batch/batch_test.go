package batch

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/rules"
)

// runFixture builds the fixture in a temporary directory, makes it the
// working directory (so paths in the outputs are stable) and runs the batch.
func runFixture(t *testing.T, opts *Options) *Result {
	t.Helper()
	dir := t.TempDir()
	batchtest.WriteTree(t, dir)
	t.Chdir(dir)
	if opts == nil {
		opts = &Options{}
	}
	if opts.Lint == nil {
		opts.Lint = &lint.Options{Now: batchtest.Now}
	}
	if opts.Rules == nil {
		// only the cross-year rules, so that counts in the assertions do not
		// move as single-report rules are added (TestAllRules runs them all)
		opts.Rules = yearRules
	}
	res, err := Run([]string{"."}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func checkOf(t *testing.T, res *Result, rule string, year int, body string) *Check {
	t.Helper()
	for _, c := range res.Checks {
		if c.Rule == rule && c.Year == year && c.Body == body {
			return c
		}
	}
	t.Fatalf("no %s check for %s %d", rule, body, year)
	return nil
}

func diagsOf(r *Report, rule string) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range r.Diagnostics {
		if d.Rule == rule {
			out = append(out, d)
		}
	}
	return out
}

func TestRunFilesAndErrors(t *testing.T) {
	res := runFixture(t, nil)
	var paths []string
	for _, r := range res.Reports {
		paths = append(paths, r.Path)
	}
	want := []string{"broken.docx", "broken.txt", "empty.md", "丙/2021.txt", "丙/2023.txt", "丙/copy/2023.txt", "甲/2022.txt", "甲/2023.md", "甲/2024-gb.txt"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Fatalf("reports:\n got %q\nwant %q", paths, want)
	}
	failed := res.Failed()
	if len(failed) != 3 {
		t.Fatalf("failed = %d, want 3", len(failed))
	}
	if !errors.Is(res.ByPath("broken.txt").Err, input.ErrBinary) {
		t.Errorf("broken.txt: %v, want ErrBinary", res.ByPath("broken.txt").Err)
	}
	if !errors.Is(res.ByPath("empty.md").Err, input.ErrEmpty) {
		t.Errorf("empty.md: %v, want ErrEmpty", res.ByPath("empty.md").Err)
	}
	if res.ByPath("broken.docx").Err == nil {
		t.Error("broken.docx: no error")
	}
	gb := res.ByPath("甲/2024-gb.txt")
	if gb.Err != nil || gb.Encoding != "gb18030" || gb.Body != batchtest.BodyA || gb.Year != 2024 {
		t.Fatalf("GB18030 report: err %v, encoding %q, body %q, year %d", gb.Err, gb.Encoding, gb.Body, gb.Year)
	}
	if s := gb.Stats["normative_in_force"]; s == nil || s.Value != 60 {
		t.Errorf("GB18030 report: 现行有效 = %+v, want 60", s)
	}
	if s := gb.Stats["fees_amount"]; s == nil || s.Value != 12.5 {
		t.Errorf("fees = %+v, want 12.5", s)
	}
	if len(res.Bodies) != 2 || res.Bodies[0].Name != batchtest.BodyB || res.Bodies[1].Name != batchtest.BodyA {
		t.Fatalf("bodies: %+v", res.Bodies)
	}
	if got := res.Bodies[0].Years; len(got) != 2 || got[0] != 2021 || got[1] != 2023 {
		t.Errorf("丙 years = %v", got)
	}
}

func TestCarryOverMismatch(t *testing.T) {
	res := runFixture(t, nil)
	c := checkOf(t, res, "GD-Y001", 2023, batchtest.BodyA)
	if c.Status != StatusFinding {
		t.Fatalf("2022→2023 carry-over: %s %s", c.Status, c.Message)
	}
	cur, prev := res.ByPath("甲/2023.md"), res.ByPath("甲/2022.txt")
	ds := diagsOf(cur, "GD-Y001")
	if len(ds) != 2 {
		t.Fatalf("GD-Y001 diagnostics = %d, want 2 (自然人 and 总计): %+v", len(ds), ds)
	}
	for i, col := range []string{grammar.ColNatural, grammar.ColTotal} {
		d := ds[i]
		cell := parsed(cur).Table(grammar.TableRequests).Cell(grammar.RowCarried, col)
		if d.Span != cell.Span || cur.Source().Slice(d.Span) != "3" {
			t.Errorf("%s: span %v %q, want the 二、上年结转 cell %v", col, d.Span, cur.Source().Slice(d.Span), cell.Span)
		}
		if d.Severity != lint.Warning {
			t.Errorf("%s: severity %v", col, d.Severity)
		}
		prevCell := parsed(prev).Table(grammar.TableRequests).Cell(grammar.RowCarryOver, col)
		if len(d.Related) != 1 || d.Related[0].Path != prev.Path || d.Related[0].Span != prevCell.Span {
			t.Errorf("%s: related %+v, want %s %v", col, d.Related, prev.Path, prevCell.Span)
		}
		if !strings.Contains(d.Message, "3") || !strings.Contains(d.Message, "2") || !strings.Contains(d.MessageEN, "2022") {
			t.Errorf("%s: message %q / %q", col, d.Message, d.MessageEN)
		}
	}
	// the other columns agree (0 = 0), and 2023→2024 holds in every column
	for _, k := range c.Columns {
		want := StatusOK
		if k.Key == grammar.ColNatural || k.Key == grammar.ColTotal {
			want = StatusFinding
		}
		if k.Status != want {
			t.Errorf("column %s: %s, want %s", k.Key, k.Status, want)
		}
	}
	if c := checkOf(t, res, "GD-Y001", 2024, batchtest.BodyA); c.Status != StatusOK {
		t.Errorf("2023→2024 carry-over: %s %s", c.Status, c.Message)
	}
}

func TestNormativeContinuity(t *testing.T) {
	res := runFixture(t, nil)
	if c := checkOf(t, res, "GD-Y002", 2023, batchtest.BodyA); c.Status != StatusOK {
		t.Errorf("2023: %s %s", c.Status, c.Message)
	}
	c := checkOf(t, res, "GD-Y002", 2024, batchtest.BodyA)
	if c.Status != StatusFinding {
		t.Fatalf("2024: %s %s", c.Status, c.Message)
	}
	r := res.ByPath("甲/2024-gb.txt")
	ds := diagsOf(r, "GD-Y002")
	if len(ds) != 1 {
		t.Fatalf("GD-Y002 diagnostics: %+v", ds)
	}
	d := ds[0]
	cell := parsed(r).Table(grammar.TableProactive).Cell(grammar.RowNormative, grammar.ColInForce)
	if d.Span != cell.Span || r.Source().Slice(d.Span) != "60" {
		t.Errorf("span %v %q, want the 现行有效 cell", d.Span, r.Source().Slice(d.Span))
	}
	if !strings.Contains(d.Message, "53 + 本年制发 4 − 本年废止 1 = 56") || !strings.Contains(d.Message, "+4") {
		t.Errorf("message %q", d.Message)
	}
	if len(d.Related) != 3 || d.Related[0].Path != "甲/2023.md" || d.Related[1].Path != "" {
		t.Errorf("related %+v", d.Related)
	}
}

func TestSimilarText(t *testing.T) {
	res := runFixture(t, nil)
	if c := checkOf(t, res, "GD-Y003", 2023, batchtest.BodyA); c.Status != StatusOK || c.Similar.Share > 0.3 {
		t.Errorf("2022→2023 (different prose): %s %s", c.Status, c.Message)
	}
	c := checkOf(t, res, "GD-Y003", 2024, batchtest.BodyA)
	if c.Status != StatusFinding || c.Similar.Share < 0.9 {
		t.Fatalf("2023→2024 (copied prose): %s %s", c.Status, c.Message)
	}
	r := res.ByPath("甲/2024-gb.txt")
	ds := diagsOf(r, "GD-Y003")
	if len(ds) != 1 {
		t.Fatalf("GD-Y003 diagnostics: %+v", ds)
	}
	d := ds[0]
	// the diagnostic points at the first copied segment (here the template's
	// opening sentence, numbers aside); related locations are the matching
	// segments of 2023, in the same order as the matches
	if d.Span != c.Similar.Matches[0].Span || !strings.HasPrefix(r.Source().Slice(d.Span), "本报告依据") {
		t.Errorf("span %q", r.Source().Slice(d.Span))
	}
	prev := res.ByPath("甲/2023.md")
	found := false
	for i, rel := range d.Related {
		if rel.Path != "甲/2023.md" {
			t.Fatalf("related %+v", rel)
		}
		m := c.Similar.Matches[i]
		if rel.Span != m.PrevSpan {
			t.Errorf("related %d: %v, want %v", i, rel.Span, m.PrevSpan)
		}
		if got := r.Source().Slice(m.Span); strings.HasPrefix(got, "𠀀") {
			found = true
			if prev.Source().Slice(rel.Span) != got {
				t.Errorf("𠀀 sentence: related %q, want %q", prev.Source().Slice(rel.Span), got)
			}
		}
	}
	if !found {
		t.Error("the copied sentence starting with 𠀀 is not among the related locations")
	}
}

func TestDuplicateAndMissingYear(t *testing.T) {
	res := runFixture(t, nil)
	dup := res.ByPath("丙/copy/2023.txt")
	ds := diagsOf(dup, "GD-Y004")
	if len(ds) != 1 || dup.Source().Slice(ds[0].Span) != "2023" || ds[0].Related[0].Path != "丙/2023.txt" {
		t.Fatalf("GD-Y004: %+v", ds)
	}
	gap := res.ByPath("丙/2023.txt")
	ds = diagsOf(gap, "GD-Y005")
	if len(ds) != 1 || gap.Source().Slice(ds[0].Span) != "2023" ||
		ds[0].Message != "检查的文件中没有该机关 2022 年度的报告（上一份是 2021 年度）：未发布、未收集，或标题年度有误" {
		t.Fatalf("GD-Y005: %+v", ds)
	}
	if ds[0].Related[0].Path != "丙/2021.txt" {
		t.Errorf("related %+v", ds[0].Related)
	}
	c := checkOf(t, res, "GD-Y005", 2023, batchtest.BodyB)
	if len(c.Missing) != 1 || c.Missing[0] != 2022 {
		t.Errorf("missing = %v", c.Missing)
	}
	// no pair of consecutive years for 丙: no carry-over check
	for _, c := range res.Checks {
		if c.BodyKey == NormalizeBody(batchtest.BodyB) && c.Rule == "GD-Y001" {
			t.Errorf("unexpected carry-over check %+v", c)
		}
	}
	// the duplicate is counted on the report
	if dup.Counts.Warnings != 1 || dup.Counts.ByFamily["years"].Warnings != 1 {
		t.Errorf("counts %+v", dup.Counts)
	}
}

func TestRuleSelection(t *testing.T) {
	res := runFixture(t, &Options{Rules: []*lint.Rule{rules.RuleCarryOver}})
	for _, c := range res.Checks {
		if c.Rule != "GD-Y001" {
			t.Errorf("unselected rule ran: %s", c.Rule)
		}
	}
	if len(res.Checks) != 2 {
		t.Errorf("checks = %d, want the two carry-over pairs of 甲", len(res.Checks))
	}
}

func TestCannotJudge(t *testing.T) {
	dir := t.TempDir()
	a := batchtest.Render(t, batchtest.Spec{Body: batchtest.BodyA, Year: 2022, New: 10, Public: 8, InForce: 1, Seed: 1})
	b := batchtest.Render(t, batchtest.Spec{Body: batchtest.BodyA, Year: 2023, New: 5, Carried: 2, Public: 7, InForce: 1, Seed: 2})
	// drop the 二、上年结转 row of 2023: the parser reports it missing
	var kept []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(l, "二、上年结转") {
			kept = append(kept, l)
		}
	}
	batchtest.Write(t, dir, "a.txt", a)
	batchtest.Write(t, dir, "b.txt", []byte(strings.Join(kept, "\n")))
	res, err := Run([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := checkOf(t, res, "GD-Y001", 2023, batchtest.BodyA)
	if c.Status != StatusCannotJudge || !strings.Contains(c.Message, "无法判断") {
		t.Fatalf("%s %s", c.Status, c.Message)
	}
	ds := diagsOf(res.Reports[1], "GD-Y001")
	if len(ds) != 1 || ds[0].Severity != lint.Info || !strings.Contains(ds[0].Message, "无法核对") {
		t.Fatalf("diagnostics %+v", ds)
	}
}

// TestDoubtfulMismatchIsNotAFinding: when the parser placed the 二、上年结转
// row by its position (label unreadable) and the numbers differ, the check
// cannot judge; it never reports the mismatch as a finding.
func TestDoubtfulMismatchIsNotAFinding(t *testing.T) {
	dir := t.TempDir()
	batchtest.Write(t, dir, "a.txt", batchtest.Render(t, batchtest.Spec{Body: batchtest.BodyA, Year: 2022, New: 10, Public: 8, Seed: 1})) // 结转 2
	b := string(batchtest.Render(t, batchtest.Spec{Body: batchtest.BodyA, Year: 2023, New: 5, Carried: 3, Public: 8, Seed: 2}))
	batchtest.Write(t, dir, "b.txt", []byte(strings.Replace(b, "二、上年结转政府信息公开申请数量", "二、上年结转申请", 1)))
	res, err := Run([]string{dir}, &Options{Rules: yearRules})
	if err != nil {
		t.Fatal(err)
	}
	cur := res.Reports[1]
	cell := parsed(cur).Table(grammar.TableRequests).Cell(grammar.RowCarried, grammar.ColNatural)
	if cell == nil || cell.Doubt == "" || cell.Value != 3 {
		t.Fatalf("the fixture no longer gives a positional placement: %+v", cell)
	}
	c := checkOf(t, res, "GD-Y001", 2023, batchtest.BodyA)
	if c.Status != StatusCannotJudge || !strings.Contains(c.Message, "推断") {
		t.Fatalf("%s %s", c.Status, c.Message)
	}
	ds := diagsOf(cur, "GD-Y001")
	if len(ds) != 1 || ds[0].Severity != lint.Info || ds[0].Span != cell.Span || !strings.Contains(ds[0].MessageEN, "inference") {
		t.Fatalf("diagnostics %+v", ds)
	}
}

func TestPanicBecomesErrorEntry(t *testing.T) {
	dir := t.TempDir()
	good := batchtest.Write(t, dir, "good.txt", batchtest.Render(t, batchtest.Spec{Body: batchtest.BodyA, Year: 2022, Seed: 1}))
	bad := batchtest.Write(t, dir, "bad.txt", []byte("x"))
	res, err := Run([]string{dir}, &Options{Workers: 2, parse: func(p string) (*grammar.Report, error) {
		if p == bad {
			panic("boom")
		}
		return input.ParseFile(p)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if r := res.ByPath(bad); r == nil || r.Err == nil || !strings.Contains(r.Err.Error(), "boom") {
		t.Fatalf("bad: %+v", r)
	}
	if r := res.ByPath(good); r == nil || r.Err != nil || r.Year != 2022 {
		t.Fatalf("good: %+v", r)
	}
}

func TestMissingPathIsAnEntry(t *testing.T) {
	res, err := Run([]string{"/nonexistent/gdlint/reports"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reports) != 1 || !errors.Is(res.Reports[0].Err, os.ErrNotExist) {
		t.Fatalf("%+v", res.Reports)
	}
	if _, err := Run(nil, &Options{SimilarShare: 2}); err == nil {
		t.Error("a share of 2 was accepted")
	}
}

func TestExplicitFileAnyExtension(t *testing.T) {
	dir := t.TempDir()
	p := batchtest.Write(t, dir, "report.text", batchtest.Render(t, batchtest.Spec{Body: batchtest.BodyA, Year: 2022, Seed: 1}))
	res, err := Run([]string{p, p, filepath.Join(dir, ".", "report.text")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reports) != 1 || res.Reports[0].Err != nil {
		t.Fatalf("%+v", res.Reports)
	}
}

func TestNormalizeBody(t *testing.T) {
	for _, c := range [][2]string{
		{"甲市 交通运输局", "甲市交通运输局"},
		{"甲市（交通）运输局", "甲市交通运输局"},
		{"ＡＢ市・局", "AB市局"},
		{"", ""},
	} {
		if got := NormalizeBody(c[0]); got != c[1] {
			t.Errorf("NormalizeBody(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestFromFiles builds the batch from the check command's results: its
// findings are kept, and the GD-Y rules follow each later report's config.
func TestFromFiles(t *testing.T) {
	dir := t.TempDir()
	batchtest.WriteTree(t, dir)
	t.Chdir(dir)
	cfg, err := lint.ParseConfig(".gdlint.toml", []byte("[rules]\nignore = [\"GD-Y003\"]\n[severity]\n\"GD-Y001\" = \"error\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	files, errs := fileio.ExpandPaths([]string{"."})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var results []*lint.FileResult
	for _, p := range files {
		raw, err := fileio.ReadFile(p)
		if err != nil {
			results = append(results, &lint.FileResult{Path: p, Err: err})
			continue
		}
		results = append(results, lint.Check(lint.FromBytes(p, raw), cfg, lint.CheckOptions{Options: &lint.Options{Now: batchtest.Now}}))
	}
	// a config file's own findings have no document: left out
	results = append(results, &lint.FileResult{Path: ".gdlint.toml", Source: grammar.NewSource(".gdlint.toml", "")})
	res, err := FromFiles([]string{"."}, results, &Options{Config: func(string) *lint.Config { return cfg }, Lint: &lint.Options{Now: batchtest.Now}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reports) != 9 || len(res.Failed()) != 3 {
		t.Fatalf("reports %d, failed %d", len(res.Reports), len(res.Failed()))
	}
	for _, c := range res.Checks {
		if c.Rule == "GD-Y003" {
			t.Errorf("ignored rule ran: %+v", c)
		}
	}
	ds := diagsOf(res.ByPath(filepath.Join("甲", "2023.md")), "GD-Y001")
	if len(ds) != 2 || ds[0].Severity != lint.Error {
		t.Fatalf("GD-Y001 under the config: %+v", ds)
	}
	// the file's own findings from lint.Check are kept beside the cross-year ones
	var own int
	for _, fr := range results {
		if fr.Path == filepath.Join("甲", "2023.md") {
			own = len(fr.Diagnostics)
		}
	}
	if got := len(res.ByPath(filepath.Join("甲", "2023.md")).Diagnostics); got != own+2 {
		t.Errorf("diagnostics %d, want %d own + 2", got, own)
	}
}

// TestAllRules runs every registered rule: each report carries exactly what
// lint.Run finds on it, plus the cross-year findings.
func TestAllRules(t *testing.T) {
	res := runFixture(t, &Options{Rules: lint.Rules()})
	for _, r := range res.Reports {
		if r.Err != nil {
			continue
		}
		var own, years int
		for _, d := range r.Diagnostics {
			if strings.HasPrefix(d.Rule, "GD-Y") {
				years++
			} else {
				own++
			}
		}
		want := lint.Run(parsed(r), nil, &lint.Options{Now: batchtest.Now})
		if own != len(want) {
			t.Errorf("%s: %d findings of single-report rules, lint.Run gives %d", r.Path, own, len(want))
		}
		if r.Counts.Errors+r.Counts.Warnings+r.Counts.Infos != own+years {
			t.Errorf("%s: counts %+v", r.Path, r.Counts)
		}
	}
	if len(res.Checks) != 8 {
		t.Errorf("checks %d", len(res.Checks))
	}
}

// yearRules are the GD-Y rules.
var yearRules = []*lint.Rule{rules.RuleCarryOver, rules.RuleNormativeInForce, rules.RuleSimilarText, rules.RuleDuplicateYear, rules.RuleMissingYear}

// parsed parses a batch report's document again (the batch keeps no parse).
func parsed(r *Report) *grammar.Report { return grammar.Parse(r.Source()) }

// TestSummarizeDropsTheParse checks the check command's way: each file is
// summarized and its parse dropped before the batch is built; the batch must
// equal the one built from the whole parses (every check, message, column
// and finding), so the GD-Y rules read nothing the summary lacks.
func TestSummarizeDropsTheParse(t *testing.T) {
	dir := t.TempDir()
	batchtest.WriteTree(t, dir)
	t.Chdir(dir)
	opts := &Options{Lint: &lint.Options{Now: batchtest.Now}}
	check := func() []*lint.FileResult { return checkTree(t, opts.Lint) }
	whole, err := FromFiles([]string{"."}, check(), opts)
	if err != nil {
		t.Fatal(err)
	}
	store, err := NewTextStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, store := range []*TextStore{nil, store} {
		var reports []*Report
		for _, f := range check() {
			r := Summarize(f, store)
			f.Report, f.Source = nil, nil // what the check command does
			r.Diagnostics = f.Diagnostics
			reports = append(reports, r)
		}
		thin, err := FromReports([]string{"."}, reports, opts)
		if err != nil {
			t.Fatal(err)
		}
		compareBatches(t, thin, whole)
		for _, r := range thin.Reports {
			if r.Err == nil && store != nil && r.doc.store != store {
				t.Errorf("%s: text kept in memory, not in the store", r.Path)
			}
			if r.Err == nil && store != nil && r.yearData.store != store {
				t.Errorf("%s: cross-year data kept in memory, not in the store", r.Path)
			}
			if r.Err == nil && r.Source().Text != parsed(whole.ByPath(r.Path)).Source.Text {
				t.Errorf("%s: the text read back differs", r.Path)
			}
		}
	}
	if err := store.Err(); err != nil {
		t.Error(err)
	}
}

func compareBatches(t *testing.T, thin, whole *Result) {
	t.Helper()
	if len(thin.Checks) != len(whole.Checks) || len(thin.Checks) == 0 {
		t.Fatalf("checks: %d from summaries, %d from parses", len(thin.Checks), len(whole.Checks))
	}
	findings := 0
	for i, c := range thin.Checks {
		w := whole.Checks[i]
		if c.Rule != w.Rule || c.Status != w.Status || c.Message != w.Message || !reflect.DeepEqual(c.Columns, w.Columns) || !reflect.DeepEqual(c.Similar, w.Similar) {
			t.Errorf("check %d differs:\n summary %+v\n parse   %+v", i, c, w)
		}
		if c.Status == StatusFinding {
			findings++
		}
	}
	if findings == 0 {
		t.Error("the fixture gives no cross-year finding: nothing compared")
	}
	for i, r := range thin.Reports {
		if !reflect.DeepEqual(r.Diagnostics, whole.Reports[i].Diagnostics) {
			t.Errorf("%s: findings differ", r.Path)
		}
	}
}

// TestTextStoreLeavesNothing: the store's temporary file is gone after
// Close (on Unix as soon as it is made), and texts read back whole.
func TestTextStoreLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	store, err := NewTextStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"甲市2023年政府信息公开工作年度报告\n", "", "𠀀 outside the BMP\r\n第二行"}
	var kept []storedText
	for i, text := range texts {
		src := grammar.NewSource(fmt.Sprintf("%d.txt", i), text)
		src.PageStarts = []int{i}
		kept = append(kept, store.put(src))
	}
	for i, k := range kept {
		src := k.source()
		if src == nil || src.Text != texts[i] || src.Path != fmt.Sprintf("%d.txt", i) || len(src.PageStarts) != 1 || src.PageStarts[0] != i {
			t.Errorf("text %d read back as %+v", i, src)
		}
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	if err := store.Err(); err != nil {
		t.Error(err)
	}
}

// TestSpillFindings: findings moved into the store come back whole and in
// order with the cross-year ones, and are counted without being held.
func TestSpillFindings(t *testing.T) {
	dir := t.TempDir()
	batchtest.WriteTree(t, dir)
	t.Chdir(dir)
	// findings of its own (GD-W004, with a fix) beside the cross-year ones
	md, err := os.ReadFile(filepath.Join("甲", "2023.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "，") {
		t.Fatal("the fixture has no full-width comma to break")
	}
	batchtest.Write(t, dir, filepath.Join("甲", "2023.md"), []byte(strings.Replace(string(md), "，", ",", 2)))
	opts := &Options{Lint: &lint.Options{Now: batchtest.Now}}
	whole, err := Run([]string{"."}, opts)
	if err != nil {
		t.Fatal(err)
	}
	store, err := NewTextStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var reports []*Report
	spilled := 0
	for _, f := range checkTree(t, opts.Lint) {
		r := Summarize(f, store)
		r.Diagnostics = f.Diagnostics
		r.SpillFindings(store)
		if len(f.Diagnostics) > 0 {
			if r.Diagnostics != nil {
				t.Fatalf("%s: findings not moved into the store", f.Path)
			}
			spilled++
		}
		reports = append(reports, r)
	}
	thin, err := FromReports([]string{"."}, reports, opts)
	if err != nil {
		t.Fatal(err)
	}
	if spilled == 0 {
		t.Fatal("no report had findings to spill")
	}
	years, merged := 0, 0
	for i, r := range thin.Reports {
		if r.spilled.count > 0 && len(r.Diagnostics) > 0 {
			merged++
		}
		w := whole.Reports[i]
		if !reflect.DeepEqual(r.Findings(), w.Diagnostics) && !(len(r.Findings()) == 0 && len(w.Diagnostics) == 0) {
			t.Errorf("%s: findings read back differ:\n%+v\n%+v", r.Path, r.Findings(), w.Diagnostics)
		}
		if r.FindingCount() != len(w.Diagnostics) || !reflect.DeepEqual(r.Counts, w.Counts) {
			t.Errorf("%s: count %d, counts %+v; want %d, %+v", r.Path, r.FindingCount(), r.Counts, len(w.Diagnostics), w.Counts)
		}
		years += len(r.Diagnostics) // only the cross-year findings stay in memory
	}
	if years == 0 || merged == 0 {
		t.Errorf("cross-year findings %d, reports with spilled and cross-year findings %d: the merge is not exercised", years, merged)
	}
	if err := store.Err(); err != nil {
		t.Error(err)
	}
}

// checkTree checks every report file below the working directory as the
// check command does (an unreadable file is an error result).
func checkTree(t *testing.T, opts *lint.Options) []*lint.FileResult {
	t.Helper()
	files, _ := fileio.ExpandPaths([]string{"."})
	var out []*lint.FileResult
	for _, p := range files {
		raw, err := fileio.ReadFile(p)
		if err != nil {
			out = append(out, &lint.FileResult{Path: p, Err: err})
			continue
		}
		out = append(out, lint.Check(lint.FromBytes(p, raw), lint.DefaultConfig(), lint.CheckOptions{Options: opts}))
	}
	return out
}

// TestTextStoreBuffers: records read back whole whether still in the
// store's buffer or already written, across the buffer's edge and when one
// record is larger than the buffer; findings and texts share the file.
func TestTextStoreBuffers(t *testing.T) {
	store, err := NewTextStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var texts []string
	var kept []storedText
	check := func(when string) {
		t.Helper()
		for i, k := range kept {
			if k.store != store {
				t.Fatalf("%s: text %d kept in memory", when, i)
			}
			if got, ok := k.text(); !ok || got != texts[i] {
				t.Fatalf("%s: text %d (%d bytes at %d) read back as %d bytes", when, i, len(texts[i]), k.off, len(got))
			}
		}
	}
	findings := []lint.Diagnostic{{Rule: "GD-W004", Severity: lint.Warning, Message: "𠮷，"}}
	var spilled []storedFindings
	add := func(text string) {
		texts = append(texts, text)
		kept = append(kept, store.put(grammar.NewSource("r.txt", text)))
		f, ok := store.putFindings(findings)
		if !ok {
			t.Fatal("findings not stored")
		}
		spilled = append(spilled, f)
	}
	add("甲市2023年政府信息公开工作年度报告\n𠀀")
	check("in the buffer")
	for i := 0; store.flushed == 0; i++ {
		if i == 100 { // 100 texts of 50 KB and more: 5 MB
			t.Fatal("the buffer was never written")
		}
		add(strings.Repeat(fmt.Sprintf("第%d行，", i), 5000))
	}
	check("after the first write")
	add(strings.Repeat("大", storeBuffer)) // larger than the buffer: written at once
	add("尾")
	check("after a record larger than the buffer")
	for i, f := range spilled {
		if ds := f.load(); !reflect.DeepEqual(ds, findings) {
			t.Fatalf("findings %d read back as %+v", i, ds)
		}
	}
	if err := store.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestTextStoreWriteFails: when the store can no longer write, the text
// at hand stays in memory and those already taken still read back.
func TestTextStoreWriteFails(t *testing.T) {
	store, err := NewTextStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	early := store.put(grammar.NewSource("a.txt", "甲市𠮷"))
	store.file.Close() // the next write to the file fails
	big := strings.Repeat("乙", storeBuffer/3+1)
	late := store.put(grammar.NewSource("b.txt", big))
	if store.Err() == nil {
		t.Fatal("no error after a failed write")
	}
	if late.store != nil || late.src == nil || late.src.Text != big {
		t.Errorf("the text that could not be written is not kept in memory: %+v", late.store)
	}
	if got, ok := early.text(); !ok || got != "甲市𠮷" {
		t.Errorf("a text taken before the failure reads back as %q, %v", got, ok)
	}
}

// normalizeBodySlowly is NormalizeBody without its path for names of
// common ideographs, the reference that path must agree with.
func normalizeBodySlowly(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Every ideograph of U+4E00–U+9FFF alone and in a name, the characters
// just outside the block (Yijing hexagrams U+4DC0–U+4DFF are symbols;
// U+F900 is a compatibility ideograph NFKC changes), and mixed names
// normalize as NFKC and the filter make them.
func TestNormalizeBodyOfIdeographsAsNFKC(t *testing.T) {
	var names []string
	for r := rune(0x4DB0); r <= 0xA010; r++ {
		names = append(names, string(r), "平潭"+string(r)+"局")
	}
	names = append(names, "平潭综合实验区交通与建设局", "甲市\u3000交通运输局", "豈市局", "ＡＢ市・局", "𠀀市局", "市局\xff", "", "甲市（交通）运输局")
	for _, s := range names {
		if got, want := NormalizeBody(s), normalizeBodySlowly(s); got != want {
			t.Errorf("NormalizeBody(%q) = %q, want %q", s, got, want)
		}
	}
}

// readStatsAsBefore is readStats as it was, a Stat and two copies a value:
// the reference the one-allocation version must agree with.
func readStatsAsBefore(rep *grammar.Report) Stats {
	out := Stats{}
	for _, d := range StatDefs {
		if c := cellAt(rep, d.Cell); c != nil {
			if v, ok := c.Number(); ok {
				out[d.Key] = &Stat{Value: v, Text: strings.Clone(c.Text), Span: c.Span, Doubt: strings.Clone(c.Doubt)}
			}
		}
	}
	return out
}

// The key statistics of the real reports (a placement in doubt among
// them) and of the test reports are read as before, and hold no part of
// the report's text.
func TestReadStatsAsBefore(t *testing.T) {
	files := testshared.Seeds(t)
	for _, glob := range []string{"corpus/*.txt", "corpus/*.md", "corpus/pingtan-dept/*.txt"} {
		m, _ := filepath.Glob(filepath.Join(testshared.Dir(t), glob))
		files = append(files, m...)
	}
	m, _ := filepath.Glob("../../testdata/examples/*.txt")
	files = append(files, m...)
	doubts, values := 0, 0
	for _, f := range files {
		rep, err := input.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, want := readStats(rep), readStatsAsBefore(rep)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: readStats\n%v\nwant\n%v", f, got, want)
		}
		text := rep.Source.Text
		for _, s := range got {
			values++
			if s.Doubt != "" {
				doubts++
			}
			for _, piece := range []string{s.Text, s.Doubt} {
				if sliceOf(piece, text) {
					t.Fatalf("%s: %q is a slice of the report's text, not a copy", f, piece)
				}
			}
		}
	}
	if values < 100 || doubts == 0 {
		t.Fatalf("%d values, %d in doubt: the reports test too little", values, doubts)
	}
}

// sliceOf tells whether piece (not empty) lies in text's memory.
func sliceOf(piece, text string) bool {
	p, start := uintptr(unsafe.Pointer(unsafe.StringData(piece))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
	return len(piece) > 0 && p >= start && p < start+uintptr(len(text))
}

// TestSourceThroughAsWhole: a text read back through the line of an
// offset gives every span ending by that offset the line, columns (in
// characters and UTF-16), page and line text of the whole text, reads less
// than the whole when the line ends near, and the whole when it does not.
func TestSourceThroughAsWhole(t *testing.T) {
	store, err := NewTextStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var b strings.Builder
	rng := rand.New(rand.NewPCG(7, 11))
	pieces := []string{"甲", "𠀀", "a", "\r\n", "\n", "\n\n", "，", "\xff", "2023", "\t"}
	// CRLF lines first: their part has CRLF line ends, the whole does not
	b.WriteString(strings.Repeat("甲乙\r\n", 400))
	for b.Len() < 20000 {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	b.WriteString(strings.Repeat("长", 2000)) // a last line longer than lineReach
	text := b.String()
	src := grammar.NewSource("r.txt", text)
	src.PageStarts = []int{5000, 12000}
	kept := store.put(src)
	if kept.store != store {
		t.Fatal("text kept in memory")
	}
	whole := kept.source()
	for n := 0; n < 300; n++ {
		off := rng.IntN(len(text) + 1)
		part := kept.sourceThrough(off)
		if part == nil {
			t.Fatalf("offset %d: nothing read back", off)
		}
		switch {
		case strings.IndexByte(text[off:], '\n') >= 0 && strings.IndexByte(text[off:], '\n') < lineReach:
			if len(part.Text) >= len(text) {
				t.Fatalf("offset %d: the whole text was read back", off)
			}
		case len(part.Text) != len(text):
			t.Fatalf("offset %d, line end past reach: %d of %d bytes read back", off, len(part.Text), len(text))
		}
		if part.CRLF != whole.CRLF || part.ValidUTF8 != whole.ValidUTF8 {
			t.Fatalf("offset %d: CRLF %v, ValidUTF8 %v; whole %v, %v", off, part.CRLF, part.ValidUTF8, whole.CRLF, whole.ValidUTF8)
		}
		for _, at := range []int{off, off / 2, max(0, off-1), rng.IntN(off + 1)} {
			l := whole.Line(at)
			if part.CharPos(at) != whole.CharPos(at) || part.UTF16Pos(at) != whole.UTF16Pos(at) || part.Page(at) != whole.Page(at) ||
				part.Line(at) != l || part.LineStart(l) != whole.LineStart(l) || part.LineEnd(l) != whole.LineEnd(l) {
				t.Fatalf("offset %d read through %d: char %v / %v, utf16 %v / %v, page %d / %d, line %d [%d,%d) / %d [%d,%d)", at, off,
					part.CharPos(at), whole.CharPos(at), part.UTF16Pos(at), whole.UTF16Pos(at), part.Page(at), whole.Page(at),
					part.Line(at), part.LineStart(part.Line(at)), part.LineEnd(part.Line(at)), l, whole.LineStart(l), whole.LineEnd(l))
			}
		}
	}
	if err := store.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestSourceThroughHead: a text whose head is kept in memory (keepHead)
// reads back through an offset exactly what the file gives, and keeps no
// head past headLimit.
func TestSourceThroughHead(t *testing.T) {
	store, err := NewTextStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	rng := rand.New(rand.NewPCG(3, 5))
	pieces := []string{"甲", "𠀀", "a", "\r\n", "\n", "，", "\xff", "2023"}
	var b strings.Builder
	for b.Len() < 12000 {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	text := b.String()
	src := grammar.NewSource("r.txt", text)
	src.PageStarts = []int{300, 6000}
	for _, through := range []int{0, 1, strings.IndexByte(text, '\n'), 500, 2000, headLimit - 30, headLimit - 3, headLimit + 10, 9000} {
		kept, plain := store.put(src), store.put(src)
		kept.keepHead(text, through)
		if i := strings.IndexByte(text[through:], '\n'); i < 0 || through+i+1 > headLimit {
			if kept.head != "" {
				t.Fatalf("through %d: a head of %d bytes kept", through, len(kept.head))
			}
			continue
		}
		if kept.head == "" || !strings.HasPrefix(text, kept.head) || !strings.HasSuffix(kept.head, "\n") || len(kept.head) <= through {
			t.Fatalf("through %d: head %q", through, kept.head)
		}
		for off := 0; off <= len(text); off += 1 + rng.IntN(40) {
			got, want := kept.sourceThrough(off), plain.sourceThrough(off)
			if got.Text != want.Text || got.CRLF != want.CRLF || got.ValidUTF8 != want.ValidUTF8 || !slices.Equal(got.PageStarts, want.PageStarts) {
				t.Fatalf("through %d, offset %d: %d bytes (CRLF %v), the file gives %d (CRLF %v)", through, off, len(got.Text), got.CRLF, len(want.Text), want.CRLF)
			}
		}
	}
}

// TestProseTextReused: the cross-year checks cut each report's prose from
// its text read back into a reused buffer (textReused); cut in turn, and
// again, the reports give the segments of their texts held in memory.
func TestProseTextReused(t *testing.T) {
	dir := testshared.Dir(t)
	paths, _ := filepath.Glob(filepath.Join(dir, "corpus", "pingtan-dept", "*.txt"))
	if len(paths) < 4 {
		t.Fatalf("%d reports", len(paths))
	}
	store, err := NewTextStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var stored, held []*Report
	for _, p := range paths[:4] {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res := lint.Check(lint.FromBytes(p, raw), lint.DefaultConfig(), lint.CheckOptions{})
		stored = append(stored, SummarizeForYears(res, store))
		held = append(held, SummarizeForYears(res, nil))
	}
	for _, i := range []int{0, 1, 2, 3, 0, 2, 1, 3} {
		got, want := rules.SegmentProse(stored[i].yearReport()), rules.SegmentProse(held[i].yearReport())
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the segments of the text read back differ", paths[i])
		}
	}
	if err := store.Err(); err != nil {
		t.Fatal(err)
	}
}
