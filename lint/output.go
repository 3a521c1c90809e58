package lint

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"github.com/gdlint/gdlint/grammar"
)

// OutputOptions shape every printer.
type OutputOptions struct {
	// Lang is "zh" (default) or "en".
	Lang string
	// Color uses ANSI colours (the text format only).
	Color bool
	// Unsafe marks unsafe fixes as applicable (--unsafe-fixes).
	Unsafe bool
	// ShowSource prints the source line under each finding with a caret
	// line beneath the span (the text format only).
	ShowSource bool
}

func (o OutputOptions) en() bool { return o.Lang == "en" }

// Location is a diagnostic's range in the units the CLI prints: 1-based
// lines and 1-based columns counted in Unicode code points; the end is
// exclusive (the character after the last one).
type Location struct {
	Line, Column, EndLine, EndColumn int
}

// LocationOf converts a span of src to a Location.
func LocationOf(src *grammar.Source, sp grammar.Span) Location {
	a, b := src.CharPos(sp.Start), src.CharPos(sp.End)
	return Location{a.Line + 1, a.Col + 1, b.Line + 1, b.Col + 1}
}

// fixable tells whether d has a fix that --fix applies under o.
func fixable(d *Diagnostic, unsafe bool) bool {
	for _, f := range d.Fixes {
		if f.Applicability == Safe || unsafe {
			return true
		}
	}
	return false
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiBlue   = "\x1b[1;34m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func paint(on bool, code, s string) string {
	if !on {
		return s
	}
	return code + s + ansiReset
}

// WriteText prints one line per diagnostic:
//
//	path:line:col: severity GD-XXXX [*] message
//
// "[*]" marks a finding that --fix can fix.
func WriteText(w io.Writer, results []*FileResult, o OutputOptions) error {
	bw := bufio.NewWriter(w)
	for _, r := range results {
		if r.Source == nil {
			continue
		}
		for i := range r.Diagnostics {
			d := &r.Diagnostics[i]
			loc := LocationOf(r.Source, d.Span)
			sev := d.Severity.String()
			switch d.Severity {
			case Error:
				sev = paint(o.Color, ansiRed, sev)
			case Warning:
				sev = paint(o.Color, ansiYellow, sev)
			default:
				sev = paint(o.Color, ansiBlue, sev)
			}
			mark := ""
			if fixable(d, o.Unsafe) && !IsContainer(r.Path) {
				mark = paint(o.Color, ansiCyan, "[*]") + " "
			}
			fmt.Fprintf(bw, "%s%s %s %s%s\n",
				paint(o.Color, ansiBold, r.Path),
				fmt.Sprintf(":%d:%d:", loc.Line, loc.Column),
				sev, paint(o.Color, ansiBold, d.Rule)+" ", mark+oneLine(d.Text(o.Lang)))
			if o.ShowSource {
				writeSourceLine(bw, r.Source, d.Span, o.Color)
			}
		}
	}
	return bw.Flush()
}

// writeSourceLine prints the line a span starts on and a line of carets
// under the span (to the end of that line for a span over several; one
// caret for an empty span), aligned by display width: a CJK character takes
// two columns, a tab goes to the next multiple of four.
func writeSourceLine(w io.Writer, src *grammar.Source, sp grammar.Span, color bool) {
	l := src.Line(sp.Start)
	start, end := src.LineStart(l), src.LineEnd(l)
	var text strings.Builder
	col, from, to := 0, -1, -1
	for i, r := range src.Text[start:end] {
		off := start + i
		if off == sp.Start {
			from = col
		}
		wd := displayWidth(string(r))
		if r == '\t' {
			wd = 4 - col%4
			text.WriteString(strings.Repeat(" ", wd))
		} else {
			text.WriteRune(r)
		}
		col += wd
		if off >= sp.Start && off < sp.End {
			to = col
		}
	}
	if from < 0 {
		from = col
	}
	n := max(1, to-from)
	carets := strings.Repeat(" ", from) + strings.Repeat("^", n)
	fmt.Fprintf(w, "    %s\n    %s\n", text.String(), paint(color, ansiCyan, carets))
}

// WriteStatistics prints one line per rule with findings, most frequent
// first: count, rule, "[*]" when all of them are fixable, the summary.
func WriteStatistics(w io.Writer, results []*FileResult, o OutputOptions) error {
	type stat struct {
		rule        string
		n, nfixable int
	}
	byRule := map[string]*stat{}
	for _, r := range results {
		for i := range r.Diagnostics {
			d := &r.Diagnostics[i]
			st := byRule[d.Rule]
			if st == nil {
				st = &stat{rule: d.Rule}
				byRule[d.Rule] = st
			}
			st.n++
			if fixable(d, o.Unsafe) && !IsContainer(r.Path) {
				st.nfixable++
			}
		}
	}
	stats := make([]*stat, 0, len(byRule))
	width := 1
	for _, st := range byRule {
		stats = append(stats, st)
		width = max(width, len(fmt.Sprint(st.n)))
	}
	sort.Slice(stats, func(i, j int) bool {
		if stats[i].n != stats[j].n {
			return stats[i].n > stats[j].n
		}
		return stats[i].rule < stats[j].rule
	})
	bw := bufio.NewWriter(w)
	for _, st := range stats {
		mark := "   "
		if st.nfixable == st.n {
			mark = "[*]"
		}
		summary := ""
		if r := RuleByID(st.rule); r != nil {
			summary = r.Summary
			if o.en() && r.SummaryEN != "" {
				summary = r.SummaryEN
			}
		}
		fmt.Fprintf(bw, "%*d  %s  %s %s\n", width, st.n, st.rule, mark, summary)
	}
	return bw.Flush()
}

// oneLine keeps a message on its line: the text format is one finding a line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)), " ")
}

// Counts summarises a run.
type Counts struct {
	Files, Unreadable                 int
	Errors, Warnings, Infos           int
	Fixable, UnsafeOnly, FixesApplied int
	FilesFixed                        int
}

// Total is the number of findings.
func (c Counts) Total() int { return c.Errors + c.Warnings + c.Infos }

// Count tallies results.
func Count(results []*FileResult, unsafe bool) Counts {
	var c Counts
	for _, r := range results {
		c.Files++
		if r.Err != nil {
			c.Unreadable++
			continue
		}
		c.FixesApplied += r.FixCount
		if r.Changed() {
			c.FilesFixed++
		}
		for i := range r.Diagnostics {
			d := &r.Diagnostics[i]
			switch d.Severity {
			case Error:
				c.Errors++
			case Warning:
				c.Warnings++
			default:
				c.Infos++
			}
			switch {
			case IsContainer(r.Path): // --fix does not rewrite it
			case fixable(d, unsafe):
				c.Fixable++
			case fixable(d, true):
				c.UnsafeOnly++
			}
		}
	}
	return c
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
	switch {
	case c.Total() == 0 && c.Unreadable == 0:
		if en {
			fmt.Fprintln(w, "All checks passed!")
		} else {
			fmt.Fprintln(w, "检查通过，没有发现问题。")
		}
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// JSONDiagnostic is one element of the --format json array.
type JSONDiagnostic struct {
	File      string    `json:"file"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"end_line"`
	EndColumn int       `json:"end_column"`
	Rule      string    `json:"rule"`
	Severity  string    `json:"severity"`
	Message   string    `json:"message"`
	Fixes     []JSONFix `json:"fixes"`
}

// JSONFix is a fix in the json output.
type JSONFix struct {
	Title         string     `json:"title"`
	Applicability string     `json:"applicability"`
	Edits         []JSONEdit `json:"edits"`
}

// JSONEdit replaces the range with NewText; positions as in JSONDiagnostic.
type JSONEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	NewText   string `json:"new_text"`
}

// JSONDiagnostics converts results to the json output's elements.
func JSONDiagnostics(results []*FileResult, o OutputOptions) []JSONDiagnostic {
	out := []JSONDiagnostic{}
	for _, r := range results {
		if r.Source == nil {
			continue
		}
		for i := range r.Diagnostics {
			d := &r.Diagnostics[i]
			loc := LocationOf(r.Source, d.Span)
			jd := JSONDiagnostic{File: r.Path, Line: loc.Line, Column: loc.Column, EndLine: loc.EndLine, EndColumn: loc.EndColumn,
				Rule: d.Rule, Severity: d.Severity.String(), Message: d.Text(o.Lang), Fixes: []JSONFix{}}
			for _, f := range d.Fixes {
				title := f.Title
				if o.en() && f.TitleEN != "" {
					title = f.TitleEN
				}
				jf := JSONFix{Title: title, Applicability: f.Applicability.String(), Edits: []JSONEdit{}}
				for _, e := range f.Edits {
					el := LocationOf(r.Source, e.Span)
					jf.Edits = append(jf.Edits, JSONEdit{el.Line, el.Column, el.EndLine, el.EndColumn, e.NewText})
				}
				jd.Fixes = append(jd.Fixes, jf)
			}
			out = append(out, jd)
		}
	}
	return out
}

// WriteJSON prints one JSON array of all findings.
func WriteJSON(w io.Writer, results []*FileResult, o OutputOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(JSONDiagnostics(results, o))
}

// ErrorText words why a file could not be checked, in lang.
func ErrorText(err error, lang string) string {
	en := lang == "en"
	var fe *FileError
	path := ""
	if errors.As(err, &fe) {
		path, err = fe.Path+": ", fe.Err
	}
	pick := func(zh, e string) string {
		if en {
			return path + e
		}
		return path + zh
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return pick("文件或目录不存在", "no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return pick("没有读取权限", "permission denied")
	case errors.Is(err, grammar.ErrEmpty):
		return pick("空文件", "empty file")
	case errors.Is(err, grammar.ErrBinary):
		return pick("二进制内容（含 NUL 字节），不是文本报告", "binary content (NUL bytes), not a text report")
	case errors.Is(err, grammar.ErrTooLarge):
		return pick(fmt.Sprintf("文件超过 %d MiB", grammar.MaxSourceSize>>20), fmt.Sprintf("file larger than %d MiB", grammar.MaxSourceSize>>20))
	case errors.Is(err, grammar.ErrEncoding):
		if en {
			return path + err.Error()
		}
		return path + "既不是有效的 UTF-8 也不是 GB18030 文本（" + strings.TrimPrefix(err.Error(), grammar.ErrEncoding.Error()+": ") + "）"
	}
	return path + err.Error()
}
