package grammar

import (
	"encoding/csv"
	"io"
	"strconv"
)

// Dump is the parsed report as `gdlint dump` prints it: positions are
// 1-based lines and 1-based character (code point) columns.
type Dump struct {
	File        string         `json:"file"`
	Encoding    string         `json:"encoding"`
	LineEnding  string         `json:"line_ending"`
	Rendering   string         `json:"rendering"`
	Format      string         `json:"format"`
	Title       *DumpText      `json:"title"`
	Body        *DumpText      `json:"body"`
	Year        *DumpNumber    `json:"year"`
	Period      *DumpPeriod    `json:"period"`
	Publication *DumpDate      `json:"publication"`
	Signature   *DumpSignature `json:"signature"`
	Sections    []DumpSection  `json:"sections"`
	Tables      []DumpTable    `json:"tables"`
	Cells       []DumpCell     `json:"cells"`
	Unplaced    []DumpUnplaced `json:"unplaced"`
	Residue     []DumpResidue  `json:"residue"`
}

// DumpPos is a 1-based position in characters.
type DumpPos struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type DumpText struct {
	Text string `json:"text"`
	DumpPos
}

type DumpNumber struct {
	Value int `json:"value"`
	DumpPos
}

type DumpDate struct {
	Date  string `json:"date"`
	Label string `json:"label,omitempty"`
	DumpPos
}

type DumpPeriod struct {
	Start DumpDate `json:"start"`
	End   DumpDate `json:"end"`
}

type DumpSignature struct {
	Body string    `json:"body"`
	Date *DumpDate `json:"date"`
	DumpPos
}

type DumpSection struct {
	Key       string   `json:"key"`
	Number    int      `json:"number"`
	Heading   string   `json:"heading"`
	Canonical bool     `json:"canonical"`
	SubItems  []string `json:"sub_items,omitempty"`
	DumpPos
	EndLine int `json:"end_line"`
}

type DumpTable struct {
	Table      int           `json:"table"`
	Layout     string        `json:"layout"`
	Unreadable bool          `json:"unreadable,omitempty"`
	Problems   []DumpProblem `json:"problems,omitempty"`
	DumpPos
}

type DumpProblem struct {
	Kind    string `json:"kind"`
	Row     string `json:"row,omitempty"`
	Message string `json:"message"`
	DumpPos
}

type DumpCell struct {
	Table int      `json:"table"`
	Row   string   `json:"row"`
	Col   string   `json:"col"`
	Value *float64 `json:"value"`
	Kind  string   `json:"kind"`
	Text  string   `json:"text"`
	Doubt string   `json:"doubt,omitempty"`
	DumpPos
}

type DumpUnplaced struct {
	Table  int    `json:"table"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
	DumpPos
}

type DumpResidue struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
	DumpPos
}

func (r *Report) pos(off int) DumpPos {
	p := r.Source.CharPos(off)
	return DumpPos{p.Line + 1, p.Col + 1}
}

func (r *Report) date(d *DateRef) *DumpDate {
	if d == nil {
		return nil
	}
	return &DumpDate{Date: d.Date.String(), Label: d.Label, DumpPos: r.pos(d.Span.Start)}
}

// Dump builds the dump of r.
func (r *Report) Dump() *Dump {
	src := r.Source
	d := &Dump{File: src.Path, Encoding: src.Encoding.String(), LineEnding: "lf", Rendering: r.Rendering, Format: string(r.Format),
		Sections: []DumpSection{}, Tables: []DumpTable{}, Cells: []DumpCell{}, Unplaced: []DumpUnplaced{}, Residue: []DumpResidue{}}
	if src.CRLF {
		d.LineEnding = "crlf"
	}
	if t := r.Title; t != nil {
		d.Title = &DumpText{Text: t.Text, DumpPos: r.pos(t.Span.Start)}
		if t.Body != "" {
			d.Body = &DumpText{Text: t.Body, DumpPos: r.pos(t.BodySpan.Start)}
		}
		if t.Year > 0 {
			d.Year = &DumpNumber{Value: t.Year, DumpPos: r.pos(t.YearSpan.Start)}
		}
	}
	if p := r.Period; p != nil {
		d.Period = &DumpPeriod{Start: *r.date(&p.Start), End: *r.date(&p.End)}
	}
	d.Publication = r.date(r.Publication)
	if s := r.Signature; s != nil {
		d.Signature = &DumpSignature{Body: s.Body, Date: r.date(s.Date), DumpPos: r.pos(s.BodySpan.Start)}
	}
	for _, s := range r.Sections {
		ds := DumpSection{Key: string(s.Key), Number: s.Heading.Number, Heading: s.Heading.Full,
			Canonical: s.Heading.Canonical, DumpPos: r.pos(s.Heading.Span.Start), EndLine: r.pos(s.Span.End).Line}
		for _, h := range s.SubItems {
			ds.SubItems = append(ds.SubItems, h.Full)
		}
		d.Sections = append(d.Sections, ds)
	}
	for _, t := range r.Tables {
		if t == nil {
			continue
		}
		dt := DumpTable{Table: t.ID, Layout: t.Layout, Unreadable: t.Unreadable, DumpPos: r.pos(t.Span.Start)}
		for _, p := range t.Problems {
			dp := DumpProblem{Kind: p.Kind, Message: p.Message, DumpPos: r.pos(p.Span.Start)}
			if p.Row != nil {
				dp.Row = p.Row.Label
			}
			dt.Problems = append(dt.Problems, dp)
		}
		d.Tables = append(d.Tables, dt)
		for _, c := range t.Cells() {
			dc := DumpCell{Table: c.Table, Row: c.Row.Label, Col: c.Col.Label, Kind: string(c.Kind), Text: c.Text,
				Doubt: c.Doubt, DumpPos: r.pos(c.Span.Start)}
			if v, ok := c.Number(); ok {
				dc.Value = &v
			}
			d.Cells = append(d.Cells, dc)
		}
	}
	for _, u := range r.Unplaced {
		d.Unplaced = append(d.Unplaced, DumpUnplaced{Table: u.Table, Text: u.Text, Reason: u.Reason, DumpPos: r.pos(u.Span.Start)})
	}
	for _, x := range r.Residue {
		d.Residue = append(d.Residue, DumpResidue{Kind: x.Kind, Text: x.Text, DumpPos: r.pos(x.Span.Start)})
	}
	return d
}

// csvHeader is the first line of `gdlint dump --format csv`.
var csvHeader = []string{"file", "body", "year", "table", "row", "col", "value", "kind", "line", "character"}

// WriteCSV writes one line per placed cell; header controls the first line.
func (d *Dump) WriteCSV(w io.Writer, header bool) error {
	cw := csv.NewWriter(w)
	if header {
		if err := cw.Write(csvHeader); err != nil {
			return err
		}
	}
	body, year := "", ""
	if d.Body != nil {
		body = d.Body.Text
	}
	if d.Year != nil {
		year = strconv.Itoa(d.Year.Value)
	}
	for _, c := range d.Cells {
		v := ""
		if c.Value != nil {
			v = strconv.FormatFloat(*c.Value, 'f', -1, 64)
		}
		if err := cw.Write([]string{d.File, body, year, strconv.Itoa(c.Table), c.Row, c.Col, v, c.Kind,
			strconv.Itoa(c.Line), strconv.Itoa(c.Character)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
