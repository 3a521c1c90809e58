package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

func readExamples(t *testing.T) map[string][]byte {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "examples")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// The self-test prints what `gdlint check --format json testdata/examples`
// prints (the browser test compares with the binary itself).
func TestSelftestIsTheCLIJSON(t *testing.T) {
	got, err := selftest(readExamples(t))
	if err != nil {
		t.Fatal(err)
	}
	// the walk of the CLI, run from the repository's root
	files, errs := fileio.ExpandPaths([]string{"../../testdata/examples"})
	if len(errs) > 0 || len(files) < 4 {
		t.Fatal(files, errs)
	}
	var rs []*lint.FileResult
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, lint.Check(lint.FromBytes(strings.TrimPrefix(f, "../../"), raw), lint.DefaultConfig(), lint.CheckOptions{Options: &lint.Options{}}))
	}
	var want bytes.Buffer
	if err := report.WriteJSON(&want, rs, report.OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	if got != want.String() {
		t.Errorf("selftest JSON differs from the CLI's:\n%s\n---\n%s", got, want.String())
	}
	if !strings.Contains(got, `"file": "testdata/examples/defects.txt"`) {
		t.Errorf("selftest paths are not testdata/examples/NAME:\n%.300s", got)
	}
}

// utf16Slice is s[from:to] in UTF-16 code units, as JavaScript slices.
func utf16Slice(s string, from, to int) string {
	u := utf16.Encode([]rune(s))
	if from < 0 || to > len(u) || from > to {
		return "<out of range>"
	}
	return string(utf16.Decode(u[from:to]))
}

// Every finding's UTF-16 range in the shown text covers the bytes of its
// span (CRLF shown as LF), also after characters outside the BMP.
func TestViewOffsetsCoverTheSpans(t *testing.T) {
	files := readExamples(t)
	fixture, err := os.ReadFile(filepath.Join("..", "..", "lsp", "testdata", "wrong-total.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files["wrong-total.txt"] = fixture
	if _, err := os.Stat(filepath.Join("..", "..", "..", "shared")); err == nil || os.Getenv("CI") == "true" {
		for _, p := range testshared.Seeds(t) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files[filepath.Base(p)] = b
		}
	}
	e := newEngine()
	astral := false
	for name, raw := range files {
		d := e.add(file{name, raw})[0]
		v := e.view(d)
		if v.Error != "" {
			t.Fatalf("%s: %s", name, v.Error)
		}
		if len(v.Diags) != len(d.Result.Diagnostics) {
			t.Fatalf("%s: %d diagnostics shown, %d found", name, len(v.Diags), len(d.Result.Diagnostics))
		}
		for i, g := range v.Diags {
			sp := d.Result.Diagnostics[i].Span
			want := strings.ReplaceAll(d.Result.Source.Text[sp.Start:sp.End], "\r\n", "\n")
			if got := utf16Slice(v.Text, g.From, g.To); got != want {
				t.Errorf("%s: %s at %d:%d shows %q, span is %q", name, g.Rule, g.Line, g.Column, got, want)
			}
			if strings.ContainsRune(d.Result.Source.Text[:sp.Start], '𠀀') {
				astral = true
			}
		}
	}
	if !astral {
		t.Error("no finding after a character outside the BMP: the test lost its fixture")
	}
}

// A quick fix changes the text, keeps the file's encoding and line endings
// and removes its finding.
func TestApplyFixKeepsEncoding(t *testing.T) {
	raw := readExamples(t)["gb18030-crlf.txt"]
	e := newEngine()
	d := e.add(file{"gb18030-crlf.txt", raw})[0]
	if d.Result.Source.Encoding.String() != "gb18030" || !d.Result.Source.CRLF {
		t.Fatalf("the example is %v, CRLF %v", d.Result.Source.Encoding, d.Result.Source.CRLF)
	}
	n := len(d.Result.Diagnostics)
	fixed := -1
	for i, g := range d.Result.Diagnostics {
		if len(g.Fixes) > 0 && g.Fixes[0].Applicability == lint.Safe {
			fixed = i
			break
		}
	}
	if fixed < 0 {
		t.Fatal("no safe fix in the example")
	}
	if err := e.applyFix(d.ID, fixed, 0); err != nil {
		t.Fatal(err)
	}
	if len(d.Result.Diagnostics) != n-1 {
		t.Errorf("%d findings after the fix, want %d", len(d.Result.Diagnostics), n-1)
	}
	if bytes.Equal(d.Raw, raw) || d.Result.Source.Encoding.String() != "gb18030" || !d.Result.Source.CRLF {
		t.Errorf("after the fix: changed %v, %v, CRLF %v", !bytes.Equal(d.Raw, raw), d.Result.Source.Encoding, d.Result.Source.CRLF)
	}
	if !e.view(d).Changed {
		t.Error("the view does not say the document changed")
	}
	// fixing everything gives the bytes `gdlint check --fix` writes
	if err := e.fixAll(d.ID, false); err != nil {
		t.Fatal(err)
	}
	want := lint.Check(lint.FromBytes("gb18030-crlf.txt", raw), lint.DefaultConfig(), lint.CheckOptions{Options: &lint.Options{}, Fix: true})
	if !bytes.Equal(d.Raw, want.FixedBytes) {
		t.Errorf("fix all gives %d bytes, --fix %d", len(d.Raw), len(want.FixedBytes))
	}
	if err := e.revert(d.ID); err != nil || !bytes.Equal(d.Raw, raw) || len(d.Result.Diagnostics) != n {
		t.Errorf("revert: %v, %d findings", err, len(d.Result.Diagnostics))
	}
}

func TestContainersAreNotRewritten(t *testing.T) {
	e := newEngine()
	d := e.add(file{"r.html", []byte("<html><body><p>某某局2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>我局认真贯彻落实,做好工作。</p></body></html>")})[0]
	if d.Result.Err != nil {
		t.Fatal(d.Result.Err)
	}
	if err := e.fixAll(d.ID, false); err != errNotRewritten {
		t.Errorf("fixAll on .html: %v", err)
	}
	if !e.view(d).Container {
		t.Error("the view does not mark .html as a container")
	}
}

// The page must stay small: no spreadsheet writer, no PDF engine, no
// language server in the WebAssembly build.
func TestWasmLeavesOutHeavyPackages(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 || !strings.Contains(string(out), "github.com/gdlint/gdlint/lint\n") {
		t.Fatalf("go list -deps gave %d packages without lint", len(deps))
	}
	for _, p := range deps {
		for _, bad := range []string{"excelize", "pdf", "github.com/gdlint/gdlint/lsp", "go.lsp.dev"} {
			if strings.Contains(strings.ToLower(p), bad) {
				t.Errorf("the wasm build links %s", p)
			}
		}
	}
}

// On a directory of reports of several bodies and years the page gives what
// `gdlint check --format json DIR` prints, cross-year findings included.
func TestSameAsCLIOnABatch(t *testing.T) {
	dir := t.TempDir()
	batchtest.WriteTree(t, dir)
	bin := filepath.Join(t.TempDir(), "gdlint")
	if out, err := exec.Command("go", "build", "-o", bin, "../gdlint").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "check", "--format", "json", ".")
	cmd.Dir = dir
	want, err := cmd.Output()
	if code := cmd.ProcessState.ExitCode(); code != 2 { // the tree has unreadable files
		t.Fatalf("gdlint check exited %d (%v), want 2", code, err)
	}
	if !bytes.Contains(want, []byte(`"rule": "GD-Y00`)) {
		t.Fatalf("no cross-year finding in the CLI's output: the test lost its fixture\n%s", want)
	}
	var files []file
	err = filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || strings.Contains(p, "/.") || !fileio.IsReportFile(p) {
			return err
		}
		raw, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files = append(files, file{rel, raw})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	e := newEngine()
	e.add(files...)
	got, err := cliJSON(e.loaded(), "zh")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the page's JSON differs from the CLI's:\n%s\n---\n%s", got, want)
	}
	checks, elsewhere := 0, 0
	for _, v := range e.views() {
		checks += len(v.Checks)
		for _, g := range v.Diags {
			for _, r := range g.Related {
				if r.Path != "" {
					elsewhere++
					if e.byName(r.Path) == nil || r.Line < 1 || r.Column < 1 {
						t.Errorf("%s: %s: related %+v does not point into a loaded report", v.Name, g.Rule, r)
					}
				}
			}
		}
	}
	if checks == 0 || elsewhere == 0 {
		t.Errorf("%d cross-year checks in the overview, %d related cells in the earlier reports", checks, elsewhere)
	}
}

// After "remove all files" the page gets an empty list, not null, and no
// finding is left in the JSON.
func TestClear(t *testing.T) {
	e := newEngine()
	e.add(file{"a.txt", readExamples(t)["defects.txt"]}, file{"b.txt", readExamples(t)["clean.txt"]})
	e.clear()
	b, err := json.Marshal(e.views())
	if err != nil || string(b) != "[]" {
		t.Errorf("views after clear: %s %v", b, err)
	}
	if s, _ := cliJSON(e.loaded(), "zh"); s != "[]\n" {
		t.Errorf("JSON after clear: %q", s)
	}
}

// A file that cannot be read is listed with the CLI's reason in both
// languages, and has no findings in the JSON.
func TestUnreadableFile(t *testing.T) {
	e := newEngine()
	d := e.add(file{"empty.md", nil}, file{"bin.txt", []byte("a\x00b")})
	for i, want := range []string{"空文件", "二进制"} {
		v := e.view(d[i])
		if !strings.Contains(v.Error, want) || v.ErrorEN == "" || len(v.Diags) != 0 {
			t.Errorf("%s: error %q / %q, %d findings", v.Name, v.Error, v.ErrorEN, len(v.Diags))
		}
		if err := e.applyFix(d[i].ID, 0, 0); err == nil {
			t.Errorf("%s: a fix applied to an unreadable file", v.Name)
		}
	}
	if s, _ := cliJSON(e.loaded(), "zh"); s != "[]\n" {
		t.Errorf("JSON: %q", s)
	}
}
