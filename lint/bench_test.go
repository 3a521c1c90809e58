package lint_test

import (
	"os"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// BenchmarkCheckSeeds measures what `gdlint check` does per file: decode,
// parse and run every rule with suppressions, over the five seed reports
// (one op = all five).
func BenchmarkCheckSeeds(b *testing.B) {
	paths := testshared.Seeds(b)
	raws := make([][]byte, len(paths))
	size := 0
	for i, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws[i] = raw
		size += len(raw)
	}
	cfg := lint.DefaultConfig()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, raw := range raws {
			if res := lint.Check(lint.FromBytes(paths[i], raw), cfg, lint.CheckOptions{}); res.Err != nil {
				b.Fatal(res.Err)
			}
		}
	}
}

// BenchmarkFixSeeds adds the fix loop (to a fixpoint) and re-encoding.
func BenchmarkFixSeeds(b *testing.B) {
	paths := testshared.Seeds(b)
	raws := make([][]byte, len(paths))
	for i, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws[i] = raw
	}
	cfg := lint.DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		for i, raw := range raws {
			if res := lint.Check(lint.FromBytes(paths[i], raw), cfg, lint.CheckOptions{Fix: true}); res.Err != nil {
				b.Fatal(res.Err)
			}
		}
	}
}
