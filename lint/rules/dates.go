package rules

// Helpers of the date rules (GD-D, one file each: gd_d*.go): the statistics period, the report year as the title,
// the period and the text state it, and the publication and signature dates
// against the deadline of 条例 第四十九条.

import (
	"fmt"
	"strings"
	"time"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// DeadlineKind is the publication deadline profile of a reporting body.
type DeadlineKind string

const (
	// DeadlineDepartment: a department of a county-or-higher government,
	// its 办公室 included — 1月31日 (条例 第四十九条第一款).
	DeadlineDepartment DeadlineKind = "department"
	// DeadlineGovernment: a county-or-higher people's government's own
	// report — 3月31日 (第四十九条第二款).
	DeadlineGovernment DeadlineKind = "government"
	// DeadlineLocal: townships, 街道, 管委会: a date set locally.
	DeadlineLocal DeadlineKind = "local"
	// DeadlineUnknown: the body's name did not tell.
	DeadlineUnknown DeadlineKind = "unknown"
)

// Deadline is the profile a report is checked against.
type Deadline struct {
	Kind       DeadlineKind
	Month, Day int    // 0 when there is no date (local without a configured date)
	Body       string // the body name the profile was detected from
	Configured bool   // set by Options.Deadline rather than detected
}

// parseDeadlineProfile reads the Options.Deadline setting (validated by
// ParseDeadline in config.go): "" (detect),
// "department", "government", "local" or "local:MM-DD".
func parseDeadlineProfile(s string) (Deadline, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "auto":
		return Deadline{}, nil
	case string(DeadlineDepartment):
		return Deadline{Kind: DeadlineDepartment, Month: 1, Day: 31, Configured: true}, nil
	case string(DeadlineGovernment):
		return Deadline{Kind: DeadlineGovernment, Month: 3, Day: 31, Configured: true}, nil
	case string(DeadlineLocal):
		return Deadline{Kind: DeadlineLocal, Configured: true}, nil
	}
	if md, ok := strings.CutPrefix(s, "local:"); ok {
		t, err := time.Parse("01-02", md)
		if err != nil {
			return Deadline{}, fmt.Errorf("deadline %q: the date must be MM-DD, e.g. local:02-20", s)
		}
		return Deadline{Kind: DeadlineLocal, Month: int(t.Month()), Day: t.Day(), Configured: true}, nil
	}
	return Deadline{}, fmt.Errorf("unknown deadline %q (department, government, local or local:MM-DD)", s)
}

var (
	localBodySuffixes = []string{"乡人民政府", "镇人民政府", "乡政府", "镇政府", "街道办事处", "街道办", "街道",
		"管委会", "管理委员会", "实验区", "开发区", "高新区", "园区"}
	departmentSuffixes = []string{"办公室", "办公厅", "委员会", "局", "委", "厅", "办", "中心", "署", "处", "站", "所",
		"队", "院", "馆"}
)

// DetectDeadline classifies a body by its name.
func DetectDeadline(body string) Deadline {
	d := Deadline{Kind: DeadlineUnknown, Body: body}
	name := strings.TrimSpace(body)
	if name == "" {
		return d
	}
	for _, s := range localBodySuffixes {
		if strings.HasSuffix(name, s) {
			d.Kind = DeadlineLocal
			return d
		}
	}
	if strings.HasSuffix(name, "政府") {
		d.Kind, d.Month, d.Day = DeadlineGovernment, 3, 31
		return d
	}
	for _, s := range departmentSuffixes {
		if strings.HasSuffix(name, s) {
			d.Kind, d.Month, d.Day = DeadlineDepartment, 1, 31
			return d
		}
	}
	return d
}

// deadlineOf returns the profile of a report: configured, else detected from
// the title's body, else the signature's.
func deadlineOf(c *lint.Context) Deadline {
	r := c.Report
	body := ""
	if r.Title != nil {
		body = r.Title.Body
	}
	if body == "" && r.Signature != nil {
		body = r.Signature.Body
	}
	if c.Options != nil && c.Options.Deadline != "" {
		if d, err := parseDeadlineProfile(c.Options.Deadline); err == nil && d.Kind != "" {
			d.Body = body
			return d
		}
	}
	return DetectDeadline(body)
}

// describe names the profile for a message.
func (d Deadline) describe() (zh, en string) {
	switch d.Kind {
	case DeadlineDepartment:
		zh, en = "县级以上人民政府部门：次年1月31日前，《条例》第四十九条第一款", "department of a county-or-higher government: by 31 January, art. 49(1)"
	case DeadlineGovernment:
		zh, en = "县级以上人民政府：次年3月31日前，《条例》第四十九条第二款", "county-or-higher people's government: by 31 March, art. 49(2)"
	case DeadlineLocal:
		zh = fmt.Sprintf("地方规定的期限：次年%d月%d日前", d.Month, d.Day)
		en = fmt.Sprintf("local deadline: by %s %d", time.Month(d.Month), d.Day)
	}
	if d.Configured {
		zh += "；按配置"
		en += "; as configured"
	} else if d.Body != "" {
		zh += "；按机关名称“" + d.Body + "”判断"
		en += "; detected from the body name “" + d.Body + "”"
	}
	return zh, en
}

// reportYear is the year the report covers: the title's, else the period's.
func reportYear(r *grammar.Report) int {
	if r.Title != nil && r.Title.Year > 0 {
		return r.Title.Year
	}
	if r.Period != nil && r.Period.Start.Year > 0 {
		return r.Period.Start.Year
	}
	return 0
}

var periodWords = wordSet("统计", "数据", "期限", "时限", "时段", "区间", "报告期")

// periodStatement reports whether the parsed period is the statistics
// statement: its sentence speaks of statistics, data or a period.
func periodStatement(r *grammar.Report) bool {
	p := r.Period
	if p == nil {
		return false
	}
	text := r.Source.Text
	start := p.Span.Start - 240
	if start < 0 {
		start = 0
	}
	for start > 0 && start < len(text) && text[start]&0xC0 == 0x80 {
		start--
	}
	before := text[start:p.Span.Start]
	if j := lastFullStop(before); j >= 0 {
		before = before[j:] // the sentence holding the period
	}
	end := p.Span.End + 30
	if end > len(text) {
		end = len(text)
	}
	for end < len(text) && text[end]&0xC0 == 0x80 {
		end++
	}
	return periodWords.in(before) || periodWords.in(text[p.Span.End:end])
}

// lastFullStop is strings.LastIndex(s, "。"): the 。 are found forwards by
// their last byte (indexWord), the last one kept; LastIndex hashes every
// byte on its way back.
func lastFullStop(s string) int {
	last := -1
	for i := 0; ; {
		j := indexWord(s[i:], "。")
		if j < 0 {
			return last
		}
		last = i + j
		i = last + len("。")
	}
}

// reportDates are the dates checked against the deadline: the web page's
// publication date and the signature date.
func reportDates(r *grammar.Report) []*grammar.DateRef {
	var out []*grammar.DateRef
	if r.Publication != nil {
		out = append(out, r.Publication)
	}
	if r.Signature != nil && r.Signature.Date != nil {
		out = append(out, r.Signature.Date)
	}
	return out
}

func dateKind(r *grammar.Report, d *grammar.DateRef) (zh, en string) {
	if d == r.Publication {
		label := d.Label
		if label == "" {
			label = "发布时间"
		}
		return "网页" + label, "publication date"
	}
	return "落款日期", "signature date"
}

func toTime(d grammar.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

func zhDate(d grammar.Date) string { return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day) }
