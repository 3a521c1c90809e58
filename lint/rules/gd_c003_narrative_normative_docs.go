package rules

import (
	"strconv"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
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
}

var (
	reDocNumber = scanFromNumber(`([0-9０-９]+)\s*(件|部|条|个|份)`, "件", "部", "条", "个", "份").matched(matchDocNumber)
	docUnits    = []string{"件", "部", "条", "个", "份"} // reDocNumber's, after its number
	issueVerbs  = wordSet("制发", "印发", "出台", "发布", "制定")
	repealVerbs = wordSet("废止", "失效")
	otherBodies = [...]string{"部门", "各单位", "区直", "县直", "市直", "乡镇", "街道", "各地", "上级", "省级", "国家"}
)

// otherBodiesDocs reports whether text holds another body's normative
// documents, (?:部门|各单位|…|国家)(?:的)?(?:行政)?规范性文件 (what
// TestOtherBodiesDocsIsThePattern matches it with): read backwards from
// each 规范性文件, 行政 and 的 are taken when there (no word of the pattern
// ends with 政 or 的, so the pattern cannot leave them out) and a body's
// word must end there (the scan of the pattern searched the clause for
// each of the eleven words).
func otherBodiesDocs(text string) bool {
	for from := 0; ; {
		i := indexWordBy(text[from:], "规范性文件", 1) // by 规's second byte, as blockDocClaims
		if i < 0 {
			return false
		}
		at := from + i
		before := strings.TrimSuffix(strings.TrimSuffix(text[:at], "行政"), "的")
		for _, w := range otherBodies {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
		from = at + len("规范性文件")
	}
}

func checkNarrativeDocs(c *lint.Context) {
	r := c.Report
	if r.Format != grammar.Format2021 {
		return
	}
	t := r.Table(grammar.TableProactive)
	if t == nil || t.Unreadable {
		return
	}
	for _, b := range narrativeBlocks(c) {
		for _, k := range factsOf(c, b).docs.get(b, blockDocClaims) {
			cell, v, ok := trustedNumber(t, k.subject, k.col)
			if !ok || float64(k.n) == v {
				continue
			}
			sp := b.Span(k.start, k.end)
			what, whatEN := "", "" // a switch, not two maps made per claim
			switch k.col {
			case grammar.ColIssued:
				what, whatEN = "制发", "issued"
			case grammar.ColRepealed:
				what, whatEN = "废止", "repealed"
			case grammar.ColInForce:
				what, whatEN = "现行有效", "in force"
			}
			noun := cell.Row.Label
			n, vs := strconv.Itoa(k.n), formatNumber(v)
			// concatenated: what Sprintf with %s and %d gave
			c.Emit(lint.Diagnostic{Span: sp,
				Message:   "正文称" + what + noun + " " + n + " " + k.unit + "，" + cellName(cell) + "为 " + vs,
				MessageEN: "the text says " + n + " " + noun + " " + whatEN + "; " + cellNameEN(cell) + " is " + vs,
				Fixes:     numberFix(sp, v), Related: related(cell, cellName(cell))})
		}
	}
}

// docClaim is a count of normative documents or rules a clause of a block
// states: n of row subject, column col.
type docClaim struct {
	start, end   int // the number, in the block's text
	subject, col string
	n            int
	unit         string
}

// clauseEnd returns where the clause of text starting at from ends: the
// offset of the next ，,、；;：: (what the character class [，,、；;：:] finds
// first) and the offset after it; len(text)+1 after the last clause.
// The lead bytes of the full-width marks never continue another rune, so
// where their bytes occur the mark does.
func clauseEnd(text string, from int) (end, next int) {
	for i := from; i < len(text); {
		// eight bytes at a time past those that hold no ASCII and no E3
		// or EF (most of a clause), else byte by byte
		if i+8 <= len(text) && mayBeginClauseMark(load64(text[i:])) == 0 {
			i += 8
			continue
		}
		for stop := min(i+8, len(text)); i < stop; i++ {
			switch text[i] {
			case ',', ';', ':':
				return i, i + 1
			case 0xE3: // 、 E3 80 81
				if strings.HasPrefix(text[i:], "、") {
					return i, i + 3
				}
			case 0xEF: // ， EF BC 8C, ； EF BC 9B, ： EF BC 9A
				if strings.HasPrefix(text[i:], "，") || strings.HasPrefix(text[i:], "；") || strings.HasPrefix(text[i:], "：") {
					return i, i + 3
				}
			}
		}
	}
	return len(text), len(text) + 1
}

// mayBeginClauseMark is not zero when a byte of w is ASCII or E3 or EF (the
// first bytes of , ; : and 、，；：); a borrow may set bits above such a
// byte, never where there is none.
func mayBeginClauseMark(w uint64) uint64 {
	e3, ef := w^(ones64*0xE3), w^(ones64*0xEF)
	return (^w | (e3-ones64)&^e3 | (ef-ones64)&^ef) & highs
}

// blockDocClaims reads the counts of documents issued, repealed and in force
// that the clauses of block b state.
func blockDocClaims(b *proseBlock) []docClaim {
	// 规范性文件 and 规章 are searched by 规's second byte (A7) and 章's
	// (AB), not by 规's last (84), which ends 的 too; each occurrence once
	// for the whole block: a sentence or a clause holds a word when the
	// first one at or after its start ends within it
	norm := wordAfter{text: b.Text, word: "规范性文件", k: 1, at: -1}
	rule := wordAfter{text: b.Text, word: "规章", k: 4, at: -1}
	// the first of each found by one search for 规 (by its second byte,
	// as norm's): a block without them, most, is read once, not twice
	firstOfEach(&norm, &rule, "规", 1)
	if norm.at == len(b.Text) && rule.at == len(b.Text) {
		return nil // the test below fails for every sentence
	}
	var out []docClaim
	eachBlockSentence(b, func(s sentenceCtx) {
		if !norm.within(s.start, s.end) && !rule.within(s.start, s.end) {
			return // no clause can name a subject
		}
		if !hasCount(s.text, docUnits) {
			return // no clause holds reDocNumber's count
		}
		subject := ""
		pos := 0
		for pos <= len(s.text) {
			cut, next := clauseEnd(s.text, pos)
			clause := s.text[pos:cut]
			base := pos
			pos = next
			switch {
			case norm.within(s.start+base, s.start+cut):
				subject = grammar.RowNormative
				if otherBodiesDocs(clause) {
					subject = ""
				}
			case rule.within(s.start+base, s.start+cut) && !hasWord(clause, "规章制度"):
				subject = grammar.RowRules
			case subject == "":
				// the case below would leave it so
			case hasWord(clause, "文件") || hasWord(clause, "信息") || hasWord(clause, "政策"):
				subject = ""
			}
			if subject == "" {
				continue
			}
			// the number first: a scan for digits, where the verbs are
			// eight searches
			m := reDocNumber.Find(clause)
			if m == nil {
				continue
			}
			col := ""
			switch {
			case hasWord(clause, "现行有效"):
				col = grammar.ColInForce
			case repealVerbs.in(clause):
				col = grammar.ColRepealed
			case issueVerbs.in(clause):
				col = grammar.ColIssued
			default:
				continue
			}
			n, ok := atoiDigits(clause[m[2]:m[3]])
			if !ok {
				continue
			}
			if out == nil {
				out = make([]docClaim, 0, 2) // a block's two: one allocation, not two
			}
			out = append(out, docClaim{start: s.start + base + m[2], end: s.start + base + m[3],
				subject: subject, col: col, n: n, unit: clause[m[4]:m[5]]})
		}
	})
	return out
}

// firstOfEach sets where the first occurrences of the words of a and b,
// cursors over one text not yet asked (at -1), are, as a.within(0, n) and
// b.within(0, n) would (n the text's length: len(text) when none): both
// words begin with head, searched for once by its byte k.
func firstOfEach(a, b *wordAfter, head string, k int) {
	text := a.text
	a.at, b.at = -1, -1
	for from := 0; a.at < 0 || b.at < 0; {
		i := indexWordBy(text[from:], head, k)
		if i < 0 {
			break
		}
		at := from + i
		if a.at < 0 && strings.HasPrefix(text[at:], a.word) {
			a.at = at
		}
		if b.at < 0 && strings.HasPrefix(text[at:], b.word) {
			b.at = at
		}
		from = at + 1
	}
	if a.at < 0 {
		a.at = len(text)
	}
	if b.at < 0 {
		b.at = len(text)
	}
}

// wordAfter finds the occurrences of a word in a text one after another,
// for ranges asked in order (their starts never go back): each is
// searched for once, by the word's byte k (indexWordBy).
type wordAfter struct {
	text, word string
	k          int
	at         int // the first occurrence at or after the last start asked; len(text) when none; -1 before the first
}

// within reports whether text[start:end] holds the word: the first
// occurrence at or after start ends by end (a later one ends later).
func (w *wordAfter) within(start, end int) bool {
	if w.at < start {
		w.at = len(w.text)
		if i := indexWordBy(w.text[start:], w.word, w.k); i >= 0 {
			w.at = start + i
		}
	}
	return w.at+len(w.word) <= end
}
