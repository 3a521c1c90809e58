package batchreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
)

// The marker is replaced once, wherever the writes split it; text after
// it, another occurrence included, passes unchanged.
func TestMarkerWriter(t *testing.T) {
	page := "<p>head</p>" + lazyMarker + "<p>tail " + lazyMarker + "</p>"
	want := "<p>head</p>DATA<p>tail " + lazyMarker + "</p>"
	for _, size := range []int{1, 2, 3, 7, len(lazyMarker) - 1, len(lazyMarker), len(lazyMarker) + 5, len(page)} {
		var out bytes.Buffer
		bw := bufio.NewWriter(&out)
		fills := 0
		m := &markerWriter{w: bw, marker: []byte(lazyMarker), fill: func(w *bufio.Writer) error {
			fills++
			_, err := w.WriteString("DATA")
			return err
		}}
		for s := page; s != ""; {
			n := min(size, len(s))
			if k, err := m.Write([]byte(s[:n])); k != n || err != nil {
				t.Fatalf("writes of %d: Write = %d, %v", size, k, err)
			}
			s = s[n:]
		}
		bw.Flush()
		if !m.found || fills != 1 || out.String() != want {
			t.Errorf("writes of %d: found %v, %d fills, wrote %q; want %q", size, m.found, fills, out.String(), want)
		}
	}
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	m := &markerWriter{w: bw, marker: []byte(lazyMarker), fill: func(*bufio.Writer) error { t.Error("filled without a marker"); return nil }}
	m.Write([]byte(strings.Repeat("x", 100)))
	if m.found {
		t.Error("found a marker in a page without one")
	}
}

// appendLazyReport writes what json.Marshal, its reference, writes for a
// report of the lazy page: on the real reports' lines and on random text
// with <, >, &, quotes, controls, CRLF, U+2028, 𠀀 and invalid UTF-8.
func TestAppendLazyReportMatchesMarshal(t *testing.T) {
	var texts []string
	for _, dir := range []string{"../../../shared/seeds", "../../../shared/corpus"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err == nil {
				texts = append(texts, strings.SplitAfter(string(b), "\n")...)
			}
		}
	}
	if len(texts) == 0 {
		t.Log("no seeds found: random text only")
	}
	alphabet := []string{"a", "报", "告", "<", ">", "&", `"`, `\`, "\r\n", "\n", "\t", "\x01", "\x7f", "\u2028", "\u2029", "𠀀", "\xff", "\xe4\xb8", " ", "/"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 2000 {
		var s strings.Builder
		for range rng.IntN(30) {
			s.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, s.String())
	}
	pick := func() string { return texts[rng.IntN(len(texts))] }
	check := func(lr *lazyReport) {
		t.Helper()
		want, err := json.Marshal(lr)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendLazyReport([]byte("x"), lr); string(got[1:]) != string(want) {
			t.Fatalf("appendLazyReport:\n%s\njson.Marshal:\n%s", got[1:], want)
		}
	}
	check(&lazyReport{})
	check(&lazyReport{Findings: [][]string{}})
	for range 500 {
		lr := &lazyReport{ID: pick(), Path: pick(), Body: pick(), Meta: pick(), Families: pick()}
		for range rng.IntN(4) {
			f := make([]string, lazyFindingCells)
			for i := range f {
				f[i] = pick()
			}
			lr.Findings = append(lr.Findings, f)
		}
		check(lr)
	}
}

// lazyFindingCells is the length of a lazyReport finding.
const lazyFindingCells = 6

// appendLazyReport appends json.Marshal(lr) as writeLazyJSON did before
// appendLazyFindings: the reference of appendLazyHead and appendLazyFindings.
func appendLazyReport(b []byte, lr *lazyReport) []byte {
	b = appendLazyHead(b, lr)
	if lr.Findings == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, f := range lr.Findings {
			if i > 0 {
				b = append(b, ',')
			}
			if f == nil {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '[')
			for j, c := range f {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendHTMLJSONString(b, c)
			}
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// lazyCells are the rows of lazyReport.Findings, made as writeLazyJSON made
// them before appendLazyFindings.
func lazyCells(found []jsonFinding) [][]string {
	var cells []string
	for _, g := range found {
		var rel string
		for i, o := range g.Related {
			if i > 0 {
				rel += "\n"
			}
			rel += o.Path + ":" + strconv.Itoa(o.Line) + ":" + strconv.Itoa(o.Column) + " " + o.Message
		}
		cells = append(cells, g.Rule, g.Severity.String(),
			g.Path()+":"+strconv.Itoa(g.Line)+":"+strconv.Itoa(g.Column), g.Msg(), g.Text, rel)
	}
	var rows [][]string
	for c := 0; c < len(cells); c += lazyFindingCells {
		rows = append(rows, cells[c:c+lazyFindingCells])
	}
	return rows
}

// appendLazyFindings writes the cells lazyCells makes, as appendLazyReport
// writes them: the seeds' findings (in both languages) and findings of
// random text with <, >, &, quotes, controls, CRLF, U+2028, 𠀀 and invalid
// UTF-8 (at the ends of the strings joined, too).
func TestAppendLazyFindingsMatchesCells(t *testing.T) {
	same := func(found []jsonFinding) {
		t.Helper()
		lr := lazyReport{ID: "r1", Path: "p", Body: "b<", Meta: "m", Families: "f"}
		got := string(appendLazyFindings(appendLazyHead(nil, &lr), found))
		lr.Findings = lazyCells(found)
		if want := string(appendLazyReport(nil, &lr)); got != want {
			t.Fatalf("appendLazyFindings:\n%s\nappendLazyReport of the cells:\n%s", got, want)
		}
	}
	same(nil)
	dir := t.TempDir()
	for _, f := range testshared.Seeds(t) {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for y := range 2 {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d-%s", 2022+y, filepath.Base(f))), text, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	res, err := batch.Run([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sources := newSourceCache(res)
	n := 0
	for _, lang := range []string{"zh", "en"} {
		for _, r := range res.Reports {
			found := jfindings(nil, r, sources, lang, false)
			n += len(found)
			same(found)
		}
	}
	if n == 0 {
		t.Fatal("no findings in the seeds")
	}
	alphabet := []string{"a", "报", "<", ">", "&", `"`, `\`, "\r\n", "\n", "\t", "\x01", "\x7f", "\u2028", "𠀀", "\xff", "\xe4\xb8", "\xf0\x90", " ", ":", "/"}
	rng := rand.New(rand.NewPCG(7, 9))
	str := func() string {
		var s strings.Builder
		for range rng.IntN(8) {
			s.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return s.String()
	}
	for range 1000 {
		var found []jsonFinding
		for range rng.IntN(4) {
			g := jsonFinding{Rule: str(), Severity: lint.Severity(rng.IntN(3)), Message: str(), MessageEN: str(), Line: rng.IntN(300) - 1,
				Column: rng.IntN(300), Text: str(), path: str(), lang: []string{"zh", "en"}[rng.IntN(2)]}
			for range rng.IntN(3) {
				g.Related = append(g.Related, jsonRelated{Path: str(), Line: rng.IntN(99), Column: rng.IntN(99), Message: str()})
			}
			found = append(found, g)
		}
		same(found)
	}
}
