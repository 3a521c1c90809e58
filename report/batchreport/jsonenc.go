package batchreport

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gdlint/gdlint/lint/batch"
	"github.com/gdlint/gdlint/report"
)

// The findings are most of the JSON report (190 MB for 8,000 reports);
// encoding/json marshals each report and then re-indents it, and the
// re-indenting alone was a third of WriteJSON's time. appendFindings
// writes the bytes the report's encoder (newJSONEncoder, prefix "    ")
// would write for its "diagnostics" array; TestAppendFindingsMatchesEncodingJSON
// holds them.

// appendFindings appends fs as the value of a report's "diagnostics"
// member: the array at the report's member depth (6 spaces).
func appendFindings(b []byte, fs []jsonFinding) []byte {
	if len(fs) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n        {"...)
		b = appendFinding(b, &fs[i])
		b = append(b, "\n        }"...)
	}
	return append(b, "\n      ]"...)
}

const findingIndent = "\n          " // a finding's members

// appendFinding writes each member's comma, line break, indentation and
// name as one constant: a dozen members of thousands of findings.
func appendFinding(b []byte, f *jsonFinding) []byte {
	const in = findingIndent
	b = appendStringAfter(b, in+`"rule": `, f.Rule)
	b = appendStringAfter(b, ","+in+`"family": `, f.Family)
	b = appendStringAfter(b, ","+in+`"severity": `, f.Severity.String())
	b = appendStringAfter(b, ","+in+`"message": `, f.Message)
	b = appendStringAfter(b, ","+in+`"message_en": `, f.MessageEN)
	b = appendIntAfter(b, ","+in+`"line": `, f.Line)
	b = appendIntAfter(b, ","+in+`"column": `, f.Column)
	b = appendIntAfter(b, ","+in+`"end_line": `, f.EndLine)
	b = appendIntAfter(b, ","+in+`"end_column": `, f.EndColumn)
	b = appendIntAfter(b, ","+in+`"offset": `, f.Offset)
	b = appendIntAfter(b, ","+in+`"end_offset": `, f.EndOffset)
	b = appendStringAfter(b, ","+in+`"text": `, f.Text)
	b = appendIntAfter(b, ","+in+`"fixes": `, f.Fixes)
	b = append(b, ","+in+`"related": `...)
	if len(f.Related) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	const relIndent = "\n              "
	for i, r := range f.Related {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n            {"...)
		b = appendStringAfter(b, relIndent+`"path": `, r.Path)
		b = appendIntAfter(b, ","+relIndent+`"line": `, r.Line)
		b = appendIntAfter(b, ","+relIndent+`"column": `, r.Column)
		b = appendStringAfter(b, ","+relIndent+`"message": `, r.Message)
		b = append(b, "\n            }"...)
	}
	return append(b, "\n          ]"...)
}

// appendStringAfter and appendIntAfter append what goes before a value
// (glue) and the value.
func appendStringAfter(b []byte, glue, v string) []byte {
	return report.AppendJSONString(append(b, glue...), v)
}

func appendIntAfter(b []byte, glue string, v int) []byte {
	return strconv.AppendInt(append(b, glue...), int64(v), 10)
}

func appendStringMember(b []byte, indent, name, v string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, `": `...)
	return report.AppendJSONString(b, v)
}

func appendIntMember(b []byte, indent, name string, v int) []byte {
	b = append(b, ',')
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, `": `...)
	return strconv.AppendInt(b, int64(v), 10)
}

// The reports' heads and the cross-year checks were the rest of what
// encoding/json marshalled and re-indented (thousands of checks with their
// columns' values: 2.3 MB of the 500 reports' document).
// appendReportHead and appendCheck write the bytes the document's encoders
// would; TestJSONHeadsMatchEncodingJSON holds them.

// newline breaks the line and indents by n spaces.
func newline(b []byte, n int) []byte {
	b = append(b, '\n')
	for range n {
		b = append(b, ' ')
	}
	return b
}

// key writes a member's name at indentation n, after a comma unless first.
func key(b []byte, n int, name string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = newline(b, n)
	b = append(b, '"')
	b = append(b, name...)
	return append(b, `": `...)
}

// appendJSONFloat writes f as encoding/json does (ES6 number formatting);
// false for NaN and infinities, which it refuses.
func appendJSONFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 as e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// jsonFloats writes floats and remembers whether one could not be written.
type jsonFloats struct{ bad bool }

func (j *jsonFloats) member(b []byte, n int, name string, f float64, first bool) []byte {
	b = key(b, n, name, first)
	b, ok := appendJSONFloat(b, f)
	j.bad = j.bad || !ok
	return b
}

// appendValue writes a statistic's value (nil: null) whose members are
// indented by n.
func (j *jsonFloats) appendValue(b []byte, v *jsonValue, n int) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	b = key(b, n, "value", true)
	b, ok := appendJSONFloat(b, v.Value)
	j.bad = j.bad || !ok
	b = appendStringMember(b, "\n"+spaces[:n], "text", v.Text, false)
	b = key(b, n, "line", false)
	b = strconv.AppendInt(b, int64(v.Line), 10)
	b = key(b, n, "column", false)
	b = strconv.AppendInt(b, int64(v.Column), 10)
	if v.Doubt != "" {
		b = appendStringMember(b, "\n"+spaces[:n], "doubt", v.Doubt, false)
	}
	b = newline(b, n-2)
	return append(b, '}')
}

const spaces = "                    "

// appendCheck appends a check as an element of the document's "checks"
// (its members indented by 6); false when a float cannot be written.
func appendCheck(b []byte, c *jsonCheck) ([]byte, bool) {
	const n = 6
	const in = "\n      "
	var j jsonFloats
	b = append(b, '{')
	b = appendStringMember(b, in, "kind", c.Kind, true)
	b = appendStringMember(b, in, "rule", c.Rule, false)
	b = appendStringMember(b, in, "body", c.Body, false)
	b = appendStringMember(b, in, "body_key", c.BodyKey, false)
	b = appendIntMember(b, in, "year", c.Year)
	b = appendIntMember(b, in, "prev_year", c.PrevYear)
	b = appendStringMember(b, in, "path", c.Path, false)
	b = appendStringMember(b, in, "prev_path", c.PrevPath, false)
	b = appendStringMember(b, in, "status", string(c.Status), false)
	b = appendStringMember(b, in, "message", c.Message, false)
	b = appendStringMember(b, in, "message_en", c.MessageEN, false)
	if len(c.Columns) > 0 {
		b = key(b, n, "columns", false)
		b = append(b, '[')
		const kin = "\n          "
		for i := range c.Columns {
			k := &c.Columns[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = newline(b, n+2)
			b = append(b, '{')
			b = appendStringMember(b, kin, "key", k.Key, true)
			b = appendStringMember(b, kin, "label", k.Label, false)
			b = appendStringMember(b, kin, "label_en", k.LabelEN, false)
			b = key(b, n+4, "prev", false)
			b = j.appendValue(b, k.Prev, n+6)
			b = key(b, n+4, "cur", false)
			b = j.appendValue(b, k.Cur, n+6)
			b = appendStringMember(b, kin, "status", string(k.Status), false)
			b = newline(b, n+2)
			b = append(b, '}')
		}
		b = newline(b, n)
		b = append(b, ']')
	}
	if s := c.Similarity; s != nil {
		b = key(b, n, "similarity", false)
		b = append(b, '{')
		const sin = "\n        "
		b = j.member(b, n+2, "share", s.Share, true)
		b = appendIntMember(b, sin, "segments", s.Segments)
		b = appendIntMember(b, sin, "identical", s.Identical)
		b = appendIntMember(b, sin, "chars", s.Chars)
		b = appendIntMember(b, sin, "identical_chars", s.IdenticalChars)
		b = j.member(b, n+2, "threshold", s.Threshold, false)
		b = j.member(b, n+2, "jaccard", s.Jaccard, false)
		b = key(b, n+2, "matches", false)
		switch {
		case s.Matches == nil:
			b = append(b, "null"...)
		case len(s.Matches) == 0:
			b = append(b, "[]"...)
		default:
			b = append(b, '[')
			const matchIn = "\n            "
			for i, m := range s.Matches {
				if i > 0 {
					b = append(b, ',')
				}
				b = newline(b, n+4)
				b = append(b, '{')
				b = key(b, n+6, "line", true)
				b = strconv.AppendInt(b, int64(m.Line), 10)
				b = appendIntMember(b, matchIn, "column", m.Column)
				b = appendIntMember(b, matchIn, "prev_line", m.PrevLine)
				b = appendIntMember(b, matchIn, "prev_column", m.PrevColumn)
				b = j.member(b, n+6, "jaccard", m.Jaccard, false)
				b = newline(b, n+4)
				b = append(b, '}')
			}
			b = newline(b, n+2)
			b = append(b, ']')
		}
		b = newline(b, n)
		b = append(b, '}')
	}
	if len(c.Missing) > 0 {
		b = key(b, n, "missing", false)
		b = append(b, '[')
		for i, y := range c.Missing {
			if i > 0 {
				b = append(b, ',')
			}
			b = newline(b, n+2)
			b = strconv.AppendInt(b, int64(y), 10)
		}
		b = newline(b, n)
		b = append(b, ']')
	}
	b = newline(b, n-2)
	return append(b, '}'), !j.bad
}

// statsByKey is the order of batch.StatDefs' keys, as encoding/json writes
// the keys of a map.
var statsByKey = sync.OnceValue(func() []int {
	order := make([]int, len(batch.StatDefs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(batch.StatDefs[a].Key, batch.StatDefs[b].Key) })
	return order
})

// appendReportHead appends a report as an element of the document's
// "reports" (its members indented by 6) up to its findings: what follows
// is `"diagnostics": ` and the findings. False when a float cannot be
// written.
func appendReportHead(b []byte, r *jsonReport) ([]byte, bool) {
	const n = 6
	const in = "\n      "
	var j jsonFloats
	b = append(b, '{')
	b = appendStringMember(b, in, "path", r.Path, true)
	if r.Error != "" {
		b = appendStringMember(b, in, "error", r.Error, false)
	}
	if r.Encoding != "" {
		b = appendStringMember(b, in, "encoding", r.Encoding, false)
	}
	if r.Rendering != "" {
		b = appendStringMember(b, in, "rendering", r.Rendering, false)
	}
	b = appendStringMember(b, in, "format", r.Format, false)
	b = appendStringMember(b, in, "body", r.Body, false)
	b = appendStringMember(b, in, "body_key", r.BodyKey, false)
	b = appendStringMember(b, in, "body_from", r.BodyFrom, false)
	b = appendIntMember(b, in, "year", r.Year)
	b = appendStringMember(b, in, "year_from", r.YearFrom, false)
	if p := r.Period; p != nil {
		b = key(b, n, "period", false)
		b = append(b, '{')
		b = appendStringMember(b, "\n        ", "start", p.Start, true)
		b = appendStringMember(b, "\n        ", "end", p.End, false)
		b = newline(b, n)
		b = append(b, '}')
	}
	if r.Published != "" {
		b = appendStringMember(b, in, "published", r.Published, false)
	}
	if r.Signed != "" {
		b = appendStringMember(b, in, "signed", r.Signed, false)
	}
	b = key(b, n, "counts", false)
	b = append(b, '{')
	const cin = "\n        "
	b = key(b, n+2, "errors", true)
	b = strconv.AppendInt(b, int64(r.Counts.Errors), 10)
	b = appendIntMember(b, cin, "warnings", r.Counts.Warnings)
	b = appendIntMember(b, cin, "infos", r.Counts.Infos)
	b = key(b, n+2, "by_family", false)
	switch fams := r.Counts.ByFamily; {
	case fams == nil:
		b = append(b, "null"...)
	case len(fams) == 0:
		b = append(b, "{}"...)
	default:
		b = append(b, '{')
		const fin = "\n            "
		for i, fam := range familyNames(fams) {
			if i > 0 {
				b = append(b, ',')
			}
			b = newline(b, n+4)
			b = report.AppendJSONString(b, fam)
			b = append(b, ": "...)
			c := fams[fam]
			if c == nil {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '{')
			b = key(b, n+6, "errors", true)
			b = strconv.AppendInt(b, int64(c.Errors), 10)
			b = appendIntMember(b, fin, "warnings", c.Warnings)
			b = appendIntMember(b, fin, "infos", c.Infos)
			b = newline(b, n+4)
			b = append(b, '}')
		}
		b = newline(b, n+2)
		b = append(b, '}')
	}
	b = newline(b, n)
	b = append(b, '}')
	// stats: the values read, by key
	b = key(b, n, "stats", false)
	first := true
	for _, i := range statsByKey() {
		v := r.statsList[i]
		if v == nil {
			continue
		}
		if first {
			b = append(b, '{')
		} else {
			b = append(b, ',')
		}
		first = false
		b = newline(b, n+2)
		b = report.AppendJSONString(b, batch.StatDefs[i].Key)
		b = append(b, ": "...)
		b = j.appendValue(b, v, n+4)
	}
	if first {
		b = append(b, "{}"...)
	} else {
		b = newline(b, n)
		b = append(b, '}')
	}
	b = appendStringMember(b, in, "cross_year", string(r.CrossYear), false)
	b = append(b, ',')
	b = newline(b, n)
	return b, !j.bad
}
