package rules

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
)

// TestPrefiltersAreNecessary: wherever a prefiltered pattern matches
// (anchored, at an offset where one of its words starts), the prefilter must
// say it may; and it must say no often, or it saves nothing. Run on the
// seeds, the corpus, the narrative texts and random text with invalid UTF-8,
// characters outside the BMP and full-width digits.
func TestPrefiltersAreNecessary(t *testing.T) {
	texts := prefilterTexts(t)
	for name, sc := range map[string]*startScan{"reReviewCount": reReviewCount, "rePercent": rePercent, "reCarryOver": reCarryOver,
		"reReceivedPre": reReceivedPre, "reCarryOverPre": reCarryOverPre, "reReviewCountPre": reReviewCountPre} {
		if sc.may == nil {
			t.Fatalf("%s has no prefilter", name)
		}
		matched, refused := 0, 0
		for _, text := range texts {
			for p := 0; p < len(text); p++ {
				lit := sc.digits && digitAt(text, p) > 0 // a digits scan tries digits
				for _, w := range sc.lits {
					lit = lit || strings.HasPrefix(text[p:], w)
				}
				if !lit {
					continue
				}
				may, m := sc.may(text, p), sc.at().FindStringSubmatchIndex(text[p:])
				if m != nil {
					matched++
					if !may {
						t.Fatalf("%s: prefilter refuses %q at %d, where the pattern matches %q", name, text, p, text[p:p+m[1]])
					}
				} else if !may {
					refused++
				}
			}
		}
		if matched < 500 || refused < 500 {
			t.Errorf("%s: %d matches, %d refusals: the texts prove little", name, matched, refused)
		}
	}
}

// prefilterTexts: the seeds' and the corpus's lines, the narrative texts,
// random text with invalid UTF-8, characters outside the BMP and full-width
// digits, and gaps at and around the patterns' limits.
func prefilterTexts(t *testing.T) []string {
	texts := narrativeTexts(rand.New(rand.NewSource(7)), 30000)
	paths := testshared.Seeds(t)
	corpus, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "corpus", "*"))
	if len(corpus) == 0 {
		t.Fatal("no corpus")
	}
	for _, p := range append(paths, corpus...) {
		raw, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		texts = append(texts, strings.Split(string(raw), "\n")...)
	}
	rng := rand.New(rand.NewSource(8))
	odd := []string{"\xff", "\xe8\xaf", "𠀀", "😀", "０", "９", "7", " ", "\t", "，", ";", "。", "案", "件", "共计", "有", "为",
		"收到", "受理", "办理", "新收", "申请", "未", "没有", "行政", "复议", "诉讼", "行政复议", "行政诉讼", "起", "条", "信息", "出现", "结转", "转入", "转至", "下年度", "宗", "个", "部", "份", "\u00a0", "\v", "占", "比", "（", "(", "%", "％", ".", "下", "次", "年度", "转", "结", "入", "至", "到", "2024"}
	for i := 0; i < 30000; i++ {
		texts = append(texts, randomText(rng, odd, rng.Intn(40)))
	}
	// gaps at and around the patterns' limits ({0,30} and {0,8})
	for a := 0; a <= 33; a++ {
		for b := 0; b <= 10; b++ {
			for _, fill := range []string{"信", "\xff", "😀"} {
				gap, gap2 := strings.Repeat(fill, a), strings.Repeat(fill, b)
				texts = append(texts, "收到"+gap+"申请"+gap2+"１件", "未"+gap2+gap+"行政诉讼", "没有"+"发生"+gap+"行政复议", "没有"+gap+";行政复议",
					"接到 ３"+gap2+" 件"+gap+"申请", "2\n件"+gap+"转入下年度", "１2起"+gap+"行政诉讼", "3 个"+gap2+gap+"行政复议")
				for _, w := range []string{"出现", "发生", "收到", "产生", "接到", "有"} {
					texts = append(texts, "未"+w+gap+"行政复议，1", "没有"+w+gap2+gap+"行政诉讼。")
				}
			}
		}
	}
	// reHandled's gap at its limit ({0,10}) after each verb, and
	// reReviewCount's optional words with spaces between them or not
	for b := 0; b <= 12; b++ {
		for _, fill := range []string{"信", "\xff", "😀", " "} {
			gap := strings.Repeat(fill, b)
			for _, verb := range []string{"办结", "办理完毕", "办理完结", "办理", "办理完"} {
				texts = append(texts, verb+gap+"３件", verb+gap+"12 \t件", verb+"完毕"+gap+"4件", verb+gap+"，5件")
			}
			for _, carried := range []string{"上年结转", "上一年结转", "上年度结转", "上一年度结转", "上一度结转", "上年度度结转", "上结转"} {
				texts = append(texts, carried+gap+"7 件", carried+gap+";8件", carried+"申请"+gap+"９\n件")
			}
			for _, no := range []string{"未收到", "没有接到", "未受理", "没有收到", "未接收"} {
				texts = append(texts, no+gap+"申请", no+gap+";申请", no+gap+"、申请", no+"政府信息公开"+gap+"申请人", no+gap+"申申请")
			}
			for _, noun := range []string{"", "案件", "案", "数量", "数", "件数", "件"} {
				for _, verb := range []string{"", "为", "共", "共计", "有", "计"} {
					texts = append(texts, "行政复议"+noun+gap+verb+" ３"+" 起", "行政诉讼"+noun+" "+verb+"\n12宗", "行政诉讼"+noun+verb+"1"+gap+"个")
				}
			}
		}
	}
	return texts
}

// TestHandMatchersAreTheRegexps: a scan's hand-written matcher gives what
// its anchored regexp gives, at every offset of the texts.
func TestHandMatchersAreTheRegexps(t *testing.T) {
	texts := append(prefilterTexts(t), "1\v件", "2\u00a0件", "３ \t\n\r\f份", "12部", "0\xe4\xbb件", "4个", "５", "6 ")
	for name, sc := range map[string]*startScan{"reDocNumber": reDocNumber, "reNoReview": reNoReview, "reReceived": reReceived,
		"reHandled": reHandled, "reReviewCount": reReviewCount, "reCarried": reCarried, "reNoRequests": reNoRequests} {
		if sc.match == nil {
			t.Fatalf("%s has no matcher", name)
		}
		matched := 0
		for _, text := range texts {
			for p := 0; p <= len(text); p++ {
				got, want := sc.match(text, p), sc.at().FindStringSubmatchIndex(text[p:])
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s on %q at %d: got %v, want %v", name, text, p, got, want)
				}
				if want != nil {
					matched++
				}
			}
		}
		if matched < 500 {
			t.Errorf("%s matched only %d times", name, matched)
		}
	}
}
