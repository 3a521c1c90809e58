package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/aymanbagabas/go-udiff"

	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/lint/format"
	"github.com/gdlint/gdlint/report"
)

func init() {
	commands["fmt"] = command{summary: "format reports in place (labels, punctuation, tables, blank lines); --check, --diff", run: runFmt}
}

const fmtAbout = `Format reports the way gofmt formats Go: the template's heading labels
(一、 （一） 1.), full-width punctuation in Chinese text, aligned Markdown tables,
one blank line between paragraphs, no trailing spaces. Values are never touched: the result is
parsed again and every number, heading and table cell must read the same, or
less is changed. Files are rewritten in place, atomically, in their own encoding
and line endings; - formats standard input to standard output. Only plain text
and Markdown are formatted: a .docx, .pdf or .html named on the command line is
refused (exit 2); a directory walk skips them and files that are not annual
reports (a README).
Exit status: 0 done (with --check: nothing to change), 1 with --check or --diff
when a file would change, 2 usage error or a file that could not be formatted.`

type fmtFlags struct {
	check, diff, quiet bool
	lang               string
}

func runFmt(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f fmtFlags
	fs := newFlags("fmt", "fmt [flags] PATH...", fmtAbout)
	fs.BoolVar(&f.check, "check", false, "write nothing; list the files that would change and exit 1 if any")
	fs.BoolVar(&f.diff, "diff", false, "write nothing; print the changes as a unified diff (exit 1 if any)")
	fs.StringVar(&f.lang, "lang", "zh", "language of messages: zh or en")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "no summary line")
	paths, ok, code := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return fs.fail(stderr, "no PATH given (a file, a directory, or - for standard input)")
	}
	if f.lang != "zh" && f.lang != "en" {
		return usageError(stderr, "unknown --lang %q (zh or en)", f.lang)
	}
	r := fmtRun{f: f, stdin: stdin, stdout: stdout, stderr: stderr}
	// a file given twice, or given and found in a directory given, is
	// formatted and counted once (by its clean path; a walk's are clean)
	done := map[string]bool{}
	told := pathsTold{many: len(paths) > 1}
	for _, p := range paths {
		if p == "-" {
			r.one("-", false)
			continue
		}
		found, errs := fileio.ExpandPaths([]string{p})
		for _, e := range errs {
			path := p
			if fe := (*fileio.FileError)(nil); errors.As(e, &fe) {
				path = fe.Path
			}
			if told.first(path) {
				r.fail(e)
			}
		}
		if len(found) == 0 && len(errs) == 0 && told.first(p) {
			fmt.Fprintf(stderr, "gdlint: %s: %s\n", p, report.NoReportFilesText(f.lang))
		}
		walked := !(len(found) == 1 && found[0] == p)
		for _, file := range found {
			key := file
			if !walked {
				key = filepath.Clean(file)
			}
			if done[key] {
				continue
			}
			done[key] = true
			r.one(file, walked)
		}
	}
	if !f.quiet {
		r.summary()
	}
	if r.status == exitClean && r.changed > 0 && (f.check || f.diff) {
		return exitFindings
	}
	return r.status
}

type fmtRun struct {
	f              fmtFlags
	stdin          io.Reader
	stdout, stderr io.Writer
	status         int
	changed, total int
}

func (r *fmtRun) fail(err error) {
	fmt.Fprintf(r.stderr, "gdlint: %s\n", report.ErrorText(err, r.f.lang))
	r.status = exitError
}

// one formats the file at path ("-": stdin to stdout). A file a directory
// walk found (walked) is skipped when it is no plain text or Markdown, or
// no annual report.
func (r *fmtRun) one(path string, walked bool) {
	var raw []byte
	var err error
	name := path
	if path == "-" {
		name = stdinName
		raw, err = fileio.ReadLimited(r.stdin)
	} else {
		raw, err = fileio.ReadFile(path)
	}
	if err != nil {
		r.fail(&fileio.FileError{Path: name, Err: err})
		return
	}
	res, err := format.File(name, raw)
	var notText *format.NotTextError
	if walked && errors.As(err, &notText) {
		return
	}
	if err != nil {
		r.fail(&fileio.FileError{Path: name, Err: err})
		return
	}
	if walked && !res.Annual {
		return
	}
	r.total++
	if res.HeldBack != "" && !r.f.quiet {
		fmt.Fprintf(r.stderr, "gdlint: %s: %s\n", name, heldBackText(res.HeldBack, r.f.lang))
	}
	if path == "-" && !r.f.check && !r.f.diff {
		if res.Changed() {
			r.stdout.Write(res.Bytes)
		} else {
			r.stdout.Write(raw)
		}
	}
	if !res.Changed() {
		return
	}
	switch {
	case r.f.check:
		fmt.Fprintln(r.stdout, name)
	case r.f.diff:
		io.WriteString(r.stdout, udiff.Unified(name, name, res.Original, res.Text))
	case path != "-":
		if err := fileio.WriteFileAtomic(path, res.Bytes); err != nil {
			r.fail(&fileio.FileError{Path: name, Err: err})
			return
		}
	}
	r.changed++
}

func (r *fmtRun) summary() {
	zh, en := "", ""
	switch {
	case r.f.check || r.f.diff:
		zh = fmt.Sprintf("%d 个文件需要格式化（共 %d 个）。", r.changed, r.total)
		en = fmt.Sprintf("%d of %d files would be reformatted.", r.changed, r.total)
	default:
		zh = fmt.Sprintf("已格式化 %d 个文件（共 %d 个）。", r.changed, r.total)
		en = fmt.Sprintf("Reformatted %d of %d files.", r.changed, r.total)
	}
	if r.f.lang == "en" {
		fmt.Fprintln(r.stderr, en)
	} else {
		fmt.Fprintln(r.stderr, zh)
	}
}

// heldBackText words format.Result.HeldBack.
func heldBackText(reason, lang string) string {
	if lang == "en" {
		return reason
	}
	switch reason {
	case format.HeldBackLayout:
		return "未调整标题编号和表格对齐：调整后报告的读法会改变"
	case format.HeldBackPunct:
		return "未改标点：改后报告的读法会改变"
	}
	return "未格式化：格式化后报告的读法会改变"
}
