package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-W003", Name: "doubled-word", Family: lint.FamilyWriting, Severity: lint.Warning,
		Fixable:   lint.FixSometimes,
		Summary:   "字或词误重复（的的、审核审核）",
		SummaryEN: "a character or word doubled by mistake",
		Explanation: `检查两类重复：

- 双字词紧接重复：“审核审核”“资金资金”。“研究研究”等动词重叠、“一个一个”等以“一”起头的重复不报告。
- 虚词单字重复：的的、了了、在在、和和、与与、及及、并并、或或、被被、于于、而而、也也、都都、就就、还还、
  又又、已已、把把、将将、为为、以以、从从、向向、由由、给给。跨词的合法组合不报告，例如“的的确确”“目的的”
  “不了了之”“为了了解”“即将将”“对对方”“可以以”“行为为”“实实在在”。

常见的叠字（常常、人人、层层、一一、件件、家家户户、紧紧等）以及“法规规定”“项目目录”“工作作出”这类跨词相邻的
相同汉字都不在检查之列：只有上面列出的虚词才会单字重复报告，以免误报。

依据：各地编制通知要求年度报告“文字严谨”（spec §7）。修复：删除重复的一份。虚词单字重复时修复是安全的；双字词重复时修复
需要 --unsafe-fixes：重复的双字词有时出自别的笔误，删去一份未必还原原文（“耕地力地力补贴”原意是“耕地地力补贴”，删去一份
“地力”得到的“耕地力补贴”仍然不对），应由人确认。`,
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

Basis: local compilation notices require annual reports to be “文字严谨” (careful wording) (spec §7). Fix: delete one of
the two copies. For a doubled function character the fix is safe; for a doubled two-character word it needs
--unsafe-fixes: such a repetition is sometimes another slip, and deleting a copy need not give back the intended text
(“耕地力地力补贴” was meant as “耕地地力补贴”; deleting one “地力” leaves “耕地力补贴”, still wrong), so a person should
confirm it.`,
		PerParagraph: true,
		Check:        checkDoubled,
	})
}

// doubledFunctionChars are characters whose doubling is almost always a slip.
const doubledFunctionChars = "的了在和与及并或被于而也都就还又已把将为以从向由给对"

// doubledFunctionSet holds doubledFunctionChars, all in U+4E00–U+9FFF, as
// bits: strings.ContainsRune decoded the list at every pair of equal
// characters (层层, 00).
var doubledFunctionSet = func() (set [(0x9FFF-0x4E00)/64 + 1]uint64) {
	for _, r := range doubledFunctionChars {
		if r < 0x4E00 || r > 0x9FFF {
			panic("doubledFunctionChars: " + string(r) + " is outside U+4E00–U+9FFF")
		}
		set[(r-0x4E00)/64] |= 1 << ((r - 0x4E00) % 64)
	}
	return set
}()

// isDoubledFunctionChar is strings.ContainsRune(doubledFunctionChars, r).
func isDoubledFunctionChar(r rune) bool {
	if r < 0x4E00 || r > 0x9FFF {
		return false
	}
	i := r - 0x4E00
	return doubledFunctionSet[i/64]&(1<<(i%64)) != 0
}

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
			// the whole run (ABABAB…) is one finding, so one fix collapses it
			end := i + 4
			for end+1 < len(rs) && rs[end] == rs[i] && rs[end+1] == rs[i+1] {
				end += 2
			}
			hits = append(hits, hit{i, end, 2})
			i = end - 1
			continue
		}
		if rs[i] == rs[i+1] && isDoubledFunctionChar(rs[i]) && !doubledException(rs, i) {
			end := i + 2
			for end < len(rs) && rs[end] == rs[i] {
				end++
			}
			hits = append(hits, hit{i, end, 1})
			i = end - 1
		}
	}
	for _, h := range hits {
		word := string(rs[h.start : h.start+h.n])
		r := c.Report
		sp := srcSpan(r, base+offs[h.start], base+offs[h.end])
		del := srcSpan(r, base+offs[h.start+h.n], base+offs[h.end])
		var fixes []lint.Fix
		if r.Source.Slice(del) == strings.Repeat(word, (h.end-h.start)/h.n-1) {
			// a doubled word may be another slip (耕地力地力 for 耕地地力):
			// deleting a copy is then not the correction
			how := lint.Safe
			if h.n > 1 {
				how = lint.Unsafe
			}
			fixes = append(fixes, lint.Fix{Title: "删除重复的“" + word + "”", TitleEN: "delete the repeated “" + word + "”",
				Edits: []lint.Edit{{Span: del}}, Applicability: how})
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
//
// Either repeats bytes: AA (three bytes) at a distance of 3, ABAB of two
// three-byte characters at a distance of 6. Eight bytes at a time are
// compared with the eight 3 and 6 further on, and only where three bytes
// 80–FF in a row equal one of theirs does mayHaveDoubledRunes decode the
// characters there (the last word's flags carry the runs over its end, so
// a word's bytes are read once). Han outside the BMP takes four bytes (other
// distances): from the first byte F0–FF on, the text is decoded.
func mayHaveDoubled(text string) bool {
	var last uint64 // the last word's flags
	rest := text    // text[i:]
	for len(rest) >= 14 {
		a := load64(rest)
		// (a finding's bytes are all 80–FF: ASCII repeats, 000 or 2020,
		// are not flagged)
		eq := equalBytes(a^load64(rest[3:]), a^load64(rest[6:])) & a
		// three flags in a row ending at byte k of this word (the first
		// two may be the last word's)
		run := eq & (eq<<8 | last>>56) & (eq<<16 | last>>48)
		last = eq
		if f0 := byteF0(a); f0|run != 0 {
			i := len(text) - len(rest)
			// no finding begins before i-3 that the words before missed:
			// a three-byte one has its first run ending by its third byte;
			// one with a four-byte character has its first F0–FF byte at
			// its start or after a three-byte first character, and there
			// was none before i
			if f0 != 0 {
				return mayHaveDoubledRunes(text[runeStartBefore(text, max(0, i-3)):])
			}
			// a run ending in [i, i+8) starts in [i-2, i+6): a finding
			// that starts there ends by i+6+12 (ABAB: four three-byte
			// characters)
			if mayHaveDoubledRunes(text[runeStartBefore(text, max(0, i-2)):min(len(text), i+6+12)]) {
				return true
			}
		}
		rest = rest[8:]
	}
	// the tail, from where a finding the words missed may begin (as above)
	i := len(text) - len(rest)
	return mayHaveDoubledRunes(text[runeStartBefore(text, max(0, i-3)):])
}

// equalBytes has the top bit of each byte k where byte k of v or of u is
// zero, and no other bit: exact, where a borrow could flag the byte above
// a zero one.
func equalBytes(v, u uint64) uint64 {
	const lows = ^uint64(highs)
	// (b&0x7F)+0x7F | b has the top bit of each nonzero byte b, and does
	// not carry into the next byte
	return ^((v&lows+lows|v)&(u&lows+lows|u) | lows)
}

// load64 reads s[:8] as a little-endian number (one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	ones64 = 0x0101010101010101
	highs  = 0x8080808080808080
)

// byteF0 has the top bit of each byte of w that is F0–FF (a four-byte
// character's first byte, or not UTF-8): the top bit set and the low seven
// bits at least 70.
func byteF0(w uint64) uint64 {
	return ((w &^ highs) + 0x1010101010101010) & w & highs
}

// runeStartBefore backs i up to the first byte of its character: a byte
// that is not a continuation byte, where decoding from the text's start
// also begins a character (valid or not).
func runeStartBefore(s string, i int) int {
	for i > 0 && i < len(s) && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

// mayHaveDoubledRunes is mayHaveDoubled's test character by character.
func mayHaveDoubledRunes(text string) bool {
	r1, r2, r3 := rune(-1), rune(-1), rune(-1) // the three runes before r
	for i := 0; i < len(text); {
		// decodeRune, written out: a call per character was half the time
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else if i+2 < len(text) && threeByteLead[c] && continues2(text, i+1) {
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			i += 3
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(text[i:])
			i += n
		}
		// a rune equal to one of the two before is rare: test that first
		if (r == r1 || r == r2) && (r == r1 && isDoubledFunctionChar(r) ||
			r == r2 && r1 == r3 && r1 != r && isHan(r1) && isHan(r)) {
			return true
		}
		r1, r2, r3 = r, r1, r2
	}
	return false
}

// threeByteLead holds the lead bytes E1–EF but ED: followed by any two
// continuation bytes they make a valid rune (E0 and ED narrow the second
// byte's range).
var threeByteLead = func() (t [256]bool) {
	for c := 0xE1; c <= 0xEF; c++ {
		t[c] = c != 0xED
	}
	return t
}()

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
