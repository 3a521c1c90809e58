package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	if n := kept(prev); n != 2 {
		t.Fatalf("cache holds %d entries, want 2 (related information is not cached)", n)
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
	if &got[0][0] != &prev[0].json[0] {
		t.Error("the diagnostic that did not move was encoded again")
	}
	if n := kept(next); n != 2 {
		t.Errorf("next cache holds %d entries, want 2 (the moved one replaced)", n)
	}
}

// A finding that went away or one that came in between does not stop the
// ones after it from being reused; a finding reused is the same finding.
func TestEncodeDiagnosticsReuseAfterChanges(t *testing.T) {
	var ds []protocol.Diagnostic
	for i := 0; i < 100; i++ {
		ds = append(ds, protocol.Diagnostic{Range: protocol.Range{Start: protocol.Position{Line: uint32(i)}, End: protocol.Position{Line: uint32(i), Character: 1}},
			Severity: 2, Code: "GD-W004", Source: source, Message: fmt.Sprint("半角", i%3)})
	}
	_, prev := encodeDiagnostics(ds, nil)
	// 10..19 go away, one comes in at 50, 70 changes its message
	changed := append(append([]protocol.Diagnostic(nil), ds[:10]...), ds[20:50]...)
	fresh := ds[50]
	fresh.Range.End.Character = 3
	changed = append(append(changed, fresh), ds[50:]...)
	changed[len(changed)-30].Message = "别的"
	got, _ := encodeDiagnostics(changed, prev)
	reused := 0
	for i := range changed {
		want, _ := json.Marshal(&changed[i])
		if !bytes.Equal(got[i], want) {
			t.Fatalf("diagnostic %d encoded as %s, want %s", i, got[i], want)
		}
		for _, p := range prev {
			if &p.json[0] == &got[i][0] {
				reused++
			}
		}
	}
	if reused != len(changed)-2 {
		t.Errorf("%d of %d reused, want all but the new and the changed one", reused, len(changed))
	}
}

func kept(es []encodedDiag) int {
	n := 0
	for _, e := range es {
		if e.json != nil {
			n++
		}
	}
	return n
}
