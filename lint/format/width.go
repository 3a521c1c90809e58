package format

import "golang.org/x/text/width"

// DisplayWidth counts the columns s takes in a monospaced font (a terminal,
// an editor): East Asian wide and full-width characters take two, every
// other character one. It is the one display-width measure of gdlint: the
// formatter's table alignment and the report package's text tables use it.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		if IsWide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// IsWide tells whether r takes two columns (East Asian wide or full-width).
func IsWide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}
