package fileio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/gdlint/gdlint/grammar/input"
)

func TestReadFileReadsWholeFiles(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 512, 513, 7500, 100 << 10} {
		want := bytes.Repeat([]byte("表a\n"), size/5+1)[:size]
		path := filepath.Join(dir, fmt.Sprint(size))
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ReadFile of %d bytes: %d bytes, %v", size, len(got), err)
		}
	}
}

// ReadFileInto reads into the buffer it is given when the file fits in it,
// whatever the buffer held before, and into a buffer of its own otherwise.
func TestReadFileIntoReusesTheBuffer(t *testing.T) {
	dir := t.TempDir()
	buf := bytes.Repeat([]byte{0xff}, 8<<10)[:0]
	for _, size := range []int{7500, 0, 100, 8<<10 - 1, 8 << 10, 100 << 10} {
		want := bytes.Repeat([]byte("表a\n"), size/5+1)[:size]
		path := filepath.Join(dir, fmt.Sprint(size))
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFileInto(path, buf)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("ReadFileInto of %d bytes: %d bytes, %v", size, len(got), err)
		}
		// size+1 bytes of room: the read that meets the end needs one more
		reused := cap(got) > 0 && &got[:1][0] == &buf[:1][0]
		if fits := size+1 <= cap(buf); reused != fits {
			t.Errorf("ReadFileInto of %d bytes into %d of room: buffer reused %v, want %v", size, cap(buf), reused, fits)
		}
	}
}

func TestReadFileRefusesTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// a sparse file: no 64 MB written
	if err := f.Truncate(input.MaxSourceSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := ReadFile(path); !errors.Is(err, input.ErrTooLarge) {
		t.Errorf("ReadFile of MaxSourceSize+1 bytes: %v, want ErrTooLarge", err)
	}
}

// A file longer than its size said when opened is read whole.
func TestReadSizedFileThatGrew(t *testing.T) {
	want := bytes.Repeat([]byte("年报"), 5000)
	got, err := readSized(bytes.NewReader(want), 100, nil)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("readSized of a file grown from 100 to %d bytes: %d bytes, %v", len(want), len(got), err)
	}
}

// ReadFile's errors read as os.Open's and os.File.Read's: the batch prints
// them for the file and goes on.
func TestReadFileErrorsAsOpen(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "无此文件.txt")
	_, err := ReadFile(missing)
	_, want := os.Open(missing)
	if err == nil || err.Error() != want.Error() || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile of a missing file: %v, want %v", err, want)
	}
	_, err = ReadFile(dir)
	f, _ := os.Open(dir)
	_, want = f.Read(make([]byte, 1))
	f.Close()
	if err == nil || err.Error() != want.Error() {
		t.Errorf("ReadFile of a directory: %v, want %v", err, want)
	}
}

// A file that comes in short reads is read whole: only a short read that
// ends at the file's size ends it.
func TestReadSizedShortReads(t *testing.T) {
	text := bytes.Repeat([]byte("𠀀年报\r\n"), 300)
	for _, tc := range []struct {
		name string
		r    io.Reader
		size int
		want []byte
	}{
		{"one byte a read", iotest.OneByteReader(bytes.NewReader(text)), len(text), text},
		{"half a read", iotest.HalfReader(bytes.NewReader(text)), len(text), text},
		{"EOF with the data", iotest.DataErrReader(bytes.NewReader(text)), len(text), text},
		{"shrunk since opened", bytes.NewReader(text[:100]), 1000, text[:100]},
	} {
		got, err := readSized(tc.r, tc.size, nil)
		if err != nil || !bytes.Equal(got, tc.want) {
			t.Errorf("%s: %d bytes, %v; want %d", tc.name, len(got), err, len(tc.want))
		}
	}
}
