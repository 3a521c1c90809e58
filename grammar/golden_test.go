package grammar_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/tools/txtar"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
)

var update = flag.Bool("update", false, "rewrite dump.json of testdata/grammar/*.txtar (review the diff by hand!)")

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
// .gb18030 encodes the text in GB18030, .bom puts a UTF-8 BOM first. The
// decoded source is then checked to give back exactly the archived text
// (with CRLF), and the dump's file name is report.txt / report.md.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../testdata/grammar/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata/grammar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runGolden(t, file)
		})
	}
}

// goldenInput is the report of one archive, as bytes on disk.
type goldenInput struct {
	name     string // report.txt or report.md
	text     string // the UTF-8 text the source must decode to
	raw      []byte
	encoding grammar.Encoding
	crlf     bool
}

func readGolden(t testing.TB, file string) (ar *txtar.Archive, in *goldenInput, want, wantLabels *txtar.File) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ar.Files {
		f := &ar.Files[i]
		switch {
		case strings.HasPrefix(f.Name, "report."):
			if in != nil {
				t.Fatalf("two reports in %s", file)
			}
			in = buildInput(t, f.Name, string(f.Data))
		case f.Name == "dump.json":
			want = f
		case f.Name == "labels":
			wantLabels = f
		default:
			t.Fatalf("unknown file %q in %s", f.Name, file)
		}
	}
	if in == nil {
		t.Fatalf("no report.* in %s", file)
	}
	return ar, in, want, wantLabels
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
	for _, d := range parts[1 : len(parts)-1] {
		switch d {
		case "crlf":
			in.crlf = true
		case "bom":
			bom = true
		case "gb18030":
			gb = true
		default:
			t.Fatalf("%s: unknown directive %q (crlf, bom, gb18030)", name, d)
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

func runGolden(t *testing.T, file string) {
	ar, in, want, wantLabels := readGolden(t, file)
	src := in.decode(t)
	rep := grammar.Parse(src)
	checkSpans(t, rep)
	checkCellsHoldTheirText(t, rep)
	got := dumpJSON(t, rep)
	gotLabels := []byte(labelLines(rep))
	if *update {
		var files []txtar.File
		for _, f := range ar.Files {
			if strings.HasPrefix(f.Name, "report.") {
				files = append(files, f)
			}
		}
		files = append(files, txtar.File{Name: "dump.json", Data: got})
		if len(gotLabels) > 0 {
			files = append(files, txtar.File{Name: "labels", Data: gotLabels})
		}
		ar.Files = files
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want == nil {
		t.Fatal("no dump.json (run with -update, then review it)")
	}
	if !bytes.Equal(got, want.Data) {
		t.Errorf("dump differs from dump.json (run with -update and review the diff):\n%s", lineDiff(string(want.Data), string(got)))
	}
	var wl []byte
	if wantLabels != nil {
		wl = wantLabels.Data
	}
	if !bytes.Equal(gotLabels, wl) {
		t.Errorf("labels differ (run with -update and review the diff):\n%s", lineDiff(string(wl), string(gotLabels)))
	}
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

// lineDiff shows the first lines where want and got differ, with context.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	from := max(i-6, 0)
	for k := from; k < i; k++ {
		b.WriteString("  " + w[k] + "\n")
	}
	for k := i; k < len(w) && k < i+8; k++ {
		b.WriteString("- " + w[k] + "\n")
	}
	for k := i; k < len(g) && k < i+8; k++ {
		b.WriteString("+ " + g[k] + "\n")
	}
	return b.String()
}
