package batchreport

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// excelize creates a workbook's streamed sheets in the order of a map: the
// same batch written twelve times must still be the same bytes (with three
// sheets, twelve runs in the same order by chance are one in 6^11).
func TestWorkbookSameBytesFromRunToRun(t *testing.T) {
	res := runFixture(t, nil)
	var first []byte
	for i := range 12 {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, res); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
			continue
		}
		if !bytes.Equal(buf.Bytes(), first) {
			t.Fatalf("run %d wrote other bytes than run 0 (%d and %d bytes): parts %v and %v",
				i, buf.Len(), len(first), partNames(t, buf.Bytes()), partNames(t, first))
		}
	}
}

// orderedZip writes every part it is given, whole, in the order of the
// names, whether the parts wait in a temporary file or in memory.
func TestOrderedZipWritesPartsByName(t *testing.T) {
	parts := []struct{ name, text string }{
		{"xl/worksheets/sheet3.xml", strings.Repeat("<row>跨年度 𠀀</row>", 20000)},
		{"xl/worksheets/sheet1.xml", "<row>报告</row>"},
		{"[Content_Types].xml", "<Types/>"},
		{"xl/worksheets/sheet2.xml", ""},
		{"_rels/.rels", strings.Repeat("x", 100<<10)},
	}
	for _, held := range []string{"file", "memory"} {
		t.Run(held, func(t *testing.T) {
			var out bytes.Buffer
			z := newOrderedZip(&out)
			if held == "memory" {
				z.held.Close()
				z.held = &memoryBytes{}
				z.buf.Reset(z.held)
			}
			for _, p := range parts {
				w, err := z.Create(p.name)
				if err != nil {
					t.Fatal(err)
				}
				// in pieces, as excelize copies a stream
				for s := p.text; len(s) > 0; {
					n := min(len(s), 7919)
					if _, err := io.WriteString(w, s[:n]); err != nil {
						t.Fatal(err)
					}
					s = s[n:]
				}
			}
			if err := z.Close(); err != nil {
				t.Fatal(err)
			}
			r, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"[Content_Types].xml", "_rels/.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"}
			if got := partNames(t, out.Bytes()); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("parts %v, want %v", got, want)
			}
			for _, f := range r.File {
				rc, err := f.Open() // checks the CRC and the size when read to the end
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
				for _, p := range parts {
					if p.name == f.Name && string(b) != p.text {
						t.Errorf("%s: read back %d bytes, wrote %d", f.Name, len(b), len(p.text))
					}
				}
				if f.Method != zip.Deflate {
					t.Errorf("%s: method %d, want deflate", f.Name, f.Method)
				}
			}
		})
	}
}

func partNames(t *testing.T, b []byte) []string {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
	}
	return names
}
