package batchreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/gdlint/gdlint/lint/batch"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/report"
)

// htmlInlineLimit is the number of reports up to which the page writes every
// report's findings as HTML. Above it (a supervising office's thousands of
// reports: 19 MB of tables for 2,000 reports, half a minute to render) the
// findings are embedded once as JSON and the page renders a report's
// findings when its file is opened, or the findings a filter selects.
var htmlInlineLimit = 300

// lazyData is the embedded JSON of the lazy page: the reports' findings as
// compact rows, and the words the script needs.
type lazyData struct {
	Reports []lazyReport      `json:"reports"`
	Labels  map[string]string `json:"labels"`
}

type lazyReport struct {
	ID       string     `json:"id"`
	Path     string     `json:"path"`
	Body     string     `json:"body"`
	Meta     string     `json:"meta"`
	Families string     `json:"families"`
	Findings [][]string `json:"findings"` // rule, severity, location, message, text, related (one per line)
}

// lazyMarker stands for the embedded data in the page as the template
// writes it; writeLazyPage puts the data in its place.
const lazyMarker = "__gdlint_details_data__"

// writeLazyPage renders the page (with lazyMarker as DetailsJSON) and
// writes it with the embedded data in place of the marker, made one report
// at a time: neither the findings of thousands of reports nor the page
// around them (the overview of 8,000 reports is 10 MB) are held whole.
func (v *htmlView) writeLazyPage(w io.Writer, res *batch.Result) error {
	bw := bufio.NewWriter(w)
	mw := &markerWriter{w: bw, marker: []byte(lazyMarker), fill: func(bw *bufio.Writer) error { return v.writeLazyJSON(bw, res) }}
	if err := htmlTemplate().Execute(mw, v); err != nil {
		return err
	}
	if mw.err != nil {
		return mw.err
	}
	if !mw.found {
		return errors.New("batch page: the template lost the place of the findings")
	}
	return bw.Flush()
}

// markerWriter passes what is written on to w, with what fill writes in
// place of the first occurrence of marker. Until then it holds back the
// last len(marker)-1 bytes, which may be the start of a marker split
// between two writes.
type markerWriter struct {
	w       *bufio.Writer
	marker  []byte
	fill    func(*bufio.Writer) error
	pending []byte
	found   bool
	err     error
}

func (m *markerWriter) Write(p []byte) (int, error) {
	if m.err != nil {
		return 0, m.err
	}
	if m.found {
		return m.w.Write(p)
	}
	m.pending = append(m.pending, p...)
	if at := bytes.Index(m.pending, m.marker); at >= 0 {
		m.w.Write(m.pending[:at])
		if m.err = m.fill(m.w); m.err != nil {
			return 0, m.err
		}
		m.found = true
		m.w.Write(m.pending[at+len(m.marker):])
		m.pending = nil
		return len(p), nil
	}
	if keep := len(m.marker) - 1; len(m.pending) > keep {
		m.w.Write(m.pending[:len(m.pending)-keep])
		m.pending = append(m.pending[:0], m.pending[len(m.pending)-keep:]...)
	}
	return len(p), nil
}

// writeLazyJSON writes the embedded data of the details, as json.Marshal of
// a lazyData would: json.Marshal escapes <, > and &, so the block cannot
// end its <script> early. Each report's findings are made from res when
// its turn comes (v.Details are res.Reports, in order).
func (v *htmlView) writeLazyJSON(w *bufio.Writer, res *batch.Result) error {
	labels := map[string]string{}
	for _, k := range []string{"error", "warning", "info", "location", "rule", "severity", "message", "no_findings",
		"shown", "of", "findings_unit", "capped"} {
		labels[k] = v.L[k]
	}
	lang := "zh"
	if v.Lang == "en" {
		lang = "en"
	}
	sources := newSourceCache(res)
	w.WriteString(`{"reports":`)
	n := 0
	var b []byte
	var found []jsonFinding // reused from report to report
	for i, row := range v.Details {
		r := row.R
		if r.Error != "" {
			continue
		}
		lr := lazyReport{ID: row.ID, Path: r.Path, Body: r.Body, Meta: v.meta(r), Families: familiesLine(r, lang)}
		found = jfindings(found, res.Reports[i], sources, res.Lang, false)
		if n == 0 {
			w.WriteString("[")
		} else {
			w.WriteString(",")
		}
		n++
		b = appendLazyFindings(appendLazyHead(b[:0], &lr), found)
		w.Write(b)
	}
	if n == 0 {
		w.WriteString("null") // a nil slice, as json.Marshal writes it
	} else {
		w.WriteString("]")
	}
	b, err := json.Marshal(labels)
	if err != nil {
		return err
	}
	w.WriteString(`,"labels":`)
	w.Write(b)
	w.WriteString("}")
	return nil
}

// appendLazyHead appends json.Marshal(lr) up to the value of its
// "findings": encoding/json's reflection on thousands of reports' findings
// was most of writeLazyJSON's time.
func appendLazyHead(b []byte, lr *lazyReport) []byte {
	b = append(b, `{"id":`...)
	b = appendHTMLJSONString(b, lr.ID)
	b = append(b, `,"path":`...)
	b = appendHTMLJSONString(b, lr.Path)
	b = append(b, `,"body":`...)
	b = appendHTMLJSONString(b, lr.Body)
	b = append(b, `,"meta":`...)
	b = appendHTMLJSONString(b, lr.Meta)
	b = append(b, `,"families":`...)
	b = appendHTMLJSONString(b, lr.Families)
	return append(b, `,"findings":`...)
}

// appendLazyFindings appends the report's findings as the rows of
// lazyReport.Findings (rule, severity, location, message, text, related,
// one per line) and closes the report. Each row is written from the
// finding's fields, as the quoted cells they were joined into: quoting
// goes character by character, and what joins them (':', digits, ' ',
// '\n') is written as it stands or as \n.
func appendLazyFindings(b []byte, found []jsonFinding) []byte {
	if len(found) == 0 {
		return append(b, "null}"...) // a nil slice, as json.Marshal writes it
	}
	b = append(b, '[')
	for i := range found {
		g := &found[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendHTMLJSONString(b, g.Rule)
		b = append(b, ',')
		b = appendHTMLJSONString(b, g.Severity.String())
		b = append(b, ',', '"')
		b = appendPlace(appendHTMLJSONInner(b, g.Path()), g.Line, g.Column)
		b = append(b, '"', ',')
		b = appendHTMLJSONString(b, g.Msg())
		b = append(b, ',')
		b = appendHTMLJSONString(b, g.Text)
		b = append(b, ',', '"')
		for i, o := range g.Related {
			if i > 0 {
				b = append(b, '\\', 'n')
			}
			b = appendPlace(appendHTMLJSONInner(b, o.Path), o.Line, o.Column)
			b = append(b, ' ')
			b = appendHTMLJSONInner(b, o.Message)
		}
		b = append(b, '"', ']')
	}
	return append(b, ']', '}')
}

// appendPlace appends ":line:column".
func appendPlace(b []byte, line, column int) []byte {
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, ':')
	return strconv.AppendInt(b, int64(column), 10)
}

// appendHTMLJSONInner appends what appendHTMLJSONString would between the
// quotes.
func appendHTMLJSONInner(b []byte, s string) []byte {
	start := len(b)
	b = appendHTMLJSONString(b, s)
	n := copy(b[start:], b[start+1:len(b)-1])
	return b[:start+n]
}

// appendHTMLJSONString appends s quoted as json.Marshal does, with <, >
// and & escaped: outside the escapes report.AppendJSONString writes they
// stand for themselves, so each is replaced as it stands.
func appendHTMLJSONString(b []byte, s string) []byte {
	start := len(b)
	b = report.AppendJSONString(b, s)
	// three byte searches: a third of the time strings.ContainsAny took
	if q := b[start:]; bytes.IndexByte(q, '<') < 0 && bytes.IndexByte(q, '>') < 0 && bytes.IndexByte(q, '&') < 0 {
		return b
	}
	quoted := string(b[start:])
	b = b[:start]
	for i := 0; i < len(quoted); i++ {
		switch c := quoted[i]; c {
		case '<', '>', '&':
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		default:
			b = append(b, c)
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// meta is the line under a report's path: body, year, format, encoding and
// dates, as the inline page writes it.
func (v *htmlView) meta(r *jsonReport) string {
	s := ""
	add := func(x string) {
		if x != "" {
			if s != "" {
				s += " · "
			}
			s += x
		}
	}
	add(r.Body)
	if r.Year != 0 {
		add(strconv.Itoa(r.Year))
	}
	add(r.Format)
	add(v.L["encoding"] + " " + r.Encoding)
	if r.Period != nil {
		add(v.L["period"] + " " + r.Period.Start + " – " + r.Period.End)
	}
	if r.Published != "" {
		add(v.L["published"] + " " + r.Published)
	}
	if r.Signed != "" {
		add(v.L["signed"] + " " + r.Signed)
	}
	return s
}

// familiesLine counts a report's findings per family: 表格: 1 / 2 / 0.
func familiesLine(r *jsonReport, lang string) string {
	s := ""
	for _, fam := range familyNames(r.Counts.ByFamily) {
		c := r.Counts.ByFamily[fam]
		if s != "" {
			s += "　"
		}
		s += report.FamilyTitle(lint.Family(fam), lang) + ": " + strconv.Itoa(c.Errors) + " / " +
			strconv.Itoa(c.Warnings) + " / " + strconv.Itoa(c.Infos)
	}
	return s
}
