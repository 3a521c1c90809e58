package rules_test

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
			"GD-A001 2种拆分方式中没有一种满足本行合计关系",
			"GD-A002 “（七）总计”的“总计” 4 ≠ 各办理结果之和 （一）予以公开 1 + 1.本机关不掌握相关政府信息 2",
		},
		[]string{"GD-T002 “一、本年新收政府信息公开申请数量”"}},
	// class 14: label variants in table 三 and a misspelt table-二 heading
	{"c14-label-variants.txt",
		[]string{
			"GD-T008 “2.其他法律和行政法规禁止公开”与模板不一致（已知变体）",
			"GD-T008 “1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请”与模板不一致（已知变体）",
			"GD-T008 “先行有效件数”与模板不一致（错字），应为“现行有效件数”",
			"GD-T008 “本年废止件”与模板不一致（错字），应为“本年废止件数”",
		},
		[]string{"GD-T001 ", "GD-T002 ", "GD-T009 "}},
	// class 9: a typo in a table-二 heading in glued text lost the next row
	{"c09-header-typo.txt",
		[]string{"GD-T008 “本年废纸件数”与模板不一致（错字），应为“本年废止件数”"},
		[]string{"GD-T001 ", "GD-T009 "}},
	// class 10: the old single row （六）其他处理 in a 2021-format table
	{"c10-old-other-row.txt",
		[]string{"GD-S008 2024年度报告应采用国办公开办函〔2021〕30号的格式，但“（六）其他处理”是 2019 年试行格式的表格内容"},
		[]string{"GD-T001 ", "GD-T009 ", "GD-A00"}},
	// class 7: variant headings inside a single crawler line
	{"c07-variant-heading.txt",
		[]string{
			"GD-S004 “政府信息公开行政复议与行政诉讼情况”与模板不一致",
			"GD-S004 “存在的主要问题及明年工作计划”与模板不一致（已知变体）",
		},
		[]string{"GD-S001 ", "GD-S009 ", "GD-T009 "}},
	// class 8: a sentence between a part's heading and its table
	{"c08-sentence-before-table.txt", nil, []string{"GD-S009 ", "GD-T009 ", "GD-T001 "}},
	// class 15: the 2019 trial layout of table 二 in a 2021 report, table 三
	// with the 2021 rows; a glued 本年增/减 (12-1356) is not a negative value;
	// class 16: a unit-suffixed label with values (政府集中采购（元） 3个 3443000元)
	{"c15-trial-layout.txt",
		[]string{
			"GD-S008 2021年度报告应采用国办公开办函〔2021〕30号的格式，但“本年新制作数量”是 2019 年试行格式的表格内容",
			"GD-T002 “行政许可”的数字连在一起（12 -1356），有多种拆分方式",
		},
		[]string{"GD-T001 ", "GD-T009 ", "GD-T006 "}},
	// class 16: a row with 6 values for 7 cells says which cell can be the
	// missing one and what goes unchecked
	{"c16-six-values.txt",
		[]string{
			"GD-T002 “一、本年新收政府信息公开申请数量”只有6个数值，模板为7个；只有缺少“总计”时本行合计才可能成立；本行的总计关系和各列的勾稽关系都未核对",
			"GD-T002 “（一）予以公开”只有6个数值，模板为7个，无法确定缺少哪一个，缺少的可能是任何一列；本行的总计关系和各列的勾稽关系都未核对",
		},
		nil},
	// class 1: a breadcrumb above the title is web residue, not the title
	{"c01-breadcrumb.txt",
		[]string{"GD-W002 网页残留“首页 > 信息公开 > 政府信息公开年报”"},
		[]string{"GD-S007 ", "GD-S010 ", "GD-W007 "}},
	// class 6: one cell per line, a lone | is a blank cell
	{"c06-pipe-blank.txt",
		[]string{"GD-T004 表三“2.重复申请”“科研机构”为空白单元格"},
		[]string{"GD-T002 ", "GD-T001 "}},
	// class 5: parts numbered in the old style （一）…（六）
	{"c05-paren-parts.txt",
		[]string{
			"GD-S005 “总体情况”是模板第一部分，序号应为“一、”，实为“（一）”",
			"GD-S005 “其他需要报告的事项”是模板第六部分，序号应为“六、”，实为“（六）”",
		},
		[]string{"GD-S001 ", "GD-T011 ", "GD-T009 ", "GD-W006 "}},
	// class 4: a report in traditional characters is read (matched through a
	// simplified copy), its own text kept in messages
	{"c04-traditional.txt",
		[]string{"GD-W002 网页残留“發佈時間:2025-01-17 來源:青川市生態…”"},
		[]string{"GD-S010 ", "GD-S001 ", "GD-T001 ", "GD-T008 ", "GD-S006 ", "GD-T012 "}},
	// class 2: a statistics-period sentence whose dates do not read
	{"c02-malformed-period.txt",
		[]string{"GD-D001 统计期限的日期无法读取：年份后缺少“年”字（“20301月”应为“2030年1月”）（应为2030年1月1日至2030年12月31日）"},
		[]string{"GD-D001 报告没有说明"}},
	// class 3: no title, no period: the year from the publication date,
	// and the old-format rule fires saying so
	{"c03-year-from-publication.txt",
		[]string{
			"GD-S008 2021年度报告应采用国办公开办函〔2021〕30号的格式，但“本年新制作数量”是 2019 年试行格式的表格内容（报告年度由发布日期推断）",
			"GD-D001 报告没有说明所列数据的统计期限（应为2021年1月1日至2021年12月31日）",
		},
		nil},
	// class 13: variant part headings and an extra part that renumbers the
	// rest: wording and numbering findings, no part "missing"
	{"c13-extra-part.txt",
		[]string{
			"GD-S004 “政府信息公开存在的问题及改进措施”与模板不一致（已知变体）",
			"GD-S004 “需要说明的其他事项与附表”与模板不一致",
			"GD-S005 “其他需要报告的事项”的序号应为“六”（模板第六部分），实为“七”",
		},
		[]string{"GD-S001 ", "GD-T009 "}},
	// class 17: a table whose rows have one cell too many (a trailing
	// column) reads every row by that column; the row that balances only by
	// dropping a non-zero value says so on that value
	{"c17-surplus-column.txt",
		[]string{"GD-T003 “4.保护第三方合法权益”有8个单元格，模板为7个；多出的1个未采用；只有舍去非零的“3”本行合计才成立，它可能是填错的数，请核对"},
		[]string{"GD-T009 "}},
	// class 11: 申请…0条 is a count of applications (unit 条); 未收到申请人补正材料
	// is about an applicant's papers, not "no applications"
	{"c11-request-claims.txt",
		[]string{"GD-C001 正文称收到申请 0 条，表三“一、本年新收政府信息公开申请数量”总计为 2"},
		[]string{"GD-C001 正文称未收到申请", "GD-C001 正文称收到申请 36"}},
	// flattened sub-headings （一）…（五） of which the parser recognises
	// only some: no gap where the skipped labels are in the text; the
	// request aspect named as 答复政府信息公开申请 (pingtan-dept 080, 030)
	{"c18-glued-subheadings.txt", nil, []string{"GD-W006 ", "GD-S006 "}},
}

func TestCrawlerClasses(t *testing.T) {
	for _, c := range crawlerCases {
		t.Run(strings.TrimSuffix(c.file, ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "crawler", c.file))
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

// A real gap in flattened sub-headings is still reported, and the number
// expected is the one after the previous item, not the item's position in a
// list whose first item the parser did not see.
func TestCrawlerSubheadingGap(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "crawler", "c18-glued-subheadings.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "（四）平台建设情况", "平台建设情况", 1)
	if text == string(data) {
		t.Fatal("c18 no longer has （四）平台建设情况")
	}
	rep := grammar.Parse(grammar.NewSource("gap.txt", text))
	var got []string
	for _, d := range lint.Run(rep, nil, &lint.Options{Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}) {
		if d.Rule == "GD-W006" {
			got = append(got, d.Message)
		}
	}
	want := "序号跳号：“（三）”之后是“（五）”，按顺序应为“（四）”"
	if len(got) != 1 || got[0] != want {
		t.Errorf("GD-W006 findings %q, want exactly %q", got, want)
	}
}
