package rules

// Writing rules (GD-W): what a careful proof-reader catches in the prose —
// the fee statement section 六 must make, leftovers of a web page or an
// export, doubled words, half-width punctuation and stray spaces inside
// Chinese text, broken enumerations, paragraphs broken mid-sentence.
// They read paragraphs and headings only: table cells and heading numbering
// belong to the table and structure rules.

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W001", Name: "fee-statement-missing", Family: lint.FamilyWriting, Severity: lint.Error,
		Summary:   "“六、其他需要报告的事项”未说明是否收取信息处理费",
		SummaryEN: "section 六 does not state whether information processing fees were charged",
		Explanation: `2021 年格式的“六、其他需要报告的事项”须说明本年度信息处理费的收取情况（收取金额，或“未收取”）。

依据：《政府信息公开条例》第四十二条与《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）设立信息处理费；
表三（六）2“申请人逾期未按收费通知要求缴纳费用”一行即由此而来，各地通知（如河南省政府办公厅 2021 年 1 月通知）
要求把收费情况写入年度报告（见 spec §2.8、§4.3 第 7 点）。

判断：第六部分（含其小标题）中出现“信息处理费”“信息公开处理费”“处理费”或“收费”“收取”“费用”之一即视为已说明。
仅检查 2021 年格式的报告；没有第六部分时由结构规则报告。`,
		ExplanationEN: `In the 2021 format, “六、其他需要报告的事项” must state whether information processing fees (信息处理费) were charged
this year (the amount charged, or “未收取”: none).

Basis: Article 42 of the 《政府信息公开条例》 and the 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号) establish
the information processing fee; the row （六）2 of 表三, “申请人逾期未按收费通知要求缴纳费用”, comes from them, and
provincial notices (such as the Henan provincial government office's notice of January 2021) require the fees charged to
be reported in the annual report (see spec §2.8, §4.3 item 7).

How it is judged: the statement counts as made when section 六 (with its subheadings) contains “信息处理费”,
“信息公开处理费” or “处理费”, or one of “收费”, “收取” and “费用”. Only reports in the 2021 format are checked; a
missing section 六 is reported by the structure rules.`,
		Check: checkFeeStatement,
	})
	lint.Register(&lint.Rule{
		ID: "GD-W002", Name: "residue", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSometimes,
		Summary:   "正文中残留网页、书签、页码或抓取工具的文字",
		SummaryEN: "text left over from a web page, a Word export, page numbers or a crawler",
		Explanation: `从网页复制、从 Word/PDF 导出或由抓取工具保存的报告常带有不属于报告的文字：导航“当前位置：”、
“阅读次数”“打印本页”“账号+密码登录”等网页元素，“[bookmark: _GoBack]”书签，“— 5 —”页码，
“原文链接:”“本地目录:”等抓取元数据。它们会被读者看到，也会干扰对正文的检查。

依据：国办公开办函〔2021〕30号要求年度报告“格式规范”；各地编制通知要求“文字严谨”（spec §2.9、§7）。

修复（安全）：删除残留文字；该行因此变空时连同整行删除。残留中含有网页的发布日期时只提供手动修复，
因为日期规则要用到它。`,
		ExplanationEN: `Reports copied from web pages, exported from Word or PDF, or saved by crawlers often carry text that is not part of the
report: web page elements such as the navigation “当前位置：”, “阅读次数”, “打印本页” or “账号+密码登录”; “[bookmark:
_GoBack]” bookmarks; “— 5 —” page numbers; crawler metadata such as “原文链接:” and “本地目录:”. Readers see them, and
they get in the way of checking the text.

Basis: 国办公开办函〔2021〕30号 requires annual reports to be “格式规范” (properly formatted); local compilation notices
require “文字严谨” (careful wording) (spec §2.9, §7).

Fix (safe): delete the leftover text, with the whole line when the line becomes empty. When the leftover contains the
web page's publication date, only a manual fix is offered, because the date rules use that date.`,
		Check: checkResidue,
	})
	lint.Register(&lint.Rule{
		ID: "GD-W003", Name: "doubled-word", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSafe,
		Summary:   "字或词误重复（的的、审核审核）",
		SummaryEN: "a character or word doubled by mistake",
		Explanation: `检查两类重复：

- 双字词紧接重复：“审核审核”“资金资金”。“研究研究”等动词重叠、“一个一个”等以“一”起头的重复不报告。
- 虚词单字重复：的的、了了、在在、和和、与与、及及、并并、或或、被被、于于、而而、也也、都都、就就、还还、
  又又、已已、把把、将将、为为、以以、从从、向向、由由、给给。跨词的合法组合不报告，例如“的的确确”“目的的”
  “不了了之”“为了了解”“即将将”“对对方”“可以以”“行为为”“实实在在”。

常见的叠字（常常、人人、层层、一一、件件、家家户户、紧紧等）以及“法规规定”“项目目录”“工作作出”这类跨词相邻的
相同汉字都不在检查之列：只有上面列出的虚词才会单字重复报告，以免误报。

依据：各地编制通知要求年度报告“文字严谨”（spec §7）。修复（安全）：删除重复的一份。`,
		ExplanationEN: `Two kinds of repetition are checked:

- A two-character word repeated right after itself: “审核审核”, “资金资金”. Verb reduplication such as “研究研究” and
  repetitions starting with “一” such as “一个一个” are not reported.
- A single function character doubled:
  的的、了了、在在、和和、与与、及及、并并、或或、被被、于于、而而、也也、都都、就就、还还、又又、已已、把把、将将、为为、以以、从从、向向、由由、给给.
  Legitimate combinations across words are not reported, such as “的的确确”, “目的的”, “不了了之”, “为了了解”, “即将将”,
  “对对方”, “可以以”, “行为为”, “实实在在”.

Common reduplicated words (常常、人人、层层、一一、件件、家家户户、紧紧 and the like), and identical characters that
meet across two words, such as “法规规定”, “项目目录” or “工作作出”, are not checked: to avoid false alarms, only the
function characters listed above are reported when doubled.

Basis: local compilation notices require annual reports to be “文字严谨” (careful wording) (spec §7). Fix (safe): delete
one of the two copies.`,
		Check: checkDoubled,
	})
	lint.Register(&lint.Rule{
		ID: "GD-W004", Name: "halfwidth-punctuation", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSafe,
		Summary:   "中文文本中使用了半角标点",
		SummaryEN: "half-width punctuation inside Chinese text",
		Explanation: `两个中文字符（汉字或全角标点）之间的半角“, : ; ? !”，以及内容含汉字、且紧挨中文的半角括号“( )”，
应使用全角“，：；？！（）”。数字中的逗号（1,000）、时间（12:30）、网址和纯英文/数字的括号内容不报告；
表格单元格和标题编号也不在此检查之列。

依据：GB/T 15834—2011《标点符号用法》规定中文文本使用全角标点；年度报告格式的标签均用全角标点（spec §0、§7）。

修复（安全）：换成对应的全角标点；括号成对替换。`,
		ExplanationEN: `Half-width “, : ; ? !” between two Chinese characters (Han characters or full-width punctuation), and half-width
brackets “( )” next to Chinese text whose content contains Han characters, should be the full-width “，：；？！（）”.
Commas in numbers (1,000), times (12:30), web addresses and brackets holding only English or digits are not reported;
table cells and heading numbers are not checked here.

Basis: GB/T 15834—2011《标点符号用法》 prescribes full-width punctuation in Chinese text; the labels of the annual
report format all use full-width punctuation (spec §0, §7).

Fix (safe): replace with the corresponding full-width punctuation; brackets are replaced in pairs.`,
		Check: checkHalfwidth,
	})
	lint.Register(&lint.Rule{
		ID: "GD-W005", Name: "stray-space", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSafe,
		Summary:   "中文字符之间有多余的空格",
		SummaryEN: "stray space between Chinese characters",
		Explanation: `正文中两个中文字符之间的空格（如“关注关 切”“问题， 细化”）多是排版或复制留下的，读者看到的是断裂的词。
句号、问号、叹号之后的空格不报告（抓取的网页常用空格分隔原来的段落）；汉字与数字、字母之间的空格是另一种
排版风格，不在此检查之列；表格单元格与标题编号中的空格由表格、结构规则处理。

依据：各地编制通知要求“格式规范、文字严谨”（spec §7）。修复（安全）：删除空格。`,
		ExplanationEN: `A space between two Chinese characters in the text (such as “关注关 切” or “问题， 细化”) is usually left over from
layout or copying, and readers see a broken word. A space after a full stop, question mark or exclamation mark is not
reported (crawled web pages often separate the original paragraphs with spaces); a space between Han characters and
digits or Latin letters is a different typographic style and is not checked here; spaces in table cells and heading
numbers are left to the table and structure rules.

Basis: local compilation notices require “格式规范、文字严谨” (proper format, careful wording) (spec §7). Fix (safe):
delete the space.`,
		Check: checkStraySpace,
	})
	lint.Register(&lint.Rule{
		ID: "GD-W006", Name: "enumeration-gap", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixUnsafe,
		Summary:   "列举序号跳号或重复（一是…三是，（一）（三））",
		SummaryEN: "an enumeration skips or repeats a number",
		Explanation: `“一是、二是、三是……”和小标题“（一）（二）（三）”“1. 2. 3.”应连续编号。
报告的位置是打破顺序的那个序号：“一是…三是”中的“三是”；“一是…三是…三是”中的第一个“三是”（第二个“三是”
按位置已是第三项，不再报告）。

范围：“一是”序列在每个标题下重新计数，遇到新的“一是”也重新开始；“（一）”序列在每个一级标题下计数，
“1.”序列在每个“（一）”下计数。

依据：各地编制通知要求“格式规范”（spec §7）。修复：仅在后续序号支持时提供手动修复（改为应有的序号）。`,
		ExplanationEN: `“一是、二是、三是……” and subheadings “（一）（二）（三）” or “1. 2. 3.” should be numbered without gaps or repeats. The
finding is at the number that breaks the order: “三是” in “一是…三是”; the first “三是” in “一是…三是…三是” (by its
position the second “三是” is the third item and is not reported).

Scope: a “一是” series is counted afresh under each heading, and starts again at each new “一是”; a “（一）” series is
counted under each top-level heading, a “1.” series under each “（一）”.

Basis: local compilation notices require “格式规范” (proper format) (spec §7). Fix: a manual fix (to the expected
number) is offered only when the numbers that follow support it.`,
		Check: checkEnumeration,
	})
	lint.Register(&lint.Rule{
		ID: "GD-W007", Name: "broken-paragraph", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSafe,
		Summary:   "段落在句子中间被空行断开",
		SummaryEN: "a paragraph is broken mid-sentence by a blank line",
		Explanation: `一段文字以汉字结尾（没有句末标点），空一行后下一段又以汉字接续（如“看\n\n得懂”），
多是从 PDF 或分页的 Word 文档复制时留下的断行，读者会看到一个被拆开的句子。
以“一是”、序号或标题开头的下一段不报告；报告标题与落款不在此检查之列。

依据：各地编制通知要求“格式规范”（spec §7）。修复（安全）：删除两段之间的空行，把句子接上。`,
		ExplanationEN: `A paragraph ends in a Han character (with no sentence-final punctuation), and after a blank line the next paragraph goes
on with Han characters (such as “看\n\n得懂”): usually a line break left over from copying out of a PDF or a paginated
Word document, and readers see a sentence torn in two. A next paragraph that starts with “一是”, a number or a heading
is not reported; the report's title and signature are not checked.

Basis: local compilation notices require “格式规范” (proper format) (spec §7). Fix (safe): delete the blank line between
the two paragraphs, joining the sentence.`,
		Check: checkBrokenParagraph,
	})
	lint.Register(&lint.Rule{
		ID: "GD-W008", Name: "problems-section-empty", Family: lint.FamilyWriting, Severity: lint.Error,
		Summary:   "“五、存在的主要问题及改进情况”为空或只写“无”",
		SummaryEN: "section 五 (problems and improvements) is empty or just says 无",
		Explanation: `“五、存在的主要问题及改进情况”须写明本机关政府信息公开工作存在的主要问题和改进情况，
不能空着，也不能只写“无”。

依据：《政府信息公开条例》第五十条第（四）项；国办公开办函〔2021〕30号要求报告内容“不能遗漏”（spec §1.2、§2.7）。`,
		ExplanationEN: `“五、存在的主要问题及改进情况” must state the main problems of this body's government information disclosure work and
how they are being improved; it may not be left empty or say just “无” (none).

Basis: Article 50 item （四） of the 《政府信息公开条例》 (第五十条第（四）项); 国办公开办函〔2021〕30号 requires the
report content to be “不能遗漏” (nothing left out) (spec §1.2, §2.7).`,
		Check: checkProblemsEmpty,
	})
}

// ---- GD-W001 ----

var feeWords = []string{"信息处理费", "信息公开处理费", "处理费", "收费", "收取", "费用"}

func checkFeeStatement(c *lint.Context) {
	r := c.Report
	if r.Format != grammar.Format2021 {
		return
	}
	sec := r.Section(grammar.SecOther)
	if sec == nil {
		return
	}
	text := sectionText(r, sec)
	for _, w := range feeWords {
		if strings.Contains(text, w) {
			return
		}
	}
	c.Emitf(sec.Heading.Span,
		"“"+sec.Def.Canonical()+"”未说明本年度是否收取信息处理费（应写明收取金额或“未收取信息处理费”）",
		"section 六 does not say whether information processing fees were charged this year (state the amount, or that none were charged)")
}

// ---- GD-W002 ----

func checkResidue(c *lint.Context) {
	r := c.Report
	src := c.Source()
	for _, x := range r.Residue {
		sp := x.Span
		if sp.Len() == 0 {
			continue
		}
		del := sp
		if onlySpaceOutside(src, sp) {
			del = lineSpanOf(src, sp.Start)
			if l := src.Line(sp.End); l != src.Line(sp.Start) && sp.End != src.LineStart(l) {
				del.End = src.LineStart(l + 1)
			}
		}
		fix := lint.Fix{Title: "删除残留文字", TitleEN: "delete the leftover text",
			Edits: []lint.Edit{{Span: del}}, Applicability: lint.Safe}
		if p := r.Publication; p != nil && del.Start <= p.Span.Start && p.Span.End <= del.End {
			fix.Applicability = lint.Unsafe
		}
		quoted := quote(x.Text, 24)
		var zh, en string
		switch x.Kind {
		case "page-number":
			zh, en = "页码“"+quoted+"”残留在正文中", "page number “"+quoted+"” left in the text"
		case "bookmark":
			zh, en = "Word 书签标记“"+quoted+"”残留在正文中", "Word bookmark marker “"+quoted+"” left in the text"
		case "crawler":
			zh, en = "抓取工具写入的文字“"+quoted+"”不属于报告", "text written by a crawler “"+quoted+"” is not part of the report"
		case "export":
			zh, en = "导出残留“"+quoted+"”不属于报告", "export leftover “"+quoted+"” is not part of the report"
		default:
			zh, en = "网页残留“"+quoted+"”（导航、计数、登录框等）不属于报告", "web page leftover “"+quoted+"” (navigation, counters, login) is not part of the report"
		}
		c.Emitf(sp, zh, en, fix)
	}
}

// quote shortens s to n characters for a message, collapsing whitespace.
func quote(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return isSpaceRune(r) }), " ")
	if utf8.RuneCountInString(s) > n {
		rs := []rune(s)
		return string(rs[:n]) + "…"
	}
	return s
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', 0xA0, 0x3000, 0xFEFF, 0x200B:
		return true
	}
	return false
}

// ---- GD-W003 ----

// doubledFunctionChars are characters whose doubling is almost always a slip.
const doubledFunctionChars = "的了在和与及并或被于而也都就还又已把将为以从向由给对"

// doubledExceptions are legitimate strings that contain a doubled function
// character; each is matched around the pair.
var doubledExceptions = []string{
	"的的确确", "目的的", "有的的", "不了了之", "一了了之", "了了解", "了了分明", "实实在在", "存在在", "现在在", "所在在",
	"和和美美", "和和气气", "总和和", "缓和和", "平和和", "与与会", "参与与", "给与与", "以及及", "危及及", "涉及及", "普及及",
	"合并并", "兼并并", "由于于", "对于于", "关于于", "至于于", "属于于", "在于于", "等于于", "终于于", "敢于于", "善于于",
	"进而而", "从而而", "因而而", "然而而", "反而而", "继而而", "把把关", "一把把",
	"即将将", "必将将", "终将将", "行为为", "作为为", "认为为", "成为为", "称为为", "视为为", "以为为", "因为为", "分为为",
	"改为为", "更为为", "较为为", "最为为", "极为为", "尤为为", "可以以", "所以以", "得以以", "予以以", "加以以", "难以以",
	"足以以", "用以以", "借以以", "从从容容", "自从从", "服从从", "听从从", "方向向", "导向向", "面向向", "指向向",
	"趋向向", "转向向", "走向向", "理由由", "自由由", "经由由", "缘由由", "交给给", "供给给", "发给给", "对对方", "对对象",
	"对对接", "对对口", "对对比", "对对照", "对对外", "对对应", "针对对", "面对对", "应对对", "核对对", "比对对", "相对对",
	"绝对对", "反对对", "校对对", "配对对",
}

var reDoubledWord = regexp.MustCompile(`\p{Han}{2}`)

func checkDoubled(c *lint.Context) {
	var buf doubledBuf // reused by every paragraph
	for _, p := range c.Report.Paragraphs {
		text, at := paraText(c.Report, p)
		checkDoubledIn(c, text, at, &buf)
	}
}

// doubledBuf holds a paragraph's runes and their byte offsets.
type doubledBuf struct {
	rs   []rune
	offs []int
}

func checkDoubledIn(c *lint.Context, text string, base int, buf *doubledBuf) {
	if !mayHaveDoubled(text) {
		return
	}
	type hit struct{ start, end, n int }
	var hits []hit
	rs, offs := buf.rs[:0], buf.offs[:0]
	for i, r := range text {
		rs = append(rs, r)
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	buf.rs, buf.offs = rs, offs
	for i := 0; i+1 < len(rs); i++ {
		// two-character word doubled: ABAB (the cheap comparisons first)
		if i+3 < len(rs) && rs[i] == rs[i+2] && rs[i+1] == rs[i+3] && rs[i] != rs[i+1] &&
			isHan(rs[i]) && isHan(rs[i+1]) && legitABAB(rs, i) == false {
			hits = append(hits, hit{i, i + 4, 2})
			i += 3
			continue
		}
		if rs[i] == rs[i+1] && strings.ContainsRune(doubledFunctionChars, rs[i]) && !doubledException(rs, i) {
			hits = append(hits, hit{i, i + 2, 1})
			i++
		}
	}
	for _, h := range hits {
		word := string(rs[h.start : h.start+h.n])
		r := c.Report
		sp := srcSpan(r, base+offs[h.start], base+offs[h.end])
		del := srcSpan(r, base+offs[h.start+h.n], base+offs[h.end])
		var fixes []lint.Fix
		if r.Source.Slice(del) == word {
			fixes = append(fixes, lint.Fix{Title: "删除重复的“" + word + "”", TitleEN: "delete the repeated “" + word + "”",
				Edits: []lint.Edit{{Span: del}}, Applicability: lint.Safe})
		}
		c.Emitf(sp,
			fmt.Sprintf("“%s”重复：“%s%s”应为“%s”", word, word, word, word),
			fmt.Sprintf("“%s” is doubled: “%s%s” should be “%s”", word, word, word, word),
			fixes...)
	}
}

// mayHaveDoubled is a quick pass that rules out most paragraphs: a finding
// needs a function character followed by itself (AA), or two different Han
// characters repeated (ABAB) — the conditions of checkDoubledIn before its
// exceptions. Only then is the paragraph read into runes.
func mayHaveDoubled(text string) bool {
	r1, r2, r3 := rune(-1), rune(-1), rune(-1) // the three runes before r
	for _, r := range text {
		if r == r1 && strings.ContainsRune(doubledFunctionChars, r) ||
			r == r2 && r1 == r3 && r1 != r && isHan(r1) && isHan(r) {
			return true
		}
		r1, r2, r3 = r, r1, r2
	}
	return false
}

// legitABAB accepts verb reduplication (研究研究) and 一X一X counting, and a
// word followed by a longer term that starts with it (学习学习强国).
func legitABAB(rs []rune, i int) bool {
	if rs[i] == '一' {
		return true
	}
	w := string(rs[i : i+2])
	switch w {
	case "研究", "讨论", "学习", "商量", "考虑", "休息", "了解", "交流", "活动", "打听", "琢磨", "锻炼":
		return true
	}
	if i+5 < len(rs) && w == "学习" && string(rs[i+4:i+6]) == "强国" {
		return true
	}
	return false
}

// doubledExceptionRunes indexes the exceptions by the doubled rune.
var doubledExceptionRunes = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, ex := range doubledExceptions {
		er := []rune(ex)
		seen := map[rune]bool{}
		for k := 0; k+1 < len(er); k++ {
			if er[k] == er[k+1] && !seen[er[k]] {
				seen[er[k]] = true
				m[er[k]] = append(m[er[k]], er)
			}
		}
	}
	return m
}()

// doubledException reports whether the pair at rs[i], rs[i+1] lies inside
// one of the legitimate strings.
func doubledException(rs []rune, i int) bool {
	for _, er := range doubledExceptionRunes[rs[i]] {
		if len(er) <= 2 {
			continue
		}
		for k := 0; k+1 < len(er); k++ {
			if er[k] != rs[i] || er[k+1] != rs[i+1] {
				continue
			}
			start := i - k
			if start < 0 || start+len(er) > len(rs) {
				continue
			}
			match := true
			for j, r := range er {
				if rs[start+j] != r {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

// ---- GD-W004 ----

var fullWidth = map[byte]string{',': "，", ':': "：", ';': "；", '?': "？", '!': "！", '(': "（", ')': "）"}

func checkHalfwidth(c *lint.Context) {
	r := c.Report
	src := c.Source()
	for _, p := range r.Paragraphs {
		text, base := paraText(r, p)
		for i := 0; i < len(text); i++ {
			ch := text[i]
			switch ch {
			case ',', ':', ';', '?', '!':
				if isCJK(runeBefore(text, i)) && isCJK(runeAt(text, i+1)) {
					sp := srcSpan(r, base+i, base+i+1)
					if src.Slice(sp) != string(ch) {
						continue
					}
					fw := fullWidth[ch]
					c.Emitf(sp,
						fmt.Sprintf("中文文本中使用了半角“%c”，应为全角“%s”", ch, fw),
						fmt.Sprintf("half-width “%c” inside Chinese text; use full-width “%s”", ch, fw),
						lint.Fix{Title: "改为全角“" + fw + "”", TitleEN: "replace with full-width “" + fw + "”",
							Edits: []lint.Edit{{Span: sp, NewText: fw}}, Applicability: lint.Safe})
				}
			case '(':
				j := strings.IndexAny(text[i+1:], "()")
				if j < 0 || text[i+1+j] != ')' {
					continue
				}
				j += i + 1
				inner := text[i+1 : j]
				if !strings.ContainsFunc(inner, isHan) || runeBefore(text, i) == ']' {
					continue
				}
				if !isCJK(runeBefore(text, i)) && !isCJK(runeAt(text, j+1)) && !isCJK(runeAt(text, i+1)) {
					continue
				}
				open, closing := srcSpan(r, base+i, base+i+1), srcSpan(r, base+j, base+j+1)
				if src.Slice(open) != "(" || src.Slice(closing) != ")" {
					continue
				}
				c.Emitf(open,
					"中文文本中使用了半角括号“("+quote(inner, 12)+")”，应为全角“（）”",
					"half-width parentheses “("+quote(inner, 12)+")” inside Chinese text; use full-width “（）”",
					lint.Fix{Title: "改为全角括号“（）”", TitleEN: "replace with full-width “（）”",
						Edits: []lint.Edit{{Span: open, NewText: "（"}, {Span: closing, NewText: "）"}}, Applicability: lint.Safe})
				i = j
			}
		}
	}
}

// ---- GD-W005 ----

func checkStraySpace(c *lint.Context) {
	rep := c.Report
	src := c.Source()
	v := viewOf(rep)
	vl := newViewLines(v.Text)
	lastLine, flattened := -1, false
	for _, p := range rep.Paragraphs {
		text, base := paraText(rep, p)
		if ls, le := vl.line(base); ls != lastLine {
			lastLine, flattened = ls, moreRunesThan(v.Text[ls:le], 300)
		}
		spaces := spaceFinder{text: text, next: [3]int{-2, -2, -2}}
		for i := spaces.from(0); i < len(text); i = spaces.from(i) {
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 != ' ' && r2 != 0x3000 && r2 != 0xA0 {
					break
				}
				j += n2
			}
			before, after := runeBefore(text, i), runeAt(text, j)
			// a page flattened by a crawler separates its former paragraphs
			// and menu items with spaces: there only a space after a comma
			// or an enumeration mark is a slip
			if isHan(before) && flattened {
				i = j
				continue
			}
			if isCJK(before) && isCJK(after) && !strings.ContainsRune("。！？!?", before) && !openingMark(after) {
				sp := srcSpan(rep, base+i, base+j)
				if sp.Len() == 0 || strings.ContainsAny(src.Slice(sp), "<>\n\t") {
					i = j
					continue // a separator the reader made up, markup or HTML layout
				}
				ctx := string(before) + text[i:j] + string(after)
				c.Emitf(sp,
					"中文字符之间有多余的空格：“"+ctx+"”",
					"stray space between Chinese characters: “"+ctx+"”",
					lint.Fix{Title: "删除空格", TitleEN: "delete the space", Edits: []lint.Edit{{Span: sp}}, Applicability: lint.Safe})
			}
			i = j
		}
	}
}

// spaceFinder finds the spaces of a text in increasing order: ' ', U+3000
// and U+00A0, each searched with strings.Index and remembered until passed.
// The encodings start with bytes that never continue a character, so a hit
// is always where a character starts.
type spaceFinder struct {
	text string
	next [3]int // per kind: its next offset, -1 when none is left, -2 before the first search
}

var spaceKinds = [3]string{" ", "\u3000", "\u00a0"}

// from returns the offset of the first space at or after i, or len(text).
func (f *spaceFinder) from(i int) int {
	best := len(f.text)
	for k, sp := range spaceKinds {
		if f.next[k] == -1 {
			continue
		}
		if f.next[k] < i {
			j := strings.Index(f.text[i:], sp)
			if j < 0 {
				f.next[k] = -1
				continue
			}
			f.next[k] = i + j
		}
		best = min(best, f.next[k])
	}
	return best
}

// moreRunesThan reports utf8.RuneCountInString(s) > n, counting only when
// the length in bytes leaves it open (a character is one to four bytes).
func moreRunesThan(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	return utf8.RuneCountInString(s) > n
}

// openingMark is a bracket or quote that opens: a space before it may
// separate items on purpose (crawled pages, lists).
func openingMark(r rune) bool {
	return strings.ContainsRune("（《“〔【「", r)
}

// ---- GD-W006 ----

// reEnumerator finds 一是, 二是 …: after punctuation or at the start, or —
// for 一是 only — glued to a sub-heading a crawler flattened ("建设方面一是").
var reEnumerator = regexp.MustCompile(`(?:^|[。；;：:，,、\s“）)]|([^统唯之第同万专单划均整逐其归合纯为]))([一二三四五六七八九十]{1,3})是`)

// The same pattern anchored, run only where a match can start: at the start
// of the text as it is, elsewhere without the ^ alternative (which matches
// only at the start).
var (
	reEnumeratorAtStart = regexp.MustCompile(`^(?:` + reEnumerator.String() + `)`)
	reEnumeratorAt      = regexp.MustCompile(`^(?:[。；;：:，,、\s“）)]|([^统唯之第同万专单划均整逐其归合纯为]))([一二三四五六七八九十]{1,3})是`)
)

// enumerators returns what reEnumerator.FindAllStringSubmatchIndex(text, -1)
// returns, without running the pattern over the whole text: a match is one
// rune (or the text start), one to three numerals and 是, so it starts either
// at 0 or one rune before numerals that end at a 是. The anchored pattern is
// tried at those places only, in increasing order, each at most once.
func enumerators(text string) [][]int {
	var out [][]int
	pos := 0 // the end of the last match: the next one starts here or later
	for from := 0; ; {
		i := strings.Index(text[from:], "是")
		if i < 0 {
			return out
		}
		e := from + i
		from = e + len("是")
		k := 0 // numerals just before 是 (each three bytes), at most 3
		for k < 3 && e-3*(k+1) >= 0 && isEnumNumeral(text[e-3*(k+1):e-3*k]) {
			k++
		}
		last := -1
		for ; k >= 1; k-- {
			n := e - 3*k // the first numeral
			s := 0
			if n > 0 {
				_, size := utf8.DecodeLastRuneInString(text[:n])
				s = n - size
			}
			if s < pos || s == last {
				continue
			}
			last = s
			re := reEnumeratorAt
			if s == 0 {
				re = reEnumeratorAtStart
			}
			m := re.FindStringSubmatchIndex(text[s:])
			if m == nil {
				continue
			}
			for j := range m {
				if m[j] >= 0 {
					m[j] += s
				}
			}
			out = append(out, m)
			pos = m[1]
			break
		}
	}
}

func isEnumNumeral(s string) bool {
	switch s {
	case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十":
		return true
	}
	return false
}

type enumItem struct {
	value int
	span  grammar.Span // the numeral and 是
	num   grammar.Span // the numeral
}

func checkEnumeration(c *lint.Context) {
	r := c.Report
	src := c.Source()
	// 一是 sequences: paragraphs and heading texts in document order, reset at
	// every heading that is not itself an item.
	type piece struct {
		span    grammar.Span // in the source, for ordering
		text    string       // as read
		at      int          // view offset of text; -1 when it cannot be mapped
		heading *grammar.Heading
	}
	paras := make([]piece, 0, len(r.Paragraphs))
	for _, p := range r.Paragraphs {
		text, at := paraText(r, p)
		paras = append(paras, piece{span: p.Span, text: text, at: at})
	}
	heads := make([]piece, 0, len(r.Headings))
	identity := identityView(r)
	for _, h := range r.Headings {
		pc := piece{span: h.TextSpan, text: h.Text, at: -1, heading: h}
		if identity {
			pc.text, pc.at = src.Slice(h.TextSpan), h.TextSpan.Start
		}
		heads = append(heads, pc)
	}
	// paragraphs, then headings, stably sorted by start: both lists are in
	// document order, so a merge (paragraphs first on a tie) gives the same
	// order as a stable sort; the sort remains for lists out of order
	byStart := func(ps []piece) bool {
		return sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].span.Start < ps[j].span.Start })
	}
	pieces := make([]piece, 0, len(paras)+len(heads))
	if byStart(paras) && byStart(heads) {
		i, j := 0, 0
		for i < len(paras) || j < len(heads) {
			if j == len(heads) || i < len(paras) && paras[i].span.Start <= heads[j].span.Start {
				pieces = append(pieces, paras[i])
				i++
			} else {
				pieces = append(pieces, heads[j])
				j++
			}
		}
	} else {
		pieces = append(append(pieces, paras...), heads...)
		sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].span.Start < pieces[j].span.Start })
	}
	var seq []enumItem
	flush := func() {
		checkSequence(c, seq, "是")
		seq = seq[:0]
	}
	prevEnd := 0
	for _, pc := range pieces {
		if tableBetween(r, prevEnd, pc.span.Start) {
			flush()
		}
		prevEnd = pc.span.End
		text := pc.text
		ms := enumerators(text)
		if pc.heading != nil && (len(ms) == 0 || ms[0][4] > 3 || pc.at < 0) {
			flush()
			continue
		}
		for _, m := range ms {
			v := cnNumber(text[m[4]:m[5]])
			if v == 0 || m[2] >= 0 && v != 1 {
				continue
			}
			if v == 1 {
				flush()
			}
			seq = append(seq, enumItem{value: v,
				span: srcSpan(r, pc.at+m[4], pc.at+m[1]),
				num:  srcSpan(r, pc.at+m[4], pc.at+m[5])})
		}
	}
	flush()

	// numbered sub-headings: （一） within a level-1 heading, 1. within （一）
	var paren, arabic []enumItem
	for _, h := range r.Headings {
		switch {
		case h.Level == 1 && h.Style == "cn":
			checkSequence(c, paren, "paren")
			checkSequence(c, arabic, "arabic")
			paren, arabic = paren[:0], arabic[:0]
		case h.Style == "paren" && h.Number > 0:
			checkSequence(c, arabic, "arabic")
			arabic = arabic[:0]
			paren = append(paren, enumItem{value: h.Number, span: h.NumberSpan, num: numeralSpan(src, h.NumberSpan)})
		case h.Style == "arabic" && h.Number > 0:
			arabic = append(arabic, enumItem{value: h.Number, span: h.NumberSpan, num: numeralSpan(src, h.NumberSpan)})
		}
	}
	checkSequence(c, paren, "paren")
	checkSequence(c, arabic, "arabic")
}

// tableBetween reports whether a table overlaps [a, b): the parser may have
// claimed prose next to a table, so an enumeration does not run across one.
func tableBetween(r *grammar.Report, a, b int) bool {
	for _, t := range r.Tables {
		if t != nil && t.Span.Start < b && a < t.Span.End {
			return true
		}
	}
	return false
}

// numeralSpan narrows a heading's numbering span to the numeral itself.
func numeralSpan(src *grammar.Source, sp grammar.Span) grammar.Span {
	s := src.Slice(sp)
	start, end := -1, -1
	for i, r := range s {
		if strings.ContainsRune("一二三四五六七八九十0123456789０１２３４５６７８９", r) {
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
		}
	}
	if start < 0 {
		return sp
	}
	return grammar.Span{Start: sp.Start + start, End: sp.Start + end}
}

// checkSequence reports the items that break 1, 2, 3…: an item is wrong
// when it is neither at its position nor one more than the item before.
func checkSequence(c *lint.Context, seq []enumItem, kind string) {
	for k, it := range seq {
		pos := k + 1
		prev := 0
		if k > 0 {
			prev = seq[k-1].value
		}
		if it.value == pos || it.value == prev+1 {
			continue
		}
		if k == 0 {
			// a list that starts at 二是 or （二） may continue one the parser
			// did not see (a glued heading, prose claimed by a table)
			continue
		}
		want, got := enumLabel(kind, pos), enumLabel(kind, it.value)
		after := ""
		if k > 0 {
			after = enumLabel(kind, prev)
		}
		var zh, en string
		if it.value == prev {
			zh = fmt.Sprintf("序号重复：“%s”之后又是“%s”，按顺序应为“%s”", after, got, want)
			en = fmt.Sprintf("enumeration repeats: “%s” follows “%s”; expected “%s”", got, after, want)
		} else {
			zh = fmt.Sprintf("序号跳号：“%s”之后是“%s”，按顺序应为“%s”", after, got, want)
			en = fmt.Sprintf("enumeration skips: “%s” follows “%s”; expected “%s”", got, after, want)
		}
		var fixes []lint.Fix
		// offer the renumbering when what follows agrees with it
		if k+1 == len(seq) || seq[k+1].value == pos+1 {
			fixes = append(fixes, lint.Fix{Title: "改为“" + want + "”", TitleEN: "renumber as “" + want + "”",
				Edits: []lint.Edit{{Span: it.num, NewText: enumNumeral(kind, pos)}}, Applicability: lint.Unsafe})
		}
		c.Emitf(it.span, zh, en, fixes...)
	}
}

func enumNumeral(kind string, n int) string {
	if kind == "arabic" {
		return fmt.Sprint(n)
	}
	return cnNumeral(n)
}

func enumLabel(kind string, n int) string {
	switch kind {
	case "paren":
		return "（" + cnNumeral(n) + "）"
	case "arabic":
		return fmt.Sprintf("%d.", n)
	}
	return cnNumeral(n) + "是"
}

// ---- GD-W007 ----

var reItemStart = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|#)`)

func checkBrokenParagraph(c *lint.Context) {
	r := c.Report
	src := c.Source()
	if !identityView(r) {
		return // HTML and .docx paragraphs are elements, not lines
	}
	ps := r.Paragraphs
	hi := 0
	for i := 0; i+1 < len(ps); i++ {
		p, q := ps[i], ps[i+1]
		if p.Section != q.Section || r.Title != nil && p.Span.Start < r.Title.Span.End {
			continue
		}
		if inSignature(r, q.Span.Start) {
			continue
		}
		lp, lq := src.Line(p.Span.End), src.Line(q.Span.Start)
		if lq < lp+2 {
			continue
		}
		// only blank lines between
		gap := src.Text[p.Span.End:q.Span.Start]
		if strings.Count(gap, "\n") < 2 || strings.TrimFunc(gap, isSpaceRune) != "" {
			continue
		}
		if blockBreakBetween(r, r.Headings, &hi, p.Span.End, q.Span.Start) {
			continue
		}
		last := runeBefore(src.Text, p.Span.End)
		first := runeAt(src.Text, q.Span.Start)
		if !isHan(last) || !isHan(first) || reItemStart.MatchString(src.Slice(q.Span)) {
			continue
		}
		// a short line without a comma is a caption or a name, not a sentence
		line := src.Text[src.LineStart(lp):src.LineEnd(lp)]
		if utf8.RuneCountInString(strings.TrimSpace(line)) < 20 && !strings.ContainsAny(line, "，,、") {
			continue
		}
		sp := grammar.Span{Start: p.Span.End, End: q.Span.Start}
		ctx := string(last) + "⏎" + string(first)
		c.Emitf(sp,
			"段落在句子中间被空行断开（“"+ctx+"”）",
			"paragraph broken mid-sentence by a blank line (“"+ctx+"”)",
			lint.Fix{Title: "删除空行，接上句子", TitleEN: "remove the blank line and join the sentence",
				Edits: []lint.Edit{{Span: sp}}, Applicability: lint.Safe})
	}
}

// inSignature reports whether off is at or after the closing body or date.
func inSignature(r *grammar.Report, off int) bool {
	sig := r.Signature
	if sig == nil {
		return false
	}
	if sig.Body != "" && off >= sig.BodySpan.Start {
		return true
	}
	return sig.Date != nil && off >= sig.Date.Span.Start
}

// sectionText is the prose and sub-heading text of a section as read.
func sectionText(r *grammar.Report, sec *grammar.Section) string {
	var text strings.Builder
	n := 0
	for _, p := range r.Paragraphs {
		if p.Span.Start >= sec.Span.Start && p.Span.Start < sec.Span.End {
			t, _ := paraText(r, p)
			n += len(t)
		}
	}
	text.Grow(n) // one allocation for the paragraphs (headings are short)
	for _, p := range r.Paragraphs {
		if p.Span.Start >= sec.Span.Start && p.Span.Start < sec.Span.End {
			t, _ := paraText(r, p)
			text.WriteString(t)
		}
	}
	for _, h := range r.Headings {
		if h != sec.Heading && h.Span.Start >= sec.Span.Start && h.Span.Start < sec.Span.End {
			text.WriteString(h.Text)
		}
	}
	return text.String()
}

// ---- GD-W008 ----

func checkProblemsEmpty(c *lint.Context) {
	r := c.Report
	sec := r.Section(grammar.SecProblems)
	if sec == nil {
		return
	}
	body := strings.TrimRight(strings.TrimSpace(sectionText(r, sec)), "。.")
	switch body {
	case "":
		c.Emitf(sec.Heading.Span,
			"“"+sec.Def.Canonical()+"”没有内容：须写明存在的主要问题及改进情况",
			"section 五 is empty: it must state the main problems and how they were addressed")
	case "无", "暂无", "没有", "无问题":
		c.Emitf(sec.Heading.Span,
			"“"+sec.Def.Canonical()+"”只写了“"+body+"”：须写明存在的主要问题及改进情况",
			"section 五 only says “"+body+"”: it must state the main problems and how they were addressed")
	}
}
