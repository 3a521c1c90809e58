package rules

// Exact prefilters for the anchored narrative patterns (startScan.may): each
// reads the few runes a match must hold after its opening word and answers
// false only where the pattern cannot match. The regexp still decides every
// match, so a prefilter can cost time if too loose but never a result if it
// is necessary (TestPrefiltersAreNecessary checks that on real and random
// text). The rune decoding matches RE2's: an invalid byte is one rune.

import (
	"strings"
	"unicode/utf8"
)

// filtered sets the scan's prefilter.
func (s *startScan) filtered(may func(text string, p int) bool) *startScan {
	s.may = may
	return s
}

// matched sets the scan's hand-written matcher.
func (s *startScan) matched(match func(text string, p int) []int) *startScan {
	s.match = match
	return s
}

// isStopRune reports [，。；;,0-9０-９], the class the narrative patterns'
// gaps exclude.
func isStopRune(r rune) bool {
	switch r {
	case '，', '。', '；', ';', ',':
		return true
	}
	return isDigitRune(r)
}

// isDigitRune reports [0-9０-９].
func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// mayReviewCount: 行政(复议|诉讼)(?:案件|案|数量|数|件数)?\s*(?:为|共|共计|有)?\s*([0-9０-９]+)…
// — after 行政复议 or 行政诉讼, only the optional words' runes and spaces
// come before a digit.
func mayReviewCount(text string, p int) bool {
	rest := text[p+len("行政"):]
	if !strings.HasPrefix(rest, "复议") && !strings.HasPrefix(rest, "诉讼") {
		return false
	}
	for i := len("复议"); i < len(rest); {
		switch rest[i] {
		case '\t', '\n', '\f', '\r', ' ':
			i++
			continue
		}
		r, size := decodeRune(rest, i)
		switch r {
		case '案', '件', '数', '量', '为', '共', '计', '有':
			i += size
			continue
		}
		return isDigitRune(r)
	}
	return false
}

// wordWithin reports whether one of words (each of wordRunes runes, none a
// stop rune) starts within n runes of text[i:] with no stop rune
// ([，。；;,0-9０-９]) before it: the gap [^stop]{0,n}? then the words.
func wordWithin(text string, i, n, wordRunes int, words ...string) bool {
	j := i
	for k := 0; k < n+wordRunes && j < len(text); k++ {
		r, size := decodeRune(text, j)
		if isStopRune(r) {
			break
		}
		j += size
	}
	for _, w := range words {
		if strings.Contains(text[i:j], w) {
			return true
		}
	}
	return false
}

// skipSpace returns the offset after RE2's \s* ([\t\n\f\r ]) at i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		switch text[i] {
		case '\t', '\n', '\f', '\r', ' ':
			i++
			continue
		}
		break
	}
	return i
}

// countEnd returns the offset after text[i:]'s \s*[0-9０-９]+\s*件, or -1.
func countEnd(text string, i int) int {
	i = skipSpace(text, i)
	e := digitRunEnd(text, i)
	if e == i {
		return -1
	}
	e = skipSpace(text, e)
	if !strings.HasPrefix(text[e:], "件") {
		return -1
	}
	return e + len("件")
}

// mayReceivedPre: (收到|受理|接收|接到)\s*([0-9０-９]+)\s*件([^stop]{0,6}?)申请
// (each word two ideographs, 6 bytes).
func mayReceivedPre(text string, p int) bool {
	e := countEnd(text, p+6)
	return e >= 0 && wordWithin(text, e, 6, 2, "申请")
}

// mayCarryOverPre: ([0-9０-９]+)\s*件([^stop]{0,6}?)(?:结转|转入|转至)…
func mayCarryOverPre(text string, p int) bool {
	e := countEnd(text, p)
	return e >= 0 && wordWithin(text, e, 6, 2, "结转", "转入", "转至")
}

// mayReviewCountPre: ([0-9０-９]+)\s*(?:件|起|宗|个)([^stop]{0,20}?)行政(复议|诉讼)
// (each unit one ideograph, 3 bytes).
func mayReviewCountPre(text string, p int) bool {
	d := digitRunEnd(text, p)
	e := skipSpace(text, d)
	if d == p || e+3 > len(text) {
		return false
	}
	switch text[e : e+3] {
	case "件", "起", "宗", "个":
		return wordWithin(text, e+3, 20, 4, "行政复议", "行政诉讼")
	}
	return false
}

// matchDocNumber is reDocNumber, ([0-9０-９]+)\s*(件|部|条|个|份), anchored
// at p: the digits and spaces are taken greedily, and neither can give
// back a unit (every unit is one ideograph), so the match is the first way
// there is.
func matchDocNumber(text string, p int) []int {
	e := digitRunEnd(text, p)
	if e == p {
		return nil
	}
	u := skipSpace(text, e)
	if u+3 > len(text) {
		return nil
	}
	switch text[u : u+3] {
	case "件", "部", "条", "个", "份":
		return []int{0, u + 3 - p, 0, e - p, u - p, u + 3 - p}
	}
	return nil
}

// handledVerbs are reHandled's opening words, in the pattern's order.
var handledVerbs = [...]string{"办结", "办理完毕", "办理完结", "办理"}

// matchHandled is reHandled, (办结|办理完毕|办理完结|办理)([^stop]{0,10}?)([0-9０-９]+)\s*件,
// anchored at p. The gap holds no digit, so it ends at the first stop rune
// after the verb, which must be a digit at most 10 runes on; the digits
// and spaces are taken whole (neither can give back 件). The verbs are
// tried in order, as the alternation tries them: after 办理完毕 fails,
// 办理 may still match with 完毕 in its gap.
func matchHandled(text string, p int) []int {
	for _, verb := range handledVerbs {
		if !strings.HasPrefix(text[p:], verb) {
			continue
		}
		q := p + len(verb)
		if d, e, end, ok := gapThenCount(text, q, 10); ok {
			return []int{0, end - p, 0, len(verb), q - p, d - p, d - p, e - p}
		}
	}
	return nil
}

// gapThenCount matches ([^stop]{0,n}?)([0-9０-９]+)\s*件 at q: the gap holds
// no digit, so it ends at the first stop rune after q, which must be a
// digit at most n runes on; the digits and spaces are taken whole (neither
// can give back 件). d and e are the digits' bounds, end the match's.
func gapThenCount(text string, q, n int) (d, e, end int, ok bool) {
	d = q
	for k := 0; k < n && d < len(text); k++ {
		r, size := decodeRune(text, d)
		if isStopRune(r) {
			break
		}
		d += size
	}
	if e = digitRunEnd(text, d); e == d {
		return 0, 0, 0, false
	}
	if u := skipSpace(text, e); strings.HasPrefix(text[u:], "件") {
		return d, e, u + len("件"), true
	}
	return 0, 0, 0, false
}

// matchCarried is reCarried, 上一?年度?结转([^stop]{0,12}?)([0-9０-９]+)\s*件,
// anchored at p: 一 is not 年 and 度 is not 结, so each optional rune is
// taken exactly when it is there.
func matchCarried(text string, p int) []int {
	i := p
	for _, w := range [...]string{"上", "一", "年", "度", "结转"} {
		switch {
		case strings.HasPrefix(text[i:], w):
			i += len(w)
		case w != "一" && w != "度":
			return nil
		}
	}
	if d, e, end, ok := gapThenCount(text, i, 12); ok {
		return []int{0, end - p, i - p, d - p, d - p, e - p}
	}
	return nil
}

// afterNegation is where the text after 未 or 没有 at p starts.
func afterNegation(text string, p int) (int, bool) {
	switch {
	case strings.HasPrefix(text[p:], "未"):
		return p + len("未"), true
	case strings.HasPrefix(text[p:], "没有"):
		return p + len("没有"), true
	}
	return 0, false
}

// matchNoRequests is reNoRequests, (?:未|没有)(?:收到|接到|受理)([^。；，,、0-9０-９]{0,16}?)申请,
// anchored at p: the lazy gap ends at the first 申请 within 16 runes of
// the verb with none of 。；，,、 or a digit before it.
func matchNoRequests(text string, p int) []int {
	q, ok := afterNegation(text, p)
	if !ok {
		return nil
	}
	if q+6 > len(text) {
		return nil
	}
	switch text[q : q+6] {
	case "收到", "接到", "受理":
	default:
		return nil
	}
	q += 6
	for i, k := q, 0; ; k++ {
		if strings.HasPrefix(text[i:], "申请") {
			return []int{0, i + len("申请") - p, q - p, i - p}
		}
		if k == 16 || i >= len(text) {
			return nil
		}
		r, size := decodeRune(text, i)
		if r == '、' || r != ';' && isStopRune(r) { // this gap allows ';' and not 、
			return nil
		}
		i += size
	}
}

// reviewCountNouns and reviewCountVerbs are reReviewCount's optional words
// after 行政复议 or 行政诉讼, and after them and spaces.
var (
	reviewCountNouns = [...]string{"", "案件", "案", "数量", "数", "件数"}
	reviewCountVerbs = [...]string{"", "为", "共", "共计", "有"}
)

// matchReviewCount is reReviewCount, 行政(复议|诉讼)(?:案件|案|数量|数|件数)?\s*(?:为|共|共计|有)?\s*([0-9０-９]+)\s*(?:件|起|宗|个),
// anchored at p. No optional word or space is a digit, so the digits are
// the run that starts at the first digit after 复议 or 诉讼, and every way
// of reading the words and spaces before it gives the same match: there is
// one when some way reaches that digit and the run is followed by spaces
// and a unit.
func matchReviewCount(text string, p int) []int {
	q := p + len("行政")
	if !strings.HasPrefix(text[p:], "行政") || !strings.HasPrefix(text[q:], "复议") && !strings.HasPrefix(text[q:], "诉讼") {
		return nil
	}
	after := q + len("复议")
	for _, noun := range reviewCountNouns {
		if !strings.HasPrefix(text[after:], noun) {
			continue
		}
		i := skipSpace(text, after+len(noun))
		for _, verb := range reviewCountVerbs {
			if !strings.HasPrefix(text[i:], verb) {
				continue
			}
			d := skipSpace(text, i+len(verb))
			e := digitRunEnd(text, d)
			if e == d {
				continue
			}
			u := skipSpace(text, e)
			if u+3 > len(text) {
				return nil
			}
			switch text[u : u+3] {
			case "件", "起", "宗", "个":
				return []int{0, u + 3 - p, q - p, after - p, d - p, e - p}
			}
			return nil // the digits any reading reaches are not followed by a unit
		}
	}
	return nil
}

// noReviewOpeners are reNoReview's optional words after 未 or 没有.
var noReviewOpeners = [...]string{"出现", "发生", "收到", "产生", "接到", "有"}

// matchNoReview is reNoReview, (?:未|没有)(?:出现|…|有)?[^。；，,0-9０-９]{0,30}?行政(?:复议|诉讼)[^。；，,]*,
// anchored at p. No word of the pattern holds 。；，, so wherever 行政复议 or
// 行政诉讼 is found, the match ends at the first of them after the opening
// word (or at the end): only whether there is a match needs a search, the
// nearest 行政复议/诉讼 at most 30 runes after the optional word.
func matchNoReview(text string, p int) []int {
	q, ok := afterNegation(text, p)
	if !ok {
		return nil
	}
	opener := 0 // the optional word's runes
	for _, w := range noReviewOpeners {
		if strings.HasPrefix(text[q:], w) {
			opener = utf8.RuneCountInString(w)
			break
		}
	}
	for i, k := q, 0; k <= 30+opener && i < len(text); k++ {
		// 行 is E8 A1 8C: the words compared only where its first byte is
		if text[i] == 0xE8 && (strings.HasPrefix(text[i:], "行政复议") || strings.HasPrefix(text[i:], "行政诉讼")) {
			end := indexNoReviewEnd(text[i:])
			if end < 0 {
				return []int{0, len(text) - p}
			}
			return []int{0, i + end - p}
		}
		r, size := decodeRune(text, i)
		if r != ';' && isStopRune(r) { // this gap allows ASCII ';'
			return nil
		}
		i += size
	}
	return nil
}

// indexNoReviewEnd is strings.IndexAny(s, "。；，,"), by bytes: the lead
// bytes of 。；， never continue a rune, so where their bytes are, they are
// (IndexAny decoded every rune and looked it up among the four).
func indexNoReviewEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',':
			return i
		case 0xE3: // 。 E3 80 82
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
				return i
			}
		case 0xEF: // ； EF BC 9B, ， EF BC 8C
			if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x9B || s[i+2] == 0x8C) {
				return i
			}
		}
	}
	return -1
}

// matchReceived is reReceived, (收到|…|新收)([^stop]{0,30}?)申请([^stop]{0,8}?)([0-9０-９]+)\s*[件条],
// anchored at p (every opening word is two ideographs, 6 bytes). Neither
// gap nor 申请 holds a stop rune ([，。；;,0-9０-９]), so both gaps end at the
// first stop rune after the opening word, which must be a digit: the lazy
// first gap takes the first 申请 that starts within 30 runes and ends
// within 8 runes of it.
func matchReceived(text string, p int) []int {
	if p+6 > len(text) {
		return nil
	}
	switch text[p : p+6] {
	case "收到", "受理", "接收", "接到", "办理", "新收":
	default:
		return nil
	}
	q := p + 6
	var starts [41]int // the offset of each of the first 41 runes after q
	i, n := q, 0
	for ; n <= 40 && i < len(text); n++ {
		r, size := decodeRune(text, i)
		if isStopRune(r) {
			break
		}
		starts[n] = i
		i += size
	}
	if i >= len(text) || digitAt(text, i) == 0 {
		return nil
	}
	// i: the digit; n: the runes between q and it
	e := digitRunEnd(text, i)
	u := skipSpace(text, e)
	if !strings.HasPrefix(text[u:], "件") && !strings.HasPrefix(text[u:], "条") {
		return nil
	}
	for k := 0; k <= 30 && k+2 <= n; k++ {
		a := starts[k]
		if strings.HasPrefix(text[a:], "申请") && n-(k+2) <= 8 {
			return []int{0, u + 3 - p, 0, 6, 6, a - p, a + 6 - p, i - p, i - p, e - p}
		}
	}
	return nil
}

// mayPercent: ([0-9０-９]+)\s*件\s*[（(，,]?\s*(?:占(?:比)?(?:为)?)?\s*([0-9]+…)[%％] — after the
// count and 件 only spaces, one bracket or comma and 占比为 come before an
// ASCII digit.
func mayPercent(text string, p int) bool {
	i := countEnd(text, p)
	if i < 0 {
		return false
	}
	i = skipSpace(text, i)
	for _, w := range [...]string{"（", "(", "，", ","} {
		if strings.HasPrefix(text[i:], w) {
			i += len(w)
			break
		}
	}
	i = skipSpace(text, i)
	for _, w := range [...]string{"占", "比", "为"} {
		if strings.HasPrefix(text[i:], w) {
			i += len(w)
		}
	}
	i = skipSpace(text, i)
	return i < len(text) && text[i] >= '0' && text[i] <= '9'
}

// mayCarryOver: (?:结转|转入|转至|转)(?:至|到|入)?(?:下…|次…|[0-9]{4}…) — after
// an optional 结, 转 and at most two of 入至到, 下, 次 or an ASCII digit.
func mayCarryOver(text string, p int) bool {
	i := p
	if strings.HasPrefix(text[i:], "结") {
		i += len("结")
	}
	if !strings.HasPrefix(text[i:], "转") {
		return false
	}
	i += len("转")
	for k := 0; k < 2; k++ {
		if strings.HasPrefix(text[i:], "入") || strings.HasPrefix(text[i:], "至") || strings.HasPrefix(text[i:], "到") {
			i += 3
		}
	}
	return strings.HasPrefix(text[i:], "下") || strings.HasPrefix(text[i:], "次") || i < len(text) && text[i] >= '0' && text[i] <= '9'
}
