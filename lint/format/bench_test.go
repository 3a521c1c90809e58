package format_test

import (
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint/format"
)

// BenchmarkFormat formats the five seeds (parse, the rounds, the re-parse
// check, the edits); MB/s is of the seeds' decoded text.
func BenchmarkFormat(b *testing.B) {
	var texts, paths []string
	size := 0
	for _, p := range testshared.Seeds(b) {
		texts = append(texts, decode(b, p))
		paths = append(paths, p)
		size += len(texts[len(texts)-1])
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, text := range texts {
			format.Text(paths[j], text)
		}
	}
}
