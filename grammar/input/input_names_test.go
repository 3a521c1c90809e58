package input_test

import (
	"slices"
	"testing"

	"github.com/gdlint/gdlint/grammar/input"
)

// Names answers what the two lists hold, for each of their extensions and
// for others (upper case is the caller's to fold).
func TestNamesAsTheLists(t *testing.T) {
	all := append(input.Extensions(), input.UnsupportedExtensions()...)
	for _, ext := range append(slices.Clone(all), "", ".", "txt", ".TXT", ".docx2", ".pdfx", ".exe", ".doc ") {
		if got, want := input.Names(ext), slices.Contains(all, ext); got != want {
			t.Errorf("Names(%q) = %v, the lists say %v", ext, got, want)
		}
	}
	if !input.Names(".docx") || !input.Names(".ofd") || !input.Names(".md") {
		t.Error(".docx, .ofd or .md not named")
	}
}
