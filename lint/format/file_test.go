package format_test

import (
	"bytes"
	"errors"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/gdlint/gdlint/lint/format"
)

// File keeps the encoding, the BOM and the line endings; only the
// formatted bytes change.
func TestFileKeepsEncoding(t *testing.T) {
	const in = "某某局2024年政府信息公开工作年度报告\r\n\r\n\r\n一.总体情况  \r\n\r\n本局坚持公开为常态,不公开为例外。\r\n"
	const want = "某某局2024年政府信息公开工作年度报告\r\n\r\n一、总体情况\r\n\r\n本局坚持公开为常态，不公开为例外。\r\n"
	utf8BOM := func(s string) []byte { return append([]byte("\xef\xbb\xbf"), s...) }
	for _, c := range []struct {
		name string
		enc  func(string) []byte
	}{
		{"UTF-8", func(s string) []byte { return []byte(s) }},
		{"UTF-8 BOM", utf8BOM},
		{"GB18030", encodeWith(simplifiedchinese.GB18030)},
		{"UTF-16LE BOM", encodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM))},
		{"UTF-16BE BOM", encodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM))},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := format.File("r.txt", c.enc(in))
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != want {
				t.Errorf("text %q", res.Text)
			}
			if !bytes.Equal(res.Bytes, c.enc(want)) {
				t.Errorf("bytes % x\nwant  % x", res.Bytes, c.enc(want))
			}
			again, err := format.File("r.txt", res.Bytes)
			if err != nil || again.Changed() {
				t.Errorf("formatting the result again: %v, changed %v", err, again != nil && again.Changed())
			}
		})
	}
}

func encodeWith(e encoding.Encoding) func(string) []byte {
	return func(s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			panic(err)
		}
		return b
	}
}

func TestFileRefusesContainers(t *testing.T) {
	for _, name := range []string{"r.docx", "r.PDF", "r.html", "r.htm"} {
		_, err := format.File(name, []byte("一、总体情况\n"))
		var nt *format.NotTextError
		if !errors.As(err, &nt) {
			t.Errorf("%s: err %v, want a NotTextError", name, err)
			continue
		}
		if zh := nt.Localized(false); !bytes.Contains([]byte(zh), []byte(nt.Ext)) {
			t.Errorf("%s: the message %q does not name the format", name, zh)
		}
	}
}
