package grammar

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
)

// The words indexWord is asked for, each with its pieces: parts of the
// word, bytes of it alone, and the bytes next to it in UTF-8.
var indexWordWords = []string{"统计", "第二十条", "本年新收政府信息公开申请数量", "勾稽关系", "未经复议直接起诉",
	"复议后起诉", "信息内容", "公开", "公開", "資訊", "aa", "a统", "统a", "\xe7\xbb"}

// TestIndexWordAsIndex compares indexWord, by each byte of each word, with
// strings.Index, the reference it replaced, on the real reports whole and
// by line and on random text.
func TestIndexWordAsIndex(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for _, w := range indexWordWords {
			want := strings.Index(s, w)
			for k := 1; k < len(w); k++ {
				if got := indexWord(s, w, k); got != want {
					t.Fatalf("indexWord(%q, %q, %d) = %d, strings.Index %d", s[:min(len(s), 200)], w, k, got, want)
				}
			}
		}
	}
	var texts []string
	for _, dir := range []string{"seeds", "corpus"} {
		paths, _ := filepath.Glob(filepath.Join(testshared.Dir(t), dir, "*"))
		for _, path := range paths {
			if fi, err := os.Stat(path); err != nil || fi.IsDir() {
				continue
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(raw))
		}
	}
	if len(texts) < 10 {
		t.Fatalf("only %d reports", len(texts))
	}
	for _, s := range texts {
		check(s)
		// from after each of the first occurrences of a word on, as
		// tableRegion searches, and up to one cut
		for _, w := range indexWordWords {
			from := 0
			for range 4 {
				i := strings.Index(s[from:], w)
				if i < 0 {
					break
				}
				from += i + 1
				check(s[from:])
				check(s[:from+len(w)-2])
			}
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
	}
	pieces := append([]string{"统", "计", "二十", "条", "第", "公", "开", "開", "資", "訊", "a", "𠀀", "\r\n", "\n",
		"\x9f", "\xbb\x9f", "\xe7", "\x80", "\xff", "\ufffd", "。", "，"}, indexWordWords...)
	rng := rand.New(rand.NewSource(11))
	for range 50000 {
		check(randomText(rng, pieces, rng.Intn(12)))
	}
}
