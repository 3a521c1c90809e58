package rules

// Date rules (GD-D): the statistics period, the report year as the title,
// the period and the text state it, and the publication and signature dates
// against the deadline of 条例 第四十九条.

import (
	"fmt"
	"regexp"
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

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-D001", Name: "period-missing", Family: lint.FamilyDates, Severity: lint.Warning,
		Summary:   "没有说明统计期限（“所列数据的统计期限为Y年1月1日至12月31日”）",
		SummaryEN: "the statistics period is not stated",
		Explanation: `报告应说明所列数据的统计期限，通常在开头一段：“本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止”。

依据：《政府信息公开条例》第四十九条要求报告“上一年度”的工作；统计期限即报告年度的1月1日至12月31日
（DB51/T 2660—2019 §2.1；spec §6）。

判断：找到“Y年M月D日至（Y年）M月D日”且其所在句子说到“统计”“数据”“期限”“时限”之一，才算说明了统计期限。`,
		ExplanationEN: `The report should state the period its data cover, usually in the opening paragraph:
“本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止”.

Basis: Article 49 of the 《政府信息公开条例》 requires a report on the work of the “上一年度” (the previous year); the
statistics period is 1 January to 31 December of the report year (DB51/T 2660—2019 §2.1; spec §6).

How it is judged: the period counts as stated when a date range “Y年M月D日至（Y年）M月D日” is found in a sentence that
mentions one of “统计”, “数据”, “期限” or “时限”.`,
		Check: checkPeriodMissing,
	})
	lint.Register(&lint.Rule{
		ID: "GD-D002", Name: "period-not-calendar-year", Family: lint.FamilyDates, Severity: lint.Error,
		Fixable:   lint.FixUnsafe,
		Summary:   "统计期限不是报告年度的1月1日至12月31日",
		SummaryEN: "the statistics period is not 1 January to 31 December of one year",
		Explanation: `统计期限必须是一个完整的自然年：Y年1月1日至Y年12月31日。起止日不对（如“1月1日至11月30日”）、
起止年份不同（“2023年1月1日至2024年12月31日”），或日期不存在（“2月30日”），都是错误。

依据：《政府信息公开条例》第四十九条（“上一年度”）；spec §6。修复（手动）：改为应有的日期——也可能是数据本身
只统计到了该日，须由作者确认。`,
		ExplanationEN: `The statistics period must be one whole calendar year: Y年1月1日 to Y年12月31日. Wrong start or end days (such as
“1月1日至11月30日”), different start and end years (“2023年1月1日至2024年12月31日”) or a date that does not exist
(“2月30日”) are all errors.

Basis: Article 49 of the 《政府信息公开条例》 (“上一年度”); spec §6. Fix (manual): change to the expected date — the
data may really have been counted only up to that day, so the author has to confirm.`,
		Check: checkPeriodCalendar,
	})
	lint.Register(&lint.Rule{
		ID: "GD-D003", Name: "year-mismatch", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:   "标题年份与统计期限年份不一致",
		SummaryEN: "the title year and the statistics period year disagree",
		Explanation: `标题“Y年政府信息公开工作年度报告”的年份与统计期限的年份必须相同。
不一致多是沿用了上一年的报告而没有改全。

依据：《政府信息公开条例》第四十九条；spec §6（“mismatched years between title, period statement and body”）。`,
		ExplanationEN: `The year in the title “Y年政府信息公开工作年度报告” and the year of the statistics period must be the same. A mismatch
usually means that last year's report was reused and not fully updated.

Basis: Article 49 of the 《政府信息公开条例》; spec §6 (“mismatched years between title, period statement and body”).`,
		Check: checkYearMismatch,
	})
	lint.Register(&lint.Rule{
		ID: "GD-D004", Name: "text-year-mismatch", Family: lint.FamilyDates, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "正文以另一年份开头叙述本年度工作（“2022年，我局……”出现在2023年报告中）",
		SummaryEN: "a sentence narrating the year's work starts with another year",
		Explanation: `“一、总体情况”至“四、……行政复议、行政诉讼情况”叙述的是报告年度的工作。其中以“YYYY年，”或“YYYY年度，”
开头的句子，年份应为报告年度；出现别的年份，多是照搬上一年报告留下的。
“五、存在的主要问题及改进情况”会谈到下一年的计划，“六”可能谈到别的年份，不在此检查之列。

依据：《政府信息公开条例》第四十九条；spec §6。`,
		ExplanationEN: `Sections “一、总体情况” to “四、……行政复议、行政诉讼情况” narrate the work of the report year. A sentence there that
starts with “YYYY年，” or “YYYY年度，” should name the report year; another year is usually left over from copying last
year's report.
“五、存在的主要问题及改进情况” talks about next year's plans, and “六” may mention other years; they are not checked.

Basis: Article 49 of the 《政府信息公开条例》; spec §6.`,
		Check: checkTextYear,
	})
	lint.Register(&lint.Rule{
		ID: "GD-D005", Name: "published-late", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:   "发布日期或落款日期晚于法定期限",
		SummaryEN: "the publication or signature date is after the deadline",
		Explanation: `《政府信息公开条例》第四十九条：

- 县级以上人民政府部门应当在每年1月31日前公布本部门上一年度的年度报告；
- 县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前公布本级政府上一年度的年度报告。

机关类型由标题（或落款）中的机关名称判断，也可在 .gdlint.toml 中用 deadline 设置：

| 名称（结尾） | 类型 | 期限 |
|---|---|---|
| 乡/镇人民政府、街道（办事处）、管委会、管理委员会、开发区、高新区、实验区、园区 | local | 地方规定（deadline = "local:MM-DD"），未设置时只提示 |
| 县/区/市/州/省……人民政府 | government | 次年3月31日 |
| 人民政府办公室/办公厅，及以局、委、委员会、厅、办、中心等结尾的部门 | department | 次年1月31日 |

政府的办公室（办公厅）是政府的工作部门，按1月31日检查。检查的日期是网页的发布时间（发布日期、公开日期）
和落款日期。报告年度取标题年份，没有时取统计期限的年份。`,
		ExplanationEN: `Article 49 of the 《政府信息公开条例》 (第四十九条):

- departments of people's governments at or above the county level publish their annual report for the previous year by
  31 January each year (县级以上人民政府部门应当在每年1月31日前公布本部门上一年度的年度报告);
- the departments in charge of government information disclosure of local people's governments at or above the county
  level publish their government's annual report for the previous year by 31 March each year
  (县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前公布本级政府上一年度的年度报告).

The kind of body is judged from the body's name in the title (or the signature); it can also be set with deadline in
.gdlint.toml:

| Name (ending) | Kind | Deadline |
|---|---|---|
| 乡/镇人民政府、街道（办事处）、管委会、管理委员会、开发区、高新区、实验区、园区 | local | set locally (deadline = "local:MM-DD"); only a hint when not set |
| 县/区/市/州/省……人民政府 | government | 31 March of the next year |
| 人民政府办公室/办公厅, and departments ending in 局、委、委员会、厅、办、中心 and the like | department | 31 January of the next year |

A government's office (办公室, 办公厅) is one of the government's working departments and is checked against 31 January.
The dates checked are the web page's publication time (发布日期, 公开日期) and the signature date (落款日期). The report
year is the title's year, or the statistics period's year when the title has none.`,
		Check: checkPublishedLate,
	})
	lint.Register(&lint.Rule{
		ID: "GD-D006", Name: "dated-before-year-end", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:   "发布日期或落款日期早于报告年度结束",
		SummaryEN: "the publication or signature date is before the report year ended",
		Explanation: `年度报告总结的是已经结束的年度，发布日期和落款日期应在报告年度的次年（Y+1年1月1日以后）。
早于这个日期多是年份写错（把“2025年1月20日”写成“2024年1月20日”）。

依据：《政府信息公开条例》第四十九条（公布“上一年度”的年度报告）；spec §6。`,
		ExplanationEN: `An annual report sums up a year that has ended, so its publication and signature dates should fall in the year after the
report year (on or after 1 January of Y+1). An earlier date is usually a wrong year (“2024年1月20日” written for
“2025年1月20日”).

Basis: Article 49 of the 《政府信息公开条例》 (publish the annual report of the “上一年度”); spec §6.`,
		Check: checkDatedBeforeYearEnd,
	})
	lint.Register(&lint.Rule{
		ID: "GD-D007", Name: "date-in-future", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:   "发布日期或落款日期在今天之后",
		SummaryEN: "the publication or signature date is in the future",
		Explanation: `发布日期或落款日期晚于今天，多是年份或月份写错。
“今天”取运行 gdlint 时的日期。依据：spec §6。`,
		ExplanationEN: `A publication or signature date after today is usually a wrong year or month.
“Today” is the date gdlint runs on. Basis: spec §6.`,
		Check: checkDateInFuture,
	})
	lint.Register(&lint.Rule{
		ID: "GD-D008", Name: "deadline-unknown", Family: lint.FamilyDates, Severity: lint.Info,
		Summary:   "机关的发布期限由地方规定或无法判断，且发布日期晚于3月31日",
		SummaryEN: "the body's deadline is set locally or unknown, and the date is after 31 March",
		Explanation: `乡镇人民政府、街道办事处、管委会的年度报告期限《条例》第四十九条未作规定，由地方规定
（例如怀化市要求县级汇总乡镇报告于2月20日前公布）；机关名称无法判断类型时也是如此。
这时无法判断是否逾期：发布日期或落款日期晚于《条例》规定的最晚期限（次年3月31日）时，给出提示。
在 .gdlint.toml 中设置 deadline = "local:MM-DD"（或 department、government）即可按确定的期限检查（GD-D005）。

依据：《政府信息公开条例》第四十九条；spec §6。`,
		ExplanationEN: `Article 49 of the 《条例》 sets no deadline for the annual reports of township governments (乡镇人民政府), sub-district
offices (街道办事处) and administrative committees (管委会); it is set locally (怀化市 (Huaihua), for example, requires
the township reports gathered at county level to be published by 20 February). The same holds when the kind of body
cannot be judged from its name.
Whether such a report is late cannot then be judged: when the publication or signature date is after the latest deadline
the 《条例》 sets (31 March of the next year), a hint is given. Set deadline = "local:MM-DD" (or department, government)
in .gdlint.toml to check against a definite deadline (GD-D005).

Basis: Article 49 of the 《政府信息公开条例》; spec §6.`,
		Check: checkDeadlineUnknown,
	})
	lint.Register(&lint.Rule{
		ID: "GD-D009", Name: "invalid-date", Family: lint.FamilyDates, Severity: lint.Error,
		Summary:       "日期不存在（如2月30日、13月）",
		SummaryEN:     "a date that does not exist (30 February, month 13)",
		Explanation:   `统计期限、发布日期和落款日期必须是存在的日期。依据：spec §6。`,
		ExplanationEN: `The statistics period, the publication date and the signature date must be dates that exist. Basis: spec §6.`,
		Check:         checkInvalidDates,
	})
}

// ---- GD-D001, GD-D002 ----

var periodWords = words{"统计", "数据", "期限", "时限", "时段", "区间", "报告期"}

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
	if j := strings.LastIndex(before, "。"); j >= 0 {
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

func checkPeriodMissing(c *lint.Context) {
	r := c.Report
	if !c.Gate().Annual || periodStatement(r) {
		return
	}
	sp, ok := anchorSpan(r)
	if !ok {
		return
	}
	y := reportYear(r)
	want := "Y年1月1日至Y年12月31日"
	if y > 0 {
		want = fmt.Sprintf("%d年1月1日至%d年12月31日", y, y)
	}
	c.Emitf(sp,
		"报告没有说明所列数据的统计期限（应为"+want+"）",
		"the report does not state the statistics period (expected "+want+")")
}

// anchorSpan is where a finding about something missing points: the title,
// else the first heading.
func anchorSpan(r *grammar.Report) (grammar.Span, bool) {
	if r.Title != nil {
		return r.Title.Span, true
	}
	if len(r.Headings) > 0 {
		return r.Headings[0].Span, true
	}
	return grammar.Span{}, false
}

func checkPeriodCalendar(c *lint.Context) {
	r := c.Report
	p := r.Period
	if !periodStatement(r) || !p.Start.Valid() || !p.End.Valid() {
		return
	}
	y := p.Start.Year
	if p.Start.Month != 1 || p.Start.Day != 1 {
		c.Emitf(p.Start.Span,
			fmt.Sprintf("统计期限应从%d年1月1日开始，此处为%d年%d月%d日", y, y, p.Start.Month, p.Start.Day),
			fmt.Sprintf("the statistics period should start on 1 January %d, not %s", y, p.Start.Date),
			lint.Fix{Title: fmt.Sprintf("改为%d年1月1日", y), TitleEN: fmt.Sprintf("change to 1 January %d", y),
				Edits: []lint.Edit{{Span: p.Start.Span, NewText: fmt.Sprintf("%d年1月1日", y)}}, Applicability: lint.Unsafe})
	}
	endYear := p.End.Year
	if endYear != 0 && endYear != y {
		c.Emitf(p.End.Span,
			fmt.Sprintf("统计期限的起止年份不同（%d年至%d年），应为同一自然年", y, endYear),
			fmt.Sprintf("the statistics period spans two years (%d to %d); it must be one calendar year", y, endYear),
			lint.Fix{Title: fmt.Sprintf("改为%d年12月31日", y), TitleEN: fmt.Sprintf("change to 31 December %d", y),
				Edits: []lint.Edit{{Span: p.End.Span, NewText: fmt.Sprintf("%d年12月31日", y)}}, Applicability: lint.Unsafe})
		return
	}
	if p.End.Month != 12 || p.End.Day != 31 {
		newText := "12月31日"
		if endYear != 0 {
			newText = fmt.Sprintf("%d年12月31日", y)
		}
		c.Emitf(p.End.Span,
			fmt.Sprintf("统计期限应到%d年12月31日为止，此处为%d月%d日", y, p.End.Month, p.End.Day),
			fmt.Sprintf("the statistics period should end on 31 December %d, not %02d-%02d", y, p.End.Month, p.End.Day),
			lint.Fix{Title: "改为" + newText, TitleEN: "change to 31 December",
				Edits: []lint.Edit{{Span: p.End.Span, NewText: newText}}, Applicability: lint.Unsafe})
	}
}

// ---- GD-D003 ----

func checkYearMismatch(c *lint.Context) {
	r := c.Report
	if r.Title == nil || r.Title.Year == 0 || !periodStatement(r) {
		return
	}
	ty, py := r.Title.Year, r.Period.Start.Year
	if ty == py {
		return
	}
	sp := r.Period.Start.Span
	sp.End = sp.Start + 4 // the year digits
	d := lint.Diagnostic{Span: sp,
		Message:   fmt.Sprintf("统计期限的年份%d与标题年份%d不一致", py, ty),
		MessageEN: fmt.Sprintf("the statistics period year %d differs from the title year %d", py, ty),
		Related:   []lint.Related{{Span: r.Title.YearSpan, Message: fmt.Sprintf("标题年份%d", ty)}},
	}
	c.Emit(d)
}

// ---- GD-D004 ----

var reSentenceYear = regexp.MustCompile(`^[\s\x{3000}]*(\d{4})\s*年度?\s*[，,]`)

func checkTextYear(c *lint.Context) {
	r := c.Report
	y := reportYear(r)
	if y == 0 {
		return
	}
	for _, b := range blocksOf(c) {
		switch b.Section {
		case grammar.SecGeneral, grammar.SecProactive, grammar.SecRequests, grammar.SecReview:
		default:
			continue
		}
		for _, s := range b.sentences() {
			if !startsWithDigit(b.Text[s[0]:s[1]]) {
				continue // reSentenceYear needs a digit after the leading spaces
			}
			m := reSentenceYear.FindStringSubmatchIndex(b.Text[s[0]:s[1]])
			if m == nil {
				continue
			}
			n, _ := atoiDigits(b.Text[s[0]+m[2] : s[0]+m[3]])
			if n == y || n < 1990 {
				continue
			}
			sp := b.Span(s[0]+m[2], s[0]+m[3])
			c.Emitf(sp,
				fmt.Sprintf("这句叙述本年度工作的句子以“%d年”开头，而报告年度是%d年", n, y),
				fmt.Sprintf("this sentence about the year's work starts with %d, but the report covers %d", n, y),
				lint.Fix{Title: fmt.Sprintf("改为%d", y), TitleEN: fmt.Sprintf("change to %d", y),
					Edits: []lint.Edit{{Span: sp, NewText: fmt.Sprint(y)}}, Applicability: lint.Unsafe})
		}
	}
}

// startsWithDigit reports whether s starts with an ASCII digit after
// [\s\x{3000}]* (RE2's \s is [\t\n\f\r ]).
func startsWithDigit(s string) bool {
	s = strings.TrimLeft(s, "\t\n\f\r \u3000")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// ---- GD-D005 … GD-D009 ----

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

func checkPublishedLate(c *lint.Context) {
	r := c.Report
	y := reportYear(r)
	dl := deadlineOf(c)
	if y == 0 || dl.Month == 0 {
		return
	}
	limit := grammar.Date{Year: y + 1, Month: dl.Month, Day: dl.Day}
	prof, profEN := dl.describe()
	for _, d := range reportDates(r) {
		if !d.Valid() || !limit.Before(d.Date) {
			continue
		}
		kind, kindEN := dateKind(r, d)
		c.Emitf(d.Span,
			fmt.Sprintf("%s%s晚于期限%s（%s）", kind, zhDate(d.Date), zhDate(limit), prof),
			fmt.Sprintf("the %s %s is after the deadline %s (%s)", kindEN, d.Date, limit, profEN))
	}
}

func checkDatedBeforeYearEnd(c *lint.Context) {
	r := c.Report
	y := reportYear(r)
	if y == 0 {
		return
	}
	for _, d := range reportDates(r) {
		if !d.Valid() || d.Year > y {
			continue
		}
		kind, kindEN := dateKind(r, d)
		c.Emitf(d.Span,
			fmt.Sprintf("%s%s早于报告年度（%d年）结束：年度报告应在%d年发布", kind, zhDate(d.Date), y, y+1),
			fmt.Sprintf("the %s %s is before the report year %d ended; the report is published in %d", kindEN, d.Date, y, y+1))
	}
}

func checkDateInFuture(c *lint.Context) {
	r := c.Report
	now := c.Now()
	today := grammar.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}
	for _, d := range reportDates(r) {
		if !d.Valid() || !today.Before(d.Date) {
			continue
		}
		kind, kindEN := dateKind(r, d)
		c.Emitf(d.Span,
			fmt.Sprintf("%s%s在今天（%s）之后", kind, zhDate(d.Date), zhDate(today)),
			fmt.Sprintf("the %s %s is in the future (today is %s)", kindEN, d.Date, today))
	}
}

func checkDeadlineUnknown(c *lint.Context) {
	r := c.Report
	y := reportYear(r)
	dl := deadlineOf(c)
	if y == 0 || dl.Month != 0 {
		return
	}
	latest := grammar.Date{Year: y + 1, Month: 3, Day: 31}
	for _, d := range reportDates(r) {
		if !d.Valid() || !latest.Before(d.Date) {
			continue
		}
		kind, kindEN := dateKind(r, d)
		why, whyEN := "乡镇、街道、管委会的发布期限由地方规定", "townships, 街道 and 管委会 have locally set deadlines"
		if dl.Kind == DeadlineUnknown {
			why, whyEN = "无法从机关名称判断机关类型", "the body type could not be told from its name"
			if dl.Body != "" {
				why = "无法从机关名称“" + dl.Body + "”判断机关类型"
				whyEN = "the body type could not be told from its name “" + dl.Body + "”"
			}
		}
		c.Emitf(d.Span,
			fmt.Sprintf("%s%s晚于《条例》第四十九条规定的最晚期限%s；%s，可在 .gdlint.toml 中设置 deadline（如 \"local:02-20\"）后按确定期限检查",
				kind, zhDate(d.Date), zhDate(latest), why),
			fmt.Sprintf("the %s %s is after %s, the latest deadline of art. 49; %s: set deadline in .gdlint.toml (e.g. \"local:02-20\") to check it",
				kindEN, d.Date, latest, whyEN))
	}
}

func checkInvalidDates(c *lint.Context) {
	r := c.Report
	var ds []*grammar.DateRef
	if p := r.Period; p != nil {
		ds = append(ds, &p.Start, &p.End)
	}
	ds = append(ds, reportDates(r)...)
	for _, d := range ds {
		if d.Valid() {
			continue
		}
		c.Emitf(d.Span,
			fmt.Sprintf("日期不存在：%d月%d日", d.Month, d.Day),
			fmt.Sprintf("no such date: month %d, day %d", d.Month, d.Day))
	}
}
