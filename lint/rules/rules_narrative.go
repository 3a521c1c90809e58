package rules

// Narrative rules (GD-C): numbers the prose states that the tables also hold
// must agree with them, and the prose must not contradict itself. Numbers
// are found with RE2 patterns over sentences of prose blocks (each pattern
// runs once over each sentence); a finding needs a sentence that clearly
// speaks of the same quantity — a miss is better than a false alarm.

import (
	"fmt"
	"math"
	"regexp"
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
	lint.Register(&lint.Rule{
		ID: "GD-C002", Name: "narrative-review", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "正文中的行政复议、行政诉讼件数与表四不一致",
		SummaryEN: "administrative review and litigation counts in the text disagree with the table of section 四",
		Explanation: `正文写到因政府信息公开被申请行政复议、提起行政诉讼的件数（“行政复议1件，行政诉讼0件”“未出现……行政复议和
行政诉讼”），必须与“四、政府信息公开行政复议、行政诉讼情况”的表格一致：行政复议对照“行政复议·总计”，
行政诉讼对照“未经复议直接起诉·总计”与“复议后起诉·总计”之和。

所在句子须说到政府信息公开（或位于第四部分）；“未发生……被纠错/败诉”说的是结果，不是件数，不比较。
依据：spec §5.2（与第一、五部分的交叉核对）。`,
		ExplanationEN: `The numbers of administrative reviews (行政复议) applied for and administrative suits (行政诉讼) filed over government
information disclosure that the text states (“行政复议1件，行政诉讼0件”, “未出现……行政复议和行政诉讼”) must agree with
the table of “四、政府信息公开行政复议、行政诉讼情况”: reviews are compared with “行政复议·总计”, suits with the sum of
“未经复议直接起诉·总计” and “复议后起诉·总计”.

The sentence must be about government information disclosure (or stand in section 四); “未发生……被纠错/败诉” (no
decision corrected, no suit lost) speaks of outcomes, not counts, and is not compared.
Basis: spec §5.2 (cross-checks against sections 一 and 五).`,
		Check: checkNarrativeReview,
	})
	lint.Register(&lint.Rule{
		ID: "GD-C003", Name: "narrative-normative-docs", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "正文中的规章、行政规范性文件制发/废止/现行有效件数与表二不一致",
		SummaryEN: "rule and normative-document counts in the text disagree with the table of section 二",
		Explanation: `正文写到本机关制发（印发、出台、发布）、废止（失效）或现行有效的规章、行政规范性文件件数时，必须与
“二、主动公开政府信息情况”表格第二十条第（一）项对应单元格一致。
“部门规范性文件”“各单位……”等指别的机关的文件，不比较；“清理”“备案”“公开”不等于制发或废止，不比较。

依据：spec §3 与 §4.3 第 7 点；国办公开办函〔2021〕30号要求数据准确。`,
		ExplanationEN: `When the text states how many rules (规章) or normative documents (行政规范性文件) this body issued (制发, 印发, 出台,
发布), repealed (废止, 失效) or has in force (现行有效), the number must agree with the corresponding cell of item
第二十条第（一）项 in the table of “二、主动公开政府信息情况”.
“部门规范性文件”, “各单位……” and the like refer to other bodies' documents and are not compared; “清理” (review), “备案”
(filing) and “公开” (publication) are not issuing or repealing and are not compared.

Basis: spec §3 and §4.3 item 7; 国办公开办函〔2021〕30号 requires accurate data.`,
		Check: checkNarrativeDocs,
	})
	lint.Register(&lint.Rule{
		ID: "GD-C004", Name: "completion-claim", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Summary:   "正文称申请全部办结（办结率100%），而表三有结转下年度继续办理的申请",
		SummaryEN: "the text says every application was completed while some are carried over",
		Explanation: `“办结率100%”“全部办结”“所有申请均已办理完成”与表三“四、结转下年度继续办理”大于 0 相互矛盾。
依据：表三的勾稽关系（一 + 二 = （七）+ 四，spec §4.3）；数据须前后一致。`,
		ExplanationEN: `“办结率100%”, “全部办结” or “所有申请均已办理完成” (every application completed) contradicts a value above 0 in
“四、结转下年度继续办理” of 表三 (the table of section 三).
Basis: the balance of 表三 (一 + 二 = （七）+ 四, spec §4.3); the data must be consistent.`,
		Check: checkCompletionClaim,
	})
	lint.Register(&lint.Rule{
		ID: "GD-C005", Name: "percentage-mismatch", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "正文中“N件（P%）”的百分比与件数算不上",
		SummaryEN: "a stated percentage does not match the count it comes from",
		Explanation: `“予以公开及部分公开208件（17.46%）”“予以公开42件，占51.85%”这类百分比，应等于件数除以基数。
基数取表三的“（七）总计”、“一、本年新收”或“一 + 二”中能算得上的一个（按写出的小数位四舍五入或截断均可）；
都算不上时报告，并按“（七）总计”给出应有的百分比。只检查说到申请的段落。

依据：数据须准确（spec §7，“数据精确”）。`,
		ExplanationEN: `A percentage such as “予以公开及部分公开208件（17.46%）” or “予以公开42件，占51.85%” must equal the count divided by a
base. The base is whichever of 表三's “（七）总计”, “一、本年新收” or “一 + 二” makes the percentage come out (rounded
or truncated to the decimals written); when none does, the finding is reported with the percentage that “（七）总计”
gives. Only paragraphs about applications are checked.

Basis: the data must be accurate (spec §7, “数据精确”).`,
		Check: checkPercentages,
	})
	lint.Register(&lint.Rule{
		ID: "GD-C006", Name: "narrative-fees", Family: lint.FamilyNarrative, Severity: lint.Warning,
		Summary:   "正文中的行政事业性收费金额与表二不一致",
		SummaryEN: "the administrative fee amount in the text disagrees with the table of section 二",
		Explanation: `正文写到本年行政事业性收费金额（“收取行政事业性收费3.5万元”），或称未收取行政事业性收费时，必须与
“二、主动公开政府信息情况”表格第二十条第（八）项“行政事业性收费·本年收费金额（单位：万元）”一致（元换算为万元）。

注意：第六部分说明的“信息处理费”（《政府信息公开信息处理费管理办法》）不是表二的行政事业性收费，
二者不相比较——“未收取信息处理费”而表二有行政事业性收费并不矛盾。

依据：spec §3（表二第八项的单位为万元）。`,
		ExplanationEN: `When the text states this year's administrative fees (行政事业性收费; “收取行政事业性收费3.5万元”), or says none were
charged, it must agree with item 第二十条第（八）项 “行政事业性收费·本年收费金额（单位：万元）” in the table of
“二、主动公开政府信息情况” (amounts in 元 are converted to 万元).

Note: the information processing fee (信息处理费, under the 《政府信息公开信息处理费管理办法》) reported in section 六
is not the administrative fee of 表二, and the two are not compared — “未收取信息处理费” while 表二 shows an
administrative fee is no contradiction.

Basis: spec §3 (the unit of item （八） in 表二 is 万元).`,
		Check: checkNarrativeFees,
	})
}

// ---- shared ----

// narrativeSections are the parts whose prose reports the year's figures.
func narrativeSection(k grammar.SectionKey) bool {
	switch k {
	case "", grammar.SecGeneral, grammar.SecProactive, grammar.SecRequests, grammar.SecReview:
		return true
	}
	return false
}

// sentenceCtx is one sentence of a block, with the sentence before it.
type sentenceCtx struct {
	b          *proseBlock
	start, end int // in b.Text
	text       string
	prev       string
}

func (s sentenceCtx) span(i, j int) grammar.Span { return s.b.Span(s.start+i, s.start+j) }

// eachSentence calls f for every sentence of the narrative blocks.
func eachSentence(c *lint.Context, f func(s sentenceCtx)) {
	for _, b := range blocksOf(c) {
		if !narrativeSection(b.Section) {
			continue
		}
		prev := ""
		for _, ss := range b.sentences() {
			text := b.Text[ss[0]:ss[1]]
			f(sentenceCtx{b: b, start: ss[0], end: ss[1], text: text, prev: prev})
			prev = text
		}
	}
}

// otherMatters are words that mark a count of something other than
// information-disclosure applications.
var otherMatters = words{"复议", "诉讼", "案件", "信访", "诉求", "建议", "提案", "咨询", "信箱", "热线", "留言", "投诉", "来电", "来信"}

// tableTotal returns a row's 总计 of table id, or the sum of the row's other
// columns when the total cell is blank; ok is false when the parser could not
// place the numbers without doubt.
func tableTotal(r *grammar.Report, id int, row string) (v float64, cell *grammar.Cell, summed, ok bool) {
	t := r.Table(id)
	if t == nil || t.Unreadable {
		return 0, nil, false, false
	}
	if c, v, ok := trustedNumber(t, row, grammar.ColTotal); ok {
		return v, c, false, true
	}
	rw := t.Row(row)
	if rw == nil {
		return 0, nil, false, false
	}
	total := rw.Cell(grammar.ColTotal)
	if total == nil || total.Kind != grammar.CellEmpty {
		return 0, nil, false, false
	}
	sum := 0.0
	for _, col := range rw.Def.Cols {
		if col.Key == grammar.ColTotal {
			continue
		}
		_, x, ok := trustedNumber(t, row, col.Key)
		if !ok {
			return 0, nil, false, false
		}
		sum += x
	}
	return sum, total, true, true
}

// totalName names a row total for a message.
func totalName(r *grammar.Report, id int, row string, summed bool) (zh, en string) {
	def := grammar.Tables(r.Format)[id-1].Row(row)
	if def == nil {
		return tableName(id), tableNameEN(id)
	}
	zh = tableName(id) + "“" + def.Label + "”"
	en = tableNameEN(id) + ", row “" + def.Label + "”"
	if len(def.Cols) > 1 {
		if summed {
			zh += "各列之和（总计栏为空）"
			en += ", sum of the columns (the total is blank)"
		} else {
			zh += "总计"
			en += ", total"
		}
	}
	return zh, en
}

func numberFix(sp grammar.Span, v float64) []lint.Fix {
	s := formatNumber(v)
	return []lint.Fix{{Title: "把正文的数字改为表格中的 " + s, TitleEN: "change the number in the text to the table's " + s,
		Edits: []lint.Edit{{Span: sp, NewText: s}}, Applicability: lint.Unsafe}}
}

func related(cell *grammar.Cell, zh string) []lint.Related {
	if cell == nil {
		return nil
	}
	return []lint.Related{{Span: cell.Span, Message: zh}}
}

// ---- GD-C001 ----

var (
	reReceived     = scanFrom(`(收到|受理|接收|接到|办理|新收)([^，。；;,0-9０-９]{0,30}?)申请([^，。；;,0-9０-９]{0,8}?)([0-9０-９]+)\s*件`, "收到", "受理", "接收", "接到", "办理", "新收")
	reReceivedPre  = scanFrom(`(收到|受理|接收|接到)\s*([0-9０-９]+)\s*件([^，。；;,0-9０-９]{0,6}?)申请`, "收到", "受理", "接收", "接到")
	reNoRequests   = scanFrom(`(?:未|没有)(?:收到|接到|受理)([^。；，,、0-9０-９]{0,16}?)申请`, "未", "没有")
	reHandled      = scanFrom(`(办结|办理完毕|办理完结|办理)([^，。；;,0-9０-９]{0,10}?)([0-9０-９]+)\s*件`, "办结", "办理")
	reCarried      = scanFrom(`上一?年度?结转([^，。；;,0-9０-９]{0,12}?)([0-9０-９]+)\s*件`, "上")
	reCarryOver    = scanFrom(`(?:结转|转入|转至|转)(?:至|到|入)?(?:下一?年度?|次年度?|([0-9]{4})\s*年度?)(?:继续办理)?([^，。；;,0-9０-９]{0,8}?)([0-9０-９]+)\s*件`, "结转", "转")
	reCarryOverPre = scanFromNumber(`([0-9０-９]+)\s*件([^，。；;,0-9０-９]{0,6}?)(?:结转|转入|转至)(?:至|到|入)?(?:下一?年度?|次年度?|([0-9]{4})\s*年度?)`, "件")
	newWords       = words{"新收", "新增", "本年新"}
)

type requestClaim struct {
	kind  string // new, received, either, handled, carried, carryover
	value int
	span  grammar.Span
}

func requestClaims(c *lint.Context) []requestClaim {
	r := c.Report
	var out []requestClaim
	y := reportYear(r)
	eachSentence(c, func(s sentenceCtx) {
		about := strings.Contains(s.text, "申请") || strings.Contains(s.prev, "申请")
		if !about || !strings.Contains(s.text, "件") {
			return // every pattern below counts 件
		}
		taken := map[int]bool{} // number offsets already read
		add := func(kind string, numStart, numEnd int) {
			if taken[numStart] {
				return
			}
			n, ok := atoiDigits(s.text[numStart:numEnd])
			if !ok {
				return
			}
			taken[numStart] = true
			out = append(out, requestClaim{kind: kind, value: n, span: s.span(numStart, numEnd)})
		}
		for _, m := range reCarried.FindAll(s.text) {
			if otherMatters.in(s.text[m[2]:m[3]]) {
				continue
			}
			add("carried", m[4], m[5])
		}
		for _, m := range reCarryOver.FindAll(s.text) {
			if m[2] >= 0 {
				if yy, _ := strconv.Atoi(s.text[m[2]:m[3]]); y == 0 || yy != y+1 {
					continue
				}
			}
			if otherMatters.in(s.text[m[4]:m[5]]) {
				continue
			}
			add("carryover", m[6], m[7])
		}
		for _, m := range reCarryOverPre.FindAll(s.text) {
			if m[6] >= 0 {
				if yy, _ := strconv.Atoi(s.text[m[6]:m[7]]); y == 0 || yy != y+1 {
					continue
				}
			}
			add("carryover", m[2], m[3])
		}
		for _, m := range reReceived.FindAll(s.text) {
			gap := s.text[m[4]:m[5]] + s.text[m[6]:m[7]]
			if otherMatters.in(gap) || strings.Contains(gap, "结转") || precededByOther(s.text, m[0]) {
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
		for _, m := range reReceivedPre.FindAll(s.text) {
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
	})
	return out
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
	if i := strings.LastIndexAny(before, "，,、：:"); i >= 0 {
		before = before[i:]
	}
	return otherMatters.in(before)
}

func checkNarrativeRequests(c *lint.Context) {
	r := c.Report
	claims := requestClaims(c)
	newV, newCell, newSum, newOK := tableTotal(r, grammar.TableRequests, grammar.RowNew)
	carV, carCell, carSum, carOK := tableTotal(r, grammar.TableRequests, grammar.RowCarried)
	totV, totCell, totSum, totOK := tableTotal(r, grammar.TableRequests, grammar.RowTotal)
	outV, outCell, outSum, outOK := tableTotal(r, grammar.TableRequests, grammar.RowCarryOver)
	newZh, newEn := totalName(r, grammar.TableRequests, grammar.RowNew, newSum)
	carZh, carEn := totalName(r, grammar.TableRequests, grammar.RowCarried, carSum)
	totZh, totEn := totalName(r, grammar.TableRequests, grammar.RowTotal, totSum)
	outZh, outEn := totalName(r, grammar.TableRequests, grammar.RowCarryOver, outSum)
	for _, cl := range claims {
		n := float64(cl.value)
		switch cl.kind {
		case "new":
			if newOK && n != newV {
				c.Emit(lint.Diagnostic{Span: cl.span,
					Message:   fmt.Sprintf("正文称新收申请 %d 件，%s为 %s", cl.value, newZh, formatNumber(newV)),
					MessageEN: fmt.Sprintf("the text says %d new applications; %s is %s", cl.value, newEn, formatNumber(newV)),
					Fixes:     numberFix(cl.span, newV), Related: related(newCell, newZh)})
			}
		case "received":
			if !newOK || n == newV || carOK && n == newV+carV {
				continue
			}
			zh := fmt.Sprintf("正文称收到申请 %d 件，%s为 %s", cl.value, newZh, formatNumber(newV))
			en := fmt.Sprintf("the text says %d applications were received; %s is %s", cl.value, newEn, formatNumber(newV))
			var fixes []lint.Fix
			if carOK && carV > 0 {
				zh += fmt.Sprintf("（加上“%s”%s 件为 %s）", grammar.Table2.Row(grammar.RowCarried).Label, formatNumber(carV), formatNumber(newV+carV))
				en += fmt.Sprintf(" (%s with the %s carried over)", formatNumber(newV+carV), formatNumber(carV))
			} else {
				fixes = numberFix(cl.span, newV)
			}
			c.Emit(lint.Diagnostic{Span: cl.span, Message: zh, MessageEN: en, Fixes: fixes, Related: related(newCell, newZh)})
		case "either":
			if !newOK || n == newV || carOK && n == newV+carV || totOK && n == totV {
				continue
			}
			zh := fmt.Sprintf("正文称办理申请 %d 件，与表格不符：%s为 %s", cl.value, newZh, formatNumber(newV))
			en := fmt.Sprintf("the text says %d applications were handled, which matches no table figure: %s is %s", cl.value, newEn, formatNumber(newV))
			if carOK {
				zh += fmt.Sprintf("，加上年结转为 %s", formatNumber(newV+carV))
				en += fmt.Sprintf(", %s with those carried over", formatNumber(newV+carV))
			}
			if totOK {
				zh += fmt.Sprintf("，%s为 %s", totZh, formatNumber(totV))
				en += fmt.Sprintf(", %s is %s", totEn, formatNumber(totV))
			}
			c.Emit(lint.Diagnostic{Span: cl.span, Message: zh, MessageEN: en, Related: related(newCell, newZh)})
		case "handled":
			if totOK && n != totV {
				c.Emit(lint.Diagnostic{Span: cl.span,
					Message:   fmt.Sprintf("正文称办结申请 %d 件，%s为 %s", cl.value, totZh, formatNumber(totV)),
					MessageEN: fmt.Sprintf("the text says %d applications were completed; %s is %s", cl.value, totEn, formatNumber(totV)),
					Fixes:     numberFix(cl.span, totV), Related: related(totCell, totZh)})
			}
		case "carried":
			if carOK && n != carV {
				c.Emit(lint.Diagnostic{Span: cl.span,
					Message:   fmt.Sprintf("正文称上年结转申请 %d 件，%s为 %s", cl.value, carZh, formatNumber(carV)),
					MessageEN: fmt.Sprintf("the text says %d applications were carried over from last year; %s is %s", cl.value, carEn, formatNumber(carV)),
					Fixes:     numberFix(cl.span, carV), Related: related(carCell, carZh)})
			}
		case "carryover":
			if outOK && n != outV {
				c.Emit(lint.Diagnostic{Span: cl.span,
					Message:   fmt.Sprintf("正文称结转下年度继续办理 %d 件，%s为 %s", cl.value, outZh, formatNumber(outV)),
					MessageEN: fmt.Sprintf("the text says %d applications are carried into next year; %s is %s", cl.value, outEn, formatNumber(outV)),
					Fixes:     numberFix(cl.span, outV), Related: related(outCell, outZh)})
			}
		}
	}
	// "未收到政府信息公开申请" while the table counts some
	if !newOK || newV == 0 {
		return
	}
	eachSentence(c, func(s sentenceCtx) {
		if !strings.Contains(s.text, "申请") || !strings.Contains(s.text, "未") && !strings.Contains(s.text, "没有") {
			return // literals of reNoRequests
		}
		for _, m := range reNoRequests.FindAll(s.text) {
			if otherMatters.in(s.text[m[2]:m[3]]) {
				continue
			}
			sp := s.span(m[0], m[1])
			c.Emit(lint.Diagnostic{Span: sp,
				Message:   fmt.Sprintf("正文称未收到申请，%s为 %s", newZh, formatNumber(newV)),
				MessageEN: fmt.Sprintf("the text says no applications were received; %s is %s", newEn, formatNumber(newV)),
				Related:   related(newCell, newZh)})
		}
	})
}

// ---- GD-C002 ----

var (
	reReviewCount    = scanFrom(`行政(复议|诉讼)(?:案件|案|数量|数|件数)?\s*(?:为|共|共计|有)?\s*([0-9０-９]+)\s*(?:件|起|宗|个)`, "行政")
	reReviewCountPre = scanFromNumber(`([0-9０-９]+)\s*(?:件|起|宗|个)([^，。；;,0-9０-９]{0,20}?)行政(复议|诉讼)`, "件", "起", "宗", "个")
	reNoReview       = scanFrom(`(?:未|没有)(?:出现|发生|收到|产生|接到|有)?[^。；，,0-9０-９]{0,30}?行政(?:复议|诉讼)[^。；，,]*`, "未", "没有")
	reviewOutcome    = words{"纠错", "纠正", "败诉", "撤销", "确认违法", "被复议", "被诉"}
	aboutDisclose    = words{"信息公开", "依申请", "政府信息", "公开申请"}
)

func checkNarrativeReview(c *lint.Context) {
	r := c.Report
	t := r.Table(grammar.TableReview)
	if t == nil || t.Unreadable {
		return
	}
	revCell, rev, revOK := trustedNumber(t, grammar.RowReview, grammar.ColTotal)
	dCell, direct, dOK := trustedNumber(t, grammar.RowSuitDirect, grammar.ColTotal)
	_, after, aOK := trustedNumber(t, grammar.RowSuitAfter, grammar.ColTotal)
	suit, suitOK := direct+after, dOK && aOK
	revName := tableName(grammar.TableReview) + "“行政复议”总计"
	suitName := tableName(grammar.TableReview) + "“行政诉讼”两组（未经复议直接起诉、复议后起诉）总计之和"
	revEN := tableNameEN(grammar.TableReview) + ", 行政复议 total"
	suitEN := tableNameEN(grammar.TableReview) + ", sum of the two 行政诉讼 totals"
	report := func(sp grammar.Span, what string, n int, zero bool) {
		var want float64
		var name, nameEN, whatEN string
		var cell *grammar.Cell
		if what == "复议" {
			if !revOK {
				return
			}
			want, name, nameEN, whatEN, cell = rev, revName, revEN, "administrative reviews", revCell
		} else {
			if !suitOK {
				return
			}
			want, name, nameEN, whatEN, cell = suit, suitName, suitEN, "lawsuits", dCell
		}
		if float64(n) == want {
			return
		}
		d := lint.Diagnostic{Span: sp, Related: related(cell, name)}
		if zero {
			d.Message = fmt.Sprintf("正文称没有行政%s，%s为 %s", what, name, formatNumber(want))
			d.MessageEN = fmt.Sprintf("the text says there were no %s; %s is %s", whatEN, nameEN, formatNumber(want))
		} else {
			d.Message = fmt.Sprintf("正文称行政%s %d 件，%s为 %s", what, n, name, formatNumber(want))
			d.MessageEN = fmt.Sprintf("the text says %d %s; %s is %s", n, whatEN, nameEN, formatNumber(want))
			d.Fixes = numberFix(sp, want)
		}
		c.Emit(d)
	}
	eachSentence(c, func(s sentenceCtx) {
		if !aboutDisclose.in(s.text) && s.b.Section != grammar.SecReview || !strings.Contains(s.text, "行政") {
			return // every pattern below names 行政复议 or 行政诉讼
		}
		taken := map[int]bool{}
		for _, m := range reReviewCount.FindAll(s.text) {
			if reviewOutcome.in(s.text[m[0]:m[1]]) {
				continue
			}
			n, ok := atoiDigits(s.text[m[4]:m[5]])
			if !ok {
				continue
			}
			taken[m[4]] = true
			report(s.span(m[4], m[5]), s.text[m[2]:m[3]], n, false)
		}
		for _, m := range reReviewCountPre.FindAll(s.text) {
			if taken[m[2]] || reviewOutcome.in(s.text[m[4]:m[5]]) || strings.Contains(s.text[m[4]:m[5]], "申请") {
				continue
			}
			n, ok := atoiDigits(s.text[m[2]:m[3]])
			if !ok {
				continue
			}
			report(s.span(m[2], m[3]), s.text[m[6]:m[7]], n, false)
		}
		for _, m := range reNoReview.FindAll(s.text) {
			clause := s.text[m[0]:m[1]]
			if reviewOutcome.in(clause) {
				continue
			}
			for _, what := range []string{"复议", "诉讼"} {
				if i := strings.Index(clause, "行政"+what); i >= 0 {
					report(s.span(m[0]+i, m[0]+i+len("行政"+what)), what, 0, true)
				}
			}
		}
	})
}

// ---- GD-C003 ----

var (
	reClauseSplit = regexp.MustCompile(`[，,、；;：:]`)
	reDocNumber   = scanFromNumber(`([0-9０-９]+)\s*(件|部|条|个|份)`, "件", "部", "条", "个", "份")
	reOtherBodies = regexp.MustCompile(`(?:部门|各单位|区直|县直|市直|乡镇|街道|各地|上级|省级|国家)(?:的)?(?:行政)?规范性文件`)
	issueVerbs    = words{"制发", "印发", "出台", "发布", "制定"}
	repealVerbs   = words{"废止", "失效"}
)

func checkNarrativeDocs(c *lint.Context) {
	r := c.Report
	if r.Format != grammar.Format2021 {
		return
	}
	t := r.Table(grammar.TableProactive)
	if t == nil || t.Unreadable {
		return
	}
	eachSentence(c, func(s sentenceCtx) {
		if !strings.Contains(s.text, "规范性文件") && !strings.Contains(s.text, "规章") {
			return // no clause can name a subject
		}
		subject := ""
		pos := 0
		for _, cut := range append(reClauseSplit.FindAllStringIndex(s.text, -1), []int{len(s.text), len(s.text)}) {
			clause := s.text[pos:cut[0]]
			base := pos
			pos = cut[1]
			switch {
			case strings.Contains(clause, "规范性文件"):
				subject = grammar.RowNormative
				if reOtherBodies.MatchString(clause) {
					subject = ""
				}
			case strings.Contains(clause, "规章") && !strings.Contains(clause, "规章制度"):
				subject = grammar.RowRules
			case strings.Contains(clause, "文件") || strings.Contains(clause, "信息") || strings.Contains(clause, "政策"):
				subject = ""
			}
			if subject == "" {
				continue
			}
			col := ""
			switch {
			case strings.Contains(clause, "现行有效"):
				col = grammar.ColInForce
			case repealVerbs.in(clause):
				col = grammar.ColRepealed
			case issueVerbs.in(clause):
				col = grammar.ColIssued
			default:
				continue
			}
			m := reDocNumber.Find(clause)
			if m == nil {
				continue
			}
			n, ok := atoiDigits(clause[m[2]:m[3]])
			if !ok {
				continue
			}
			cell, v, ok := trustedNumber(t, subject, col)
			if !ok || float64(n) == v {
				continue
			}
			sp := s.span(base+m[2], base+m[3])
			what := map[string]string{grammar.ColIssued: "制发", grammar.ColRepealed: "废止", grammar.ColInForce: "现行有效"}[col]
			whatEN := map[string]string{grammar.ColIssued: "issued", grammar.ColRepealed: "repealed", grammar.ColInForce: "in force"}[col]
			noun, unit := cell.Row.Label, clause[m[4]:m[5]]
			c.Emit(lint.Diagnostic{Span: sp,
				Message:   fmt.Sprintf("正文称%s%s %d %s，%s为 %s", what, noun, n, unit, cellName(cell), formatNumber(v)),
				MessageEN: fmt.Sprintf("the text says %d %s %s; %s is %s", n, noun, whatEN, cellNameEN(cell), formatNumber(v)),
				Fixes:     numberFix(sp, v), Related: related(cell, cellName(cell))})
		}
	})
}

// ---- GD-C004 ----

var reCompletion = scanFrom(`办结率\s*(?:达到?|为)?\s*100\s*[%％]|(?:全部|均已|均|已全部|都已|全都)(?:按时|按期|依法|按要求|按规定)?(?:办结|办理完毕|办理完成|办理完结|答复完毕)|所有申请均已[^，。；]{0,8}(?:办结|办理完成|办理完毕)`,
	"办结率", "全部", "均已", "均", "已全部", "都已", "全都", "所有申请均已")

func checkCompletionClaim(c *lint.Context) {
	r := c.Report
	out, cell, summed, ok := tableTotal(r, grammar.TableRequests, grammar.RowCarryOver)
	if !ok || out <= 0 {
		return
	}
	name, nameEN := totalName(r, grammar.TableRequests, grammar.RowCarryOver, summed)
	eachSentence(c, func(s sentenceCtx) {
		if !strings.Contains(s.text, "申请") && !strings.Contains(s.prev, "申请") {
			return
		}
		if otherMatters.in(s.text) && !strings.Contains(s.text, "申请") {
			return
		}
		if !strings.Contains(s.text, "办结率") && !strings.ContainsAny(s.text, "均全都") {
			return // every alternative of reCompletion holds one of these
		}
		for _, m := range reCompletion.FindAll(s.text) {
			claim := s.text[m[0]:m[1]]
			c.Emit(lint.Diagnostic{Span: s.span(m[0], m[1]),
				Message:   fmt.Sprintf("正文称“%s”，但%s为 %s：仍有申请结转下年度继续办理", claim, name, formatNumber(out)),
				MessageEN: fmt.Sprintf("the text says “%s”, but %s is %s: some applications are still open", claim, nameEN, formatNumber(out)),
				Related:   related(cell, name)})
		}
	})
}

// ---- GD-C005 ----

var rePercent = scanFromNumber(`([0-9０-９]+)\s*件\s*[（(，,]?\s*(?:占(?:比)?(?:为)?)?\s*([0-9]+(?:\.[0-9]+)?)\s*[%％]`, "件")

func checkPercentages(c *lint.Context) {
	r := c.Report
	type base struct {
		v       float64
		zh, en  string
		cell    *grammar.Cell
		primary bool
	}
	var bases []base
	if v, cell, summed, ok := tableTotal(r, grammar.TableRequests, grammar.RowTotal); ok && v > 0 {
		zh, en := totalName(r, grammar.TableRequests, grammar.RowTotal, summed)
		bases = append(bases, base{v: v, zh: zh, en: en, cell: cell, primary: true})
	}
	newV, newCell, newSum, newOK := tableTotal(r, grammar.TableRequests, grammar.RowNew)
	if newOK && newV > 0 {
		zh, en := totalName(r, grammar.TableRequests, grammar.RowNew, newSum)
		bases = append(bases, base{v: newV, zh: zh, en: en, cell: newCell})
		if carV, _, _, ok := tableTotal(r, grammar.TableRequests, grammar.RowCarried); ok && carV > 0 {
			bases = append(bases, base{v: newV + carV, zh: "一 + 二", en: "rows 一 + 二", cell: newCell})
		}
	}
	if len(bases) == 0 || !bases[0].primary {
		return
	}
	for _, b := range blocksOf(c) {
		if !narrativeSection(b.Section) || !strings.Contains(b.Text, "申请") ||
			!strings.Contains(b.Text, "件") || !strings.ContainsAny(b.Text, "%％") {
			continue // literals of rePercent
		}
		for _, m := range rePercent.FindAll(b.Text) {
			n, ok := atoiDigits(b.Text[m[2]:m[3]])
			if !ok {
				continue
			}
			ptext := b.Text[m[4]:m[5]]
			p, err := strconv.ParseFloat(ptext, 64)
			if err != nil {
				continue
			}
			decimals := 0
			if i := strings.IndexByte(ptext, '.'); i >= 0 {
				decimals = len(ptext) - i - 1
			}
			unit := math.Pow(10, -float64(decimals))
			matches := false
			for _, bs := range bases {
				x := float64(n) / bs.v * 100
				if math.Abs(x-p) <= unit/2+1e-9 || x >= p-1e-9 && x < p+unit {
					matches = true
					break
				}
			}
			if matches {
				continue
			}
			bs := bases[0]
			want := strconv.FormatFloat(float64(n)/bs.v*100, 'f', decimals, 64)
			sp := b.Span(m[4], m[5])
			c.Emit(lint.Diagnostic{Span: sp,
				Message: fmt.Sprintf("正文称 %d 件占 %s%%，以%s %s 为基数应为 %s%%（以一、一 + 二为基数也算不上）",
					n, ptext, bs.zh, formatNumber(bs.v), want),
				MessageEN: fmt.Sprintf("the text gives %d as %s%%; out of %s (%s) it is %s%% (no other base fits either)",
					n, ptext, bs.en, formatNumber(bs.v), want),
				Fixes: []lint.Fix{{Title: "改为 " + want, TitleEN: "change to " + want,
					Edits: []lint.Edit{{Span: sp, NewText: want}}, Applicability: lint.Unsafe}},
				Related: related(bs.cell, bs.zh)})
		}
	}
}

// ---- GD-C006 ----

var (
	reFeeAmount = scanFrom(`行政事业性收费[^，。；;,0-9０-９]{0,8}?([0-9]+(?:\.[0-9]+)?)\s*(万元|元)`, "行政事业性收费")
	reNoFee     = scanFrom(`(?:未|没有|无)(?:收取|产生|发生)?[^，。；;,0-9０-９]{0,6}?行政事业性收费`, "未", "没有", "无")
)

func checkNarrativeFees(c *lint.Context) {
	r := c.Report
	if r.Format != grammar.Format2021 {
		return
	}
	t := r.Table(grammar.TableProactive)
	if t == nil {
		return
	}
	cell, v, ok := trustedNumber(t, grammar.RowFees, grammar.ColAmount)
	if !ok {
		return
	}
	name, nameEN := cellName(cell), cellNameEN(cell)
	eachSentence(c, func(s sentenceCtx) {
		if !strings.Contains(s.text, "行政事业性收费") {
			return // a literal of both patterns
		}
		for _, m := range reFeeAmount.FindAll(s.text) {
			amount, err := strconv.ParseFloat(s.text[m[2]:m[3]], 64)
			if err != nil {
				continue
			}
			if s.text[m[4]:m[5]] == "元" {
				amount /= 10000
			}
			if math.Abs(amount-v) < 0.00005 {
				continue
			}
			sp := s.span(m[2], m[5])
			c.Emit(lint.Diagnostic{Span: sp,
				Message:   fmt.Sprintf("正文称行政事业性收费 %s，%s为 %s 万元", s.text[m[2]:m[5]], name, formatNumber(v)),
				MessageEN: fmt.Sprintf("the text gives administrative fees of %s; %s is %s (10,000 yuan)", s.text[m[2]:m[5]], nameEN, formatNumber(v)),
				Related:   related(cell, name)})
		}
		if v <= 0 {
			return
		}
		for _, m := range reNoFee.FindAll(s.text) {
			c.Emit(lint.Diagnostic{Span: s.span(m[0], m[1]),
				Message:   fmt.Sprintf("正文称未收取行政事业性收费，%s为 %s 万元", name, formatNumber(v)),
				MessageEN: fmt.Sprintf("the text says no administrative fees were charged; %s is %s (10,000 yuan)", nameEN, formatNumber(v)),
				Related:   related(cell, name)})
		}
	})
}
