package grammar

import "errors"

// ParseHTML reads a saved web page. (container: see html reader)
func ParseHTML(path string, raw []byte) (*Report, error) {
	return nil, errors.New("html reader not built yet")
}

// ParseDOCX reads a Word document.
func ParseDOCX(path string, raw []byte) (*Report, error) {
	return nil, errors.New("docx reader not built yet")
}
