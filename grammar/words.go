package grammar

import "strings"

// indexWord is strings.Index(s, w), found by w's byte w[k] (1 <= k <
// len(w)) chosen as one rare in reports. strings.Index looks for w's first
// byte, for a Chinese word a lead byte (E4–E9) that most characters of a
// report share, and stops at each; a continuation byte stops it about ten
// times less often. The candidates come in order: the first found is the
// first.
func indexWord(s, w string, k int) int {
	b := w[k]
	for i := k; i < len(s); i++ {
		j := strings.IndexByte(s[i:], b)
		if j < 0 {
			return -1
		}
		i += j
		if i-k+len(w) > len(s) {
			return -1 // any later start is nearer the end
		}
		// the byte before rules out most candidates without a call
		if s[i-1] == w[k-1] && s[i-k:i-k+len(w)] == w {
			return i - k
		}
	}
	return -1
}

// containsWord is strings.Contains(s, w), as indexWord finds it.
func containsWord(s, w string, k int) bool { return indexWord(s, w, k) >= 0 }
