//go:build unix

package fileio_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/gdlint/gdlint/internal/fileio"
)

// A FIFO named on the command line would block the run forever: refused.
// One met in a directory walk is skipped.
func TestExpandPathsRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "a.txt"), "一、总体情况\n")
	files, errs := fileio.ExpandPaths([]string{fifo, filepath.Join(dir, "a.txt")})
	if len(files) != 1 || len(errs) != 1 || !errors.Is(errs[0], fileio.ErrNotRegular) {
		t.Errorf("files %v errs %v, want a.txt and ErrNotRegular for the FIFO", files, errs)
	}
	files, errs = fileio.ExpandPaths([]string{dir})
	if len(files) != 1 || len(errs) != 0 {
		t.Errorf("walk: files %v errs %v, want a.txt alone", files, errs)
	}
}

// A read-only file is not rewritten (as gofmt and ruff refuse).
func TestWriteFileAtomicRefusesReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.txt")
	writeFile(t, path, "old")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := fileio.WriteFileAtomic(path, []byte("new")); !errors.Is(err, fileio.ErrReadOnly) {
		t.Errorf("err %v, want ErrReadOnly", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("read-only file rewritten: %q", b)
	}
}

// The replacement keeps the owner and group of the file it replaces. Only
// root can give a file away, so the test runs as root (CI containers do)
// and otherwise checks that the owner is still the writer's own.
func TestWriteFileAtomicKeepsOwner(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.txt")
	writeFile(t, path, "old")
	uid, gid := os.Getuid(), os.Getgid()
	if uid == 0 {
		uid, gid = 65534, 65534
		if err := os.Chown(path, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	if err := fileio.WriteFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	sys := st.Sys().(*syscall.Stat_t)
	if int(sys.Uid) != uid || int(sys.Gid) != gid {
		t.Errorf("owner %d:%d, want %d:%d", sys.Uid, sys.Gid, uid, gid)
	}
}

// A directory the writer cannot write is said so, not "no read
// permission". Root ignores directory modes: there only the words are
// checked (report's ErrorText test).
func TestWriteFileAtomicUnwritableDirectory(t *testing.T) {
	if os.Getuid() == 0 {
		t.Log("running as root: directory modes do not apply")
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "d.txt")
	writeFile(t, path, "old")
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if err := fileio.WriteFileAtomic(path, []byte("new")); !errors.Is(err, fileio.ErrDirNotWritable) {
		t.Errorf("err %v, want ErrDirNotWritable", err)
	}
}

// Temporary files of ours left by a killed run are removed by the next
// write to the same file once old; a young one (a concurrent run's) and
// other names are kept.
func TestWriteFileAtomicRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.txt")
	writeFile(t, path, "old")
	stale := filepath.Join(dir, ".s.txt.gdlint-123")
	young := filepath.Join(dir, ".s.txt.gdlint-456")
	other := filepath.Join(dir, ".t.txt.gdlint-789")
	for _, p := range []string{stale, young, other} {
		writeFile(t, p, "x")
	}
	old := time.Now().Add(-time.Hour)
	for _, p := range []string{stale, other} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := fileio.WriteFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file kept: %v", err)
	}
	for _, p := range []string{young, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
	matches, _ := filepath.Glob(filepath.Join(dir, ".s.txt.gdlint-*"))
	if len(matches) != 1 {
		t.Errorf("temporary files after the write: %v, want only the young one", matches)
	}
}
