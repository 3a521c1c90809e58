package lint

import (
	"errors"
	"sort"

	"github.com/gdlint/gdlint/grammar"
)

// ApplyEdits applies non-overlapping edits to text. Edits that overlap an
// edit already taken (in order of start) are skipped; the count of applied
// edits is returned.
func ApplyEdits(text string, edits []Edit) (string, int) {
	es := append([]Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Span.Start != es[j].Span.Start {
			return es[i].Span.Start < es[j].Span.Start
		}
		return es[i].Span.End < es[j].Span.End
	})
	var out []byte
	pos, n, lastInsert := 0, 0, -1
	for _, e := range es {
		if e.Span.Start < pos || e.Span.End > len(text) || e.Span.Start > e.Span.End {
			continue
		}
		// two insertions at one point would be ambiguous; keep the first
		if e.Span.Len() == 0 && e.Span.Start == lastInsert {
			continue
		}
		if e.Span.Len() == 0 {
			lastInsert = e.Span.Start
		}
		out = append(out, text[pos:e.Span.Start]...)
		out = append(out, e.NewText...)
		pos = e.Span.End
		n++
	}
	out = append(out, text[pos:]...)
	return string(out), n
}

// FixEdits collects the edits of the fixes of diags that may be applied:
// safe ones, and unsafe ones too when unsafe is set. A diagnostic whose fix
// overlaps one already taken is left for the next round.
func FixEdits(diags []Diagnostic, unsafe bool) []Edit {
	var edits []Edit
	taken := []grammar.Span{}
	for _, d := range diags {
		for _, f := range d.Fixes {
			if f.Applicability == Unsafe && !unsafe {
				continue
			}
			if overlapsAny(f.Edits, taken) {
				break
			}
			for _, e := range f.Edits {
				edits = append(edits, e)
				taken = append(taken, e.Span)
			}
			break // one fix per diagnostic
		}
	}
	return edits
}

func overlapsAny(edits []Edit, taken []grammar.Span) bool {
	for _, e := range edits {
		for _, t := range taken {
			if e.Span.Start < t.End && t.Start < e.Span.End || e.Span.Start == t.Start {
				return true
			}
		}
	}
	return false
}

// maxFixRounds bounds the fix loop: real fixes settle in two or three
// rounds; a text still changing after this many is not converging.
const maxFixRounds = 10

// ErrFixNotConverged is the fix loop giving up: the fixes kept changing the
// text (one fix undoing or re-enabling another). Nothing should be written.
var ErrFixNotConverged = errors.New("fixes did not converge")

// FixText lints and fixes text until nothing changes and returns the fixed
// text and the number of edits applied. parse turns text into a report (the
// caller knows the file's name and kind). When the fixes do not converge it
// returns the text unchanged and no edits.
func FixText(text string, parse func(string) *grammar.Report, rules []*Rule, opts *Options, unsafe bool) (string, int) {
	fixed, n, err := fixLoop(text, parse, func(rep *grammar.Report) []Diagnostic { return Run(rep, rules, opts) }, unsafe, false)
	if err != nil {
		return text, 0
	}
	return fixed, n
}

// fixLoop parses, checks and applies the fixes until nothing changes. A
// text still changing after maxFixRounds rounds gives ErrFixNotConverged
// (the original text back): writing it would make the file grow or change
// on every run. With crlf, line breaks in new text are written as CRLF.
func fixLoop(text string, parse func(string) *grammar.Report, check func(*grammar.Report) []Diagnostic, unsafe, crlf bool) (string, int, error) {
	original, total := text, 0
	for round := 0; ; round++ {
		edits := FixEdits(check(parse(text)), unsafe)
		if len(edits) == 0 {
			return text, total, nil
		}
		if round == maxFixRounds {
			return original, 0, ErrFixNotConverged
		}
		if crlf {
			for i := range edits {
				edits[i].NewText = toCRLF(edits[i].NewText)
			}
		}
		next, n := ApplyEdits(text, edits)
		if next == text {
			return text, total, nil
		}
		total += n
		text = next
	}
}
