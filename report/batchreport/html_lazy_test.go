package batchreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
