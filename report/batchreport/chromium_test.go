package batchreport

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
