package grammar_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/reportcheck"
)

// goldenReports returns the raw bytes of every golden report (as the parser
// would read them from disk) and of the seed reports when ../shared is there.
func goldenReports(t testing.TB) [][]byte {
	t.Helper()
	files, err := filepath.Glob("../testdata/grammar/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var out [][]byte
	for _, f := range files {
		_, in := readGolden(t, f)
		out = append(out, in.raw)
	}
	// extra seeds, not required: the fuzz target must run without ../shared
	seeds, _ := filepath.Glob("../../shared/seeds/*.txt")
	for _, s := range seeds {
		if raw, err := os.ReadFile(s); err == nil {
			out = append(out, raw)
		}
	}
	return out
}

// FuzzParse: on any bytes, decoding and parsing never panic, and every span
// the report hands out lies inside the text, in order, on character
// boundaries; every placed cell holds the text printed at its span.
//
//	go test ./grammar -run '^$' -fuzz FuzzParse -fuzztime 5m
func FuzzParse(f *testing.F) {
	for _, raw := range goldenReports(f) {
		f.Add(raw, false)
		f.Add(raw, true)
	}
	f.Add([]byte("一、总体情况\n二、主动公开政府信息情况\n规章\t1\t2\n"), false)
	f.Add([]byte("| 行政复议 | |\n|---|---|\n| 1 | 0 |\n"), true)
	f.Fuzz(func(t *testing.T, raw []byte, markdown bool) {
		name := "report.txt"
		if markdown {
			name = "report.md"
		}
		src, err := input.Decode(name, raw)
		if err != nil {
			return
		}
		rep := grammar.Parse(src)
		for _, e := range reportcheck.SpanErrors(rep) {
			t.Error(e)
		}
		for _, e := range cellTextErrors(rep) {
			t.Error(e)
		}
		_ = rep.Dump()
		rep.IsAnnualReport()
	})
}
