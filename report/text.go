package report

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/format"
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
	// FailOn is the lowest severity that fails the run (--fail-on), and
	// NeverFail says that none does (--fail-on never): the JUnit output
	// makes those findings failures.
	FailOn    lint.Severity
	NeverFail bool
	// Chunked lets a stream write its findings in chunks of tens of KB
	// instead of file by file: no reader waits for each file (the output
	// is a regular file or /dev/null, not a terminal or a pipe).
	Chunked bool
}

func (o OutputOptions) en() bool { return o.Lang == "en" }

// fails tells whether a finding of severity s fails the run.
func (o OutputOptions) fails(s lint.Severity) bool { return !o.NeverFail && s >= o.FailOn }

// Location is a diagnostic's range in the units the CLI prints: 1-based
// lines and 1-based columns counted in Unicode code points; the end is
// exclusive (the character after the last one).
type Location struct {
	Line, Column, EndLine, EndColumn int
	// Page is the page of the original (a PDF) the range starts on; 0 for a
	// document without pages.
	Page int
}

// LocationOf converts a span of src to a Location.
func LocationOf(src *grammar.Source, sp grammar.Span) Location {
	return locationFrom(src, sp, src.CharPos(sp.Start))
}

// locationFrom is the Location of sp, whose start is at a.
func locationFrom(src *grammar.Source, sp grammar.Span, a grammar.Position) Location {
	var b grammar.Position
	text := src.Text
	if sp.End == sp.Start+1 && sp.Start >= 0 && sp.End <= len(text) && text[sp.Start] != '\n' && utf8.RuneStart(text[sp.Start]) {
		// one byte (GD-W004's half-width comma, most findings) is one
		// character, valid UTF-8 or not
		b = grammar.Position{Line: a.Line, Col: a.Col + 1}
	} else if _, ok := sameLine(text, sp); ok {
		// most findings sit within a line: count the span's characters
		// instead of the end's from the start of its line
		b = grammar.Position{Line: a.Line, Col: a.Col + src.CharsIn(sp.Start, sp.End)}
	} else {
		b = src.CharPos(sp.End)
	}
	return Location{a.Line + 1, a.Col + 1, b.Line + 1, b.Col + 1, src.Page(sp.Start)}
}

// A locator converts the spans of one source's findings as a printer meets
// them, in document order: a start on the line of the last start, at most
// locatorReach bytes after it, is counted from there instead of from its
// line's start (or the checkpoint before it), which a crawled report's
// one-line body of many findings made the largest cost of printing them.
type locator struct {
	src     *grammar.Source
	lastOff int // -1 before the first start
	last    grammar.Position
}

const locatorReach = 256 // farther, CharPos's checkpoints are as near

func newLocator(src *grammar.Source) *locator { return &locator{src: src, lastOff: -1} }

// location is LocationOf(l.src, sp).
func (l *locator) location(sp grammar.Span) Location {
	off, text := sp.Start, l.src.Text
	var a grammar.Position
	// from the last start when off is on its line and after it, and the
	// last start is a character's first byte: the characters decoded from
	// the line's start pass through it then, valid UTF-8 or not
	if l.lastOff >= 0 && off >= l.lastOff && off-l.lastOff <= locatorReach && off <= len(text) &&
		(off == l.lastOff || utf8.RuneStart(text[l.lastOff])) && strings.IndexByte(text[l.lastOff:off], '\n') < 0 {
		a = grammar.Position{Line: l.last.Line, Col: l.last.Col + l.src.CharsIn(l.lastOff, off)}
	} else {
		a = l.src.CharPos(off)
	}
	if off >= 0 && off <= len(text) {
		l.lastOff, l.last = off, a
	}
	return locationFrom(l.src, sp, a)
}

// sameLine returns the text of sp when sp is within text, holds no line
// break and starts at a character (not inside one's UTF-8 bytes, where
// counting from it would count differently from counting over it).
func sameLine(text string, sp grammar.Span) (string, bool) {
	if sp.Start < 0 || sp.End < sp.Start || sp.End > len(text) {
		return "", false
	}
	if sp.Start < len(text) && !utf8.RuneStart(text[sp.Start]) {
		return "", false
	}
	t := text[sp.Start:sp.End]
	return t, strings.IndexByte(t, '\n') < 0
}

// fixable tells whether d has a fix that --fix applies under o.
func fixable(d *lint.Diagnostic, unsafe bool) bool {
	for _, f := range d.Fixes {
		if f.Applicability == lint.Safe || unsafe {
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
func WriteText(w io.Writer, results []*lint.FileResult, o OutputOptions) error {
	return writeAll(newTextStream(w, o), results)
}

// textStream is the text format written file by file.
type textStream struct {
	bw   *bufio.Writer
	o    OutputOptions
	line []byte // one finding's line, reused
}

func newTextStream(w io.Writer, o OutputOptions) *textStream {
	if o.Chunked {
		return &textStream{bw: bufio.NewWriterSize(w, flushAt), o: o}
	}
	return &textStream{bw: bufio.NewWriter(w), o: o}
}

func (t *textStream) File(r *lint.FileResult) error {
	bw, o := t.bw, t.o
	locate := newLocator(r.Source)
	container := input.IsContainer(r.Path)
	for r, d := range findings([]*lint.FileResult{r}) {
		loc := locate.location(d.Span)
		sevColor := ansiBlue
		switch d.Severity {
		case lint.Error:
			sevColor = ansiRed
		case lint.Warning:
			sevColor = ansiYellow
		}
		// path:line:col: severity RULE [*] message, appended rather than
		// formatted: a batch prints tens of thousands of these lines
		b := appendPaint(t.line[:0], o.Color, ansiBold, r.Path)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(loc.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(loc.Column), 10)
		b = append(b, ':', ' ')
		b = appendPaint(b, o.Color, sevColor, d.Severity.String())
		b = append(b, ' ')
		b = appendPaint(b, o.Color, ansiBold, d.Rule)
		b = append(b, ' ')
		if fixable(d, o.Unsafe) && !container {
			b = append(appendPaint(b, o.Color, ansiCyan, "[*]"), ' ')
		}
		b = append(b, oneLine(d.Text(o.Lang))...)
		b = append(b, pageText(loc.Page, o)...)
		t.line = append(b, '\n')
		bw.Write(t.line)
		if o.ShowSource {
			writeSourceLine(bw, r.Source, d.Span, o.Color)
		}
	}
	if o.Chunked {
		return nil
	}
	// each file reaches the reader (a terminal, a pipe) as it is checked
	return t.bw.Flush()
}

// appendPaint appends paint(on, code, s).
func appendPaint(b []byte, on bool, code, s string) []byte {
	if !on {
		return append(b, s...)
	}
	return append(append(append(b, code...), s...), ansiReset...)
}

func (t *textStream) Flush() error { return t.bw.Flush() }
func (t *textStream) Close() error { return t.bw.Flush() }

// pageText names the page of a finding in a paged document (PDF) after its
// message: the line and column count in the extracted text, the page is
// where a reader finds it in the original.
func pageText(page int, o OutputOptions) string {
	switch {
	case page == 0:
		return ""
	case o.en():
		return fmt.Sprintf(" (page %d)", page)
	}
	return fmt.Sprintf("（第%d页）", page)
}

// findings yields the findings of the results that have a document, in
// order, with the result they belong to.
func findings(results []*lint.FileResult) iter.Seq2[*lint.FileResult, *lint.Diagnostic] {
	return func(yield func(*lint.FileResult, *lint.Diagnostic) bool) {
		for _, r := range results {
			if r.Source == nil {
				continue
			}
			for i := range r.Diagnostics {
				if !yield(r, &r.Diagnostics[i]) {
					return
				}
			}
		}
	}
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
		wd := format.DisplayWidth(string(r))
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
func WriteStatistics(w io.Writer, results []*lint.FileResult, o OutputOptions) error {
	return writeAll(NewStatisticsStream(w, o), results)
}

// NewStatisticsStream counts the findings file by file and prints the
// statistics when it is closed.
func NewStatisticsStream(w io.Writer, o OutputOptions) Stream {
	return &statsStream{w: w, o: o, byRule: map[string]*ruleStat{}}
}

type statsStream struct {
	w      io.Writer
	o      OutputOptions
	byRule map[string]*ruleStat
}

type ruleStat struct {
	rule        string
	n, nfixable int
}

func (s *statsStream) Flush() error { return nil } // written at Close

func (s *statsStream) File(r *lint.FileResult) error {
	container := input.IsContainer(r.Path)
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		st := s.byRule[d.Rule]
		if st == nil {
			st = &ruleStat{rule: d.Rule}
			s.byRule[d.Rule] = st
		}
		st.n++
		if fixable(d, s.o.Unsafe) && !container {
			st.nfixable++
		}
	}
	return nil
}

func (s *statsStream) Close() error {
	stats := make([]*ruleStat, 0, len(s.byRule))
	width := 1
	for _, st := range s.byRule {
		stats = append(stats, st)
		width = max(width, len(fmt.Sprint(st.n)))
	}
	sort.Slice(stats, func(i, j int) bool {
		if stats[i].n != stats[j].n {
			return stats[i].n > stats[j].n
		}
		return stats[i].rule < stats[j].rule
	})
	bw := bufio.NewWriter(s.w)
	for _, st := range stats {
		mark := "   "
		if st.nfixable == st.n {
			mark = "[*]"
		}
		summary := ""
		if r := lint.RuleByID(st.rule); r != nil {
			summary = r.SummaryText(s.o.Lang)
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
