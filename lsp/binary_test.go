package lsp

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/internal/testshared"
)

// gdlintBin is the real binary, built once by TestMain.
var gdlintBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gdlint-lsp-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	gdlintBin = filepath.Join(dir, "gdlint")
	build := exec.Command("go", "build", "-o", gdlintBin, "../cmd/gdlint")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building gdlint:", err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// startBinary runs `gdlint lsp` and connects a client to its stdio.
func startBinary(t *testing.T) (*testClient, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(gdlintBin, "lsp")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return newTestClient(t, stdout, stdin, stdin), cmd
}

func waitExit(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return cmd.ProcessState.ExitCode()
	case <-time.After(5 * time.Second):
		t.Fatal("gdlint lsp did not exit")
	}
	return -1
}

// The acceptance path over the real binary: diagnostics at UTF-16
// positions past 𠀀, the quick fix for the wrong total, the diagnostic gone
// after applying it, then a clean shutdown.
func TestBinaryWrongTotalQuickFix(t *testing.T) {
	c, cmd := startBinary(t)
	c.initialize(nil)
	uri, text, pub := openWrongTotal(t, c)
	ds := diagsWithCode(pub.Diagnostics, "GD-A001")
	if len(ds) != 1 {
		t.Fatalf("want one GD-A001, got %+v", pub.Diagnostics)
	}
	d := ds[0]
	want := protocol.Range{Start: protocol.Position{Line: wrongLine, Character: wrongUTF16},
		End: protocol.Position{Line: wrongLine, Character: wrongUTF16 + 2}}
	if d.Range != want {
		t.Fatalf("GD-A001 range %+v, want %+v", d.Range, want)
	}
	if d.CodeDescription == nil || !strings.Contains(string(d.CodeDescription.Href), "gd-a001") {
		t.Errorf("codeDescription %+v", d.CodeDescription)
	}
	if len(d.RelatedInformation) == 0 {
		t.Errorf("no related cells: %+v", d)
	}

	var actions []protocol.CodeAction
	c.mustCall("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": d.Range,
		"context": map[string]any{"diagnostics": []any{d}, "only": []string{"quickfix"}},
	}, &actions)
	var edits []protocol.TextEdit
	for _, a := range actions {
		if len(a.Diagnostics) == 1 && fmt.Sprint(a.Diagnostics[0].Code) == "GD-A001" && a.Edit != nil {
			edits = a.Edit.DocumentChanges[0].Edits
			break
		}
	}
	if len(edits) != 1 || edits[0].NewText != wrongFixedVal || edits[0].Range != want {
		t.Fatalf("GD-A001 quick fix: %+v", actions)
	}
	// recomputing a total is an unsafe fix: offered above, never applied
	// by fix all (what editors run on save)
	var all []protocol.CodeAction
	c.mustCall("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": protocol.Range{},
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}},
	}, &all)
	for _, a := range all {
		if a.Edit == nil {
			continue
		}
		for _, dc := range a.Edit.DocumentChanges {
			for _, e := range dc.Edits {
				if e.Range.Start.Line == want.Start.Line {
					t.Errorf("fix all edits the GD-A001 total's line: %+v", e)
				}
			}
		}
	}
	fixed := applyTextEdits(t, text, edits)
	before := len(c.publications())
	c.change(uri, 2, map[string]any{"range": edits[0].Range, "text": edits[0].NewText})
	pub = c.waitPublish(uri, 2, before)
	if ds := diagsWithCode(pub.Diagnostics, "GD-A001"); len(ds) != 0 {
		t.Fatalf("GD-A001 after the fix: %+v", ds)
	}
	if !strings.Contains(fixed, "（一）予以公开𠀀\t8\t1\t0\t0\t0\t0\t9\n") {
		t.Errorf("fixed text: %q", lineOf(fixed, wrongLine))
	}
	c.shutdown()
	if code := waitExit(t, cmd); code != 0 {
		t.Errorf("exit code %d after shutdown and exit", code)
	}
}

// Every seed opens, gets diagnostics whose ranges lie in the document, and
// answers the outline and hover requests.
func TestBinarySeeds(t *testing.T) {
	seeds := testshared.Seeds(t)
	c, cmd := startBinary(t)
	c.initialize(nil)
	for _, path := range seeds {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		uri := "file://" + filepath.ToSlash(path)
		before := len(c.publications())
		c.open(uri, "plaintext", 1, text)
		pub := c.waitPublish(uri, 1, before)
		m := newMapper(text, UTF16)
		for _, d := range pub.Diagnostics {
			end := m.offset(d.Range.End)
			if m.position(end) != d.Range.End || d.Range.End.Line >= uint32(len(m.lines)) {
				t.Errorf("%s: range %+v outside the text", filepath.Base(path), d.Range)
			}
		}
		var syms []protocol.DocumentSymbol
		c.mustCall("textDocument/documentSymbol", docParams(uri), &syms)
		if len(syms) < 6 {
			t.Errorf("%s: %d top-level symbols", filepath.Base(path), len(syms))
		}
		t.Logf("%s: %d diagnostics, %d symbols", filepath.Base(path), len(pub.Diagnostics), len(syms))
	}
	c.shutdown()
	if code := waitExit(t, cmd); code != 0 {
		t.Errorf("exit code %d", code)
	}
}
