package grammar

import "sort"

// PageStart says that Text from Offset on comes from page Page (1-based) of
// the original, until the next PageStart. A page may appear more than once:
// a paragraph that runs on to the next page is joined, and the previous
// page's footer follows it.
type PageStart struct {
	Offset int `json:"offset"`
	Page   int `json:"page"`
}

// Page returns the 1-based page of the original that byte offset off of Text
// comes from, or 0 when the source has no pages.
func (s *Source) Page(off int) int {
	i := sort.Search(len(s.Pages), func(i int) bool { return s.Pages[i].Offset > off }) - 1
	if i < 0 {
		if len(s.Pages) == 0 {
			return 0
		}
		i = 0
	}
	return s.Pages[i].Page
}
