package grammar

import "errors"

// ParseDOCX reads a Word document.
func ParseDOCX(path string, raw []byte) (*Report, error) {
	return nil, errors.New("docx reader not built yet")
}
