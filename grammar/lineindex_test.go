package grammar

import (
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
)

// refLineStartsN is lineStartsN as it was: IndexByte for every line.
func refLineStartsN(text string, breaks int) []int {
	starts := make([]int, breaks+1)
	i := 0
	for k := 1; k < len(starts); k++ {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts[:k] // breaks was more than text holds
		}
		i += j + 1
		starts[k] = i
	}
	return starts
}

// refSplitLines is splitLines from the source's line index as it was:
// appended line by line.
func refSplitLines(t string, starts []int) []line {
	var lines []line
	for k, start := range starts {
		end := len(t)
		if k+1 < len(starts) {
			end = starts[k+1] - 1 // the line break
		} else if start == len(t) {
			break // the text ends with a line break
		}
		if end > start && t[end-1] == '\r' {
			end--
		}
		lines = append(lines, line{start, end})
	}
	return lines
}

// The line index and the parser's lines are what they were with a call of
// IndexByte per line and lines appended: on the real reports (LF and CRLF,
// from each of their first offsets) and on random texts of short and empty
// lines, bytes one bit from a line feed (\x0b, \x8a, \x0e), CJK and
// characters outside the BMP; also when told of more breaks than the text
// holds.
func TestLineIndexAsBefore(t *testing.T) {
	check := func(text string) {
		breaks := strings.Count(text, "\n")
		for _, n := range []int{breaks, breaks + 1, breaks + 3} {
			if got, want := lineStartsN(text, n), refLineStartsN(text, n); !slices.Equal(got, want) {
				t.Fatalf("%q, %d breaks: lineStartsN %v, IndexByte per line %v", text, n, got, want)
			}
		}
		src := NewSource("r.txt", text)
		p := &parser{src: src, v: IdentityView(text), text: text, r: &Report{Source: src}, srcLines: true}
		p.splitLines()
		if want := refSplitLines(text, src.lines); !slices.Equal(p.lines, want) {
			t.Fatalf("%q: splitLines %v, line by line %v", text, p.lines, want)
		}
	}
	for _, path := range reportFiles(t) {
		raw, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for off := range min(len(raw), 16) {
			check(string(raw[off:]))
			check(strings.ReplaceAll(string(raw[off:]), "\n", "\r\n"))
		}
	}
	pieces := []string{"\n", "\n", "\r\n", "\r", "\n\n", "\x0b", "\x8a", "\x0e", "\n\x0b", "a", "0", "\t0", "年", "𠀀", "政府信息公开", ""}
	rng := rand.New(rand.NewSource(53))
	for range 30000 {
		check(randomText(rng, pieces, rng.Intn(40)))
	}
}
