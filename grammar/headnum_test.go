package grammar

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/internal/testshared"
)

// headingMatchers pairs each hand-written matcher with the regexp it
// replaces (the definition).
var headingMatchers = []struct {
	name string
	re   *regexp.Regexp
	scan func(string) []int
}{
	{"cn", reCNHeading, cnHeadingIndex},
	{"paren", reParenHeading, parenHeadingIndex},
	{"arabic", reArabicHeading, arabicHeadingIndex},
	{"markdown", reMarkdown, markdownIndex},
}

// checkHeadingMatchers fails when a matcher's answer on s differs from its
// regexp's; it returns how many of the matchers matched.
func checkHeadingMatchers(t *testing.T, where, s string) int {
	t.Helper()
	matched := 0
	for _, hm := range headingMatchers {
		want, got := hm.re.FindStringSubmatchIndex(s), hm.scan(s)
		if !slices.Equal(want, got) {
			t.Errorf("%s: %s on %q: scanner %v, regexp %v", where, hm.name, s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	return matched
}

func TestHeadingMatchersCases(t *testing.T) {
	cases := []string{
		"", "一、总体情况", "一 、 总体情况", "一，", "一.", "一．", "十一、", "一二三、", "一二三四、",
		"四十四、x", "（一）主动公开", "(一)", "（ 一 ）x", "（一二三四）", "（一", "（一、",
		"1.", "12．x", "123.", "１２、", "1 . x", "1\u3000.\u3000x", "1\u00a0、\u00a0",
		"#", "# ", "#一、", "# 一、", "###### 一、", "####### 一、", "#######", "##\t\n（二）",
		"# \u3000", "#\u30001.", "\xff一、", "一\xff、", "一、\xff", "（\xe4一）", "#\xe3\x80",
		"1\v.", "\f1.", "一\r、", "1.\r\n", "一、\u2003x", "０.", "٣.", "一、、",
	}
	for _, c := range cases {
		checkHeadingMatchers(t, "case", c)
	}
}

// TestHeadingMatchersAgreeWithRegexps compares the scanners with the regexps
// on every line of the seeds, the corpus and the test data, and on each
// line's tails that start at a heading's first character (crawler lines
// carry headings inside them).
func TestHeadingMatchersAgreeWithRegexps(t *testing.T) {
	roots := []string{filepath.Join(testshared.Dir(t), "seeds"), filepath.Join(testshared.Dir(t), "corpus"),
		"testdata", filepath.Join("..", "testdata")}
	lines, matched := 0, 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, err := os.ReadFile(path)
			if err != nil || len(raw) > 8<<20 {
				return err
			}
			for _, ln := range strings.Split(string(raw), "\n") {
				lines++
				matched += checkHeadingMatchers(t, path, ln)
				matched += checkHeadingMatchers(t, path, strings.TrimSpace(ln))
				for i, r := range ln {
					if i > 0 && (r == '#' || r == '（' || r == '(' || isCNNumeralRune(r) || isDigit(r)) {
						tail := ln[i:]
						if len(tail) > 300 {
							tail = tail[:300]
						}
						matched += checkHeadingMatchers(t, path, tail)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if lines < 1000 || matched < 100 {
		t.Fatalf("only %d lines, %d matches compared", lines, matched)
	}
}

func FuzzHeadingMatchers(f *testing.F) {
	for _, s := range []string{"一、总体情况", "（二）x", "# 1. y", "######\u3000十、", "1２、", "(三 )"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkHeadingMatchers(t, "fuzz", s)
		if utf8.ValidString(s) {
			checkHeadingMatchers(t, "fuzz", "# "+s)
		}
	})
}
