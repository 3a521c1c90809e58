package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// fuzzSeeds are the examples and, when ../shared is there, the seed reports.
func fuzzSeeds(f *testing.F) []string {
	var out []string
	for _, glob := range []string{"../testdata/examples/*", "../../shared/seeds/*.txt"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && utf8.Valid(b) {
				out = append(out, string(b))
			}
		}
	}
	out = append(out,
		"三、收到和处理政府信息公开申请情况\n<!-- x\n",
		"一、总体情况\n本机关的的的的工作审核审核审核。\n",
		"| 行政复议 | |\n|---|---|\n| 1 | 0 |\n")
	return out
}

// checkSpans fails for a span outside text or not on character boundaries.
func checkSpans(t *testing.T, text string, what string, sp grammar.Span) {
	t.Helper()
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		t.Fatalf("%s: span %d..%d outside the text (%d bytes)", what, sp.Start, sp.End, len(text))
	}
	for _, at := range []int{sp.Start, sp.End} {
		if at < len(text) && !utf8.RuneStart(text[at]) {
			t.Fatalf("%s: span %d..%d cuts a character", what, sp.Start, sp.End)
		}
	}
}

// FuzzRules: on any text every rule runs without panicking, and every
// finding, related location and fix edit lies inside the text.
//
//	go test ./lint -run '^$' -fuzz FuzzRules -fuzztime 10m
func FuzzRules(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, markdown bool) {
		if !utf8.ValidString(text) {
			return // decoded text is valid UTF-8 (grammar's FuzzParse covers bytes)
		}
		name := "report.txt"
		if markdown {
			name = "report.md"
		}
		res := lint.Check(lint.FromText(name, text), lint.DefaultConfig(), lint.CheckOptions{})
		if res.Err != nil {
			if strings.Contains(res.Err.Error(), "internal error") {
				t.Fatal(res.Err)
			}
			return
		}
		for _, d := range res.Diagnostics {
			checkSpans(t, text, d.Rule, d.Span)
			for _, r := range d.Related {
				if r.Path != "" {
					continue // another document's span
				}
				checkSpans(t, text, d.Rule+" related", r.Span)
			}
			for _, fx := range d.Fixes {
				for _, e := range fx.Edits {
					checkSpans(t, text, d.Rule+" fix", e.Span)
				}
			}
		}
	})
}

// FuzzFix: the fix loop converges or refuses (and then changes nothing),
// and fixing is idempotent: fix(fix(x)) == fix(x).
//
//	go test ./lint -run '^$' -fuzz FuzzFix -fuzztime 10m
func FuzzFix(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, unsafe bool) {
		if !utf8.ValidString(text) {
			return
		}
		opts := lint.CheckOptions{Fix: true, Unsafe: unsafe}
		once := lint.Check(lint.FromText("report.txt", text), lint.DefaultConfig(), opts)
		if once.Err != nil {
			if strings.Contains(once.Err.Error(), "internal error") {
				t.Fatal(once.Err)
			}
			return
		}
		if once.FixFailed {
			if once.Changed() {
				t.Fatal("a refused fix changed the text")
			}
			return
		}
		if !once.Changed() {
			return
		}
		twice := lint.Check(lint.FromText("report.txt", once.Fixed), lint.DefaultConfig(), opts)
		if twice.Changed() {
			t.Fatalf("fix is not idempotent:\nonce:  %q\ntwice: %q", once.Fixed, twice.Fixed)
		}
	})
}
