package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// replyWait bounds every wait for the server; running into it means the
// server hung (or went deaf), not that it was slow.
const replyWait = 20 * time.Second

// stdioServer is `gdlint lsp` driven byte by byte over its real stdio, so
// that tests can send what no well-behaved client library would.
type stdioServer struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	msgs   chan map[string]any // every message the server wrote, in order
	stderr *lockedBuffer
	waited chan struct{}    // closed when the process has exited
	early  []map[string]any // responses read while waiting for another one
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func startStdio(t *testing.T) *stdioServer {
	t.Helper()
	s := &stdioServer{t: t, cmd: exec.Command(gdlintBin, "lsp"), msgs: make(chan map[string]any, 1024),
		stderr: &lockedBuffer{}, waited: make(chan struct{})}
	var err error
	if s.stdin, err = s.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go s.readAll(stdout)
	t.Cleanup(func() {
		_ = s.cmd.Process.Kill()
		<-s.waited
		if t.Failed() {
			t.Logf("server stderr:\n%s", s.stderr.String())
		}
	})
	return s
}

// readAll decodes the server's output strictly: a framing error on the
// server's side fails the test.
func (s *stdioServer) readAll(stdout io.Reader) {
	defer func() {
		close(s.msgs)
		_ = s.cmd.Wait()
		close(s.waited)
	}()
	r := bufio.NewReader(stdout)
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		if length < 0 {
			s.t.Errorf("server wrote a header without Content-Length")
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			s.t.Errorf("server wrote invalid JSON %q: %v", body, err)
			return
		}
		s.msgs <- m
	}
}

// write sends raw bytes.
func (s *stdioServer) write(raw string) {
	s.t.Helper()
	if _, err := io.WriteString(s.stdin, raw); err != nil {
		s.t.Fatalf("writing to the server: %v", err)
	}
}

// framed is body with a correct header.
func framed(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

func request(id any, method string, params any) string {
	m := map[string]any{"jsonrpc": "2.0", "id": id, "method": method}
	if params != nil {
		m["params"] = params
	}
	b, _ := json.Marshal(m)
	return string(b)
}

func notification(method string, params any) string {
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
	return string(b)
}

// response waits for the response with id (nil: an error response with id
// null), skipping notifications and keeping the other responses.
func (s *stdioServer) response(id any) map[string]any {
	s.t.Helper()
	want, _ := json.Marshal(id)
	for i, m := range s.early {
		if got, _ := json.Marshal(m["id"]); bytes.Equal(got, want) {
			s.early = append(s.early[:i], s.early[i+1:]...)
			return m
		}
	}
	timeout := time.After(replyWait)
	for {
		select {
		case m, ok := <-s.msgs:
			if !ok {
				s.t.Fatalf("server closed its output before answering id %s", want)
			}
			if _, isCall := m["method"]; isCall {
				continue
			}
			if got, _ := json.Marshal(m["id"]); bytes.Equal(got, want) {
				return m
			}
			s.early = append(s.early, m)
		case <-timeout:
			s.t.Fatalf("no response to id %s within %v: the server hangs", want, replyWait)
		}
	}
}

func (s *stdioServer) initialize() {
	s.t.Helper()
	s.write(framed(request(1, "initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}})))
	if m := s.response(1); m["result"] == nil {
		s.t.Fatalf("initialize: %v", m)
	}
	s.write(framed(notification("initialized", map[string]any{})))
}

// shutdownExit ends the session properly and checks exit code 0.
func (s *stdioServer) shutdownExit(id int) {
	s.t.Helper()
	s.write(framed(request(id, "shutdown", nil)))
	if m := s.response(id); m["error"] != nil {
		s.t.Fatalf("shutdown: %v", m)
	}
	s.write(framed(notification("exit", nil)))
	if code := s.exitCode(); code != 0 {
		s.t.Errorf("exit code %d after shutdown and exit", code)
	}
}

func (s *stdioServer) exitCode() int {
	s.t.Helper()
	select {
	case <-s.waited:
		return s.cmd.ProcessState.ExitCode()
	case <-time.After(replyWait):
		s.t.Fatalf("the server did not exit within %v", replyWait)
	}
	return -1
}

// maxRSS is the server's peak resident memory in bytes, once it has exited.
func (s *stdioServer) maxRSS() int64 {
	ru, ok := s.cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	return ru.Maxrss * 1024 // kilobytes on Linux
}

func errCode(m map[string]any) float64 {
	e, _ := m["error"].(map[string]any)
	c, _ := e["code"].(float64)
	return c
}

const testDocURI = "file:///tmp/gdlint-stdio-test/report.txt"

func (s *stdioServer) openDoc(text string) {
	s.write(framed(notification("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": testDocURI, "languageId": "plaintext", "version": 1, "text": text}})))
}

func symbolsRequest(id any) string {
	return request(id, "textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": testDocURI}})
}

// wantSymbols checks that the response to id is a real outline.
func (s *stdioServer) wantSymbols(id any) {
	s.t.Helper()
	m := s.response(id)
	if syms, _ := m["result"].([]any); len(syms) < 3 {
		s.t.Fatalf("documentSymbol %v: %v", id, m)
	}
}

// A frame whose Content-Length is wrong costs at most that frame: the server
// answers it (or answers an error) at once and reads the next frame, and the
// session goes on to a clean shutdown. Before, the server went deaf.
func TestStdioWrongContentLengthResynchronises(t *testing.T) {
	body := symbolsRequest(2)
	cases := []struct {
		name string
		bad  string
		// want checks the answer to the bad frame
		wantID   any
		wantCode float64 // 0: the real result
	}{
		// the body swallows the first byte of the next header: answered
		// when the JSON ends, without waiting for a byte that never comes
		{"one byte too long", fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body)+1, body), 2, 0},
		{"far too long", fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body)+300, body), 2, 0},
		// the rest of the body is garbage before the next header
		{"one byte too short", fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body)-1, body), 2, -32700},
		{"half the body", fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body)/2, body), 2, -32700},
		{"no Content-Length header", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body, nil, -32700},
		{"garbage before the header", "\x00\xffnot a header\r\n" + framed(body), nil, -32700},
		{"garbage on the header line", "xyz" + framed(body), nil, -32700},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := startStdio(t)
			s.initialize()
			s.openDoc(readTestdata(t, "wrong-total.txt"))
			s.write(c.bad)
			m := s.response(c.wantID)
			if got := errCode(m); got != c.wantCode {
				t.Fatalf("answer to the bad frame: %v, want error code %v", m, c.wantCode)
			}
			if c.wantCode == 0 {
				if syms, _ := m["result"].([]any); len(syms) < 3 {
					t.Fatalf("answer to the bad frame: %v", m)
				}
			} else if strings.HasSuffix(c.bad, framed(body)) {
				// the request behind the garbage is still answered
				s.wantSymbols(2)
			}
			s.write(framed(symbolsRequest(3)))
			s.wantSymbols(3)
			s.write(framed(symbolsRequest("four")))
			s.wantSymbols("four")
			s.shutdownExit(5)
		})
	}
}

// Two frames in one write, the first one's Content-Length far too long: it
// covers the whole second frame and more. Both requests are answered.
func TestStdioTooLongFrameFollowedAtOnce(t *testing.T) {
	s := startStdio(t)
	s.initialize()
	s.openDoc(readTestdata(t, "wrong-total.txt"))
	first, second := symbolsRequest(2), symbolsRequest(3)
	s.write(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(first)+len(framed(second))+10, first) + framed(second))
	s.wantSymbols(2)
	s.wantSymbols(3)
	s.shutdownExit(4)
}

// slowFixReport is a report of about 320 KB with 10,000 fixable findings: its
// fix-all code action takes long enough (about a second) for a
// $/cancelRequest sent right behind the request to arrive while it runs.
func slowFixReport(t *testing.T) string {
	text := readTestdata(t, "wrong-total.txt")
	head, rest, ok := strings.Cut(text, "二、主动公开")
	if !ok {
		t.Fatal("wrong-total.txt changed")
	}
	return head + strings.Repeat("（五）监督保障。加强考核,落实责任;完善制度.\n", 5000) + "二、主动公开" + rest
}

func fixAllRequest(id any) string {
	return request(id, "textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": testDocURI},
		"range":        map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}},
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}},
	})
}

func cancelRequest(id any) string {
	return notification("$/cancelRequest", map[string]any{"id": id})
}

// wantAnswered checks that a cancelled request got its result or -32800.
func (s *stdioServer) wantAnswered(id any) {
	s.t.Helper()
	m := s.response(id)
	if _, ok := m["result"]; !ok && errCode(m) != -32800 {
		s.t.Fatalf("cancelled request %v: %v, want its result or error -32800", id, m)
	}
}

// A request cancelled while it runs, or while it waits behind another one,
// still gets a response (the specification requires one), for numeric and
// string ids; the session goes on. Before, the reply was dropped.
func TestStdioCancelledRequestsAreAnswered(t *testing.T) {
	s := startStdio(t)
	s.initialize()
	s.openDoc(slowFixReport(t))
	// cancelled while it runs
	s.write(framed(fixAllRequest(2)) + framed(cancelRequest(2)))
	s.wantAnswered(2)
	s.write(framed(fixAllRequest("three")) + framed(cancelRequest("three")))
	s.wantAnswered("three")
	// cancelled while it waits behind a request that runs on
	s.write(framed(fixAllRequest(4)) + framed(symbolsRequest(5)) + framed(cancelRequest(5)))
	s.wantAnswered(4)
	s.wantAnswered(5)
	// an unknown id and a malformed cancel are ignored
	s.write(framed(cancelRequest(99)) + framed(notification("$/cancelRequest", map[string]any{"id": []int{1}})))
	s.write(framed(symbolsRequest(6)))
	s.wantSymbols(6)
	s.shutdownExit(7)
}

// What a hostile or broken client can send: the server answers or exits
// with a line on stderr, and never hangs.
func TestStdioAbuse(t *testing.T) {
	t.Run("requests before initialize", func(t *testing.T) {
		s := startStdio(t)
		s.openDoc("x") // dropped
		s.write(framed(symbolsRequest(1)))
		if m := s.response(1); errCode(m) != -32002 {
			t.Fatalf("request before initialize: %v", m)
		}
		s.write(framed(request(2, "initialize", map[string]any{"capabilities": map[string]any{}})))
		if m := s.response(2); m["result"] == nil {
			t.Fatalf("initialize: %v", m)
		}
		s.shutdownExit(3)
	})
	t.Run("exit without shutdown", func(t *testing.T) {
		s := startStdio(t)
		s.initialize()
		s.write(framed(notification("exit", nil)))
		if code := s.exitCode(); code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
		if !strings.Contains(s.stderr.String(), "exit before shutdown") {
			t.Errorf("stderr: %q", s.stderr.String())
		}
	})
	t.Run("unknown documents", func(t *testing.T) {
		s := startStdio(t)
		s.initialize()
		s.write(framed(symbolsRequest(2)) + framed(fixAllRequest(3)))
		for _, id := range []int{2, 3} {
			if m := s.response(id); errCode(m) != -32803 {
				t.Errorf("request %d on an unknown document: %v", id, m)
			}
		}
		s.write(framed(notification("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": testDocURI, "version": 2}, "contentChanges": []any{}})))
		s.write(framed(notification("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": testDocURI}})))
		s.shutdownExit(4)
	})
	t.Run("garbage then a good session", func(t *testing.T) {
		s := startStdio(t)
		junk := bytes.Repeat([]byte("\x00\xff{\"garbage\r\n"), 100000) // 1.2 MB, no header
		s.write(string(junk))
		if m := s.response(nil); errCode(m) != -32700 {
			t.Fatalf("garbage: %v", m)
		}
		s.initialize()
		s.shutdownExit(2)
	})
	t.Run("100 MB Content-Length, short body, end of input", func(t *testing.T) {
		s := startStdio(t)
		s.initialize()
		s.write(`Content-Length: 100000000` + "\r\n\r\n" + `{"jsonrpc":"2.0","id":2,"meth`)
		s.stdin.Close()
		if code := s.exitCode(); code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
		if !strings.Contains(s.stderr.String(), "ended inside a message") {
			t.Errorf("stderr: %q", s.stderr.String())
		}
		if rss := s.maxRSS(); rss > 100<<20 {
			t.Errorf("peak memory %d MiB for a message that never came", rss>>20)
		}
	})
	t.Run("message over the limit", func(t *testing.T) {
		s := startStdio(t)
		s.initialize()
		head := `{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"text":"`
		size := maxMessageSize + 1<<20
		s.write(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", size, head))
		chunk := strings.Repeat("甲", 1<<18)
		for n := len(head); n < size-2; n += len(chunk) {
			s.write(chunk[:min(len(chunk), size-2-n)])
		}
		s.write(`"}`)
		if m := s.response(2); errCode(m) != -32600 {
			t.Fatalf("over the limit: %v", m)
		}
		s.write(framed(symbolsRequest(3)))
		if m := s.response(3); errCode(m) != -32803 {
			t.Fatalf("after the refused message: %v", m)
		}
		s.shutdownExit(4)
		if rss := s.maxRSS(); rss > 100<<20 {
			t.Errorf("peak memory %d MiB for a refused message", rss>>20)
		}
	})
}
