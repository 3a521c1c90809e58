package lint_test

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// benchNow fixes "today" so that date rules do the same work on every run.
var benchNow = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// decodedSeeds are the five seed reports decoded, and their size in bytes.
func decodedSeeds(b *testing.B) ([]*grammar.Source, int) {
	paths := testshared.Seeds(b)
	srcs := make([]*grammar.Source, len(paths))
	size := 0
	for i, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if srcs[i], err = input.Decode(p, raw); err != nil {
			b.Fatal(err)
		}
		size += len(raw)
	}
	return srcs, size
}

// BenchmarkLintSeeds measures parse + every rule on the five seed reports
// (one op = all five), what the language server does after an edit.
func BenchmarkLintSeeds(b *testing.B) {
	srcs, size := decodedSeeds(b)
	opts := &lint.Options{Now: benchNow}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	defer cpuTime(b)()
	for b.Loop() {
		for _, src := range srcs {
			lint.Run(grammar.Parse(src), nil, opts)
		}
	}
}

// BenchmarkRulesSeeds measures every rule on the five seed reports parsed
// once beforehand (one op = all five): the rules' share of a batch run.
func BenchmarkRulesSeeds(b *testing.B) {
	srcs, size := decodedSeeds(b)
	reps := make([]*grammar.Report, len(srcs))
	for i, src := range srcs {
		reps[i] = grammar.Parse(src)
	}
	opts := &lint.Options{Now: benchNow}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	defer cpuTime(b)()
	for b.Loop() {
		for _, rep := range reps {
			lint.Run(rep, nil, opts)
		}
	}
}

// generatedReport builds a report of about n bytes in the 2021 format: the
// title and opening, the 总体情况 prose repeated with changing numbers (what
// the narrative and writing rules read), the three tables filled in, 五 and
// 六 with prose of their own, and the closing. The prose carries the things
// rules look for: figures that agree or disagree with the tables, percentages,
// completion claims, dates, half-width punctuation, doubled words.
func generatedReport(n int) string {
	var b strings.Builder
	b.Grow(n + 8<<10)
	b.WriteString("临江县自然资源局2024年政府信息公开工作年度报告\n\n")
	b.WriteString("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》" +
		"（国办公开办函〔2021〕30号）要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、" +
		"行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告中所列数据的统计期限为2024年1月1日至2024年12月31日。\n\n")
	tables := tablesText()
	five := "五、存在的主要问题及改进情况\n\n"
	tail := "2024年，我局政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容不够全面，部分栏目更新不及时；二是解读形式较为单一。\n\n" +
		"2025年，我局将进一步加强政府信息公开工作：一是完善制度，规范发布流程；二是丰富解读形式，提升解读质量。\n\n" +
		"六、其他需要报告的事项\n\n本年度未收取信息处理费。2024年度未发生政府信息公开工作责任追究情况。\n\n" +
		"临江县自然资源局\n2025年1月20日\n"
	aspects := []string{"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"}
	b.WriteString("一、总体情况\n\n")
	budget := n - len(tables) - len(tail) - b.Len()
	for i := 0; b.Len() < budget/2; i++ {
		if i%8 == 0 && i/8 < len(aspects) {
			fmt.Fprintf(&b, "（%s）%s\n\n", grammar.CNNumeral(i/8+1), aspects[i/8])
		}
		fmt.Fprintf(&b, "2024年，我局通过门户网站主动公开政府信息%d条，其中机构职能类信息%d条，政策文件类信息%d条，"+
			"规划计划类信息%d条（占%d%%），及时回应社会关切，主任信箱办结%d件，办结率100%%。"+
			"全年共收到政府信息公开申请12件，上年结转申请1件，均已在法定期限内答复。\n\n",
			300+i, 20+i%7, 12+i%5, 8+i%3, 10+i%40, 5+i%9)
		// a defect now and then, as in a draft: half-width punctuation, a
		// doubled word, figures that disagree with table 四
		comma, open, close, de, cases := "，", "（", "）", "的", 0
		if i%5 == 4 {
			comma, open, close = ",", "(", ")"
		}
		if i%7 == 6 {
			de = "的的"
		}
		if i%11 == 10 {
			cases = 1
		}
		fmt.Fprintf(&b, "严格落实政府信息公开审查制度%s明确审核发布流程%s第%d批%s，组织开展业务培训%d次、参训人员%d人次，"+
			"于2024年%d月%d日前完成政务公开专栏%s栏目调整，行政复议%d件、行政诉讼0件。\n\n",
			comma, open, i%10+1, close, 2+i%4, 30+i, i%12+1, i%28+1, de, cases)
	}
	b.WriteString("二、主动公开政府信息情况\n\n")
	b.WriteString(tables)
	b.WriteString(five)
	ordinals := []string{"一是", "二是", "三是", "四是", "五是"}
	for i := 0; b.Len() < n-len(tail); i++ {
		fmt.Fprintf(&b, "%s政府信息公开工作人员业务能力有待提升，第%d季度培训%d次，"+
			"下一步将按照2025年政务公开工作要点，于2025年%d月底前完成%d项整改任务，整改完成率达到%d%%。\n",
			ordinals[i%5], i%4+1, 1+i%3, i%12+1, 3+i%6, 60+i%40)
		if i%5 == 4 {
			b.WriteString("\n")
		}
	}
	b.WriteString(tail)
	return b.String()
}

// tablesText is tables 二, 三 and 四 of the template with balanced numbers
// (the application table: 12 received + 1 carried over = 11 handled + 2
// carried forward) and headings 三 and 四 between them.
func tablesText() string {
	blank, err := report.BlankReport(2024, "临江县自然资源局", "txt")
	if err != nil {
		panic(err)
	}
	start := strings.Index(blank, "第二十条第（一）项")
	end := strings.Index(blank, "五、存在的主要问题及改进情况")
	t := blank[start:end]
	row := func(label string, vals string) {
		i := strings.Index(t, label)
		if i < 0 {
			panic("no row " + label)
		}
		j := i + strings.Index(t[i:], "\n")
		line := t[i:j]
		k := strings.LastIndex(line, "\t0\t0\t0\t0\t0\t0\t0")
		t = t[:i] + line[:k] + vals + t[j:]
	}
	row("一、本年新收政府信息公开申请数量", "\t10\t2\t0\t0\t0\t0\t12")
	row("二、上年结转政府信息公开申请数量", "\t1\t0\t0\t0\t0\t0\t1")
	row("（一）予以公开", "\t6\t1\t0\t0\t0\t0\t7")
	row("1.本机关不掌握相关政府信息", "\t3\t1\t0\t0\t0\t0\t4")
	row("（七）总计", "\t9\t2\t0\t0\t0\t0\t11")
	row("四、结转下年度继续办理", "\t2\t0\t0\t0\t0\t0\t2")
	return t
}

// families runs each rule family on its own, then all rules together.
var benchFamilies = []lint.Family{lint.FamilyStructure, lint.FamilyTables, lint.FamilyArithmetic,
	lint.FamilyDates, lint.FamilyNarrative, lint.FamilyWriting}

func familyRules(f lint.Family) []*lint.Rule {
	var out []*lint.Rule
	for _, r := range lint.Rules() {
		if r.Family == f {
			out = append(out, r)
		}
	}
	return out
}

func benchmarkLintSize(b *testing.B, size int) {
	text := generatedReport(size)
	src := grammar.NewSource("report.txt", text)
	opts := &lint.Options{Now: benchNow}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		defer cpuTime(b)()
		for b.Loop() {
			grammar.Parse(src)
		}
	})
	rep := grammar.Parse(src)
	for _, f := range benchFamilies {
		rules := familyRules(f)
		b.Run(string(f), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			defer cpuTime(b)()
			for b.Loop() {
				lint.Run(rep, rules, opts)
			}
		})
	}
	b.Run("rules", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		defer cpuTime(b)()
		for b.Loop() {
			lint.Run(rep, nil, opts)
		}
	})
	b.Run("all", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		defer cpuTime(b)()
		for b.Loop() {
			lint.Run(grammar.Parse(src), nil, opts)
		}
	})
}

// BenchmarkLint100KB is the language server's budget case: parse and lint a
// 100 KB report; the sub-benchmarks split the time by rule family.
func BenchmarkLint100KB(b *testing.B) { benchmarkLintSize(b, 100<<10) }

// BenchmarkLint1MB shows the scaling: MB/s should match the 100 KB case.
func BenchmarkLint1MB(b *testing.B) { benchmarkLintSize(b, 1<<20) }

// cpuTime reports the process's CPU time per op beside the wall time: on a
// shared machine wall time grows with the load, CPU time much less.
func cpuTime(b *testing.B) func() {
	start := processCPU()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// The rules allocate in proportion to the text: per kilobyte, a 1 MB report
// costs no more allocations than a 100 KB one (allowing 20% for the
// per-report constant share moving the other way). A rule that rescans the
// text per paragraph or per finding would break the ratio. Allocations, not
// time, so the test means the same on a loaded machine.
func TestLintAllocationsLinear(t *testing.T) {
	opts := &lint.Options{Now: benchNow}
	perKB := func(size int) float64 {
		text := generatedReport(size)
		rep := grammar.Parse(grammar.NewSource("report.txt", text))
		return testing.AllocsPerRun(2, func() { lint.Run(rep, nil, opts) }) / float64(len(text)>>10)
	}
	small, big := perKB(100<<10), perKB(1<<20)
	if big > 1.2*small {
		t.Errorf("allocations per KB: %.1f at 1 MB, %.1f at 100 KB", big, small)
	}
	t.Logf("allocations per KB: %.1f at 100 KB, %.1f at 1 MB", small, big)
}
