package report

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// appendDiagnosticRef is appendDiagnostic before shapes: every member
// appended in turn, the strings through the quote cache. The reference of
// TestShapesAsAppendDiagnosticRef.
func appendDiagnosticRef(b []byte, path []byte, r *lint.FileResult, d *lint.Diagnostic, locate *locator, o OutputOptions, g *jsonGlue, q *quoteCache) []byte {
	text := r.Source.Text
	loc := locate.location(d.Span)
	b = append(append(b, g.file...), path...)
	b = appendLocationRef(b, loc, g.line, g.column, g.endLine, g.endColumn)
	if loc.Page != 0 { // omitempty
		b = appendCount(append(b, g.page...), loc.Page)
	}
	b = q.append(append(b, g.rule...), d.Rule, text)
	b = q.append(append(b, g.severity...), d.Severity.String(), text)
	b = q.append(append(b, g.message...), d.Text(o.Lang), text)
	b = append(b, g.fixes...)
	for i := range d.Fixes {
		f := &d.Fixes[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = q.append(append(append(b, g.fixOpen...), g.title...), f.TitleText(o.Lang), text)
		b = q.append(append(b, g.applicability...), f.Applicability.String(), text)
		b = append(b, g.edits...)
		for j := range f.Edits {
			e := &f.Edits[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, g.editOpen...)
			el := loc // an edit often replaces what the finding points at
			if e.Span != d.Span {
				el = LocationOf(r.Source, e.Span)
			}
			b = appendLocationRef(b, el, g.editLine, g.editColumn, g.editEndLine, g.editEndColumn)
			b = q.append(append(b, g.newText...), e.NewText, text)
			b = append(b, g.editClose...)
		}
		if len(f.Edits) > 0 {
			b = append(b, g.editsEnd...)
		}
		b = append(append(b, ']'), g.fixClose...)
	}
	if len(d.Fixes) > 0 {
		b = append(b, g.fixesEnd...)
	}
	b = append(b, ']')
	return append(b, g.close...)
}

func appendLocationRef(b []byte, loc Location, line, column, endLine, endColumn string) []byte {
	b = appendCount(append(b, line...), loc.Line)
	b = appendCount(append(b, column...), loc.Column)
	b = appendCount(append(b, endLine...), loc.EndLine)
	return appendCount(append(b, endColumn...), loc.EndColumn)
}

// refJSON writes the findings of results one after another with
// appendDiagnosticRef and with appendDiagnostic (one cache for all, as a
// stream has), in both layouts, and fails at the first that differs.
func checkShapesAsRef(t *testing.T, results []*lint.FileResult, o OutputOptions) {
	t.Helper()
	for _, g := range []*jsonGlue{indentedGlue, compactGlue} {
		var q quoteCache
		var c jsonCache
		for _, r := range results {
			path := appendJSONString(nil, r.Path)
			locRef, loc := newLocator(r.Source), newLocator(r.Source)
			for i := range r.Diagnostics {
				d := &r.Diagnostics[i]
				want := string(appendDiagnosticRef([]byte("x"), path, r, d, locRef, o, g, &q))
				if got := string(appendDiagnostic([]byte("x"), path, r, d, loc, o, g, &c)); got != want {
					t.Fatalf("%s finding %d (%s):\n got %q\nwant %q", r.Path, i, d.Rule, got, want)
				}
			}
		}
		// nothing of a document's text is kept
		for _, r := range results {
			inText := func(s string) bool {
				t := uintptr(unsafe.Pointer(unsafe.StringData(r.Source.Text)))
				p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
				return s != "" && p >= t && p < t+uintptr(len(r.Source.Text))
			}
			for _, set := range c.shapes.sets {
				if inText(set.seen) {
					t.Fatalf("a set keeps %q of %s's text", set.seen, r.Path)
				}
				for _, k := range set.ways {
					kept := append([]string{k.rule, k.message}, k.newTexts...)
					for _, f := range k.fixes {
						kept = append(kept, f.title)
					}
					for _, s := range kept {
						if k.glue != nil && inText(s) {
							t.Fatalf("a shape keeps %q of %s's text", s, r.Path)
						}
					}
				}
			}
		}
	}
}

// The real reports' findings, each report twice (the second time from the
// shapes the first made), in Chinese and in English.
func TestShapesAsAppendDiagnosticRef(t *testing.T) {
	paths := testshared.Seeds(t)
	corpus, err := filepath.Glob(filepath.Join(testshared.Dir(t), "corpus", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var results []*lint.FileResult
	for _, p := range append(paths, corpus...) {
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res := lint.Check(lint.FromBytes(p, raw), lint.DefaultConfig(), lint.CheckOptions{})
		if res.Err != nil || res.Source == nil {
			continue
		}
		results = append(results, res, res)
	}
	if len(results) < 2*len(paths) {
		t.Fatalf("only %d reports checked", len(results)/2)
	}
	for _, lang := range []string{"zh", "en"} {
		checkShapesAsRef(t, results, OutputOptions{Lang: lang})
	}
}

// variant is d with one thing of other's (which has as many fixes and
// edits where it matters), or one edit or fix more or less.
func variant(d, other lint.Diagnostic) lint.Diagnostic {
	v := d
	v.Fixes = make([]lint.Fix, len(d.Fixes))
	for i, f := range d.Fixes {
		v.Fixes[i] = f
		v.Fixes[i].Edits = append([]lint.Edit(nil), f.Edits...)
	}
	n := 0
	for _, f := range v.Fixes {
		n += len(f.Edits)
	}
	switch c := (len(d.Message) + len(other.Message) + n) % 9; {
	case c == 0:
		v.Rule = other.Rule
	case c == 1:
		v.Severity = (d.Severity + 1) % 4
	case c == 2:
		v.Message, v.MessageEN = other.Message, other.MessageEN
	case c == 3 && len(v.Fixes) > 0:
		v.Fixes[0].Title, v.Fixes[0].TitleEN = other.Message, other.MessageEN
	case c == 4 && len(v.Fixes) > 0:
		v.Fixes[0].Applicability = 1 - v.Fixes[0].Applicability
	case c == 5 && n > 0:
		for i := range v.Fixes {
			if len(v.Fixes[i].Edits) > 0 {
				v.Fixes[i].Edits[len(v.Fixes[i].Edits)-1].NewText = other.Rule
				break
			}
		}
	case c == 6 && len(v.Fixes) > 0:
		v.Fixes[0].Edits = append(v.Fixes[0].Edits, lint.Edit{NewText: other.Rule})
	case c == 7 && len(v.Fixes) > 0:
		v.Fixes = v.Fixes[1:]
	default:
		v.Fixes = append(v.Fixes, lint.Fix{Title: other.Rule})
	}
	return v
}

// Random findings on random text (Chinese, 𠀀, invalid UTF-8, CRLF, pages):
// strings met again, the same bytes elsewhere, strings of the text, empty
// strings; no fixes, fixes without edits, several of several edits; more
// kinds than the cache holds, so that they take each other's places.
func TestShapesOnRandomFindings(t *testing.T) {
	rnd := rand.New(rand.NewPCG(21, 22))
	pieces := []string{"一", "，", "𠀀", "a", " ", "\r\n", "\n", "\xe4", "\xb8", "\xff", "\"", "\\", "\u2028", "\t"}
	word := func() string {
		var b strings.Builder
		for range rnd.IntN(5) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		return b.String()
	}
	var pool []string
	for range 400 {
		pool = append(pool, word())
	}
	for i := range 40 {
		pool = append(pool, strings.Clone(pool[i]))
	}
	for range 30 {
		var tb strings.Builder
		for tb.Len() < 3000 {
			tb.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		text := tb.String()
		src := grammar.DecodedSource("r.txt", nil, text, grammar.UTF8)
		pages := grammar.DecodedSource("p.pdf", nil, text, grammar.UTF8)
		pages.PageStarts = []int{len(text) / 3, len(text) / 2}
		str := func() string {
			switch rnd.IntN(6) {
			case 0:
				a := rnd.IntN(len(text))
				return text[a : a+rnd.IntN(min(8, len(text)-a)+1)]
			case 1:
				return word() // met once
			}
			return pool[rnd.IntN(len(pool))]
		}
		span := func() grammar.Span {
			a := rnd.IntN(len(text) + 1)
			return grammar.Span{Start: a, End: a + rnd.IntN(len(text)-a+1)}
		}
		fresh := func() lint.Diagnostic {
			d := lint.Diagnostic{Rule: str(), Severity: lint.Severity(rnd.IntN(4)), Message: str(), MessageEN: str()}
			switch rnd.IntN(4) {
			case 0:
			case 1:
				d.Fixes = []lint.Fix{}
			default:
				for range 1 + rnd.IntN(3) {
					f := lint.Fix{Title: str(), TitleEN: str(), Applicability: lint.Applicability(rnd.IntN(2))}
					for range rnd.IntN(4) {
						f.Edits = append(f.Edits, lint.Edit{NewText: str()})
					}
					d.Fixes = append(d.Fixes, f)
				}
			}
			return d
		}
		// kinds of finding: more than the cache's places, the first few
		// most often; most differ from another in one thing only
		var kinds []lint.Diagnostic
		for range 3 * shapeSets {
			if len(kinds) == 0 || rnd.IntN(4) == 0 {
				kinds = append(kinds, fresh())
				continue
			}
			kinds = append(kinds, variant(kinds[rnd.IntN(len(kinds))], fresh()))
		}
		r := &lint.FileResult{Path: "r" + word() + ".txt", Source: src}
		for range 600 {
			var d lint.Diagnostic
			switch k := rnd.IntN(len(kinds)); {
			case rnd.IntN(8) == 0:
				d = fresh()
			case rnd.IntN(2) == 0:
				d = kinds[k%8]
			default:
				d = kinds[k]
			}
			d.Span = span()
			// new fixes and edits: their spans are the finding's own
			fixes := d.Fixes
			if fixes != nil {
				d.Fixes = make([]lint.Fix, len(fixes))
			}
			for i, f := range fixes {
				d.Fixes[i] = f
				d.Fixes[i].Edits = append([]lint.Edit(nil), f.Edits...)
				for j := range d.Fixes[i].Edits {
					d.Fixes[i].Edits[j].Span = d.Span
					if rnd.IntN(2) == 0 {
						d.Fixes[i].Edits[j].Span = span()
					}
				}
			}
			r.Diagnostics = append(r.Diagnostics, d)
		}
		paged := &lint.FileResult{Path: "p.pdf", Source: pages, Diagnostics: r.Diagnostics}
		for _, lang := range []string{"zh", "en"} {
			checkShapesAsRef(t, []*lint.FileResult{r, paged, r}, OutputOptions{Lang: lang})
		}
	}
}
