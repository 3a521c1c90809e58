package input

import (
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
)

// Paragraph.ViewSpan is the paragraph as read (markup removed) and maps back
// to the paragraph's source span.
func TestParagraphViewSpan(t *testing.T) {
	page := "<html><body><p>一、总体情况</p><p>全年<b>收到</b>申请𠀀3件。</p></body></html>"
	r, err := Parse("p.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, p := range r.Paragraphs {
		text := r.View.Text[p.ViewSpan.Start:p.ViewSpan.End]
		if strings.Contains(text, "<") {
			t.Errorf("view text of a paragraph has markup: %q", text)
		}
		if r.View.ToSource(p.ViewSpan) != p.Span {
			t.Errorf("ViewSpan %v maps to %v, not the paragraph span %v", p.ViewSpan, r.View.ToSource(p.ViewSpan), p.Span)
		}
		if text == "全年收到申请𠀀3件。" {
			found = true
			i := strings.Index(text, "3")
			sp := r.View.ToSource(grammar.Span{Start: p.ViewSpan.Start + i, End: p.ViewSpan.Start + i + 1})
			if r.Source.Slice(sp) != "3" {
				t.Errorf("the digit maps to %q", r.Source.Slice(sp))
			}
		}
	}
	if !found {
		t.Fatalf("paragraph not found in %q", r.View.Text)
	}
	// plain text: the view is the source
	rt := grammar.Parse(grammar.NewSource("r.txt", "一、总体情况\n全年收到申请3件。\n"))
	for _, p := range rt.Paragraphs {
		if p.ViewSpan != p.Span || rt.View.Text != rt.Source.Text {
			t.Errorf("plain text view differs from the source: %v vs %v", p.ViewSpan, p.Span)
		}
	}
}
