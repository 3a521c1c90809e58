package testshared

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of the golden archives (review the diff by hand!)")

// Golden is one txtar archive of a golden test: the input sections and the
// expected output sections it holds. With -update, Check replaces the
// expected sections by what the code gives, and the archive is written back
// when the test ends.
type Golden struct {
	t       testing.TB
	File    string
	Archive *txtar.Archive
	changed bool
}

// EachGolden runs run as one subtest per archive matching glob (named after
// the file without .txtar), and fails when there is none.
func EachGolden(t *testing.T, glob string, run func(t *testing.T, g *Golden)) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no golden cases match %s", glob)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			run(t, ReadGolden(t, file))
		})
	}
}

// ReadGolden reads one archive.
func ReadGolden(t testing.TB, file string) *Golden {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	g := &Golden{t: t, File: file, Archive: ar}
	t.Cleanup(g.write)
	return g
}

// Section returns the data of the section called name.
func (g *Golden) Section(name string) ([]byte, bool) {
	if i := g.index(name); i >= 0 {
		return g.Archive.Files[i].Data, true
	}
	return nil, false
}

func (g *Golden) index(name string) int {
	return slices.IndexFunc(g.Archive.Files, func(f txtar.File) bool { return f.Name == name })
}

// Check compares got with the section called name, which must exist.
func (g *Golden) Check(name string, got []byte) {
	g.t.Helper()
	want, ok := g.Section(name)
	if !ok && !*update {
		g.t.Errorf("no %s section in %s (run with -update, then review it)", name, g.File)
		return
	}
	g.check(name, want, got, true)
}

// CheckOptional compares got with the section called name, whose absence
// means absent: with -update, a section equal to absent is left out.
func (g *Golden) CheckOptional(name string, got, absent []byte) {
	g.t.Helper()
	want, ok := g.Section(name)
	if !ok {
		want = absent
	}
	g.check(name, want, got, !bytes.Equal(got, absent))
}

func (g *Golden) check(name string, want, got []byte, keep bool) {
	g.t.Helper()
	if !*update {
		if !bytes.Equal(got, want) {
			g.t.Errorf("%s differs (run with -update and review the diff):\n%s", name, LineDiff(string(want), string(got)))
		}
		return
	}
	i := g.index(name)
	switch {
	case i >= 0 && keep:
		g.changed = g.changed || !bytes.Equal(g.Archive.Files[i].Data, got)
		g.Archive.Files[i].Data = got
	case i >= 0:
		g.Archive.Files = slices.Delete(g.Archive.Files, i, i+1)
		g.changed = true
	case keep:
		g.Archive.Files = append(g.Archive.Files, txtar.File{Name: name, Data: got})
		g.changed = true
	}
}

func (g *Golden) write() {
	if !g.changed {
		return
	}
	if err := os.WriteFile(g.File, txtar.Format(g.Archive), 0o644); err != nil {
		g.t.Error(err)
	}
}

// LineDiff shows the first lines where want and got differ, with context.
func LineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	for k := max(i-6, 0); k < i; k++ {
		b.WriteString("  " + w[k] + "\n")
	}
	for k := i; k < len(w) && k < i+8; k++ {
		b.WriteString("- " + w[k] + "\n")
	}
	for k := i; k < len(g) && k < i+8; k++ {
		b.WriteString("+ " + g[k] + "\n")
	}
	return b.String()
}
