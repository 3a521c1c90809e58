package lsp

import (
	"context"
	"encoding/json"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

type codeActionParams struct {
	textDocument
	Range   protocol.Range `json:"range"`
	Context struct {
		Only []string `json:"only"`
	} `json:"context"`
}

// codeAction offers, for the diagnostics under the range, each of their
// fixes as a quick fix; "fix all auto-fixable problems" as
// source.fixAll.gdlint; and skeletons for missing sections and tables.
//
// Diagnostics are recomputed from the document rather than taken from
// context.diagnostics: Neovim 0.7 sends those with byte columns.
func (s *Server) codeAction(ctx context.Context, raw json.RawMessage) (any, error) {
	var p codeActionParams
	snap, err := s.reportSnapshot(raw, &p)
	if snap == nil {
		return noReport([]protocol.CodeAction{}, err)
	}
	actions := []protocol.CodeAction{}
	want := func(kind protocol.CodeActionKind) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, o := range p.Context.Only {
			if string(kind) == o || strings.HasPrefix(string(kind), o+".") {
				return true
			}
		}
		return false
	}
	at := snap.m.span(p.Range)
	if want(protocol.QuickFix) {
		for i := range snap.diags {
			d := &snap.diags[i]
			if !touches(d.Span, at) {
				continue
			}
			for j, f := range d.Fixes {
				actions = append(actions, protocol.CodeAction{
					Title:       s.fixTitle(snap, d, &f),
					Kind:        protocol.QuickFix,
					Diagnostics: []protocol.Diagnostic{snap.lsp[i]},
					IsPreferred: j == 0 && f.Applicability == lint.Safe,
					Edit:        s.workspaceEdit(snap, snap.textEdits(f.Edits)),
				})
			}
		}
	}
	if want(kindSkeleton) {
		actions = append(actions, s.skeletonActions(snap, at)...)
	}
	if want(kindFixAll) {
		if ctx.Err() != nil { // fixing relints the document several times
			return nil, ctx.Err()
		}
		if edits := fixAllEdits(snap); len(edits) > 0 {
			actions = append(actions, protocol.CodeAction{
				Title: tr(snap.lang, "修复所有可自动修复的问题（gdlint）", "Fix all auto-fixable problems (gdlint)"),
				Kind:  kindFixAll,
				Edit:  s.workspaceEdit(snap, edits),
			})
		}
	}
	return actions, nil
}

func (s *Server) codeActionResolve(ctx context.Context, raw json.RawMessage) (any, error) {
	// actions are sent complete; resolving returns them unchanged
	var a json.RawMessage
	if err := decode(raw, &a); err != nil {
		return nil, err
	}
	return a, nil
}

func (s *Server) fixTitle(snap *snapshot, d *lint.Diagnostic, f *lint.Fix) string {
	title := f.TitleText(snap.lang)
	if title == "" {
		title = tr(snap.lang, "修复 ", "Fix ") + d.Rule
	}
	if f.Applicability == lint.Unsafe {
		title += tr(snap.lang, "（请核对）", " (check before applying)")
	}
	return title
}

func (snap *snapshot) textEdits(edits []lint.Edit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: snap.m.rng(e.Span), NewText: e.NewText})
	}
	return out
}

// workspaceEdit wraps edits of the snapshot's document, versioned when the
// client supports it so that an edit computed for an older text is refused.
func (s *Server) workspaceEdit(snap *snapshot, edits []protocol.TextEdit) *protocol.WorkspaceEdit {
	s.mu.Lock()
	versioned := s.client.documentChanges
	s.mu.Unlock()
	uri := protocol.DocumentURI(snap.uri)
	if versioned {
		v := snap.version
		return &protocol.WorkspaceEdit{DocumentChanges: []protocol.TextDocumentEdit{{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{
				TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: &v},
			Edits: edits,
		}}}
	}
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri: edits}}
}

// fixAllEdits applies every safe fix until nothing changes (what
// `gdlint --fix` does) and returns the difference as one minimal edit.
func fixAllEdits(snap *snapshot) []protocol.TextEdit {
	if len(lint.FixEdits(snap.diags, false)) == 0 {
		return nil
	}
	text := snap.m.text
	fixed, n := snap.cfg.FixText(snap.src.Path, text, snap.opts, false)
	if n == 0 || fixed == text {
		return nil
	}
	return []protocol.TextEdit{diffEdit(snap.m, fixed)}
}

// diffEdit is the single edit that turns m's text into next: the changed
// middle between the common prefix and suffix, cut at character boundaries.
func diffEdit(m *mapper, next string) protocol.TextEdit {
	old := m.text
	pre := 0
	for pre < len(old) && pre < len(next) && old[pre] == next[pre] {
		pre++
	}
	for pre > 0 && !isBoundary(old, pre) {
		pre--
	}
	suf := 0
	for suf < len(old)-pre && suf < len(next)-pre && old[len(old)-1-suf] == next[len(next)-1-suf] {
		suf++
	}
	for suf > 0 && !isBoundary(old, len(old)-suf) {
		suf--
	}
	return protocol.TextEdit{
		Range:   m.rng(grammar.Span{Start: pre, End: len(old) - suf}),
		NewText: next[pre : len(next)-suf],
	}
}

// isBoundary: a UTF-8 character starts at i, and i does not split "\r\n".
func isBoundary(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	if s[i]&0xC0 == 0x80 {
		return false
	}
	return !(s[i] == '\n' && s[i-1] == '\r')
}

func (s *Server) executeCommand(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		Command   string            `json:"command"`
		Arguments []json.RawMessage `json:"arguments"`
	}
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	if p.Command != cmdFixAll {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "unknown command %q", p.Command)
	}
	var uri string
	if len(p.Arguments) == 1 {
		var arg struct {
			URI string `json:"uri"`
		}
		if json.Unmarshal(p.Arguments[0], &uri) != nil && json.Unmarshal(p.Arguments[0], &arg) == nil {
			uri = arg.URI
		}
	}
	if uri == "" {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "gdlint.fixAll needs the document URI as its argument")
	}
	snap, err := s.current(uri)
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	edits := fixAllEdits(snap)
	if len(edits) == 0 {
		return nil, nil
	}
	if ctx.Err() != nil { // a cancelled command must not edit
		return nil, ctx.Err()
	}
	var res struct {
		Applied       bool   `json:"applied"`
		FailureReason string `json:"failureReason"`
	}
	params := &protocol.ApplyWorkspaceEditParams{Label: "gdlint: fix all", Edit: *s.workspaceEdit(snap, edits)}
	if _, err := s.conn.Call(context.WithoutCancel(ctx), "workspace/applyEdit", params, &res); err != nil {
		return nil, jsonrpc2.Errorf(codeRequestFailed, "workspace/applyEdit: %v", err)
	}
	if !res.Applied {
		return nil, jsonrpc2.Errorf(codeRequestFailed, "the editor did not apply the fixes: %s", res.FailureReason)
	}
	return nil, nil
}

// tr picks the message of the session's language.
func tr(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}
