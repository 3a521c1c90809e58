package fileio

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExpandPaths2000 walks a directory of 2,000 reports, as a
// batch of the copied seeds does before it checks any.
func BenchmarkExpandPaths2000(b *testing.B) {
	dir := b.TempDir()
	for i := range 2000 {
		name := filepath.Join(dir, fmt.Sprintf("%d-%03d_52ff68fbeae871ae.txt", i/5, i%5))
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if files, _ := ExpandPaths([]string{dir}); len(files) != 2000 {
			b.Fatal(len(files))
		}
	}
}
