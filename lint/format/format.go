// Package format is gdlint's formatter (gdlint fmt, the language server's
// document formatting): it rewrites the parts of a report that have one
// right form and never a value. Canonical numbering of the six parts'
// headings (一、), full-width punctuation in Chinese text, aligned Markdown
// pipe tables, one blank line between paragraphs, no trailing spaces.
//
// Every result is checked by parsing it again: the numbers of the text (in
// order), every table cell and every heading must read as before. When they
// do not, the formatter falls back to fewer changes (no table alignment or
// heading labels; then whitespace only; then nothing).
package format

import (
	"sort"
	"strings"
	"unicode"

	"github.com/aymanbagabas/go-udiff"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Result is the outcome of formatting one text.
type Result struct {
	// Text is the formatted text (the original when nothing changed).
	Text string
	// Edits turn the original text into Text (non-overlapping, in order).
	Edits []lint.Edit
	// HeldBack says which changes were left out because the text would have
	// read differently afterwards ("" when none).
	HeldBack string
}

// Changed tells whether formatting changed the text.
func (r Result) Changed() bool { return len(r.Edits) > 0 }

// level is how much the formatter does; each level does what the ones
// below it do.
type level int

const (
	levelSpace  level = iota // trailing spaces, blank lines, final newline
	levelPunct               // + full-width punctuation
	levelLayout              // + heading labels, table alignment
)

// maxRounds bounds the rounds to a fixpoint: a conversion can make its
// neighbour Chinese ("中,(ab)": the comma first, then the brackets).
const maxRounds = 4

// Text formats text, the decoded content of the file at path (its
// extension tells Markdown from plain text).
func Text(path, text string) Result {
	return Format(grammar.Parse(grammar.NewSource(path, text)))
}

// Format formats the text of rep (rep.Source.Text).
func Format(rep *grammar.Report) Result {
	original := rep.Source.Text
	held := ""
	for lv := levelLayout; lv >= levelSpace; lv-- {
		text, ok := formatTo(rep, lv)
		if !ok {
			held = heldBackText(lv)
			continue
		}
		if text == original {
			return Result{Text: original, HeldBack: held}
		}
		return Result{Text: text, Edits: diffEdits(original, text), HeldBack: held}
	}
	return Result{Text: original, HeldBack: HeldBackAll}
}

// The reasons of Result.HeldBack.
const (
	HeldBackLayout = "heading labels and table alignment left out: they would change how the report reads"
	HeldBackPunct  = "punctuation left unchanged: it would change how the report reads"
	HeldBackAll    = "not formatted: formatting would change how the report reads"
)

func heldBackText(lv level) string {
	switch lv {
	case levelLayout:
		return HeldBackLayout
	case levelPunct:
		return HeldBackPunct
	}
	return HeldBackAll
}

// formatTo applies the rounds of level lv until the text settles, and says
// whether the result reads as rep does.
func formatTo(rep *grammar.Report, lv level) (string, bool) {
	path := rep.Source.Path
	text, cur := rep.Source.Text, rep
	for round := 0; round < maxRounds; round++ {
		next, _ := lint.ApplyEdits(text, editsOf(cur, lv))
		if next == text {
			break
		}
		text = next
		cur = grammar.Parse(grammar.NewSource(path, text))
	}
	if text == rep.Source.Text {
		return text, true
	}
	// one more round must change nothing (idempotence), and the text must
	// read the same
	if again, _ := lint.ApplyEdits(text, editsOf(cur, lv)); again != text {
		return "", false
	}
	return text, SameReading(rep, cur)
}

// diffEdits are the edits from a to b, as the smallest changed spans.
func diffEdits(a, b string) []lint.Edit {
	var edits []lint.Edit
	for _, e := range udiff.Strings(a, b) {
		edits = append(edits, lint.Edit{Span: grammar.Span{Start: e.Start, End: e.End}, NewText: e.New})
	}
	return edits
}

// line is one line of the text: [start, end) is its content without the
// line break, next is where the following line starts.
type line struct{ start, end, next int }

func splitLines(text string) []line {
	var lines []line
	for start := 0; start < len(text); {
		nl := strings.IndexByte(text[start:], '\n')
		next := len(text)
		if nl >= 0 {
			next = start + nl + 1
		}
		end := next
		if nl >= 0 {
			end--
		}
		if end > start && text[end-1] == '\r' {
			end--
		}
		lines = append(lines, line{start, end, next})
		start = next
	}
	return lines
}

// editsOf is one round of formatting at level lv.
func editsOf(rep *grammar.Report, lv level) []lint.Edit {
	text := rep.Source.Text
	markdown := rep.Rendering == "markdown"
	var edits []lint.Edit
	if lv >= levelLayout {
		edits = append(edits, headingEdits(rep)...)
	}
	lines := splitLines(text)
	fence := false
	var table []line
	flush := func() {
		if len(table) == 0 {
			return
		}
		var aligned []lint.Edit
		ok := false
		if lv >= levelLayout {
			aligned, ok = alignTable(text, table)
		}
		if ok {
			edits = append(edits, aligned...)
		} else {
			for _, l := range table {
				if lv >= levelPunct {
					edits = append(edits, punctuationEdits(text, l.start, l.end, true)...)
				}
				edits = append(edits, trailingEdits(text, l, markdown, false)...)
			}
		}
		table = table[:0]
	}
	blankRun := 0 // blank lines since the last non-blank one
	seenText := false
	residue := residueLines(rep, lines)
	comment := false // inside <!-- … --> spanning lines
	for i, l := range lines {
		content := text[l.start:l.end]
		if residue[i] {
			// web and crawler residue is left as it is: GD-W002 reports it
			// by its form, and it is to be deleted, not formatted
			flush()
			blankRun, seenText = 0, true
			continue
		}
		trimmed := strings.TrimSpace(content)
		isFence := markdown && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"))
		if fence && !isFence {
			continue // code is left as it is
		}
		if trimmed == "" {
			flush()
			blankRun++
			// no blank line at the start, and one between paragraphs
			if !seenText || blankRun > 1 {
				edits = append(edits, lint.Edit{Span: grammar.Span{Start: l.start, End: l.next}})
			} else if l.end > l.start {
				edits = append(edits, lint.Edit{Span: grammar.Span{Start: l.start, End: l.end}})
			}
			continue
		}
		blankRun = 0
		seenText = true
		switch {
		case isFence:
			flush()
			fence = !fence
		case markdown && strings.HasPrefix(trimmed, "|"):
			table = append(table, l)
			continue
		default:
			flush()
			opens := strings.Contains(content, "<!--")
			if lv >= levelPunct && !opens && !comment && !(i > 0 && suppressesW004(text[lines[i-1].start:lines[i-1].end])) {
				edits = append(edits, punctuationEdits(text, l.start, l.end, markdown)...)
			}
		}
		// a comment over several lines: its text is not the report's
		if open := strings.LastIndex(content, "<!--"); open >= 0 {
			comment = !strings.Contains(content[open:], "-->")
		} else if comment && strings.Contains(content, "-->") {
			comment = false
		}
		hardBreak := markdown && i+1 < len(lines) && strings.TrimSpace(text[lines[i+1].start:lines[i+1].end]) != ""
		edits = append(edits, trailingEdits(text, l, markdown, hardBreak)...)
	}
	flush()
	// the blank lines at the end go; the last line ends with a line break
	if n := len(lines); n > 0 && seenText {
		last := lines[n-1]
		if blankRun > 0 {
			// the blank lines after the last text were deleted above only
			// when they were the second of a run: delete the first too
			for j := n - 1; j >= 0 && strings.TrimSpace(text[lines[j].start:lines[j].end]) == ""; j-- {
				edits = append(edits, lint.Edit{Span: grammar.Span{Start: lines[j].start, End: lines[j].next}})
			}
		} else if last.next == last.end {
			nl := "\n"
			if rep.Source.CRLF {
				nl = "\r\n"
			}
			edits = append(edits, lint.Edit{Span: grammar.Span{Start: len(text), End: len(text)}, NewText: nl})
		}
	}
	return dropOverlaps(edits)
}

// suppressesW004 tells whether the line is a comment that keeps the next
// line's half-width punctuation (gdlint-disable-next-line GD-W004, GD-W or
// all rules): the author wants it as it is.
func suppressesW004(line string) bool {
	i := strings.Index(line, "gdlint-disable-next-line")
	if i < 0 {
		return false
	}
	rest := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line[i+len("gdlint-disable-next-line"):]), "-->"))
	return rest == "" || strings.Contains(rest, "GD-W004") || strings.Contains(rest, "GD-W ") || strings.HasSuffix(rest, "GD-W") || strings.Contains(rest, "GD-W,") || strings.Contains(rest, "writing")
}

// residueLines marks the lines that hold web or crawler residue, and a
// crawler's metadata header (标题: …, 发布时间: …) above its "==== 正文 ===="
// line: the archive wrote those lines, not the body that published the report.
func residueLines(rep *grammar.Report, lines []line) []bool {
	marks := make([]bool, len(lines))
	for _, r := range rep.Residue {
		header := r.Kind == "crawler" && strings.HasPrefix(strings.TrimSpace(r.Text), crawlerBodyMark)
		for i, l := range lines {
			if l.start < r.Span.End && r.Span.Start < l.next || header && l.start < r.Span.Start {
				marks[i] = true
			}
		}
	}
	return marks
}

// crawlerBodyMark starts the line after which an archiving crawler's text
// holds the page body (grammar.ResiduePatterns).
const crawlerBodyMark = "==================== 正文"

// dropOverlaps sorts the edits by start and drops any that overlaps one
// kept before it; at one start the earlier edit wins (heading labels are
// listed first).
func dropOverlaps(edits []lint.Edit) []lint.Edit {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	kept := edits[:0]
	lastEnd, lastStart := -1, -1
	for _, e := range edits {
		if e.Span.Start < lastEnd || e.Span.Start == lastStart {
			continue
		}
		kept = append(kept, e)
		lastStart, lastEnd = e.Span.Start, e.Span.End
	}
	return kept
}

// trailingEdits delete the spaces at the end of line l. Tabs stay: in a
// tab-separated table row a trailing tab is an empty cell ("行政强制\t");
// in Markdown two spaces before a following text line are a hard line
// break and stay.
func trailingEdits(text string, l line, markdown, hardBreak bool) []lint.Edit {
	content := text[l.start:l.end]
	cut := strings.TrimRightFunc(content, func(r rune) bool {
		return r == ' ' || r == '\u3000' || r == '\u00a0'
	})
	if len(cut) == len(content) || cut == "" {
		return nil
	}
	if markdown && hardBreak && strings.HasSuffix(content, "  ") {
		return nil
	}
	return []lint.Edit{{Span: grammar.Span{Start: l.start + len(cut), End: l.end}}}
}

// headingEdits give numbered headings the template's label: a part's
// heading the Chinese numeral and 、 ("一.总体情况", "一 .总体情况" →
// "一、总体情况"), a sub-heading the numeral in full-width brackets with no
// space after ("(一) 存在问题" → "（一）存在问题"), a third-level heading
// the digits and a point ("1、培训" → "1.培训"; full-width digits are left
// as they are). Only a label made of the
// numeral, brackets, separators and spaces is rewritten; the numeral is
// kept as written.
func headingEdits(rep *grammar.Report) []lint.Edit {
	text := rep.Source.Text
	var edits []lint.Edit
	for _, h := range rep.Headings {
		if h.Inline || h.NumberSpan.Len() == 0 || h.TextSpan.Start < h.NumberSpan.End || h.TextSpan.Start > len(text) {
			continue
		}
		label := text[h.NumberSpan.Start:h.TextSpan.Start]
		isNumeral := isCNNumeral
		if h.Style == "arabic" {
			isNumeral = func(r rune) bool { return r >= '0' && r <= '9' }
		}
		numeral := strings.Map(func(r rune) rune {
			if isNumeral(r) {
				return r
			}
			return -1
		}, label)
		var want, allowed string
		switch {
		case h.Style == "cn" && h.Section != "":
			want, allowed = numeral+"、", ".．,，、 \t\u3000"
		case h.Style == "paren" && h.Level == 2:
			want, allowed = "（"+numeral+"）", "()（） \t\u3000"
		case h.Style == "arabic" && h.Level == 3:
			// GB/T 15834: a point after an Arabic numeral, not 、. In
			// Markdown "1. 文字" is a list item: a space after the label
			// is kept out of it
			if rep.Rendering == "markdown" && strings.TrimRight(label, " \t\u3000") != label {
				continue
			}
			want, allowed = numeral+".", ".．、 \t\u3000"
		default:
			continue
		}
		// the numeral is one run, and nothing else is in the label
		if numeral == "" || !strings.Contains(label, numeral) || strings.TrimFunc(label, func(r rune) bool {
			return isNumeral(r) || strings.ContainsRune(allowed, r)
		}) != "" {
			continue
		}
		if h.Style == "paren" && strings.IndexAny(label, "(（") > strings.Index(label, numeral) {
			continue
		}
		if label != want {
			edits = append(edits, lint.Edit{Span: grammar.Span{Start: h.NumberSpan.Start, End: h.TextSpan.Start}, NewText: want})
		}
	}
	return edits
}

func isCNNumeral(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }

// isCJK: a Han character or full-width punctuation.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”'
}
