package fileio_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/fileio"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExpandPaths(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"b.txt", "a.md", "sub/c.docx", "sub/d.HTML", "sub/skip.pdf", ".hidden/e.txt", "sub/.f.txt", "notes.csv"} {
		writeFile(t, filepath.Join(root, p), "x")
	}
	files, errs := fileio.ExpandPaths([]string{root, filepath.Join(root, "notes.csv"), filepath.Join(root, "b.txt"), filepath.Join(root, "missing.txt")})
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(root, f)
		rel = append(rel, filepath.ToSlash(r))
	}
	// walk in lexical order, hidden and other kinds skipped; a named file is
	// taken whatever its kind; a file named twice is checked once
	if got, want := strings.Join(rel, " "), "a.md b.txt sub/c.docx sub/d.HTML notes.csv"; got != want {
		t.Errorf("files = %s, want %s", got, want)
	}
	if len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) || !strings.Contains(errs[0].Error(), "missing.txt") {
		t.Errorf("errs = %v", errs)
	}
}

func TestWriteFileAtomicKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "报告.txt")
	writeFile(t, p, "old")
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := fileio.WriteFileAtomic(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(got) != "new" || st.Mode().Perm() != 0o640 {
		t.Errorf("content %q mode %v", got, st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// through a symlink: the target is replaced, the link stays a link
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("报告.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := fileio.WriteFileAtomic(link, []byte("via link")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced by a file")
	}
	if got, _ := os.ReadFile(p); string(got) != "via link" {
		t.Errorf("target content %q", got)
	}
	os.Remove(link)
	// a directory that cannot be written: an error, the file untouched
	if os.Geteuid() != 0 {
		os.Chmod(dir, 0o500)
		defer os.Chmod(dir, 0o700)
		if err := fileio.WriteFileAtomic(p, []byte("newer")); err == nil {
			t.Errorf("write into a read-only directory succeeded")
		}
	}
}

// TestWriteAtomicFailedWriteKeepsTheFile: when the content cannot be made,
// the file keeps its old bytes and no temporary file is left beside it.
func TestWriteAtomicFailedWriteKeepsTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := fileio.WriteAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want write's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file = %q, want the old bytes", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the directory: %v", entries)
	}
	if err := fileio.WriteAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("file = %q after a good write", got)
	}
}
