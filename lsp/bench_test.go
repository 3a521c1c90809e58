package lsp

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/internal/testshared"
)

// bigReport builds a report of at least 100 KB from a seed by repeating the
// paragraphs of 一、总体情况 (the tables stay as they are). Seed 003 writes
// ASCII commas throughout, so this report carries over a thousand findings.
func bigReport(tb testing.TB) string {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(testshared.Dir(tb), "seeds", "003_1033e8c8c2361b7e.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return grow(string(raw), 102400)
}

// bigCleanReport is the same from the bundled clean example: 100 KB that
// lints (almost) clean, the usual case while drafting.
func bigCleanReport(tb testing.TB) string {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "examples", "clean.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return grow(string(raw), 102400)
}

// grow repeats the paragraphs of 一、总体情况 until the text has size bytes.
func grow(text string, size int) string {
	start, end := strings.Index(text, "一、总体情况"), strings.Index(text, "二、主动公开")
	para := text[strings.IndexByte(text[start:], '\n')+start+1 : end]
	body := text[:end]
	for len(body)+len(text[end:]) < size {
		body += para
	}
	return body + text[end:]
}

// BenchmarkDidChangeToPublish times, on a 100 KB report, a one-character
// didChange to the publishDiagnostics for that version, through an
// in-process server over pipes. It reports the median and p99 and the heap
// after the run (memory must stay flat over many edits).
func BenchmarkDidChangeToPublish(b *testing.B) { benchDidChange(b, bigReport(b)) }

// BenchmarkDidChangeToPublishClean is the same on a 100 KB report with few
// findings, where the publish payload is small.
func BenchmarkDidChangeToPublishClean(b *testing.B) { benchDidChange(b, bigCleanReport(b)) }

func benchDidChange(b *testing.B, text string) {
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	go Serve(context.Background(), sr, sw, Options{})
	defer cw.Close()
	t := &testing.T{}
	c := newTestClient(t, cr, cw, cw)
	c.initialize(nil)
	uri := "file:///bench/report.txt"
	c.open(uri, "plaintext", 1, text)
	c.waitPublish(uri, 1, 0)
	m := newMapper(text, UTF16)
	at := m.position(len(text) / 2)
	at.Character = 0
	ins := protocol.Range{Start: at, End: at}
	del := protocol.Range{Start: at, End: protocol.Position{Line: at.Line, Character: 1}}
	lat := make([]time.Duration, 0, b.N)
	findings := 0
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heapStart := ms.HeapAlloc
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := i + 2
		before := len(c.publications())
		start := time.Now()
		if i%2 == 0 {
			c.change(uri, v, map[string]any{"range": ins, "text": "一"})
		} else {
			c.change(uri, v, map[string]any{"range": del, "text": ""})
		}
		findings = len(c.waitPublish(uri, int32(v), before).Diagnostics)
		lat = append(lat, time.Since(start))
		c.mu.Lock()
		c.pubs = c.pubs[:0] // keep no history: the heap measured is the server's
		c.mu.Unlock()
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(int64(ms.HeapAlloc)-int64(heapStart))/1024, "heap-growth-KB")
	b.ReportMetric(float64(len(text)), "doc-bytes")
	b.ReportMetric(float64(findings), "diagnostics")
}
