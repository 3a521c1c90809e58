package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/sourcegraph/conc/iter"
	"golang.org/x/term"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

func init() {
	commands["check"] = command{summary: "lint reports (files, directories, - for stdin); the default command", run: runCheck}
}

// Exit codes.
const (
	exitClean    = 0 // no finding at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on (with --diff: files would change)
	exitError    = 2 // usage, configuration or I/O error
)

const stdinName = "<stdin>"

type checkFlags struct {
	format, color, lang, failOn, configPath string
	stdinFilename, deadline, today          string
	selectRules, ignoreRules                string
	fix, unsafe, diff, quiet, showSource    bool
	statistics                              bool
	jobs                                    int
	batch                                   *batchFlags
}

func newCheckFlagSet(stderr io.Writer, f *checkFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.format, "format", "text", "output format: text, json or sarif")
	fs.BoolVar(&f.fix, "fix", false, "apply safe fixes, writing the files in place")
	fs.BoolVar(&f.unsafe, "unsafe-fixes", false, "also apply (and mark as fixable) fixes that need a human's check")
	fs.BoolVar(&f.diff, "diff", false, "print the fixes as a unified diff instead of writing them (exit 1 when there are any)")
	fs.StringVar(&f.configPath, "config", "", "use this config file instead of looking for .gdlint.toml upward from each file")
	fs.StringVar(&f.failOn, "fail-on", "error", "lowest severity that makes the exit code 1: error, warning, info or never")
	fs.StringVar(&f.color, "color", "auto", "colour the text output: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	fs.StringVar(&f.lang, "lang", "zh", "language of messages: zh or en")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "the name of the file read from stdin (for its kind, config and output)")
	fs.StringVar(&f.selectRules, "select", "", "comma-separated rules, prefixes or families to check (replaces the config's select)")
	fs.StringVar(&f.ignoreRules, "ignore", "", "comma-separated rules, prefixes or families not to check (added to the config's)")
	fs.StringVar(&f.deadline, "deadline", "", "publication deadline profile: auto, department, government, local:MM-DD or local (overrides the config)")
	fs.StringVar(&f.today, "today", "", "judge dates as of this day (YYYY-MM-DD) instead of today")
	fs.BoolVar(&f.quiet, "quiet", false, "print findings only, no summary")
	fs.BoolVar(&f.showSource, "show-source", false, "print the source line under each finding, with carets under the span")
	fs.BoolVar(&f.statistics, "statistics", false, "print how many findings each rule has instead of the findings (text format)")
	fs.BoolVar(&f.quiet, "q", false, "short for --quiet")
	fs.IntVar(&f.jobs, "jobs", runtime.GOMAXPROCS(0), "files checked in parallel")
	f.batch = registerBatchFlags(fs) // --report-html/xlsx/json: batch.go
	return fs
}

// parseInterleaved lets flags follow paths (gdlint check DIR --fix), as
// ruff and golangci-lint allow; "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		out = append(out, p)
	}
	return out
}

func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "gdlint: "+format+"\n", args...)
	return exitError
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f checkFlags
	fs := newCheckFlagSet(stderr, &f)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gdlint [check] [flags] PATH...   (PATH: a file, a directory, or - for stdin)")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitError
	}
	switch f.format {
	case "text", "json", "sarif":
	default:
		return usageError(stderr, "unknown --format %q (text, json or sarif)", f.format)
	}
	if f.lang != "zh" && f.lang != "en" {
		return usageError(stderr, "unknown --lang %q (zh or en)", f.lang)
	}
	failOn := lint.Severity(-1)
	if f.failOn != "never" {
		s, err := lint.ParseSeverity(f.failOn)
		if err != nil {
			return usageError(stderr, "--fail-on: %v (or never)", err)
		}
		failOn = s
	}
	color, err := useColor(f.color, stdout)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	opts := &lint.Options{}
	if f.today != "" {
		d, err := time.Parse("2006-01-02", f.today)
		if err != nil {
			return usageError(stderr, "--today %q: want YYYY-MM-DD", f.today)
		}
		opts.Now = d
	}
	if f.deadline != "" {
		d, err := lint.ParseDeadline(f.deadline)
		if err != nil {
			return usageError(stderr, "--deadline: %v", err)
		}
		opts.Deadline = d
		if d == "" {
			opts.Deadline = "auto"
		}
	}
	for _, s := range append(splitList(f.selectRules), splitList(f.ignoreRules)...) {
		if lint.RuleByID(s) == nil && !lint.ValidSelector(s) {
			return usageError(stderr, "unknown rule, prefix or family %q (gdlint rules lists them)", s)
		}
	}
	if f.diff {
		f.fix = true
	}
	resolver := &lint.ConfigResolver{}
	if f.configPath != "" {
		c, err := lint.LoadConfig(f.configPath)
		if err != nil {
			return usageError(stderr, "%v", err)
		}
		resolver.Fixed = c
	}
	// CLI selection on top of whatever config applies
	adjust := func(c *lint.Config) *lint.Config {
		if f.selectRules == "" && f.ignoreRules == "" {
			return c
		}
		return c.WithSelection(splitList(f.selectRules), splitList(f.ignoreRules))
	}
	out := report.OutputOptions{Lang: f.lang, Color: color, Unsafe: f.unsafe, ShowSource: f.showSource}
	copts := lint.CheckOptions{Options: opts, Fix: f.fix, Unsafe: f.unsafe}

	status := exitClean
	var results []*lint.FileResult
	var files []string
	stdinAt := -1
	for _, p := range paths {
		if p == "-" {
			if stdinAt < 0 {
				stdinAt = len(files)
				files = append(files, "-")
			}
			continue
		}
		found, errs := fileio.ExpandPaths([]string{p})
		for _, e := range errs {
			fmt.Fprintf(stderr, "gdlint: %s\n", report.ErrorText(e, f.lang))
			status = exitError
		}
		if len(found) == 0 && len(errs) == 0 {
			fmt.Fprintf(stderr, "gdlint: %s: %s\n", p, msg(f.lang, "目录中没有报告文件（.txt .md .html .docx）", "no report files (.txt .md .html .docx) in directory"))
		}
		files = append(files, found...)
	}
	var configErrs = map[string]bool{}
	checkOne := func(path string) *lint.FileResult {
		display, configFor := path, path
		var raw []byte
		var err error
		if path == "-" {
			display = stdinName
			configFor = filepath.Join(".", "stdin")
			if f.stdinFilename != "" {
				display, configFor = f.stdinFilename, f.stdinFilename
			}
			raw, err = fileio.ReadLimited(stdin)
		} else {
			raw, err = fileio.ReadFile(path)
		}
		if err != nil {
			return &lint.FileResult{Path: display, Err: err}
		}
		cfg, err := resolver.For(configFor)
		if err != nil {
			return &lint.FileResult{Path: display, Err: err}
		}
		return lint.Check(lint.FromBytes(display, raw), adjust(cfg), copts)
	}
	jobs := max(f.jobs, 1)
	results = iter.Mapper[string, *lint.FileResult]{MaxGoroutines: jobs}.Map(files, func(p *string) *lint.FileResult {
		return checkOne(*p)
	})
	for _, r := range results {
		if r.Err == nil {
			continue
		}
		status = exitError
		var ce *lint.ConfigError
		if errors.As(r.Err, &ce) {
			if !configErrs[ce.Error()] {
				configErrs[ce.Error()] = true
				fmt.Fprintf(stderr, "gdlint: %v\n", ce)
			}
			continue
		}
		fmt.Fprintf(stderr, "gdlint: %s: %s\n", r.Path, report.ErrorText(r.Err, f.lang))
	}

	// write fixes (or show them)
	changed := 0
	for i, r := range results {
		// --fix on stdin always gives the report back on stdout, fixed or
		// not, so that an editor piping its buffer through keeps it
		if files[i] == "-" && f.fix && !f.diff && !r.Changed() && r.Source != nil {
			stdout.Write(r.Source.Raw)
		}
		if r.NotRewritten != "" {
			fmt.Fprintf(stderr, "gdlint: %s: %s\n", r.Path, msg(f.lang, "未写入修复："+notRewrittenZH(r.NotRewritten), "fixes not written: "+r.NotRewritten))
		}
		if !r.Changed() {
			continue
		}
		changed++
		switch {
		case f.diff:
			writeDiff(stdout, r)
		case files[i] == "-":
			stdout.Write(r.FixedBytes)
		default:
			if err := fileio.WriteFileAtomic(files[i], r.FixedBytes); err != nil {
				fmt.Fprintf(stderr, "gdlint: %s: %s\n", r.Path, report.ErrorText(err, f.lang))
				status = exitError
			}
		}
	}
	if f.diff {
		if !f.quiet {
			if changed == 0 {
				fmt.Fprintln(stderr, msg(f.lang, "没有可修复的内容。", "No fixes available."))
			} else {
				fmt.Fprintln(stderr, msg(f.lang, fmt.Sprintf("%d 个文件可以修复。", changed), fmt.Sprintf("%d %s would be fixed.", changed, pluralEN(changed, "file", "files"))))
			}
		}
		if changed > 0 && status == exitClean {
			status = exitFindings
		}
		return status
	}

	// cross-year checks over several reports; --report-* files (batch.go)
	if st := writeBatchReports(f.batch, paths, results, f.lang, opts, resolver, adjust, stderr); st != 0 {
		status = st
	}

	// [[ignore]] entries that matched nothing, reported on the config file
	for _, c := range resolver.Configs() {
		if c.Path == "" || len(c.Ignores) == 0 {
			continue
		}
		text, err := os.ReadFile(c.Path)
		if err != nil {
			continue
		}
		src := grammar.NewSource(c.Path, string(text))
		if ds := adjust(c).UnusedIgnores(src); len(ds) > 0 {
			results = append(results, &lint.FileResult{Path: relPath(c.Path), Source: src, Diagnostics: ds})
		}
	}

	// with --fix on stdin the fixed text goes to stdout: findings go to stderr
	findingsOut := stdout
	if f.fix && stdinAt >= 0 {
		findingsOut = stderr
	}
	switch f.format {
	case "text":
		if f.statistics {
			err = report.WriteStatistics(findingsOut, results, out)
		} else {
			err = report.WriteText(findingsOut, results, out)
		}
	case "json":
		err = report.WriteJSON(findingsOut, results, out)
	case "sarif":
		err = report.WriteSARIF(findingsOut, results, lint.Rules(), report.SARIFInfo{Version: version()}, out)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gdlint: %v\n", err)
		return exitError
	}
	counts := report.Count(results, f.unsafe)
	if f.format == "text" && !f.quiet {
		report.WriteSummary(stderr, counts, out, f.fix)
	}
	if status == exitClean && failOn >= 0 {
		for _, r := range results {
			for _, d := range r.Diagnostics {
				if d.Severity >= failOn {
					return exitFindings
				}
			}
		}
	}
	return status
}

func notRewrittenZH(reason string) string {
	if strings.Contains(reason, ".docx") {
		return "--fix 不改写 .docx 和 .html 文件"
	}
	return reason
}

func msg(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func pluralEN(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// useColor decides on ANSI colours: --color=always or never win; auto
// colours a terminal unless NO_COLOR is set (https://no-color.org).
func useColor(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		if f, ok := stdout.(*os.File); ok {
			return term.IsTerminal(int(f.Fd())), nil
		}
		return false, nil
	}
	return false, fmt.Errorf("unknown --color %q (auto, always or never)", mode)
}

// writeDiff prints a unified diff of the decoded text before and after.
func writeDiff(w io.Writer, r *lint.FileResult) {
	d := difflib.UnifiedDiff{
		A: splitLines(r.Original), B: splitLines(r.Fixed),
		FromFile: r.Path, ToFile: r.Path, Context: 3,
	}
	text, err := difflib.GetUnifiedDiffString(d)
	if err != nil {
		return
	}
	io.WriteString(w, text)
	if text != "" && !strings.HasSuffix(text, "\n") {
		io.WriteString(w, "\n")
	}
}

// splitLines splits after each line break; difflib.SplitLines would add an
// empty last line to every text that ends with one.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "\n"
	return lines
}

// relPath shows a path relative to the working directory when it is below it.
func relPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}
