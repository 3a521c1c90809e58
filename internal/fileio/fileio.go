// Package fileio is the command line's file input and output: which files
// a path stands for, reading a report within the size limit, and replacing
// a file atomically. It is internal: a library user or the browser page
// hands gdlint bytes, not paths.
package fileio

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gdlint/gdlint/grammar/input"
)

// IsReportFile tells whether a directory walk takes the file at path: one
// of input.Extensions, or a format gdlint names but cannot read
// (input.UnsupportedExtensions: .doc, .wps, .ofd), so that a folder of
// them is reported rather than passed.
func IsReportFile(path string) bool {
	return input.Names(strings.ToLower(filepath.Ext(path)))
}

// ExpandPaths turns the paths of a command line into the files to check.
// A file is taken as given, whatever its extension; a directory is walked
// recursively in lexical order, skipping hidden files and directories and
// taking only the files input reads (input.Extensions). A path given twice is checked once. Paths
// that cannot be read are returned as errors, one per path, and the rest
// goes on.
func ExpandPaths(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p, key string) {
		// one path's files are found once each
		if len(paths) == 1 {
			files = append(files, p)
		} else if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			errs = append(errs, pathError(root, err))
			continue
		}
		if !st.IsDir() {
			if !st.Mode().IsRegular() {
				// a FIFO or a device would block the run or never end
				errs = append(errs, &FileError{Path: root, Err: ErrNotRegular})
				continue
			}
			add(root, filepath.Clean(root))
			continue
		}
		var found []string
		// each file as filepath.Join(root, ...) names it: the join of a
		// plain name is the join of another with that name's place
		prefix := strings.TrimSuffix(filepath.Join(root, "x"), "x")
		walkReports(root, prefix, &found, &errs)
		sort.Strings(found)
		for _, f := range found {
			add(f, f) // a join is clean
		}
	}
	return files, errs
}

// walkReports appends to found the report files in the directory dir and
// in the directories under it, skipping hidden files and directories and
// Word's lock files, each named prefix and its path from dir; and to errs
// each directory that cannot be read. dir is read as a directory even when
// it is a link (os.Stat took it for one); a link found in it is not
// followed, as filepath.WalkDir follows none. Paths are concatenated, not
// joined: a filepath.Join (a Clean) per file was a third of the walk.
func walkReports(dir, prefix string, found *[]string, errs *[]error) {
	entries, err := readDirUnsorted(dir)
	if err != nil {
		*errs = append(*errs, pathError(dir, err))
		return
	}
	var dirs []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
		case e.IsDir():
			dirs = append(dirs, name)
		case strings.HasPrefix(name, "~$"): // an open Word document's lock file
		case e.Type().IsRegular() && IsReportFile(name):
			*found = append(*found, prefix+name)
		}
	}
	// the directories in order, for the order of their errors; the files
	// are sorted by the caller
	slices.Sort(dirs)
	for _, name := range dirs {
		walkReports(prefix+name, prefix+name+string(filepath.Separator), found, errs)
	}
}

// readDirUnsorted is os.ReadDir without its sort, which the walk does not
// need for files.
func readDirUnsorted(dir string) ([]fs.DirEntry, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	return entries, err
}

// pathError words an OS error without repeating the path (the caller prints it).
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FileError{Path: path, Err: err}
}

// FileError is a file that could not be checked, and why.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// ErrNotRegular refuses a FIFO, socket or device named on the command line.
var ErrNotRegular = errors.New("not a regular file (FIFO, socket or device); not read")

// ErrReadOnly refuses to rewrite a file without write permission, as gofmt
// and ruff do.
var ErrReadOnly = errors.New("file is read-only; not rewritten")

// ErrDirNotWritable is the temporary file that cannot be created next to
// the file: the directory is not writable.
var ErrDirNotWritable = errors.New("cannot write the directory; not rewritten")

// tempPattern names our temporary files: .NAME.gdlint-RANDOM.
const tempPattern = ".gdlint-*"

// staleTempAge is how old a temporary file of ours must be before a later
// run removes it as left by a killed run (a live run writes within seconds).
const staleTempAge = 10 * time.Minute

// readSized reads f, whose size was size when it was opened (it may have
// changed since), up to input.MaxSourceSize, into buf when it has room for
// size+1 bytes.
func readSized(f io.Reader, size int, buf []byte) ([]byte, error) {
	// one byte more than the size, so the read that meets the end needs
	// no second buffer
	if cap(buf) < size+1 {
		buf = make([]byte, 0, size+1)
	}
	buf = buf[:0]
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > input.MaxSourceSize {
			return nil, input.ErrTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if n > 0 && len(buf) == size && len(buf) < cap(buf) {
			// a regular file read short at the size it had when opened
			// is at its end: no second read to be told so
			return buf, nil
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew: more room
		}
	}
}

// ReadLimited reads r (a file, standard input) up to input.MaxSourceSize.
func ReadLimited(r io.Reader) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, input.MaxSourceSize+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > input.MaxSourceSize {
		return nil, input.ErrTooLarge
	}
	return raw, nil
}

// WriteFileAtomic replaces the file at path with data: it writes a
// temporary file in the same directory, syncs it, gives it the mode of the
// file it replaces and renames it over the original, so a reader sees the
// old file or the new one and never a half-written one. A symlink keeps
// pointing at the (new) file.
func WriteFileAtomic(path string, data []byte) error {
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic is WriteFileAtomic for content that write produces into the
// temporary file as it goes (a large report need not be held in memory
// first). When write fails, the file at path is left as it was and the
// error is write's.
func WriteAtomic(path string, write func(io.Writer) error) (err error) {
	// through a symlink, replace the file it points to, not the link
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	mode := fs.FileMode(0o644)
	st, statErr := os.Stat(path)
	if statErr == nil {
		mode = st.Mode().Perm()
		if mode&0o222 == 0 {
			return ErrReadOnly
		}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStaleTemps(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+tempPattern)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return ErrDirNotWritable
		}
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if statErr == nil {
		keepOwner(tmp, st)
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// make the rename itself durable
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// removeStaleTemps removes the temporary files a killed run left next to
// base: only names of our pattern for this file, only regular files, only
// ones older than staleTempAge (a concurrent run's file is younger).
func removeStaleTemps(dir, base string) {
	if strings.ContainsAny(base, `*?[\`) {
		return // a name a glob cannot match literally everywhere: leave it
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "."+base+tempPattern))
	for _, m := range matches {
		st, err := os.Lstat(m)
		if err != nil || !st.Mode().IsRegular() || time.Since(st.ModTime()) < staleTempAge {
			continue
		}
		os.Remove(m)
	}
}
