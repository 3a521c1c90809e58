package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/sourcegraph/conc/iter"
	"golang.org/x/term"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
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

// checkFormats are check's output formats, in the order help lists them.
var checkFormats = []string{"text", "json", "json-lines", "sarif", "github", "gitlab", "junit"}

const checkAbout = `Lint reports: PATH is a file, a directory (walked for .txt .md .docx .html .pdf
files) or - for standard input. Findings go to stdout, the summary to stderr.
Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or a file
that could not be checked.`

func newCheckFlags(f *checkFlags) *cmdFlags {
	fs := newFlags("check", "[check] [flags] PATH...", checkAbout)
	fs.StringVar(&f.format, "format", "text", "output format: "+strings.Join(checkFormats, ", "))
	fs.BoolVar(&f.fix, "fix", false, "apply safe fixes, writing the files in place")
	fs.BoolVar(&f.unsafe, "unsafe-fixes", false, "also apply (and mark as fixable) fixes that need a human's check")
	fs.BoolVar(&f.diff, "diff", false, "print the fixes as a unified diff instead of writing them (exit 1 when there are any)")
	fs.StringVar(&f.failOn, "fail-on", "error", "lowest severity that makes the exit code 1: error, warning, info or never")
	fs.StringVar(&f.configPath, "config", "", "use this config file instead of looking for .gdlint.toml upward from each file")
	fs.StringVar(&f.selectRules, "select", "", "comma-separated rules, prefixes or families to check (replaces the config's select)")
	fs.StringVar(&f.ignoreRules, "ignore", "", "comma-separated rules, prefixes or families not to check (added to the config's)")
	fs.StringVar(&f.deadline, "deadline", "", "publication deadline profile: auto, department, government, local:MM-DD or local (overrides the config)")
	fs.StringVar(&f.today, "today", "", "judge dates as of this day (YYYY-MM-DD) instead of today")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "the name of the file read from stdin (for its kind, config and output)")
	fs.BoolVar(&f.statistics, "statistics", false, "print how many findings each rule has instead of the findings (text format)")
	fs.BoolVar(&f.showSource, "show-source", false, "print the source line under each finding, with carets under the span")
	fs.StringVar(&f.lang, "lang", "zh", "language of messages: zh or en")
	fs.StringVar(&f.color, "color", "auto", "colour the text output: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print findings only: no summary, no progress bar")
	fs.IntVar(&f.jobs, "jobs", runtime.GOMAXPROCS(0), "files checked in parallel")
	f.batch = registerBatchFlags(fs.FlagSet) // --report-html/xlsx/json: batch.go
	return fs
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

// checkRun is one run of `gdlint check`: what the flags asked for, the
// streams, and the exit status so far.
type checkRun struct {
	f        checkFlags
	flags    *cmdFlags
	failOn   lint.Severity // -1: never fail on findings
	opts     *lint.Options
	resolver *lint.ConfigResolver
	out      report.OutputOptions
	copts    lint.CheckOptions

	stdin          io.Reader
	stdout, stderr io.Writer
	status         int
	// unexpanded are the paths that named nothing readable (a missing
	// file): they have no place among the files checked, but the printers
	// and the summary must count them as not checked
	unexpanded []*lint.FileResult
	// walked are the files a directory walk found (not named themselves)
	walked map[string]bool
	// skipped are the walked files left out as not annual reports
	skipped []batch.Skipped
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &checkRun{stdin: stdin, stdout: stdout, stderr: stderr, walked: map[string]bool{}}
	paths, code := c.parseFlags(args)
	if paths == nil {
		return code
	}
	if code := c.settings(); code != exitClean {
		return code
	}
	files, stdinAt := c.expand(paths)
	jobs := max(c.f.jobs, 1)
	bar := newProgress(c.stderr, len(files), c.f.quiet, c.f.lang)
	summarize := c.f.batch.wanted() || len(files) > 1
	checked := iter.Mapper[string, checkedFile]{MaxGoroutines: jobs}.Map(files, func(p *string) checkedFile {
		defer bar.done()
		return c.checkAndCompact(*p, summarize)
	})
	bar.finish()
	results := make([]*lint.FileResult, len(checked))
	for i := range checked {
		results[i] = checked[i].result
	}
	c.reportUnchecked(results)
	files, checked = c.skipNonReports(files, checked)
	results, summaries := results[:0], make([]*batch.Report, 0, len(checked))
	for _, f := range checked {
		results = append(results, f.result)
		summaries = append(summaries, f.summary)
	}
	changed := c.writeFixes(files, results)
	if c.f.diff {
		if !c.f.quiet {
			report.WriteDiffSummary(stderr, changed, c.f.lang)
		}
		if changed > 0 && c.status == exitClean {
			c.status = exitFindings
		}
		return c.status
	}
	// cross-year checks over several reports; --report-* files (batch.go)
	if st := writeBatchReports(c.f.batch, paths, results, summaries, c.skipped, c.f.lang, c.opts, c.resolver, c.adjust, stderr); st != 0 {
		c.status = st
	}
	results = append(results, c.unusedIgnores()...)
	// with --fix on stdin the fixed text goes to stdout: findings go to stderr
	findingsOut := stdout
	if c.f.fix && stdinAt >= 0 {
		findingsOut = stderr
	}
	if err := c.print(findingsOut, results); err != nil {
		fmt.Fprintf(stderr, "gdlint: %v\n", err)
		return exitError
	}
	if c.status == exitClean && c.failOn >= 0 && anyAtLeast(results, c.failOn) {
		return exitFindings
	}
	return c.status
}

// parseFlags reads the flags and returns the paths, or nil and the exit code.
func (c *checkRun) parseFlags(args []string) ([]string, int) {
	c.flags = newCheckFlags(&c.f)
	paths, ok, code := c.flags.parse(args, c.stdout, c.stderr)
	if !ok {
		return nil, code
	}
	if len(paths) == 0 {
		return nil, c.flags.fail(c.stderr, "no PATH given (a file, a directory, or - for standard input)")
	}
	return paths, exitClean
}

// settings checks the flag values and turns them into the run's options.
func (c *checkRun) settings() int {
	f := &c.f
	if !slices.Contains(checkFormats, f.format) {
		msg := fmt.Sprintf("unknown --format %q (%s)", f.format, strings.Join(checkFormats, ", "))
		if near := nearest(f.format, checkFormats); near != "" {
			msg = fmt.Sprintf("unknown --format %q (did you mean %s?)", f.format, near)
		}
		return c.flags.fail(c.stderr, "%s", msg)
	}
	if f.lang != "zh" && f.lang != "en" {
		return usageError(c.stderr, "unknown --lang %q (zh or en)", f.lang)
	}
	c.failOn = lint.Severity(-1)
	if f.failOn != "never" {
		s, err := lint.ParseSeverity(f.failOn)
		if err != nil {
			return usageError(c.stderr, "--fail-on: %v (or never)", err)
		}
		c.failOn = s
	}
	color, err := useColor(f.color, c.stdout)
	if err != nil {
		return usageError(c.stderr, "%v", err)
	}
	if c.opts, err = lintOptions(f); err != nil {
		return usageError(c.stderr, "%v", err)
	}
	for _, s := range append(splitList(f.selectRules), splitList(f.ignoreRules)...) {
		if lint.RuleByID(s) == nil && !lint.ValidSelector(s) {
			return usageError(c.stderr, "unknown rule, prefix or family %q (gdlint rules lists them)", s)
		}
	}
	if f.diff {
		f.fix = true
	}
	c.resolver = &lint.ConfigResolver{}
	if f.configPath != "" {
		cfg, err := lint.LoadConfig(f.configPath)
		if err != nil {
			return usageError(c.stderr, "%v", err)
		}
		c.resolver.Fixed = cfg
	}
	c.out = report.OutputOptions{Lang: f.lang, Color: color, Unsafe: f.unsafe, ShowSource: f.showSource,
		FailOn: max(c.failOn, lint.Info), NeverFail: c.failOn < 0}
	c.copts = lint.CheckOptions{Options: c.opts, Fix: f.fix, Unsafe: f.unsafe}
	return exitClean
}

// lintOptions reads --today and --deadline.
func lintOptions(f *checkFlags) (*lint.Options, error) {
	opts := &lint.Options{}
	if f.today != "" {
		d, err := time.Parse("2006-01-02", f.today)
		if err != nil {
			return nil, fmt.Errorf("--today %q: want YYYY-MM-DD", f.today)
		}
		opts.Now = d
	}
	if f.deadline != "" {
		d, err := lint.ParseDeadline(f.deadline)
		if err != nil {
			return nil, fmt.Errorf("--deadline: %v", err)
		}
		opts.Deadline = d
		if d == "" {
			opts.Deadline = "auto"
		}
	}
	return opts, nil
}

// adjust puts the command line's --select and --ignore on top of whatever
// config applies.
func (c *checkRun) adjust(cfg *lint.Config) *lint.Config {
	if c.f.selectRules == "" && c.f.ignoreRules == "" {
		return cfg
	}
	return cfg.WithSelection(splitList(c.f.selectRules), splitList(c.f.ignoreRules))
}

// expand turns the paths into the files to check ("-" once, for stdin) and
// says where stdin is among them (-1: not read).
func (c *checkRun) expand(paths []string) (files []string, stdinAt int) {
	stdinAt = -1
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
			fmt.Fprintf(c.stderr, "gdlint: %s\n", report.ErrorText(e, c.f.lang))
			c.status = exitError
			path, err := p, e
			if fe := (*fileio.FileError)(nil); errors.As(e, &fe) {
				path, err = fe.Path, fe.Err // the path once, as for a file read
			}
			c.unexpanded = append(c.unexpanded, &lint.FileResult{Path: path, Err: err})
		}
		if len(found) == 0 && len(errs) == 0 {
			fmt.Fprintf(c.stderr, "gdlint: %s: %s\n", p, report.NoReportFilesText(c.f.lang))
		}
		if !(len(found) == 1 && found[0] == p) {
			for _, f := range found {
				c.walked[f] = true
			}
		}
		files = append(files, found...)
	}
	return files, stdinAt
}

// skipNonReports drops the files a directory walk found that are clearly
// not annual reports (a folder's README.md, SOURCES.md: lint.JudgeReport,
// the decision of GD-S010), saying so in one line each on stderr: they stay
// out of the findings, the summary and the exit code. A file named on the
// command line is always checked.
func (c *checkRun) skipNonReports(files []string, checked []checkedFile) ([]string, []checkedFile) {
	var keptFiles []string
	var kept []checkedFile
	for i, f := range checked {
		if g := f.notReport; g != nil {
			fmt.Fprintf(c.stderr, "gdlint: %s: %s\n", f.result.Path, report.SkippedText(g.Why, g.WhyEN, c.f.lang))
			c.skipped = append(c.skipped, batch.Skipped{Path: f.result.Path, Why: g.Why, WhyEN: g.WhyEN})
			continue
		}
		keptFiles = append(keptFiles, files[i])
		kept = append(kept, f)
	}
	return keptFiles, kept
}

// checkedFile is one checked file as the run keeps it to the end: its
// findings and document without the parse, which would hold every table
// cell and paragraph of thousands of reports until the last is printed.
type checkedFile struct {
	result *lint.FileResult
	// summary is what the batch outputs and the cross-year checks read of
	// the file (nil when they are not wanted or the file failed to parse).
	summary *batch.Report
	// notReport is set for a file a directory walk found that is not an
	// annual report: why it is skipped.
	notReport *lint.Gate
}

// checkAndCompact checks one file and frees what the rest of the run does
// not read: the parse (after summarizing it for the batch when asked) and
// the raw bytes, which only --fix on stdin writes back.
func (c *checkRun) checkAndCompact(path string, summarize bool) checkedFile {
	r := c.checkOne(path)
	out := checkedFile{result: r}
	if r.Err != nil || r.Report == nil {
		if summarize {
			out.summary = batch.Summarize(r) // the failure, listed in the batch outputs
		}
		return out
	}
	if c.walked[path] && !r.Annual {
		g := lint.JudgeReport(r.Report)
		out.notReport = &g
	}
	if summarize {
		out.summary = batch.Summarize(r)
	}
	r.Report = nil
	if path != "-" && r.Source != nil {
		r.Source.Raw = nil
	}
	return out
}

// checkOne reads and checks one file ("-": stdin) under the config that
// applies to it.
func (c *checkRun) checkOne(path string) *lint.FileResult {
	display, configFor := path, path
	var raw []byte
	var err error
	if path == "-" {
		display = stdinName
		configFor = filepath.Join(".", "stdin")
		if c.f.stdinFilename != "" {
			display, configFor = c.f.stdinFilename, c.f.stdinFilename
		}
		raw, err = fileio.ReadLimited(c.stdin)
	} else {
		raw, err = fileio.ReadFile(path)
	}
	if err != nil {
		return &lint.FileResult{Path: display, Err: err}
	}
	cfg, err := c.resolver.For(configFor)
	if err != nil {
		return &lint.FileResult{Path: display, Err: err}
	}
	return lint.Check(lint.FromBytes(display, raw), c.adjust(cfg), c.copts)
}

// reportUnchecked prints why files could not be checked, a broken config
// once however many files it applies to.
func (c *checkRun) reportUnchecked(results []*lint.FileResult) {
	configErrs := map[string]bool{}
	for _, r := range results {
		if r.Err == nil {
			continue
		}
		c.status = exitError
		var ce *lint.ConfigError
		if errors.As(r.Err, &ce) {
			if !configErrs[ce.Error()] {
				configErrs[ce.Error()] = true
				fmt.Fprintf(c.stderr, "gdlint: %v\n", ce)
			}
			continue
		}
		fmt.Fprintf(c.stderr, "gdlint: %s: %s\n", r.Path, report.ErrorText(r.Err, c.f.lang))
	}
}

// writeFixes writes the fixed files (stdin's to stdout), or their diffs
// with --diff, and returns how many files changed.
func (c *checkRun) writeFixes(files []string, results []*lint.FileResult) int {
	changed := 0
	for i, r := range results {
		// --fix on stdin always gives the report back on stdout, fixed or
		// not, so that an editor piping its buffer through keeps it
		if files[i] == "-" && c.f.fix && !c.f.diff && !r.Changed() && r.Source != nil {
			c.stdout.Write(r.Source.Raw)
		}
		if r.NotRewritten != "" {
			fmt.Fprintf(c.stderr, "gdlint: %s: %s\n", r.Path, report.NotRewrittenText(r.NotRewritten, c.f.lang))
			if r.FixFailed {
				c.status = exitError
			}
		}
		if !r.Changed() {
			continue
		}
		changed++
		switch {
		case c.f.diff:
			report.WriteDiff(c.stdout, r)
		case files[i] == "-":
			c.stdout.Write(r.FixedBytes)
		default:
			if err := fileio.WriteFileAtomic(files[i], r.FixedBytes); err != nil {
				fmt.Fprintf(c.stderr, "gdlint: %s: %s\n", r.Path, report.ErrorText(err, c.f.lang))
				c.status = exitError
			}
		}
	}
	return changed
}

// unusedIgnores reports the [[ignore]] entries that matched nothing, on the
// config file that holds them.
func (c *checkRun) unusedIgnores() []*lint.FileResult {
	var out []*lint.FileResult
	for _, cfg := range c.resolver.Configs() {
		if cfg.Path == "" || len(cfg.Ignores) == 0 {
			continue
		}
		text, err := os.ReadFile(cfg.Path)
		if err != nil {
			continue
		}
		src := grammar.NewSource(cfg.Path, string(text))
		if ds := c.adjust(cfg).UnusedIgnores(src); len(ds) > 0 {
			out = append(out, &lint.FileResult{Path: relPath(cfg.Path), Source: src, Diagnostics: ds})
		}
	}
	return out
}

// print writes the findings in the chosen format, and the summary on stderr
// after text.
func (c *checkRun) print(w io.Writer, results []*lint.FileResult) error {
	results = append(c.unexpanded, results...)
	var err error
	switch c.f.format {
	case "text":
		if c.f.statistics {
			err = report.WriteStatistics(w, results, c.out)
		} else {
			err = report.WriteText(w, results, c.out)
		}
	case "json":
		err = report.WriteJSON(w, results, c.out)
	case "json-lines":
		err = report.WriteJSONLines(w, results, c.out)
	case "github":
		err = report.WriteGitHub(w, results, c.out)
	case "gitlab":
		err = report.WriteGitLab(w, results, c.out)
	case "junit":
		err = report.WriteJUnit(w, results, c.out)
	case "sarif":
		err = report.WriteSARIF(w, results, lint.Rules(), report.SARIFInfo{Version: version()}, c.out)
	}
	if err != nil {
		return err
	}
	if c.f.format == "text" && !c.f.quiet {
		report.WriteSummary(c.stderr, report.Count(results, c.f.unsafe), c.out, c.f.fix)
	}
	return nil
}

// anyAtLeast tells whether a finding has severity min or above.
func anyAtLeast(results []*lint.FileResult, min lint.Severity) bool {
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Severity >= min {
				return true
			}
		}
	}
	return false
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
