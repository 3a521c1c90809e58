package pdf

import (
	"strings"
)

// markPageNumbers finds the page number by its place: the first or last line
// of the page, in the top or bottom margin, nothing but a number and dashes.
func markPageNumbers(pg *page, items []*item) {
	if len(items) == 0 {
		return
	}
	h := pg.height
	if h <= 0 {
		h = 842
	}
	for _, it := range []*item{items[0], items[len(items)-1]} {
		if it.line == nil {
			continue
		}
		inMargin := it.line.bottom < 0.12*h || it.line.top > 0.9*h
		if inMargin && rePageNumber.MatchString(it.text) && strings.ContainsAny(it.text, "0123456789") {
			it.pageNumber = true
		}
	}
}

// markRunning drops a running header or footer: the first or last line of
// at least two pages and half of them, the same text but for its digits.
func markRunning(pages [][]*item) {
	if len(pages) < 2 {
		return
	}
	key := func(it *item) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' || isSpaceRune(r) {
				return -1
			}
			return r
		}, it.text)
	}
	count := map[string]int{}
	edgeItems := func(items []*item) []*item {
		var out []*item
		for _, i := range []int{0, 1, len(items) - 2, len(items) - 1} {
			if i >= 0 && i < len(items) && items[i].line != nil && !items[i].pageNumber {
				out = append(out, items[i])
			}
		}
		return out
	}
	for _, items := range pages {
		seen := map[string]bool{}
		for _, it := range edgeItems(items) {
			if k := key(it); k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for _, items := range pages {
		for _, it := range edgeItems(items) {
			if c := count[key(it)]; c >= 2 && 2*c >= len(pages) {
				it.running = true
			}
		}
	}
}
