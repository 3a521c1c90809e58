package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
)

// inlayHint is LSP 3.17's InlayHint, which protocol v0.12.0 lacks.
type inlayHint struct {
	Position     protocol.Position `json:"position"`
	Label        string            `json:"label"`
	Kind         int               `json:"kind,omitempty"` // 1 type, 2 parameter
	Tooltip      string            `json:"tooltip,omitempty"`
	PaddingLeft  bool              `json:"paddingLeft,omitempty"`
	PaddingRight bool              `json:"paddingRight,omitempty"`
}

// inlayHint shows, beside each total that its balance contradicts, the sum
// the other cells give.
func (s *Server) inlayHint(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		textDocument
		Range *protocol.Range `json:"range"`
	}
	snap, err := s.reportSnapshot(raw, &p)
	if snap == nil {
		return noReport([]inlayHint{}, err)
	}
	out := []inlayHint{}
	within := grammar.Span{Start: 0, End: len(snap.m.text)}
	if p.Range != nil {
		within = snap.m.span(*p.Range)
	}
	for _, h := range totalHints(snap.report) {
		if !covers(within, h.cell.Span.End) {
			continue
		}
		out = append(out, inlayHint{
			Position:    snap.m.position(h.cell.Span.End),
			Label:       h.label(snap.lang),
			Tooltip:     describeBalance(snap.report, h.balance, snap.lang),
			PaddingLeft: true,
		})
	}
	return out, nil
}

type totalHint struct {
	cell    *grammar.Cell
	balance *grammar.Balance
	sum     float64
}

func (h totalHint) label(lang string) string {
	s := formatNumber(h.sum)
	if h.balance.Kind == grammar.BalanceOutcomeTotal {
		return tr(lang, "列和 "+s, "column Σ "+s)
	}
	return tr(lang, "行和 "+s, "row Σ "+s)
}

// totalHints lists the totals (balances with one cell on the right) whose
// terms are all numbers and sum to something else.
func totalHints(rep *grammar.Report) []totalHint {
	var out []totalHint
	bals := grammar.Balances(rep.Format)
	for i := range bals {
		b := &bals[i]
		if len(b.Right) != 1 {
			continue
		}
		total := tableCell(rep, b.Right[0])
		want, ok := total.Number()
		if !ok || total.Span.Len() == 0 {
			continue
		}
		left := sideOf(rep, b.Left)
		if !left.ok || left.sum == want {
			continue
		}
		out = append(out, totalHint{cell: total, balance: b, sum: left.sum})
	}
	return out
}
