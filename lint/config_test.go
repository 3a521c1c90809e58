package lint_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/lint"
)

const fullConfig = `# gdlint configuration
deadline = "local:02-20"

[rules]
select = ["GD-A", "GD-W", "GD-X"]
ignore = ["GD-W002"]

[severity]
"GD-W" = "info"
"GD-W003" = "error"

[per-file-ignores]
"archive/**/*.txt" = ["GD-A"]
"*.md" = ["writing"]

[[ignore]]
rule = "GD-W005"
text = "关注关 切"

[[ignore]]
rule = "GD-A001"
text = "总计"
path = "2024/*.txt"
`

func TestParseConfig(t *testing.T) {
	c, err := lint.ParseConfig("/proj/.gdlint.toml", []byte(fullConfig))
	if err != nil {
		t.Fatal(err)
	}
	if c.Deadline != "local:02-20" {
		t.Errorf("deadline %q", c.Deadline)
	}
	if len(c.Ignores) != 2 || c.Ignores[0].Rule != "GD-W005" || c.Ignores[0].Text != "关注关 切" || c.Ignores[0].Line != 16 ||
		c.Ignores[1].Path != "2024/*.txt" || c.Ignores[1].Line != 20 {
		t.Errorf("[[ignore]] entries: %+v %+v", c.Ignores[0], c.Ignores[1])
	}
	if len(c.PerFileIgnores) != 2 || c.PerFileIgnores[0].Glob != "archive/**/*.txt" || c.PerFileIgnores[1].Line != 14 {
		t.Errorf("per-file-ignores in file order: %+v", c.PerFileIgnores)
	}

	ids := func(path string) string {
		var s []string
		for _, r := range c.RulesFor(path) {
			s = append(s, r.ID)
		}
		return strings.Join(s, " ")
	}
	got := ids("/proj/2024/a.txt")
	for _, want := range []string{"GD-A001", "GD-W003", "GD-X001"} {
		if !strings.Contains(got, want) {
			t.Errorf("rules for a.txt lack %s: %s", want, got)
		}
	}
	for _, not := range []string{"GD-W002", "GD-T001"} {
		if strings.Contains(got, not) {
			t.Errorf("rules for a.txt include %s: %s", not, got)
		}
	}
	if got := ids("/proj/archive/2019/x.txt"); strings.Contains(got, "GD-A") || !strings.Contains(got, "GD-W003") {
		t.Errorf("per-file-ignores archive/**: %s", got)
	}
	// a glob without a slash matches the base name anywhere; family names work
	if got := ids("/proj/deep/dir/r.md"); strings.Contains(got, "GD-W") || !strings.Contains(got, "GD-A001") {
		t.Errorf("per-file-ignores *.md: %s", got)
	}

	if s := c.SeverityOf(lint.RuleByID("GD-W003")); s != lint.Error {
		t.Errorf("GD-W003: the exact ID wins over the prefix, got %s", s)
	}
	if s := c.SeverityOf(lint.RuleByID("GD-W004")); s != lint.Info {
		t.Errorf("GD-W004: prefix GD-W gives info, got %s", s)
	}
	if s := c.SeverityOf(lint.RuleByID("GD-A001")); s != lint.RuleByID("GD-A001").Severity {
		t.Errorf("GD-A001 keeps its default, got %s", s)
	}
	o := c.Options(nil)
	if o.Deadline != "local:02-20" || o.Severity["GD-W004"] != lint.Info || o.Severity["GD-W003"] != lint.Error {
		t.Errorf("options: %+v", o)
	}
	if _, ok := o.Severity["GD-A001"]; ok {
		t.Errorf("options override a rule the config does not name")
	}
	// the command line's --deadline wins, and "auto" means detect
	if o := c.Options(&lint.Options{Deadline: "auto"}); o.Deadline != "" {
		t.Errorf("--deadline auto over a config deadline gives %q", o.Deadline)
	}
}

func TestConfigSelectIgnoreSpecificity(t *testing.T) {
	c := &lint.Config{Select: []string{"GD-W003"}, Ignore: []string{"GD-W"}}
	rules := c.RulesFor("a.txt")
	if len(rules) != 1 || rules[0].ID != "GD-W003" {
		t.Errorf("select GD-W003 + ignore GD-W: the exact ID wins, got %v", rules)
	}
	c = &lint.Config{Ignore: []string{"ALL"}}
	if n := len(c.RulesFor("a.txt")); n != 0 {
		t.Errorf("ignore ALL leaves %d rules", n)
	}
	if n := len(lint.DefaultConfig().RulesFor("a.txt")); n != len(lint.Rules()) {
		t.Errorf("defaults select %d of %d rules", n, len(lint.Rules()))
	}
}

// AppliesTo answers for one rule what RulesFor lists: under select,
// ignore, their specificity and per-file ignores, for every rule and path.
func TestAppliesToAsRulesFor(t *testing.T) {
	full, err := lint.ParseConfig("/proj/.gdlint.toml", []byte(fullConfig))
	if err != nil {
		t.Fatal(err)
	}
	configs := []*lint.Config{full, lint.DefaultConfig(), {Select: []string{"GD-W003"}, Ignore: []string{"GD-W"}},
		{Ignore: []string{"ALL"}}, {Ignore: []string{"GD"}}, {Select: []string{"GD-Y"}}}
	paths := []string{"/proj/2024/a.txt", "/proj/archive/2019/x.txt", "/proj/deep/dir/r.md", "a.txt"}
	for i, c := range configs {
		for _, path := range paths {
			listed := map[*lint.Rule]bool{}
			for _, r := range c.RulesFor(path) {
				listed[r] = true
			}
			for _, r := range lint.Rules() {
				if got := c.AppliesTo(r, path); got != listed[r] {
					t.Errorf("config %d, %s: AppliesTo(%s) = %v, RulesFor lists it: %v", i, path, r.ID, got, listed[r])
				}
			}
		}
	}
}

func TestConfigErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name, toml string
		line       int
		want       string
	}{
		{"unknown top-level key", "deadline = \"auto\"\n\nselct = [\"GD-A\"]\n", 3, `unknown key "selct"`},
		{"unknown key in [rules]", "[rules]\nselect = [\"GD-A\"]\nignroe = []\n", 3, `unknown key "rules.ignroe"`},
		{"unknown key in [[ignore]]", "[[ignore]]\nrule = \"GD-W003\"\ntext = \"的的\"\n\n[[ignore]]\nrule = \"GD-W003\"\ntxt = \"x\"\n", 7, `unknown key "ignore.txt"`},
		{"unknown rule in select", "[rules]\nselect = [\n  \"GD-A\",\n  \"GD-Q999\",\n]\n", 4, `unknown rule "GD-Q999"`},
		{"unknown rule ID", "[rules]\nignore = [\"GD-A999\"]\n", 2, `unknown rule "GD-A999"`},
		{"unknown family", "[rules]\nignore = [\"grammar\"]\n", 2, `unknown rule, prefix or family "grammar"`},
		{"bad severity", "[severity]\n\"GD-W\" = \"fatal\"\n", 2, `unknown severity "fatal"`},
		{"bad deadline", "# profile\ndeadline = \"county\"\n", 2, `unknown deadline "county"`},
		{"impossible local date", "deadline = \"local:02-30\"\n", 1, `no such date`},
		{"wrong type", "[rules]\nselect = \"GD-A\"\n", 2, "cannot decode TOML string into"},
		{"syntax error", "[rules\nselect = []\n", 1, ""},
		{"[[ignore]] without text", "[[ignore]]\nrule = \"GD-W003\"\n", 1, "needs text"},
		{"[[ignore]] without rule", "\n[[ignore]]\ntext = \"x\"\n", 2, "needs rule"},
		{"bad glob", "[per-file-ignores]\n\"a/[b\" = [\"GD-A\"]\n", 2, "bad glob"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lint.ParseConfig("x/.gdlint.toml", []byte(tc.toml))
			var ce *lint.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a ConfigError", err)
			}
			if ce.Line != tc.line || !strings.Contains(ce.Msg, tc.want) || ce.Path != "x/.gdlint.toml" {
				t.Errorf("got %q (line %d), want line %d and %q", err, ce.Line, tc.line, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "x/.gdlint.toml:") {
				t.Errorf("error does not start with file:line: %q", err)
			}
		})
	}
}

func TestParseDeadline(t *testing.T) {
	for in, want := range map[string]string{"auto": "", "": "", "department": "department", "government": "government", "local:02-20": "local:02-20", "local:02-29": "local:02-29", "local": "local"} {
		got, err := lint.ParseDeadline(in)
		if err != nil || got != want {
			t.Errorf("ParseDeadline(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"local:2-20", "local:13-01", "local:04-31", "township"} {
		if _, err := lint.ParseDeadline(bad); err == nil {
			t.Errorf("ParseDeadline(%q) accepted", bad)
		}
	}
}

func TestFindConfigUpward(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "a", lint.ConfigFileName), []byte("deadline = \"government\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := lint.FindConfig(deep); got != filepath.Join(root, "a", lint.ConfigFileName) {
		t.Errorf("FindConfig = %q", got)
	}
	var cr lint.ConfigResolver
	c1, err := cr.For(filepath.Join(deep, "r.txt"))
	if err != nil || c1.Deadline != "government" {
		t.Fatalf("resolver: %v %+v", err, c1)
	}
	c2, _ := cr.For(filepath.Join(root, "a", "r.txt"))
	if c1 != c2 {
		t.Errorf("one config file gives one *Config")
	}
	if c, _ := cr.For(filepath.Join(root, "r.txt")); c.Path != "" {
		t.Errorf("above the config: got %q, want defaults", c.Path)
	}
	if len(cr.Configs()) != 1 {
		t.Errorf("Configs() = %d", len(cr.Configs()))
	}
	// a broken config is an error for every file under it
	os.WriteFile(filepath.Join(deep, lint.ConfigFileName), []byte("bogus = 1\n"), 0o644)
	var cr2 lint.ConfigResolver
	if _, err := cr2.For(filepath.Join(deep, "r.txt")); err == nil || !strings.Contains(err.Error(), ":1:") {
		t.Errorf("broken config: %v", err)
	}
}
