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
	"sync"
	"sync/atomic"
	"time"

	"github.com/sourcegraph/conc"
	"golang.org/x/term"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/internal/gctune"
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
Text and JSON are written file by file as the files are checked; the findings
that compare one body's reports of several years (GD-Y) follow at the end.
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
	raws     rawBuffers // the buffers files are read into (a streaming batch)
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

	// stream prints each file's findings once it and the files before it
	// are checked (nil: the format needs the whole run; kept holds it)
	stream    report.Stream
	kept      []*lint.FileResult
	counts    report.Counts // of the streamed files
	failed    bool          // a streamed finding at or above --fail-on
	printErr  error
	summarize bool             // several files or batch outputs: summaries for the cross-year checks
	summaries []*batch.Report  // in the order of the files
	store     *batch.TextStore // the summaries' texts; nil: in memory
	notes     []string         // stderr lines printed after the progress bar
	changed   int              // files --fix changed (or --diff would)
	configErr map[string]bool  // config errors said once
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
	// with --fix on stdin the fixed text goes to stdout: findings go to stderr
	findingsOut := stdout
	if c.f.fix && stdinAt >= 0 {
		findingsOut = stderr
	}
	c.out.Chunked = !eachFileReachesReader(findingsOut)
	switch {
	case c.f.diff:
	case c.f.statistics && c.f.format == "text":
		c.stream = report.NewStatisticsStream(findingsOut, c.out)
	default:
		c.stream = report.NewStream(c.f.format, findingsOut, c.out)
	}
	c.summarize = c.f.batch.wanted() || len(files) > 1
	if c.summarize {
		gctune.PreferHugePages(len(files))
		gctune.Start() // a batch: much garbage, little kept
	}
	if c.summarize && c.stream != nil {
		// the texts wait for the cross-year checks in a temporary file;
		// without one they stay in memory
		if store, err := batch.NewTextStore(""); err == nil {
			c.store = store
			defer store.Close()
		}
	}
	// findings streamed to a terminal show the progress themselves
	bar := newProgress(c.stderr, len(files), c.f.quiet || c.stream != nil && !c.f.statistics && isTerminal(findingsOut), c.f.lang)
	if c.stream != nil {
		for _, r := range c.unexpanded {
			c.streamFile(r)
		}
	}
	checkInOrder(len(files), max(c.f.jobs, 1),
		func(i int) checkedFile {
			defer bar.done()
			return checkSafely(files[i], c.checkAndCompact)
		},
		func(i int, f checkedFile) { c.emit(files[i], f) })
	bar.finish()
	if c.stream != nil && len(c.notes) > 0 {
		// the findings before the notes, where both go to one file
		if err := c.stream.Flush(); err != nil && c.printErr == nil {
			c.printErr = err
		}
	}
	for _, n := range c.notes {
		fmt.Fprintln(stderr, n)
	}
	if c.f.diff {
		if !c.f.quiet {
			report.WriteDiffSummary(stderr, c.changed, c.f.lang)
		}
		if c.changed > 0 && c.status == exitClean {
			c.status = exitFindings
		}
		return c.status
	}
	// cross-year checks over several reports; --report-* files (batch.go)
	res, st := writeBatchReports(c.f.batch, paths, c.summaries, c.skipped, c.f.lang, c.f.jobs, c.opts, c.resolver, c.adjust, stderr)
	if st != 0 {
		c.status = st
	}
	if err := c.store.Err(); err != nil {
		fmt.Fprintf(stderr, "gdlint: %v\n", err)
		c.status = exitError
	}
	if c.stream == nil {
		return c.printKept(findingsOut, res)
	}
	// the cross-year findings come after every file's own, in the order of
	// the files: they are known only once every report is read
	if res != nil {
		// the batch's reports that have some, in file order
		var with []*lint.FileResult
		var from []*batch.Report
		for _, r := range c.summaries {
			if _, ds := report.SplitCrossYear(r.Diagnostics); len(ds) > 0 {
				with = append(with, &lint.FileResult{Path: r.Path, Diagnostics: ds})
				from = append(from, r)
			}
		}
		// their texts are read back on the workers, and printed in order
		checkInOrder(len(with), max(c.f.jobs, 1),
			func(i int) checkedFile {
				with[i].Source = from[i].SourceThrough(report.Reach(with[i].Diagnostics))
				return checkedFile{result: with[i]}
			},
			func(_ int, f checkedFile) { c.streamFindings(f.result) })
	}
	for _, r := range c.unusedIgnores() {
		c.streamFile(r)
	}
	if err := c.stream.Close(); err != nil && c.printErr == nil {
		c.printErr = err
	}
	if c.printErr != nil {
		fmt.Fprintf(stderr, "gdlint: %v\n", c.printErr)
		return exitError
	}
	if c.f.format == "text" && !c.f.quiet {
		report.WriteSummary(c.stderr, c.counts, c.out, c.f.fix)
	}
	if c.status == exitClean && c.failed {
		return exitFindings
	}
	return c.status
}

// printKept prints the findings of a format that needs the whole run
// (SARIF, JUnit, GitLab, GitHub): the kept results, each with
// its cross-year findings among its own.
func (c *checkRun) printKept(w io.Writer, res *batch.Result) int {
	results := c.kept
	if res != nil {
		for _, fr := range results {
			if r := res.ByPath(fr.Path); r != nil && fr.Err == nil && r.Err == nil {
				fr.Diagnostics = r.Diagnostics
			}
		}
	}
	results = append(results, c.unusedIgnores()...)
	if err := c.print(w, results); err != nil {
		fmt.Fprintf(c.stderr, "gdlint: %v\n", err)
		return exitError
	}
	if c.status == exitClean && c.failOn >= 0 && anyAtLeast(results, c.failOn) {
		return exitFindings
	}
	return c.status
}

// emit takes one checked file, in the order of the files: says why it was
// not checked or is skipped, writes its fixes, keeps its summary for the
// cross-year checks, and prints its findings (stream) or keeps them.
func (c *checkRun) emit(path string, f checkedFile) {
	r := f.result
	if r.Err != nil {
		c.noteUnchecked(r)
	}
	if g := f.notReport; g != nil {
		c.notes = append(c.notes, fmt.Sprintf("gdlint: %s: %s", r.Path, report.SkippedText(g.Why, g.WhyEN, c.f.lang)))
		c.skipped = append(c.skipped, batch.Skipped{Path: r.Path, Why: g.Why, WhyEN: g.WhyEN})
		return
	}
	if !c.writeFix(path, r) {
		// the file is as it was: what is printed and counted of it is its
		// check as it is, not the fixed text that was never written
		f = checkSafely(path, func(path string) checkedFile { return c.checkAndCompactWith(path, c.unfixedOpts()) })
		r = f.result
		if r.Err != nil {
			c.noteUnchecked(r)
		}
	}
	if c.f.diff {
		return
	}
	if s := f.summary; s != nil {
		// the batch outputs list every finding; the cross-year checks
		// of a kept result add theirs among them (printKept)
		if c.stream == nil || c.f.batch.wanted() {
			s.Diagnostics = r.Diagnostics
		}
		if c.stream != nil {
			s.SpillFindings(c.store) // read back when the outputs are written
		}
		c.summaries = append(c.summaries, s)
	}
	if c.stream == nil {
		c.kept = append(c.kept, r)
		return
	}
	c.streamFile(r)
	// printed: nothing of the file is kept but its summary
	r.Source, r.Diagnostics, r.Original, r.Fixed, r.FixedBytes = nil, nil, "", "", nil
	if f.raw != nil && (f.summary == nil || c.store != nil && c.store.Err() == nil) {
		c.raws.put(f.raw)
	}
}

// streamFile prints and counts one file's findings.
func (c *checkRun) streamFile(r *lint.FileResult) {
	c.counts.Add(r, c.f.unsafe)
	c.print1(r)
}

// streamFindings prints and counts findings of a file already counted.
func (c *checkRun) streamFindings(r *lint.FileResult) {
	c.counts.AddFindings(r, c.f.unsafe)
	c.print1(r)
}

func (c *checkRun) print1(r *lint.FileResult) {
	if err := c.stream.File(r); err != nil && c.printErr == nil {
		c.printErr = err
	}
	if c.failOn >= 0 && anyAtLeast([]*lint.FileResult{r}, c.failOn) {
		c.failed = true
	}
}

// checkInOrder checks n files on jobs workers (check(i)) and hands each to
// emit in the order of i, as soon as it and every file before it are
// checked. At most a window of files wait checked and not yet emitted, so
// one slow file (a long PDF) does not make the rest pile up in memory.
//
// The workers emit, one at a time: the worker that checks the next file
// to emit emits it and every file checked after it that is ready. Handing
// each file to one more goroutine cost every file a few goroutine switches
// (a channel to the worker, one back, a window slot), and the processor
// wake-ups that come with them.
func checkInOrder(n, jobs int, check func(i int) checkedFile, emit func(i int, f checkedFile)) {
	window := 4*jobs + 16
	var (
		mu       sync.Mutex
		moved    = sync.NewCond(&mu) // next moved on
		ring     = make([]checkedFile, window)
		ready    = make([]bool, window)
		next     int  // the file to emit next
		emitting bool // a worker is emitting: it takes what becomes ready
		failed   bool // check or emit panicked: the workers stop
		claimed  atomic.Int64
	)
	// guarded runs f, telling the other workers when it panics (the panic
	// goes on to the caller of checkInOrder): a file that is never stored
	// or emitted would leave them waiting for it
	guarded := func(f func()) {
		defer func() {
			if p := recover(); p != nil {
				mu.Lock()
				failed = true
				moved.Broadcast()
				mu.Unlock()
				panic(p)
			}
		}()
		f()
	}
	work := func() {
		for {
			i := int(claimed.Add(1) - 1)
			if i >= n {
				return
			}
			mu.Lock()
			for i >= next+window && !failed {
				moved.Wait()
			}
			stop := failed
			mu.Unlock()
			if stop {
				return
			}
			var f checkedFile
			guarded(func() { f = check(i) })
			mu.Lock()
			ring[i%window], ready[i%window] = f, true
			if emitting || failed {
				mu.Unlock()
				continue
			}
			emitting = true
			for ready[next%window] {
				k, g := next, ring[next%window]
				ring[k%window], ready[k%window] = checkedFile{}, false
				mu.Unlock()
				guarded(func() { emit(k, g) })
				mu.Lock()
				next++
				moved.Broadcast()
			}
			emitting = false
			mu.Unlock()
		}
	}
	var wg conc.WaitGroup // a panic reaches the caller
	for range min(jobs, n) {
		wg.Go(work)
	}
	wg.Wait()
}

// checkSafely is check(path), or an error result for the file when it
// panics: the files after it must still be checked and handed on in order.
func checkSafely(path string, check func(string) checkedFile) (f checkedFile) {
	defer func() {
		if p := recover(); p != nil {
			name := path
			if path == "-" {
				name = stdinName
			}
			f = checkedFile{result: &lint.FileResult{Path: name, Err: fmt.Errorf("internal error (please report it with the file): %v", p)}}
		}
	}()
	return check(path)
}

// eachFileReachesReader tells whether the findings written to w should
// reach it file by file: a terminal, a pipe or a socket may have a reader
// waiting for each; a regular file or /dev/null takes them in chunks (one
// write a file was 4,800 writes for 2,000 reports, and the cross-year
// findings printed at the end one write each).
func eachFileReachesReader(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return true
	}
	st, err := f.Stat()
	if err != nil {
		return true
	}
	m := st.Mode()
	return !m.IsRegular() && (m&os.ModeCharDevice == 0 || isTerminal(w))
}

// isTerminal tells whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
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
	var chosen map[string]string // a file's clean path: the path it is checked under
	told := pathsTold{many: len(paths) > 1}
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
			path, err := p, e
			if fe := (*fileio.FileError)(nil); errors.As(e, &fe) {
				path, err = fe.Path, fe.Err // the path once, as for a file read
			}
			if !told.first(path) {
				continue // a path given twice: said once
			}
			fmt.Fprintf(c.stderr, "gdlint: %s\n", report.ErrorText(e, c.f.lang))
			c.status = exitError
			c.unexpanded = append(c.unexpanded, &lint.FileResult{Path: path, Err: err})
		}
		if len(found) == 0 && len(errs) == 0 && told.first(p) {
			fmt.Fprintf(c.stderr, "gdlint: %s: %s\n", p, report.NoReportFilesText(c.f.lang))
		}
		walk := !(len(found) == 1 && found[0] == p)
		if walk && len(c.walked) == 0 {
			c.walked = make(map[string]bool, len(found))
		}
		if len(paths) == 1 {
			// one path's files are found once each
			if walk {
				for _, f := range found {
					c.walked[f] = true
				}
			}
			files = append(files, found...)
			continue
		}
		// a file given twice, or given and found in a directory given, is
		// checked once, under the path it was met first by (checked twice,
		// it was printed twice and GD-Y004 said it duplicated itself); once
		// named, it is checked as named, not as a walk's find
		if chosen == nil {
			chosen = map[string]string{}
		}
		for _, f := range found {
			key := f // a walk's paths are clean
			if !walk {
				key = filepath.Clean(f)
			}
			if first, ok := chosen[key]; ok {
				if !walk {
					delete(c.walked, first)
				}
				continue
			}
			chosen[key] = f
			if walk {
				c.walked[f] = true
			}
			files = append(files, f)
		}
	}
	return files, stdinAt
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
	// raw is the buffer the file was read into (rawBuffers), handed back
	// once the file is printed; nil when the file's bytes are its own
	raw *[]byte
}

// rawBuffers are the buffers a streaming batch reads its files into. A file
// read into a newly allocated buffer takes a page fault per 4 KB inside the
// read: on a virtual machine where a fault costs 10 µs, 11.9 µs to read a
// 7.5 KB report against 3.2 µs into a buffer already used, which a buffer
// handed back is.
// A file's buffer goes back once its findings are printed, when nothing the
// run keeps refers to its bytes: the summaries hold copies and the texts
// are in the TextStore (when it cannot be written, the summaries hold the
// Source and the buffer is not handed back). It is cleared then, so that a
// reference that outlived it would read zeros, not another report's text:
// TestReusedBuffersChangeNoOutput compares the outputs with and without.
type rawBuffers struct{ pool sync.Pool }

// maxReusedRaw: a buffer for a larger file is not kept for the next one
const maxReusedRaw = 1 << 20

// reuseRawBuffers is off in a test that checks the outputs without them.
var reuseRawBuffers = true

func (p *rawBuffers) get() *[]byte {
	if b, ok := p.pool.Get().(*[]byte); ok {
		return b
	}
	// none yet: the first file read allocates one of its size, which
	// then goes round (a buffer larger than the reports wanted is memory
	// the collector counts as live, and a larger heap is more page faults)
	b := []byte(nil)
	return &b
}

// put hands back b, which holds the bytes of a file no longer referred to.
func (p *rawBuffers) put(b *[]byte) {
	clear(*b)
	*b = (*b)[:0]
	p.pool.Put(b)
	rawHandedBack.Add(1)
}

// rawHandedBack counts the buffers handed back, for a test.
var rawHandedBack atomic.Int64

// checkAndCompact checks one file and frees what the rest of the run does
// not read: the parse (after summarizing it for the batch when asked) and
// the raw bytes, which only --fix on stdin writes back.
func (c *checkRun) checkAndCompact(path string) checkedFile {
	return c.checkAndCompactWith(path, c.copts)
}

// unfixedOpts are the run's check options without --fix.
func (c *checkRun) unfixedOpts() lint.CheckOptions {
	o := c.copts
	o.Fix = false
	return o
}

// checkAndCompactWith is checkAndCompact under o.
func (c *checkRun) checkAndCompactWith(path string, o lint.CheckOptions) checkedFile {
	var raw *[]byte
	if c.stream != nil && !c.f.diff && path != "-" && reuseRawBuffers {
		// a streamed file is dropped once printed: its buffer goes back
		raw = c.raws.get()
	}
	r := c.checkOneWith(path, o, raw)
	out := checkedFile{result: r, raw: raw}
	if r.Err != nil || r.Report == nil {
		if c.summarize {
			out.summary = batch.Summarize(r, nil) // the failure, listed in the batch outputs
		}
		return out
	}
	if !r.Annual && c.walked[path] {
		g := lint.JudgeReport(r.Report)
		out.notReport = &g
	}
	if c.summarize {
		if c.f.batch.wanted() {
			out.summary = batch.Summarize(r, c.store)
		} else {
			// the statistics are read only for the batch outputs
			out.summary = batch.SummarizeForYears(r, c.store)
		}
	}
	// the findings and the summary hold copies: the parse's memory goes
	// to the next file's
	r.Report.Release()
	r.Report = nil
	if path != "-" && r.Source != nil {
		r.Source.Raw = nil
	}
	return out
}

// checkOneWith reads and checks one file ("-": stdin) under the config
// that applies to it and o, reading it into *into when into is not nil.
func (c *checkRun) checkOneWith(path string, o lint.CheckOptions, into *[]byte) *lint.FileResult {
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
	} else if into != nil {
		raw, err = fileio.ReadFileInto(path, *into)
		if err == nil && cap(raw) <= maxReusedRaw {
			*into = raw // the buffer it was read into, or a larger one
		}
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
	return lint.Check(lint.FromBytes(display, raw), c.adjust(cfg), o)
}

// noteUnchecked says why a file could not be checked, a broken config once
// however many files it applies to.
func (c *checkRun) noteUnchecked(r *lint.FileResult) {
	c.status = exitError
	var ce *lint.ConfigError
	if errors.As(r.Err, &ce) {
		if c.configErr == nil {
			c.configErr = map[string]bool{}
		}
		if !c.configErr[ce.Error()] {
			c.configErr[ce.Error()] = true
			c.notes = append(c.notes, fmt.Sprintf("gdlint: %v", ce))
		}
		return
	}
	c.notes = append(c.notes, fmt.Sprintf("gdlint: %s: %s", r.Path, report.ErrorText(r.Err, c.f.lang)))
}

// writeFix writes a fixed file (stdin's to stdout), or its diff with
// --diff, and counts it; false when the fixed file could not be written.
func (c *checkRun) writeFix(path string, r *lint.FileResult) bool {
	// --fix on stdin always gives the report back on stdout, fixed or
	// not, so that an editor piping its buffer through keeps it
	if path == "-" && c.f.fix && !c.f.diff && !r.Changed() && r.Source != nil {
		c.stdout.Write(r.Source.Raw)
	}
	if r.NotRewritten != "" {
		c.notes = append(c.notes, fmt.Sprintf("gdlint: %s: %s", r.Path, report.NotRewrittenText(r.NotRewritten, c.f.lang)))
		if r.FixFailed {
			c.status = exitError
		}
	}
	if !r.Changed() {
		return true
	}
	switch {
	case c.f.diff:
		report.WriteDiff(c.stdout, r)
	case path == "-":
		c.stdout.Write(r.FixedBytes)
	default:
		if err := fileio.WriteFileAtomic(path, r.FixedBytes); err != nil {
			c.notes = append(c.notes, fmt.Sprintf("gdlint: %s: %s", r.Path, report.ErrorText(err, c.f.lang)))
			c.status = exitError
			return false
		}
	}
	c.changed++
	return true
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

// pathsTold is the paths of a command line already said to be missing,
// unreadable or without reports: a path given twice is said once.
type pathsTold struct {
	many bool // more than one path given: one may repeat another
	seen map[string]bool
}

// first tells whether path (in any spelling) is told of the first time.
func (t *pathsTold) first(path string) bool {
	if !t.many {
		return true
	}
	key := filepath.Clean(path)
	if t.seen[key] {
		return false
	}
	if t.seen == nil {
		t.seen = map[string]bool{}
	}
	t.seen[key] = true
	return true
}
