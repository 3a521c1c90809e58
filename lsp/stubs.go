package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
)

func (s *Server) inlayHint(ctx context.Context, raw json.RawMessage) (any, error) {
	return []any{}, nil
}
func (s *Server) formatting(ctx context.Context, raw json.RawMessage) (any, error) {
	return []protocol.TextEdit{}, nil
}
func (s *Server) skeletonActions(snap *snapshot, at grammar.Span) []protocol.CodeAction { return nil }
