package batch

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// TextStore keeps the decoded texts of checked reports in one temporary
// file, so that a run over thousands of reports holds none of them in
// memory to the end: the cross-year checks and the batch outputs read a
// report's text back when they reach it. The zero of *TextStore (nil)
// keeps texts in memory.
type TextStore struct {
	mu      sync.Mutex
	file    *os.File
	size    int64
	err     error // the first read or write error
	removed bool  // the file is unlinked already
}

// NewTextStore creates the store's temporary file in dir ("" for the
// system's temporary directory). Close removes it.
func NewTextStore(dir string) (*TextStore, error) {
	f, err := os.CreateTemp(dir, "gdlint-texts-*")
	if err != nil {
		return nil, err
	}
	s := &TextStore{file: f}
	// where an open file can be unlinked, nothing is left behind even by a
	// run that is killed
	if runtime.GOOS != "windows" && os.Remove(f.Name()) == nil {
		s.removed = true
	}
	return s, nil
}

// Close removes the temporary file.
func (s *TextStore) Close() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.file.Close()
	if !s.removed {
		if rmErr := os.Remove(s.file.Name()); err == nil {
			err = rmErr
		}
	}
	return err
}

// Err is the first error of a write or read of the store: a text that
// could not be written stays in memory; one that could not be read back
// leaves its report without a document.
func (s *TextStore) Err() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// storedText is a report's document as the batch keeps it: in memory
// (src), or as the place of its text in a store with what a Source needs
// beside the text.
type storedText struct {
	src   *grammar.Source
	store *TextStore
	off   int64
	n     int
	path  string
	enc   grammar.Encoding
	pages []int
}

// put keeps src's text in the store, or src itself when the store is nil
// or cannot be written.
func (s *TextStore) put(src *grammar.Source) storedText {
	if s == nil || src == nil {
		return storedText{src: src}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return storedText{src: src}
	}
	off := s.size
	n, err := s.file.WriteAt([]byte(src.Text), off)
	if err != nil {
		s.err = fmt.Errorf("temporary file %s: %w", s.file.Name(), err)
		return storedText{src: src}
	}
	s.size += int64(n)
	return storedText{store: s, off: off, n: n, path: src.Path, enc: src.Encoding, pages: src.PageStarts}
}

// text reads the text back ("" when it cannot be read; Err says why).
func (t storedText) text() (string, bool) {
	if t.store == nil {
		if t.src == nil {
			return "", false
		}
		return t.src.Text, true
	}
	buf := make([]byte, t.n)
	if _, err := t.store.file.ReadAt(buf, t.off); err != nil {
		t.store.mu.Lock()
		if t.store.err == nil {
			t.store.err = fmt.Errorf("temporary file %s: %w", t.store.file.Name(), err)
		}
		t.store.mu.Unlock()
		return "", false
	}
	return string(buf), true
}

// source is the document: src, or a new Source over the text read back
// (positions, pages and excerpts as in the original).
func (t storedText) source() *grammar.Source {
	if t.store == nil {
		return t.src
	}
	text, ok := t.text()
	if !ok {
		return nil
	}
	src := grammar.DecodedSource(t.path, nil, text, t.enc)
	src.PageStarts = t.pages
	return src
}

// storedFindings are a report's findings kept in a store (spillcodec.go),
// with their number and counts.
type storedFindings struct {
	store  *TextStore
	off    int64
	n      int
	count  int
	counts []familyCounts // kept small: a map per report would cost MBs
}

// countFamilies counts ds per family and severity.
func countFamilies(ds []lint.Diagnostic) []familyCounts {
	var out []familyCounts
	for i := range ds {
		fam := FamilyOf(ds[i].Rule)
		at := slices.IndexFunc(out, func(fc familyCounts) bool { return fc.family == fam })
		if at < 0 {
			at = len(out)
			out = append(out, familyCounts{family: fam})
		}
		switch ds[i].Severity {
		case lint.Error:
			out[at].Errors++
		case lint.Warning:
			out[at].Warnings++
		default:
			out[at].Infos++
		}
	}
	return slices.Clip(out)
}

// putFindings keeps ds in the store; false when the store is nil or cannot
// be written (the caller keeps ds).
func (s *TextStore) putFindings(ds []lint.Diagnostic) (storedFindings, bool) {
	if s == nil {
		return storedFindings{}, false
	}
	b := appendDiagnostics(nil, ds)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return storedFindings{}, false
	}
	off := s.size
	n, err := s.file.WriteAt(b, off)
	if err != nil {
		s.err = fmt.Errorf("temporary file %s: %w", s.file.Name(), err)
		return storedFindings{}, false
	}
	s.size += int64(n)
	return storedFindings{store: s, off: off, n: n, count: len(ds), counts: countFamilies(ds)}, true
}

// load reads the findings back (nil when they cannot be read; Err says why).
func (f storedFindings) load() []lint.Diagnostic {
	if f.store == nil {
		return nil
	}
	buf := make([]byte, f.n)
	if _, err := f.store.file.ReadAt(buf, f.off); err != nil {
		f.store.fail(err)
		return nil
	}
	ds, err := decodeDiagnostics(buf)
	if err != nil {
		f.store.fail(err)
		return nil
	}
	return ds
}

// fail keeps the first error.
func (s *TextStore) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = fmt.Errorf("temporary file %s: %w", s.file.Name(), err)
	}
}

// SpillFindings moves the report's findings (Diagnostics) into store, so
// that a batch whose outputs list every finding need not hold them all
// until it writes them; Findings reads them back. Without a store, or when
// it cannot be written, they stay in Diagnostics.
func (r *Report) SpillFindings(store *TextStore) {
	if len(r.Diagnostics) == 0 || r.spilled.store != nil {
		return
	}
	if f, ok := store.putFindings(r.Diagnostics); ok {
		r.spilled, r.Diagnostics = f, nil
	}
}

// Findings are all the report's findings, in order: those SpillFindings
// put in the store and those in Diagnostics (the cross-year checks').
func (r *Report) Findings() []lint.Diagnostic {
	if r.spilled.store == nil {
		return r.Diagnostics
	}
	ds := append(r.spilled.load(), r.Diagnostics...)
	lint.SortDiagnostics(ds) // stable: as the findings were sorted together
	return ds
}

// FindingCount is len(Findings()) without reading them back.
func (r *Report) FindingCount() int { return r.spilled.count + len(r.Diagnostics) }
