package lsp

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"

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
// the snapshot's mapper (sw, a sweep of it, for the findings in order);
// nothing is searched for in the text.
func (s *Server) toProtocol(snap *snapshot, sw *sweep, d *lint.Diagnostic, cfg *effective, hrefs docsURLs) protocol.Diagnostic {
	out := protocol.Diagnostic{
		Range:    sw.rng(d.Span),
		Severity: severity(d.Severity),
		Code:     d.Rule,
		Source:   source,
		Message:  d.Text(snap.lang),
	}
	if href := hrefs.of(cfg, d.Rule); href != "" {
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

// docsURLs are the documentation links of one analysis by rule: each is
// formatted once, not once per finding.
type docsURLs map[string]string

func (h docsURLs) of(cfg *effective, rule string) string {
	href, ok := h[rule]
	if !ok {
		href = cfg.docsURL(rule)
		h[rule] = href
	}
	return href
}

// diagKey identifies an encoded diagnostic: everything its JSON holds but
// related information (diagnostics that carry some are encoded each time).
type diagKey struct {
	rng      protocol.Range
	severity protocol.DiagnosticSeverity
	code     string
	message  string
	href     protocol.URI
}

// publishBuffers hold the bytes of publishes between two of them (io.Writer
// keeps none of what it is given): a keystroke does not allocate the
// hundreds of KB of a publish with a thousand findings.
var publishBuffers = sync.Pool{New: func() any { return new([]byte) }}

// encodedDiag is a diagnostic's JSON with its key; json is nil for one
// that is not reused (it carries related information).
type encodedDiag struct {
	key  diagKey
	json []byte
}

// reuseWindow is how many findings of the previous analysis may have gone
// away between two that stayed (an edit that removes more re-encodes the
// rest once).
const reuseWindow = 32

// encodeDiagnostics encodes each diagnostic, reusing the JSON of the previous
// analysis for those that did not move or change (most of them, after a
// keystroke). Both lists are in document order, so each diagnostic is
// looked for where the previous list continues, not hashed. It returns the
// encodings and the list for the next analysis, which holds only this one's:
// memory stays one publish's worth.
func encodeDiagnostics(diags []protocol.Diagnostic, prev []encodedDiag) ([][]byte, []encodedDiag) {
	out := make([][]byte, len(diags))
	next := make([]encodedDiag, len(diags))
	j := 0 // where prev continues
	for i := range diags {
		d := &diags[i]
		code, _ := d.Code.(string)
		cacheable := len(d.RelatedInformation) == 0 && len(d.Tags) == 0 && d.Data == nil && code != ""
		var k diagKey
		if cacheable {
			k = diagKey{rng: d.Range, severity: d.Severity, code: code, message: d.Message}
			if d.CodeDescription != nil {
				k.href = d.CodeDescription.Href
			}
			if b := reuse(prev, &j, &k); b != nil {
				out[i], next[i] = b, encodedDiag{k, b}
				continue
			}
		}
		b, err := json.Marshal(d)
		if err != nil {
			return nil, nil
		}
		out[i] = b
		if cacheable {
			next[i] = encodedDiag{k, b}
		}
	}
	return out, next
}

// reuse returns the JSON of k if prev holds it at *j or a little after, and
// moves *j past it.
func reuse(prev []encodedDiag, j *int, k *diagKey) []byte {
	for t := *j; t < len(prev) && t < *j+reuseWindow; t++ {
		if prev[t].json != nil && prev[t].key == *k {
			*j = t + 1
			return prev[t].json
		}
	}
	return nil
}

// publishEncoded publishes snap's diagnostics from their encodings: the
// message is assembled from the pieces, not encoded again.
func (s *Server) publishEncoded(ctx context.Context, snap *snapshot) {
	if s.out == nil || snap.json == nil {
		s.publish(ctx, snap.uri, snap.version, snap.lsp)
		return
	}
	uri, err := json.Marshal(snap.uri)
	if err != nil {
		s.publish(ctx, snap.uri, snap.version, snap.lsp)
		return
	}
	n := frameRoom + 128 + len(uri)
	for _, b := range snap.json {
		n += len(b) + 1
	}
	// the buffer of the last publish, written and no longer read
	pb := publishBuffers.Get().(*[]byte)
	defer publishBuffers.Put(pb)
	if cap(*pb) < n {
		*pb = make([]byte, 0, n+n/8)
	}
	buf := (*pb)[:frameRoom]
	buf = append(buf, `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":`...)
	buf = append(buf, uri...)
	buf = append(buf, `,"version":`...)
	buf = strconv.AppendInt(buf, int64(max(snap.version, 0)), 10)
	buf = append(buf, `,"diagnostics":[`...)
	for i, b := range snap.json {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, b...)
	}
	buf = append(buf, "]}}"...)
	if err := s.out.writeFrameAt(buf); err != nil {
		s.logf("sending textDocument/publishDiagnostics: %v", err)
	}
	*pb = buf[:0]
}
