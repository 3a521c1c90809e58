// Package lint checks a parsed report against the template and the 条例.
// It knows nothing of editors or protocols: it reads a *grammar.Report and
// returns diagnostics whose spans are byte ranges of the report's source.
package lint

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gdlint/gdlint/grammar"
)

// Severity of a diagnostic.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return Info, fmt.Errorf("unknown severity %q (error, warning or info)", s)
}

func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what MarshalText writes (findings read back as JSON).
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// Applicability says whether a fix may be applied without a human.
type Applicability int

const (
	// Safe fixes are applied by --fix and by fix-all in editors.
	Safe Applicability = iota
	// Unsafe fixes are offered, and applied only with --unsafe-fixes: when
	// two numbers disagree, which one is wrong is the author's call.
	Unsafe
)

func (a Applicability) String() string {
	if a == Unsafe {
		return "unsafe"
	}
	return "safe"
}

func (a Applicability) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (a *Applicability) UnmarshalText(b []byte) error {
	switch string(b) {
	case "safe":
		*a = Safe
	case "unsafe":
		*a = Unsafe
	default:
		return fmt.Errorf("unknown applicability %q (safe or unsafe)", b)
	}
	return nil
}

// Edit replaces the source bytes of Span with NewText.
type Edit struct {
	Span    grammar.Span
	NewText string
}

// Fix is a set of non-overlapping edits that resolves one diagnostic.
type Fix struct {
	Title         string // Chinese, shown in editors
	TitleEN       string
	Edits         []Edit
	Applicability Applicability
}

// TitleText returns the title in lang ("zh" or "en").
func (f *Fix) TitleText(lang string) string {
	if lang == "en" && f.TitleEN != "" {
		return f.TitleEN
	}
	return f.Title
}

// Related points at another place that takes part in the finding (the other
// cells of a failed balance).
type Related struct {
	Span    grammar.Span
	Message string
	// Path names another document when the finding spans several reports
	// (the batch's cross-year checks); "" means the diagnostic's own.
	Path string
}

// Diagnostic is one finding.
type Diagnostic struct {
	Rule      string
	Severity  Severity
	Span      grammar.Span
	Message   string // Chinese, with the numbers involved
	MessageEN string
	Fixes     []Fix
	Related   []Related
}

// Text returns the message in lang ("zh" or "en").
func (d *Diagnostic) Text(lang string) string {
	if lang == "en" && d.MessageEN != "" {
		return d.MessageEN
	}
	return d.Message
}

// Family groups rules by what they check.
type Family string

const (
	FamilyStructure  Family = "structure"  // GD-S
	FamilyTables     Family = "tables"     // GD-T
	FamilyArithmetic Family = "arithmetic" // GD-A
	FamilyDates      Family = "dates"      // GD-D
	FamilyNarrative  Family = "narrative"  // GD-C
	FamilyWriting    Family = "writing"    // GD-W
	// FamilyYears compares one body's reports of consecutive years; its rules
	// need several reports and run only in batch mode (package lint/batch).
	FamilyYears Family = "years" // GD-Y
)

// FamilyPrefix maps a family to its rule ID prefix.
var FamilyPrefix = map[Family]string{
	FamilyStructure: "GD-S", FamilyTables: "GD-T", FamilyArithmetic: "GD-A",
	FamilyDates: "GD-D", FamilyNarrative: "GD-C", FamilyWriting: "GD-W",
	FamilyYears: "GD-Y",
}

// Rule is one check with a stable ID.
type Rule struct {
	ID        string // GD-A001
	Name      string // kebab-case English name: row-total
	Family    Family
	Severity  Severity
	Summary   string // one line, Chinese
	SummaryEN string
	// Explanation is the longer text with the basis: the 条例 article or the
	// template's requirement. Markdown.
	Explanation string
	// ExplanationEN is Explanation in English, with the same basis; Chinese
	// labels and quotes stay in Chinese (users search for them).
	ExplanationEN string
	// Fixable says which fixes the rule offers, for the catalogue (gdlint
	// rules): FixNone, FixSafe, FixUnsafe or FixSometimes. A test holds it
	// to the fixes the rule emits on the test reports.
	Fixable Fixability
	// PerParagraph says that the rule reads each paragraph of
	// Report.Paragraphs on its own and nothing else of the report (no
	// heading, section, table, year or other paragraph, no Memo, no Gate):
	// its findings lie inside one paragraph and depend only on that
	// paragraph's text and the options. A ParagraphCache then reruns it only
	// on changed paragraphs (TestParagraphCacheMatchesFullRun in package
	// lsp holds the marked rules to it).
	PerParagraph bool
	Check        func(*Context)
}

// SummaryText returns the summary in lang ("zh" or "en"); Chinese when
// there is no English one.
func (r *Rule) SummaryText(lang string) string {
	if lang == "en" && r.SummaryEN != "" {
		return r.SummaryEN
	}
	return r.Summary
}

// ExplanationText returns the explanation in lang ("zh" or "en"); Chinese
// when there is no English one.
func (r *Rule) ExplanationText(lang string) string {
	if lang == "en" && r.ExplanationEN != "" {
		return r.ExplanationEN
	}
	return r.Explanation
}

// Fixability is what kind of fix a rule offers.
type Fixability string

const (
	FixNone      Fixability = ""
	FixSafe      Fixability = "safe"      // its fixes are safe: --fix applies them
	FixUnsafe    Fixability = "unsafe"    // its fixes need --unsafe-fixes
	FixSometimes Fixability = "sometimes" // safe for some findings, unsafe or none for others
)

var registry []*Rule

// Register adds a rule to the catalogue; rule files call it from init.
func Register(r *Rule) {
	for _, o := range registry {
		if o.ID == r.ID {
			panic("lint: duplicate rule " + r.ID)
		}
	}
	registry = append(registry, r)
	sort.Slice(registry, func(i, j int) bool { return registry[i].ID < registry[j].ID })
	rulesByID[r.ID] = r
}

// rulesByID holds the rules by their IDs as registered: RuleByID asks it
// first (a batch's outputs name the family of every finding; the scan
// with EqualFold was about 6,000 instructions a lookup).
var rulesByID = map[string]*Rule{}

// mustHaveRules stops a program that checks documents without having linked
// the rules in (they register themselves when their package is imported): a
// run with no rule would look like a clean report.
func mustHaveRules() {
	for _, r := range registry {
		if r.Family != FamilyMeta && r.Family != FamilyYears {
			return
		}
	}
	panic("lint: no rules registered; import github.com/gdlint/gdlint/lint/rules")
}

// Rules returns the catalogue in ID order.
func Rules() []*Rule { return append([]*Rule(nil), registry...) }

// RuleByID finds a rule by ID (case-insensitive) or by name.
func RuleByID(id string) *Rule {
	if r := rulesByID[id]; r != nil {
		return r // no other rule's ID or name is the same as a rule's ID
	}
	for _, r := range registry {
		if strings.EqualFold(r.ID, id) || r.Name == id {
			return r
		}
	}
	return nil
}

// Options are the settings a run needs beyond the report.
type Options struct {
	// Now is today's date for "in the future" checks; zero means time.Now().
	Now time.Time
	// Deadline is the publication deadline profile: "department" (1月31日),
	// "government" (3月31日), "local:MM-DD", or "" to detect from the body.
	Deadline string
	// Severity overrides the default severity of rules by ID (from the
	// config's [severity] table).
	Severity map[string]Severity
}

// Context is what a rule's Check receives.
type Context struct {
	Report  *grammar.Report
	Options *Options
	rule    *Rule
	diags   []Diagnostic
	gate    Gate
	// memo is shared by every rule of one Run (see Memo).
	memo *memoTable
	// runMemo is the memo of a Run, in the Context's allocation
	runMemo memoTable
	// cache keeps values derived from text across runs (Recall, Keep); nil
	// without a ParagraphCache.
	cache *ParagraphCache
}

// Gate is the run's one decision whether the document is an annual report
// (JudgeReport), made before the first rule runs.
func (c *Context) Gate() Gate { return c.gate }

// Source is the report's source.
func (c *Context) Source() *grammar.Source { return c.Report.Source }

// Now returns the configured date of today.
func (c *Context) Now() time.Time {
	if c.Options != nil && !c.Options.Now.IsZero() {
		return c.Options.Now
	}
	return time.Now()
}

// Emit records a finding of the running rule at its default severity.
func (c *Context) Emit(d Diagnostic) {
	d.Rule = c.rule.ID
	d.Severity = c.rule.Severity
	if c.Options != nil {
		if s, ok := c.Options.Severity[c.rule.ID]; ok {
			d.Severity = s
		}
	}
	c.diags = append(c.diags, d)
}

// Emitf is Emit with a message in both languages and optional fixes.
func (c *Context) Emitf(span grammar.Span, zh, en string, fixes ...Fix) {
	c.Emit(Diagnostic{Span: span, Message: zh, MessageEN: en, Fixes: fixes})
}

// Run applies the given rules (all registered rules when nil) to the report
// and returns the findings ordered by position then rule.
func Run(rep *grammar.Report, rules []*Rule, opts *Options) []Diagnostic {
	return RunCached(rep, rules, opts, nil)
}

// RunCached is Run with the findings of the per-paragraph rules taken from
// cache for the paragraphs whose text it holds (see ParagraphCache); nil
// means no cache.
func RunCached(rep *grammar.Report, rules []*Rule, opts *Options, cache *ParagraphCache) []Diagnostic {
	if cache != nil && !cacheable(rep) {
		cache = nil
	}
	if cache != nil {
		cache.begin(rep)
		defer cache.finish()
	}
	if rules == nil {
		rules = registry
	}
	if opts == nil {
		opts = &Options{}
	}
	var out []Diagnostic
	var scratch *[]Diagnostic
	if cache != nil {
		// about as many as last time: no regrowing on every keystroke
		out = make([]Diagnostic, 0, cache.found+cache.found/8)
		defer func() { cache.found = len(out) }()
	} else {
		// the findings gather in a reused array and are copied once into
		// one of their size: out grown by doubling allocated twice that
		scratch = findingsScratch.Get().(*[]Diagnostic)
		out = (*scratch)[:0]
	}
	gate := JudgeReport(rep)
	// one Context for the rules in turn (none keeps it after its Check),
	// not one per rule
	ctx := &Context{Report: rep, Options: opts, gate: gate, cache: cache}
	memo := &ctx.runMemo
	memo.keys, memo.vals = memo.keyBuf[:0], memo.valBuf[:0]
	ctx.memo = memo
	for _, r := range rules {
		ctx.rule = r // the rest is the run's (no rule sets a field)
		if r.PerParagraph && cache != nil {
			out = cache.run(ctx, out)
			continue
		}
		// the rule emits straight into out: no slice of its own to grow
		// and copy
		ctx.diags = out
		r.Check(ctx)
		out, ctx.diags = ctx.diags, nil
	}
	SortDiagnostics(out)
	if scratch != nil {
		found := out
		out = nil
		if len(found) > 0 {
			out = append(make([]Diagnostic, 0, len(found)), found...)
		}
		clear(found) // the pool keeps no finding alive
		// the run's scratch values give their memory back: the findings
		// are copied out, and no value is kept without a cache
		for i, v := range memo.vals {
			if r, ok := v.(RunReleaser); ok {
				r.ReleaseRun()
			}
			memo.vals[i] = nil
		}
		memo.keys = memo.keys[:0]
		if cap(found) <= maxScratchFindings {
			*scratch = found[:0]
			findingsScratch.Put(scratch)
		}
	}
	if len(out) == 0 {
		return nil // as without a cache
	}
	return out
}

// RunReleaser is a memo value whose memory is reused by later runs:
// ReleaseRun is called at the end of a run without a cache, after the
// findings are copied out; nothing of the value may be reachable from them.
type RunReleaser interface{ ReleaseRun() }

// findingsScratch holds the arrays runs without a cache gather their
// findings in; one larger than maxScratchFindings is let go.
var findingsScratch = sync.Pool{New: func() any { return new([]Diagnostic) }}

const maxScratchFindings = 1 << 14

// MemoKey names one value the rules of a run share, of type T. Keys are
// made by NewMemoKey (a key's number tells it apart).
type MemoKey[T any] struct {
	name string
	id   uint32 // the key's number, what a run's memo looks it up by
}

// NewMemoKey makes a key; name is for people reading a debugger.
func NewMemoKey[T any](name string) *MemoKey[T] {
	return &MemoKey[T]{name: name, id: memoKeys.Add(1)}
}

var memoKeys atomic.Uint32 // the keys made

// Memo returns the value of key for this run, built by build when a rule of
// the run first asks for it: what several rules derive from one report (the
// prose blocks and their sentences, the arithmetic of each table) is computed
// once per run, not once per rule, and a run of one rule pays only for what
// that rule reads. The engine holds the values without knowing them: the
// analyses live beside the rules that read them (package lint/rules), and a
// typed key keeps each value's type without a cast at every use.
func Memo[T any](c *Context, key *MemoKey[T], build func() T) T {
	if c.memo == nil {
		c.memo = newMemoTable()
	}
	k := key.id
	for i, mk := range c.memo.keys {
		if mk == k {
			return c.memo.vals[i].(T)
		}
	}
	v := build()
	c.memo.keys = append(c.memo.keys, k)
	c.memo.vals = append(c.memo.vals, v)
	return v
}

// memoTable holds a run's memoized values by key: a few keys, asked for
// hundreds of times a run, found in a short list rather than hashed as
// interfaces in a map.
type memoTable struct {
	keys   []uint32 // MemoKey ids
	vals   []any
	keyBuf [8]uint32
	valBuf [8]any
}

func newMemoTable() *memoTable {
	t := new(memoTable)
	t.keys, t.vals = t.keyBuf[:0], t.valBuf[:0]
	return t
}

// SortDiagnostics orders findings by start, end, then rule ID.
func SortDiagnostics(ds []Diagnostic) {
	// the runs already in order, merged below: each rule's findings
	// mostly come in document order, so a report's are a few dozen runs
	// (fewer comparisons than sorting anew); bounds holds each run's first
	// position, then len(ds)
	var boundsBuf [64]int
	bounds := append(boundsBuf[:0], 0)
	for i := 1; i < len(ds); i++ {
		if DiagnosticLess(&ds[i], &ds[i-1]) {
			bounds = append(bounds, i)
		}
	}
	if len(bounds) == 1 {
		return // the second sort of a run (after suppressions) finds them sorted
	}
	bounds = append(bounds, len(ds))
	// sort positions, not the large values; ties keep their order (stable);
	// a report's few hundred on the stack
	var idxBuf [512]int32
	idx := idxBuf[:0]
	if 2*len(ds) > len(idxBuf) {
		idx = make([]int32, 0, 2*len(ds))
	}
	idx = idx[:2*len(ds)]
	src, dst := idx[:len(ds)], idx[len(ds):]
	for i := range src {
		src[i] = int32(i)
	}
	// DiagnosticLess's order, ties by position: no two positions are
	// equal, so the merged order is the one any stable sort gives
	less := func(i, j int32) bool {
		a, b := &ds[i], &ds[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return i < j
	}
	// runs are merged in pairs, from src into dst, until one is left
	for len(bounds) > 2 {
		k := 0
		for r := 0; r+1 < len(bounds); r += 2 {
			lo, mid, hi := bounds[r], bounds[r+1], len(ds)
			if r+2 < len(bounds) {
				hi = bounds[r+2]
			}
			mergeIndexes(dst[lo:hi], src[lo:mid], src[mid:hi], less)
			bounds[k] = lo
			k++
		}
		bounds[k] = len(ds)
		bounds = bounds[:k+1]
		src, dst = dst, src
	}
	// put ds[src[i]] at i in place, one cycle of the permutation at a time
	for i := range src {
		if src[i] < 0 {
			continue
		}
		d := ds[i]
		j := i
		for {
			k := int(src[j])
			src[j] = -1
			if k == i {
				ds[j] = d
				break
			}
			ds[j] = ds[k]
			j = k
		}
	}
}

// mergeIndexes merges the ordered a and b into out (len(a)+len(b)), a's
// first on a tie.
func mergeIndexes(out, a, b []int32, less func(i, j int32) bool) {
	i, j := 0, 0
	for k := range out {
		if j == len(b) || i < len(a) && !less(b[j], a[i]) {
			out[k] = a[i]
			i++
		} else {
			out[k] = b[j]
			j++
		}
	}
}

// DiagnosticLess is the order of SortDiagnostics: by start, end, then rule.
func DiagnosticLess(a, b *Diagnostic) bool {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	if a.Span.End != b.Span.End {
		return a.Span.End < b.Span.End
	}
	return a.Rule < b.Rule
}
