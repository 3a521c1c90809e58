package lsp

import (
	"context"
	"encoding/json"
	"strings"
	"unicode"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
)

// outlineNode is one entry of the outline: the title, the six sections,
// their sub-items and the tables with their rows. Folding uses the same tree.
type outlineNode struct {
	name, detail string
	kind         protocol.SymbolKind
	span, sel    grammar.Span
	children     []*outlineNode
}

func outline(rep *grammar.Report) []*outlineNode {
	var out []*outlineNode
	text := rep.Source.Text
	if t := rep.Title; t != nil {
		out = append(out, &outlineNode{name: t.Text, detail: "标题", kind: protocol.SymbolKindFile, span: t.Span, sel: t.Span})
	}
	tablesPlaced := [3]bool{}
	for _, sec := range rep.Sections {
		if sec.Heading == nil {
			continue
		}
		span := trimSpan(text, sec.Span)
		n := &outlineNode{name: headingName(sec.Heading), kind: protocol.SymbolKindNamespace, span: span, sel: sec.Heading.Span}
		if sec.Def != nil {
			n.detail = sec.Def.Canonical()
		}
		// sub-items run to the next sub-item or the end of the section
		for i, h := range sec.SubItems {
			end := span.End
			if i+1 < len(sec.SubItems) {
				end = sec.SubItems[i+1].Span.Start
			}
			sub := trimSpan(text, grammar.Span{Start: h.Span.Start, End: end})
			n.children = append(n.children, &outlineNode{name: headingName(h), kind: protocol.SymbolKindKey, span: sub, sel: h.Span})
		}
		for i, t := range rep.Tables {
			if t != nil && !tablesPlaced[i] && span.Start <= t.Span.Start && t.Span.End <= span.End {
				tablesPlaced[i] = true
				n.children = append(n.children, tableNode(t))
			}
		}
		out = append(out, n)
	}
	for i, t := range rep.Tables {
		if t != nil && !tablesPlaced[i] {
			out = append(out, tableNode(t))
		}
	}
	return out
}

func tableNode(t *grammar.Table) *outlineNode {
	n := &outlineNode{name: grammar.TableName(t.ID) + " " + t.Def.Name, kind: protocol.SymbolKindStruct, span: t.Span, sel: t.Span}
	n.detail = t.Layout
	for _, r := range t.Rows {
		if r.Label == nil {
			continue
		}
		rs := r.Label.Span
		for _, c := range r.Cells {
			if c != nil && c.Span.End > rs.End && c.Span.End <= t.Span.End {
				rs.End = c.Span.End
			}
		}
		if rs.Start < t.Span.Start || rs.End > t.Span.End {
			continue // keep children inside their parent, as LSP requires
		}
		n.children = append(n.children, &outlineNode{name: r.Def.Label, kind: protocol.SymbolKindField, span: rs, sel: r.Label.Span})
	}
	return n
}

func headingName(h *grammar.Heading) string {
	if h.Full != "" {
		return h.Full
	}
	return h.Text
}

func (s *Server) documentSymbol(ctx context.Context, raw json.RawMessage) (any, error) {
	var p documentParams
	snap, err := s.reportSnapshot(raw, &p)
	if snap == nil {
		return noReport([]protocol.DocumentSymbol{}, err)
	}
	nodes := outline(snap.report)
	s.mu.Lock()
	hier := s.client.hierarchicalSyms
	s.mu.Unlock()
	if !hier {
		out := []protocol.SymbolInformation{}
		var flat func(ns []*outlineNode, container string)
		flat = func(ns []*outlineNode, container string) {
			for _, n := range ns {
				out = append(out, protocol.SymbolInformation{Name: symbolName(n.name), Kind: n.kind, ContainerName: container,
					Location: protocol.Location{URI: protocol.DocumentURI(snap.uri), Range: snap.m.rng(n.span)}})
				flat(n.children, n.name)
			}
		}
		flat(nodes, "")
		return out, nil
	}
	var conv func(ns []*outlineNode) []protocol.DocumentSymbol
	conv = func(ns []*outlineNode) []protocol.DocumentSymbol {
		out := make([]protocol.DocumentSymbol, 0, len(ns))
		for _, n := range ns {
			out = append(out, protocol.DocumentSymbol{Name: symbolName(n.name), Detail: n.detail, Kind: n.kind,
				Range: snap.m.rng(n.span), SelectionRange: snap.m.rng(n.sel), Children: conv(n.children)})
		}
		return out
	}
	return conv(nodes), nil
}

// symbolName: VS Code rejects empty or blank symbol names.
func symbolName(s string) string {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return "—"
	}
	return s
}

func (s *Server) foldingRange(ctx context.Context, raw json.RawMessage) (any, error) {
	var p documentParams
	snap, err := s.reportSnapshot(raw, &p)
	if snap == nil {
		return noReport([]protocol.FoldingRange{}, err)
	}
	out := []protocol.FoldingRange{}
	var walk func(ns []*outlineNode)
	walk = func(ns []*outlineNode) {
		for _, n := range ns {
			if n.kind == protocol.SymbolKindField || n.kind == protocol.SymbolKindFile {
				continue // rows and the title are single entries, not regions
			}
			start, end := snap.m.position(n.span.Start).Line, snap.m.position(n.span.End).Line
			if end > start {
				out = append(out, protocol.FoldingRange{StartLine: start, EndLine: end, Kind: protocol.RegionFoldingRange})
			}
			walk(n.children)
		}
	}
	walk(outline(snap.report))
	return out, nil
}
