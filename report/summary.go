package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/lint"
)

// Counts summarises a run. Unreadable counts the files (and paths) that
// could not be checked; they are among Files.
type Counts struct {
	Files, Unreadable                 int
	Errors, Warnings, Infos           int
	Fixable, UnsafeOnly, FixesApplied int
	FilesFixed                        int
}

// Total is the number of findings.
func (c Counts) Total() int { return c.Errors + c.Warnings + c.Infos }

// Count tallies results.
func Count(results []*lint.FileResult, unsafe bool) Counts {
	var c Counts
	for _, r := range results {
		c.Add(r, unsafe)
	}
	return c
}

// Add counts one more result.
func (c *Counts) Add(r *lint.FileResult, unsafe bool) {
	c.Files++
	if r.Err != nil {
		c.Unreadable++
		return
	}
	c.FixesApplied += r.FixCount
	if r.Changed() {
		c.FilesFixed++
	}
	c.AddFindings(r, unsafe)
}

// AddFindings counts findings of r that came after r was counted (the
// cross-year checks').
func (c *Counts) AddFindings(r *lint.FileResult, unsafe bool) {
	container := input.IsContainer(r.Path) // once a file: it locks the formats
	for i := range r.Diagnostics {
		c.addFinding(&r.Diagnostics[i], unsafe, container)
	}
}

// addFinding counts d, a finding of a container file (which --fix does not
// rewrite) or not.
func (c *Counts) addFinding(d *lint.Diagnostic, unsafe, container bool) {
	switch d.Severity {
	case lint.Error:
		c.Errors++
	case lint.Warning:
		c.Warnings++
	default:
		c.Infos++
	}
	switch {
	case container:
	case fixable(d, unsafe):
		c.Fixable++
	case fixable(d, true):
		c.UnsafeOnly++
	}
}

// WriteSummary prints the closing lines a person reads (on stderr):
// "3 个问题（1 错误，2 警告）" and what --fix could do.
func WriteSummary(w io.Writer, c Counts, o OutputOptions, fixMode bool) {
	en := o.en()
	if fixMode && c.FixesApplied > 0 {
		if en {
			fmt.Fprintf(w, "Fixed %d %s in %d %s.\n", c.FixesApplied, plural(c.FixesApplied, "problem", "problems"), c.FilesFixed, plural(c.FilesFixed, "file", "files"))
		} else {
			fmt.Fprintf(w, "已修复 %d 处（%d 个文件）。\n", c.FixesApplied, c.FilesFixed)
		}
	}
	// "passed" only when every file named was checked
	checked := c.Files - c.Unreadable
	switch {
	case c.Total() == 0 && c.Files == 0:
		fmt.Fprintln(w, pick(o.Lang, "没有检查任何文件。", "No files were checked."))
	case c.Total() == 0 && c.Unreadable == 0:
		if en {
			fmt.Fprintln(w, "All checks passed!")
		} else {
			fmt.Fprintln(w, "检查通过，没有发现问题。")
		}
	case c.Total() == 0 && checked > 0:
		fmt.Fprintln(w, pick(o.Lang, fmt.Sprintf("已检查的 %d 个文件没有发现问题。", checked),
			fmt.Sprintf("No problems in the %d %s checked.", checked, plural(checked, "file", "files"))))
	case c.Total() > 0:
		if en {
			parts := []string{fmt.Sprintf("%d %s", c.Errors, plural(c.Errors, "error", "errors")),
				fmt.Sprintf("%d %s", c.Warnings, plural(c.Warnings, "warning", "warnings"))}
			if c.Infos > 0 {
				parts = append(parts, fmt.Sprintf("%d info", c.Infos))
			}
			remaining := ""
			if fixMode {
				remaining = " remaining"
			}
			fmt.Fprintf(w, "Found %d %s%s (%s).\n", c.Total(), plural(c.Total(), "problem", "problems"), remaining, strings.Join(parts, ", "))
		} else {
			parts := []string{fmt.Sprintf("%d 错误", c.Errors), fmt.Sprintf("%d 警告", c.Warnings)}
			if c.Infos > 0 {
				parts = append(parts, fmt.Sprintf("%d 提示", c.Infos))
			}
			lead := ""
			if fixMode {
				lead = "剩余 "
			}
			fmt.Fprintf(w, "%s%d 个问题（%s）\n", lead, c.Total(), strings.Join(parts, "，"))
		}
		if c.Fixable > 0 && !fixMode {
			if en {
				fmt.Fprintf(w, "[*] %d fixable with the --fix option.\n", c.Fixable)
			} else {
				fmt.Fprintf(w, "[*] %d 个可用 --fix 自动修复。\n", c.Fixable)
			}
		}
		if c.UnsafeOnly > 0 {
			if en {
				fmt.Fprintf(w, "%d more %s a fix that needs --unsafe-fixes.\n", c.UnsafeOnly, plural(c.UnsafeOnly, "has", "have"))
			} else {
				fmt.Fprintf(w, "另有 %d 个可用 --unsafe-fixes 修复（请人工确认）。\n", c.UnsafeOnly)
			}
		}
	}
	if c.Unreadable > 0 {
		if en {
			fmt.Fprintf(w, "%d %s could not be checked.\n", c.Unreadable, plural(c.Unreadable, "file", "files"))
		} else {
			fmt.Fprintf(w, "%d 个文件无法检查。\n", c.Unreadable)
		}
	}
}

// NoReportFilesText says that a directory holds no file a walk takes.
func NoReportFilesText(lang string) string {
	exts := strings.Join(input.Extensions(), " ") // the formats linked in: .pdf in the CLI
	return pick(lang, "目录中没有报告文件（"+exts+"）", "no report files ("+exts+") in directory")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ErrorText words why a file could not be checked, in lang.
func ErrorText(err error, lang string) string {
	en := lang == "en"
	var fe *fileio.FileError
	path := ""
	if errors.As(err, &fe) {
		path, err = fe.Path+": ", fe.Err
	}
	withPath := func(zh, e string) string { return path + pick(lang, zh, e) }
	// a front-end's error that words itself in both languages (PDF)
	var localized interface{ Localized(en bool) string }
	switch {
	case errors.As(err, &localized):
		return path + localized.Localized(en)
	case errors.Is(err, fs.ErrNotExist):
		return withPath("文件或目录不存在", "no such file or directory")
	case errors.Is(err, fileio.ErrNotRegular):
		return withPath("不是普通文件（管道、套接字或设备），未读取", "not a regular file (FIFO, socket or device); not read")
	case errors.Is(err, fileio.ErrReadOnly):
		return withPath("文件只读，未改写", "file is read-only; not rewritten")
	case errors.Is(err, fileio.ErrDirNotWritable):
		return withPath("无法写入所在目录，未改写", "cannot write the directory; not rewritten")
	case errors.Is(err, fs.ErrPermission):
		return withPath("权限不足", "permission denied")
	case errors.Is(err, input.ErrEmpty):
		return withPath("空文件", "empty file")
	case errors.Is(err, input.ErrBinary):
		return withPath("二进制内容（含 NUL 字节），不是文本报告", "binary content (NUL bytes), not a text report")
	case errors.Is(err, input.ErrTooLarge):
		return withPath(fmt.Sprintf("文件超过 %d MiB", input.MaxSourceSize>>20), fmt.Sprintf("file larger than %d MiB", input.MaxSourceSize>>20))
	case errors.Is(err, input.ErrEncoding):
		if en {
			return path + err.Error()
		}
		return path + "既不是有效的 UTF-8 也不是 GB18030 文本（" + strings.TrimPrefix(err.Error(), input.ErrEncoding.Error()+": ") + "）"
	}
	return path + err.Error()
}
