package lsp

import (
	"bytes"
	"encoding/json"
	"testing"

	"go.lsp.dev/protocol"
)

// TestEncodeDiagnosticsReuse checks that a diagnostic reused from the
// previous analysis is encoded exactly as a fresh one, that one which moved
// is encoded anew, and that the cache keeps only the current ones.
func TestEncodeDiagnosticsReuse(t *testing.T) {
	rng := func(l, c uint32) protocol.Range {
		return protocol.Range{Start: protocol.Position{Line: l, Character: c}, End: protocol.Position{Line: l, Character: c + 2}}
	}
	a := protocol.Diagnostic{Range: rng(1, 5), Severity: 1, Code: "GD-W004", Source: source, Message: "半角“,”"}
	b := protocol.Diagnostic{Range: rng(3, 0), Severity: 2, Code: "GD-W003", Source: source, Message: "“的”重复",
		CodeDescription: &protocol.CodeDescription{Href: "https://example.org/GD-W003"}}
	withRelated := a
	withRelated.RelatedInformation = []protocol.DiagnosticRelatedInformation{{Message: "合计"}}
	_, prev := encodeDiagnostics([]protocol.Diagnostic{a, b, withRelated}, nil)
	if len(prev) != 2 {
		t.Fatalf("cache holds %d entries, want 2 (related information is not cached)", len(prev))
	}
	moved := b
	moved.Range = rng(4, 0)
	got, next := encodeDiagnostics([]protocol.Diagnostic{a, moved, withRelated}, prev)
	for i, d := range []protocol.Diagnostic{a, moved, withRelated} {
		want, err := json.Marshal(&d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[i], want) {
			t.Errorf("diagnostic %d encoded as %s, want %s", i, got[i], want)
		}
	}
	if &got[0][0] != &prev[diagKey{rng: a.Range, severity: a.Severity, code: "GD-W004", message: a.Message}][0] {
		t.Error("the diagnostic that did not move was encoded again")
	}
	if len(next) != 2 {
		t.Errorf("next cache holds %d entries, want 2 (the moved one replaced)", len(next))
	}
}
