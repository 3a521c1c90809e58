package report

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"
)

// TestQuoteCacheAsAppendJSONString: whatever strings come, in whatever
// order and however often, the cache writes what appendJSONString writes:
// strings of one length at other addresses (the same bytes or not),
// strings met again, strings that take each other's entries, strings
// within the document's text, and the empty string.
func TestQuoteCacheAsAppendJSONString(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	alphabet := []string{"a", "\"", "\\", "\n", "，", "中", "𠀀", "\u2028", "\x01", "\xff", "<"}
	word := func() string {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	text := strings.Repeat("正文，中文\"引号\"。\n", 40)
	var pool []string
	for range 300 {
		pool = append(pool, word())
	}
	for i := range 50 { // the same bytes as an earlier string, elsewhere
		pool = append(pool, strings.Clone(pool[i]))
	}
	for range 50 { // pieces of the document's text
		a := rng.IntN(len(text) - 8)
		pool = append(pool, text[a:a+1+rng.IntN(8)])
	}
	pool = append(pool, "")
	var q quoteCache
	for i := range 20000 {
		s := pool[rng.IntN(len(pool))]
		prefix := []byte("x")
		got := string(q.append(prefix, s, text))
		want := string(appendJSONString([]byte("x"), s))
		if got != want {
			t.Fatalf("call %d, %q: got %s, want %s", i, s, got, want)
		}
	}
	// nothing of the document's text is kept
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	kept := 0
	for _, e := range q.entries {
		if e.key != "" {
			kept++
		}
		for _, s := range []string{e.key, e.seen} {
			if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); s != "" && p >= start && p < start+uintptr(len(text)) {
				t.Errorf("an entry keeps %q of the document's text", s)
			}
		}
	}
	if kept == 0 {
		t.Error("no string was kept")
	}
}
