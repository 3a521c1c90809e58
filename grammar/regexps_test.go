package grammar

import "regexp"

// The regular expressions the parser's hand-written matchers were written
// from: the tests compare each matcher with its expression (a program never
// compiles them: they were a part of every run's start).
var (
	// numbering at the start of a heading; group 1 is the Markdown marker
	// (headnum.go's scanners)
	reCNHeading     = regexp.MustCompile(`^(#{1,6}[\s\x{00A0}\x{3000}]*)?([一二三四五六七八九十]{1,3})[\s\x{00A0}\x{3000}]*[、．.，,][\s\x{00A0}\x{3000}]*`)
	reParenHeading  = regexp.MustCompile(`^(#{1,6}[\s\x{00A0}\x{3000}]*)?[（(][\s\x{00A0}\x{3000}]*([一二三四五六七八九十]{1,3})[\s\x{00A0}\x{3000}]*[）)][\s\x{00A0}\x{3000}]*`)
	reArabicHeading = regexp.MustCompile(`^(#{1,6}[\s\x{00A0}\x{3000}]*)?([0-9０-９]{1,2})[\s\x{00A0}\x{3000}]*[.．、][\s\x{00A0}\x{3000}]*`)
	reMarkdown      = regexp.MustCompile(`^(#{1,6})\s+`)

	// yearAt and yearIndex, hasTitleHint, periodIndex, dateLineAt
	reYear      = regexp.MustCompile(`(\d{4})[\s\x{00A0}\x{3000}]*年`)
	reTitleHint = regexp.MustCompile(`报告|年报`)
	rePeriod    = regexp.MustCompile(`(\d{4})[\s\x{00A0}\x{3000}]*年[\s\x{00A0}\x{3000}]*(\d{1,2})[\s\x{00A0}\x{3000}]*月[\s\x{00A0}\x{3000}]*(\d{1,2})[\s\x{00A0}\x{3000}]*日[\s\x{00A0}\x{3000}]*起?[\s\x{00A0}\x{3000}]*(?:至|到|—|－|-|~|～)[\s\x{00A0}\x{3000}]*(?:(\d{4})[\s\x{00A0}\x{3000}]*年[\s\x{00A0}\x{3000}]*)?(\d{1,2})[\s\x{00A0}\x{3000}]*月[\s\x{00A0}\x{3000}]*(\d{1,2})[\s\x{00A0}\x{3000}]*日`)
	reDateLine  = regexp.MustCompile(`^[（(]?[\s\x{00A0}\x{3000}]*(\d{4})[\s\x{00A0}\x{3000}]*年[\s\x{00A0}\x{3000}]*(\d{1,2})[\s\x{00A0}\x{3000}]*月[\s\x{00A0}\x{3000}]*(\d{1,2})[\s\x{00A0}\x{3000}]*日[\s\x{00A0}\x{3000}]*[）)]?$`)
)

// yearIndex is reYear.FindStringSubmatchIndex(s) from yearAt: four ASCII
// digits (the leftmost that are), then any spaces of reYear's class, then 年.
func yearIndex(s string) []int {
	if i, j := yearAt(s); i >= 0 {
		return []int{i, j, i, i + 4}
	}
	return nil
}
