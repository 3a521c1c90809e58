package input

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
)

// ErrUnsupportedFormat marks a document format gdlint cannot read, met in
// annual reports on government sites; the error says how to convert it.
var ErrUnsupportedFormat = errors.New("unsupported document format")

// unsupportedFormats are such formats by extension: their name and how to
// convert them, in Chinese and English.
var unsupportedFormats = map[string][4]string{
	".doc": {"旧版 Word 文档（.doc）", "请用 Word 或 WPS 打开后“另存为” .docx（或导出 PDF）再检查",
		"an old binary Word document (.doc)", "open it in Word or WPS and “Save As” .docx (or export a PDF), then check that"},
	".wps": {"WPS 文字文档（.wps）", "请用 WPS 打开后“另存为” .docx（或导出 PDF）再检查",
		"a WPS Writer document (.wps)", "open it in WPS and “Save As” .docx (or export a PDF), then check that"},
	".ofd": {"OFD 版式文档（.ofd）", "请用 OFD 阅读器导出 PDF 或文本，或取得原始 .docx 再检查",
		"an OFD fixed-layout document (.ofd)", "export it as PDF or text with an OFD reader, or get the original .docx, then check that"},
}

// UnsupportedExtensions are the extensions of formats gdlint names but
// cannot read: a directory walk takes them so that they are reported, not
// silently passed over.
func UnsupportedExtensions() []string {
	exts := make([]string, 0, len(unsupportedFormats))
	for e := range unsupportedFormats {
		exts = append(exts, e)
	}
	slices.Sort(exts)
	return exts
}

// UnsupportedFormatError is a file in one of those formats.
type UnsupportedFormatError struct{ Ext string }

func (e *UnsupportedFormatError) Error() string { return e.Localized(true) }
func (e *UnsupportedFormatError) Unwrap() error { return ErrUnsupportedFormat }

// Localized words the error in Chinese or English (report.ErrorText).
func (e *UnsupportedFormatError) Localized(en bool) string {
	f := unsupportedFormats[e.Ext]
	if en {
		return "cannot read " + f[2] + ": " + f[3]
	}
	return "无法读取" + f[0] + "：" + f[1]
}

// unsupported returns the error for a path in an unsupported format.
func unsupported(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if _, ok := unsupportedFormats[ext]; ok {
		return &UnsupportedFormatError{Ext: ext}
	}
	return nil
}
