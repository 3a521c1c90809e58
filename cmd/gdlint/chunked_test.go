package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Findings reach a pipe file by file (a reader may wait for each), and a
// regular file and /dev/null in chunks.
func TestEachFileReachesReader(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "out.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, c := range []struct {
		name string
		w    io.Writer
		want bool
	}{{"regular file", file, false}, {"/dev/null", null, false}, {"pipe", w, true}, {"buffer", &bytes.Buffer{}, true}} {
		if got := eachFileReachesReader(c.w); got != c.want {
			t.Errorf("%s: each file reaches the reader %v, want %v", c.name, got, c.want)
		}
	}
}

// With the findings and the notes in one file (> log 2>&1), the notes come
// after the findings of the files checked before them, as when each file's
// findings were written at once, though a file takes them in chunks.
func TestChunkedFindingsBeforeNotes(t *testing.T) {
	dir := t.TempDir()
	defects, err := os.ReadFile("../../testdata/examples/defects.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"a-defects.txt": defects, "b-broken.txt": []byte("\x00\x01\x02 not a report")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	log, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	runCheck([]string{"--format", "json-lines", dir}, nil, log, log)
	out, err := os.ReadFile(log.Name())
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	note := len(lines) - 1
	if len(lines) < 5 || !strings.Contains(lines[note], "b-broken.txt") {
		t.Fatalf("the note is not the last of %d lines:\n%s", len(lines), out)
	}
	for _, l := range lines[:note] {
		if !strings.HasPrefix(l, "{") {
			t.Errorf("a line before the findings' end is not a finding: %s", l)
		}
	}
}
