// Package pdf reads annual reports published as PDF. The text is rebuilt
// from the glyphs' positions: lines by baseline, the rows of a ruled table on
// one line with a tab between cells, text wrapped inside a cell or a
// paragraph joined, page numbers recognised by their place and kept as lines
// of their own (the parser reports them as residue), running headers and
// footers dropped. Every page is remembered in Source.Pages.
//
// It is a package of its own so that builds that cannot carry the PDF engine
// (the browser build) do not link it.
package pdf

import (
	"bytes"
	"errors"

	"fmt"
	"strings"

	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
)

// Error is a PDF that cannot be read, with the reason in both languages.
type Error struct {
	ZH, EN string
	Err    error // the engine's error, if any
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.EN + ": " + e.Err.Error()
	}
	return e.EN
}

func (e *Error) Unwrap() error { return e.Err }

// Localized returns the message in Chinese, or in English when en is set.
func (e *Error) Localized(en bool) string {
	msg := e.ZH
	if en {
		msg = e.EN
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

var (
	// ErrScanned: no page has a text layer, only images.
	ErrScanned = &Error{ZH: "扫描件，没有文字层（请提供可复制文字的 PDF 或原始文档）", EN: "scanned PDF: no text layer (provide a PDF with selectable text, or the original document)"}
	// ErrPassword: the PDF needs a password to be opened.
	ErrPassword = &Error{ZH: "PDF 有打开密码，无法读取（请提供未加密的文件）", EN: "the PDF is protected by a password (provide an unencrypted file)"}
	// ErrDamaged: not a PDF the engine can open, even after repair.
	ErrDamaged = &Error{ZH: "PDF 文件已损坏或不完整", EN: "the PDF file is damaged or incomplete"}
	// ErrNoText: no text and no images.
	ErrNoText = &Error{ZH: "PDF 中没有文字", EN: "the PDF holds no text"}
)

// Document is the text of a PDF as the parser reads it.
type Document struct {
	Text       string
	PageStarts []int          // where pages 2, 3… start in Text
	Furniture  []grammar.Span // page numbers, recognised by their place
	PageCount  int
	// ImagePages are the pages (1-based) that show images and no text: a
	// scanned page in a text PDF, whose content was not read.
	ImagePages []int
}

// Extract reads raw with the PDF engine and rebuilds its text.
func Extract(raw []byte) (*Document, error) {
	if len(raw) > input.MaxSourceSize {
		return nil, input.ErrTooLarge
	}
	if !IsPDF(raw) {
		return nil, &Error{ZH: "不是 PDF 文件（缺少 %PDF 文件头）", EN: "not a PDF file (no %PDF header)"}
	}
	pages, err := readPages(raw)
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword), errors.Is(err, pdfiumerrors.ErrSecurity):
		return nil, ErrPassword
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return nil, ErrDamaged
	case err != nil:
		return nil, &Error{ZH: "PDF 无法读取", EN: "unreadable PDF", Err: err}
	}
	return fromPages(pages)
}

func fromPages(pages []*page) (*Document, error) {
	d := build(pages)
	text := d.text.String()
	// what is left without the page numbers (a scan may carry them as text)
	var body strings.Builder
	at := 0
	for _, f := range d.furniture {
		body.WriteString(text[at:f.Start])
		at = f.End
	}
	body.WriteString(text[at:])
	if strings.TrimSpace(body.String()) == "" {
		for _, pg := range pages {
			if pg.imageArea > 0 {
				return nil, ErrScanned
			}
		}
		return nil, ErrNoText
	}
	return &Document{Text: text, PageStarts: append([]int{}, d.pageStarts...), Furniture: d.furniture, PageCount: len(pages),
		ImagePages: d.imagePages}, nil
}

func init() { input.RegisterFormat(".pdf", Read) }

// Read reads a PDF report (the input.ReadFunc for .pdf). Like a .docx, a
// PDF has no text to point into: Source.Text is the rebuilt text (Raw keeps
// the file), every span is a place in that text and Source.Page tells its
// page; --fix must refuse it.
func Read(path string, raw []byte) (*grammar.Source, error) {
	doc, err := Extract(raw)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, fmt.Errorf("%w: the PDF holds no text", input.ErrEmpty)
	}
	src := grammar.DecodedSource(path, raw, doc.Text, grammar.UTF8)
	src.PageStarts = doc.PageStarts
	src.Furniture = doc.Furniture
	src.ImagePages = doc.ImagePages
	src.SetView(grammar.IdentityView(doc.Text), "pdf")
	return src, nil
}

// IsPDF tells a PDF by its header, whatever the file is named.
func IsPDF(raw []byte) bool {
	head := raw[:min(len(raw), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}
