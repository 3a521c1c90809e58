package grammar

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ParseBytes decodes and parses one report file, choosing the reader by the
// file's extension: .html/.htm and .docx are containers, anything else is
// plain text or Markdown.
func ParseBytes(path string, raw []byte) (*Report, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return ParseHTML(path, raw)
	case ".docx":
		return ParseDOCX(path, raw)
	}
	src, err := Decode(path, raw)
	if err != nil {
		return nil, err
	}
	return Parse(src), nil
}

// ParseFile reads and parses path.
func ParseFile(path string) (*Report, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxSourceSize {
		return nil, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	return ParseBytes(path, raw)
}
