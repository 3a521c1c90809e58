package fileio

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// walkByWalkDir is ExpandPaths's walk of one directory as it was, on
// filepath.WalkDir: the reference of walkReports.
func walkByWalkDir(root string) (found []string, errs []error) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, pathError(p, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		hidden := p != root && strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden {
				return fs.SkipDir
			}
			return nil
		}
		lock := strings.HasPrefix(d.Name(), "~$")
		if !hidden && !lock && d.Type().IsRegular() && IsReportFile(p) {
			found = append(found, p)
		}
		return nil
	})
	sort.Strings(found)
	return found, errs
}

// TestWalkAsWalkDir: the walk names and finds what filepath.WalkDir did,
// from roots written in every way (relative, with dots, a trailing
// slash, absolute), skipping what it skipped.
func TestWalkAsWalkDir(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{
		"r/b.txt", "r/a.md", "r/年报 2023.txt", "r/𠀀.md", "r/~$lock.docx", "r/notes.csv",
		"r/sub/c.docx", "r/sub/d.HTML", "r/sub/.e.txt", "r/.hidden/f.txt", "r/sub/~$dir/g.txt",
		"r/a-b.txt", "r/a/h.txt", "r/z/y/x/deep.md", "outside/o.txt",
	} {
		writeWalkFile(t, filepath.Join(dir, p), "x")
	}
	if err := os.Symlink(filepath.Join(dir, "outside"), filepath.Join(dir, "r", "linkdir")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "outside", "o.txt"), filepath.Join(dir, "r", "link.txt")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, root := range []string{"r", "r/", "./r", "r/../r", "r//sub/..", dir + "/r", dir + "/./r/"} {
		want, wantErrs := walkByWalkDir(root)
		var got []string
		var gotErrs []error
		walkReports(root, strings.TrimSuffix(filepath.Join(root, "x"), "x"), &got, &gotErrs)
		sort.Strings(got)
		if !slices.Equal(got, want) || len(gotErrs) != len(wantErrs) {
			t.Errorf("root %q:\n got %q %v\nwant %q %v", root, got, gotErrs, want, wantErrs)
		}
		if len(want) != 10 {
			t.Errorf("root %q: the reference found %d files, want 10: %q", root, len(want), want)
		}
	}
	t.Chdir("r")
	want, _ := walkByWalkDir(".")
	got, _ := ExpandPaths([]string{"."})
	if !slices.Equal(got, want) || !slices.Contains(got, "a/h.txt") {
		t.Errorf(". got %q, want %q", got, want)
	}
}

// TestExpandPathsFollowsALinkedRoot: a directory named through a link is
// walked, its files named through the link (filepath.WalkDir walked
// nothing of it: the run said the directory held no report).
func TestExpandPathsFollowsALinkedRoot(t *testing.T) {
	dir := t.TempDir()
	writeWalkFile(t, filepath.Join(dir, "real", "a.txt"), "x")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	got, errs := ExpandPaths([]string{link})
	if want := []string{filepath.Join(link, "a.txt")}; !slices.Equal(got, want) || len(errs) != 0 {
		t.Errorf("got %q %v, want %q", got, errs, want)
	}
}

func writeWalkFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
