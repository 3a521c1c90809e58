package grammar

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// randomText joins n pieces drawn from pieces: texts where the fast paths'
// needles sit next to each other, at the start and at the end.
func randomText(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

func TestPeriodWordIndexMatchesTheExpression(t *testing.T) {
	pieces := []string{"数据", "信息", "统计", "期限", "时限", "时间", "区间", "期间", "数", "据", "𠮷", "a", " ", "\n", "统", "计期限", "年"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		text := randomText(rng, pieces, rng.Intn(8))
		want := rePeriodWord.FindStringIndex(text)
		if got := periodWordIndex(text); !slices.Equal(got, want) {
			t.Fatalf("periodWordIndex(%q) = %v, the expression finds %v", text, got, want)
		}
	}
}
