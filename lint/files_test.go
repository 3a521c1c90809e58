package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// --fix on a GB18030 file with CRLF line endings changes the fixed bytes
// and nothing else.
func TestCheckFileFixGB18030CRLF(t *testing.T) {
	text := strings.ReplaceAll(doubled(t), "\n", "\r\n")
	raw, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res := lint.CheckFile("r.txt", raw, lint.DefaultConfig(), lint.CheckOptions{Fix: true})
	if res.Err != nil || res.FixCount != 1 || len(res.Diagnostics) != 0 {
		t.Fatalf("err %v, %d fixes, remaining %v", res.Err, res.FixCount, res.Diagnostics)
	}
	want, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(strings.ReplaceAll(cleanReport(t), "\n", "\r\n")))
	if !bytes.Equal(res.FixedBytes, want) {
		t.Errorf("fixed bytes differ from the clean report beyond the fix")
	}
	if res.Source.Encoding != grammar.GB18030 {
		t.Errorf("source of the fixed text says %s", res.Source.Encoding)
	}
	// positions of what remains point into the fixed text
	if !res.Changed() || res.Source.Text != res.Fixed {
		t.Errorf("result does not describe the fixed text")
	}
}

func TestFixTextWritesCRLFInCRLFFiles(t *testing.T) {
	// the unused-suppression fix deletes a whole line; with CRLF the line
	// break it removes is "\r\n", and nothing is left half
	text := strings.ReplaceAll(withEdit(t, cleanReport(t), "完成2015年", "<!-- gdlint-disable-next-line GD-W003 -->\n完成2015年"), "\n", "\r\n")
	fixed, n := lint.DefaultConfig().FixText("r.txt", text, nil, false)
	if n != 1 || fixed != strings.ReplaceAll(cleanReport(t), "\n", "\r\n") {
		t.Errorf("%d edits; fixed text differs from the clean CRLF report", n)
	}
}

func TestCheckFileBadInput(t *testing.T) {
	cases := map[string][]byte{
		"empty":  []byte("  \n"),
		"binary": []byte("abc\x00def"),
		"bad":    {0xff, 0xfe, 0x81, 0x20, 0xff},
	}
	for name, raw := range cases {
		res := lint.CheckFile(name+".txt", raw, lint.DefaultConfig(), lint.CheckOptions{Fix: true})
		if res.Err == nil || res.Source != nil || res.FixedBytes != nil {
			t.Errorf("%s: %+v", name, res)
		}
		if report.ErrorText(res.Err, "zh") == res.Err.Error() && name != "bad" {
			t.Errorf("%s: error not translated: %v", name, res.Err)
		}
	}
}

func TestContainersAreNotRewritten(t *testing.T) {
	html := "<html><body><p>" + strings.ReplaceAll(doubled(t), "\n", "</p><p>") + "</p></body></html>"
	res := lint.CheckFile("r.html", []byte(html), lint.DefaultConfig(), lint.CheckOptions{Fix: true})
	if res.Err != nil {
		t.Fatalf("html reader: %v", res.Err)
	}
	if res.Changed() || res.FixedBytes != nil || !strings.Contains(res.NotRewritten, ".docx and .html") {
		t.Errorf("html rewritten: changed %v, reason %q", res.Changed(), res.NotRewritten)
	}
}

// Applying every fix (safe and unsafe) to every report the tests have
// reaches a fixpoint: fixing the fixed text again changes nothing, and the
// result still encodes in the file's encoding.
func TestFixesReachAFixpoint(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/examples/*", "../../shared/seeds/*.txt", "../../shared/corpus/*.txt", "../../shared/corpus/*.md"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 4 {
		t.Fatalf("only %d reports", len(files))
	}
	cfg := lint.DefaultConfig()
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, unsafe := range []bool{false, true} {
			res := lint.CheckFile(p, raw, cfg, lint.CheckOptions{Fix: true, Unsafe: unsafe})
			if res.Err != nil {
				t.Fatalf("%s: %v", p, res.Err)
			}
			if res.NotRewritten != "" {
				t.Errorf("%s: not rewritten: %s", p, res.NotRewritten)
				continue
			}
			again, n := cfg.FixText(p, res.Fixed, nil, unsafe)
			if again != res.Fixed {
				t.Errorf("%s (unsafe %v): a second --fix applied %d more edits", filepath.Base(p), unsafe, n)
			}
		}
	}
}
