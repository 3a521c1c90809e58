package batchreport

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/gdlint/gdlint/internal/batchtest"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
)

// chromium finds a headless browser. GDLINT_CHROMIUM=1 (or a path) makes the
// test mandatory, as .ci/run does; otherwise it runs when one is installed.
func chromium(t *testing.T) string {
	t.Helper()
	force := os.Getenv("GDLINT_CHROMIUM")
	if force != "" && force != "1" {
		return force
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if force == "1" {
		t.Fatal("GDLINT_CHROMIUM=1 but no chromium on PATH")
	}
	t.Skip("no chromium on PATH (set GDLINT_CHROMIUM=1 to require it)")
	return ""
}

func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	return out
}

// TestHTMLInChromium renders the page in a real browser: the DOM after the
// page's script ran (sorted by a #sort link) and a screenshot.
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	res := runFixture(t, nil)
	page := filepath.Join(t.TempDir(), "report.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(f, res); err != nil {
		t.Fatal(err)
	}
	f.Close()

	// sort the overview by year (column 1), descending
	dom := runChromium(t, bin, "--dump-dom", "file://"+page+"#sort-1-desc")
	doc := parseHTML(t, dom)
	rows := overviewRows(t, doc)
	if len(rows) != 6 {
		t.Fatalf("rendered overview has %d rows:\n%s", len(rows), dom)
	}
	var years []string
	for _, r := range rows {
		years = append(years, r[1])
	}
	if strings.Join(years, ",") != "2024,2023,2023,2023,2022,2021" {
		t.Errorf("years after sorting %v: the page's script did not run", years)
	}
	th := elems(byID(doc, "overview"), "th")[1]
	if attr(th, "aria-sort") != "descending" {
		t.Errorf("year heading aria-sort = %q", attr(th, "aria-sort"))
	}

	// #filter=GD-Y001: only that rule's findings and their reports are shown
	dom = runChromium(t, bin, "--dump-dom", "file://"+page+"#filter=GD-Y001")
	doc = parseHTML(t, dom)
	shown, hidden := 0, 0
	for _, tr := range find(doc, func(n *html.Node) bool { return n.Data == "tr" && attr(n, "data-sev") != "" }) {
		if hasAttr(tr, "hidden") {
			hidden++
			continue
		}
		shown++
		if attr(tr, "data-rule") != "GD-Y001" {
			t.Errorf("the filter shows a %s finding", attr(tr, "data-rule"))
		}
	}
	if shown == 0 || hidden == 0 {
		t.Errorf("filter GD-Y001: %d shown, %d hidden", shown, hidden)
	}
	if c := byID(doc, "count"); c == nil || !strings.Contains(text(c), "显示 "+strconv.Itoa(shown)+" / "+strconv.Itoa(shown+hidden)) {
		t.Errorf("filter count %q", text(c))
	}

	shot := os.Getenv("GDLINT_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(t.TempDir(), "report.png")
	}
	runChromium(t, bin, "--window-size=1400,2000", "--screenshot="+shot, "file://"+page)
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 20000 {
		t.Errorf("screenshot %s: %d bytes, not a rendered page", shot, len(png))
	}
}

// TestHTMLLayoutInChromium renders the page for the real reports in
// ../shared at 1400 and 1024 px: no table cell may be broken one character
// per line (the page's #layout-check lists such cells), and the Chinese page
// shows none of the English words it used to (family identifiers).
func TestHTMLLayoutInChromium(t *testing.T) {
	bin := chromium(t)
	shared := testshared.Dir(t)
	var files []string
	for _, glob := range []string{"seeds/*.txt", "corpus/*.*", "corpus/pingtan-dept/*.txt"} {
		m, _ := filepath.Glob(filepath.Join(shared, glob))
		for _, f := range m {
			if !strings.HasSuffix(f, "SOURCES.md") { // the corpus's notes: not a report
				files = append(files, f)
			}
		}
	}
	res, err := batch.Run(files, &batch.Options{Lint: &lint.Options{Now: batchtest.Now}})
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, res); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	artifacts := os.Getenv("GDLINT_ARTIFACTS")
	for _, width := range []string{"1400", "1024"} {
		dom := runChromium(t, bin, "--window-size="+width+",1800", "--dump-dom", "file://"+file+"#layout-check")
		pre := byID(parseHTML(t, dom), "layout-check")
		if pre == nil {
			t.Fatalf("%s px: the page's layout check did not run", width)
		}
		if bad := strings.TrimSpace(text(pre)); bad != "" {
			t.Errorf("%s px: cells broken one character per line:\n%s", width, bad)
		}
		if artifacts != "" {
			runChromium(t, bin, "--window-size="+width+",1800", "--hide-scrollbars",
				"--screenshot="+filepath.Join(artifacts, "batch-report-"+width+".png"), "file://"+file)
		}
	}
	var visible strings.Builder
	for _, n := range find(parseHTML(t, page.Bytes()), func(n *html.Node) bool {
		return n.Type == html.TextNode && n.Parent != nil && n.Parent.Data != "script" && n.Parent.Data != "style"
	}) {
		visible.WriteString(n.Data + "\n")
	}
	for _, word := range []string{"arithmetic", "tables", "structure", "narrative", "writing", "dates", "years", "UTC"} {
		if strings.Contains(visible.String(), word) {
			i := strings.Index(visible.String(), word)
			t.Errorf("the Chinese page shows the English word %q: …%s…", word, visible.String()[max(0, i-80):i+len(word)])
		}
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// Above htmlInlineLimit reports the page embeds the findings as JSON and
// renders them on demand: a report opened from the overview (#rN) shows the
// same section, word for word, as the page that writes every report, and a
// filter lists only what it selects.
func TestHTMLLazyDetailsInChromium(t *testing.T) {
	bin := chromium(t)
	res := runFixture(t, nil)
	var inline bytes.Buffer
	if err := WriteHTML(&inline, res); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { htmlInlineLimit = n }(htmlInlineLimit)
	htmlInlineLimit = 0
	var lazy bytes.Buffer
	if err := WriteHTML(&lazy, res); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(lazy.Bytes(), []byte(`<section class="report"`)) || !bytes.Contains(lazy.Bytes(), []byte(`id="details-data"`)) {
		t.Fatal("the lazy page writes the sections itself, or has no data")
	}
	page := filepath.Join(t.TempDir(), "lazy.html")
	if err := os.WriteFile(page, lazy.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// the same words; the inline page has line breaks between its elements
	norm := func(s string) string { return strings.Join(strings.Fields(s), "") }
	want := parseHTML(t, inline.Bytes())
	opened := 0
	for _, sec := range find(want, func(n *html.Node) bool { return n.Data == "section" && attr(n, "class") == "report" }) {
		id := attr(sec, "id")
		got := byID(parseHTML(t, runChromium(t, bin, "--dump-dom", "file://"+page+"#"+id)), id)
		if got == nil {
			t.Errorf("#%s: no section rendered", id)
			continue
		}
		if norm(text(got)) != norm(text(sec)) {
			t.Errorf("#%s rendered\n%s\nwant\n%s", id, norm(text(got)), norm(text(sec)))
		}
		opened++
	}
	if opened < 3 {
		t.Fatalf("only %d sections compared", opened)
	}
	doc := parseHTML(t, runChromium(t, bin, "--dump-dom", "file://"+page+"#filter=GD-Y001"))
	var rules []string
	for _, tr := range find(byID(doc, "details"), func(n *html.Node) bool { return n.Data == "tr" && attr(n, "data-sev") != "" }) {
		rules = append(rules, attr(tr, "data-rule"))
	}
	if len(rules) == 0 || strings.Count(strings.Join(rules, " "), "GD-Y001") != len(rules) {
		t.Errorf("filter GD-Y001 lists %v", rules)
	}
	if c := byID(doc, "count"); c == nil || !strings.Contains(text(c), "显示 "+strconv.Itoa(len(rules))+" / ") {
		t.Errorf("filter count %q", text(c))
	}
}
