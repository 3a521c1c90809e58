package batch

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// The GD-Y rules compare one body's reports of consecutive years. They are
// registered so that `gdlint rules` and `gdlint explain` list them, but their
// Check does nothing on a single report: Result.crossYear runs them.
var (
	RuleCarryOver = &lint.Rule{ID: "GD-Y001", Name: "carry-over-mismatch", Family: lint.FamilyYears, Severity: lint.Warning,
		Summary:   "本年“二、上年结转”应等于上一年度报告“四、结转下年度继续办理”",
		SummaryEN: "this year's 二、上年结转 must equal last year's 四、结转下年度继续办理",
		Explanation: "上一年度未办结、结转到下一年度继续办理的申请，就是下一年度的“上年结转”申请。" +
			"因此同一机关相邻两年的报告中，第 Y+1 年表三“二、上年结转政府信息公开申请数量”的每一列，" +
			"应等于第 Y 年表三“四、结转下年度继续办理”的同一列（规范 §4.3 第 6 项）。\n\n" +
			"本规则只在批量检查（`gdlint check 目录`）中运行，需要同一机关相邻年度的两份报告。" +
			"诊断指向后一年报告中的单元格，相关位置指向前一年报告的单元格。" +
			"当任一单元格未能识别、或其位置是推断的（例如按行位置对应）而数字又不一致时，规则报告“无法判断”（提示），不作为错误。",
		ExplanationEN: "Applications not completed in one year and carried over to the next are the next year's “上年结转” (carried over from\n" +
			"last year) applications. So in one body's reports for consecutive years, every column of\n" +
			"“二、上年结转政府信息公开申请数量” in 表三 of year Y+1 should equal the same column of “四、结转下年度继续办理” in 表三\n" +
			"of year Y (spec §4.3 item 6).\n" +
			"\n" +
			"This rule runs only in batch checks (`gdlint check DIR`) and needs the body's reports for two consecutive years. The\n" +
			"diagnostic points at the cell in the later report; its related location at the cell in the earlier one. When either cell\n" +
			"was not recognised, or its place was inferred (matched by row position, say) and the numbers differ, the rule reports\n" +
			"“cannot judge” (info), not an error.",
	}
	RuleNormativeInForce = &lint.Rule{ID: "GD-Y002", Name: "normative-in-force-continuity", Family: lint.FamilyYears, Severity: lint.Warning,
		Summary:   "行政规范性文件现行有效件数应约等于上年现行有效件数加本年制发减本年废止",
		SummaryEN: "normative documents in force should equal last year's in force plus issued minus repealed",
		Explanation: "表二第二十条第（一）项中，行政规范性文件的“现行有效件数”通常满足：" +
			"现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y)（规范 §3 的软性核对）。\n\n" +
			"文件清理、失效（未经废止程序）、统计口径调整都会打破这一关系，所以这只是警告：" +
			"请核对数字，或在报告中说明差异的原因。本规则只在批量检查中运行。",
		ExplanationEN: `In item 第二十条第（一）项 of 表二, the number of normative documents (行政规范性文件) in force (“现行有效件数”) usually
satisfies: in force (Y) = in force (Y−1) + issued (Y) − repealed (Y), that is 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y)
− 本年废止(Y) (the soft check of spec §3).

Clean-ups, documents lapsing without being repealed (失效), and changes in how documents are counted all break this
relation, so it is only a warning: check the numbers, or explain the difference in the report. This rule runs only in
batch checks.`,
	}
	RuleSimilarText = &lint.Rule{ID: "GD-Y003", Name: "similar-to-previous-year", Family: lint.FamilyYears, Severity: lint.Warning,
		Summary:   "报告正文与上一年度报告大量雷同",
		SummaryEN: "the report's text largely repeats last year's report",
		Explanation: "年度报告格式的“明确责任”要求对内容“雷同”、敷衍应付的报告追责（规范 §2.9、§7）。" +
			"本规则把报告正文（不含表格、标题和网页残留）按句切分（不足 20 字的短句并入下一句；爬虫文本常把整篇报告压成一段，只按段落比较没有意义），" +
			"数字统一替换后取 4 字的字符片段（shingle），与同一机关上一年度报告的各段比较 Jaccard 相似度；" +
			"相似度不低于 0.8 的段落视为雷同。雷同段落的字数超过正文字数的一半时警告。\n\n" +
			"阈值的依据：模板本身要求的固定表述（开头的编制依据、统计期限等）只占正文的一小部分；" +
			"对平潭综合实验区 2021—2025 年的真实报告，相邻年度的雷同比例在 0%—17% 之间（主要是编制依据、统计期限、报告结构等固定表述）。" +
			"超过一半的正文与上年相同，说明报告主要是照抄上年。阈值可以调整。本规则只在批量检查中运行。",
		ExplanationEN: `The “明确责任” (accountability) clause of the annual report format calls for holding to account reports whose content is
“雷同” (copied) or perfunctory (spec §2.9, §7). This rule splits the report's text (without tables, headings and web
page leftovers) into sentences (a sentence under 20 characters is joined to the next; crawled text often squeezes a
whole report into one paragraph, so comparing only paragraphs would be meaningless), treats every number as the same,
takes 4-character shingles, and compares each segment by Jaccard similarity with the segments of the same body's report
for the previous year; a segment with a similarity of 0.8 or more counts as copied. The rule warns when the copied
segments make up more than half of the text's characters.

Why these thresholds: the fixed wording the template itself requires (the basis of the report in its opening, the
statistics period and the like) is only a small part of the text; in the real reports of 平潭综合实验区 (Pingtan) for
2021–2025, the share copied between consecutive years is 0%–17% (mostly fixed wording: the basis of the report, the
statistics period, the report's structure). More than half of the text the same as last year's means the report was
mainly copied from last year's. The thresholds can be adjusted. This rule runs only in batch checks.`,
	}
	RuleDuplicateYear = &lint.Rule{ID: "GD-Y004", Name: "duplicate-year", Family: lint.FamilyYears, Severity: lint.Warning,
		Summary:   "同一机关同一年度有多份报告",
		SummaryEN: "the same body reports the same year more than once",
		Explanation: "同一机关每年只发布一份政府信息公开工作年度报告。批量检查中出现同一机关、同一年度的多份报告，" +
			"可能是同一报告的不同文件（网页与 Word 版），也可能是标题中的年度写错。" +
			"跨年度比较只使用其中路径排在前面的一份。本规则只在批量检查中运行。\n\n" +
			"依据：条例第四十九条（每年公布本机关上一年度的年度报告）。",
		ExplanationEN: `A body publishes one government information disclosure annual report a year. When a batch check finds several reports of
the same body for the same year, they may be different files of one report (the web page and the Word version), or a
title may have the wrong year. The cross-year comparisons use only the one whose path sorts first. This rule runs only
in batch checks.

Basis: Article 49 of the 条例 (every year, each body publishes its annual report for the previous year).`,
	}
	RuleMissingYear = &lint.Rule{ID: "GD-Y005", Name: "missing-year", Family: lint.FamilyYears, Severity: lint.Warning,
		Summary:   "同一机关的年度报告缺少中间某一年",
		SummaryEN: "a year is missing in one body's run of reports",
		Explanation: "条例第四十九条要求每年公布年度报告。批量检查中同一机关的报告年度不连续（例如有 2021 年和 2023 年、没有 2022 年）时，" +
			"或者该年度报告未发布，或者未收集到，或者标题年度有误。诊断指向缺口之后那份报告的年度。本规则只在批量检查中运行。",
		ExplanationEN: `Article 49 of the 条例 requires the annual report to be published every year. When a body's reports in a batch check
skip a year (2021 and 2023 but no 2022, say), the missing year's report was either not published or not collected, or a
title has the wrong year. The diagnostic points at the year of the report after the gap. This rule runs only in batch
checks.`,
	}
	yearRules = []*lint.Rule{RuleCarryOver, RuleNormativeInForce, RuleSimilarText, RuleDuplicateYear, RuleMissingYear}
)

func init() {
	for _, r := range yearRules {
		r.Check = func(*lint.Context) {} // needs several reports: see Result.crossYear
		lint.Register(r)
	}
}

// Status is the outcome of one cross-year check.
type Status string

const (
	StatusOK          Status = "ok"           // the relation holds
	StatusFinding     Status = "finding"      // a diagnostic was reported
	StatusCannotJudge Status = "cannot-judge" // a value is missing or its placement is uncertain
)

// Check kinds.
const (
	KindCarryOver = "carry-over"
	KindNormative = "normative-in-force"
	KindSimilar   = "similar-text"
	KindDuplicate = "duplicate-year"
	KindMissing   = "missing-year"
	KindUngrouped = "ungrouped"
)

// Check is one cross-year comparison between a body's report of Year and its
// report of PrevYear (or, for an ungrouped report, why it was left out).
type Check struct {
	Kind     string
	Rule     string // "" for KindUngrouped
	Body     string
	BodyKey  string
	Year     int
	PrevYear int
	Report   *Report // the later report; the diagnostics live there
	Prev     *Report // the earlier report, nil when there is none
	Status   Status
	// Message summarises the outcome in Chinese; MessageEN in English.
	Message, MessageEN string
	// Columns are the per-column values of GD-Y001 and the terms of GD-Y002.
	Columns []Column
	// Similar is set for GD-Y003.
	Similar *Similarity
	// Missing lists the years absent from a run (GD-Y005).
	Missing []int
}

// Column is one compared value pair.
type Column struct {
	Key, Label, LabelEN string
	Prev, Cur           *Value
	Status              Status
}

// Value is a number read from a report cell.
type Value struct {
	Value float64
	Text  string
	Span  grammar.Span
	Doubt string
	// Firm is false when the parser placed the cell by guessing; a mismatch
	// on such a cell is "cannot judge", not a finding.
	Firm bool
}

// NormalizeBody turns a body name into the key that groups its reports:
// full-width letters and digits folded (NFKC), whitespace and punctuation
// dropped.
func NormalizeBody(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// group sorts the reports into bodies.
func (res *Result) group() {
	byKey := map[string]*Body{}
	for _, r := range res.Reports {
		if r.Err != nil {
			continue
		}
		if r.BodyKey == "" || r.Year == 0 {
			res.Checks = append(res.Checks, ungrouped(r))
			continue
		}
		b := byKey[r.BodyKey]
		if b == nil {
			b = &Body{Key: r.BodyKey}
			byKey[r.BodyKey] = b
			res.Bodies = append(res.Bodies, b)
		}
		b.Reports = append(b.Reports, r)
	}
	sort.Slice(res.Bodies, func(i, j int) bool { return res.Bodies[i].Key < res.Bodies[j].Key })
	for _, b := range res.Bodies {
		sort.SliceStable(b.Reports, func(i, j int) bool {
			if b.Reports[i].Year != b.Reports[j].Year {
				return b.Reports[i].Year < b.Reports[j].Year
			}
			return b.Reports[i].Path < b.Reports[j].Path
		})
		count := map[string]int{}
		for _, r := range b.Reports {
			count[r.Body]++
			if n := len(b.Years); n == 0 || b.Years[n-1] != r.Year {
				b.Years = append(b.Years, r.Year)
			}
		}
		for _, r := range b.Reports {
			if b.Name == "" || count[r.Body] > count[b.Name] {
				b.Name = r.Body
			}
		}
	}
}

func ungrouped(r *Report) *Check {
	c := &Check{Kind: KindUngrouped, Body: r.Body, BodyKey: r.BodyKey, Year: r.Year, Report: r, Status: StatusCannotJudge}
	switch {
	case r.BodyKey == "" && r.Year == 0:
		c.Message, c.MessageEN = "未能识别机关名称和年度，未参加跨年度比较", "no body name and no year found: left out of the cross-year checks"
	case r.BodyKey == "":
		c.Message, c.MessageEN = "未能识别机关名称，未参加跨年度比较", "no body name found: left out of the cross-year checks"
	default:
		c.Message, c.MessageEN = "未能识别报告年度，未参加跨年度比较", "no report year found: left out of the cross-year checks"
	}
	return c
}

// enabled tells whether a GD-Y rule runs on a pair whose later report is
// cur: as the later report's config says when there is one, else every
// rule when no selection was given, else those selected.
func (res *Result) enabled(r *lint.Rule, cur *Report) bool {
	if res.opts.Config != nil {
		if c := res.opts.Config(cur.Path); c != nil {
			for _, s := range c.RulesFor(cur.Path) {
				if s.ID == r.ID {
					return true
				}
			}
			return false
		}
	}
	if res.opts.Rules == nil {
		return true
	}
	for _, s := range res.opts.Rules {
		if s.ID == r.ID {
			return true
		}
	}
	return false
}

// crossYear runs the GD-Y rules over every body.
func (res *Result) crossYear() {
	for _, b := range res.Bodies {
		// one report per year: the first by path; later ones are duplicates
		var chain []*Report
		for _, r := range b.Reports {
			if n := len(chain); n > 0 && chain[n-1].Year == r.Year {
				if res.enabled(RuleDuplicateYear, r) {
					res.duplicate(b, chain[n-1], r)
				}
				continue
			}
			chain = append(chain, r)
		}
		for i := 1; i < len(chain); i++ {
			prev, cur := chain[i-1], chain[i]
			if cur.Year != prev.Year+1 {
				if res.enabled(RuleMissingYear, cur) {
					res.missing(b, prev, cur)
				}
				continue
			}
			if res.enabled(RuleCarryOver, cur) {
				res.carryOver(b, prev, cur)
			}
			if res.enabled(RuleNormativeInForce, cur) {
				res.normative(b, prev, cur)
			}
			if res.enabled(RuleSimilarText, cur) {
				res.similar(b, prev, cur)
			}
		}
	}
	sort.SliceStable(res.Checks, func(i, j int) bool {
		a, c := res.Checks[i], res.Checks[j]
		if a.BodyKey != c.BodyKey {
			return a.BodyKey < c.BodyKey
		}
		if a.Year != c.Year {
			return a.Year < c.Year
		}
		return a.Rule < c.Rule
	})
}

// severity is the rule's severity under the later report's config.
func (res *Result) severity(r *lint.Rule, cur *Report) lint.Severity {
	if res.opts.Config != nil {
		if c := res.opts.Config(cur.Path); c != nil {
			return c.SeverityOf(r)
		}
	}
	return r.Severity
}

// emit adds a diagnostic of rule to the later report at severity sev (a
// check that cannot judge reports an info).
func emit(r *Report, rule *lint.Rule, sev lint.Severity, span grammar.Span, zh, en string, related ...lint.Related) {
	r.Diagnostics = append(r.Diagnostics, lint.Diagnostic{Rule: rule.ID, Severity: sev, Span: span,
		Message: zh, MessageEN: en, Related: related})
}

// anchor is where a finding about the whole report points: the year in the
// title, else the title, else the start.
func anchor(r *Report) grammar.Span {
	if t := r.rep.Title; t != nil {
		if t.YearSpan.End > t.YearSpan.Start {
			return t.YearSpan
		}
		return t.Span
	}
	return grammar.Span{}
}

func (res *Result) duplicate(b *Body, first, dup *Report) {
	c := &Check{Kind: KindDuplicate, Rule: RuleDuplicateYear.ID, Body: b.Name, BodyKey: b.Key, Year: dup.Year, PrevYear: first.Year,
		Report: dup, Prev: first, Status: StatusFinding}
	c.Message = fmt.Sprintf("%s %d 年度已有报告 %s；跨年度比较只使用前者", b.Name, dup.Year, first.Path)
	c.MessageEN = fmt.Sprintf("%s already has a %d report, %s; the cross-year checks use that one", b.Name, dup.Year, first.Path)
	res.Checks = append(res.Checks, c)
	emit(dup, RuleDuplicateYear, res.severity(RuleDuplicateYear, dup), anchor(dup),
		fmt.Sprintf("同一机关 %d 年度有多份报告：另见 %s", dup.Year, first.Path),
		fmt.Sprintf("the same body has more than one report for %d: see also %s", dup.Year, first.Path),
		lint.Related{Path: first.Path, Span: anchor(first), Message: fmt.Sprintf("%d 年度的另一份报告", first.Year)})
}

func (res *Result) missing(b *Body, prev, cur *Report) {
	var years []string
	c := &Check{Kind: KindMissing, Rule: RuleMissingYear.ID, Body: b.Name, BodyKey: b.Key, Year: cur.Year, PrevYear: prev.Year,
		Report: cur, Prev: prev, Status: StatusFinding}
	for y := prev.Year + 1; y < cur.Year; y++ {
		c.Missing = append(c.Missing, y)
		years = append(years, strconv.Itoa(y))
	}
	list := strings.Join(years, "、")
	c.Message = fmt.Sprintf("缺少 %s 年度报告（%d 与 %d 之间）", list, prev.Year, cur.Year)
	c.MessageEN = fmt.Sprintf("no report for %s (between %d and %d)", strings.Join(years, ", "), prev.Year, cur.Year)
	res.Checks = append(res.Checks, c)
	emit(cur, RuleMissingYear, res.severity(RuleMissingYear, cur), anchor(cur),
		fmt.Sprintf("该机关缺少 %s 年度报告：上一份是 %d 年度", list, prev.Year),
		fmt.Sprintf("this body has no report for %s: the previous one is for %d", strings.Join(years, ", "), prev.Year),
		lint.Related{Path: prev.Path, Span: anchor(prev), Message: fmt.Sprintf("%d 年度报告", prev.Year)})
}

// value reads a cell of a report as a Value (nil when absent or not a number).
func value(r *Report, ref grammar.CellRef) (*Value, *grammar.Cell) {
	c := cellAt(r.rep, ref)
	if c == nil {
		return nil, nil
	}
	v, ok := c.Number()
	if !ok {
		return nil, c
	}
	firm := c.Doubt == ""
	if !firm {
		// glued digits split by the row's own total are the only split that
		// balances: as firm as a separated cell
		if t := r.rep.Table(ref.Table); t != nil {
			if row := t.Row(ref.Row); row != nil && row.Split {
				firm = true
			}
		}
	}
	return &Value{Value: v, Text: c.Text, Span: c.Span, Doubt: c.Doubt, Firm: firm}, c
}

var colEN = map[string]string{
	grammar.ColNatural: "natural persons", grammar.ColCommercial: "commercial enterprises", grammar.ColResearch: "research institutions",
	grammar.ColSocial: "social organisations", grammar.ColLegal: "legal service agencies", grammar.ColOther: "others", grammar.ColTotal: "total",
	grammar.ColIssued: "issued", grammar.ColRepealed: "repealed", grammar.ColInForce: "in force",
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (res *Result) carryOver(b *Body, prev, cur *Report) {
	c := &Check{Kind: KindCarryOver, Rule: RuleCarryOver.ID, Body: b.Name, BodyKey: b.Key, Year: cur.Year, PrevYear: prev.Year,
		Report: cur, Prev: prev}
	res.Checks = append(res.Checks, c)
	var mismatched, unjudged []string
	var firstUnjudged *grammar.Span
	confirmed := 0
	for _, col := range grammar.Table2.Row(grammar.RowCarried).Cols {
		pv, _ := value(prev, grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowCarryOver, Col: col.Key})
		cv, cc := value(cur, grammar.CellRef{Table: grammar.TableRequests, Row: grammar.RowCarried, Col: col.Key})
		k := Column{Key: col.Key, Label: col.Label, LabelEN: colEN[col.Key], Prev: pv, Cur: cv}
		switch {
		case pv == nil || cv == nil:
			k.Status = StatusCannotJudge
		case pv.Value == cv.Value:
			k.Status = StatusOK
			confirmed++
		case !pv.Firm || !cv.Firm:
			k.Status = StatusCannotJudge
		default:
			k.Status = StatusFinding
			mismatched = append(mismatched, col.Label)
			emit(cur, RuleCarryOver, res.severity(RuleCarryOver, cur), cv.Span,
				fmt.Sprintf("“二、上年结转”（%s）为 %s，但 %d 年度报告“四、结转下年度继续办理”为 %s", col.Label, cv.Text, prev.Year, pv.Text),
				fmt.Sprintf("二、上年结转 (%s) is %s, but the %d report's 四、结转下年度继续办理 is %s", colEN[col.Key], cv.Text, prev.Year, pv.Text),
				lint.Related{Path: prev.Path, Span: pv.Span, Message: fmt.Sprintf("%d 年度“四、结转下年度继续办理”（%s）", prev.Year, col.Label)})
		}
		if k.Status == StatusCannotJudge {
			unjudged = append(unjudged, col.Label)
			if firstUnjudged == nil {
				switch {
				case cv != nil:
					firstUnjudged = &cv.Span
				case cc != nil:
					firstUnjudged = &cc.Span
				}
			}
		}
		c.Columns = append(c.Columns, k)
	}
	n := len(c.Columns)
	switch {
	case len(mismatched) > 0:
		c.Status = StatusFinding
		c.Message = fmt.Sprintf("%d 列不一致：%s", len(mismatched), strings.Join(mismatched, "、"))
		c.MessageEN = fmt.Sprintf("%d column(s) differ", len(mismatched))
	case len(unjudged) > 0:
		c.Status = StatusCannotJudge
		why := cannotJudgeReason(c.Columns)
		c.Message = fmt.Sprintf("无法判断：%d 列中 %d 列一致，%s（%s）", n, confirmed, why[0], strings.Join(unjudged, "、"))
		c.MessageEN = fmt.Sprintf("cannot judge: %d of %d columns agree; %s", confirmed, n, why[1])
		at := anchor(cur)
		if firstUnjudged != nil {
			at = *firstUnjudged
		}
		emit(cur, RuleCarryOver, lint.Info, at,
			fmt.Sprintf("无法核对“二、上年结转”与 %d 年度“四、结转下年度继续办理”：%s", prev.Year, why[0]),
			fmt.Sprintf("cannot compare 二、上年结转 with the %d report's 四、结转下年度继续办理: %s", prev.Year, why[1]))
	default:
		c.Status = StatusOK
		c.Message = fmt.Sprintf("%d 列均一致（总计 %s）", n, c.Columns[n-1].Cur.Text)
		c.MessageEN = fmt.Sprintf("all %d columns agree (total %s)", n, c.Columns[n-1].Cur.Text)
	}
}

// cannotJudgeReason explains, in both languages, why some columns could not
// be compared.
func cannotJudgeReason(cols []Column) [2]string {
	missPrev, missCur, doubt := 0, 0, 0
	for _, k := range cols {
		if k.Status != StatusCannotJudge {
			continue
		}
		switch {
		case k.Prev == nil:
			missPrev++
		case k.Cur == nil:
			missCur++
		default:
			doubt++
		}
	}
	var zh, en []string
	if missPrev > 0 {
		zh = append(zh, fmt.Sprintf("上一年度报告有 %d 个单元格未能识别", missPrev))
		en = append(en, fmt.Sprintf("%d cell(s) of the earlier report were not read", missPrev))
	}
	if missCur > 0 {
		zh = append(zh, fmt.Sprintf("本报告有 %d 个单元格未能识别", missCur))
		en = append(en, fmt.Sprintf("%d cell(s) of this report were not read", missCur))
	}
	if doubt > 0 {
		zh = append(zh, fmt.Sprintf("%d 个数字不一致但单元格位置是推断的", doubt))
		en = append(en, fmt.Sprintf("%d value(s) differ but their cells were placed by inference", doubt))
	}
	return [2]string{strings.Join(zh, "；"), strings.Join(en, "; ")}
}

func (res *Result) normative(b *Body, prev, cur *Report) {
	c := &Check{Kind: KindNormative, Rule: RuleNormativeInForce.ID, Body: b.Name, BodyKey: b.Key, Year: cur.Year, PrevYear: prev.Year,
		Report: cur, Prev: prev}
	res.Checks = append(res.Checks, c)
	ref := func(col string) grammar.CellRef {
		return grammar.CellRef{Table: grammar.TableProactive, Row: grammar.RowNormative, Col: col}
	}
	before, _ := value(prev, ref(grammar.ColInForce))
	issued, _ := value(cur, ref(grammar.ColIssued))
	repealed, _ := value(cur, ref(grammar.ColRepealed))
	now, _ := value(cur, ref(grammar.ColInForce))
	// 现行有效 compares with last year's (Prev); 制发 and 废止 are this year's terms
	c.Columns = []Column{
		{Key: grammar.ColIssued, Label: "本年制发", LabelEN: "issued", Cur: issued},
		{Key: grammar.ColRepealed, Label: "本年废止", LabelEN: "repealed", Cur: repealed},
		{Key: grammar.ColInForce, Label: "现行有效", LabelEN: "in force", Prev: before, Cur: now},
	}
	var missing []string
	firm := true
	note := func(v *Value, label string) {
		if v == nil {
			missing = append(missing, label)
		} else if !v.Firm {
			firm = false
		}
	}
	note(before, fmt.Sprintf("%d 年度现行有效", prev.Year))
	note(issued, "本年制发")
	note(repealed, "本年废止")
	note(now, "本年现行有效")
	if len(missing) > 0 {
		c.Status = StatusCannotJudge
		c.Message = "无法判断：未能识别 " + strings.Join(missing, "、")
		c.MessageEN = fmt.Sprintf("cannot judge: %d of the 4 values were not read", len(missing))
		for i := range c.Columns {
			c.Columns[i].Status = StatusCannotJudge
		}
		// no info diagnostic here: the table rules already report the
		// unreadable cells, and a 2019-format year has no such columns
		return
	}
	want := before.Value + issued.Value - repealed.Value
	for i := range c.Columns {
		c.Columns[i].Status = StatusOK
	}
	if now.Value == want {
		c.Status = StatusOK
		c.Message = fmt.Sprintf("%s + %s − %s = %s", before.Text, issued.Text, repealed.Text, now.Text)
		c.MessageEN = c.Message
		return
	}
	diff := now.Value - want
	if !firm {
		c.Status = StatusCannotJudge
		c.Columns[2].Status = StatusCannotJudge
		c.Message = fmt.Sprintf("无法判断：%s + %s − %s = %s，报告为 %s，但单元格位置是推断的", before.Text, issued.Text, repealed.Text, fmtNum(want), now.Text)
		c.MessageEN = fmt.Sprintf("cannot judge: %s + %s − %s = %s but the report says %s, and the cells were placed by inference", before.Text, issued.Text, repealed.Text, fmtNum(want), now.Text)
		return
	}
	c.Status = StatusFinding
	c.Columns[2].Status = StatusFinding
	c.Message = fmt.Sprintf("%s + %s − %s = %s，报告为 %s（差 %s）", before.Text, issued.Text, repealed.Text, fmtNum(want), now.Text, signed(diff))
	c.MessageEN = fmt.Sprintf("%s + %s − %s = %s, the report says %s (off by %s)", before.Text, issued.Text, repealed.Text, fmtNum(want), now.Text, signed(diff))
	emit(cur, RuleNormativeInForce, res.severity(RuleNormativeInForce, cur), now.Span,
		fmt.Sprintf("行政规范性文件现行有效件数为 %s，但上年现行有效 %s + 本年制发 %s − 本年废止 %s = %s（差 %s）；如开展了文件清理，请在报告中说明",
			now.Text, before.Text, issued.Text, repealed.Text, fmtNum(want), signed(diff)),
		fmt.Sprintf("normative documents in force: %s, but last year's %s + issued %s − repealed %s = %s (off by %s); explain a clean-up in the report if there was one",
			now.Text, before.Text, issued.Text, repealed.Text, fmtNum(want), signed(diff)),
		lint.Related{Path: prev.Path, Span: before.Span, Message: fmt.Sprintf("%d 年度现行有效件数", prev.Year)},
		lint.Related{Span: issued.Span, Message: "本年制发件数"},
		lint.Related{Span: repealed.Span, Message: "本年废止件数"})
}

func signed(v float64) string {
	if v > 0 {
		return "+" + fmtNum(v)
	}
	return fmtNum(v)
}
