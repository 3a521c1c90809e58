// Package testshared locates ../shared (the real reports and the spec) for
// tests. Locally a missing ../shared skips the test; in CI (CI=true) it fails.
package testshared

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Dir returns the absolute path of the shared directory beside the clone.
func Dir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if os.Getenv("CI") == "true" {
			t.Fatalf("../shared not found at %s (required in CI)", dir)
		}
		t.Skipf("../shared not found at %s", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// Seeds returns the paths of the five seed reports.
func Seeds(t testing.TB) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(Dir(t), "seeds", "*.txt"))
	if err != nil || len(m) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	return m
}

// Corpus returns the path of one corpus file (e.g. "004.html").
func Corpus(t testing.TB, name string) string {
	t.Helper()
	return filepath.Join(Dir(t), "corpus", name)
}

// GrowOverview repeats the paragraphs of a report's 一、总体情况 until the
// text has about size bytes: the long report of the speed benchmarks (the
// language server's edit-to-publish, the parser's), still one report with
// its six sections and three tables.
func GrowOverview(text string, size int) string {
	start, end := strings.Index(text, "一、总体情况"), strings.Index(text, "二、主动公开")
	para := text[strings.IndexByte(text[start:], '\n')+start+1 : end]
	var b strings.Builder
	b.WriteString(text[:end])
	for b.Len()+len(text[end:]) < size {
		b.WriteString(para)
	}
	b.WriteString(text[end:])
	return b.String()
}
