package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkManyTinyFiles checks a directory of tiny files at doubling
// counts: ns/op divided by the count must stay flat (the probe:
// 10^5 tiny files took 127 s).
//
//	go test ./cmd/gdlint -run '^$' -bench ManyTinyFiles
func BenchmarkManyTinyFiles(b *testing.B) {
	for _, n := range []int{500, 1000, 2000, 4000} {
		dir := b.TempDir()
		for i := range n {
			p := filepath.Join(dir, fmt.Sprintf("d%03d", i%100), fmt.Sprintf("%05d.txt", i))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("一、总体情况\n本机关的的工作。\n"), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("%dfiles", n), func(b *testing.B) {
			for b.Loop() {
				if code := run([]string{"check", "--fail-on", "never", dir}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
