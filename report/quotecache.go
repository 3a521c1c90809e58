package report

import "unsafe"

// quoteCache keeps the JSON of the strings a stream writes over and over:
// most findings' rule, severity, message, fix title, applicability and new
// text are the same few strings of the rules (GD-W004's half-width comma
// is a third of a batch's findings), and quoting them again was a third of
// the json output's time. An entry is found by the string's address and
// length and holds the string itself, so that its memory cannot be freed
// and reused for another string while the entry stands: the same address
// and length are then the same bytes. Strings within the document's text
// are not kept (an entry would keep the whole text alive).
type quoteCache struct {
	entries [256]quoteEntry
}

// quoteEntry is a string and its JSON, and the last string that wanted
// its place: a string is kept when met the second time, so that one met
// once (most findings' messages but GD-W004's) is neither copied nor
// pushes out one met over and over.
type quoteEntry struct {
	key  string
	json []byte
	seen string
}

// append appends s quoted, as appendJSONString does; text is the
// document's text.
func (c *quoteCache) append(b []byte, s, text string) []byte {
	if len(s) == 0 {
		return appendJSONString(b, s)
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if t := uintptr(unsafe.Pointer(unsafe.StringData(text))); p >= t && p < t+uintptr(len(text)) {
		return appendJSONString(b, s)
	}
	e := &c.entries[(p>>4^p>>10^uintptr(len(s)))%uintptr(len(c.entries))]
	if len(e.key) == len(s) && unsafe.StringData(e.key) == unsafe.StringData(s) {
		return append(b, e.json...)
	}
	if len(e.seen) != len(s) || unsafe.StringData(e.seen) != unsafe.StringData(s) {
		e.seen = s
		return appendJSONString(b, s)
	}
	start := len(b)
	b = appendJSONString(b, s)
	e.key, e.json = s, append(e.json[:0], b[start:]...)
	return b
}
