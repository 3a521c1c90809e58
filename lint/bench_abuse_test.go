package lint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/lint"
)

// BenchmarkLongLineManyFindings checks one line of a repeated word, many
// findings on one line, at doubling sizes: the time per byte (ns/op
// divided by the size) must stay flat — linear, not quadratic. The issue's
// probe: a 200 KB line took 7 s, 10 MB did not finish.
//
//	go test ./lint -run '^$' -bench LongLineManyFindings
func BenchmarkLongLineManyFindings(b *testing.B) {
	for _, kb := range []int{50, 100, 200, 400} {
		unit := "审核审核，"
		text := "一、总体情况\n" + strings.Repeat(unit, kb<<10/len(unit)) + "\n"
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				lint.Check(lint.FromText("t.txt", text), lint.DefaultConfig(), lint.CheckOptions{})
			}
		})
	}
}
