package batchreport

import (
	"strconv"

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

func appendFinding(b []byte, f *jsonFinding) []byte {
	b = appendStringMember(b, findingIndent, "rule", f.Rule, true)
	b = appendStringMember(b, findingIndent, "family", f.Family, false)
	b = appendStringMember(b, findingIndent, "severity", f.Severity.String(), false)
	b = appendStringMember(b, findingIndent, "message", f.Message, false)
	b = appendStringMember(b, findingIndent, "message_en", f.MessageEN, false)
	b = appendIntMember(b, findingIndent, "line", f.Line)
	b = appendIntMember(b, findingIndent, "column", f.Column)
	b = appendIntMember(b, findingIndent, "end_line", f.EndLine)
	b = appendIntMember(b, findingIndent, "end_column", f.EndColumn)
	b = appendIntMember(b, findingIndent, "offset", f.Offset)
	b = appendIntMember(b, findingIndent, "end_offset", f.EndOffset)
	b = appendStringMember(b, findingIndent, "text", f.Text, false)
	b = appendIntMember(b, findingIndent, "fixes", f.Fixes)
	b = append(b, ","+findingIndent+`"related": `...)
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
		b = appendStringMember(b, relIndent, "path", r.Path, true)
		b = appendIntMember(b, relIndent, "line", r.Line)
		b = appendIntMember(b, relIndent, "column", r.Column)
		b = appendStringMember(b, relIndent, "message", r.Message, false)
		b = append(b, "\n            }"...)
	}
	return append(b, "\n          ]"...)
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
