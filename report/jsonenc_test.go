package report

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// trickyText has what encoding/json escapes or replaces: quotes and
// backslashes, every control character (\b and \f have short forms since
// Go 1.22), DEL (not escaped), < > & (not escaped without HTML escaping),
// U+2028 and U+2029, invalid UTF-8 (a lone continuation byte, a truncated
// sequence, an encoded surrogate, an overlong form), a character outside
// the BMP and U+FFFD itself.
var trickyText = func() string {
	var b strings.Builder
	for c := range 0x20 {
		b.WriteByte(byte(c))
	}
	b.WriteString("\"\\/\x7f<a href=\"x\">&amp;</a>\u2028\u2029\u2027\u202a")
	b.WriteString("\x80\xe4\xb8\xff\xed\xa0\x80\xc0\xaf𠮷\ufffd中文，")
	b.WriteString("\xf0\x9f") // truncated at the end
	return b.String()
}()

// jsonFixture is a report of two pages with findings that use every member
// of the json output: a page or none, no fixes (nil and empty), a fix with
// no edits, several fixes of several edits, English texts.
func jsonFixture() *lint.FileResult {
	text := "第一页 𠮷 <&>\n第二行\t制表\n\n第二页 end"
	src := grammar.NewSource("报告 <1>&"+trickyText+".pdf", text)
	src.PageStarts = []int{strings.Index(text, "第二页")}
	at := func(s string) grammar.Span {
		i := strings.Index(text, s)
		return grammar.Span{Start: i, End: i + len(s)}
	}
	return &lint.FileResult{Path: src.Path, Source: src, Diagnostics: []lint.Diagnostic{
		{Rule: "GD-W004", Severity: lint.Warning, Span: at("𠮷"), Message: trickyText, MessageEN: "en " + trickyText},
		{Rule: "GD-A001", Severity: lint.Error, Span: grammar.Span{Start: 0, End: len(text)}, Message: "空修复", Fixes: []lint.Fix{}},
		{Rule: "GD-S001", Severity: lint.Info, Span: at("end"), Message: "一个没有编辑的修复",
			Fixes: []lint.Fix{{Title: "无", Applicability: lint.Unsafe}}},
		{Rule: "GD-T008", Severity: lint.Warning, Span: at("制表"), Message: "多个修复",
			Fixes: []lint.Fix{
				{Title: trickyText, TitleEN: "title <en>", Applicability: lint.Safe, Edits: []lint.Edit{
					{Span: at("制表"), NewText: trickyText},
					{Span: at("第二页"), NewText: ""},
				}},
				{Title: "第二个", Applicability: lint.Unsafe, Edits: []lint.Edit{{Span: at("\n\n"), NewText: "\u2028"}}},
			}},
		{Rule: "", Severity: lint.Severity(99), Span: grammar.Span{Start: len(text), End: len(text)}},
	}}
}

// encodingJSON is what the json outputs were before appendDiagnostic:
// encoding/json without HTML escaping, indented as an element of the
// array or compact.
func encodingJSON(t *testing.T, v any, indented bool) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indented {
		enc.SetIndent("  ", "  ")
	}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func TestAppendDiagnosticMatchesEncodingJSON(t *testing.T) {
	r := jsonFixture()
	var c jsonCache // shared: the strings and shapes met again come from it
	for _, lang := range []string{"", "en"} {
		o := OutputOptions{Lang: lang}
		for i := range r.Diagnostics {
			d := &r.Diagnostics[i]
			for _, indented := range []bool{true, false} {
				want := encodingJSON(t, jsonDiagnostic(r, d, o), indented)
				got := string(appendDiagnostic(nil, appendJSONString(nil, r.Path), r, d, newLocator(r.Source), o, jsonLayout{indented: indented}.glue(), &c))
				if got != want {
					t.Errorf("%s %s indented=%v:\n got %q\nwant %q", lang, d.Rule, indented, got, want)
				}
			}
		}
	}
}

// The whole outputs: json as encoding/json lays out the array of all
// findings, json-lines one compact object a line; both with a file that
// has none and one that could not be read in between.
func TestJSONStreamsMatchEncodingJSON(t *testing.T) {
	clean := &lint.FileResult{Path: "clean.txt", Source: grammar.NewSource("clean.txt", "无\n")}
	unread := &lint.FileResult{Path: "bad.txt"}
	results := []*lint.FileResult{jsonFixture(), clean, unread, jsonFixture()}
	o := OutputOptions{Lang: "en"}
	all := JSONDiagnostics(results, o)

	var b bytes.Buffer
	if err := WriteJSON(&b, results, o); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(all); err != nil {
		t.Fatal(err)
	}
	if b.String() != want.String() {
		t.Errorf("json:\n got %q\nwant %q", b.String(), want.String())
	}

	b.Reset()
	if err := WriteJSONLines(&b, results, o); err != nil {
		t.Fatal(err)
	}
	var lines strings.Builder
	for _, d := range all {
		lines.WriteString(encodingJSON(t, d, false) + "\n")
	}
	if b.String() != lines.String() {
		t.Errorf("json-lines:\n got %q\nwant %q", b.String(), lines.String())
	}

	for _, w := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return WriteJSON(b, []*lint.FileResult{clean, unread}, o) },
		func(b *bytes.Buffer) error { return WriteJSONLines(b, []*lint.FileResult{clean, unread}, o) },
	} {
		b.Reset()
		if err := w(&b); err != nil {
			t.Fatal(err)
		}
		if s := b.String(); s != "[]\n" && s != "" {
			t.Errorf("no findings: %q", s)
		}
	}
}

// A report with more findings than the streams hold before writing
// (flushAt) comes out whole and in order.
func TestJSONStreamLargeFile(t *testing.T) {
	r := jsonFixture()
	many := *r
	for range 200 {
		many.Diagnostics = append(many.Diagnostics, r.Diagnostics...)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, []*lint.FileResult{&many}, OutputOptions{}); err != nil {
		t.Fatal(err)
	}
	want, err := json.MarshalIndent(JSONDiagnostics([]*lint.FileResult{&many}, OutputOptions{}), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	// MarshalIndent escapes HTML; the outputs do not
	want = bytes.ReplaceAll(want, []byte(`\u003c`), []byte("<"))
	want = bytes.ReplaceAll(want, []byte(`\u003e`), []byte(">"))
	want = bytes.ReplaceAll(want, []byte(`\u0026`), []byte("&"))
	if b.Len() < 3*flushAt || b.String() != string(want)+"\n" {
		t.Errorf("%d bytes, not the %d of encoding/json", b.Len(), len(want)+1)
	}
}

type failingWriter struct{ writes int }

func (w *failingWriter) Write(p []byte) (int, error) {
	w.writes++
	return len(p) / 2, nil
}

// A short write is an error, kept: later files are not written after it.
func TestJSONStreamWriteError(t *testing.T) {
	w := &failingWriter{}
	s := NewStream("json", w, OutputOptions{})
	r := jsonFixture()
	if err := s.File(r); err == nil {
		t.Fatal("a short write was not an error")
	}
	if err := s.File(r); err == nil || s.Close() == nil {
		t.Error("the error was forgotten")
	}
	if w.writes != 1 {
		t.Errorf("%d writes after the first failed, want none", w.writes-1)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "abc", trickyText, "\xed\xbf\xbf", "\xf4\x90\x80\x80", "\u2028x\u2029", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := encodingJSON(t, s, false)
		if got := string(appendJSONString(nil, s)); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	})
}

// Every three-byte sequence with a lead byte E0–EF, whole or broken, with
// text around it or cut at the end, is quoted as encoding/json quotes it
// (the Chinese characters' fast path must not pass a surrogate, an
// overlong form, U+2028 or a cut character).
func TestAppendJSONStringThreeByteSequences(t *testing.T) {
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for b1 := 0x70; b1 <= 0xC5; b1++ {
			for b2 := 0x70; b2 <= 0xC5; b2++ {
				seq := string([]byte{byte(lead), byte(b1), byte(b2)})
				for _, s := range []string{seq, "a" + seq + "b", "表" + seq[:2]} {
					if got, want := string(appendJSONString(nil, s)), encodingJSON(t, s, false); got != want {
						t.Fatalf("%q: got %q, want %q", s, got, want)
					}
				}
			}
		}
	}
}

// appendCount writes every number as strconv does, on both sides of its
// digit-by-digit range.
func TestAppendCountAsStrconv(t *testing.T) {
	for _, v := range []int{-1000, -10, -1, 1000, 1001, 9999, 10000, 123456789, 1 << 40} {
		if got, want := string(appendCount([]byte("x"), v)), "x"+strconv.Itoa(v); got != want {
			t.Errorf("appendCount(%d) = %q, want %q", v, got, want)
		}
	}
	for v := range 1200 {
		if got, want := string(appendCount([]byte("x"), v)), "x"+strconv.Itoa(v); got != want {
			t.Errorf("appendCount(%d) = %q, want %q", v, got, want)
		}
	}
}
