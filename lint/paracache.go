package lint

import (
	"slices"
	"sort"

	"github.com/gdlint/gdlint/grammar"
)

// ParagraphCache keeps the findings of the per-paragraph rules
// (Rule.PerParagraph) of one document by the text of each paragraph, so that
// checking the next version of the document (an editor's keystroke) runs
// those rules only on the paragraphs whose text changed. The whole-document
// rules still run in full. It belongs to one document and one configuration
// (call Reset when the configuration changes); it is not safe for concurrent
// use. Findings are the same as without it.
//
// It also keeps what whole-document rules read from a piece of text alone
// (Recall, Keep): the claims of each prose block, compared with the tables
// in full on every run.
type ParagraphCache struct {
	traditional bool
	running     bool                 // between begin and finish
	gen         uint32               // the run: entries it uses are stamped with it
	entries     map[string]*paraSlot // by paragraph text
	slots       []*paraSlot          // the current run's paragraphs' entries, in order
	texts       map[textKey]*textEntry
	found       int // findings of the last run, before suppressions
	// scan is the parser's phrase scan of the last text checked with this
	// cache: the next parse scans again only around the edit
	scan grammar.PhraseScan
}

// textEntry is the value of a TextKey for one text.
type textEntry struct {
	v   any
	gen uint32
}

// paraSlot holds the findings of the per-paragraph rules on one paragraph
// text, spans relative to the paragraph's start: one lookup per paragraph
// serves every rule.
type paraSlot struct {
	rules []paraFindings
	gen   uint32
}

type paraFindings struct {
	rule  *Rule
	diags []Diagnostic
}

func (s *paraSlot) get(r *Rule) ([]Diagnostic, bool) {
	for _, f := range s.rules {
		if f.rule == r {
			return f.diags, true
		}
	}
	return nil, false
}

func (s *paraSlot) set(r *Rule, ds []Diagnostic) {
	for i, f := range s.rules {
		if f.rule == r {
			s.rules[i].diags = ds
			return
		}
	}
	s.rules = append(s.rules, paraFindings{r, ds})
}

// Reset forgets every entry.
func (pc *ParagraphCache) Reset() { pc.entries, pc.slots, pc.texts = nil, nil, nil }

// cacheable tells whether rep's paragraphs can be keyed by their source
// text: only when the parser read the source itself (plain text, Markdown
// without markup to strip), where a paragraph's findings move with it.
func cacheable(rep *grammar.Report) bool {
	return rep.View == nil || rep.View.Text == rep.Source.Text
}

// begin starts a run on rep; finish ends it, dropping what the run did not
// use, so the cache holds one document's paragraphs and no more.
func (pc *ParagraphCache) begin(rep *grammar.Report) {
	if pc.traditional != rep.Traditional {
		pc.entries, pc.texts = nil, nil
		pc.traditional = rep.Traditional
	}
	pc.running, pc.slots = true, nil
	pc.gen++
	if pc.texts == nil {
		pc.texts = map[textKey]*textEntry{}
	}
}

// finish drops the entries the run did not use (one lookup each per run,
// not a map rebuilt).
func (pc *ParagraphCache) finish() {
	if pc.slots == nil {
		pc.entries = nil // no per-paragraph rule ran
	}
	for k, sl := range pc.entries {
		if sl.gen != pc.gen {
			delete(pc.entries, k)
		}
	}
	for k, e := range pc.texts {
		if e.gen != pc.gen {
			delete(pc.texts, k)
		}
	}
	pc.running, pc.slots = false, nil
}

// slotsOf returns the entries of rep's paragraphs, looked up once per run.
func (pc *ParagraphCache) slotsOf(rep *grammar.Report) []*paraSlot {
	if pc.slots != nil {
		return pc.slots
	}
	if pc.entries == nil {
		pc.entries = make(map[string]*paraSlot, len(rep.Paragraphs))
	}
	pc.slots = make([]*paraSlot, len(rep.Paragraphs))
	for i, p := range rep.Paragraphs {
		text := rep.Source.Slice(p.Span)
		sl, ok := pc.entries[text]
		if !ok {
			sl = &paraSlot{}
			pc.entries[text] = sl
		}
		sl.gen = pc.gen
		pc.slots[i] = sl
	}
	return pc.slots
}

// run applies the per-paragraph rule of ctx to the paragraphs whose text the
// cache does not hold, and appends the findings of every paragraph to out in
// the order a full run emits them.
func (pc *ParagraphCache) run(ctx *Context, out []Diagnostic) []Diagnostic {
	rep, r := ctx.Report, ctx.rule
	slots := pc.slotsOf(rep)
	found := make([][]Diagnostic, len(rep.Paragraphs))
	var miss []*grammar.Paragraph
	var missAt []int
	for i, p := range rep.Paragraphs {
		if ds, ok := slots[i].get(r); ok {
			found[i] = ds
		} else {
			miss = append(miss, p)
			missAt = append(missAt, i)
		}
	}
	if len(miss) > 0 {
		sub := *rep
		sub.Paragraphs = miss
		// a run of its own: what it memoizes is of these paragraphs only
		mc := &Context{Report: &sub, Options: ctx.Options, rule: r, gate: ctx.gate, memo: newMemoTable()}
		r.Check(mc)
		rel := make([][]Diagnostic, len(miss))
		for _, d := range mc.diags {
			j := sort.Search(len(miss), func(j int) bool { return miss[j].Span.Start > d.Span.Start }) - 1
			if j < 0 || d.Span.End > miss[j].Span.End {
				// not a per-paragraph rule after all: no cache for it
				full := &Context{Report: rep, Options: ctx.Options, rule: r, gate: ctx.gate, memo: ctx.memo}
				r.Check(full)
				return append(out, full.diags...)
			}
			rel[j] = append(rel[j], shifted(d, -miss[j].Span.Start))
		}
		for j := range miss {
			slots[missAt[j]].set(r, rel[j])
			found[missAt[j]] = rel[j]
		}
	}
	sh := newShifter(found)
	out = slices.Grow(out, sh.n)
	for i, p := range rep.Paragraphs {
		for _, d := range found[i] {
			out = append(out, sh.shifted(d, p.Span.Start))
		}
	}
	return out
}

// shifter makes shifted copies of cached findings like shifted, cutting
// their fixes, edits and related information from arrays sized in advance:
// a few allocations per run instead of some per finding.
type shifter struct {
	n     int // findings
	fixes []Fix
	edits []Edit
	rel   []Related
}

func newShifter(groups [][]Diagnostic) *shifter {
	var nf, ne, nr int
	sh := &shifter{}
	for _, ds := range groups {
		sh.n += len(ds)
		for _, d := range ds {
			nf += len(d.Fixes)
			nr += len(d.Related)
			for _, f := range d.Fixes {
				ne += len(f.Edits)
			}
		}
	}
	sh.fixes, sh.edits, sh.rel = make([]Fix, nf), make([]Edit, ne), make([]Related, nr)
	return sh
}

func (sh *shifter) shifted(d Diagnostic, delta int) Diagnostic {
	d.Span = shiftSpan(d.Span, delta)
	if n := len(d.Fixes); n > 0 {
		fixes := sh.fixes[:n:n]
		sh.fixes = sh.fixes[n:]
		for i, f := range d.Fixes {
			if m := len(f.Edits); m > 0 {
				edits := sh.edits[:m:m]
				sh.edits = sh.edits[m:]
				for j, e := range f.Edits {
					edits[j] = Edit{Span: shiftSpan(e.Span, delta), NewText: e.NewText}
				}
				f.Edits = edits
			}
			fixes[i] = f
		}
		d.Fixes = fixes
	}
	if n := len(d.Related); n > 0 {
		rel := sh.rel[:n:n]
		sh.rel = sh.rel[n:]
		for i, r := range d.Related {
			if r.Path == "" {
				r.Span = shiftSpan(r.Span, delta)
			}
			rel[i] = r
		}
		d.Related = rel
	}
	return d
}

// shifted is d with every span moved by delta; the cached d is not changed.
func shifted(d Diagnostic, delta int) Diagnostic {
	d.Span = shiftSpan(d.Span, delta)
	if d.Fixes != nil {
		fixes := make([]Fix, len(d.Fixes))
		for i, f := range d.Fixes {
			edits := make([]Edit, len(f.Edits))
			for j, e := range f.Edits {
				edits[j] = Edit{Span: shiftSpan(e.Span, delta), NewText: e.NewText}
			}
			f.Edits = edits
			fixes[i] = f
		}
		d.Fixes = fixes
	}
	if d.Related != nil {
		rel := make([]Related, len(d.Related))
		for i, r := range d.Related {
			if r.Path == "" {
				r.Span = shiftSpan(r.Span, delta)
			}
			rel[i] = r
		}
		d.Related = rel
	}
	return d
}

func shiftSpan(sp grammar.Span, delta int) grammar.Span {
	return grammar.Span{Start: sp.Start + delta, End: sp.End + delta}
}

// TextKey names a value of type T that a rule derives from a piece of text
// and nothing else (no position, table, year or option), kept across runs by
// a ParagraphCache: see Recall and Keep.
type TextKey[T any] struct{ slot *textSlot }

type textSlot struct{ name string }

type textKey struct {
	slot *textSlot
	text string
}

// NewTextKey makes a key; name is for people reading a debugger.
func NewTextKey[T any](name string) *TextKey[T] { return &TextKey[T]{slot: &textSlot{name: name}} }

// KeepsValues tells whether the run keeps values by text (Keep) for later
// runs: a rule may then not put a value it keeps in memory shared with
// values it does not, or the kept one would hold the rest.
func (c *Context) KeepsValues() bool { return c.cache != nil && c.cache.running }

// Recall returns the value of key kept for text by this run or an earlier
// run with the same cache; ok is false when there is none (always without a
// cache: a CLI run derives every value afresh).
func Recall[T any](c *Context, key *TextKey[T], text string) (v T, ok bool) {
	pc := c.cache
	if pc == nil || !pc.running {
		return v, false
	}
	e, ok := pc.texts[textKey{key.slot, text}]
	if !ok {
		return v, false
	}
	e.gen = pc.gen
	return e.v.(T), true
}

// Keep records v as the value of key for text, for Recall in this run and
// the next one. v must be a function of text alone, and so must anything
// filled into it later: every run and every equal text shares it.
func Keep[T any](c *Context, key *TextKey[T], text string, v T) {
	if pc := c.cache; pc != nil && pc.running {
		pc.texts[textKey{key.slot, text}] = &textEntry{v: v, gen: pc.gen}
	}
}
