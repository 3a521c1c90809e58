package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// testClient drives a server over a jsonrpc2 connection, as an editor would.
type testClient struct {
	t    *testing.T
	conn jsonrpc2.Conn

	mu       sync.Mutex
	cond     *sync.Cond
	pubs     []publication // every publishDiagnostics, in order of arrival
	settings json.RawMessage
	applied  []protocol.WorkspaceEdit
	logs     []string
}

type publication struct {
	URI         string                `json:"uri"`
	Version     int32                 `json:"version"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
	null        bool
}

type rwc struct {
	io.Reader
	io.Writer
	closers []io.Closer
}

func (c rwc) Close() error {
	for _, cl := range c.closers {
		cl.Close()
	}
	return nil
}

func newTestClient(t *testing.T, r io.Reader, w io.Writer, closers ...io.Closer) *testClient {
	c := &testClient{t: t, conn: jsonrpc2.NewConn(jsonrpc2.NewStream(rwc{r, w, closers}))}
	c.cond = sync.NewCond(&c.mu)
	c.conn.Go(context.Background(), jsonrpc2.AsyncHandler(c.handle))
	t.Cleanup(func() { c.conn.Close() })
	return c
}

func (c *testClient) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	switch req.Method() {
	case "textDocument/publishDiagnostics":
		var p publication
		var probe struct {
			Diagnostics json.RawMessage `json:"diagnostics"`
		}
		_ = json.Unmarshal(req.Params(), &probe)
		if err := json.Unmarshal(req.Params(), &p); err != nil {
			c.t.Errorf("bad publishDiagnostics: %v", err)
		}
		p.null = string(probe.Diagnostics) == "null"
		c.mu.Lock()
		c.pubs = append(c.pubs, p)
		c.cond.Broadcast()
		c.mu.Unlock()
		return reply(ctx, nil, nil)
	case "workspace/configuration":
		c.mu.Lock()
		s := c.settings
		c.mu.Unlock()
		if s == nil {
			s = json.RawMessage("null")
		}
		return reply(ctx, []json.RawMessage{s}, nil)
	case "workspace/applyEdit":
		var p protocol.ApplyWorkspaceEditParams
		_ = json.Unmarshal(req.Params(), &p)
		c.mu.Lock()
		c.applied = append(c.applied, p.Edit)
		c.mu.Unlock()
		return reply(ctx, map[string]any{"applied": true}, nil)
	case "window/logMessage", "window/showMessage":
		var p struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(req.Params(), &p)
		c.mu.Lock()
		c.logs = append(c.logs, p.Message)
		c.mu.Unlock()
		return reply(ctx, nil, nil)
	}
	return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, req.Method()))
}

// call sends a request and decodes the result into out (may be nil).
func (c *testClient) call(method string, params, out any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var raw json.RawMessage
	_, err := c.conn.Call(ctx, method, params, &raw)
	if err != nil {
		return err
	}
	if out != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			c.t.Fatalf("%s: decoding %s: %v", method, raw, err)
		}
	}
	return nil
}

func (c *testClient) mustCall(method string, params, out any) {
	c.t.Helper()
	if err := c.call(method, params, out); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("notify %s: %v", method, err)
	}
}

// initialize runs the handshake; caps are the client capabilities.
func (c *testClient) initialize(caps map[string]any) initResult {
	c.t.Helper()
	if caps == nil {
		caps = fullCaps()
	}
	var res initResult
	c.mustCall("initialize", map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": caps}, &res)
	c.notify("initialized", map[string]any{})
	return res
}

type initResult struct {
	Capabilities struct {
		PositionEncoding string `json:"positionEncoding"`
		TextDocumentSync struct {
			Change int `json:"change"`
		} `json:"textDocumentSync"`
		InlayHintProvider bool `json:"inlayHintProvider"`
	} `json:"capabilities"`
	ServerInfo struct {
		Name string `json:"name"`
	} `json:"serverInfo"`
}

func fullCaps() map[string]any {
	return map[string]any{
		"workspace": map[string]any{"applyEdit": true, "configuration": true,
			"workspaceEdit": map[string]any{"documentChanges": true}},
		"textDocument": map[string]any{
			"publishDiagnostics": map[string]any{"relatedInformation": true, "versionSupport": true, "codeDescriptionSupport": true},
			"codeAction": map[string]any{"codeActionLiteralSupport": map[string]any{
				"codeActionKind": map[string]any{"valueSet": []string{"", "quickfix", "source"}}}},
			"hover":          map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
			"documentSymbol": map[string]any{"hierarchicalDocumentSymbolSupport": true},
		},
	}
}

func (c *testClient) open(uri, languageID string, version int, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": languageID, "version": version, "text": text}})
}

func (c *testClient) change(uri string, version int, changes ...map[string]any) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": changes})
}

// waitPublish waits for the publication of uri at version (or any version
// when version < 0) that arrived after the first `after` publications.
func (c *testClient) waitPublish(uri string, version int32, after int) publication {
	c.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	timer := time.AfterFunc(10*time.Second, func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for _, p := range c.pubs[min(after, len(c.pubs)):] {
			if p.URI == uri && (version < 0 || p.Version == version) {
				return p
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no publishDiagnostics for %s version %d; got %d publications", uri, version, len(c.pubs))
		}
		c.cond.Wait()
	}
}

func (c *testClient) publications() []publication {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]publication(nil), c.pubs...)
}

// shutdown sends shutdown and exit.
func (c *testClient) shutdown() {
	c.t.Helper()
	c.mustCall("shutdown", nil, nil)
	c.notify("exit", nil)
}

// inProcess starts a server in this process over pipes.
func inProcess(t *testing.T, opts Options) (*testClient, <-chan int) {
	t.Helper()
	cr, sw := io.Pipe() // server to client
	sr, cw := io.Pipe() // client to server
	code := make(chan int, 1)
	go func() {
		code <- Serve(context.Background(), sr, sw, opts)
		sw.Close()
	}()
	t.Cleanup(func() { cw.Close(); sr.Close() })
	return newTestClient(t, cr, cw, cw), code
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func fileURI(name string) string {
	abs, _ := filepath.Abs(name)
	return "file://" + filepath.ToSlash(abs)
}

// diagsWithCode filters diagnostics by rule.
func diagsWithCode(ds []protocol.Diagnostic, code string) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range ds {
		if fmt.Sprint(d.Code) == code {
			out = append(out, d)
		}
	}
	return out
}

// applyEdits applies LSP text edits to text (UTF-16 positions).
func applyTextEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	m := newMapper(text, UTF16)
	type span struct {
		s, e int
		nt   string
	}
	var ss []span
	for _, e := range edits {
		sp := m.span(e.Range)
		ss = append(ss, span{sp.Start, sp.End, e.NewText})
	}
	// apply from the end
	for i := 0; i < len(ss); i++ {
		for j := i + 1; j < len(ss); j++ {
			if ss[j].s > ss[i].s {
				ss[i], ss[j] = ss[j], ss[i]
			}
		}
	}
	for _, x := range ss {
		text = text[:x.s] + x.nt + text[x.e:]
	}
	return text
}

func lineOf(text string, n int) string {
	return strings.Split(text, "\n")[n]
}
