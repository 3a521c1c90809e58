package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
	_ "github.com/gdlint/gdlint/lint/rules" // the engine's tests run the real rules
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
	res := lint.Check(lint.FromBytes("r.txt", raw), lint.DefaultConfig(), lint.CheckOptions{Fix: true})
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
		res := lint.Check(lint.FromBytes(name+".txt", raw), lint.DefaultConfig(), lint.CheckOptions{Fix: true})
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
	res := lint.Check(lint.FromBytes("r.html", []byte(html)), lint.DefaultConfig(), lint.CheckOptions{Fix: true})
	if res.Err != nil {
		t.Fatalf("html reader: %v", res.Err)
	}
	if res.Changed() || res.FixedBytes != nil || !strings.Contains(res.NotRewritten, ".docx, .html and .pdf") {
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
			res := lint.Check(lint.FromBytes(p, raw), cfg, lint.CheckOptions{Fix: true, Unsafe: unsafe})
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

// An editor's text and a file's bytes go through the same pipeline: the same
// findings, the same fixed text, the same gate.
func TestCheckTextAndBytesAgree(t *testing.T) {
	text := doubled(t)
	o := lint.CheckOptions{Options: &lint.Options{Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}, Fix: true}
	fromText := lint.Check(lint.FromText("r.txt", text), lint.DefaultConfig(), o)
	fromBytes := lint.Check(lint.FromBytes("r.txt", []byte(text)), lint.DefaultConfig(), o)
	if fromText.Err != nil || fromBytes.Err != nil {
		t.Fatal(fromText.Err, fromBytes.Err)
	}
	if !fromText.Annual || fromText.FixCount != 1 || fromText.Fixed != fromBytes.Fixed ||
		!reflect.DeepEqual(fromText.Diagnostics, fromBytes.Diagnostics) {
		t.Errorf("text: annual %v, %d fixes, %v; bytes: %v", fromText.Annual, fromText.FixCount, fromText.Diagnostics, fromBytes.Diagnostics)
	}
}

// A document that is not a report is said to be one, once, with the reason,
// and the checks the gate switched off stay off; an empty buffer gets nothing.
func TestCheckGate(t *testing.T) {
	res := lint.Check(lint.FromText("notes.md", "# 会议纪要\n\n本周讨论了年度报告的填写。\n"), lint.DefaultConfig(), lint.CheckOptions{})
	if res.Err != nil || res.Annual {
		t.Fatalf("err %v, annual %v", res.Err, res.Annual)
	}
	var gate []lint.Diagnostic
	for _, d := range res.Diagnostics {
		switch d.Rule {
		case lint.NotAReportRule:
			gate = append(gate, d)
		case "GD-S007", "GD-D001":
			t.Errorf("gated rule fired: %s %s", d.Rule, d.Message)
		}
	}
	if len(gate) != 1 || gate[0].Severity != lint.Info || !strings.Contains(gate[0].Message, "找不到报告标题") ||
		!strings.Contains(gate[0].MessageEN, "no title") || res.Source.Slice(gate[0].Span) != "# 会议纪要" {
		t.Errorf("gate finding: %+v", gate)
	}
	empty := lint.Check(lint.FromText("untitled.md", "\n  \n"), lint.DefaultConfig(), lint.CheckOptions{})
	if empty.Err != nil || len(empty.Diagnostics) != 0 {
		t.Errorf("empty buffer: %v %v", empty.Err, empty.Diagnostics)
	}
	if rep := lint.Check(lint.FromText("r.txt", cleanReport(t)), lint.DefaultConfig(), lint.CheckOptions{}); !rep.Annual {
		t.Errorf("the clean example is not taken for a report")
	}
}
