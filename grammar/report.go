package grammar

import (
	"fmt"
	"iter"
	"regexp"
	"slices"
)

// Report is one parsed annual report. Every span is a byte range of
// Source.Text. Parse never fails on text: what it cannot read becomes an
// Unplaced item or a table Problem, with its span and the reason.
type Report struct {
	Source *Source
	// Rendering says how the document reached us: text, markdown, html, docx.
	Rendering string
	Format    Format
	// FormatEvidence is the span of the first 2019-format fingerprint, if any.
	FormatEvidence *Span

	// Traditional: the text is in traditional characters; the template was
	// matched on a simplified copy, every text and span is the user's.
	Traditional bool
	// MalformedPeriod is set when no period was read but a sentence names
	// the statistics period (统计期限自20301月1日至…).
	MalformedPeriod *MalformedPeriod
	Title           *Title
	Period          *Period
	Publication     *DateRef // a web page's 发布时间 / 公开日期
	Signature       *Signature

	Headings   []*Heading // every heading in document order
	Sections   []*Section // the recognised parts, in document order
	Paragraphs []*Paragraph
	Tables     [3]*Table // index TableID-1
	Residue    []*Residue
	Unplaced   []*Unplaced

	// View is the text the parser read: the source itself for plain text and
	// Markdown, the visible text for HTML and .docx. Rules that read prose
	// read it here and map offsets back with View.ToSource.
	View *View

	slabs *reportSlabs // what the parts are cut from (Release)
}

// Table returns table id (1, 2 or 3), or nil if it was not found.
func (r *Report) Table(id int) *Table {
	if id < 1 || id > 3 {
		return nil
	}
	return r.Tables[id-1]
}

// Section returns the first section with key k, or nil.
func (r *Report) Section(k SectionKey) *Section {
	for _, s := range r.Sections {
		if s.Key == k {
			return s
		}
	}
	return nil
}

// YearSource says where the report year was read.
type YearSource string

const (
	YearFromTitle       YearSource = "title"       // 某某局2024年…报告
	YearFromPeriod      YearSource = "period"      // 统计期限自2024年1月1日
	YearFromPublication YearSource = "publication" // published in 2025: the report of 2024
	YearFromText        YearSource = "text"        // 2024年，我局… at the start of 总体情况
)

var reYearInText = regexp.MustCompile(`(20\d\d)[\s\x{00A0}\x{3000}]*年`)

// Year returns the report year, where it was read and the span it was read
// from: the title, else the statistics period, else the publication date
// (the year before it), else the first year the first part names.
func (r *Report) Year() (int, YearSource, Span) {
	if t := r.Title; t != nil && t.Year > 0 {
		return t.Year, YearFromTitle, t.YearSpan
	}
	if p := r.Period; p != nil && p.Start.Year > 0 {
		return p.Start.Year, YearFromPeriod, p.Start.Span
	}
	if d := r.Publication; d != nil && d.Year > 1 {
		return d.Year - 1, YearFromPublication, d.Span
	}
	if len(r.Sections) > 0 && r.Source != nil {
		sp := r.Sections[0].Span
		if sp.End > len(r.Source.Text) {
			sp.End = len(r.Source.Text)
		}
		text := r.Source.Text[sp.Start:sp.End]
		if m := reYearInText.FindStringSubmatchIndex(text); m != nil && m[0] < 400 {
			y := 0
			for _, c := range text[m[2]:m[3]] {
				y = y*10 + int(c-'0')
			}
			return y, YearFromText, Span{sp.Start + m[2], sp.Start + m[3]}
		}
	}
	return 0, "", Span{}
}

// IsAnnualReport tells whether the document looks like one of these reports
// at all (editors get no diagnostics on unrelated files).
func (r *Report) IsAnnualReport() bool {
	if r.Title != nil && r.Title.Year > 0 {
		return true
	}
	return r.PartCount() >= MinReportParts
}

// MinReportParts is how many of the template's part headings make a document
// a report when its title has no year.
const MinReportParts = 3

// PartCount counts the headings of the template's parts found.
func (r *Report) PartCount() int {
	n := 0
	for _, s := range r.Sections {
		if s.Key != "" {
			n++
		}
	}
	return n
}

// Date is a calendar date as written; Year is 0 when the text omits it
// ("至12月31日").
type Date struct {
	Year  int `json:"year"`
	Month int `json:"month"`
	Day   int `json:"day"`
}

func (d Date) String() string {
	if d.Year == 0 {
		return fmt.Sprintf("%02d-%02d", d.Month, d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether d is earlier than o (both with years).
func (d Date) Before(o Date) bool {
	if d.Year != o.Year {
		return d.Year < o.Year
	}
	if d.Month != o.Month {
		return d.Month < o.Month
	}
	return d.Day < o.Day
}

// Valid reports whether the month and day exist.
func (d Date) Valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[d.Month-1]
	if d.Month == 2 && d.Year != 0 && !(d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0)) {
		days = 28
	}
	return d.Day <= days
}

// DateRef is a date with the span of its text.
type DateRef struct {
	Date
	Span Span
	// Label is what introduced it: 发布时间, 公开日期, or "" for a bare date.
	Label string
}

// Title is the report's title, possibly split over several lines.
type Title struct {
	Span     Span   // the first to the last line of the title
	Text     string // joined, whitespace removed
	Body     string // the reporting body (机关名称)
	BodySpan Span
	Year     int
	YearSpan Span
	// Lines counts the source lines the title occupies.
	Lines int
}

// Period is the 统计期限 statement.
type Period struct {
	Span  Span // the whole sentence
	Start DateRef
	End   DateRef
}

// MalformedPeriod is a statistics-period sentence (统计期限…) whose dates
// could not be read: the sentence and what is wrong with it.
type MalformedPeriod struct {
	Span   Span
	Text   string
	Reason string // Chinese
}

// Signature is the closing body name and date.
type Signature struct {
	Body     string
	BodySpan Span
	Date     *DateRef
}

// Heading is a numbered or Markdown heading.
type Heading struct {
	Span Span // the whole heading text (without Markdown #)
	// NumberSpan covers the numbering: 一、 （一） (一) 1. １．
	NumberSpan Span
	Number     int    // 1-based value of the numeral, 0 if none
	Style      string // "cn" 一、, "paren" （一）, "arabic" 1., "markdown" # only
	Level      int    // 1 for 一、 and #/##, 2 for （一）, 3 for 1.
	Text       string // the heading text without its numbering
	TextSpan   Span
	// Full is the heading as read (numbering and text), without markup.
	Full string
	// Section is set when the heading names one of the six parts.
	Section SectionKey
	// Canonical is true when Text is exactly the template wording.
	Canonical bool
	Markdown  int // number of leading '#', 0 if none
	Inline    bool

	vStart, vEnd int // the heading in the parser's view
	// nearMiss: found by its number and a near miss of that part's name
	// (与 for 、) inside a crawler line
	nearMiss bool
}

func (h *Heading) viewStart() int { return h.vStart }

// Section is one of the six parts as found in the document.
type Section struct {
	Key      SectionKey
	Def      *SectionDef
	Heading  *Heading
	Span     Span // heading start to the next section heading
	SubItems []*Heading
}

// Paragraph is a run of prose.
type Paragraph struct {
	Span    Span
	Section SectionKey
	// ViewSpan is the paragraph in Report.View.Text: for HTML and .docx the
	// visible text without markup (map back with Report.View.ToSource).
	ViewSpan Span
}

// Residue is text that came from a web page or an export, not the report.
type Residue struct {
	Span Span
	Kind string // "web", "bookmark", "page-number", "crawler"
	Text string
}

// Unplaced is something inside a table region that could not be mapped to a
// template cell, kept with the reason.
type Unplaced struct {
	Table  int
	Span   Span
	Text   string
	Reason string
}

// Table is one of the three standard tables as found.
type Table struct {
	ID   int
	Def  *TableDef
	Span Span
	// Layout is how the table was rendered: tab, pipe, lines, glued, html.
	Layout   string
	Rows     []*Row // one per template row, in template order
	Labels   []*Label
	Problems []*Problem
	// Unreadable is set when the table was found but its values could not be
	// placed at all; the reason is in Problems.
	Unreadable bool
}

// Row returns the row with key k.
func (t *Table) Row(k string) *Row {
	for _, r := range t.Rows {
		if r.Def.Key == k {
			return r
		}
	}
	return nil
}

// Cell returns the cell at row k, column c, or nil.
func (t *Table) Cell(row, col string) *Cell {
	if r := t.Row(row); r != nil {
		return r.Cell(col)
	}
	return nil
}

// Cells lists every placed cell in template order.
func (t *Table) Cells() []*Cell { return slices.Collect(t.AllCells()) }

// AllCells yields every placed cell in template order, without making a
// list (the rules walk the cells of every table on every run).
func (t *Table) AllCells() iter.Seq[*Cell] {
	return func(yield func(*Cell) bool) {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				if c != nil && !yield(c) {
					return
				}
			}
		}
	}
}

// Row is a template row and what the document put there.
type Row struct {
	Def   *RowDef
	Label *Label // nil when the row label was not found
	Cells []*Cell
	// Split says the values were glued together and were separated without
	// a separator in the text; SplitBy says how the split was decided.
	Split   bool
	SplitBy SplitHow
}

// SplitHow says how a row of glued digits was split into cells.
type SplitHow string

const (
	// SplitByRowTotal: the only split whose parts add up to the row total.
	SplitByRowTotal SplitHow = "row-total"
	// SplitByTable: several splits balance the row; the table's relations
	// between rows leave one.
	SplitByTable SplitHow = "table"
	// SplitByCount: the only split into the row's number of cells at all
	// (4000000 for seven cells); the row total need not hold, and when it
	// does not that is an arithmetic error of the report, not of the reading.
	SplitByCount SplitHow = "count"
	// SplitByAgreement: several splits, none of which adds up to the row
	// total; only the cells on which every split agrees are placed, and the
	// row has a Problem of kind "unbalanced-split".
	SplitByAgreement SplitHow = "agreement"
)

// Cell returns the cell of column key c, or nil if not placed.
func (r *Row) Cell(c string) *Cell {
	for _, cell := range r.Cells {
		if cell != nil && cell.Col.Key == c {
			return cell
		}
	}
	return nil
}

// Found reports whether any value was placed in the row.
func (r *Row) Found() bool {
	for _, c := range r.Cells {
		if c != nil {
			return true
		}
	}
	return false
}

// CellKind tells apart the things a cell can hold: "/", "—", 不适用, blank and 0
// are different findings.
type CellKind string

const (
	CellNumber      CellKind = "number"
	CellEmpty       CellKind = "empty"
	CellPlaceholder CellKind = "placeholder" // / — - 不适用 无
	CellText        CellKind = "text"        // anything else: 减4, 43.788万元?
)

// Cell is one value of a table, mapped to the template.
type Cell struct {
	Table int
	Row   *RowDef
	Col   *ColDef
	Kind  CellKind
	// Value is set for CellNumber.
	Value float64
	// Integer is true when the number has no fractional part in the text.
	Integer bool
	// Unit is a unit written inside the cell (万元, 元, 件).
	Unit string
	Text string // the cell text as written
	Span Span   // the value itself; empty cells get a zero-width span
	// Doubt says why the placement is uncertain (shifted row, split by
	// arithmetic); rules that cannot judge say so instead of guessing.
	Doubt string
}

// Number returns the value and whether the cell holds a number.
func (c *Cell) Number() (float64, bool) {
	if c == nil || c.Kind != CellNumber {
		return 0, false
	}
	return c.Value, true
}

// LabelKind says what a label in a table stands for.
type LabelKind string

const (
	LabelRow    LabelKind = "row"
	LabelColumn LabelKind = "column"
	LabelHeader LabelKind = "header"
)

// Label is a template label found in a table region.
type Label struct {
	Kind      LabelKind
	Span      Span
	Text      string
	Canonical string
	Row       *RowDef // for row labels
	Col       *ColDef // for column labels
	// Exact is false when the text differs from the canonical label beyond
	// spacing and punctuation width (a variant, a typo, a truncation).
	Exact bool
	// Normalized is false when the text differs from the canonical label at
	// all, including spacing and bracket width.
	Normalized bool
	How        string // "variant", "truncated", "typo", "unnumbered" when not Exact
}

// Problem is a shape problem of a table: a missing row, a row with too many
// or too few values, an ambiguous glued number.
type Problem struct {
	// missing-row, extra-values, missing-values, ambiguous-split,
	// unbalanced-split (glued digits that split several ways, none of which
	// adds up to the row total: the row is wrong whatever the split),
	// unknown-label, unreadable
	Kind    string
	Span    Span
	Row     *RowDef
	Message string
}
