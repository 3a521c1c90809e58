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
	"os"
	"path/filepath"
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
// lower-case extension with its dot, like ".pdf"). Call it from the init
// function of the front-end's package. Registering an extension that
// already has a front-end panics: two packages would claim the same files.
func RegisterFormat(ext string, read ReadFunc) {
	if ext == "" || ext[0] != '.' || ext != strings.ToLower(ext) || read == nil {
		panic(fmt.Sprintf("input.RegisterFormat(%q): want a lower-case extension with its dot and a ReadFunc", ext))
	}
	formatsMu.Lock()
	defer formatsMu.Unlock()
	if formats[ext] != nil {
		panic("input.RegisterFormat: a front-end for " + ext + " is already registered")
	}
	formats[ext] = read
}

// Read reads raw, the bytes of the file at path, with the front-end its
// extension names; any other file is plain text or Markdown (Decode).
func Read(path string, raw []byte) (*grammar.Source, error) {
	formatsMu.RLock()
	read := formats[strings.ToLower(filepath.Ext(path))]
	formatsMu.RUnlock()
	if read == nil {
		read = Decode
	}
	return read(path, raw)
}

// Parse reads and parses one report file.
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
