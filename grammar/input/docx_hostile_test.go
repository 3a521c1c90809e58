package input

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/batchtest"
)

// A document.xml nested millions of elements deep (64 KB zipped) made the
// XML decoder's stack grow by gigabytes: it stops at maxDOCXDepth with one
// error for the file.
func TestDOCXDeepNestingIsRefused(t *testing.T) {
	const n = 2_000_000
	body := wP("一、总体情况") + strings.Repeat("<w:x>", n) + strings.Repeat("</w:x>", n)
	_, err := DOCXText(makeDOCX(t, body))
	if !errors.Is(err, ErrDOCX) || !strings.Contains(err.Error(), "nested more than") {
		t.Fatalf("err %v, want ErrDOCX naming the nesting", err)
	}
	// a nesting at the limit's order of real documents is read
	ok := wP("一、总体情况") + strings.Repeat("<w:sdt>", 50) + wP("正文") + strings.Repeat("</w:sdt>", 50)
	if text, err := DOCXText(makeDOCX(t, ok)); err != nil || !strings.Contains(text, "正文") {
		t.Errorf("50 deep: %q, %v", text, err)
	}
}

// An archive of more entries than any Word document is refused before its
// parts are read.
func TestDOCXTooManyEntriesIsRefused(t *testing.T) {
	entries := []batchtest.ZipEntry{{"word/document.xml", docxHead + wP("一、总体情况") + docxTail}}
	for i := 0; i <= maxDOCXEntries; i++ {
		entries = append(entries, batchtest.ZipEntry{fmt.Sprintf("x/%d", i), ""})
	}
	_, err := DOCXText(batchtest.Zip(t, entries...))
	if !errors.Is(err, ErrDOCX) || !strings.Contains(err.Error(), "entries") {
		t.Fatalf("err %v, want ErrDOCX naming the entries", err)
	}
}

// numbering.xml with more list definitions than any document, or nested
// beyond the limit, is read up to the bound without panicking.
func TestDOCXHostileNumberingIsBounded(t *testing.T) {
	var b strings.Builder
	for i := 0; i < maxNumberingDefs+100; i++ {
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:lvl w:ilvl="0"/></w:abstractNum><w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>`, i, i, i)
	}
	b.WriteString(strings.Repeat("<w:x>", 5000))
	n := parseNumbering([]byte(`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`+b.String()), nil)
	if len(n.abstract) > maxNumberingDefs || len(n.nums) > maxNumberingDefs {
		t.Errorf("read %d abstract and %d num definitions, bound %d", len(n.abstract), len(n.nums), maxNumberingDefs)
	}
}
