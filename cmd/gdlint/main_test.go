package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gdlint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// The command line's behaviour as scripts in testdata/script: exit codes,
// stdout and stderr, files before and after --fix. $EXAMPLES holds a copy
// of the bundled example reports.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../testdata/examples")
	if err != nil {
		t.Fatal(err)
	}
	schema, err := filepath.Abs("../../report/testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	// one compiled PDF engine for all scripts (testscript's HOME has no cache)
	pdfCache := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv("GDLINT_CACHE_DIR", pdfCache)
			dst := filepath.Join(env.WorkDir, "examples")
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return err
			}
			entries, err := os.ReadDir(examples)
			if err != nil {
				return err
			}
			for _, e := range entries {
				b, err := os.ReadFile(filepath.Join(examples, e.Name()))
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
					return err
				}
			}
			// the test PDFs of grammar/input/pdf, in pdf/
			pdfs := filepath.Join(env.WorkDir, "pdf")
			if err := os.MkdirAll(pdfs, 0o755); err != nil {
				return err
			}
			for _, name := range []string{"report.pdf", "scanned.pdf"} {
				b, err := os.ReadFile(filepath.Join("..", "..", "grammar", "input", "pdf", "testdata", "pdf", name))
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(pdfs, name), b, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits N cmd args...: run cmd and require exit status N
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				err = ts.Exec(args[1], args[2:]...)
				got := 0
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					got = ee.ExitCode()
				} else if err != nil {
					ts.Fatalf("%v", err)
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
			// maxrss MB N cmd args...: run cmd, require exit status N and a
			// peak resident memory (the process's max RSS) under MB MiB; its
			// stdout and stderr go to the files rss.stdout and rss.stderr
			"maxrss": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 3 {
					ts.Fatalf("usage: maxrss MB N command [args...]")
				}
				limit, err := strconv.Atoi(args[0])
				ts.Check(err)
				want, err := strconv.Atoi(args[1])
				ts.Check(err)
				exe := ""
				for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
					if p := filepath.Join(dir, args[2]); fileExists(p) {
						exe = p
						break
					}
				}
				if exe == "" {
					ts.Fatalf("%s not found on PATH", args[2])
				}
				cmd := exec.Command(exe, args[3:]...)
				cmd.Dir = ts.Getenv("WORK")
				cmd.Env = append(os.Environ(), "NO_COLOR=", "HOME="+ts.Getenv("HOME"))
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err = cmd.Run()
				var ee *exec.ExitError
				if err != nil && !errors.As(err, &ee) {
					ts.Fatalf("%v", err)
				}
				ts.Check(os.WriteFile(ts.MkAbs("rss.stdout"), stdout.Bytes(), 0o644))
				ts.Check(os.WriteFile(ts.MkAbs("rss.stderr"), stderr.Bytes(), 0o644))
				if got := cmd.ProcessState.ExitCode(); got != want {
					ts.Fatalf("%s exited %d, want %d\n%s", args[2], got, want, stderr.Bytes())
				}
				rss := maxRSS(cmd.ProcessState)
				ts.Logf("max RSS %d MiB", rss>>20)
				if rss > int64(limit)<<20 {
					ts.Fatalf("%s peaked at %d MiB resident, over %d MiB", args[2], rss>>20, limit)
				}
			},
			// deepdocx FILE N: a .docx whose document.xml nests N elements
			// (a few KiB zipped)
			"deepdocx": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: deepdocx file n")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				var buf bytes.Buffer
				zw := zip.NewWriter(&buf)
				w, err := zw.Create("word/document.xml")
				ts.Check(err)
				io.WriteString(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>`)
				io.WriteString(w, strings.Repeat("<w:x>", n))
				io.WriteString(w, strings.Repeat("</w:x>", n))
				io.WriteString(w, `</w:body></w:document>`)
				ts.Check(zw.Close())
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
			},
			// gb18030 [-crlf] SRC DST: write SRC (UTF-8) as GB18030
			"gb18030": func(ts *testscript.TestScript, neg bool, args []string) {
				crlf := len(args) > 0 && args[0] == "-crlf"
				if crlf {
					args = args[1:]
				}
				if len(args) != 2 {
					ts.Fatalf("usage: gb18030 [-crlf] src dst")
				}
				text := ts.ReadFile(args[0])
				if crlf {
					text = strings.ReplaceAll(text, "\n", "\r\n")
				}
				b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), b, 0o644))
			},
			// bytesdiff A B N: files A and B differ in exactly N byte runs
			"bytesdiff": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: bytesdiff a b runs")
				}
				a, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				b, err := os.ReadFile(ts.MkAbs(args[1]))
				ts.Check(err)
				want, _ := strconv.Atoi(args[2])
				if got := diffRuns(a, b); got != want {
					ts.Fatalf("%s and %s differ in %d places, want %d", args[0], args[1], got, want)
				}
			},
			// sarifvalid FILE: FILE validates against the SARIF 2.1.0 schema
			"sarifvalid": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: sarifvalid file")
				}
				f, err := os.Open(schema)
				ts.Check(err)
				defer f.Close()
				doc, err := jsonschema.UnmarshalJSON(f)
				ts.Check(err)
				c := jsonschema.NewCompiler()
				ts.Check(c.AddResource("sarif.json", doc))
				sch, err := c.Compile("sarif.json")
				ts.Check(err)
				inst, err := jsonschema.UnmarshalJSON(strings.NewReader(ts.ReadFile(args[0])))
				ts.Check(err)
				err = sch.Validate(inst)
				if neg && err == nil {
					ts.Fatalf("%s validates", args[0])
				}
				if !neg && err != nil {
					ts.Fatalf("%s does not validate: %v", args[0], err)
				}
			},
		},
	})
}

// diffRuns counts the maximal runs where a and b differ, aligning them on
// their common prefix and suffix recursively (enough for a few small edits).
func diffRuns(a, b []byte) int {
	if bytes.Equal(a, b) {
		return 0
	}
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	a, b = a[p:], b[p:]
	// the next point where the rest of both agree for 16 bytes
	for i := 0; i <= len(a); i++ {
		for j := 0; j <= len(b) && j <= i+8; j++ {
			k := 0
			for i+k < len(a) && j+k < len(b) && a[i+k] == b[j+k] && k < 16 {
				k++
			}
			if k == 16 || i+k == len(a) && j+k == len(b) {
				return 1 + diffRuns(a[i:], b[j:])
			}
		}
	}
	return 1
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
