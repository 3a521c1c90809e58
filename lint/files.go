package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/gdlint/gdlint/grammar"
)

// ReportExtensions are the kinds of file a directory walk takes.
var ReportExtensions = []string{".txt", ".md", ".markdown", ".html", ".htm", ".docx"}

// IsReportFile tells whether a directory walk takes the file at path.
func IsReportFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range ReportExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// IsContainer tells whether path is read through a container reader (.docx,
// .html): its spans point into extracted text, so --fix does not rewrite it.
func IsContainer(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx", ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// ExpandPaths turns the paths of a command line into the files to check.
// A file is taken as given, whatever its extension; a directory is walked
// recursively in lexical order, skipping hidden files and directories and
// taking only ReportExtensions. A path given twice is checked once. Paths
// that cannot be read are returned as errors, one per path, and the rest
// goes on.
func ExpandPaths(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		key := filepath.Clean(p)
		if !seen[key] {
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
			add(root)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
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
			lock := strings.HasPrefix(d.Name(), "~$") // an open Word document's lock file
			if !hidden && !lock && d.Type().IsRegular() && IsReportFile(p) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, pathError(root, err))
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, errs
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

// ReadFile reads a report file, refusing files larger than
// grammar.MaxSourceSize before reading them whole.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLimited(f)
}

// ReadLimited reads r (a file, standard input) up to grammar.MaxSourceSize.
func ReadLimited(r io.Reader) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, grammar.MaxSourceSize+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > grammar.MaxSourceSize {
		return nil, grammar.ErrTooLarge
	}
	return raw, nil
}

// FileResult is what checking one file produced.
type FileResult struct {
	// Path is the file's name as the user gave it (or as the walk found it).
	Path string
	// Source is the document the diagnostics point into: after --fix, the
	// fixed text. Nil when Err is set.
	Source *grammar.Source
	// Report is the parsed document of Source (for the batch report's
	// statistics and cross-year checks). Nil when Err is set.
	Report      *grammar.Report
	Diagnostics []Diagnostic
	// Err is set when the file could not be read, decoded or parsed.
	Err error

	// Original and Fixed are the decoded text before and after fixes (equal
	// when nothing was fixed); FixedBytes is Fixed in the file's encoding.
	Original, Fixed string
	FixedBytes      []byte
	// FixCount is the number of edits applied.
	FixCount int
	// NotRewritten says why fixes were not applied to this file (a container).
	NotRewritten string
}

// Changed tells whether fixes changed the file.
func (r *FileResult) Changed() bool { return r.Err == nil && r.Fixed != r.Original }

// CheckOptions say what CheckFile does beyond linting.
type CheckOptions struct {
	Options *Options
	// Fix applies safe fixes (and unsafe ones with Unsafe) to a fixpoint.
	Fix    bool
	Unsafe bool
}

// CheckFile parses raw (the bytes of the file at path) and lints it under
// cfg. With Fix it also computes the fixed text and its bytes in the file's
// own encoding and line endings; it never writes. A panic in a rule or the
// parser becomes the file's error, so one bad file cannot stop a batch.
func CheckFile(path string, raw []byte, cfg *Config, o CheckOptions) (res *FileResult) {
	res = &FileResult{Path: path}
	defer func() {
		if p := recover(); p != nil {
			res.Source, res.Report, res.Diagnostics = nil, nil, nil
			// one line for the batch's stderr; the stack when asked for
			res.Err = fmt.Errorf("internal error (please report it with the file): %v", p)
			if os.Getenv("GDLINT_DEBUG") != "" {
				res.Err = fmt.Errorf("%w\n%s", res.Err, debug.Stack())
			}
		}
	}()
	rep, err := grammar.ParseBytes(path, raw)
	if err != nil {
		res.Err = err
		return res
	}
	src := rep.Source
	res.Source, res.Report, res.Original, res.Fixed = src, rep, src.Text, src.Text
	res.Diagnostics = cfg.Check(rep, o.Options)
	if !o.Fix {
		return res
	}
	if IsContainer(path) {
		if len(FixEdits(res.Diagnostics, o.Unsafe)) > 0 {
			res.NotRewritten = "--fix does not rewrite .docx and .html files"
		}
		return res
	}
	fixed, n := cfg.FixText(path, src.Text, o.Options, o.Unsafe)
	if n == 0 || fixed == src.Text {
		return res
	}
	out, err := EncodeText(src, fixed)
	if err != nil {
		res.NotRewritten = err.Error()
		return res
	}
	res.Fixed, res.FixedBytes, res.FixCount = fixed, out, n
	// the findings that remain, with positions in the fixed text
	fsrc := grammar.NewSource(path, fixed)
	fsrc.Encoding = src.Encoding
	fsrc.Raw = out
	frep := grammar.Parse(fsrc)
	res.Source, res.Report = fsrc, frep
	res.Diagnostics = cfg.Check(frep, o.Options)
	return res
}

// FixText lints and fixes text (the decoded content of the file at path)
// until nothing changes, honouring the config's rule selection and
// suppressions: a suppressed finding is not fixed. In a file with CRLF line
// endings, line breaks in the new text are written as CRLF.
func (c *Config) FixText(path, text string, opts *Options, unsafe bool) (string, int) {
	parse := func(t string) *grammar.Report { return grammar.Parse(grammar.NewSource(path, t)) }
	check := func(rep *grammar.Report) []Diagnostic { return c.Check(rep, opts) }
	return fixLoop(text, parse, check, unsafe, grammar.NewSource(path, text).CRLF)
}

// toCRLF turns every bare LF of s into CRLF.
func toCRLF(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			b.WriteByte('\r')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// EncodeText turns fixed text back into bytes in the encoding of src (UTF-8,
// UTF-8 with BOM, GB18030). It refuses when re-encoding the original text
// would not give back the original bytes, since writing would then change
// bytes that no fix touched, and when the fix would bring bare LF line
// breaks into a CRLF file.
func EncodeText(src *grammar.Source, text string) ([]byte, error) {
	again, err := src.Encode(src.Text)
	if err != nil || !bytes.Equal(again, src.Raw) {
		return nil, fmt.Errorf("cannot rewrite this %s file without changing bytes no fix touched", src.Encoding)
	}
	if src.CRLF && bareLF(text) > bareLF(src.Text) {
		return nil, errors.New("a fix would mix LF line breaks into a CRLF file")
	}
	out, err := src.Encode(text)
	if err != nil {
		return nil, fmt.Errorf("cannot encode the fixed text as %s: %v", src.Encoding, err)
	}
	return out, nil
}

func bareLF(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			n++
		}
	}
	return n
}

// WriteFileAtomic replaces the file at path with data: it writes a
// temporary file in the same directory, syncs it, gives it the mode of the
// file it replaces and renames it over the original, so a reader sees the
// old file or the new one and never a half-written one. A symlink keeps
// pointing at the (new) file.
func WriteFileAtomic(path string, data []byte) (err error) {
	// through a symlink, replace the file it points to, not the link
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".gdlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
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
