package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-C001", Name: "narrative-requests", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "正文中的申请数（收到、上年结转、办结、结转下年）与表三不一致",
		SummaryEN: "application counts in the text disagree with the table of section 三",
		Explanation: `正文（多在“一、总体情况（二）依申请公开”）写到的申请数必须与“三、收到和处理政府信息公开申请情况”的表格一致：

| 正文说法 | 对照的单元格（总计列） |
|---|---|
| 新收、新增申请 N 件 | 一、本年新收政府信息公开申请数量 |
| 收到、受理、接收申请 N 件（未说“新收”） | 一，或 一 + 二（“受理749件”常含上年结转） |
| 办理申请 N 件 | 一、一 + 二 或（七）总计之一 |
| 上年（度）结转 N 件 | 二、上年结转政府信息公开申请数量 |
| 办结 N 件 | （七）总计 |
| 结转下一年度（继续办理）N 件 | 四、结转下年度继续办理 |
| 未收到政府信息公开申请 | 一 为 0 |

总计列为空时用六个申请人列之和。所在句子须说到“申请”（或前一句说到），且不涉及信箱、热线、诉求、信访、
建议提案、案件；表格中位置存疑的单元格不比较。

依据：spec §4.3 第 7 点（正文与表格的交叉核对）；国办公开办函〔2021〕30号要求数据准确。修复：提供把正文数字改为
表格数值的手动修复（哪一方有误须由作者判断）。`,
		ExplanationEN: `The application counts written in the text (usually under “一、总体情况（二）依申请公开”) must agree with the table of
“三、收到和处理政府信息公开申请情况”:

| What the text says | Cell compared (total column) |
|---|---|
| 新收、新增申请 N 件 (newly received) | 一、本年新收政府信息公开申请数量 |
| 收到、受理、接收申请 N 件 (received, without “新收”) | 一, or 一 + 二 (“受理749件” often includes the carried-over ones) |
| 办理申请 N 件 (handled) | one of 一, 一 + 二 or （七）总计 |
| 上年（度）结转 N 件 (carried over from last year) | 二、上年结转政府信息公开申请数量 |
| 办结 N 件 (completed) | （七）总计 |
| 结转下一年度（继续办理）N 件 (carried over to next year) | 四、结转下年度继续办理 |
| 未收到政府信息公开申请 (no application received) | 一 is 0 |

When the total column is blank, the sum of the six applicant columns is used. The sentence (or the one before it) must
speak of applications (“申请”), and must not be about mailboxes, hotlines, appeals, petitions, suggestions and
proposals, or cases (信箱、热线、诉求、信访、建议提案、案件); cells whose place in the table is in doubt are not
compared.

Basis: spec §4.3 item 7 (cross-checking the text against the tables); 国办公开办函〔2021〕30号 requires accurate data.
Fix: a manual fix changes the number in the text to the table's value (which side is wrong is the author's call).`,
		Check: checkNarrativeRequests,
	})
}

var (
	reReceived     = scanFrom(`(收到|受理|接收|接到|办理|新收)([^，。；;,0-9０-９]{0,30}?)申请([^，。；;,0-9０-９]{0,8}?)([0-9０-９]+)\s*[件条]`, "收到", "受理", "接收", "接到", "办理", "新收").matched(matchReceived)
	reReceivedPre  = scanFrom(`(收到|受理|接收|接到)\s*([0-9０-９]+)\s*件([^，。；;,0-9０-９]{0,6}?)申请`, "收到", "受理", "接收", "接到").filtered(mayReceivedPre)
	reNoRequests   = scanFrom(`(?:未|没有)(?:收到|接到|受理)([^。；，,、0-9０-９]{0,16}?)申请`, "未", "没有").matched(matchNoRequests)
	reHandled      = scanFrom(`(办结|办理完毕|办理完结|办理)([^，。；;,0-9０-９]{0,10}?)([0-9０-９]+)\s*件`, "办结", "办理").matched(matchHandled)
	reCarried      = scanFrom(`上一?年度?结转([^，。；;,0-9０-９]{0,12}?)([0-9０-９]+)\s*件`, "上").matched(matchCarried)
	reCarryOver    = scanFrom(`(?:结转|转入|转至|转)(?:至|到|入)?(?:下一?年度?|次年度?|([0-9]{4})\s*年度?)(?:继续办理)?([^，。；;,0-9０-９]{0,8}?)([0-9０-９]+)\s*件`, "结转", "转").filtered(mayCarryOver)
	reCarryOverPre = scanFromNumber(`([0-9０-９]+)\s*件([^，。；;,0-9０-９]{0,6}?)(?:结转|转入|转至)(?:至|到|入)?(?:下一?年度?|次年度?|([0-9]{4})\s*年度?)`, "件").filtered(mayCarryOverPre)
	newWords       = wordSet("新收", "新增", "本年新")
)

type requestClaim struct {
	kind  string // new, received, either, handled, carried, carryover
	value int
	unit  string // 件, or 条 as the text wrote it
	span  grammar.Span
}

// requestCandidate is a number of a block that may count applications: a
// claim unless an earlier candidate took the same number, or it counts those
// carried into a year other than the one after the report's.
type requestCandidate struct {
	kind       string
	start, end int // the number, in the block's text
	value      int
	unit       string
	year       int // the year written in 结转2025年 (0: none)
}

func requestClaims(c *lint.Context) []requestClaim {
	var out []requestClaim
	eachRequestClaim(c, func(cl requestClaim) { out = append(out, cl) })
	return out
}

// eachRequestClaim calls f with the claims of the report in turn (GD-C001
// checks each as it comes: no list of them grown).
func eachRequestClaim(c *lint.Context, f func(requestClaim)) {
	y := reportYear(c.Report)
	var takenBuf [8]int
	taken := takenBuf[:0] // number offsets already read in the block: a few, on the stack
	for _, b := range narrativeBlocks(c) {
		taken = taken[:0]
		for _, k := range factsOf(c, b).requests.get(b, blockRequestCandidates) {
			if k.year != 0 && (y == 0 || k.year != y+1) || slices.Contains(taken, k.start) {
				continue
			}
			taken = append(taken, k.start)
			f(requestClaim{kind: k.kind, value: k.value, unit: k.unit, span: b.Span(k.start, k.end)})
		}
	}
}

// blockRequestCandidates reads the candidates of block b, in the order the
// claims are taken.
func blockRequestCandidates(b *proseBlock) []requestCandidate {
	if b.applyAt() < 0 {
		return nil // no sentence is about applications (a test per block, not per sentence)
	}
	var out []requestCandidate
	prevHas := false // hasWord(s.prev, "申请"): the last sentence's answer
	eachBlockSentence(b, func(s sentenceCtx) {
		has := hasWord(s.text, "申请")
		about := has || prevHas
		prevHas = has
		if !about || !hasCount(s.text, requestUnits) {
			return // every pattern below counts 件 (reReceived also 条) after a number
		}
		add := func(kind string, numStart, numEnd, year int) {
			n, ok := atoiDigits(s.text[numStart:numEnd])
			if !ok {
				return // not taken
			}
			unit := "件"
			if rest := strings.TrimLeft(s.text[numEnd:], " \t"); strings.HasPrefix(rest, "条") {
				unit = "条"
			}
			if out == nil {
				out = make([]requestCandidate, 0, 2) // a block's two: one allocation, not two
			}
			out = append(out, requestCandidate{kind: kind, start: s.start + numStart, end: s.start + numEnd, value: n, unit: unit, year: year})
		}
		carriedClaims(s, add)
		receivedClaims(s, has, func(kind string, numStart, numEnd int) { add(kind, numStart, numEnd, 0) })
	})
	return out
}

// requestUnits are the words every pattern of blockRequestCandidates puts
// after its number (\s* between): a sentence that names applications with
// no count of them (an introduction listing the sections, "条例") is not
// searched for the patterns' verbs.
var requestUnits = []string{"件", "条"}

// hasCount reports whether text holds a number ([0-9０-９]), \s* and one of
// units.
func hasCount(text string, units []string) bool {
	for _, unit := range units {
		for from := 0; ; {
			i := indexWordBy(text[from:], unit, searchOffset(unit))
			if i < 0 {
				break
			}
			at := from + i
			if digitEndsAt(text, skipSpaceBack(text, at)) {
				return true
			}
			from = at + len(unit)
		}
	}
	return false
}

// skipSpaceBack returns the start of the run of \s (RE2's [\t\n\f\r ])
// that ends at i.
func skipSpaceBack(text string, i int) int {
	for i > 0 {
		switch text[i-1] {
		case '\t', '\n', '\f', '\r', ' ':
			i--
			continue
		}
		break
	}
	return i
}

// digitEndsAt reports whether a digit ([0-9] or full-width ０-９) ends at i.
func digitEndsAt(text string, i int) bool {
	if i >= 1 && text[i-1] >= '0' && text[i-1] <= '9' {
		return true
	}
	return i >= 3 && text[i-3] == 0xEF && text[i-2] == 0xBC && text[i-1] >= 0x90 && text[i-1] <= 0x99
}

// carriedClaims reads the counts carried over from last year and into next
// year in one sentence; year is the year carried into when the text writes
// it (-1 for 0000, which is no report's next year).
func carriedClaims(s sentenceCtx, add func(kind string, numStart, numEnd, year int)) {
	if !hasWord(s.text, "转") {
		return // each pattern below holds 转 (结转, 转入, 转至, 转)
	}
	writtenYear := func(a, b int) int {
		if a < 0 {
			return 0
		}
		if yy, _ := strconv.Atoi(s.text[a:b]); yy != 0 {
			return yy
		}
		return -1
	}
	for _, m := range reCarried.FindAll(s.text) {
		if otherMatters.in(s.text[m[2]:m[3]]) {
			continue
		}
		add("carried", m[4], m[5], 0)
	}
	for _, m := range reCarryOver.FindAll(s.text) {
		if otherMatters.in(s.text[m[4]:m[5]]) {
			continue
		}
		add("carryover", m[6], m[7], writtenYear(m[2], m[3]))
	}
	for _, m := range reCarryOverPre.FindAll(s.text) {
		add("carryover", m[2], m[3], writtenYear(m[6], m[7]))
	}
}

// receivedClaims reads the counts received, new and handled in one
// sentence. applies is hasWord(s.text, "申请"), which the caller has
// found: every match of reReceived and reReceivedPre holds 申请, so a
// sentence without it (its neighbour named the applications) is not
// searched.
func receivedClaims(s sentenceCtx, applies bool, add func(kind string, numStart, numEnd int)) {
	for _, m := range reReceived.FindAllIf(applies, s.text) {
		gap := s.text[m[4]:m[5]] + s.text[m[6]:m[7]]
		if otherMatters.in(gap) || strings.Contains(gap, "结转") || precededByOther(s.text, m[0]) {
			continue
		}
		if strings.HasSuffix(s.text[:m[1]], "条") && !countedInTiao(s.text, gap, m[8]) {
			continue
		}
		kind := "received"
		switch {
		case newWords.in(gap) || s.text[m[2]:m[3]] == "新收":
			kind = "new"
		case s.text[m[2]:m[3]] == "办理":
			kind = "either"
		}
		add(kind, m[8], m[9])
	}
	for _, m := range reReceivedPre.FindAllIf(applies, s.text) {
		if precededByOther(s.text, m[0]) {
			continue
		}
		add("received", m[4], m[5])
	}
	for _, m := range reHandled.FindAll(s.text) {
		verb, gap := s.text[m[2]:m[3]], s.text[m[4]:m[5]]
		if otherMatters.in(gap) || strings.Contains(gap, "结转") || precededByOther(s.text, m[0]) ||
			strings.HasSuffix(s.text[:m[0]], "受") {
			continue
		}
		kind := "handled"
		if verb == "办理" {
			kind = "either"
		}
		add(kind, m[6], m[7])
	}
}

// precededByOther reports whether the words just before a verb name another
// kind of matter ("主任信箱办结5件", "12345热线受理").
func precededByOther(text string, at int) bool {
	start := at - 24
	if start < 0 {
		start = 0
	}
	for start > 0 && text[start]&0xC0 == 0x80 {
		start--
	}
	before := text[start:at]
	if i := lastClauseMark(before); i >= 0 {
		before = before[i:]
	}
	return otherMatters.in(before)
}

// lastClauseMark is strings.LastIndexAny(s, "，,、：:"), found backwards by
// each mark's last byte (, : 8C 81 9A) and the two before it; LastIndexAny
// decoded every rune and looked each up among the marks.
func lastClauseMark(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ',', ':':
			return i
		case 0x8C, 0x9A: // ， EF BC 8C, ： EF BC 9A
			if i >= 2 && s[i-2] == 0xEF && s[i-1] == 0xBC {
				return i - 2
			}
		case 0x81: // 、 E3 80 81
			if i >= 2 && s[i-2] == 0xE3 && s[i-1] == 0x80 {
				return i - 2
			}
		}
	}
	return -1
}

func checkNarrativeRequests(c *lint.Context) {
	fig := requestFigures{r: c.Report}
	eachRequestClaim(c, func(cl requestClaim) { checkRequestClaim(c, cl, &fig) })
	checkNoRequestsClaim(c, fig.get(figNew))
}

// requestFigures are the totals of 表三 a claim about applications can be
// held to: new (一), carried over (二), handled (（七）总计), carried into
// next year (四); each read when a claim first needs it (a report's claims
// need one or two of them, reading one is a few hundred instructions).
type requestFigures struct {
	r    *grammar.Report
	figs [4]rowFigure
	made [4]bool
}

// The figures of requestFigures, and their rows.
const (
	figNew = iota
	figCarried
	figTotal
	figCarryOver
)

var requestFigureRows = [4]string{grammar.RowNew, grammar.RowCarried, grammar.RowTotal, grammar.RowCarryOver}

// get returns figure i (figNew…), read on first use.
func (f *requestFigures) get(i int) rowFigure {
	if !f.made[i] {
		f.figs[i], f.made[i] = figureOf(f.r, grammar.TableRequests, requestFigureRows[i]), true
	}
	return f.figs[i]
}

// checkRequestClaim compares one claim of the text with the table.
func checkRequestClaim(c *lint.Context, cl requestClaim, fig *requestFigures) {
	n := float64(cl.value)
	switch cl.kind {
	case "new":
		emitClaimMismatch(c, cl, fig.get(figNew), "正文称新收申请 %d 件，%s为 %s", "the text says %d new applications; %s is %s")
	case "received":
		newF := fig.get(figNew)
		if !newF.ok || n == newF.v {
			return
		}
		car := fig.get(figCarried)
		if car.ok && n == newF.v+car.v {
			return
		}
		zh := fmt.Sprintf("正文称收到申请 %d %s，%s为 %s", cl.value, cl.unit, newF.zh, formatNumber(newF.v))
		en := fmt.Sprintf("the text says %d applications were received; %s is %s", cl.value, newF.en, formatNumber(newF.v))
		var fixes []lint.Fix
		if car.ok && car.v > 0 {
			zh += fmt.Sprintf("（加上“%s”%s 件为 %s）", grammar.Table2.Row(grammar.RowCarried).Label, formatNumber(car.v), formatNumber(newF.v+car.v))
			en += fmt.Sprintf(" (%s with the %s carried over)", formatNumber(newF.v+car.v), formatNumber(car.v))
		} else {
			fixes = numberFix(cl.span, newF.v)
		}
		c.Emit(lint.Diagnostic{Span: cl.span, Message: zh, MessageEN: en, Fixes: fixes, Related: related(newF.cell, newF.zh)})
	case "either":
		newF := fig.get(figNew)
		if !newF.ok || n == newF.v {
			return
		}
		car := fig.get(figCarried)
		if car.ok && n == newF.v+car.v {
			return
		}
		tot := fig.get(figTotal)
		if tot.ok && n == tot.v {
			return
		}
		zh := fmt.Sprintf("正文称办理申请 %d 件，与表格不符：%s为 %s", cl.value, newF.zh, formatNumber(newF.v))
		en := fmt.Sprintf("the text says %d applications were handled, which matches no table figure: %s is %s", cl.value, newF.en, formatNumber(newF.v))
		if car.ok {
			zh += fmt.Sprintf("，加上年结转为 %s", formatNumber(newF.v+car.v))
			en += fmt.Sprintf(", %s with those carried over", formatNumber(newF.v+car.v))
		}
		if tot.ok {
			zh += fmt.Sprintf("，%s为 %s", tot.zh, formatNumber(tot.v))
			en += fmt.Sprintf(", %s is %s", tot.en, formatNumber(tot.v))
		}
		c.Emit(lint.Diagnostic{Span: cl.span, Message: zh, MessageEN: en, Related: related(newF.cell, newF.zh)})
	case "handled":
		emitClaimMismatch(c, cl, fig.get(figTotal), "正文称办结申请 %d 件，%s为 %s", "the text says %d applications were completed; %s is %s")
	case "carried":
		emitClaimMismatch(c, cl, fig.get(figCarried), "正文称上年结转申请 %d 件，%s为 %s", "the text says %d applications were carried over from last year; %s is %s")
	case "carryover":
		emitClaimMismatch(c, cl, fig.get(figCarryOver), "正文称结转下年度继续办理 %d 件，%s为 %s", "the text says %d applications are carried into next year; %s is %s")
	}
}

// emitClaimMismatch reports a claim that disagrees with the figure, with a
// fix to the table's number; zh and en take the claim, the figure's name
// and its value.
func emitClaimMismatch(c *lint.Context, cl requestClaim, f rowFigure, zh, en string) {
	if !f.ok || float64(cl.value) == f.v {
		return
	}
	c.Emit(lint.Diagnostic{Span: cl.span,
		Message:   fmt.Sprintf(zh, cl.value, f.zh, formatNumber(f.v)),
		MessageEN: fmt.Sprintf(en, cl.value, f.en, formatNumber(f.v)),
		Fixes:     numberFix(cl.span, f.v), Related: related(f.cell, f.zh)})
}

// checkNoRequestsClaim reports "未收到政府信息公开申请" while the table
// counts some.
func checkNoRequestsClaim(c *lint.Context, newF rowFigure) {
	if !newF.ok || newF.v == 0 {
		return
	}
	for _, b := range narrativeBlocks(c) {
		for _, m := range factsOf(c, b).noRequests.get(b, blockNoRequests) {
			c.Emit(lint.Diagnostic{Span: b.Span(m[0], m[1]),
				Message:   fmt.Sprintf("正文称未收到申请，%s为 %s", newF.zh, formatNumber(newF.v)),
				MessageEN: fmt.Sprintf("the text says no applications were received; %s is %s", newF.en, formatNumber(newF.v)),
				Related:   related(newF.cell, newF.zh)})
		}
	}
}

// blockNoRequests returns where block b says no application was received.
func blockNoRequests(b *proseBlock) [][2]int {
	at := b.applyAt()
	if at < 0 {
		return nil // the test below fails for every sentence
	}
	// 申请 searched for from the first, once for the block
	apply := wordAfter{text: b.Text, word: "申请", k: 2, at: at}
	var out [][2]int
	eachBlockSentence(b, func(s sentenceCtx) {
		if !apply.within(s.start, s.end) || !hasWord(s.text, "未") && indexWordBy(s.text, "没有", searchOffset("没有")) < 0 {
			return // literals of reNoRequests
		}
		for _, m := range reNoRequests.FindAll(s.text) {
			if otherMatters.in(s.text[m[2]:m[3]]) || strings.HasPrefix(s.text[m[1]:], "人") {
				continue // 未收到申请人补正材料: the applicant's papers, not applications
			}
			out = append(out, [2]int{s.start + m[0], s.start + m[1]})
		}
	})
	return out
}

// countedInTiao reports whether a number written with 条 after 申请 counts
// applications (收到政府信息公开申请3条), not an article of a law (申请依据条例第36条).
func countedInTiao(text, gap string, numStart int) bool {
	return !strings.HasSuffix(text[:numStart], "第") && !strings.Contains(gap, "条例") && !strings.Contains(gap, "第")
}
