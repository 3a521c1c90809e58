package rules

import (
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// randomText builds n pieces drawn from alphabet: short strings over the
// characters a pattern cares about, where edge cases are dense.
func randomText(rng *rand.Rand, alphabet []string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(alphabet[rng.Intn(len(alphabet))])
	}
	return b.String()
}

// reEnumerator is the pattern enumerators finds the matches of.
var reEnumerator = regexp.MustCompile(`(?:^|[。；;：:，,、\s“）)]|([^统唯之第同万专单划均整逐其归合纯为]))([一二三四五六七八九十]{1,3})是`)

// The fast scanners must return exactly what the regexps they replace
// return, on random texts dense in the characters that matter (including
// invalid UTF-8 and a character outside the BMP).
func TestEnumeratorsMatchRegexp(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"一", "二", "三", "十", "九", "是", "是", "统", "第", "为", "。", "，", ",", " ", "\n", "a", "“", "）",
		"𠀀", "\xff", "\xe4\xb8", "工作", "十二是"}
	for i := 0; i < 50000; i++ {
		text := randomText(rng, alphabet, rng.Intn(16))
		got, want := enumerators(text), reEnumerator.FindAllStringSubmatchIndex(text, -1)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %v, want %v", text, got, want)
		}
	}
}

// narrativeAlphabet holds the words and characters the narrative patterns
// read, in pieces that combine into matches and near misses.
var narrativeAlphabet = []string{
	"0", "1", "2", "12", "2025", "１", "２０", "3.5", ".", "%", "％", " ", "　", "\t", "件", "起", "个", "部", "条",
	"申请", "政府信息公开", "收到", "受理", "接收", "接到", "办理", "新收", "新增", "办结", "办理完毕", "完结",
	"上", "上年", "上一年度", "结转", "转", "转入", "转至", "至", "到", "下一年度", "下年", "次年", "年", "度", "继续办理",
	"行政", "复议", "诉讼", "案件", "数量", "为", "共", "共计", "有", "未", "没有", "无", "出现", "发生",
	"办结率", "达到", "100", "全部", "均已", "均", "都已", "全都", "所有申请均已", "按时", "答复完毕", "办理完成",
	"（", "(", "，", ",", "。", "；", ";", "、", "占", "比", "行政事业性收费", "收取", "万元", "元",
	"信箱", "工作", "𠀀", "\xff",
}

// narrativeExamples match the narrative patterns; mutated and joined they
// give texts dense in matches, near misses and adjacent candidates.
var narrativeExamples = []string{
	"全年共收到政府信息公开申请12件", "受理12件申请", "新收申请１１件", "未收到政府信息公开申请", "没有接到申请",
	"办结12件", "办理完毕 3 件", "上年结转申请2件", "上一年度结转3件", "结转下一年度继续办理3件", "转入2025年度2件",
	"2件结转至下年度", "3件转入2025 年度", "行政复议1件", "行政诉讼案件共 2 起", "3件被申请行政复议",
	"未发生因政府信息公开引发的行政复议和行政诉讼", "办结率100%", "办结率达到 100％", "均已按时办结",
	"所有申请均已依法办理完毕", "予以公开6件（50%）", "5件，占41.67%", "行政事业性收费3.5万元", "未收取行政事业性收费",
	"现行有效规章2部", "12345热线受理30件",
}

// mutate inserts, deletes or replaces a piece of s at random.
func mutate(rng *rand.Rand, s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return s
	}
	i := rng.Intn(len(rs))
	piece := narrativeAlphabet[rng.Intn(len(narrativeAlphabet))]
	switch rng.Intn(3) {
	case 0:
		return string(rs[:i]) + piece + string(rs[i:])
	case 1:
		return string(rs[:i]) + string(rs[i+1:])
	}
	return string(rs[:i]) + piece + string(rs[i+1:])
}

func narrativeTexts(rng *rand.Rand, n int) []string {
	texts := make([]string, n)
	for i := range texts {
		var b strings.Builder
		for k := rng.Intn(5); k >= 0; k-- {
			if rng.Intn(3) == 0 {
				b.WriteString(randomText(rng, narrativeAlphabet, rng.Intn(4)))
				continue
			}
			ex := narrativeExamples[rng.Intn(len(narrativeExamples))]
			for m := rng.Intn(3); m > 0; m-- {
				ex = mutate(rng, ex)
			}
			b.WriteString(ex)
		}
		texts[i] = b.String()
	}
	return texts
}

func TestScansMatchRegexps(t *testing.T) {
	scans := map[string]*startScan{
		"reReceived": reReceived, "reReceivedPre": reReceivedPre, "reNoRequests": reNoRequests, "reHandled": reHandled,
		"reCarried": reCarried, "reCarryOver": reCarryOver, "reCarryOverPre": reCarryOverPre,
		"reReviewCount": reReviewCount, "reReviewCountPre": reReviewCountPre, "reNoReview": reNoReview,
		"reCompletion": reCompletion, "rePercent": rePercent, "reFeeAmount": reFeeAmount, "reNoFee": reNoFee,
		"reDocNumber": reDocNumber,
	}
	texts := narrativeTexts(rand.New(rand.NewSource(2)), 30000)
	for name, sc := range scans {
		matched := 0
		re := regexp.MustCompile(sc.expr)
		for _, text := range texts {
			got, want := sc.FindAll(text), re.FindAllStringSubmatchIndex(text, -1)
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			matched++
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %q: got %v, want %v", name, text, got, want)
			}
			if first := sc.Find(text); !reflect.DeepEqual(first, want[0]) {
				t.Fatalf("%s.Find on %q: got %v, want %v", name, text, first, want[0])
			}
		}
		// the texts must exercise each pattern, or the test proves little
		if matched < 500 {
			t.Errorf("%s matched only %d of %d texts", name, matched, len(texts))
		}
	}
}

// spacesByRunes lists the offsets of ' ', U+3000 and U+00A0 reading runes.
func spacesByRunes(text string) []int {
	var out []int
	for i, r := range text {
		if r == ' ' || r == 0x3000 || r == 0xA0 {
			out = append(out, i)
		}
	}
	return out
}

func TestSpaceFinderMatchesRuneScan(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	alphabet := []string{"。", "；", ";", "！", "？", "!", "?", "、", "，", "“", "（", "\uff10", "中", "文", "a", "1", " ", "\u3000",
		"\u00a0", "\u3001", "\uff01", "\uff1b", "\uff1f", "\u00a1", "𠀀", "\n"}
	for i := 0; i < 20000; i++ {
		text := randomText(rng, alphabet, rng.Intn(20))
		f := spaceFinder{text: text, next: [3]int{-2, -2, -2}}
		var got []int
		for j := f.from(0); j < len(text); j = f.from(j + 1) {
			got = append(got, j)
		}
		if want := spacesByRunes(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("spaces of %q: %v, want %v", text, got, want)
		}
	}
}

// checkPlaceholders skips text without placeholderRunes: the pattern must
// not match such text. Random texts over the pattern's own words, with the
// mask characters and brackets left out, never match; with them, the
// matches hold one.
func TestPlaceholderNeedsItsRunes(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	with := []string{"×", "X", "x", "Ｘ", "【", "[", "［", "】", "]", "］", "待", "请", "填写", "填报", "定", "补充",
		"1", "２", "年", "月", "日", "局", "市", "人民政府", "件", "万元", "%", "％", " ", "\n", "a", "𠀀", "\xff"}
	without := with[7:]
	matched := 0
	for i := 0; i < 30000; i++ {
		text := randomText(rng, without, rng.Intn(20))
		if m := placeholderRE().FindStringIndex(text); m != nil {
			t.Fatalf("%q matches at %v without any of %q", text, m, placeholderRunes)
		}
		text = randomText(rng, with, rng.Intn(20))
		for _, m := range placeholderRE().FindAllStringIndex(text, -1) {
			matched++
			if !strings.ContainsAny(text[m[0]:m[1]], placeholderRunes) {
				t.Fatalf("%q: match %q holds none of %q", text, text[m[0]:m[1]], placeholderRunes)
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d matches: the texts do not exercise the pattern", matched)
	}
}

// mayHavePlaceholder is strings.ContainsAny(text, placeholderRunes) on any
// text, invalid UTF-8 and runes sharing the lead bytes of 【 ［ × Ｘ included.
func TestMayHavePlaceholderIsContainsAny(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	pieces := []string{"×", "X", "x", "Ｘ", "【", "[", "［", "】", "，", "。", "、", "Ｙ", "Ã", "\xc3", "\xe3\x80", "\xef\xbc",
		"\xbc\xbb", "\x97", "\x80\x90", "年", "Y", "1", "\xff", "𠀀", " "}
	for i := 0; i < 30000; i++ {
		text := randomText(rng, pieces, rng.Intn(12))
		if got, want := mayHavePlaceholder(text), strings.ContainsAny(text, placeholderRunes); got != want {
			t.Fatalf("mayHavePlaceholder(%q) = %v, want %v", text, got, want)
		}
	}
}

// enumerators reads the anchored pattern by hand (enumeratorAt): on the
// seeds and the corpus, and on random text with every mark of the pattern,
// blockers, runs of one to four numerals, characters outside the BMP and
// invalid UTF-8, it finds what the pattern finds.
func TestEnumeratorsMatchRegexpOnReports(t *testing.T) {
	var texts []string
	for _, rep := range sharedReports(t) {
		texts = append(texts, rep.Source.Text)
		for _, p := range rep.Paragraphs {
			text, _ := paraText(rep, p)
			texts = append(texts, text)
		}
	}
	rng := rand.New(rand.NewSource(13))
	alphabet := []string{"一", "二", "十", "是", "是", "一是", "二是", "三四是", "一二三四是", "。", "；", ";", "：", ":", "，", ",", "、",
		"\t", "\n", "\f", "\r", "\v", " ", "\u3000", "“", "”", "）", ")", "（", "统", "第", "为", "其", "方面", "a", "𠀀", "\xff", "\xe6\x98",
		"\xe4\xb8"}
	for i := 0; i < 100000; i++ {
		texts = append(texts, randomText(rng, alphabet, rng.Intn(10)))
	}
	found := 0
	for _, text := range texts {
		got, want := enumerators(text), reEnumerator.FindAllStringSubmatchIndex(text, -1)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %v, want %v", text, got, want)
		}
		found += len(want)
	}
	if found < 10000 {
		t.Fatalf("only %d enumerators: the test proves little", found)
	}
}
