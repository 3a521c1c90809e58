// Package lsp is gdlint's language server: it holds the open documents,
// relints them as they change and serves diagnostics, code actions, hover,
// outline, folding, inlay hints and formatting over the Language Server
// Protocol. It converts between grammar's byte spans and LSP positions in
// one place (mapper) and knows nothing of the rules beyond lint's API.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/conc"
	"github.com/sourcegraph/conc/panics"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/lint"
	_ "github.com/gdlint/gdlint/lint/rules" // the rules register themselves
)

type lifecycle int

const (
	stateNew lifecycle = iota
	stateRunning
	stateShutdown
)

// Server is one session's state.
type Server struct {
	conn   jsonrpc2.Conn
	out    *stream // conn's stream, for publishes encoded ahead (nil: use conn)
	opts   Options
	exitCh chan int

	mu       sync.Mutex
	state    lifecycle
	enc      Encoding
	client   clientCaps
	roots    []string // workspace folders, as file-system paths
	settings Settings
	cfgGen   int // bumped on every configuration change
	docs     map[string]*document
	// resolver caches the .gdlint.toml files; replaced when one changes
	resolver   *lint.ConfigResolver
	configErrs map[string]bool

	workers conc.WaitGroup
	logMu   sync.Mutex
}

func newServer(conn jsonrpc2.Conn, opts Options) *Server {
	return &Server{conn: conn, opts: opts, exitCh: make(chan int, 1), enc: UTF16,
		docs: map[string]*document{}, settings: defaultSettings(),
		resolver: &lint.ConfigResolver{}, configErrs: map[string]bool{}}
}

func (s *Server) isShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state == stateShutdown
}

// stop ends every document worker.
func (s *Server) stop() {
	s.mu.Lock()
	for _, d := range s.docs {
		d.close()
	}
	s.docs = map[string]*document{}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.workers.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, "%s gdlint lsp: %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
}

// notify sends a notification; it must not be dropped because the request
// that caused it was cancelled.
func (s *Server) notify(ctx context.Context, method string, params any) {
	if err := s.conn.Notify(context.WithoutCancel(ctx), method, params); err != nil {
		s.logf("sending %s: %v", method, err)
	}
}

// showError tells the user about a failure that has no request to answer.
func (s *Server) showError(ctx context.Context, msg string) {
	s.logf("%s", msg)
	s.notify(ctx, "window/logMessage", &protocol.LogMessageParams{Type: protocol.MessageTypeError, Message: msg})
}

type (
	requestFunc      func(s *Server, ctx context.Context, params json.RawMessage) (any, error)
	notificationFunc func(s *Server, ctx context.Context, params json.RawMessage)
)

var requests = map[string]requestFunc{
	"textDocument/codeAction":     (*Server).codeAction,
	"codeAction/resolve":          (*Server).codeActionResolve,
	"textDocument/hover":          (*Server).hover,
	"textDocument/documentSymbol": (*Server).documentSymbol,
	"textDocument/foldingRange":   (*Server).foldingRange,
	"textDocument/inlayHint":      (*Server).inlayHint,
	"textDocument/formatting":     (*Server).formatting,
	"workspace/executeCommand":    (*Server).executeCommand,
}

var notifications = map[string]notificationFunc{
	"textDocument/didOpen":             (*Server).didOpen,
	"textDocument/didChange":           (*Server).didChange,
	"textDocument/didClose":            (*Server).didClose,
	"textDocument/didSave":             (*Server).didSave,
	"workspace/didChangeWatchedFiles":  func(s *Server, _ context.Context, _ json.RawMessage) { s.reloadConfig() },
	"workspace/didChangeConfiguration": (*Server).didChangeConfiguration,
}

// dispatch handles one message. It replies exactly once, also to
// notifications (jsonrpc2 drops those replies), and never returns an error:
// an error would close the connection.
func (s *Server) dispatch(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
	method := req.Method()
	_, isCall := req.(*jsonrpc2.Call)
	start := time.Now()
	replied := false
	answer := func(result any, rerr error) {
		if replied {
			return
		}
		replied = true
		if rerr != nil && !isCall {
			s.logf("%s: %v", method, rerr)
		}
		if e := reply(ctx, result, rerr); e != nil {
			s.logf("replying to %s: %v", method, e)
		}
		if s.opts.Verbose {
			s.logf("%s done in %v (error: %v)", method, time.Since(start), rerr)
		}
	}
	// a panic in a handler answers the request instead of killing the server
	defer func() {
		if r := recover(); r != nil {
			s.logf("panic in %s: %v", method, r)
			answer(nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", method, r))
		}
		answer(nil, nil)
	}()
	if isCall && ctx.Err() != nil {
		answer(nil, jsonrpc2.NewError(codeRequestCancelled, "request cancelled"))
		return nil
	}

	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch method {
	case "initialize":
		if state != stateNew {
			answer(nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize sent twice"))
			return nil
		}
		answer(s.initialize(ctx, req.Params()))
		return nil
	case "initialized":
		if state == stateRunning {
			go s.pullConfiguration(context.WithoutCancel(ctx))
		}
		return nil
	case "shutdown":
		// params are ignored: some clients send {} where the spec says none
		if state == stateNew {
			answer(nil, jsonrpc2.NewError(codeServerNotInitialized, "server not initialized"))
			return nil
		}
		s.mu.Lock()
		s.state = stateShutdown
		s.mu.Unlock()
		answer(nil, nil)
		return nil
	case "exit":
		code := 1
		if state == stateShutdown {
			code = 0
		}
		select {
		case s.exitCh <- code:
		default:
		}
		return nil
	}

	switch {
	case state == stateNew:
		if isCall {
			answer(nil, jsonrpc2.NewError(codeServerNotInitialized, "server not initialized"))
		}
		return nil // notifications before initialize are dropped
	case state == stateShutdown && isCall:
		answer(nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "server is shutting down"))
		return nil
	}

	if isCall {
		h, ok := requests[method]
		if !ok {
			answer(nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %s", method))
			return nil
		}
		answer(s.call(ctx, method, h, req.Params()))
		return nil
	}
	if h, ok := notifications[method]; ok {
		h(s, ctx, req.Params())
	} else if !strings.HasPrefix(method, "$/") {
		s.logf("ignoring unknown notification %s", method)
	}
	return nil
}

// call runs a request handler and returns its answer, or -32800 as soon as
// the request is cancelled: the protocol requires an answer, and the client
// should not wait for work it no longer wants. A handler that does not
// watch ctx runs on to its end and its result is dropped.
func (s *Server) call(ctx context.Context, method string, h requestFunc, params json.RawMessage) (any, error) {
	type outcome struct {
		result any
		err    error
	}
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		if err := recovered(method, func() { o.result, o.err = h(s, ctx, params) }); err != nil {
			s.logf("panic in %v", err)
			o = outcome{nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %v", err)}
		}
		done <- o
	}()
	cancelled := jsonrpc2.NewError(codeRequestCancelled, "request cancelled")
	select {
	case o := <-done:
		if o.err == nil && ctx.Err() != nil {
			return nil, cancelled
		}
		if o.err != nil && errCancelled(o.err) {
			return nil, cancelled
		}
		return o.result, o.err
	case <-ctx.Done():
		return nil, cancelled
	}
}

// decode unmarshals params, turning failures into InvalidParams.
func decode(params json.RawMessage, v any) error {
	if len(params) == 0 || string(params) == "null" {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, "missing params")
	}
	if err := json.Unmarshal(params, v); err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
	}
	return nil
}

// errNotOpen answers requests for documents the client never opened.
func errNotOpen(uri string) error {
	return jsonrpc2.Errorf(codeRequestFailed, "document not open: %s", uri)
}

// clientCaps is the part of the client's capabilities the server uses.
type clientCaps struct {
	documentChanges   bool
	configuration     bool
	relatedInfo       bool
	codeDescription   bool
	hoverMarkdown     bool
	hierarchicalSyms  bool
	codeActionLiteral bool
}

type initializeParams struct {
	ProcessID             *int            `json:"processId"`
	RootURI               string          `json:"rootUri"`
	RootPath              string          `json:"rootPath"`
	Locale                string          `json:"locale"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
	WorkspaceFolders      []struct {
		URI string `json:"uri"`
	} `json:"workspaceFolders"`
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		OffsetEncoding []string `json:"offsetEncoding"` // clangd's pre-3.17 extension
		Workspace      struct {
			Configuration bool `json:"configuration"`
			WorkspaceEdit struct {
				DocumentChanges bool `json:"documentChanges"`
			} `json:"workspaceEdit"`
		} `json:"workspace"`
		TextDocument struct {
			PublishDiagnostics struct {
				RelatedInformation     bool `json:"relatedInformation"`
				CodeDescriptionSupport bool `json:"codeDescriptionSupport"`
			} `json:"publishDiagnostics"`
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
			DocumentSymbol struct {
				HierarchicalDocumentSymbolSupport bool `json:"hierarchicalDocumentSymbolSupport"`
			} `json:"documentSymbol"`
			CodeAction struct {
				CodeActionLiteralSupport *json.RawMessage `json:"codeActionLiteralSupport"`
			} `json:"codeAction"`
		} `json:"textDocument"`
	} `json:"capabilities"`
}

// serverCapabilities adds the 3.17 fields protocol v0.12.0 lacks.
type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding  Encoding `json:"positionEncoding,omitempty"`
	InlayHintProvider bool     `json:"inlayHintProvider,omitempty"`
}

type initializeResult struct {
	Capabilities serverCapabilities   `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
	// OffsetEncoding answers clangd-style clients.
	OffsetEncoding Encoding `json:"offsetEncoding,omitempty"`
}

// Commands the server executes (workspace/executeCommand).
const (
	cmdFixAll = "gdlint.fixAll"
)

// Code action kinds of the server's own.
const (
	kindFixAll   protocol.CodeActionKind = "source.fixAll.gdlint"
	kindSkeleton protocol.CodeActionKind = "quickfix.gdlint.insert"
)

func (s *Server) initialize(ctx context.Context, raw json.RawMessage) (any, error) {
	var p initializeParams
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid initialize params: %v", err)
		}
	}
	caps := p.Capabilities
	enc := chooseEncoding(caps.General.PositionEncodings, caps.OffsetEncoding)
	cc := clientCaps{
		documentChanges:   caps.Workspace.WorkspaceEdit.DocumentChanges,
		configuration:     caps.Workspace.Configuration,
		relatedInfo:       caps.TextDocument.PublishDiagnostics.RelatedInformation,
		codeDescription:   caps.TextDocument.PublishDiagnostics.CodeDescriptionSupport,
		hierarchicalSyms:  caps.TextDocument.DocumentSymbol.HierarchicalDocumentSymbolSupport,
		codeActionLiteral: caps.TextDocument.CodeAction.CodeActionLiteralSupport != nil,
	}
	for _, f := range caps.TextDocument.Hover.ContentFormat {
		if f == "markdown" {
			cc.hoverMarkdown = true
			break
		}
	}
	var roots []string
	for _, f := range p.WorkspaceFolders {
		if path, ok := uriPath(f.URI); ok {
			roots = append(roots, path)
		}
	}
	if len(roots) == 0 {
		if path, ok := uriPath(p.RootURI); ok {
			roots = append(roots, path)
		} else if p.RootPath != "" {
			roots = append(roots, p.RootPath)
		}
	}
	settings := defaultSettings()
	if strings.HasPrefix(strings.ToLower(p.Locale), "en") {
		settings.Lang = "en"
	}
	if len(p.InitializationOptions) > 0 {
		if err := settings.merge(p.InitializationOptions); err != nil {
			s.logf("initializationOptions: %v", err)
		}
	}

	s.mu.Lock()
	s.state = stateRunning
	s.enc, s.client, s.roots, s.settings = enc, cc, roots, settings
	s.mu.Unlock()

	res := initializeResult{ServerInfo: &protocol.ServerInfo{Name: "gdlint", Version: s.opts.Version}}
	c := &res.Capabilities
	c.TextDocumentSync = &protocol.TextDocumentSyncOptions{
		OpenClose: true,
		Change:    protocol.TextDocumentSyncKindIncremental,
		Save:      &protocol.SaveOptions{},
	}
	if cc.codeActionLiteral {
		c.CodeActionProvider = &protocol.CodeActionOptions{
			CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, kindFixAll},
		}
	} else {
		c.CodeActionProvider = true
	}
	c.HoverProvider = true
	c.DocumentSymbolProvider = true
	c.FoldingRangeProvider = true
	c.DocumentFormattingProvider = true
	c.InlayHintProvider = true
	c.ExecuteCommandProvider = &protocol.ExecuteCommandOptions{Commands: []string{cmdFixAll}}
	c.Workspace = &protocol.ServerCapabilitiesWorkspace{}
	if enc != UTF16 {
		c.PositionEncoding = enc
		if len(caps.OffsetEncoding) > 0 {
			res.OffsetEncoding = enc
		}
	}
	return res, nil
}

// chooseEncoding takes UTF-16 unless the client offers UTF-8, the encoding
// of the document text the server holds (fewer conversions, exact bytes).
func chooseEncoding(offered ...[]string) Encoding {
	for _, list := range offered {
		for _, e := range list {
			if Encoding(strings.ToLower(e)) == UTF8 {
				return UTF8
			}
		}
	}
	return UTF16
}

// errCancelled reports whether err is a context cancellation.
func errCancelled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// recovered runs f, turning a panic into an error that names what failed.
func recovered(what string, f func()) error {
	if r := panics.Try(f); r != nil {
		return fmt.Errorf("%s: %v", what, r.Value)
	}
	return nil
}
