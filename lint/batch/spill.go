package batch

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// TextStore keeps the decoded texts of checked reports in one temporary
// file, so that a run over thousands of reports holds none of them in
// memory to the end: the cross-year checks and the batch outputs read a
// report's text back when they reach it. The zero of *TextStore (nil)
// keeps texts in memory.
type TextStore struct {
	mu   sync.Mutex
	file *os.File
	// pending are the bytes from offset flushed on that are not written
	// yet: one write per MiB, not two per report (a text, its findings).
	// A record is never split between pending and the file.
	pending []byte
	flushed int64
	err     error // the first read or write error
	removed bool  // the file is unlinked already
}

// storeBuffer is how much the store gathers before it writes: small, as
// it is live memory the collector lets the heap grow five times over in a
// batch (1 MB was a write every 130 reports; 256 KB is one every 33)
const storeBuffer = 256 << 10

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
	src *grammar.Source
	storedRecord
	path  string
	enc   grammar.Encoding
	pages []int
	valid bool // the text was checked valid UTF-8 (Source.ValidUTF8)
	crlf  bool // Source.CRLF of the whole text, which a part may not show
	// head is the stored text through the line of its year (keepHead),
	// kept in memory: the cross-year findings point there, and a batch of
	// copies has one for each copy, each read back from the file
	head string
}

// headLimit is the longest head a stored text keeps.
const headLimit = 4 << 10

// keepHead keeps in memory the first bytes of the stored text, through the
// line that holds byte through and its line break, when they are few.
func (t *storedText) keepHead(text string, through int) {
	if t.store == nil || through < 0 || through >= len(text) {
		return
	}
	if i := strings.IndexByte(text[through:], '\n'); i >= 0 && through+i+1 <= headLimit {
		t.head = strings.Clone(text[:through+i+1])
	}
}

// put keeps src's text in the store, or src itself when the store is nil
// or cannot be written.
func (s *TextStore) put(src *grammar.Source) storedText {
	if s == nil || src == nil {
		return storedText{src: src}
	}
	off, ok := s.write(src.Text)
	if !ok {
		return storedText{src: src}
	}
	return storedText{storedRecord: storedRecord{store: s, off: off, n: len(src.Text)},
		path: src.Path, enc: src.Encoding, pages: src.PageStarts, valid: src.ValidUTF8, crlf: src.CRLF}
}

// write adds a record to the store and says where it starts; false when
// the store cannot be written (the caller keeps the record). Records already
// taken stay readable after a failed write: they are kept in pending.
func (s *TextStore) write(record string) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, false
	}
	if len(s.pending)+len(record) > storeBuffer && len(s.pending) > 0 {
		if _, err := s.file.WriteAt(s.pending, s.flushed); err != nil {
			s.err = fmt.Errorf("temporary file %s: %w", s.file.Name(), err)
			return 0, false
		}
		s.flushed += int64(len(s.pending))
		s.pending = s.pending[:0]
	}
	off := s.flushed + int64(len(s.pending))
	if len(record) > storeBuffer {
		if _, err := s.file.WriteAt(unsafe.Slice(unsafe.StringData(record), len(record)), off); err != nil {
			s.err = fmt.Errorf("temporary file %s: %w", s.file.Name(), err)
			return 0, false
		}
		s.flushed += int64(len(record))
		return off, true
	}
	if s.pending == nil {
		s.pending = make([]byte, 0, storeBuffer)
	}
	s.pending = append(s.pending, record...)
	return off, true
}

// read fills buf from the store at off.
func (s *TextStore) read(buf []byte, off int64) error {
	s.mu.Lock()
	if off >= s.flushed {
		copy(buf, s.pending[off-s.flushed:])
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	// on the file already: flushed only grows, and the file is not written
	// below it again
	_, err := s.file.ReadAt(buf, off)
	return err
}

// text reads the text back ("" when it cannot be read; Err says why).
func (t storedText) text() (string, bool) {
	if t.store == nil {
		if t.src == nil {
			return "", false
		}
		return t.src.Text, true
	}
	buf, ok := t.load()
	if !ok {
		return "", false
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), true // buf is not used again
}

// textBuffers are the buffers textReused reads texts into.
var textBuffers = sync.Pool{New: func() any { return new([]byte) }}

// textReused is text, read into a buffer of textBuffers when it is stored,
// and the func that puts the buffer back (nil when there is none): the
// cross-year checks read each report's text once to cut its prose, and
// thousands of texts made anew were a quarter of what they allocated.
func (t storedText) textReused() (string, func(), bool) {
	if t.store == nil || t.n == 0 {
		s, ok := t.text()
		return s, nil, ok
	}
	bp := textBuffers.Get().(*[]byte)
	buf := slices.Grow((*bp)[:0], t.n)[:t.n]
	if err := t.store.read(buf, t.off); err != nil {
		t.store.fail(err)
		textBuffers.Put(bp)
		return "", nil, false
	}
	*bp = buf
	return unsafe.String(&buf[0], len(buf)), func() { textBuffers.Put(bp) }, true
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
	return t.sourceOf(text)
}

// sourceOf makes the Source of text, the stored text or a part of it that
// begins where it begins.
func (t storedText) sourceOf(text string) *grammar.Source {
	src := grammar.DecodedSource(t.path, nil, text, t.enc)
	src.PageStarts, src.ValidUTF8, src.CRLF = t.pages, t.valid, t.crlf
	return src
}

// lineReach is how far past an offset sourceThrough reads to find the end
// of its line; a longer line has the whole text read.
const lineReach = 1024

// sourceThrough is source, but a text in a store is read back only through
// the line that holds byte off (and its line break). Offsets up to off have
// the same line, column and page in it, and their lines the same text.
func (t storedText) sourceThrough(off int) *grammar.Source {
	if t.store == nil || off < 0 || off >= t.n {
		return t.source()
	}
	if off < len(t.head) {
		// the head ends with a line break
		i := strings.IndexByte(t.head[off:], '\n')
		return t.sourceOf(t.head[:off+i+1])
	}
	buf, ok := t.loadFirst(off + lineReach)
	if !ok {
		return nil
	}
	i := bytes.IndexByte(buf[off:], '\n')
	if i < 0 {
		if len(buf) < t.n {
			return t.source()
		}
	} else {
		buf = buf[:off+i+1]
	}
	return t.sourceOf(unsafe.String(unsafe.SliceData(buf), len(buf))) // buf is not used again
}

// storedRecord is a record kept in a store.
type storedRecord struct {
	store *TextStore
	off   int64
	n     int
}

// putRecord keeps b in the store; false when the store is nil or cannot be
// written (the caller keeps what b encodes).
func (s *TextStore) putRecord(b []byte) (storedRecord, bool) {
	if s == nil {
		return storedRecord{}, false
	}
	off, ok := s.write(unsafe.String(unsafe.SliceData(b), len(b)))
	if !ok {
		return storedRecord{}, false
	}
	return storedRecord{store: s, off: off, n: len(b)}, true
}

// load reads the record back; false when it cannot (Err says why).
func (r storedRecord) load() ([]byte, bool) { return r.loadFirst(r.n) }

// loadFirst reads back the record's first n bytes (all of it when it is
// shorter); false when it cannot (Err says why).
func (r storedRecord) loadFirst(n int) ([]byte, bool) {
	if r.store == nil {
		return nil, false
	}
	buf := make([]byte, min(n, r.n))
	if err := r.store.read(buf, r.off); err != nil {
		r.store.fail(err)
		return nil, false
	}
	return buf, true
}

// storedFindings are a report's findings kept in a store (spillcodec.go),
// with their number and counts.
type storedFindings struct {
	storedRecord
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
	rec, ok := s.putRecord(appendDiagnostics(nil, ds))
	if !ok {
		return storedFindings{}, false
	}
	return storedFindings{storedRecord: rec, count: len(ds), counts: countFamilies(ds)}, true
}

// load reads the findings back (nil when they cannot be read; Err says why).
func (f storedFindings) load() []lint.Diagnostic {
	buf, ok := f.storedRecord.load()
	if !ok {
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
