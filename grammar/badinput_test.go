package grammar_test

import (
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// Text that is not a report at all parses to a report that says so, with no
// sections and no tables.
func TestNotAReport(t *testing.T) {
	poem := "静夜思\n李白\n\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n"
	for _, text := range []string{poem, "hello\n", "1\t2\t3\n4\t5\t6\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", strings.Repeat("0", 5000)} {
		rep := grammar.Parse(grammar.NewSource("poem.txt", text))
		checkSpans(t, rep)
		if rep.IsAnnualReport() {
			t.Errorf("%.20q: IsAnnualReport() = true", text)
		}
		if len(rep.Sections) != 0 {
			t.Errorf("%.20q: %d sections", text, len(rep.Sections))
		}
		for _, tb := range rep.Tables {
			if tb != nil {
				t.Errorf("%.20q: table %d found", text, tb.ID)
			}
		}
	}
}
