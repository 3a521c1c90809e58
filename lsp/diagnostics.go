package lsp

import (
	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/lint"
)

// source names gdlint in every diagnostic.
const source = "gdlint"

func severity(s lint.Severity) protocol.DiagnosticSeverity {
	switch s {
	case lint.Error:
		return protocol.DiagnosticSeverityError
	case lint.Warning:
		return protocol.DiagnosticSeverityWarning
	}
	return protocol.DiagnosticSeverityInformation
}

// toProtocol converts one finding. Ranges come from its byte spans through
// the snapshot's mapper; nothing is searched for in the text.
func (s *Server) toProtocol(snap *snapshot, d *lint.Diagnostic, cfg *effective) protocol.Diagnostic {
	out := protocol.Diagnostic{
		Range:    snap.m.rng(d.Span),
		Severity: severity(d.Severity),
		Code:     d.Rule,
		Source:   source,
		Message:  d.Text(snap.lang),
	}
	if href := cfg.docsURL(d.Rule); href != "" {
		out.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(href)}
	}
	for _, r := range d.Related {
		msg := r.Message
		if msg == "" {
			msg = snap.src.Slice(r.Span)
		}
		out.RelatedInformation = append(out.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: protocol.DocumentURI(snap.uri), Range: snap.m.rng(r.Span)},
			Message:  msg,
		})
	}
	return out
}
