package lint_test

import (
	"os"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// cleanReport is the bundled clean example: it lints clean, so every finding
// in these tests comes from the edit the test makes.
func cleanReport(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/examples/clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// withEdit replaces old (which must occur once) with new.
func withEdit(t testing.TB, text, old, new string) string {
	t.Helper()
	if strings.Count(text, old) != 1 {
		t.Fatalf("%q occurs %d times", old, strings.Count(text, old))
	}
	return strings.Replace(text, old, new, 1)
}

const doubledLine = "完成2015年以来本局规范性文件的全面清理"

// a doubled "的的" (GD-W003) on the line of doubledLine
func doubled(t testing.TB) string {
	return withEdit(t, cleanReport(t), doubledLine, "完成2015年以来本局规范性文件的的全面清理")
}

func check(t testing.TB, c *lint.Config, name, text string) (*grammar.Source, []lint.Diagnostic) {
	t.Helper()
	rep := grammar.Parse(grammar.NewSource(name, text))
	return rep.Source, c.Check(rep, nil)
}

// found lists "line:col RULE" (1-based, code points) of the findings.
func found(src *grammar.Source, ds []lint.Diagnostic) string {
	var s []string
	for _, d := range ds {
		p := src.CharPos(d.Span.Start)
		s = append(s, itoa(p.Line+1)+":"+itoa(p.Col+1)+" "+d.Rule)
	}
	return strings.Join(s, ", ")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func lineOf(text, sub string) int {
	return strings.Count(text[:strings.Index(text, sub)], "\n") + 1
}

func TestBaseline(t *testing.T) {
	src, ds := check(t, lint.DefaultConfig(), "r.txt", cleanReport(t))
	if len(ds) != 0 {
		t.Fatalf("the clean example has findings: %s", found(src, ds))
	}
	text := doubled(t)
	src, ds = check(t, lint.DefaultConfig(), "r.txt", text)
	want := itoa(lineOf(text, "的的")) + ":17 GD-W003"
	if got := found(src, ds); got != want {
		t.Fatalf("doubled word: %s, want %s", got, want)
	}
}

func TestDisableNextLine(t *testing.T) {
	// the comment's own line, then a blank line, then the finding's line
	text := withEdit(t, doubled(t), "完成2015年", "<!-- gdlint-disable-next-line GD-W003 -->\n\n完成2015年")
	src, ds := check(t, lint.DefaultConfig(), "r.txt", text)
	if len(ds) != 0 {
		t.Errorf("suppressed finding still reported: %s", found(src, ds))
	}
	// a prefix and a family name work as well
	for _, sel := range []string{"GD-W", "writing", "gd-w003"} {
		text := withEdit(t, doubled(t), "完成2015年", "<!-- gdlint-disable-next-line "+sel+" -->\n完成2015年")
		if src, ds := check(t, lint.DefaultConfig(), "r.txt", text); len(ds) != 0 {
			t.Errorf("%s: %s", sel, found(src, ds))
		}
	}
}

func TestUnusedCommentIsReportedAndFixed(t *testing.T) {
	text := withEdit(t, doubled(t), "完成2015年", "<!-- gdlint-disable-next-line GD-W004 -->\n完成2015年")
	src, ds := check(t, lint.DefaultConfig(), "r.txt", text)
	cl := lineOf(text, "<!--")
	want := itoa(cl) + ":1 GD-X001, " + itoa(cl+1) + ":17 GD-W003"
	if got := found(src, ds); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if ds[0].Fixes[0].Applicability != lint.Safe {
		t.Errorf("removing an unused suppression is a safe fix")
	}
	c := &lint.Config{Select: []string{"GD-X", "GD-W004"}}
	fixed, n := c.FixText("r.txt", text, nil, false)
	if n != 1 || fixed != doubled(t) {
		t.Errorf("fix did not remove exactly the comment line (%d edits)", n)
	}
	// a comment for a rule that does not run is not judged
	c = &lint.Config{Select: []string{"GD-A", "GD-X"}}
	if src, ds := check(t, c, "r.txt", text); len(ds) != 0 {
		t.Errorf("comment naming a rule that did not run: %s", found(src, ds))
	}
}

func TestDisableLineAndRange(t *testing.T) {
	// at the end of the finding's line
	text := withEdit(t, doubled(t), "全年未发生泄密事件。", "全年未发生泄密事件。<!-- gdlint-disable-line GD-W003 -->")
	if src, ds := check(t, lint.DefaultConfig(), "r.txt", text); len(ds) != 0 {
		t.Errorf("disable-line: %s", found(src, ds))
	}
	// a range: disable … enable covers what is between
	text = withEdit(t, doubled(t), "（三）政府信息管理\n", "（三）政府信息管理\n<!-- gdlint-disable GD-W003 -->\n")
	text = withEdit(t, text, "（四）政府信息公开平台建设", "<!-- gdlint-enable GD-W003 -->\n（四）政府信息公开平台建设")
	if src, ds := check(t, lint.DefaultConfig(), "r.txt", text); len(ds) != 0 {
		t.Errorf("disable range: %s", found(src, ds))
	}
	// the range ends at enable: a finding after it is reported
	text = withEdit(t, doubled(t), "（二）依申请公开", "<!-- gdlint-disable GD-W003 -->\n<!-- gdlint-enable -->\n（二）依申请公开")
	src, ds := check(t, lint.DefaultConfig(), "r.txt", text)
	if got := found(src, ds); !strings.Contains(got, "GD-W003") || !strings.Contains(got, "GD-X001") {
		t.Errorf("closed range: %s", got)
	}
}

func TestMalformedComments(t *testing.T) {
	text := withEdit(t, doubled(t), "完成2015年", "<!-- gdlint-disable-next-line GD-W999 -->\n<!-- gdlint-disable-nextline GD-W003 -->\n完成2015年")
	src, ds := check(t, lint.DefaultConfig(), "r.txt", text)
	cl := lineOf(text, "<!--")
	want := itoa(cl) + ":1 GD-X002, " + itoa(cl+1) + ":1 GD-X002, " + itoa(cl+2) + ":17 GD-W003"
	if got := found(src, ds); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if !strings.Contains(ds[0].Message, "GD-W999") || !strings.Contains(ds[1].Message, "disable-nextline") {
		t.Errorf("messages: %q / %q", ds[0].Message, ds[1].Message)
	}
}

func TestCommentBetweenTableRows(t *testing.T) {
	base := cleanReport(t)
	text := withEdit(t, base, "行政处罚\t58\n", "行政处罚\t58\n<!-- gdlint-disable-next-line GD-A001 -->\n")
	a := grammar.Parse(grammar.NewSource("r.txt", base))
	b := grammar.Parse(grammar.NewSource("r.txt", text))
	for id := 1; id <= 3; id++ {
		ca, cb := a.Table(id).Cells(), b.Table(id).Cells()
		if len(ca) != len(cb) {
			t.Fatalf("table %d: %d cells, %d with the comment", id, len(ca), len(cb))
		}
		for i := range ca {
			if ca[i].Text != cb[i].Text || ca[i].Row.Key != cb[i].Row.Key || ca[i].Col.Key != cb[i].Col.Key {
				t.Errorf("table %d cell %d moved: %+v vs %+v", id, i, ca[i], cb[i])
			}
		}
	}
}

func TestAnchoredIgnore(t *testing.T) {
	cfg := func(body string) *lint.Config {
		c, err := lint.ParseConfig("/p/.gdlint.toml", []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	text := doubled(t)
	// anchored by the quoted text of the finding
	c := cfg("[[ignore]]\nrule = \"GD-W003\"\ntext = \"的的\"\n")
	if src, ds := check(t, c, "/p/r.txt", text); len(ds) != 0 {
		t.Errorf("anchored ignore: %s", found(src, ds))
	}
	if ds := c.UnusedIgnores(grammar.NewSource(c.Path, "")); len(ds) != 0 {
		t.Errorf("a used entry reported as unused")
	}
	// or by text elsewhere on the finding's line
	c = cfg("[[ignore]]\nrule = \"GD-W\"\ntext = \"全面清理\"\n")
	if src, ds := check(t, c, "/p/r.txt", text); len(ds) != 0 {
		t.Errorf("anchored by line text: %s", found(src, ds))
	}
	// the wrong rule or text does not suppress, and is reported on its line
	body := "deadline = \"auto\"\n\n[[ignore]]\nrule = \"GD-W004\"\ntext = \"的的\"\n"
	c = cfg(body)
	if _, ds := check(t, c, "/p/r.txt", text); len(ds) != 1 {
		t.Errorf("wrong rule suppressed the finding")
	}
	csrc := grammar.NewSource(c.Path, body)
	un := c.UnusedIgnores(csrc)
	if got := found(csrc, un); got != "3:1 GD-X001" {
		t.Errorf("unused [[ignore]]: %q", got)
	}
	// an entry for a rule that did not run is not judged
	c = cfg(body)
	c.Select = []string{"GD-A", "GD-X"}
	check(t, c, "/p/r.txt", text)
	if un := c.UnusedIgnores(csrc); len(un) != 0 {
		t.Errorf("entry for a rule that did not run reported: %s", found(csrc, un))
	}
	// an entry for other paths is not applied here, so not judged unused
	c = cfg("[[ignore]]\nrule = \"GD-W003\"\ntext = \"的的\"\npath = \"2023/*.txt\"\n")
	if _, ds := check(t, c, "/p/2024/r.txt", text); len(ds) != 1 {
		t.Errorf("entry for 2023/*.txt applied to 2024/r.txt")
	}
	if ds := c.UnusedIgnores(grammar.NewSource(c.Path, "x\nx\nx\nx\n")); len(ds) != 0 {
		t.Errorf("entry that applied to no file reported as unused")
	}
	if _, ds := check(t, c, "/p/2023/r.txt", text); len(ds) != 0 {
		t.Errorf("entry for 2023/*.txt not applied to 2023/r.txt")
	}
}

func TestSeverityOverrideAppliesToFindings(t *testing.T) {
	c, err := lint.ParseConfig("/p/.gdlint.toml", []byte("[severity]\n\"GD-W003\" = \"error\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, ds := check(t, c, "/p/r.txt", doubled(t))
	if len(ds) != 1 || ds[0].Severity != lint.Error {
		t.Errorf("severity override: %+v", ds)
	}
}

// A config that takes every rule out checks nothing: no rule is left, which
// is not the same as none being chosen (every rule). The doubled 的 and an
// unused suppression comment would each be reported otherwise.
func TestConfigWithEveryRuleOffReportsNothing(t *testing.T) {
	text := withEdit(t, doubled(t), "完成2015年", "<!-- gdlint-disable-next-line GD-W004 -->\n完成2015年")
	if _, ds := check(t, lint.DefaultConfig(), "r.txt", text); len(ds) == 0 {
		t.Fatal("the report has no finding under the default config: the test shows nothing")
	}
	for _, c := range []*lint.Config{
		{Ignore: []string{"ALL"}},
		{Ignore: []string{"GD"}},
		{Select: []string{"GD-W003"}, Ignore: []string{"GD-W003"}},
		{PerFileIgnores: []lint.PerFileIgnore{{Glob: "*.txt", Rules: []string{"GD"}}}},
	} {
		if src, ds := check(t, c, "r.txt", text); len(ds) != 0 {
			t.Errorf("select %v ignore %v per-file %v: %s", c.Select, c.Ignore, c.PerFileIgnores, found(src, ds))
		}
	}
}
