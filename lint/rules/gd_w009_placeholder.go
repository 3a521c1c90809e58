package rules

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W009", Name: "unfilled-placeholder", Family: lint.FamilyWriting, Severity: lint.Error,
		Summary:   "模板的占位符没有填写（【待填写】、××月××日、XX局、X件）",
		SummaryEN: "a template placeholder left unfilled (【待填写】, ××月××日, XX局, X件)",
		Explanation: `报告由模板（包括 gdlint new 生成的空白报告）改写而来时，没有替换的占位符会原样发布。
检查正文中的四类占位符，逐个报告其准确位置：
- 方括号里的填写提示：【待填写】【待填写：……】【请填写……】【待补充】【待定】，以及 [待填写]、［待填写］；
- 未填写的日期：××月××日、XX月XX日、20××年、××××年（×、X、x、Ｘ 代替数字）；
- 未填写的机关名称：××局、XX市、XX县人民政府办公室（两个以上 × 或 X 紧接局、市、县、区、镇、乡、街道、办、委、厅、部门、单位等）；
- 未填写的数字：X件、XX个、××条、XX次、XX%、XX万元（× 或 X 紧接量词或单位，前面不是字母或数字）。
表格单元格中的“X”由表格规则报告；电话号码中用 × 遮盖的数字（0871-6512××××）、“〔2021〕”等文号、“【补充说明】”这样的小标题都不算占位符。

依据：国办公开办函〔2021〕30号要求年度报告内容完整、数据准确；占位符说明该处内容没有填写。

没有修复：要填的内容只有编写者知道。`,
		ExplanationEN: `When a report is written from a template (including the blank report of gdlint new), a placeholder that was
not replaced is published as it is. Four kinds of placeholder in the text are checked, each reported at its exact place:
- a fill-in note in brackets: 【待填写】, 【待填写：……】, 【请填写……】, 【待补充】, 【待定】, also [待填写] and ［待填写］;
- a date not filled in: ××月××日, XX月XX日, 20××年, ××××年 (×, X, x or Ｘ instead of digits);
- a body's name not filled in: ××局, XX市, XX县人民政府办公室 (two or more × or X right before 局, 市, 县, 区, 镇, 乡,
  街道, 办, 委, 厅, 部门, 单位 and the like);
- a number not filled in: X件, XX个, ××条, XX次, XX%, XX万元 (× or X right before a measure word or unit, with no
  letter or digit before it).
An “X” in a table cell is reported by the table rules; digits masked with × in a telephone number (0871-6512××××) and
document numbers such as “〔2021〕” and bracketed subheadings such as “【补充说明】” are not placeholders.

Basis: 国办公开办函〔2021〕30号 requires the annual report to be complete and its figures accurate; a placeholder
shows that something was not filled in.

No fix: only the author knows what goes there.`,
		PerParagraph: true,
		Check:        checkPlaceholders,
	})
}

// placeholderRE finds the placeholders; the kind is the submatch that took
// part. A date or count must not follow a letter or digit (checked after
// the match: RE2 has no look-behind), so that 0871-6512×××× and 3×4 are
// not read as placeholders. It is compiled when first needed: its bounded
// repeats made it a third of every run's start (8 of 25 million
// instructions) though most reports have no placeholder to look for.
var placeholderRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(
		// 1: a fill-in note in brackets
		// (待/请 before anything but 填写: 【补充说明】 and [定点帮扶](…) are not notes)
		`([【\[［]\s*(?:(?:待|请)(?:填写|填报|输入|补充|完善|核实|确认|定)|填写|填报)[^】\]］\n]{0,60}[】\]］])` +
			// 2: a date: year, month and day, any of them placeholders
			`|((?:[0-9０-９]{0,2}[×XxＸ]{2,4}年)(?:[×XxＸ0-9０-９]{1,2}月)?(?:[×XxＸ0-9０-９]{1,2}日)?` +
			`|[×XxＸ]{1,2}月(?:[×XxＸ0-9０-９]{1,2}日)?|[×XxＸ]{1,2}日)` +
			// 3: a body's name
			`|([×XＸ]{2,}(?:人民政府办公室|人民政府|街道办事处|街道|管委会|局|市|县|区|镇|乡|办|委|厅|处|科|部门|单位|公司))` +
			// 4: a count or an amount
			`|([×XxＸ]{1,4}(?:万元|元|件|个|条|次|项|人|家|篇|期|场|%|％))`)
})

// placeholderRunes: every match of placeholderRE holds one of them (a
// bracket or a mask character).
const placeholderRunes = "【[［×XxＸ"

// mayHavePlaceholder is strings.ContainsAny(text, placeholderRunes), by
// vectorised searches for the runes' bytes: ContainsAny decodes each rune and looks it up
// in the set, and even a byte loop was a tenth of the rules' time on the
// seeds. The lead bytes of 【 ［ × Ｘ never continue another rune, so where
// their bytes occur the rune occurs.
func mayHavePlaceholder(text string) bool {
	return strings.IndexByte(text, 'X') >= 0 || strings.IndexByte(text, 'x') >= 0 ||
		strings.IndexByte(text, '[') >= 0 || hasTimes(text) ||
		indexWordBy(text, "【", 2) >= 0 || // by its last byte, rarer than E3 (、。)
		indexThree(text, 0, 0xEF, 0xBC, "\xbb\xb8") < len(text) // ［ Ｘ
}

// hasTimes is strings.Contains(text, "×") (C3 97), found by its first
// byte, which Chinese text hardly has, without strings.Index's choice of a
// method at each call.
func hasTimes(text string) bool {
	for i := 0; i < len(text); i++ {
		j := strings.IndexByte(text[i:], 0xC3)
		if j < 0 {
			return false
		}
		i += j
		if i+1 < len(text) && text[i+1] == 0x97 {
			return true
		}
	}
	return false
}

func checkPlaceholders(c *lint.Context) {
	for _, p := range c.Report.Paragraphs {
		text, at := paraText(c.Report, p)
		if !mayHavePlaceholder(text) {
			continue // the regexp tries every offset: skip text it cannot match
		}
		for _, m := range placeholderRE().FindAllStringSubmatchIndex(text, -1) {
			kind := 0
			for k := 1; k <= 4; k++ {
				if m[2*k] >= 0 {
					kind = k
					break
				}
			}
			start, end := m[0], m[1]
			if kind != 1 && start > 0 && afterWordOrDigit(text[:start]) {
				continue
			}
			ph := text[start:end]
			var zh, en string
			switch kind {
			case 1:
				q := quote(ph, 30) // one quote for both messages
				zh, en = "模板的填写提示“"+q+"”没有替换为内容", "the template's fill-in note “"+q+"” was not replaced"
			case 2:
				zh, en = "日期没有填写：“"+ph+"”", "the date is not filled in: “"+ph+"”"
			case 3:
				zh, en = "机关名称没有填写：“"+ph+"”", "the body's name is not filled in: “"+ph+"”"
			default:
				zh, en = "数字没有填写：“"+ph+"”", "the number is not filled in: “"+ph+"”"
			}
			c.Emitf(srcSpan(c.Report, at+start, at+end), zh, en)
		}
	}
}

// afterWordOrDigit tells whether text ends in a Latin letter or a digit, or
// in a mask character: what precedes a placeholder never does
// (0871-6512××××, Box件, 3×4).
func afterWordOrDigit(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) ||
		unicode.Is(unicode.Nd, r) || r == '×' || r == 'Ｘ'
}
