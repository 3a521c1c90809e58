package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/internal/gctune"
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
	return testshared.GrowOverview(string(raw), 102400)
}

// bigCleanReport is the same from the bundled clean example: 100 KB that
// lints (almost) clean, the usual case while drafting.
func bigCleanReport(tb testing.TB) string {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "examples", "clean.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return testshared.GrowOverview(string(raw), 102400)
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
	// the collector tuned as `gdlint lsp` tunes it (GOGC or GOMEMLIMIT in
	// the environment turn it off, there and here)
	gctune.Start()
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	go Serve(context.Background(), sr, sw, Options{})
	defer cw.Close()
	c := &rawClient{w: cw, r: bufio.NewReaderSize(cr, 1<<16)}
	c.send(b, map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize",
		"params": map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{}}})
	c.send(b, map[string]any{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}})
	uri := "file:///bench/report.txt"
	c.send(b, map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
	c.waitPublish(b, 1)
	m := newMapper(text, UTF16)
	at := m.position(len(text) / 2)
	at.Character = 0
	ins := protocol.Range{Start: at, End: at}
	del := protocol.Range{Start: at, End: protocol.Position{Line: at.Line, Character: 1}}
	// the messages are encoded before the clock starts: the client's cost is
	// writing bytes and finding the publish for the version, nothing more
	msgs := make([][]byte, b.N)
	for i := range msgs {
		ch := map[string]any{"range": ins, "text": "一"}
		if i%2 == 1 {
			ch = map[string]any{"range": del, "text": ""}
		}
		msgs[i] = benchFrame(b, map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": i + 2},
			"contentChanges": []any{ch}}})
	}
	lat := make([]time.Duration, 0, b.N)
	var last []byte
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heapStart := ms.HeapAlloc
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := cw.Write(msgs[i]); err != nil {
			b.Fatal(err)
		}
		last = c.waitPublish(b, i+2)
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	var pub struct {
		Params publication `json:"params"`
	}
	if err := json.Unmarshal(last, &pub); err != nil {
		b.Fatal(err)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(int64(ms.HeapAlloc)-int64(heapStart))/1024, "heap-growth-KB")
	b.ReportMetric(float64(ms.HeapAlloc)/1024, "heap-end-KB")
	b.ReportMetric(float64(len(text)), "doc-bytes")
	b.ReportMetric(float64(len(pub.Params.Diagnostics)), "diagnostics")
}

// rawClient speaks the base protocol on bytes: it decodes no message but the
// server's requests (answered with null), so the benchmark times the server.
type rawClient struct {
	w io.Writer
	r *bufio.Reader
}

func benchFrame(tb testing.TB, msg any) []byte {
	body, err := json.Marshal(msg)
	if err != nil {
		tb.Fatal(err)
	}
	return append([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))), body...)
}

func (c *rawClient) send(tb testing.TB, msg any) {
	if _, err := c.w.Write(benchFrame(tb, msg)); err != nil {
		tb.Fatal(err)
	}
}

// read returns the body of the next message.
func (c *rawClient) read(tb testing.TB) []byte {
	n := -1
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			tb.Fatal(err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
			if n, err = strconv.Atoi(strings.TrimSpace(v)); err != nil {
				tb.Fatal(err)
			}
		}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(c.r, body); err != nil {
		tb.Fatal(err)
	}
	return body
}

// waitPublish reads until the publishDiagnostics of version and returns it.
func (c *rawClient) waitPublish(tb testing.TB, version int) []byte {
	want := []byte(`"version":` + strconv.Itoa(version) + `,`)
	for {
		body := c.read(tb)
		if bytes.Contains(body, []byte(`"method":"textDocument/publishDiagnostics"`)) {
			// the envelope and uri come before the diagnostics
			if i := bytes.Index(body, []byte(`"diagnostics":`)); i >= 0 && bytes.Contains(body[:i], want) {
				return body
			}
			continue
		}
		var env struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		if json.Unmarshal(body, &env) == nil && env.Method != "" && env.ID != nil {
			c.send(tb, map[string]any{"jsonrpc": "2.0", "id": env.ID, "result": nil})
		}
	}
}
