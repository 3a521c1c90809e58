package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// On a terminal the bar counts every file, from several goroutines, and
// says the rate; it is silent for a few files, with -q and off a terminal.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := progressOn(&buf, 40, false, "zh")
	if p == nil {
		t.Fatal("no progress for 40 files on a terminal")
	}
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); p.done() }()
	}
	wg.Wait()
	if n := p.bar.State().CurrentNum; n != 40 {
		t.Errorf("counted %d of 40 files", n)
	}
	p.finish()
	out := buf.String()
	if !strings.Contains(out, "/40, ") || !strings.Contains(out, " 个文件/s") || !strings.Contains(out, "检查") {
		t.Errorf("progress output %q", out)
	}
	// cleared at the end: the findings that follow start on a clean line
	if !strings.HasSuffix(out, "\r") {
		t.Errorf("progress not cleared: %q", out)
	}
	if progressOn(&buf, 40, true, "zh") != nil || progressOn(&buf, minProgressFiles-1, false, "zh") != nil {
		t.Error("progress shown with -q or for a few files")
	}
	// a writer that is not a terminal (a pipe, a file, this buffer) gets nothing
	if newProgress(&buf, 1000, false, "zh") != nil {
		t.Error("progress shown off a terminal")
	}
	var nilBar *progress
	nilBar.done()
	nilBar.finish()
}
