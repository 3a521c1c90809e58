package grammar

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// periodIndex answers as rePeriod, on the windows the parser reads in the
// real reports (every separator of each line, as periodMatches asks) and
// on random text made of the pattern's pieces, their neighbours and broken
// UTF-8.
func TestPeriodIndexAsRegexp(t *testing.T) {
	check := func(s string) bool {
		t.Helper()
		got, want := periodIndex(s), rePeriod.FindStringSubmatchIndex(s)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: periodIndex %v, rePeriod %v", s, got, want)
		}
		return want != nil
	}
	found := 0
	for _, line := range realLines(t) {
		for _, h := range scanSets(line, parserPhrases)[3] { // periodSeparator
			a, b := runeWindow(line, h.off, 40, 40)
			if check(line[a:b]) {
				found++
			}
		}
		if check(line) {
			found++
		}
	}
	if found < 20 {
		t.Fatalf("%d periods in the real lines: the test must see some", found)
	}
	pieces := []string{"2023", "2024", "202", "1", "12", "31", "123", "0", "9",
		"年", "月", "日", "起", "至", "到", "—", "－", "-", "~", "～", "–",
		" ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "\u3000", "\u2000",
		"统计", "自", "止", "，", "。", "a", "\xe5", "\xb9", "\xe5\xb9", "\xe6\x97", "\xa0", "\xc2"}
	rng := rand.New(rand.NewSource(1))
	matched := 0
	for n := 0; n < 150000; n++ {
		var b strings.Builder
		// mostly the pattern's own order, now and then a piece out of place
		seps := []string{"至", "到", "—", "－", "-", "~", "～"}
		days := []string{"1", "12", "31", "9"}
		for _, want := range []string{"2024", "年", days[rng.Intn(4)], "月", days[rng.Intn(4)], "日", "起",
			seps[rng.Intn(len(seps))], "2024", "年", days[rng.Intn(4)], "月", days[rng.Intn(4)], "日"} {
			if rng.Intn(3) == 0 {
				b.WriteString([]string{" ", "\u3000", "\u00a0", "\t"}[rng.Intn(4)])
			}
			switch rng.Intn(40) {
			case 0:
				b.WriteString(pieces[rng.Intn(len(pieces))])
			case 1:
				// dropped
			case 2:
				b.WriteString(pieces[rng.Intn(len(pieces))])
				b.WriteString(want)
			default:
				b.WriteString(want)
			}
		}
		if check(b.String()) {
			matched++
		}
	}
	t.Logf("%d real windows and %d of %d random texts hold a period", found, matched, 150000)
	if matched < 10000 {
		t.Fatalf("%d random texts matched: too few to compare", matched)
	}
}
