package batchtest

import (
	"archive/zip"
	"bytes"
	"testing"
)

// ZipEntry is a file of a zip archive that Zip writes: its name and its
// contents.
type ZipEntry = [2]string

// Zip is an archive of entries, in their order.
func Zip(t testing.TB, entries ...ZipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.Create(e[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// DOCX is a Word document whose word/document.xml is documentXML, with the
// content types and relationships Word writes beside it.
func DOCX(t testing.TB, documentXML string) []byte {
	t.Helper()
	return Zip(t,
		ZipEntry{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		ZipEntry{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		ZipEntry{"word/document.xml", documentXML})
}
