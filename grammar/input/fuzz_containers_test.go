package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/reportcheck"
)

// checkSpans fails when any span of r lies outside Source.Text, runs
// backwards, or cuts a character in two.
func checkSpans(t *testing.T, r *grammar.Report) {
	t.Helper()
	if errs := reportcheck.SpanErrors(r); len(errs) > 0 {
		t.Fatalf("%d bad spans, first: %s", len(errs), errs[0])
	}
}

func addFixtureSeeds(f *testing.F) {
	for _, name := range []string{"report.html", "report-gb2312.html"} {
		if raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "containers", name)); err == nil {
			f.Add(raw)
		}
	}
}

func FuzzParseHTML(f *testing.F) {
	addFixtureSeeds(f)
	for _, s := range []string{
		`<p>一、总体情况</p><table><tr><td>规章</td><td>0</td><td></td><td>&#49;2</td></tr></table>`,
		`<table><tr><td rowspan=2>三<td colspan=2>（一）予以公开<td>5<tr><td>1.<td>&nbsp;</table>`,
		`<table><tr><td><table><tr><td>a</td></tr></table><p>b<p>c</td></tr></table>`,
		"<pre>a\tb\n\n c</pre><p>&ampx &notit; &#x1F600; &#0;</p><br></br></p>",
		`<head><title>x<body><script>1</script><p hidden>2</p><div style="display:none">3</div>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := Parse("fuzz.html", raw)
		if err != nil {
			return
		}
		checkSpans(t, r)
		v := HTMLView(r.Source.Text)
		for vs, ss := range v.Pieces() {
			if ss.Start < 0 || ss.End > len(r.Source.Text) || vs.End > len(v.Text) {
				t.Fatalf("piece %v -> %v outside the texts", vs, ss)
			}
			// a collapsed one-byte whitespace ("\n" shown as " ") or an
			// entity ("&#0" for U+FFFD) can have equal lengths too; any
			// other piece of equal length is a copy
			sp := r.Source.Slice(ss)
			if vs.Len() == ss.Len() && v.Text[vs.Start:vs.End] != sp && !strings.Contains(sp, "&") &&
				!(v.Text[vs.Start:vs.End] == " " && isHTMLSpace(sp[0])) {
				t.Fatalf("copied piece %v -> %v differs from its source", vs, ss)
			}
		}
	})
}

func FuzzDOCXDocument(f *testing.F) {
	f.Add([]byte(docxHead + reportDOCX() + docxTail))
	// numbering definitions and numbered paragraphs in one input: the fuzzer
	// mutates both (the same bytes are read as numbering, styles and document)
	f.Add([]byte(numberingXML[strings.Index(numberingXML, "<w:numbering"):strings.Index(numberingXML, "</w:numbering>")] +
		stylesXML[strings.Index(stylesXML, "<w:style "):strings.Index(stylesXML, "</w:styles>")] +
		numbered("1", "", "", "总体情况") + numbered("2", "", "", "规章") + numbered("", "3", "2", "其他") + "</w:numbering>"))
	f.Add([]byte(docxHead + `<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>` + docxTail))
	f.Fuzz(func(t *testing.T, doc []byte) {
		ex := &docxExtractor{num: parseNumbering(doc, doc)}
		if ex.run(doc) != nil {
			return
		}
		text := ex.out.String()
		if !utf8.ValidString(text) {
			t.Fatalf("extracted text is not UTF-8: %q", text)
		}
		if text == "" {
			return
		}
		src := grammar.NewSource("fuzz.docx", text)
		src.SetView(grammar.IdentityView(text), "docx")
		checkSpans(t, grammar.Parse(src))
	})
}
