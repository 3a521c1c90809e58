package grammar

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
)

// collectSubItems gives each section what the loop it replaced gave: every
// level-2 heading appended to the section holding it, in heading order.
func TestCollectSubItemsAsAppends(t *testing.T) {
	paths := reportFiles(t)
	subItems := 0
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		r := Parse(NewSource(path, string(raw)))
		// the old loop, on sections of its own
		p := &parser{r: &Report{}}
		for _, s := range r.Sections {
			c := *s
			c.SubItems = nil
			p.r.Sections = append(p.r.Sections, &c)
		}
		for _, h := range r.Headings {
			if h.Level != 2 {
				continue
			}
			if s := p.sectionAt(h.Span.Start); s != nil {
				s.SubItems = append(s.SubItems, h)
			}
		}
		for i, s := range r.Sections {
			want := p.r.Sections[i].SubItems
			if !slices.Equal(s.SubItems, want) || (s.SubItems == nil) != (want == nil) {
				t.Fatalf("%s section %d: sub-items %v, the old loop's %v", path, i, s.SubItems, want)
			}
			if cap(s.SubItems) != len(s.SubItems) {
				t.Fatalf("%s section %d: sub-items not capped", path, i)
			}
			subItems += len(want)
		}
	}
	if subItems < 50 {
		t.Fatalf("%d sub-items in %d files: the test must see some", subItems, len(paths))
	}
}

// reportFiles are the real reports (seeds, corpus) and the test reports of
// ../testdata, every format.
func reportFiles(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "seeds", "*.txt"))
	for _, glob := range []string{"corpus/*.*", "corpus/*/*.txt"} {
		m, _ := filepath.Glob(filepath.Join(testshared.Dir(t), glob))
		paths = append(paths, m...)
	}
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*"))
	return append(paths, more...)
}
