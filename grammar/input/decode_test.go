package input_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
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
		{"empty", nil, input.ErrEmpty, "empty"},
		{"zero bytes", []byte{}, input.ErrEmpty, "empty"},
		{"whitespace only", []byte(" \t\r\n\r\n   \n"), input.ErrEmpty, "empty"},
		{"ideographic spaces only", []byte("\u3000\u3000\n\u3000"), input.ErrEmpty, "empty"},
		{"BOM only", []byte("\xef\xbb\xbf"), nil, ""}, // see TestBOMOnly
		{"NUL in text", []byte("一、总体情况\x00本年度"), input.ErrBinary, "NUL"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), input.ErrBinary, "binary"},
		{"docx given as txt", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"), input.ErrBinary, "binary"},
		{"UTF-16LE without BOM", []byte("\x00N\xfb\x60\n\x00"), input.ErrBinary, "binary"},
		{"UTF-16LE BOM only", []byte("\xff\xfe\r\x00\n\x00"), input.ErrEmpty, "empty"},
		{"UTF-16LE with a NUL character", []byte("\xff\xfe\x00N\x00\x00"), input.ErrBinary, "NUL"},
		{"UTF-16LE odd length", []byte("\xff\xfe\x00N\xfb"), input.ErrEncoding, "odd"},
		{"UTF-16BE lone surrogate", []byte("\xfe\xffN\x00\xd8\x00N\x00"), input.ErrEncoding, "surrogate"},
		{"UTF-32LE", []byte("\xff\xfe\x00\x00\x00N\x00\x00"), input.ErrBinary, "binary"},
		{"0xFF bytes", []byte("abc\xffdef"), input.ErrEncoding, "byte 3"},
		{"GB18030 lead byte without trail", []byte("一、总体情况\n\x81 \n"), input.ErrEncoding, "byte 19"},
		{"UTF-8 cut in the middle (no GB18030 reading)", []byte("一、总体情况\n本年度\xe6\x83"), input.ErrEncoding, "byte 28"},
		{"BOM then invalid UTF-8", []byte("\xef\xbb\xbf一、\xe6\x80"), input.ErrEncoding, "BOM"},
		{"too large", nil, input.ErrTooLarge, "MiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := c.raw
			if c.want == input.ErrTooLarge {
				raw = bytes.Repeat([]byte("a"), input.MaxSourceSize+1)
			}
			if c.want == nil {
				return
			}
			src, err := input.Decode("report.txt", raw)
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
			if _, err := input.Parse("report.txt", raw); !errors.Is(err, c.want) {
				t.Errorf("ParseBytes error = %v, want %v", err, c.want)
			}
		})
	}
}

// A file holding only a BOM is empty.
func TestBOMOnly(t *testing.T) {
	src, err := input.Decode("report.txt", []byte("\xef\xbb\xbf\r\n"))
	if err != nil {
		if !errors.Is(err, input.ErrEmpty) {
			t.Fatalf("error = %v, want ErrEmpty or an empty report", err)
		}
		return
	}
	rep := grammar.Parse(src)
	if rep.IsAnnualReport() {
		t.Errorf("a BOM alone is an annual report")
	}
}

// A GB18030 file is read as GB18030 and gives back its bytes.
func TestGB18030Decoding(t *testing.T) {
	// "一、总体情况\n𠀀" in GB18030; 𠀀 is a four-byte sequence there
	raw := []byte("\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xc7\xe9\xbf\xf6\n\x95\x32\x82\x36")
	src, err := input.Decode("report.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	if src.Encoding != grammar.GB18030 || src.Text != "一、总体情况\n𠀀" {
		t.Fatalf("decoded %v %q", src.Encoding, src.Text)
	}
	back, err := input.Encode(src, src.Text)
	if err != nil || !bytes.Equal(back, raw) {
		t.Errorf("Encode = %x, %v; want %x", back, err, raw)
	}
}

// utf16File spells text in UTF-16 with its BOM, by hand (not with the codec
// under test).
func utf16File(text string, order binary.AppendByteOrder) []byte {
	out := order.AppendUint16(nil, 0xfeff)
	for _, u := range utf16.Encode([]rune(text)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// A report saved as Notepad's "Unicode" (UTF-16 LE with BOM) or as UTF-16
// BE reads as the same text, positions count characters (𠀀 is one column,
// though two UTF-16 units), and encoding the text back gives the file's
// bytes, BOM included.
func TestUTF16(t *testing.T) {
	utf8Raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "clean.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// 𠀀 (outside the BMP) in the title, CRLF line ends
	text := strings.ReplaceAll(strings.Replace(string(utf8Raw), "江川市", "江川市𠀀", 1), "\n", "\r\n")
	want := grammar.Parse(grammar.DecodedSource("clean.txt", []byte(text), text, grammar.UTF8))
	for _, c := range []struct {
		order binary.AppendByteOrder
		enc   grammar.Encoding
	}{{binary.LittleEndian, grammar.UTF16LE}, {binary.BigEndian, grammar.UTF16BE}} {
		t.Run(c.enc.String(), func(t *testing.T) {
			raw := utf16File(text, c.order)
			src, err := input.Read("clean.txt", raw)
			if err != nil {
				t.Fatal(err)
			}
			if src.Text != text || src.Encoding != c.enc || !src.CRLF {
				t.Fatalf("decoded as %v (CRLF %v), text equal: %v", src.Encoding, src.CRLF, src.Text == text)
			}
			rep := grammar.Parse(src)
			if !rep.IsAnnualReport() || len(rep.Sections) != 6 || rep.Title == nil {
				t.Fatalf("not read as a report: %d sections, title %v", len(rep.Sections), rep.Title)
			}
			// the year of 江川市𠀀生态环境局2024年… is in column 9 (0-based):
			// 𠀀 is one character, though two UTF-16 units and four bytes
			if p := src.CharPos(rep.Title.YearSpan.Start); p.Line != 0 || p.Col != 9 || src.Slice(rep.Title.YearSpan) != "2024" {
				t.Errorf("title year %q at %+v, want 2024 at line 0 column 9", src.Slice(rep.Title.YearSpan), p)
			}
			// everything else is where the UTF-8 file has it
			got, wantDump := rep.Dump(), want.Dump()
			got.Encoding, wantDump.Encoding = "", ""
			if !reflect.DeepEqual(got, wantDump) {
				t.Errorf("the UTF-16 file does not parse as the same text in UTF-8 does")
			}
			back, err := input.Encode(src, src.Text)
			if err != nil || !bytes.Equal(back, raw) {
				t.Fatalf("Encode(Text) does not give back the file's bytes (err %v)", err)
			}
			// a fix of one character keeps the encoding and its BOM
			fixed := strings.Replace(src.Text, "𠀀", "中", 1)
			out, err := input.Encode(src, fixed)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, utf16File(fixed, c.order)) {
				t.Errorf("fixed text encoded as % x…, want % x…", out[:8], utf16File(fixed, c.order)[:8])
			}
		})
	}
}

// Fixed text goes back in the file's encoding, BOM and line ends.
func TestEncodeKeepsEncodingBOMAndCRLF(t *testing.T) {
	text := "标题，正文\r\n第二行\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"utf-8":     []byte(text),
		"utf-8-bom": append([]byte("\xef\xbb\xbf"), text...),
		"gb18030":   gb,
		"utf-16le":  utf16File(text, binary.LittleEndian),
		"utf-16be":  utf16File(text, binary.BigEndian),
	}
	for name, raw := range cases {
		src, err := input.Decode("r.txt", raw)
		if err != nil {
			t.Fatal(err)
		}
		if src.Encoding.String() != name || !src.CRLF {
			t.Fatalf("%s: decoded as %s, CRLF %v", name, src.Encoding, src.CRLF)
		}
		out, err := input.Encode(src, strings.Replace(src.Text, "，", "、", 1))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		back, err := input.Decode("r.txt", out)
		if err != nil || back.Encoding != src.Encoding || back.Text != strings.Replace(text, "，", "、", 1) {
			t.Errorf("%s: round trip gave %v %q", name, back.Encoding, back.Text)
		}
		if len(out) != len(raw) {
			t.Errorf("%s: %d bytes, want %d (one character for another of the same width)", name, len(out), len(raw))
		}
		// a fix that brings bare LF into a CRLF file is refused
		if _, err := input.Encode(src, src.Text+"追加\n"); err == nil {
			t.Errorf("%s: bare LF accepted in a CRLF file", name)
		}
	}
}

// A UTF-8 report cut in the middle of its last character is not valid UTF-8,
// and Decode then tries GB18030, which reads some of those byte sequences
// without error: the report comes back as GB18030 mojibake instead of an
// error (or the UTF-8 text without its broken tail).
func TestTruncatedUTF8NotReadAsGB18030(t *testing.T) {
	text, ok := testshared.ReadGolden(t, "../../testdata/grammar/tab.txtar").Section("report.txt")
	if !ok {
		t.Fatal("no report.txt in tab.txtar")
	}
	bad := 0
	for n := 1; n < len(text); n++ {
		if utf8.RuneStart(text[n]) {
			continue
		}
		src, err := input.Decode("report.txt", text[:n])
		if err != nil {
			if !errors.Is(err, input.ErrEncoding) {
				t.Errorf("cut at %d: error %v, want ErrEncoding", n, err)
			}
			continue
		}
		if src.Encoding == grammar.GB18030 {
			if bad < 3 {
				t.Errorf("UTF-8 cut at byte %d (inside a character) decoded as GB18030: %.30q…", n, src.Text)
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d cut points of a %d-byte UTF-8 report read as GB18030", bad, len(text))
	}
}

// UTF-8 text is not copied: the Source reads raw's bytes (with and without
// a BOM), so a batch holds each file once.
func TestDecodeSharesUTF8(t *testing.T) {
	for _, raw := range [][]byte{[]byte("一、总体情况\n𠀀\n"), []byte("\xef\xbb\xbf一、总体情况\n")} {
		src, err := input.Decode("a.txt", raw)
		if err != nil {
			t.Fatal(err)
		}
		if unsafe.StringData(src.Text) != &raw[len(raw)-len(src.Text)] || !strings.HasSuffix(string(raw), src.Text) {
			t.Errorf("Decode(%q) copied the text", raw)
		}
	}
}

// Decode marks the text valid UTF-8 (columns then counted the fast way)
// only where it checked it: UTF-8 with or without a BOM, not GB18030 or
// UTF-16, whose decoders are not the check.
func TestDecodeMarksCheckedUTF8(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("一、总体情况\n"))
	if err != nil {
		t.Fatal(err)
	}
	u16 := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune("一、总体情况\n")) {
		u16 = binary.LittleEndian.AppendUint16(u16, u)
	}
	for _, c := range []struct {
		raw   []byte
		valid bool
	}{
		{[]byte("一、总体情况\n𠀀\n"), true},
		{[]byte("\xef\xbb\xbf一、总体情况\n"), true},
		{gb, false},
		{u16, false},
	} {
		src, err := input.Decode("a.txt", c.raw)
		if err != nil {
			t.Fatal(err)
		}
		if src.ValidUTF8 != c.valid || c.valid && !utf8.ValidString(src.Text) {
			t.Errorf("Decode(%q) (%s): ValidUTF8 = %v, want %v", c.raw, src.Encoding, src.ValidUTF8, c.valid)
		}
	}
}

// Decode's UTF-8 sources, whose line index the check finds, index their
// lines as DecodedSource does from the text alone, and both tell CRLF as
// the line feeds' count did (countCRLF): on the
// real reports (with and without a BOM, with LF and CRLF) and on random
// texts of lines, CRs, characters outside the BMP and ASCII runs.
func TestDecodeLinesAsDecodedSource(t *testing.T) {
	check := func(raw []byte) {
		src, err := input.Decode("x.txt", raw)
		if err != nil || src.Encoding == grammar.GB18030 {
			return
		}
		want := grammar.DecodedSource("x.txt", raw, src.Text, src.Encoding)
		crlf := strings.Count(src.Text, "\r\n")*2 > strings.Count(src.Text, "\n") // as it was counted
		if src.CRLF != crlf || want.CRLF != crlf || src.LineCount() != want.LineCount() {
			t.Fatalf("%q: CRLF %v, %d lines; DecodedSource: %v, %d; want CRLF %v", raw, src.CRLF, src.LineCount(), want.CRLF, want.LineCount(), crlf)
		}
		for n := range want.LineCount() + 1 {
			if src.LineStart(n) != want.LineStart(n) {
				t.Fatalf("%q: line %d starts at %d, DecodedSource: %d", raw, n, src.LineStart(n), want.LineStart(n))
			}
		}
	}
	for _, dir := range []string{"seeds", "corpus"} {
		files, _ := filepath.Glob(filepath.Join(testshared.Dir(t), dir, "*"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			crlf := bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n"))
			for _, r := range [][]byte{raw, crlf, append([]byte("\xef\xbb\xbf"), raw...), append([]byte("\xef\xbb\xbf"), crlf...)} {
				check(r)
			}
		}
	}
	for _, text := range []string{"\r\n表", "\r\na\n", "表\r\n", "\n\r\n\r\n", "表\r", "\r\r\n\n", "a\n\x0b\n", "𠀀\r\n𠀀"} {
		check([]byte(text))
		check([]byte("\xef\xbb\xbf" + text))
	}
	pieces := []string{"a", "abcdefgh", "0123456789\t", "表", "政府信息公开", "\u3000", "𠀀", "\n", "\r\n", "\r", "\n\n", "\x0b", " \n", "\xff", "\xe4\xb8"}
	rng := rand.New(rand.NewSource(12))
	var b strings.Builder
	for range 100000 {
		b.Reset()
		if rng.Intn(4) == 0 {
			b.WriteString("\xef\xbb\xbf")
		}
		for k := rng.Intn(30); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check([]byte(b.String()))
	}
}
