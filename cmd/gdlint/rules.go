package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

func init() {
	commands["rules"] = command{summary: "list the rules (ID, family, severity, fixable, summary)", run: runRules}
	commands["explain"] = command{summary: "explain a rule and its legal basis: gdlint explain GD-A001", run: runExplain}
}

func runRules(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("rules", "rules [--format text|json|markdown] [--lang zh|en]",
		"List the rules: ID, family, default severity, fixable, summary. --format markdown\nprints the full reference (docs/rules.md).")
	format := fs.String("format", "text", "output format: text, json or markdown (the rule reference, docs/rules.md)")
	lang := fs.String("lang", "zh", "language: zh or en")
	rest, ok, code := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return fs.fail(stderr, "unexpected argument %q", rest[0])
	}
	var err error
	switch *format {
	case "text":
		err = report.WriteRulesTable(stdout, lint.Rules(), report.OutputOptions{Lang: *lang})
	case "json":
		err = report.WriteRulesJSON(stdout, lint.Rules())
	case "markdown", "md":
		err = report.WriteRulesMarkdown(stdout, lint.Rules())
	default:
		return usageError(stderr, "unknown --format %q (text, json or markdown)", *format)
	}
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	return exitClean
}

func runExplain(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("explain", "explain [--lang zh|en] RULE...",
		"Explain rules and their legal basis, in Markdown (gdlint rules lists them).")
	lang := fs.String("lang", "zh", "language: zh or en")
	ids, ok, code := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(ids) == 0 {
		return fs.fail(stderr, "no RULE given")
	}
	for i, id := range ids {
		r := lint.RuleByID(id)
		if r == nil {
			return usageError(stderr, "unknown rule %q%s", id, suggest(id))
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if err := report.WriteExplanation(stdout, r, report.OutputOptions{Lang: *lang}); err != nil {
			return usageError(stderr, "%v", err)
		}
	}
	return exitClean
}

// suggest names the rules whose ID starts like id (a typo's neighbours).
func suggest(id string) string {
	u := strings.ToUpper(id)
	var near []string
	for _, r := range lint.Rules() {
		if len(u) >= 4 && strings.HasPrefix(r.ID, u[:4]) {
			near = append(near, r.ID)
		}
	}
	sort.Strings(near)
	if len(near) == 0 || len(near) > 8 {
		return " (gdlint rules lists them)"
	}
	return " (did you mean " + strings.Join(near, ", ") + "?)"
}
