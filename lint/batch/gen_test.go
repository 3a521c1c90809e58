package batch

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"text/template"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// spec describes one generated report (testdata/batch/report.txt.tmpl): a
// clean 2021-format report in the tab layout, with the numbers that the
// cross-year checks read.
type spec struct {
	Body                      string
	Year                      int
	New, Carried, Public      int // Public is （七）总计
	Issued, Repealed, InForce int
	Seed                      uint64   // picks the prose
	Prose                     []string // overrides Seed
	GB18030                   bool
}

func (s spec) Next() int { return s.Year + 1 }

// CarryOver keeps the table's own balance: 一 + 二 = （七） + 四.
func (s spec) CarryOver() int { return s.New + s.Carried - s.Public }

var reportTemplate = template.Must(template.ParseFiles("../../testdata/batch/report.txt.tmpl"))

var (
	proseSubjects = []string{"本机关", "办公室", "各业务科室", "政务公开工作领导小组", "门户网站编辑部", "信息公开专栏", "法制审核部门", "新闻发言人", "政务服务中心", "档案室", "督查室", "信息中心"}
	proseActions  = []string{"严格落实", "持续完善", "认真梳理", "全面推进", "及时更新", "细化规范", "统筹协调", "深入开展", "着力加强", "逐步健全", "系统整理", "定期检查"}
	proseObjects  = []string{"主动公开目录", "依申请公开办理流程", "公开属性审查机制", "政策解读和回应关切", "重点领域信息发布", "政府信息管理台账", "网站栏目内容保障", "政务新媒体账号管理", "考核评议和责任追究", "业务培训和工作指导", "历史文件清理工作", "公开指南更新工作"}
	proseEffects  = []string{"群众获取信息更加便捷", "公开质量明显提高", "办理时限进一步压缩", "信息发布更加规范", "解读材料更加通俗", "社会关切得到及时回应", "工作责任层层压实", "基础数据更加准确"}
	aspects       = []string{"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"}
)

// prose writes the 总体情况 part: five sub-headings, each with a paragraph
// of three sentences drawn by seed.
func prose(seed uint64) []string {
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

func render(t testing.TB, s spec) []byte {
	t.Helper()
	if s.Prose == nil {
		s.Prose = prose(s.Seed)
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

func write(t testing.TB, dir, name string, data []byte) string {
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
