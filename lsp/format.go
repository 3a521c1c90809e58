package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/lint/format"
)

// formatting is textDocument/formatting: the formatter of `gdlint fmt`
// (lint/format), its edits turned into the protocol's UTF-16 ranges. The
// formatter parses its result again and changes less, or nothing, when a
// number, a heading or a table cell would read differently.
func (s *Server) formatting(ctx context.Context, raw json.RawMessage) (any, error) {
	var p documentParams
	snap, err := s.reportSnapshot(raw, &p)
	if snap == nil {
		return noReport([]protocol.TextEdit{}, err)
	}
	res := format.Format(snap.report)
	if res.HeldBack != "" {
		s.logf("formatting %s: %s", snap.uri, res.HeldBack)
	}
	if !res.Changed() {
		return []protocol.TextEdit{}, nil
	}
	return snap.textEdits(res.Edits), nil
}
