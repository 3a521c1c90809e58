package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// --diff's output is a unified diff that gives the fixed text back when
// applied to the original: with and without a final line break, CRLF, a
// change on the first and on the last line, hunks far apart.
func TestWriteDiffApplies(t *testing.T) {
	var long strings.Builder
	for i := range 30 {
		long.WriteString(strings.Repeat("行", i%5+1) + "\n")
	}
	for _, c := range []struct{ name, before, after string }{
		{"one line", "甲,乙\n", "甲，乙\n"},
		{"no final newline", "一\n二\n甲,乙", "一\n二\n甲，乙"},
		{"crlf", "一\r\n甲,乙\r\n三\r\n", "一\r\n甲，乙\r\n三\r\n"},
		{"two hunks", "首,行\n" + long.String() + "末,行\n", "首，行\n" + long.String() + "末，行\n"},
		{"line deleted", "一\n— 5 —\n二\n", "一\n二\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			report.WriteDiff(&b, &lint.FileResult{Path: "目录/报告.txt", Original: c.before, Fixed: c.after})
			out := b.String()
			if !strings.HasPrefix(out, "--- 目录/报告.txt\n+++ 目录/报告.txt\n@@ -") {
				t.Fatalf("not a unified diff:\n%s", out)
			}
			got, err := applyUnified(out, c.before)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if got != c.after {
				t.Errorf("applied: %q, want %q\n%s", got, c.after, out)
			}
		})
	}
	var b bytes.Buffer
	report.WriteDiff(&b, &lint.FileResult{Path: "a.txt", Original: "同\n", Fixed: "同\n"})
	if b.Len() != 0 {
		t.Errorf("no change gives %q", b.String())
	}
}

// applyUnified applies a unified diff as patch does, checking every context
// and removed line against the original.
func applyUnified(diff, original string) (string, error) {
	old := strings.SplitAfter(original, "\n")
	if old[len(old)-1] == "" {
		old = old[:len(old)-1]
	}
	var out []string
	at := 0 // next line of old to copy
	lastNew := -1
	lines := strings.SplitAfter(diff, "\n")
	for i := 2; i < len(lines) && lines[i] != ""; i++ {
		l := lines[i]
		body := l[1:]
		switch l[0] {
		case '@':
			var a int // "@@ -a,n +c,m @@" or "@@ -a +c @@" (n = 1)
			if _, err := fmt.Sscanf(l, "@@ -%d", &a); err != nil {
				return "", fmt.Errorf("hunk header %q: %v", l, err)
			}
			for ; at < a-1; at++ {
				out = append(out, old[at])
			}
		case ' ', '-':
			if at >= len(old) || strings.TrimSuffix(old[at], "\n") != strings.TrimSuffix(body, "\n") {
				return "", fmt.Errorf("line %d: %q does not match %q", at+1, body, old[at:min(at+1, len(old))])
			}
			if l[0] == ' ' {
				out = append(out, old[at])
				lastNew = len(out) - 1
			}
			at++
		case '+':
			out = append(out, body)
			lastNew = len(out) - 1
		case '\\': // no newline at the end of the line before (a removed one is gone)
			if lines[i-1][0] != '-' {
				out[lastNew] = strings.TrimSuffix(out[lastNew], "\n")
			}
		default:
			return "", fmt.Errorf("unexpected line %q", l)
		}
	}
	out = append(out, old[at:]...)
	return strings.Join(out, ""), nil
}
