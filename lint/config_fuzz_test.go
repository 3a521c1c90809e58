package lint_test

import (
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// FuzzParseConfig: any bytes given as a config file are read or refused
// with an error, never a panic; a config that is read selects rules for a
// path and checks a report without panicking.
//
//	go test ./lint -run '^$' -fuzz FuzzParseConfig -fuzztime 10m
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(fullConfig))
	f.Add([]byte("[rules]\nselect = [\"GD-A\"]\nignore = [\"GD-A001\"]\n"))
	f.Add([]byte("[severity]\n\"GD-W\" = \"error\"\n[per-file-ignores]\n\"*.md\" = [\"GD-W\"]\n"))
	f.Add([]byte("deadline = 3\n[[ignore]]\nrule = 1\n"))
	f.Add([]byte("\xff\xfe[\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := lint.ParseConfig("proj/.gdlint.toml", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without words")
			}
			return
		}
		c.RulesFor("proj/2024/report.txt")
		rep := grammar.Parse(grammar.NewSource("proj/2024/report.txt", "一、总体情况\n本机关的的工作。\n"))
		c.Check(rep, nil)
		c.UnusedIgnores(rep.Source)
	})
}
