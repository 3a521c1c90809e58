package batchreport

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
)

// orderedZip is the zip writer excelize writes a workbook through, so that
// the same workbook is the same bytes from run to run: excelize creates the
// streamed sheets' parts in the order of a map. Each part is compressed as
// it comes into a temporary file (memory stays flat however large the
// findings sheet) and Close writes them all to the archive in the order of
// their names, copying the compressed bytes.
type orderedZip struct {
	out     *zip.Writer
	held    heldBytes
	buf     *bufio.Writer // over held: flate writes in pieces of a few hundred bytes
	parts   []heldPart
	part    *partWriter // the part being written
	deflate *flate.Writer
	err     error
}

// heldPart is one compressed part waiting in held.
type heldPart struct {
	name         string
	off, size    int64 // its compressed bytes in held
	crc          uint32
	uncompressed int64
}

// heldBytes is where the compressed parts wait: a temporary file, or memory
// when none can be created.
type heldBytes interface {
	io.Writer
	io.ReaderAt
	Close() error
}

func newOrderedZip(w io.Writer) *orderedZip {
	z := &orderedZip{out: zip.NewWriter(w)}
	if f, err := os.CreateTemp("", "gdlint-xlsx-*"); err == nil {
		z.held = &tempFile{File: f, removed: runtime.GOOS != "windows" && os.Remove(f.Name()) == nil}
	} else {
		z.held = &memoryBytes{}
	}
	z.buf = bufio.NewWriterSize(z.held, 64<<10)
	return z
}

// Create starts the part name; the one before it is complete.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.endPart(); err != nil {
		return nil, err
	}
	off := int64(0)
	if n := len(z.parts); n > 0 {
		off = z.parts[n-1].off + z.parts[n-1].size
	}
	z.parts = append(z.parts, heldPart{name: name, off: off})
	counted := &sizedWriter{w: z.buf}
	if z.deflate == nil {
		fw, err := flate.NewWriter(counted, xlsxCompression)
		if err != nil {
			return nil, err
		}
		z.deflate = fw
	} else {
		z.deflate.Reset(counted)
	}
	z.part = &partWriter{deflate: z.deflate, compressed: counted, crc: crc32.NewIEEE()}
	return z.part, nil
}

// AddFS is not used by excelize's writer; it is refused rather than let a
// part bypass the order.
func (z *orderedZip) AddFS(fs.FS) error {
	return errors.New("xlsx: AddFS is not supported")
}

// endPart completes the part being written.
func (z *orderedZip) endPart() error {
	if z.err != nil || z.part == nil {
		return z.err
	}
	p := z.part
	z.part = nil
	if p.err != nil {
		z.err = p.err
		return z.err
	}
	if err := z.deflate.Close(); err != nil {
		z.err = err
		return err
	}
	last := &z.parts[len(z.parts)-1]
	last.size, last.crc, last.uncompressed = p.compressed.n, p.crc.Sum32(), p.uncompressed
	z.err = p.compressed.err
	return z.err
}

// Close writes the parts in the order of their names and ends the archive.
func (z *orderedZip) Close() error {
	defer z.held.Close()
	if err := z.endPart(); err != nil {
		return err
	}
	if err := z.buf.Flush(); err != nil {
		return err
	}
	slices.SortStableFunc(z.parts, func(a, b heldPart) int { return strings.Compare(a.name, b.name) })
	for _, p := range z.parts {
		w, err := z.out.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate,
			CRC32: p.crc, CompressedSize64: uint64(p.size), UncompressedSize64: uint64(p.uncompressed)})
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, io.NewSectionReader(z.held, p.off, p.size)); err != nil {
			return err
		}
	}
	return z.out.Close()
}

// partWriter compresses one part and sums what it is given.
type partWriter struct {
	deflate      *flate.Writer
	compressed   *sizedWriter
	crc          hash.Hash32
	uncompressed int64
	err          error
}

func (p *partWriter) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	p.crc.Write(b)
	p.uncompressed += int64(len(b))
	n, err := p.deflate.Write(b)
	p.err = err
	return n, err
}

// sizedWriter counts the bytes written through it and keeps the first
// error.
type sizedWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *sizedWriter) Write(b []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(b)
	c.n += int64(n)
	c.err = err
	return n, err
}

// tempFile is held bytes in a temporary file, unlinked at once where an open
// file can be, so that a run that is killed leaves nothing behind.
type tempFile struct {
	*os.File
	removed bool
}

func (t *tempFile) Close() error {
	err := t.File.Close()
	if !t.removed {
		if rmErr := os.Remove(t.Name()); err == nil {
			err = rmErr
		}
	}
	return err
}

// memoryBytes is held bytes in memory.
type memoryBytes struct{ bytes.Buffer }

func (m *memoryBytes) ReadAt(p []byte, off int64) (int, error) {
	return bytes.NewReader(m.Bytes()).ReadAt(p, off)
}

func (m *memoryBytes) Close() error { return nil }
