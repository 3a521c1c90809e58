package lint_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"github.com/gdlint/gdlint/lint"
)

// An unclosed <!-- hides the skeleton an unsafe fix inserts, so the fix
// loop would insert it again on every round (and the file grow on every
// run): the loop must give up, leave the text alone and say so.
func TestFixThatDoesNotConvergeWritesNothing(t *testing.T) {
	text := "三、收到和处理政府信息公开申请情况\n<!-- x\n"
	res := lint.Check(lint.FromText("t.txt", text), lint.DefaultConfig(), lint.CheckOptions{Fix: true, Unsafe: true})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if res.Changed() || res.Fixed != text || res.FixedBytes != nil {
		t.Errorf("non-converging fixes were kept: %d bytes became %d", len(text), len(res.Fixed))
	}
	if !res.FixFailed || !strings.Contains(res.NotRewritten, "converge") {
		t.Errorf("FixFailed=%v NotRewritten=%q, want the non-convergence said", res.FixFailed, res.NotRewritten)
	}
}

// A doubled word repeated thousands of times is one finding whose one fix
// collapses the run: fixing is idempotent however long the run. (A doubled
// two-character word's fix is unsafe: --unsafe-fixes.)
func TestFixCollapsesLongDoubledRuns(t *testing.T) {
	for _, run := range []string{strings.Repeat("的", 3000), strings.Repeat("审核", 3000)} {
		text := "一、总体情况\n本机关" + run + "工作。\n"
		once := lint.Check(lint.FromText("t.txt", text), lint.DefaultConfig(), lint.CheckOptions{Fix: true, Unsafe: true})
		if once.FixFailed {
			t.Fatalf("%.6s…: %s", run, once.NotRewritten)
		}
		twice := lint.Check(lint.FromText("t.txt", once.Fixed), lint.DefaultConfig(), lint.CheckOptions{Fix: true, Unsafe: true})
		if twice.Changed() {
			t.Errorf("%.6s…: second --fix changed the text again (%d → %d bytes)", run, len(once.Fixed), len(twice.Fixed))
		}
		word := string([]rune(run)[:len([]rune(run))/3000])
		if strings.Contains(once.Fixed, word+word) {
			t.Errorf("%.6s…: the run was not collapsed to one %q", run, word)
		}
	}
}

// --fix on a UTF-16 file (Notepad's "Unicode", with its BOM) writes UTF-16
// with the BOM and CRLF kept: only the fixed characters change.
func TestFixKeepsUTF16(t *testing.T) {
	for _, enc := range []struct {
		name string
		e    encoding.Encoding
		bom  []byte
	}{
		{"LE", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), []byte{0xff, 0xfe}},
		{"BE", unicode.UTF16(unicode.BigEndian, unicode.UseBOM), []byte{0xfe, 0xff}},
	} {
		raw, err := enc.e.NewEncoder().Bytes([]byte("一、总体情况\r\n本机关的的工作。\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		res := lint.Check(lint.FromBytes("t.txt", raw), lint.DefaultConfig(), lint.CheckOptions{Fix: true})
		if res.Err != nil || !res.Changed() {
			t.Fatalf("%s: err %v, changed %v", enc.name, res.Err, res.Changed())
		}
		want, _ := enc.e.NewEncoder().Bytes([]byte("一、总体情况\r\n本机关的工作。\r\n"))
		if !bytes.HasPrefix(res.FixedBytes, enc.bom) || !bytes.Equal(res.FixedBytes, want) {
			t.Errorf("%s: fixed bytes % x, want % x", enc.name, res.FixedBytes, want)
		}
	}
}
