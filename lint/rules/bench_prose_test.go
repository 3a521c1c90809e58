package rules

import (
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// bigReport builds a report whose prose is repeated n times, one paragraph
// per line, or all on one line (a page flattened by a crawler).
func bigReport(n int, oneLine bool) string {
	para := "2024年,全局共收到政府信息公开申请12件，上年结转申请1件，办结12件，结转下一年度继续办理1件，予以公开6件（50%）。" +
		"一是统一的的网站界面；三是审核审核发布机制，关注关 切，各股室(中心)落实。"
	sep := "\n"
	if oneLine {
		sep = " "
	}
	var b strings.Builder
	b.WriteString("临江县自然资源局2024年政府信息公开工作年度报告\n本报告所列数据的统计期限为2024年1月1日至2024年12月31日。\n一、总体情况\n")
	for i := 0; i < n; i++ {
		b.WriteString(para)
		b.WriteString(sep)
	}
	b.WriteString("\n五、存在的主要问题及改进情况\n一是形式单一。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n临江县自然资源局\n2025年1月20日\n")
	return b.String()
}

func benchmarkDCW(b *testing.B, oneLine bool) {
	text := bigReport(10000, oneLine) // about 2 MB
	rep := grammar.Parse(grammar.NewSource("big.txt", text))
	rules := proseRules()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lint.Run(rep, rules, &lint.Options{Now: realNow})
	}
}

func BenchmarkDCWRulesLines(b *testing.B)   { benchmarkDCW(b, false) }
func BenchmarkDCWRulesOneLine(b *testing.B) { benchmarkDCW(b, true) }

// The findings scale with the text: a check that rescans per paragraph would
// still pass here, but one that loses findings on long inputs would not.
func TestBigReportFindingsScale(t *testing.T) {
	for _, oneLine := range []bool{false, true} {
		small := lint.Run(grammar.Parse(grammar.NewSource("s.txt", bigReport(10, oneLine))), proseRules(), &lint.Options{Now: realNow})
		big := lint.Run(grammar.Parse(grammar.NewSource("b.txt", bigReport(100, oneLine))), proseRules(), &lint.Options{Now: realNow})
		count := func(ds []lint.Diagnostic, rule string) int {
			n := 0
			for _, d := range ds {
				if d.Rule == rule {
					n++
				}
			}
			return n
		}
		for _, rule := range []string{"GD-W003", "GD-W004", "GD-W006"} {
			if s, g := count(small, rule), count(big, rule); s == 0 || g != 10*s {
				t.Errorf("oneLine=%v %s: %d findings on 10 paragraphs, %d on 100", oneLine, rule, s, g)
			}
		}
	}
}
