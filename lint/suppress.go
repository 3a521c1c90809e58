package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/gdlint/gdlint/grammar"
)

// FamilyMeta holds the rules about gdlint itself (suppressions), outside the
// six families of report rules.
const FamilyMeta Family = "meta"

const metaPrefix = "GD-X"

// Rule IDs of the meta family.
const (
	RuleUnusedSuppression  = "GD-X001"
	RuleInvalidSuppression = "GD-X002"
)

var (
	unusedSuppression = &Rule{
		ID: RuleUnusedSuppression, Name: "unused-suppression", Family: FamilyMeta, Severity: Warning,
		Summary:   "抑制注释或 [[ignore]] 条目没有匹配任何问题",
		SummaryEN: "suppression comment or [[ignore]] entry matches no finding",
		Explanation: "一条 `<!-- gdlint-disable-next-line … -->` 注释、`gdlint-disable` 区段或 `.gdlint.toml` 中的 `[[ignore]]`" +
			" 条目没有抑制任何问题：问题已经改正，或者锚定的文字、规则编号写错了。留着不用的抑制会在以后掩盖真正的问题，应当删除。\n\n" +
			"注释的修复（删除该注释）是安全修复；`[[ignore]]` 条目请在配置文件中手动删除。" +
			"只在命名的规则本次运行启用时报告；`[[ignore]]` 只在本次检查了它适用的文件时报告。",
		ExplanationEN: "A `<!-- gdlint-disable-next-line … -->` comment, a `gdlint-disable` range or an `[[ignore]]` entry in `.gdlint.toml`\n" +
			"suppressed no finding: the problem has been fixed, or the anchored text or the rule ID is wrong. An unused suppression\n" +
			"would hide a real problem later and should be deleted.\n" +
			"\n" +
			"The fix for a comment (deleting it) is safe; delete an `[[ignore]]` entry from the configuration file by hand. A\n" +
			"suppression is reported only when the rule it names is enabled in this run; an `[[ignore]]` entry only when this run\n" +
			"checked a file it applies to.",
		Fixable: FixSafe,
		Check:   func(*Context) {},
	}
	invalidSuppression = &Rule{
		ID: RuleInvalidSuppression, Name: "invalid-suppression", Family: FamilyMeta, Severity: Warning,
		Summary:   "抑制注释写错：未知的指令或规则编号",
		SummaryEN: "malformed suppression comment: unknown directive or rule",
		Explanation: "`<!-- gdlint-… -->` 注释的指令只能是 `disable-next-line`、`disable-line`、`disable`、`enable`，" +
			"后面跟零个或多个规则编号（如 `GD-W003`）、编号前缀（如 `GD-W`）或规则族名，用空格或逗号分隔。" +
			"写错的注释什么也不抑制。",
		ExplanationEN: "The directive of a `<!-- gdlint-… -->` comment can only be `disable-next-line`, `disable-line`, `disable` or `enable`,\n" +
			"followed by zero or more rule IDs (such as `GD-W003`), ID prefixes (such as `GD-W`) or family names, separated by spaces\n" +
			"or commas. A malformed comment suppresses nothing.",
		Check: func(*Context) {},
	}
)

func init() {
	FamilyPrefix[FamilyMeta] = metaPrefix
	Register(unusedSuppression)
	Register(invalidSuppression)
}

// directive is one gdlint comment in a report.
type directive struct {
	kind  string // disable-next-line, disable-line, disable, enable
	rules []string
	span  grammar.Span // the whole comment
	// lines [from, to] (0-based, inclusive) it covers; to = -1 for none.
	from, to int
	used     bool
}

var (
	reComment   = regexp.MustCompile(`<!--\s*gdlint-([A-Za-z-]*)([^>]*?)\s*-->`)
	reRuleSplit = regexp.MustCompile(`[\s,，]+`)
)

// directives finds the gdlint comments of a source and reports malformed
// ones. The scan is one regexp pass over the text.
func directives(src *grammar.Source) ([]*directive, []Diagnostic) {
	text := src.Text
	if !strings.Contains(text, "gdlint-") {
		return nil, nil
	}
	var out []*directive
	var bad []Diagnostic
	var open []*directive // disable ranges not closed yet
	for _, m := range reComment.FindAllStringSubmatchIndex(text, -1) {
		sp := grammar.Span{Start: m[0], End: m[1]}
		kind := text[m[2]:m[3]]
		var rules []string
		for _, r := range reRuleSplit.Split(strings.TrimSpace(text[m[4]:m[5]]), -1) {
			if r != "" {
				rules = append(rules, r)
			}
		}
		ok := true
		for _, r := range rules {
			if !selectorMatches(r) {
				bad = append(bad, Diagnostic{Rule: RuleInvalidSuppression, Severity: invalidSuppression.Severity, Span: sp,
					Message:   fmt.Sprintf("抑制注释中的规则 %q 不存在（gdlint rules 列出全部规则）", r),
					MessageEN: fmt.Sprintf("unknown rule %q in suppression comment (gdlint rules lists them)", r)})
				ok = false
			}
		}
		if !ok {
			continue
		}
		first, last := src.Line(sp.Start), src.Line(sp.End)
		d := &directive{kind: kind, rules: rules, span: sp}
		switch kind {
		case "disable-next-line":
			d.from = nextContentLine(src, last+1)
			d.to = d.from
		case "disable-line":
			d.from, d.to = first, last
		case "disable":
			d.from, d.to = last+1, src.LineCount()
			open = append(open, d)
		case "enable":
			// closes the open ranges it names (all of them when it names none)
			for i := 0; i < len(open); i++ {
				if len(rules) == 0 || sameRules(open[i].rules, rules) {
					open[i].to = first
					open = append(open[:i], open[i+1:]...)
					i--
				}
			}
			continue
		default:
			bad = append(bad, Diagnostic{Rule: RuleInvalidSuppression, Severity: invalidSuppression.Severity, Span: sp,
				Message:   fmt.Sprintf("未知的抑制指令 gdlint-%s（应为 disable-next-line、disable-line、disable 或 enable）", kind),
				MessageEN: fmt.Sprintf("unknown suppression directive gdlint-%s (disable-next-line, disable-line, disable or enable)", kind)})
			continue
		}
		out = append(out, d)
	}
	return out, bad
}

func sameRules(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// nextContentLine is the first line at or after n that is not blank (reports
// put blank lines between paragraphs and table rows).
func nextContentLine(src *grammar.Source, n int) int {
	for ; n < src.LineCount(); n++ {
		if strings.TrimSpace(src.Text[src.LineStart(n):src.LineEnd(n)]) != "" {
			return n
		}
	}
	return -1
}

// covers tells whether directive d suppresses a finding of rule r on line.
func (d *directive) covers(r string, line int) bool {
	if line < d.from || line > d.to || d.to < 0 {
		return false
	}
	return ruleListed(d.rules, r)
}

// ruleListed: an empty list means every rule.
func ruleListed(list []string, id string) bool {
	if len(list) == 0 {
		return true
	}
	r := RuleByID(id)
	for _, s := range list {
		if r != nil && selects(s, r) || strings.EqualFold(s, id) {
			return true
		}
	}
	return false
}

// Check lints rep under c: the rules selected for its path, the severity
// overrides and deadline of the config, then the suppressions (comments in
// the report and [[ignore]] entries). Unused or malformed suppression
// comments are reported as GD-X001 / GD-X002.
func (c *Config) Check(rep *grammar.Report, opts *Options) []Diagnostic {
	return c.CheckCached(rep, opts, nil)
}

// CheckCached is Check with a ParagraphCache (nil: none).
func (c *Config) CheckCached(rep *grammar.Report, opts *Options, cache *ParagraphCache) []Diagnostic {
	rules := c.RulesFor(rep.Source.Path)
	diags := RunCached(rep, rules, c.Options(opts), cache)
	return c.suppress(rep.Source, rules, diags)
}

func (c *Config) suppress(src *grammar.Source, rules []*Rule, diags []Diagnostic) []Diagnostic {
	dirs, bad := directives(src)
	var ignores []*AnchoredIgnore
	for _, ig := range c.Ignores {
		if ig.Path == "" || c.globMatches(ig.Path, src.Path) {
			// judged unused only where a rule it names ran
			if namesEnabled([]string{ig.Rule}, rules) {
				ig.applied.Add(1)
			}
			ignores = append(ignores, ig)
		}
	}
	out := diags
	if len(dirs) > 0 || len(ignores) > 0 {
		// filtered in place: diags are this run's own (with neither,
		// nothing is: a report's findings are not looked at, each line
		// found and each finding copied twice)
		out = diags[:0]
		for i := range diags {
			d := &diags[i]
			line := src.Line(d.Span.Start)
			suppressed := false
			for _, dir := range dirs {
				if dir.covers(d.Rule, line) {
					dir.used = true
					suppressed = true
				}
			}
			for _, ig := range ignores {
				if ig.matches(src, d) {
					ig.matched.Add(1)
					suppressed = true
				}
			}
			if !suppressed {
				out = append(out, *d)
			}
		}
	}
	if ruleIn(rules, RuleInvalidSuppression) {
		for _, b := range bad {
			b.Severity = c.SeverityOf(invalidSuppression)
			out = append(out, b)
		}
	}
	if ruleIn(rules, RuleUnusedSuppression) {
		for _, dir := range dirs {
			if dir.used || !namesEnabled(dir.rules, rules) {
				continue
			}
			out = append(out, unusedDirective(src, dir, c.SeverityOf(unusedSuppression)))
		}
	}
	SortDiagnostics(out)
	return out
}

// ruleIn tells whether a rule of the given ID is among rules: two questions
// a run asks, cheaper than a map of the rules built for them.
func ruleIn(rules []*Rule, id string) bool {
	for _, r := range rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

// namesEnabled: a comment is only judged unused when a rule it names ran.
func namesEnabled(list []string, rules []*Rule) bool {
	if len(list) == 0 {
		return true
	}
	for _, r := range rules {
		if r.Family == FamilyMeta {
			continue
		}
		for _, s := range list {
			if selects(s, r) {
				return true
			}
		}
	}
	return false
}

func unusedDirective(src *grammar.Source, dir *directive, sev Severity) Diagnostic {
	what := "所有规则"
	whatEN := "all rules"
	if len(dir.rules) > 0 {
		what = strings.Join(dir.rules, "、")
		whatEN = strings.Join(dir.rules, ", ")
	}
	// remove the whole line when the comment stands alone on it
	del := dir.span
	first, last := src.Line(del.Start), src.Line(del.End)
	ls, le := src.LineStart(first), src.LineEnd(last)
	if strings.TrimSpace(src.Text[ls:del.Start]) == "" && strings.TrimSpace(src.Text[del.End:le]) == "" {
		del = grammar.Span{Start: ls, End: src.LineStart(last + 1)}
	} else {
		for del.Start > ls && (src.Text[del.Start-1] == ' ' || src.Text[del.Start-1] == '\t') {
			del.Start--
		}
	}
	return Diagnostic{
		Rule: RuleUnusedSuppression, Severity: sev, Span: dir.span,
		Message:   fmt.Sprintf("抑制注释 gdlint-%s（%s）没有匹配任何问题", dir.kind, what),
		MessageEN: fmt.Sprintf("suppression comment gdlint-%s (%s) matches no finding", dir.kind, whatEN),
		Fixes: []Fix{{Title: "删除不起作用的抑制注释", TitleEN: "remove the unused suppression comment",
			Edits: []Edit{{Span: del}}, Applicability: Safe}},
	}
}

// matches tells whether the anchored ignore covers d: same rule (or prefix)
// and the quoted text within the lines the finding spans.
func (ig *AnchoredIgnore) matches(src *grammar.Source, d *Diagnostic) bool {
	if !ruleListed([]string{ig.Rule}, d.Rule) {
		return false
	}
	if strings.Contains(src.Slice(d.Span), ig.Text) {
		return true
	}
	first, last := src.Line(d.Span.Start), src.Line(d.Span.End)
	return strings.Contains(src.Text[src.LineStart(first):src.LineEnd(last)], ig.Text)
}

// UnusedIgnores reports the [[ignore]] entries of c that applied to at least
// one checked file and suppressed nothing, as GD-X001 findings on the config
// file. src is the config file's text (for positions).
func (c *Config) UnusedIgnores(src *grammar.Source) []Diagnostic {
	if c.Path == "" || !c.selectedID(RuleUnusedSuppression) {
		return nil
	}
	var out []Diagnostic
	for _, ig := range c.Ignores {
		if ig.applied.Load() == 0 || ig.matched.Load() > 0 || ig.Line < 1 {
			continue
		}
		start := src.LineStart(ig.Line - 1)
		out = append(out, Diagnostic{
			Rule: RuleUnusedSuppression, Severity: c.SeverityOf(unusedSuppression),
			Span:      grammar.Span{Start: start, End: src.LineEnd(ig.Line - 1)},
			Message:   fmt.Sprintf("[[ignore]] 条目（%s，%q）没有匹配任何问题", ig.Rule, ig.Text),
			MessageEN: fmt.Sprintf("[[ignore]] entry (%s, %q) matches no finding", ig.Rule, ig.Text),
		})
	}
	return out
}

func (c *Config) selectedID(id string) bool {
	r := RuleByID(id)
	return r != nil && c.selected(r)
}
