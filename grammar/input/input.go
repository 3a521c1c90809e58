// Package input holds the front-ends: each turns the bytes of one kind of
// file into a *grammar.Source the parser reads, whose spans are byte ranges
// of the text the front-end produced (Source.Text). Plain text and Markdown
// are decoded (UTF-8 with or without BOM, GB18030, UTF-16 with a BOM); a
// saved web page is decoded the same way and rendered as the browser shows
// it; a Word document's text is extracted from its XML.
//
// A new format is one package with a ReadFunc that registers itself:
//
//	func init() { input.RegisterFormat(".pdf", readPDF) }
//
// and a blank import of that package in the programs that should read it
// (cmd/gdlint), so that programs which do not import it (the browser page)
// do not link its engine.
package input

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/gdlint/gdlint/grammar"
)

// ReadFunc is a front-end: it reads raw, the bytes of the file at path, into
// a Source. A front-end that renders the document itself (tables as rows of
// tab-separated cells) hands the parser that rendering with Source.SetView.
// Errors should wrap ErrEmpty, ErrTooLarge or a format's own sentinel, so
// that callers can tell bad input from I/O failures.
type ReadFunc func(path string, raw []byte) (*grammar.Source, error)

// textExtensions are the names of plain text and Markdown files, which
// Decode reads.
var textExtensions = []string{".txt", ".md", ".markdown"}

var (
	formatsMu sync.RWMutex
	formats   = map[string]ReadFunc{
		".html":  ReadHTML,
		".htm":   ReadHTML,
		".xhtml": ReadHTML,
		".docx":  ReadDOCX,
	}
)

// RegisterFormat makes Read use read for files whose name ends in ext (a
// lower-case extension with its dot, like ".pdf"); a directory walk then
// takes those files too, and --fix leaves them alone (IsContainer). Call it
// from the init function of the front-end's package. Registering an
// extension that already has a front-end panics: two packages would claim
// the same files.
func RegisterFormat(ext string, read ReadFunc) {
	if ext == "" || ext[0] != '.' || ext != strings.ToLower(ext) || read == nil || slices.Contains(textExtensions, ext) {
		panic(fmt.Sprintf("input.RegisterFormat(%q): want a lower-case extension with its dot, not a text one, and a ReadFunc", ext))
	}
	formatsMu.Lock()
	defer formatsMu.Unlock()
	if formats[ext] != nil {
		panic("input.RegisterFormat: a front-end for " + ext + " is already registered")
	}
	formats[ext] = read
}

// Extensions lists the kinds of file gdlint reads, as a directory walk
// takes them: text and Markdown, then the other formats in order.
func Extensions() []string {
	formatsMu.RLock()
	defer formatsMu.RUnlock()
	return append(slices.Clone(textExtensions), slices.Sorted(maps.Keys(formats))...)
}

// Names tells whether ext (lower-case, with its dot) is one of Extensions
// or UnsupportedExtensions, without making the lists: a directory walk
// asks it of every file.
func Names(ext string) bool {
	if slices.Contains(textExtensions, ext) || unsupportedFormats[ext] != [4]string{} {
		return true
	}
	formatsMu.RLock()
	defer formatsMu.RUnlock()
	return formats[ext] != nil
}

// IsContainer tells whether the file at path is read by a front-end that
// extracts or renders its text (a page, a Word document): the text is not
// the file's bytes, so fixes cannot be written back into it.
func IsContainer(path string) bool {
	formatsMu.RLock()
	defer formatsMu.RUnlock()
	return formats[strings.ToLower(filepath.Ext(path))] != nil
}

// Read reads raw, the bytes of the file at path, with the front-end its
// extension names; any other file is plain text or Markdown (Decode).
// raw must not change afterwards: the Source may share its memory.
func Read(path string, raw []byte) (*grammar.Source, error) {
	formatsMu.RLock()
	read := formats[strings.ToLower(filepath.Ext(path))]
	formatsMu.RUnlock()
	if read == nil {
		if err := unsupported(path); err != nil {
			return nil, err
		}
		read = Decode
	}
	return read(path, raw)
}

// Parse reads and parses one report file; raw must not change afterwards
// (the report's text may share its memory, see Decode).
func Parse(path string, raw []byte) (*grammar.Report, error) {
	src, err := Read(path, raw)
	if err != nil {
		return nil, err
	}
	return grammar.Parse(src), nil
}

// ParseFile reads the file at path from disk and parses it.
func ParseFile(path string) (*grammar.Report, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxSourceSize {
		return nil, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	return Parse(path, raw)
}
