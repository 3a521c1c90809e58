package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/lint"
)

// The fixture puts 𠀀 (outside the BMP) and CJK before a wrong row total:
// line 38 is "（一）予以公开𠀀\t8\t1\t0\t0\t0\t0\t10", so the total "10" starts
// at UTF-16 column 22, code point 21 and byte 38.
const (
	wrongLine     = 37
	wrongUTF16    = 22
	wrongUTF8     = 38
	wrongFixture  = "wrong-total.txt"
	wrongFixedVal = "9"
)

func openWrongTotal(t *testing.T, c *testClient) (string, string, publication) {
	t.Helper()
	text := readTestdata(t, wrongFixture)
	uri := fileURI("testdata/" + wrongFixture)
	c.open(uri, "plaintext", 1, text)
	return uri, text, c.waitPublish(uri, 1, 0)
}

func TestDiagnosticsAtUTF16Positions(t *testing.T) {
	c, _ := inProcess(t, Options{})
	if res := c.initialize(nil); res.Capabilities.PositionEncoding != "" || res.ServerInfo.Name != "gdlint" {
		t.Fatalf("initialize: %+v (want UTF-16, the default, left implicit)", res)
	}
	_, text, pub := openWrongTotal(t, c)
	ds := diagsWithCode(pub.Diagnostics, testRuleID)
	if len(ds) != 1 {
		t.Fatalf("want one %s diagnostic, got %+v", testRuleID, pub.Diagnostics)
	}
	d := ds[0]
	want := protocol.Range{Start: protocol.Position{Line: wrongLine, Character: wrongUTF16},
		End: protocol.Position{Line: wrongLine, Character: wrongUTF16 + 2}}
	if d.Range != want {
		t.Errorf("range %+v, want %+v (line %q)", d.Range, want, lineOf(text, wrongLine))
	}
	if d.Severity != protocol.DiagnosticSeverityError || d.Source != "gdlint" || !strings.Contains(d.Message, "总计 10") {
		t.Errorf("diagnostic %+v", d)
	}
	if d.CodeDescription == nil || !strings.Contains(string(d.CodeDescription.Href), "gd-z901") {
		t.Errorf("codeDescription %+v", d.CodeDescription)
	}
	if len(d.RelatedInformation) != 6 {
		t.Fatalf("want the six applicant cells as related information, got %+v", d.RelatedInformation)
	}
	// the first related cell is 自然人 = 8, at UTF-16 column 10 (the 𠀀 counts 2)
	r := d.RelatedInformation[0]
	if r.Location.Range.Start != (protocol.Position{Line: wrongLine, Character: 10}) || r.Message != "自然人" {
		t.Errorf("related[0] = %+v", r)
	}
}

func TestUTF8PositionEncodingWhenOffered(t *testing.T) {
	c, _ := inProcess(t, Options{})
	caps := fullCaps()
	caps["general"] = map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}
	if res := c.initialize(caps); res.Capabilities.PositionEncoding != "utf-8" {
		t.Fatalf("positionEncoding %q, want utf-8", res.Capabilities.PositionEncoding)
	}
	_, _, pub := openWrongTotal(t, c)
	ds := diagsWithCode(pub.Diagnostics, testRuleID)
	if len(ds) != 1 || ds[0].Range.Start.Character != wrongUTF8 || ds[0].Range.End.Character != wrongUTF8+2 {
		t.Fatalf("utf-8 columns: %+v", ds)
	}
}

func TestQuickFixRemovesDiagnostic(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, text, pub := openWrongTotal(t, c)
	d := diagsWithCode(pub.Diagnostics, testRuleID)[0]

	var actions []protocol.CodeAction
	c.mustCall("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": d.Range,
		"context": map[string]any{"diagnostics": []any{d}, "only": []string{"quickfix"}},
	}, &actions)
	var fix *protocol.CodeAction
	for i := range actions {
		if actions[i].Kind == protocol.QuickFix && len(actions[i].Diagnostics) == 1 && fmt.Sprint(actions[i].Diagnostics[0].Code) == testRuleID {
			fix = &actions[i]
		}
	}
	if fix == nil || fix.Edit == nil || len(fix.Edit.DocumentChanges) != 1 || !fix.IsPreferred {
		t.Fatalf("no preferred quick fix with a versioned edit: %+v", actions)
	}
	dc := fix.Edit.DocumentChanges[0]
	if dc.TextDocument.Version == nil || *dc.TextDocument.Version != 1 || string(dc.TextDocument.URI) != uri {
		t.Errorf("edit document %+v", dc.TextDocument)
	}
	if len(dc.Edits) != 1 || dc.Edits[0].Range != d.Range || dc.Edits[0].NewText != wrongFixedVal {
		t.Fatalf("edits %+v", dc.Edits)
	}
	fixed := applyTextEdits(t, text, dc.Edits)
	if !strings.HasSuffix(lineOf(fixed, wrongLine), "\t0\t9") {
		t.Fatalf("fixed line %q", lineOf(fixed, wrongLine))
	}
	before := len(c.publications())
	c.change(uri, 2, map[string]any{"range": dc.Edits[0].Range, "text": dc.Edits[0].NewText})
	pub = c.waitPublish(uri, 2, before)
	if ds := diagsWithCode(pub.Diagnostics, testRuleID); len(ds) != 0 {
		t.Fatalf("diagnostic still there after the fix: %+v", ds)
	}
}

func TestFixAllSourceAction(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, text, _ := openWrongTotal(t, c)
	var actions []protocol.CodeAction
	c.mustCall("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        protocol.Range{},
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}},
	}, &actions)
	if len(actions) != 1 || actions[0].Kind != kindFixAll {
		t.Fatalf("want one source.fixAll.gdlint action, got %+v", actions)
	}
	edits := actions[0].Edit.DocumentChanges[0].Edits
	fixed := applyTextEdits(t, text, edits)
	if fixed != strings.Replace(text, "\t0\t10\n", "\t0\t9\n", 1) {
		t.Fatalf("fix all changed more than the total: edits %+v", edits)
	}
	// a minimal edit: only the two characters of the total
	if len(edits) != 1 || edits[0].Range.Start.Line != wrongLine || edits[0].Range.End.Line != wrongLine {
		t.Errorf("edit not minimal: %+v", edits)
	}
}

func TestExecuteFixAllAppliesEdit(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, _, _ := openWrongTotal(t, c)
	c.mustCall("workspace/executeCommand", map[string]any{"command": "gdlint.fixAll", "arguments": []any{uri}}, nil)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.applied) != 1 || len(c.applied[0].DocumentChanges) != 1 || c.applied[0].DocumentChanges[0].Edits[0].NewText != "9" {
		t.Fatalf("workspace/applyEdit: %+v", c.applied)
	}
}

// A draft that mentions 政府信息公开 but is not yet recognisable as a
// report gets one info saying why it is not checked as one (GD-S010), and
// nothing from the rules: not even the test rule, whose table is there.
func TestNotAReportGetsOnlyTheGateFinding(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri := "untitled:Untitled-1"
	c.open(uri, "markdown", 3, "# 政府信息公开工作草稿\n\n| 物品 | 数量 | 总计 |\n|---|---|---|\n| 苹果 | 2 | 5 |\n")
	pub := c.waitPublish(uri, 3, 0)
	if pub.null || len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Code != lint.NotAReportRule ||
		pub.Diagnostics[0].Severity != protocol.DiagnosticSeverityInformation {
		t.Fatalf("want the one GD-S010 info, got %+v (null: %v)", pub.Diagnostics, pub.null)
	}
	var actions []protocol.CodeAction
	c.mustCall("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": protocol.Range{}, "context": map[string]any{"diagnostics": []any{}}}, &actions)
	if len(actions) != 0 {
		t.Errorf("actions on a non-report: %+v", actions)
	}
}

// A file with no sign of a report (a README, a shopping list) opened in
// the editor gets an empty publish: no GD-S010 on every Markdown file.
func TestUnrelatedFileGetsNothing(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri := "untitled:Untitled-2"
	c.open(uri, "markdown", 4, "# 购物清单\n\n| 物品 | 数量 | 总计 |\n|---|---|---|\n| 苹果 | 2 | 5 |\n")
	pub := c.waitPublish(uri, 4, 0)
	if len(pub.Diagnostics) != 0 {
		t.Fatalf("want no diagnostics on an unrelated file, got %+v", pub.Diagnostics)
	}
	// typing the words of a report makes the gate's finding appear
	c.change(uri, 5, map[string]any{"text": "# 购物清单\n\n政府信息公开\n"})
	pub = c.waitPublish(uri, 5, 0)
	if len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Code != lint.NotAReportRule {
		t.Fatalf("want GD-S010 once the text mentions 政府信息公开, got %+v", pub.Diagnostics)
	}
}

func TestCloseClearsDiagnostics(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, _, _ := openWrongTotal(t, c)
	before := len(c.publications())
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	pub := c.waitPublish(uri, -1, before)
	if pub.null || len(pub.Diagnostics) != 0 {
		t.Fatalf("close should clear: %+v", pub)
	}
	err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": protocol.Position{}}, nil)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != codeRequestFailed {
		t.Fatalf("request for a closed document: %v", err)
	}
}

// Rapid changes: versions published never go backwards, and the last one is
// published.
func TestStaleResultsNeverPublished(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, text, _ := openWrongTotal(t, c)
	// the wrong total "10" toggles to "9" and back: odd versions are wrong
	for v := 2; v <= 60; v++ {
		var change map[string]any
		if v%2 == 0 {
			change = map[string]any{"range": protocol.Range{
				Start: protocol.Position{Line: wrongLine, Character: wrongUTF16},
				End:   protocol.Position{Line: wrongLine, Character: wrongUTF16 + 2}}, "text": "9"}
		} else {
			change = map[string]any{"range": protocol.Range{
				Start: protocol.Position{Line: wrongLine, Character: wrongUTF16},
				End:   protocol.Position{Line: wrongLine, Character: wrongUTF16 + 1}}, "text": "10"}
		}
		c.change(uri, v, change)
	}
	last := c.waitPublish(uri, 60, 0)
	if ds := diagsWithCode(last.Diagnostics, testRuleID); len(ds) != 0 {
		t.Errorf("version 60 (fixed) has %+v", ds)
	}
	prev := int32(0)
	for _, p := range c.publications() {
		if p.URI != uri {
			continue
		}
		if p.Version < prev {
			t.Fatalf("version %d published after %d", p.Version, prev)
		}
		prev = p.Version
		wrong := p.Version%2 == 1
		if got := len(diagsWithCode(p.Diagnostics, testRuleID)) == 1; got != wrong {
			t.Errorf("version %d: diagnostics %+v do not match its text", p.Version, p.Diagnostics)
		}
	}
	_ = text
}

func TestConfigurationChange(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, _, _ := openWrongTotal(t, c)

	before := len(c.publications())
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"gdlint": map[string]any{"lang": "en"}}})
	pub := c.waitPublish(uri, 1, before)
	ds := diagsWithCode(pub.Diagnostics, testRuleID)
	if len(ds) != 1 || ds[0].Message != "total 10 is not the sum 9" {
		t.Fatalf("English message: %+v", ds)
	}

	before = len(c.publications())
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"gdlint": map[string]any{
		"severity": map[string]string{testRuleID: "info"}}}})
	pub = c.waitPublish(uri, 1, before)
	if ds := diagsWithCode(pub.Diagnostics, testRuleID); len(ds) != 1 || ds[0].Severity != protocol.DiagnosticSeverityInformation {
		t.Fatalf("severity override: %+v", ds)
	}

	// pulled configuration: null settings make the server ask
	c.mu.Lock()
	c.settings = json.RawMessage(`{"disable": ["` + testRuleID + `"]}`)
	c.mu.Unlock()
	before = len(c.publications())
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	pub = c.waitPublish(uri, 1, before)
	if ds := diagsWithCode(pub.Diagnostics, testRuleID); len(ds) != 0 {
		t.Fatalf("disabled rule still reported: %+v", ds)
	}
}

func TestLifecycleAndErrors(t *testing.T) {
	c, code := inProcess(t, Options{})
	wantCode := func(err error, code jsonrpc2.Code) {
		t.Helper()
		var rpcErr *jsonrpc2.Error
		if !errors.As(err, &rpcErr) || rpcErr.Code != code {
			t.Errorf("error %v, want code %d", err, code)
		}
	}
	wantCode(c.call("textDocument/hover", map[string]any{}, nil), codeServerNotInitialized)
	c.initialize(nil)
	wantCode(c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil), jsonrpc2.InvalidRequest)
	wantCode(c.call("textDocument/unknownThing", map[string]any{}, nil), jsonrpc2.MethodNotFound)
	wantCode(c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///nope.txt"},
		"position": protocol.Position{}}, nil), codeRequestFailed)
	wantCode(c.call("textDocument/hover", nil, nil), jsonrpc2.InvalidParams)
	wantCode(c.call("textDocument/codeAction", map[string]any{"textDocument": 7}, nil), jsonrpc2.InvalidParams)
	// notifications about unknown documents or with bad params are logged, not fatal
	c.change("file:///nope.txt", 2, map[string]any{"text": "x"})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": "bad"})
	c.notify("$/setTrace", map[string]any{"value": "off"})
	// still answering; shutdown with "{}" params (older lsp-mode) is accepted
	c.mustCall("shutdown", map[string]any{}, nil)
	wantCode(c.call("textDocument/hover", map[string]any{}, nil), jsonrpc2.InvalidRequest)
	c.notify("exit", map[string]any{})
	select {
	case got := <-code:
		if got != 0 {
			t.Fatalf("exit code %d after shutdown, want 0", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c, code := inProcess(t, Options{})
	c.initialize(nil)
	c.notify("exit", nil)
	if got := <-code; got != 1 {
		t.Fatalf("exit code %d without shutdown, want 1", got)
	}
}

func TestWorkspaceConfigFile(t *testing.T) {
	dir := t.TempDir()
	writeFile := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(".gdlint.toml", "[severity]\n\""+testRuleID+"\" = \"warning\"\n")
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "report.txt"))
	c.open(uri, "plaintext", 1, readTestdata(t, wrongFixture))
	pub := c.waitPublish(uri, 1, 0)
	if ds := diagsWithCode(pub.Diagnostics, testRuleID); len(ds) != 1 || ds[0].Severity != protocol.DiagnosticSeverityWarning {
		t.Fatalf("severity from .gdlint.toml: %+v", ds)
	}

	// the file changes on disk; the editor says so
	writeFile(".gdlint.toml", "[rules]\nignore = [\""+testRuleID+"\"]\n")
	before := len(c.publications())
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{
		map[string]any{"uri": "file://" + filepath.ToSlash(filepath.Join(dir, ".gdlint.toml")), "type": 2}}})
	pub = c.waitPublish(uri, 1, before)
	if ds := diagsWithCode(pub.Diagnostics, testRuleID); len(ds) != 0 {
		t.Fatalf("rule ignored by .gdlint.toml still reported: %+v", ds)
	}

	// a broken file is reported to the user, and linting goes on with defaults
	writeFile(".gdlint.toml", "[rules\n")
	before = len(c.publications())
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{
		"uri": "file://" + filepath.ToSlash(filepath.Join(dir, ".gdlint.toml"))}})
	pub = c.waitPublish(uri, 1, before)
	if ds := diagsWithCode(pub.Diagnostics, testRuleID); len(ds) != 1 {
		t.Fatalf("defaults after a broken config: %+v", pub.Diagnostics)
	}
	c.mu.Lock()
	logs := strings.Join(c.logs, "\n")
	c.mu.Unlock()
	if !strings.Contains(logs, ".gdlint.toml") {
		t.Errorf("config error not shown: %q", logs)
	}
}
