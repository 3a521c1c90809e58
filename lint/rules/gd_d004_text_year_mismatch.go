package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
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
}

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
		for _, k := range factsOf(c, b).years.get(b, blockSentenceYears) {
			if k.year == y || k.year < 1990 {
				continue
			}
			sp := b.Span(k.start, k.end)
			c.Emitf(sp,
				fmt.Sprintf("这句叙述本年度工作的句子以“%d年”开头，而报告年度是%d年", k.year, y),
				fmt.Sprintf("this sentence about the year's work starts with %d, but the report covers %d", k.year, y),
				lint.Fix{Title: fmt.Sprintf("改为%d", y), TitleEN: fmt.Sprintf("change to %d", y),
					Edits: []lint.Edit{{Span: sp, NewText: fmt.Sprint(y)}}, Applicability: lint.Unsafe})
		}
	}
}

// sentenceYear is the year a sentence starts with, at [start, end) of its
// block's text.
type sentenceYear struct{ start, end, year int }

// blockSentenceYears returns the years the sentences of block b start with.
//
// It starts from each 年 instead of splitting the block into sentences
// (most blocks have no sentence that starts with a year): leadingYear
// matches a sentence when its four digits are followed by spaces and that
// 年, and preceded by spaces and U+3000 back to the sentence's start, which
// is the block's start or the end of a mark that ends sentences (see
// appendSentences); no character the pattern reads is such a mark.
func blockSentenceYears(b *proseBlock) []sentenceYear {
	if b.sents != nil {
		// the block is split already (a narrative rule read it): a look
		// at each sentence's start costs less than the search for 年
		var out []sentenceYear
		for _, s := range b.sents {
			if at, ok := leadingYear(b.Text[s[0]:s[1]]); ok {
				n, _ := atoiDigits(b.Text[s[0]+at : s[0]+at+4])
				out = append(out, sentenceYear{start: s[0] + at, end: s[0] + at + 4, year: n})
			}
		}
		return out
	}
	text := b.Text
	var out []sentenceYear
	for from := 0; ; {
		i := indexWord(text[from:], "年")
		if i < 0 {
			return out
		}
		nian := from + i
		from = nian + len("年")
		d := nian
		for d > 0 && isRE2Space(text[d-1]) {
			d--
		}
		if d -= 4; d < 0 || !sentenceStartsAt(text, d) {
			continue
		}
		if at, ok := leadingYear(text[d:]); ok && at == 0 {
			n, _ := atoiDigits(text[d : d+4])
			out = append(out, sentenceYear{start: d, end: d + 4, year: n})
		}
	}
}

// sentenceStartsAt tells whether only spaces and U+3000 stand between the
// start of the sentence holding text[d] and d: back from d over them lies
// the text's start or a mark appendSentences ends a sentence at.
func sentenceStartsAt(text string, d int) bool {
	for d > 0 {
		switch {
		case isRE2Space(text[d-1]):
			d--
			continue
		case strings.HasSuffix(text[:d], "\u3000"):
			d -= len("\u3000")
			continue
		}
		break
	}
	if d == 0 {
		return true
	}
	switch text[d-1] {
	case ';', '!', '?':
		return true
	}
	return d >= 3 && (text[d-3:d] == "。" || text[d-3:d] == "；" || text[d-3:d] == "！" || text[d-3:d] == "？")
}

// leadingYear finds the year a sentence starts with: the offset of its
// four digits when s matches ^[\s\x{3000}]*(\d{4})\s*年度?\s*[，,] (RE2's \s
// is [\t\n\f\r ], \d is [0-9]). Read by hand: the regexp's matcher cost
// about 3,000 instructions a sentence.
func leadingYear(s string) (at int, ok bool) {
	i := 0
	for i < len(s) {
		if isRE2Space(s[i]) {
			i++
		} else if strings.HasPrefix(s[i:], "\u3000") {
			i += len("\u3000")
		} else {
			break
		}
	}
	at = i
	if len(s)-i < 4 {
		return 0, false
	}
	for _, c := range []byte(s[i : i+4]) {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	i = skipRE2Spaces(s, i+4)
	if !strings.HasPrefix(s[i:], "年") {
		return 0, false
	}
	i += len("年")
	if strings.HasPrefix(s[i:], "度") {
		i += len("度")
	}
	i = skipRE2Spaces(s, i)
	if i < len(s) && s[i] == ',' || strings.HasPrefix(s[i:], "，") {
		return at, true
	}
	return 0, false
}

// isRE2Space reports a byte of RE2's \s: [\t\n\f\r ].
func isRE2Space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipRE2Spaces returns the offset after the run of \s at i.
func skipRE2Spaces(s string, i int) int {
	for i < len(s) && isRE2Space(s[i]) {
		i++
	}
	return i
}
