package input_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
)

var errFake = errors.New("fake front-end")

// a front-end of its own package registers itself from init, as a PDF one does
func init() {
	input.RegisterFormat(".gdlintfake", func(path string, raw []byte) (*grammar.Source, error) {
		if string(raw) == "bad" {
			return nil, errFake
		}
		src := grammar.DecodedSource(path, raw, "一、总体情况\n"+string(raw), grammar.UTF8)
		src.SetView(grammar.IdentityView(src.Text), "fake")
		return src, nil
	})
}

func TestRegisteredFormat(t *testing.T) {
	rep, err := input.Parse("dir/报告.GDLINTFAKE", []byte("正文"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rendering != "fake" || rep.Source.Text != "一、总体情况\n正文" || len(rep.Sections) != 1 {
		t.Errorf("read as %q, text %q, %d sections", rep.Rendering, rep.Source.Text, len(rep.Sections))
	}
	if _, err := input.Read("x.gdlintfake", []byte("bad")); !errors.Is(err, errFake) {
		t.Errorf("the front-end's error is lost: %v", err)
	}
	if !slices.Contains(input.Extensions(), ".gdlintfake") || !input.IsContainer("a.gdlintfake") {
		t.Errorf("a registered format is not walked or not a container: %v", input.Extensions())
	}
	// text stays text whatever is registered
	if src, err := input.Read("a.txt", []byte("正文")); err != nil || input.IsContainer("a.txt") || src.Text != "正文" {
		t.Errorf("a.txt read as %v, %v", src, err)
	}
}

func TestRegisterFormatRefuses(t *testing.T) {
	read := func(string, []byte) (*grammar.Source, error) { return nil, nil }
	for _, c := range []struct {
		ext  string
		read input.ReadFunc
	}{
		{".gdlintfake", read}, // taken
		{".html", read},       // built in
		{".txt", read},        // text is Decode's
		{"pdf", read},         // no dot
		{".PDF", read},        // not lower case
		{".gdlintother", nil}, // no front-end
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RegisterFormat(%q) did not panic", c.ext)
				}
			}()
			input.RegisterFormat(c.ext, c.read)
		}()
	}
	if input.IsContainer("a.gdlintother") {
		t.Error("a refused registration took effect")
	}
}

// The built-in formats, as a directory walk takes them.
func TestExtensions(t *testing.T) {
	got := input.Extensions()
	for _, ext := range []string{".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx"} {
		if !slices.Contains(got, ext) {
			t.Errorf("%s missing from %v", ext, got)
		}
	}
	if !input.IsContainer("页面.HTM") || !input.IsContainer("a.docx") || input.IsContainer("a.md") || input.IsContainer("README") {
		t.Error("IsContainer wrong for a built-in kind")
	}
}
