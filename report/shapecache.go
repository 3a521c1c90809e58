package report

import (
	"unsafe"

	"github.com/gdlint/gdlint/lint"
)

// Findings of one kind are the same JSON but for their numbers: two GD-W004
// findings (most of a batch's) with the same message, fix title and new
// text differ only in line and columns. A shapeCache keeps the JSON of a
// finding with the numbers left out (a shape), so that the next finding
// like it is its pieces copied between its numbers, not a dozen members
// and six strings looked up and appended. A shape is found by the address
// and length of the finding's strings (rule, message, fix titles, new
// texts), which it holds, as quoteCache's entries do: the same addresses
// are then the same bytes.
type shapeCache struct {
	sets [shapeSets]shapeSet
}

const shapeSets = 64

// shapeSet is the two places of the findings whose message hashes to it,
// and the message of the last one not kept: a finding is kept when met the
// second time, so that those met once (most but GD-W004's have a message
// of their own) are not copied to be kept, nor push out those met over and
// over.
type shapeSet struct {
	ways [2]shape
	seen string
}

type shape struct {
	json  []byte
	holes []int // the offsets in json where the numbers go, in order
	// what it was made of (glue is nil in an empty place)
	used     bool // met again since it was kept, or since another finding wanted its place
	glue     *jsonGlue
	rule     string
	message  string
	severity lint.Severity
	page     bool
	fixes    []shapeFix
	newTexts []string // of every fix's edits, in order
}

type shapeFix struct {
	title         string
	applicability lint.Applicability
	edits         int
}

// find returns the shape of d, whose location has a page or not, written
// in layout g, or nil, and the set where it would be kept.
func (c *shapeCache) find(d *lint.Diagnostic, message string, page bool, lang string, g *jsonGlue) (*shapeSet, *shape) {
	p := uintptr(unsafe.Pointer(unsafe.StringData(message))) + uintptr(len(message))
	set := &c.sets[(p*0x9E3779B97F4A7C15)>>58]
	for i := range set.ways {
		if k := &set.ways[i]; k.glue == g && same(k.message, message) && k.is(d, page, lang) {
			k.used = true
			return set, k
		}
	}
	return set, nil
}

// wants tells whether the shape of d is to be kept, when it is written
// next: d was met before (its message is the last one not kept) and its
// strings are not of the document's text. A finding met for the first
// time is noted.
func (set *shapeSet) wants(d *lint.Diagnostic, message, lang, text string) bool {
	if !keepable(d, message, lang, text) {
		return false
	}
	if !same(set.seen, message) {
		set.seen = message
		return false
	}
	return true
}

// keep keeps the shape of d, written as out with its numbers at runs (the
// start and end of each), in set, unless both places hold shapes met again
// since another finding wanted them (second chance: the next one does).
func (set *shapeSet) keep(out []byte, runs []int, d *lint.Diagnostic, message string, page bool, lang string, g *jsonGlue) {
	var k *shape
	switch w := &set.ways; {
	case !w[0].used:
		k = &w[0]
	case !w[1].used:
		k = &w[1]
	default:
		w[0].used, w[1].used = false, false
		return
	}
	k.json, k.holes = k.json[:0], k.holes[:0]
	from := 0
	for i := 0; i < len(runs); i += 2 {
		k.json = append(k.json, out[from:runs[i]]...)
		k.holes = append(k.holes, len(k.json))
		from = runs[i+1]
	}
	k.json = append(k.json, out[from:]...)
	k.used, k.glue = false, g
	k.rule, k.message, k.severity, k.page = d.Rule, message, d.Severity, page
	k.fixes, k.newTexts = k.fixes[:0], k.newTexts[:0]
	for i := range d.Fixes {
		f := &d.Fixes[i]
		k.fixes = append(k.fixes, shapeFix{f.TitleText(lang), f.Applicability, len(f.Edits)})
		for j := range f.Edits {
			k.newTexts = append(k.newTexts, f.Edits[j].NewText)
		}
	}
}

// same tells whether a and b are the same string: the same address and
// length (any two empty strings are).
func same(a, b string) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.StringData(a) == unsafe.StringData(b))
}

// is tells whether k, of d's message, is the shape of d.
func (k *shape) is(d *lint.Diagnostic, page bool, lang string) bool {
	if !same(k.rule, d.Rule) || k.severity != d.Severity || k.page != page || len(k.fixes) != len(d.Fixes) {
		return false
	}
	n := 0
	for i := range d.Fixes {
		f, kf := &d.Fixes[i], &k.fixes[i]
		if kf.applicability != f.Applicability || kf.edits != len(f.Edits) || !same(kf.title, f.TitleText(lang)) {
			return false
		}
		for j := range f.Edits {
			if !same(k.newTexts[n], f.Edits[j].NewText) {
				return false
			}
			n++
		}
	}
	return true
}

// keepable tells whether none of d's strings lies in the document's text,
// which a kept shape would keep alive.
func keepable(d *lint.Diagnostic, message, lang, text string) bool {
	t := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	outside := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return len(s) == 0 || p < t || p >= t+uintptr(len(text))
	}
	if !outside(d.Rule) || !outside(message) {
		return false
	}
	for i := range d.Fixes {
		f := &d.Fixes[i]
		if !outside(f.TitleText(lang)) {
			return false
		}
		for j := range f.Edits {
			if !outside(f.Edits[j].NewText) {
				return false
			}
		}
	}
	return true
}
