package pdf_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/grammar/input/pdf"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	_ "github.com/gdlint/gdlint/lint/rules" // the real rules
)

func readPDF(t *testing.T, path string) *grammar.Report {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src, err := input.Read(path, raw)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return grammar.Parse(src)
}

func readText(t *testing.T, path string) *grammar.Report {
	t.Helper()
	rep, err := input.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// finding is a diagnostic without its position: the PDF's text and the
// clean text differ in lines (page numbers), not in what is found.
func findings(rep *grammar.Report, skip func(lint.Diagnostic) bool) []string {
	var out []string
	for _, d := range lint.Run(rep, nil, nil) {
		if skip != nil && skip(d) {
			continue
		}
		out = append(out, d.Rule+" "+d.Message+" @"+rep.Source.Slice(d.Span))
	}
	slices.Sort(out)
	return out
}

func isPageNumber(rep *grammar.Report) func(lint.Diagnostic) bool {
	return func(d lint.Diagnostic) bool {
		for _, x := range rep.Residue {
			if x.Kind == "page-number" && x.Span == d.Span {
				return true
			}
		}
		return false
	}
}

// A real published report: the findings on the PDF are those on the same
// report typed as clean text, plus one per page number.
func TestReal001SameFindingsAsCleanText(t *testing.T) {
	path := testshared.Corpus(t, "pdf/001.pdf")
	rep := readPDF(t, path)
	clean := readText(t, filepath.Join("testdata", "001.txt"))

	got := findings(rep, isPageNumber(rep))
	want := findings(clean, nil)
	if len(want) == 0 {
		t.Fatal("no finding on the clean text: are the rules linked?")
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings on the PDF differ from the clean text\nPDF:\n%s\nclean text:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var pages []string
	for _, x := range rep.Residue {
		if x.Kind == "page-number" {
			pages = append(pages, fmt.Sprintf("%s@%d", x.Text, rep.Source.Page(x.Span.Start)))
		}
	}
	if want := []string{"- 1 -@1", "- 2 -@2", "- 3 -@3", "- 4 -@4", "- 5 -@5"}; !slices.Equal(pages, want) {
		t.Errorf("page numbers as residue: got %v, want %v", pages, want)
	}
}

// Every row of table 三 is read with its seven values, the page number
// between its two pages included nowhere, and the （七） column checked.
func TestReal001Table3(t *testing.T) {
	rep := readPDF(t, testshared.Corpus(t, "pdf/001.pdf"))
	t3 := rep.Table(3)
	if t3 == nil {
		t.Fatal("table 三 not found")
	}
	for _, u := range rep.Unplaced {
		if strings.Contains(u.Text, "-") || u.Table == 3 && strings.TrimSpace(u.Text) == "" {
			t.Errorf("unplaced in table %d: %q (%s)", u.Table, u.Text, u.Reason)
		}
	}
	for _, d := range lint.Run(rep, nil, nil) {
		if strings.Contains(d.Message, "页码") && d.Rule != "GD-W002" {
			t.Errorf("a page number in a finding: %s %s", d.Rule, d.Message)
		}
	}
	// the values of the rows on either side of the page break
	text := rep.Source.Text
	for _, row := range []string{
		"1.本机关不掌握相关政府信息\t31\t0\t0\t0\t0\t0\t31\n",
		"2.没有现成信息需要另行制作\t1\t0\t0\t0\t0\t0\t1\n",
		"5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n",
		"（七）总计\t\t95\t0\t0\t0\t0\t0\t95\n",
		"社会公益组织\t法律服务机构",
	} {
		if !strings.Contains(text, row) {
			t.Errorf("the text has no %q", row)
		}
	}
}

// The page of every place in the text: each page's first line is on it.
func TestReal001Pages(t *testing.T) {
	rep := readPDF(t, testshared.Corpus(t, "pdf/001.pdf"))
	src := rep.Source
	for _, c := range []struct {
		text string
		page int
	}{
		{"2024年政府信息公开工作年度报告", 1},
		{"（三）政府信息管理情况", 2},
		{"第二十条第（六）项", 3},
		{"2.没有现成信息需要另行制作", 4},
		{"各行政机关答复的方式", 5},
		{"六、其他需要报告的事项", 5},
	} {
		i := strings.Index(src.Text, c.text)
		if i < 0 {
			t.Errorf("%q not in the text", c.text)
			continue
		}
		if got := src.Page(i); got != c.page {
			t.Errorf("%q on page %d, want %d", c.text, got, c.page)
		}
	}
}

func TestNotAPDF(t *testing.T) {
	_, err := input.Read("x.pdf", []byte("just text"))
	var pe *pdf.Error
	if err == nil || !errorsAs(err, &pe) {
		t.Fatalf("want a pdf.Error, got %v", err)
	}
}

func errorsAs(err error, target **pdf.Error) bool {
	e, ok := err.(*pdf.Error)
	if ok {
		*target = e
	}
	return ok
}

// A report of our own laid out by LibreOffice (testdata/pdf/make.py): a
// title on two lines, justified paragraphs, table 三 with narrow columns
// (wrapped labels) crossing a page break with its header rows repeated, a
// running header, right-aligned page numbers, a last page that is only an
// image. Nothing may be found that the text report does not have: no
// spacing and no label finding from the layout.
func TestLibreOfficeReport(t *testing.T) {
	rep := readPDF(t, filepath.Join("testdata", "pdf", "report.pdf"))
	clean := readText(t, filepath.Join("testdata", "pdf", "report.txt"))
	imagePage := func(d lint.Diagnostic) bool { return d.Rule == "GD-S011" }
	got := findings(rep, func(d lint.Diagnostic) bool { return isPageNumber(rep)(d) || imagePage(d) })
	want := findings(clean, nil)
	if !slices.Equal(got, want) {
		t.Errorf("findings on the PDF differ from the text report\nPDF:\n%s\ntext:\n%s\n--- PDF text:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), rep.Source.Text)
	}
	if all := findings(rep, nil); len(all) != len(got)+6 {
		t.Errorf("%d findings, want the %d of the text, 5 page numbers and the image page", len(all), len(got))
	}
	// the last page is a picture of a page: said once, on its page number
	if !slices.Equal(rep.Source.ImagePages, []int{5}) {
		t.Errorf("image-only pages %v, want [5]", rep.Source.ImagePages)
	}
	var s011 []string
	for _, d := range lint.Run(rep, nil, nil) {
		if imagePage(d) {
			s011 = append(s011, d.Message+" @"+rep.Source.Slice(d.Span))
		}
	}
	if w := "第5页只有图片，没有文字：这些页面的内容未能读取，没有检查 @- 5 -"; len(s011) != 1 || s011[0] != w {
		t.Errorf("GD-S011 %q, want [%q]", s011, w)
	}
	n := 0
	for _, x := range rep.Residue {
		if x.Kind == "page-number" {
			n++
			if want := fmt.Sprintf("- %d -", n); x.Text != want || rep.Source.Page(x.Span.Start) != n {
				t.Errorf("page number %d: %q on page %d", n, x.Text, rep.Source.Page(x.Span.Start))
			}
		}
	}
	if n != 5 {
		t.Errorf("%d page numbers, want 5 (the image page has one too)", n)
	}
	text := rep.Source.Text
	if c := strings.Count(text, "（本列数据的勾稽关系为"); c != 1 {
		t.Errorf("table 三's header %d times, want once (repeated after the page break)", c)
	}
	if strings.Contains(text, "政务公开\n") {
		t.Error("the running header is in the text")
	}
	if ti := rep.Title; ti == nil || ti.Lines != 2 || ti.Year != 2024 || ti.Body != "江川市生态环境局" {
		t.Errorf("title: %+v", ti)
	}
	for _, want := range []string{"\t社会公益组织\t", "5.要求行政机关确认或重新出具已获取信息\t0", "（七）总计\t\t37\t3\t0\t1\t2\t0\t43\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text has no %q", want)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if !strings.Contains(line, "\t") && strings.Contains(line, " ") && !strings.HasPrefix(line, "- ") {
			t.Errorf("a space in a line of prose: %q", line)
		}
	}
	if t3 := rep.Table(3); t3 == nil {
		t.Error("table 三 not found")
	}
	sameParagraphs(t, rep, clean)
}

// sameParagraphs holds every paragraph of the text report to one line of
// the PDF's text: wrapped lines joined, paragraphs kept apart, in order.
func sameParagraphs(t *testing.T, rep, clean *grammar.Report) {
	t.Helper()
	text := rep.Source.Text
	at := 0
	for _, l := range strings.Split(clean.Source.Text, "\n") {
		if l == "" || strings.Contains(l, "\t") || strings.HasPrefix(l, "第二十条") || strings.HasSuffix(l, "年度报告") {
			continue
		}
		i := strings.Index(text[at:], "\n"+l+"\n")
		if i < 0 {
			t.Errorf("paragraph not read as one line in its place: %q", l)
			continue
		}
		at += i + 1
	}
}

// The first part set in two columns: read left column, then right, each
// paragraph whole; nothing found that the text report does not have.
func TestTwoColumns(t *testing.T) {
	rep := readPDF(t, filepath.Join("testdata", "pdf", "two-columns.pdf"))
	clean := readText(t, filepath.Join("testdata", "pdf", "report.txt"))
	got := findings(rep, isPageNumber(rep))
	want := findings(clean, nil)
	if !slices.Equal(got, want) {
		t.Errorf("findings on the PDF differ from the text report\nPDF:\n%s\ntext:\n%s\n--- PDF text:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), rep.Source.Text)
	}
	sameParagraphs(t, rep, clean)
}

func TestScanned(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pdf", "scanned.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = input.Read("scanned.pdf", raw)
	if err != pdf.ErrScanned {
		t.Fatalf("got %v, want ErrScanned", err)
	}
	if !strings.Contains(pdf.ErrScanned.Localized(false), "扫描件，没有文字层") {
		t.Errorf("message: %s", pdf.ErrScanned.Localized(false))
	}
}

// Extracting 001.pdf (5 pages) with the engine started: the figure for
// pages per second in the README.
func BenchmarkExtract001(b *testing.B) {
	raw, err := os.ReadFile(testshared.Corpus(b, "pdf/001.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := pdf.Extract(raw); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := pdf.Extract(raw); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(5*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// A real report saved as a web page (../shared/corpus/004.html) and printed
// by LibreOffice's web layout, where table rows break across pages: the
// findings are those of the web page. Only table 四 differs: the printout
// cuts its last three columns off at the page's edge.
func TestWebPagePrinted(t *testing.T) {
	rep := readPDF(t, filepath.Join("testdata", "pdf", "webpage-004.pdf"))
	html := readText(t, testshared.Corpus(t, "004.html"))
	cut := func(d lint.Diagnostic) bool {
		return isPageNumber(rep)(d) || strings.HasPrefix(d.Message, "表四")
	}
	got := findings(rep, cut)
	want := findings(html, func(d lint.Diagnostic) bool { return strings.HasPrefix(d.Message, "表四") })
	// the page leaves five columns of 表三 blank: one GD-T004 says so
	if !slices.ContainsFunc(want, func(f string) bool { return strings.HasPrefix(f, "GD-T004 表三") }) {
		t.Fatalf("no GD-T004 on 表三 among the web page's findings %q: are the rules linked?", want)
	}
	// positions differ (quoted source text is compared too): compare the
	// rule and message
	strip := func(fs []string) []string {
		out := make([]string, len(fs))
		for i, f := range fs {
			out[i] = f[:strings.LastIndex(f, " @")]
		}
		slices.Sort(out)
		return out
	}
	if g, w := strip(got), strip(want); !slices.Equal(g, w) {
		t.Errorf("findings differ\nPDF:\n%s\nweb page:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	for _, row := range []string{"二、上年结转政府信息公开申请数量\t0\t", "4.保护第三方合法权益\t0\t"} {
		if !strings.Contains(rep.Source.Text, row) {
			t.Errorf("the row cut by the page break is not joined: no %q", row)
		}
	}
}

// A PDF that needs a password, a cut-off file and bytes that are no PDF
// each get one clear error, never a panic or a flood.
func TestUnreadable(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pdf", "encrypted.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := input.Read("encrypted.pdf", raw); err != pdf.ErrPassword {
		t.Errorf("encrypted: got %v, want ErrPassword", err)
	}
	report, err := os.ReadFile(filepath.Join("testdata", "pdf", "report.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{20, 1000, len(report) / 2} {
		src, err := input.Read("cut.pdf", report[:n])
		var pe *pdf.Error
		if err == nil {
			// PDFium repairs what it can: what it read must still parse
			grammar.Parse(src)
			continue
		}
		if !errorsAs(err, &pe) {
			t.Errorf("cut at %d: %v is not a pdf.Error", n, err)
		}
	}
}
