package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Synthetic crawler-text reports of the classes of issue 8 (real web and
// crawler text), one shape each, in testdata/crawler. Each case names the
// findings that must be there ("RULE text": a finding of RULE whose message
// holds text) and the ones that must not (the false findings main gave).
var crawlerCases = []struct {
	file        string
	want, avoid []string
}{
	{"c00-glued-one-split.txt",
		[]string{
			// 4000000 splits one way only: 自然人 4, 总计 0
			"GD-A001 “一、本年新收政府信息公开申请数量”行的总计 0 ≠ 各申请人之和 自然人 4",
			// 30000102 splits two ways, neither balances; the total 2 is in both
			"GD-T002 2种拆分方式中没有一种满足本行合计关系",
			"GD-A002 “（七）总计”的“总计” 4 ≠ 各办理结果之和 （一）予以公开 1 + 1.本机关不掌握相关政府信息 2",
		},
		[]string{"GD-T002 “一、本年新收政府信息公开申请数量”"}},
}

func TestCrawlerClasses(t *testing.T) {
	for _, c := range crawlerCases {
		t.Run(strings.TrimSuffix(c.file, ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "testdata", "crawler", c.file))
			if err != nil {
				t.Fatal(err)
			}
			rep := grammar.Parse(grammar.NewSource(c.file, string(data)))
			diags := lint.Run(rep, nil, &lint.Options{Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)})
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%s %s", d.Rule, d.Message))
			}
			has := func(pat string) bool {
				rule, text, _ := strings.Cut(pat, " ")
				for _, g := range got {
					if strings.HasPrefix(g, rule+" ") && strings.Contains(g, text) {
						return true
					}
				}
				return false
			}
			for _, w := range c.want {
				if !has(w) {
					t.Errorf("missing finding %q", w)
				}
			}
			for _, a := range c.avoid {
				if has(a) {
					t.Errorf("false finding %q", a)
				}
			}
			if t.Failed() {
				t.Logf("findings:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}
