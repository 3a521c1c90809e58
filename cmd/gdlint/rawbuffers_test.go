package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/internal/testshared"
)

// TestReusedBuffersChangeNoOutput: a streaming batch reads each file into a
// buffer that is handed back, cleared, once the file is printed
// (rawBuffers). Every output is the same as with a buffer of its own per
// file: each streamed format, the batch outputs, the cross-year findings
// printed at the end, and --fix, over the real reports, the test reports
// and 40 generated reports of eight bodies' consecutive years (with every
// cross-year finding). A reference to a file's bytes kept past its printing
// would read zeros, or the next file's text, and show here.
func TestReusedBuffersChangeNoOutput(t *testing.T) {
	shared := testshared.Dir(t)
	gen := t.TempDir()
	batchtest.WriteTree(t, filepath.Join(gen, "tree"))
	bodies := []string{batchtest.BodyA, batchtest.BodyB, "乙县教育局", "丁镇人民政府", "戊区卫生健康委员会", "己市生态环境局", "庚县财政局", "辛区民政局"}
	for b, body := range bodies {
		for y := 2020; y <= 2024; y++ {
			s := batchtest.Spec{Body: body, Year: y, New: 5 + b + y%7, Carried: y % 3, Public: 4 + b, Issued: b, InForce: 20 + y%5, Seed: uint64(b*31 + y)}
			if s.CarryOver() < 0 {
				s.Public = s.New + s.Carried
			}
			if y%2 == 0 {
				s.Prose = batchtest.CopiedProse() // the same prose in consecutive years: GD-Y003
			}
			batchtest.Write(t, gen, fmt.Sprintf("years/%d/%d.txt", b, y), batchtest.Render(t, s))
		}
	}
	// the seeds as Word documents too: a .docx is read into a buffer and
	// unzipped, its text made anew
	for i, seed := range testshared.Seeds(t) {
		text, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		batchtest.Write(t, gen, fmt.Sprintf("docx/%d.docx", i), docxOfText(t, string(text)))
	}
	inputs := []string{filepath.Join(shared, "seeds"), filepath.Join(shared, "corpus"),
		"../../testdata/examples", "../../testdata/crawler", "../../testdata/containers", gen}
	common := []string{"--today", "2025-06-01", "--jobs", "2", "--fail-on", "never"}
	runs := [][]string{
		{"--format", "json"},
		{"--format", "json-lines", "--lang", "en", "--unsafe-fixes"},
		{"--format", "text", "--show-source", "--color", "never"},
		{"--format", "text", "--statistics"},
		{"-q", "--format", "json", "--report-json", "@/batch.json", "--report-html", "@/batch.html", "--report-xlsx", "@/batch.xlsx"},
	}
	outputs := func(reuse bool) map[string][]byte {
		reuseRawBuffers = reuse
		defer func() { reuseRawBuffers = true }()
		out := t.TempDir()
		got := map[string][]byte{}
		for i, run := range runs {
			args := append([]string(nil), common...)
			for _, a := range run {
				args = append(args, a)
				if len(a) > 1 && a[0] == '@' {
					args[len(args)-1] = out + a[1:]
				}
			}
			var stdout, stderr bytes.Buffer
			code := runCheck(append(args, inputs...), nil, &stdout, &stderr)
			got[fmt.Sprint("run ", i, " ", run)] = fmt.Appendf(stdout.Bytes(), "\n--stderr--\n%s\n--exit %d--", stderr.Bytes(), code)
		}
		for _, name := range []string{"batch.json", "batch.html", "batch.xlsx"} {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			got[name] = b
		}
		// --fix rewrites copies of the test reports; what it prints and writes
		fixed := filepath.Join(out, "fix")
		if err := os.CopyFS(fixed, os.DirFS("../../testdata")); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		runCheck(append(append([]string(nil), common...), "--fix", "--format", "json", fixed), nil, &stdout, &stderr)
		// the same output but for the directory's name
		got["--fix output"] = bytes.ReplaceAll(append(stdout.Bytes(), stderr.Bytes()...), []byte(fixed), []byte("FIXED"))
		err := filepath.WalkDir(fixed, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			rel, _ := filepath.Rel(fixed, path)
			got["fixed "+rel] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	before := rawHandedBack.Load()
	reused := outputs(true)
	handedBack := rawHandedBack.Load() - before
	own := outputs(false)
	if handedBack < 100 {
		t.Errorf("%d buffers handed back: the test does not reuse them", handedBack)
	}
	if rawHandedBack.Load()-before != handedBack {
		t.Errorf("buffers handed back with reuseRawBuffers off")
	}
	for name, want := range own {
		if got := reused[name]; !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes with buffers reused, %d with a buffer a file; first difference at byte %d", name, len(got), len(want), firstDifference(got, want))
		}
	}
	if len(reused) != len(own) {
		t.Errorf("%d outputs with buffers reused, %d without", len(reused), len(own))
	}
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// docxOfText is a Word document of text's lines, a paragraph each, tabs as
// Word's tabs.
func docxOfText(t *testing.T, text string) []byte {
	t.Helper()
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, line := range strings.Split(strings.TrimPrefix(text, "\ufeff"), "\n") {
		doc.WriteString("<w:p>")
		for i, part := range strings.Split(strings.TrimSuffix(line, "\r"), "\t") {
			if i > 0 {
				doc.WriteString("<w:r><w:tab/></w:r>")
			}
			doc.WriteString(`<w:r><w:t xml:space="preserve">`)
			if err := xml.EscapeText(&doc, []byte(part)); err != nil {
				t.Fatal(err)
			}
			doc.WriteString("</w:t></w:r>")
		}
		doc.WriteString("</w:p>")
	}
	doc.WriteString("<w:sectPr/></w:body></w:document>")
	return batchtest.DOCX(t, doc.String())
}
