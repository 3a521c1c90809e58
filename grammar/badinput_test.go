package grammar_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// Bad input gets one clear error (or, for text that is simply not a report,
// an empty report that says so), never a panic or a hang.
func TestBadInputErrors(t *testing.T) {
	cases := []struct {
		name string
		raw  []byte
		want error
		// the message must say where (a byte offset) or what
		msg string
	}{
		{"empty", nil, grammar.ErrEmpty, "empty"},
		{"zero bytes", []byte{}, grammar.ErrEmpty, "empty"},
		{"whitespace only", []byte(" \t\r\n\r\n   \n"), grammar.ErrEmpty, "empty"},
		{"ideographic spaces only", []byte("\u3000\u3000\n\u3000"), grammar.ErrEmpty, "empty"},
		{"BOM only", []byte("\xef\xbb\xbf"), nil, ""}, // see TestBOMOnly
		{"NUL in text", []byte("一、总体情况\x00本年度"), grammar.ErrBinary, "NUL"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), grammar.ErrBinary, "binary"},
		{"docx given as txt", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"), grammar.ErrBinary, "binary"},
		{"UTF-16LE", []byte("\xff\xfe\x00N\xfb\x60"), grammar.ErrBinary, "binary"},
		{"0xFF bytes", []byte("abc\xffdef"), grammar.ErrEncoding, "byte 3"},
		{"GB18030 lead byte without trail", []byte("一、总体情况\n\x81 \n"), grammar.ErrEncoding, "byte 19"},
		{"UTF-8 cut in the middle (no GB18030 reading)", []byte("一、总体情况\n本年度\xe6\x83"), grammar.ErrEncoding, "byte 28"},
		{"BOM then invalid UTF-8", []byte("\xef\xbb\xbf一、\xe6\x80"), grammar.ErrEncoding, "BOM"},
		{"too large", nil, grammar.ErrTooLarge, "MiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := c.raw
			if c.want == grammar.ErrTooLarge {
				raw = bytes.Repeat([]byte("a"), grammar.MaxSourceSize+1)
			}
			if c.want == nil {
				return
			}
			src, err := grammar.Decode("report.txt", raw)
			if !errors.Is(err, c.want) {
				t.Fatalf("Decode error = %v, want %v", err, c.want)
			}
			if src != nil {
				t.Errorf("Decode returned a source with the error")
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not say %q", err, c.msg)
			}
			// the file-level entry points give the same error
			if _, err := grammar.ParseBytes("report.txt", raw); !errors.Is(err, c.want) {
				t.Errorf("ParseBytes error = %v, want %v", err, c.want)
			}
		})
	}
}

// A file holding only a BOM is empty.
func TestBOMOnly(t *testing.T) {
	src, err := grammar.Decode("report.txt", []byte("\xef\xbb\xbf\r\n"))
	if err != nil {
		if !errors.Is(err, grammar.ErrEmpty) {
			t.Fatalf("error = %v, want ErrEmpty or an empty report", err)
		}
		return
	}
	rep := grammar.Parse(src)
	if rep.IsAnnualReport() {
		t.Errorf("a BOM alone is an annual report")
	}
}

// Text that is not a report at all parses to a report that says so, with no
// sections and no tables.
func TestNotAReport(t *testing.T) {
	poem := "静夜思\n李白\n\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n"
	for _, text := range []string{poem, "hello\n", "1\t2\t3\n4\t5\t6\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", strings.Repeat("0", 5000)} {
		rep := grammar.Parse(grammar.NewSource("poem.txt", text))
		checkSpans(t, rep)
		if rep.IsAnnualReport() {
			t.Errorf("%.20q: IsAnnualReport() = true", text)
		}
		if len(rep.Sections) != 0 {
			t.Errorf("%.20q: %d sections", text, len(rep.Sections))
		}
		for _, tb := range rep.Tables {
			if tb != nil {
				t.Errorf("%.20q: table %d found", text, tb.ID)
			}
		}
	}
}

// A GB18030 file is read as GB18030 and gives back its bytes.
func TestGB18030Decoding(t *testing.T) {
	// "一、总体情况\n𠀀" in GB18030; 𠀀 is a four-byte sequence there
	raw := []byte("\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xc7\xe9\xbf\xf6\n\x95\x32\x82\x36")
	src, err := grammar.Decode("report.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	if src.Encoding != grammar.GB18030 || src.Text != "一、总体情况\n𠀀" {
		t.Fatalf("decoded %v %q", src.Encoding, src.Text)
	}
	back, err := src.Encode(src.Text)
	if err != nil || !bytes.Equal(back, raw) {
		t.Errorf("Encode = %x, %v; want %x", back, err, raw)
	}
}
