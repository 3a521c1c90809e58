package format

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/lint"
)

// FileResult is one file formatted: the decoded text before and after, and
// the formatted text in the file's own encoding and line endings.
type FileResult struct {
	Result
	Original string
	Bytes    []byte // nil when nothing changed
	// Annual says whether the text was taken for an annual report
	// (lint.JudgeReport): a directory walk leaves the others alone.
	Annual bool
}

// NotTextError refuses a file whose text is not its bytes (a Word document,
// a PDF, a web page): formatting cannot be written back into it.
type NotTextError struct{ Ext string }

func (e *NotTextError) Error() string {
	return fmt.Sprintf("%s files are not formatted (only plain text and Markdown)", e.Ext)
}

// Localized words the error in English or Chinese (report.ErrorText).
func (e *NotTextError) Localized(en bool) string {
	if en {
		return e.Error()
	}
	return fmt.Sprintf("不格式化 %s 文件（只格式化纯文本和 Markdown 文件）", e.Ext)
}

// notText are the extensions refused even when no front-end for them is
// linked in.
var notText = map[string]bool{".docx": true, ".doc": true, ".pdf": true, ".html": true, ".htm": true, ".wps": true}

// File formats raw, the bytes of the file at path (UTF-8 with or without
// BOM, GB18030, UTF-16): the result keeps the encoding and the line
// endings. It never writes.
func File(path string, raw []byte) (*FileResult, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if notText[ext] || input.IsContainer(path) {
		return nil, &NotTextError{Ext: ext}
	}
	src, err := input.Read(path, raw)
	if err != nil {
		return nil, err
	}
	rep := grammar.Parse(src)
	res := Format(rep)
	out := &FileResult{Result: res, Original: src.Text, Annual: lint.JudgeReport(rep).Annual}
	if !res.Changed() {
		return out, nil
	}
	b, err := input.Encode(src, res.Text)
	if err != nil {
		return nil, err
	}
	out.Bytes = b
	return out, nil
}
