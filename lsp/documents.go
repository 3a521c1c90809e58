package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// document is one open text document. Changes are applied in order by the
// message handlers; a worker goroutine relints it and publishes.
type document struct {
	uri        string // exactly as the client sent it, echoed back unchanged
	path       string // for the parser (.md selects Markdown) and for config lookup
	languageID string

	mu      sync.Mutex
	version int32
	text    string
	m       *mapper   // the line index of text, kept across changes (nil until the first)
	snap    *snapshot // the newest analysis

	// cache keeps the per-paragraph rules' findings between analyses of
	// this document under configuration generation cacheGen.
	cacheMu  sync.Mutex
	cache    lint.ParagraphCache
	cacheGen int
	encoded  []encodedDiag // each published diagnostic's JSON, while it stays put
	closed   bool

	dirty chan struct{} // capacity 1: "there is something newer to lint"
	done  chan struct{} // closed when the document is closed
	ended chan struct{} // closed when the worker has returned
}

// snapshot is the analysis of one version of a document.
type snapshot struct {
	uri     string
	version int32
	cfgGen  int
	m       *mapper
	src     *grammar.Source
	report  *grammar.Report
	annual  bool
	diags   []lint.Diagnostic
	lsp     []protocol.Diagnostic // diags converted, same order
	json    [][]byte              // lsp encoded, same order (nil when encoding failed)
	lang    string
	cfg     *lint.Config
	opts    *lint.Options
	err     error // analysis failed (a rule panicked): diagnostics are empty
}

func (d *document) close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.closed {
		d.closed = true
		close(d.done)
	}
}

func (d *document) markDirty() {
	select {
	case d.dirty <- struct{}{}:
	default:
	}
}

type textDocumentItem struct {
	URI        string `json:"uri"`
	LanguageID string `json:"languageId"`
	Version    int32  `json:"version"`
	Text       string `json:"text"`
}

func (s *Server) didOpen(ctx context.Context, raw json.RawMessage) {
	var p struct {
		TextDocument textDocumentItem `json:"textDocument"`
	}
	if err := decode(raw, &p); err != nil || p.TextDocument.URI == "" {
		s.showError(ctx, "didOpen: invalid params")
		return
	}
	td := p.TextDocument
	d := &document{uri: td.URI, path: documentPath(td.URI, td.LanguageID), languageID: td.LanguageID,
		version: td.Version, text: td.Text,
		dirty: make(chan struct{}, 1), done: make(chan struct{}), ended: make(chan struct{})}
	s.mu.Lock()
	if old := s.docs[td.URI]; old != nil {
		old.close() // reopened without a close: the new text wins
	}
	s.docs[td.URI] = d
	s.mu.Unlock()
	s.workers.Go(func() { s.work(d) })
	d.markDirty()
}

// contentChange has a pointer Range: protocol v0.12.0's value Range turns a
// whole-document change into an insertion at 0:0.
type contentChange struct {
	Range *protocol.Range `json:"range"`
	Text  string          `json:"text"`
}

func (s *Server) didChange(ctx context.Context, raw json.RawMessage) {
	var p struct {
		TextDocument struct {
			URI     string `json:"uri"`
			Version int32  `json:"version"`
		} `json:"textDocument"`
		ContentChanges []contentChange `json:"contentChanges"`
	}
	if err := decode(raw, &p); err != nil {
		s.showError(ctx, "didChange: "+err.Error())
		return
	}
	d := s.doc(p.TextDocument.URI)
	if d == nil {
		s.showError(ctx, "didChange for a document that is not open: "+p.TextDocument.URI)
		return
	}
	d.mu.Lock()
	enc := s.encoding()
	m := d.m
	if m == nil || m.enc != enc || m.text != d.text {
		m = newMapper(d.text, enc)
	}
	for _, c := range p.ContentChanges {
		m = m.apply(c)
	}
	d.m, d.text = m, m.text
	d.version = p.TextDocument.Version
	d.mu.Unlock()
	d.markDirty()
}

// applyChange applies one change to text.
func applyChange(text string, c contentChange, enc Encoding) string {
	return newMapper(text, enc).apply(c).text
}

// apply returns the mapper of the text after the change c. Each change's
// range refers to the text after the previous one: the line index is
// updated for the edited range only (see edit).
func (m *mapper) apply(c contentChange) *mapper {
	if c.Range == nil {
		return newMapper(c.Text, m.enc)
	}
	return m.edit(m.span(*c.Range), c.Text)
}

// didSave reloads the configuration when a .gdlint.toml was saved.
func (s *Server) didSave(ctx context.Context, raw json.RawMessage) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
	}
	if decode(raw, &p) == nil && strings.HasSuffix(p.TextDocument.URI, "/"+lint.ConfigFileName) {
		s.reloadConfig()
	}
}

func (s *Server) didClose(ctx context.Context, raw json.RawMessage) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
	}
	if err := decode(raw, &p); err != nil {
		s.showError(ctx, "didClose: "+err.Error())
		return
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	s.mu.Unlock()
	if d == nil {
		return
	}
	d.close()
	<-d.ended // the worker publishes nothing after this
	s.publish(ctx, p.TextDocument.URI, 0, []protocol.Diagnostic{})
}

func (s *Server) doc(uri string) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[uri]
}

func (s *Server) encoding() Encoding {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enc
}

// work relints d whenever it changes until it is closed. Changes that arrive
// while a lint runs (or during the debounce delay) fold into one run, and a
// result is published only if no newer version arrived meanwhile: a stale
// result never replaces a newer one.
func (s *Server) work(d *document) {
	defer close(d.ended)
	ctx := context.Background()
	for {
		select {
		case <-d.done:
			return
		case <-d.dirty:
		}
		if s.opts.Debounce > 0 {
			select {
			case <-d.done:
				return
			case <-time.After(s.opts.Debounce):
			}
			select { // fold what came during the delay
			case <-d.dirty:
			default:
			}
		}
		snap := s.snapshot(d)
		d.mu.Lock()
		current := snap.version == d.version && !d.closed
		d.mu.Unlock()
		if !current {
			continue // a newer version is waiting in d.dirty
		}
		if snap.err != nil {
			s.showError(ctx, snap.err.Error())
		}
		s.publishEncoded(ctx, snap)
	}
}

func (s *Server) publish(ctx context.Context, uri string, version int32, diags []protocol.Diagnostic) {
	if diags == nil {
		diags = []protocol.Diagnostic{} // null crashes Neovim 0.7's handler
	}
	s.notify(ctx, "textDocument/publishDiagnostics", &protocol.PublishDiagnosticsParams{
		URI: protocol.DocumentURI(uri), Version: uint32(max(version, 0)), Diagnostics: diags})
}

// snapshot returns the analysis of d's current text, reusing the last one
// when neither the text nor the configuration changed.
func (s *Server) snapshot(d *document) *snapshot {
	d.mu.Lock()
	version, text, cached, m := d.version, d.text, d.snap, d.m
	d.mu.Unlock()
	s.mu.Lock()
	gen, enc := s.cfgGen, s.enc
	s.mu.Unlock()
	if cached != nil && cached.version == version && cached.cfgGen == gen && cached.m.text == text {
		return cached
	}
	if m == nil || m.text != text || m.enc != enc {
		m = newMapper(text, enc)
	}
	snap := s.analyze(d, version, m, gen)
	d.mu.Lock()
	if d.snap == nil || d.snap.version != version || d.snap.cfgGen < gen || d.snap.m.text != text {
		d.snap = snap
	}
	d.mu.Unlock()
	return snap
}

func (s *Server) analyze(d *document, version int32, m *mapper, gen int) *snapshot {
	text := m.text
	cfg := s.config(d.path)
	snap := &snapshot{uri: d.uri, version: version, cfgGen: gen, m: m,
		lang: cfg.Lang, cfg: cfg.cfg, opts: cfg.lintOptions()}
	d.cacheMu.Lock()
	defer d.cacheMu.Unlock()
	if d.cacheGen != gen {
		d.cache.Reset()
		d.encoded = nil
		d.cacheGen = gen
	}
	res := lint.Check(lint.FromText(d.path, text), cfg.cfg, lint.CheckOptions{Options: snap.opts, Cache: &d.cache})
	if res.Err != nil {
		snap.err = fmt.Errorf("gdlint: linting %s: %w", d.path, res.Err)
	} else {
		snap.src, snap.report, snap.annual = res.Source, res.Report, res.Annual
		snap.diags = res.Diagnostics
		switch {
		case res.Unrelated:
			// a README or notes opened in the editor: nothing to say
			snap.diags = nil
		case !snap.annual:
			// a draft not yet recognisable as a report: only the finding
			// that says why it is not checked as one
			snap.diags = onlyRule(snap.diags, lint.NotAReportRule)
		}
	}
	snap.lsp = make([]protocol.Diagnostic, len(snap.diags))
	sw := snap.m.sweep()
	hrefs := docsURLs{}
	for i := range snap.diags {
		snap.lsp[i] = s.toProtocol(snap, sw, &snap.diags[i], cfg, hrefs)
	}
	snap.json, d.encoded = encodeDiagnostics(snap.lsp, d.encoded)
	return snap
}

// onlyRule keeps the findings of rule id.
func onlyRule(diags []lint.Diagnostic, id string) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range diags {
		if d.Rule == id {
			out = append(out, d)
		}
	}
	return out
}

// documentPath names the document for the parser and for configuration
// lookup. Untitled Markdown buffers get a .md name so they parse as Markdown.
func documentPath(uri, languageID string) string {
	path, ok := uriPath(uri)
	if !ok {
		path = uri
		if i := strings.LastIndexAny(path, "/:"); i >= 0 {
			path = path[i+1:]
		}
	}
	if languageID == "markdown" {
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".md" && ext != ".markdown" {
			path += ".md"
		}
	}
	return path
}

// uriPath returns the file-system path of a file: URI. uri.URI.Filename
// panics on other schemes, so this parses the URI itself.
func uriPath(uri string) (string, bool) {
	if !strings.HasPrefix(uri, "file:") {
		return "", false
	}
	u, err := url.Parse(uri)
	if err != nil || u.Path == "" {
		return "", false
	}
	path := u.Path
	switch {
	case u.Host != "" && u.Host != "localhost":
		// file://server/share/x: a network share (\\server\share\x on Windows)
		path = "//" + u.Host + path
	case len(path) >= 3 && path[0] == '/' && path[2] == ':':
		// file:///C:/x on Windows
		path = path[1:]
	}
	return filepath.FromSlash(path), true
}

// current returns the snapshot of the document the request names, or an
// error for a document the server does not hold.
func (s *Server) current(uri string) (*snapshot, error) {
	d := s.doc(uri)
	if d == nil {
		return nil, errNotOpen(uri)
	}
	return s.snapshot(d), nil
}
