package batch

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sourcegraph/conc/pool"
	"golang.org/x/text/unicode/norm"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/rules"
)

// The GD-Y rules (package lint/rules, gd_y*.go) compare one body's reports of
// consecutive years; this file groups the reports by body and year and runs
// them. The types of their outcomes are theirs.
type (
	Status     = rules.Status
	Column     = rules.Column
	Value      = rules.Value
	Similarity = rules.Similarity
	Match      = rules.Match
)

const (
	StatusOK          = rules.StatusOK
	StatusFinding     = rules.StatusFinding
	StatusCannotJudge = rules.StatusCannotJudge

	DefaultParagraphJaccard = rules.DefaultParagraphJaccard
	DefaultSimilarShare     = rules.DefaultSimilarShare
)

// Check kinds.
const (
	KindCarryOver = "carry-over"
	KindNormative = "normative-in-force"
	KindSimilar   = "similar-text"
	KindDuplicate = "duplicate-year"
	KindMissing   = "missing-year"
	KindUngrouped = "ungrouped"
)

// Check is one cross-year comparison between a body's report of Year and its
// report of PrevYear (or, for an ungrouped report, why it was left out).
type Check struct {
	Kind     string
	Rule     string // "" for KindUngrouped
	Body     string
	BodyKey  string
	Year     int
	PrevYear int
	Report   *Report // the later report; the diagnostics live there
	Prev     *Report // the earlier report, nil when there is none
	Status   Status
	// Message summarises the outcome in Chinese; MessageEN in English.
	Message, MessageEN string
	// Columns are the per-column values of GD-Y001 and the terms of GD-Y002.
	Columns []Column
	// Similar is set for GD-Y003.
	Similar *Similarity
	// Missing lists the years absent from a run (GD-Y005).
	Missing []int
}

// NormalizeBody turns a body name into the key that groups its reports:
// full-width letters and digits folded (NFKC), whitespace and punctuation
// dropped.
func NormalizeBody(s string) string {
	if commonIdeographs(s) {
		return s // NFKC keeps them, and none is space, punctuation or a symbol
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// commonIdeographs tells whether s is all CJK ideographs of the common
// block U+4E00–U+9FFF, as most bodies' names are (平潭综合实验区交通与建设局):
// NormalizeBody leaves such a name as it is, without NFKC's tables.
func commonIdeographs(s string) bool {
	for _, r := range s {
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
	}
	return true
}

// group sorts the reports into bodies.
func (res *Result) group() {
	byKey := map[string]*Body{}
	for _, r := range res.Reports {
		if r.Err != nil {
			continue
		}
		if r.BodyKey == "" || r.Year == 0 {
			res.Checks = append(res.Checks, ungrouped(r))
			continue
		}
		b := byKey[r.BodyKey]
		if b == nil {
			b = &Body{Key: r.BodyKey}
			byKey[r.BodyKey] = b
			res.Bodies = append(res.Bodies, b)
		}
		b.Reports = append(b.Reports, r)
	}
	sort.Slice(res.Bodies, func(i, j int) bool { return res.Bodies[i].Key < res.Bodies[j].Key })
	for _, b := range res.Bodies {
		sort.SliceStable(b.Reports, func(i, j int) bool {
			if b.Reports[i].Year != b.Reports[j].Year {
				return b.Reports[i].Year < b.Reports[j].Year
			}
			return b.Reports[i].Path < b.Reports[j].Path
		})
		count := map[string]int{}
		for _, r := range b.Reports {
			count[r.Body]++
			if n := len(b.Years); n == 0 || b.Years[n-1] != r.Year {
				b.Years = append(b.Years, r.Year)
			}
		}
		for _, r := range b.Reports {
			if b.Name == "" || count[r.Body] > count[b.Name] {
				b.Name = r.Body
			}
		}
	}
}

func ungrouped(r *Report) *Check {
	c := &Check{Kind: KindUngrouped, Body: r.Body, BodyKey: r.BodyKey, Year: r.Year, Report: r, Status: StatusCannotJudge}
	switch {
	case r.BodyKey == "" && r.Year == 0:
		c.Message, c.MessageEN = "未能识别机关名称和年度，未参加跨年度比较", "no body name and no year found: left out of the cross-year checks"
	case r.BodyKey == "":
		c.Message, c.MessageEN = "未能识别机关名称，未参加跨年度比较", "no body name found: left out of the cross-year checks"
	default:
		c.Message, c.MessageEN = "未能识别报告年度，未参加跨年度比较", "no report year found: left out of the cross-year checks"
	}
	return c
}

// enabled tells whether a GD-Y rule runs on a pair whose later report is
// cur: as the later report's config says when there is one, else every
// rule when no selection was given, else those selected.
func (res *Result) enabled(r *lint.Rule, cur *Report) bool {
	if res.opts.Config != nil {
		if c := res.opts.Config(cur.Path); c != nil {
			return c.AppliesTo(r, cur.Path)
		}
	}
	if res.opts.Rules == nil {
		return true
	}
	for _, s := range res.opts.Rules {
		if s.ID == r.ID {
			return true
		}
	}
	return false
}

// crossYear runs the GD-Y rules over every body, the bodies side by side:
// comparing the prose of consecutive years (GD-Y003) costs about as much
// as checking the reports did.
func (res *Result) crossYear() {
	found := make([][]*Check, len(res.Bodies))
	p := pool.New().WithMaxGoroutines(res.opts.workers())
	for i, b := range res.Bodies {
		p.Go(func() { found[i] = res.bodyChecks(b) })
	}
	p.Wait()
	for _, checks := range found {
		res.Checks = append(res.Checks, checks...)
	}
	sort.SliceStable(res.Checks, func(i, j int) bool {
		a, c := res.Checks[i], res.Checks[j]
		if a.BodyKey != c.BodyKey {
			return a.BodyKey < c.BodyKey
		}
		if a.Year != c.Year {
			return a.Year < c.Year
		}
		return a.Rule < c.Rule
	})
}

// bodyChecks runs the GD-Y rules over one body's reports. It writes only
// to them (their Diagnostics), so that bodies can be checked at once.
func (res *Result) bodyChecks(b *Body) []*Check {
	var out []*Check
	// one report per year: the first by path; later ones are duplicates
	var chain []*Report
	for _, r := range b.Reports {
		if n := len(chain); n > 0 && chain[n-1].Year == r.Year {
			if res.enabled(rules.RuleDuplicateYear, r) {
				first := chain[n-1]
				out = append(out, record(KindDuplicate, rules.RuleDuplicateYear, b, first, r,
					rules.CheckDuplicateYear(b.Name, first.year, r.year, res.severity(rules.RuleDuplicateYear, r))))
			}
			continue
		}
		chain = append(chain, r)
	}
	// a report in two pairs (the year before, the year after) is read back
	// and cut once
	var last *readBack
	for i := 1; i < len(chain); i++ {
		prev, cur := chain[i-1], chain[i]
		if cur.Year != prev.Year+1 {
			if res.enabled(rules.RuleMissingYear, cur) {
				out = append(out, record(KindMissing, rules.RuleMissingYear, b, prev, cur,
					rules.CheckMissingYear(b.Name, prev.year, cur.year, res.severity(rules.RuleMissingYear, cur))))
			}
			continue
		}
		p := last
		if p == nil || p.r != prev {
			p = &readBack{r: prev, y: prev.yearReport()}
		}
		c := &readBack{r: cur, y: cur.yearReport()}
		out = res.consecutive(out, b, p, c)
		last = c
	}
	return out
}

// readBack is a report's year data read back for the pairs it is in, and
// its prose's segments once GD-Y003 has cut them.
type readBack struct {
	r    *Report
	y    rules.YearReport
	segs *rules.ProseSegments
}

// segments cuts the report's prose the first time a pair needs it.
func (rb *readBack) segments() rules.ProseSegments {
	if rb.segs == nil {
		s := rules.SegmentProse(rb.y)
		rb.segs = &s
	}
	return *rb.segs
}

// severity is the rule's severity under the later report's config.
func (res *Result) severity(r *lint.Rule, cur *Report) lint.Severity {
	if res.opts.Config != nil {
		if c := res.opts.Config(cur.Path); c != nil {
			return c.SeverityOf(r)
		}
	}
	return r.Severity
}

// consecutive runs the checks of two reports of consecutive years and
// appends them to out.
func (res *Result) consecutive(out []*Check, b *Body, prev, cur *readBack) []*Check {
	if r := rules.RuleCarryOver; res.enabled(r, cur.r) {
		out = append(out, record(KindCarryOver, r, b, prev.r, cur.r, rules.CheckCarryOver(prev.y, cur.y, res.severity(r, cur.r))))
	}
	if r := rules.RuleNormativeInForce; res.enabled(r, cur.r) {
		out = append(out, record(KindNormative, r, b, prev.r, cur.r, rules.CheckNormativeInForce(prev.y, cur.y, res.severity(r, cur.r))))
	}
	if r := rules.RuleSimilarText; res.enabled(r, cur.r) {
		o := rules.CheckSimilarSegments(prev.y, cur.y, prev.segments(), cur.segments(), res.severity(r, cur.r),
			res.opts.ParagraphJaccard, res.opts.SimilarShare)
		out = append(out, record(KindSimilar, r, b, prev.r, cur.r, o))
	}
	return out
}

// record is the outcome of one check of the pair prev, cur; its
// diagnostics go with the later report.
func record(kind string, rule *lint.Rule, b *Body, prev, cur *Report, o *rules.YearOutcome) *Check {
	cur.Diagnostics = append(cur.Diagnostics, o.Diagnostics...)
	return &Check{Kind: kind, Rule: rule.ID, Body: b.Name, BodyKey: b.Key,
		Year: cur.Year, PrevYear: prev.Year, Report: cur, Prev: prev, Status: o.Status,
		Message: o.Message, MessageEN: o.MessageEN, Columns: o.Columns, Similar: o.Similar, Missing: o.Missing}
}

// yearReport is what the GD-Y checks read of a report, its data read back
// from the store that holds them. (GD-Y004 and GD-Y005 read only what
// stays in year: its path, year and anchor.) When they cannot be read, the
// store's Err says why and the checks see none.
func (r *Report) yearReport() rules.YearReport {
	b, ok := r.yearData.load()
	if !ok {
		return r.year
	}
	y, err := r.year.WithData(b)
	if err != nil {
		r.yearData.store.fail(err)
		return r.year
	}
	return y
}
