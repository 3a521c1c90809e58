package grammar_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	utf16pkg "unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
)

// Golden cases live in ../testdata/grammar/*.txtar. Each holds a report and
// the `gdlint dump` JSON expected for it:
//
//	-- report[.bom][.gb18030][.crlf].txt -- (or .md) the report, as UTF-8 text
//	-- dump.json --                           (*grammar.Report).Dump(), indented
//	-- labels --                              every table label not written exactly
//	                                          as the template writes it (the dump has
//	                                          no labels): LINE:COL table kind "text" -> "canonical" how
//
// txtar holds only UTF-8 text with LF line ends, so the bytes the parser sees
// are built from the name's directives: .crlf turns every LF into CRLF,
// .gb18030 encodes the text in GB18030, .bom puts a UTF-8 BOM first,
// .utf16le and .utf16be spell it in UTF-16 after its BOM. The
// decoded source is then checked to give back exactly the archived text
// (with CRLF), and the dump's file name is report.txt / report.md.
func TestGolden(t *testing.T) {
	testshared.EachGolden(t, "../testdata/grammar/*.txtar", runGolden)
}

// goldenInput is the report of one archive, as bytes on disk.
type goldenInput struct {
	name     string // report.txt or report.md
	text     string // the UTF-8 text the source must decode to
	raw      []byte
	encoding grammar.Encoding
	crlf     bool
}

// readGolden reads an archive and builds its report's bytes.
func readGolden(t testing.TB, file string) (*testshared.Golden, *goldenInput) {
	t.Helper()
	g := testshared.ReadGolden(t, file)
	return g, goldenReport(t, g)
}

// goldenReport builds the bytes of the archive's report.
func goldenReport(t testing.TB, g *testshared.Golden) *goldenInput {
	t.Helper()
	file := g.File
	var in *goldenInput
	for _, f := range g.Archive.Files {
		switch {
		case strings.HasPrefix(f.Name, "report."):
			if in != nil {
				t.Fatalf("two reports in %s", file)
			}
			in = buildInput(t, f.Name, string(f.Data))
		case f.Name != "dump.json" && f.Name != "labels":
			t.Fatalf("unknown file %q in %s", f.Name, file)
		}
	}
	if in == nil {
		t.Fatalf("no report.* in %s", file)
	}
	return in
}

func buildInput(t testing.TB, name, text string) *goldenInput {
	t.Helper()
	parts := strings.Split(name, ".")
	ext := parts[len(parts)-1]
	if ext != "txt" && ext != "md" {
		t.Fatalf("%s: extension must be .txt or .md", name)
	}
	in := &goldenInput{name: "report." + ext, encoding: grammar.UTF8}
	bom, gb := false, false
	var utf16 binary.AppendByteOrder
	for _, d := range parts[1 : len(parts)-1] {
		switch d {
		case "crlf":
			in.crlf = true
		case "bom":
			bom = true
		case "gb18030":
			gb = true
		case "utf16le":
			utf16, in.encoding = binary.LittleEndian, grammar.UTF16LE
		case "utf16be":
			utf16, in.encoding = binary.BigEndian, grammar.UTF16BE
		default:
			t.Fatalf("%s: unknown directive %q (crlf, bom, gb18030, utf16le, utf16be)", name, d)
		}
	}
	if in.crlf {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	in.text = text
	in.raw = []byte(text)
	if gb {
		raw, err := simplifiedchinese.GB18030.NewEncoder().Bytes(in.raw)
		if err != nil {
			t.Fatalf("%s: encode GB18030: %v", name, err)
		}
		in.raw, in.encoding = raw, grammar.GB18030
	}
	if bom {
		in.raw, in.encoding = append([]byte("\xef\xbb\xbf"), in.raw...), grammar.UTF8BOM
	}
	if utf16 != nil {
		// spelt out by hand, BOM first, not with the codec under test
		in.raw = utf16.AppendUint16(nil, 0xfeff)
		for _, u := range utf16pkg.Encode([]rune(text)) {
			in.raw = utf16.AppendUint16(in.raw, u)
		}
	}
	return in
}

// decode decodes the archived report and checks the source round trip.
func (in *goldenInput) decode(t testing.TB) *grammar.Source {
	t.Helper()
	src, err := input.Decode(in.name, in.raw)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if src.Text != in.text {
		t.Fatalf("decoded text differs from the archived text")
	}
	if src.Encoding != in.encoding {
		t.Errorf("encoding = %v, want %v", src.Encoding, in.encoding)
	}
	if src.CRLF != in.crlf {
		t.Errorf("CRLF = %v, want %v", src.CRLF, in.crlf)
	}
	back, err := input.Encode(src, src.Text)
	if err != nil || !bytes.Equal(back, in.raw) {
		t.Errorf("Encode(Text) does not give back the original bytes (err %v)", err)
	}
	return src
}

func dumpJSON(t testing.TB, rep *grammar.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep.Dump()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func runGolden(t *testing.T, g *testshared.Golden) {
	src := goldenReport(t, g).decode(t)
	rep := grammar.Parse(src)
	checkSpans(t, rep)
	checkCellsHoldTheirText(t, rep)
	g.Check("dump.json", dumpJSON(t, rep))
	g.CheckOptional("labels", []byte(labelLines(rep)), nil)
}

// labelLines lists the labels of every table that are not written exactly as
// the template writes them: variants, truncations, typos, labels broken by
// spaces or line breaks, labels given by position.
func labelLines(r *grammar.Report) string {
	var b strings.Builder
	for _, t := range r.Tables {
		if t == nil {
			continue
		}
		for _, l := range t.Labels {
			if l.Normalized {
				continue
			}
			p := r.Source.CharPos(l.Span.Start)
			how := l.How
			if how == "" {
				how = "spacing"
			}
			fmt.Fprintf(&b, "%d:%d table%d %s %q -> %q exact=%v %s\n", p.Line+1, p.Col+1, t.ID, l.Kind, l.Text, l.Canonical, l.Exact, how)
		}
	}
	return b.String()
}
