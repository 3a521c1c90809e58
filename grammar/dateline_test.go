package grammar

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// refYearAt is yearAt as it was: four digits asked for at every byte.
func refYearAt(s string) (int, int) {
	for i := 0; i+4 <= len(s); i++ {
		if !isDigit4(s[i:]) {
			continue
		}
		j := i + 4
		for j < len(s) {
			switch {
			case s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r':
				j++
				continue
			case strings.HasPrefix(s[j:], "\u00a0"):
				j += len("\u00a0")
				continue
			case strings.HasPrefix(s[j:], "\u3000"):
				j += len("\u3000")
				continue
			}
			break
		}
		if strings.HasPrefix(s[j:], "年") {
			return i, j + len("年")
		}
	}
	return -1, -1
}

// yearAt answers as it did at every byte, and dateLineAt as reDateLine:
// on the real lines and on random text of digits (runs of every length up
// to a year and past it), years, months and days, their units, the spaces
// the expressions allow and others, brackets, full-width digits, 𠀀,
// invalid UTF-8 and CRLF.
func TestYearAndDateLineAsBefore(t *testing.T) {
	dates := 0
	check := func(s string) {
		t.Helper()
		gi, gj := yearAt(s)
		wi, wj := refYearAt(s)
		if gi != wi || gj != wj {
			t.Fatalf("yearAt(%q) = %d %d, at every byte %d %d", s, gi, gj, wi, wj)
		}
		m, ok := dateLineAt(s)
		want := reDateLine.FindStringSubmatchIndex(s)
		if ok != (want != nil) || ok && !slices.Equal(m[:], want) {
			t.Fatalf("dateLineAt(%q) = %v %v, reDateLine %v", s, m, ok, want)
		}
		if ok {
			dates++
		}
	}
	for _, ln := range realLines(t) {
		check(ln)
		check(strings.TrimSpace(ln))
	}
	pieces := []string{"2023", "2024", "202", "1", "12", "123", "0", "9", "年", "月", "日", "年度", " ", "\t", "\n", "\f", "\r\n", "\v",
		"\u00a0", "\u3000", "\u2002", "（", "）", "(", ")", "２０２３", "１", ":", "/", "𠮷", "\xe5", "\xe5\xb9", "\xb9\xb4", "\xe6\x97",
		"\xff", "a", "报告", "12345"}
	rng := rand.New(rand.NewSource(103))
	for range 300000 {
		check(randomText(rng, pieces, rng.Intn(10)))
	}
	// dates as reports write them, with what may surround their parts
	around := []string{"", " ", "\u3000", "\u00a0", "\t", "  "}
	for range 100000 {
		var b strings.Builder
		b.WriteString([]string{"", "（", "(", "（ "}[rng.Intn(4)])
		for k, unit := range []string{"年", "月", "日"} {
			b.WriteString(around[rng.Intn(len(around))])
			n := []string{"2023", "1", "12", "123", "202", "０1"}[rng.Intn(6)]
			if k == 0 && rng.Intn(2) == 0 {
				n = "2023"
			}
			b.WriteString(n + around[rng.Intn(len(around))] + unit)
		}
		b.WriteString(around[rng.Intn(len(around))] + []string{"", "）", ")", "）。", "） "}[rng.Intn(5)])
		check(b.String())
	}
	if dates < 3000 {
		t.Fatalf("only %d date lines", dates)
	}
}
