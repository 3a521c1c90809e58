// Package batchtest generates the reports the batch tests run on: clean
// 2021-format reports from testdata/batch/report.txt.tmpl with chosen
// numbers and prose, the directory of reports that lint/batch and
// report/batchreport check, and the zip archives and Word documents that
// the readers' tests open.
package batchtest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"text/template"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Spec describes one generated report (testdata/batch/report.txt.tmpl): a
// clean 2021-format report in the tab layout, with the numbers that the
// cross-year checks read.
type Spec struct {
	Body                      string
	Year                      int
	New, Carried, Public      int // Public is （七）总计
	Issued, Repealed, InForce int
	Seed                      uint64   // picks the prose
	Prose                     []string // overrides Seed
	GB18030                   bool
}

func (s Spec) Next() int { return s.Year + 1 }

// CarryOver keeps the table's own balance: 一 + 二 = （七） + 四.
func (s Spec) CarryOver() int { return s.New + s.Carried - s.Public }

var reportTemplate = template.Must(template.ParseFiles(templatePath()))

// templatePath finds testdata/batch/report.txt.tmpl from this file, so that
// tests in any directory can use the package.
func templatePath() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "batch", "report.txt.tmpl")
}

var (
	proseSubjects = []string{"本机关", "办公室", "各业务科室", "政务公开工作领导小组", "门户网站编辑部", "信息公开专栏", "法制审核部门", "新闻发言人", "政务服务中心", "档案室", "督查室", "信息中心"}
	proseActions  = []string{"严格落实", "持续完善", "认真梳理", "全面推进", "及时更新", "细化规范", "统筹协调", "深入开展", "着力加强", "逐步健全", "系统整理", "定期检查"}
	proseObjects  = []string{"主动公开目录", "依申请公开办理流程", "公开属性审查机制", "政策解读和回应关切", "重点领域信息发布", "政府信息管理台账", "网站栏目内容保障", "政务新媒体账号管理", "考核评议和责任追究", "业务培训和工作指导", "历史文件清理工作", "公开指南更新工作"}
	proseEffects  = []string{"群众获取信息更加便捷", "公开质量明显提高", "办理时限进一步压缩", "信息发布更加规范", "解读材料更加通俗", "社会关切得到及时回应", "工作责任层层压实", "基础数据更加准确"}
	aspects       = []string{"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"}
)

// Prose writes the 总体情况 part: five sub-headings, each with a paragraph
// of three sentences drawn by seed.
func Prose(seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, seed*7+1))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	var out []string
	for i, a := range aspects {
		out = append(out, fmt.Sprintf("（%s）%s", []string{"一", "二", "三", "四", "五"}[i], a))
		p := ""
		for range 3 {
			p += fmt.Sprintf("%s%s%s，全年累计完成%d项，%s。", pick(proseSubjects), pick(proseActions), pick(proseObjects), rng.IntN(300), pick(proseEffects))
		}
		out = append(out, p)
	}
	return out
}

// Render executes the template for s (encoded in GB18030 when s asks).
func Render(t testing.TB, s Spec) []byte {
	t.Helper()
	if s.Prose == nil {
		s.Prose = Prose(s.Seed)
	}
	var b bytes.Buffer
	if err := reportTemplate.Execute(&b, s); err != nil {
		t.Fatal(err)
	}
	if !s.GB18030 {
		return b.Bytes()
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return gb
}

// Write writes data to dir/name, making the directories, and returns the path.
func Write(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The two bodies of WriteTree.
const (
	BodyA = "甲市交通运输局"
	BodyB = "丙县人民政府"
)

// CopiedProse is 甲's 总体情况 of 2023, copied into 2024; its first
// paragraph starts with 𠀀 (outside the BMP) so that character and UTF-16
// columns differ after it.
func CopiedProse() []string {
	p := Prose(2)
	p[1] = "𠀀" + p[1]
	return p
}

// WriteTree writes the batch the tests run on, under dir:
//
//	甲/2022.txt       carry-over 2
//	甲/2023.md        二、上年结转 3 (≠ 2: GD-Y001), 现行有效 50+5−2 = 53 ✓
//	甲/2024-gb.txt    GB18030; 结转 0 = 0 ✓; 现行有效 60 ≠ 53+4−1 (GD-Y002); prose copied from 2023 (GD-Y003)
//	丙/2021.txt, 丙/2023.txt (no 2022: GD-Y005), 丙/copy/2023.txt (GD-Y004)
//	broken.txt (binary), broken.docx (not a zip), empty.md: error entries
//	notes.csv, .git/x.txt: not picked up
func WriteTree(t testing.TB, dir string) {
	Write(t, dir, "甲/2022.txt", Render(t, Spec{Body: BodyA, Year: 2022, New: 10, Public: 8, Issued: 3, InForce: 50, Seed: 1}))
	Write(t, dir, "甲/2023.md", Render(t, Spec{Body: BodyA, Year: 2023, New: 12, Carried: 3, Public: 15, Issued: 5, Repealed: 2, InForce: 53, Prose: CopiedProse()}))
	Write(t, dir, "甲/2024-gb.txt", Render(t, Spec{Body: BodyA, Year: 2024, New: 7, Public: 7, Issued: 4, Repealed: 1, InForce: 60, Prose: CopiedProse(), GB18030: true}))
	Write(t, dir, "丙/2021.txt", Render(t, Spec{Body: BodyB, Year: 2021, New: 3, Public: 3, Issued: 1, InForce: 9, Seed: 21}))
	Write(t, dir, "丙/2023.txt", Render(t, Spec{Body: BodyB, Year: 2023, New: 4, Public: 4, Issued: 1, InForce: 10, Seed: 23}))
	Write(t, dir, "丙/copy/2023.txt", Render(t, Spec{Body: BodyB, Year: 2023, New: 4, Public: 4, Issued: 1, InForce: 10, Seed: 23}))
	Write(t, dir, "broken.txt", []byte("\x00\x01\x02 not a report"))
	Write(t, dir, "broken.docx", []byte("this is not a zip archive"))
	Write(t, dir, "empty.md", nil)
	Write(t, dir, "notes.csv", []byte("a,b\n"))
	Write(t, dir, ".git/x.txt", []byte("ignored"))
}

// Now is the day the tests judge dates by.
var Now = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
