package batchreport

import (
	"bufio"
	"bytes"
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
