package batchreport

import (
	"html/template"
	"strconv"

	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
	"github.com/gdlint/gdlint/report"
)

// The overview's rows, the cross-year checks' rows and the inline page's
// sections of findings are written here, not
// by the template: executing the template's fields, ifs and index calls
// through reflection for every cell of thousands of rows was most of
// WriteHTML's time. Each value is escaped as html/template escapes it in
// its place (appendHTMLEscaped); TestHTMLRowsMatchTemplate holds the rows
// to the template's (htmlRowsReference).

// OverviewRow is a report's row of the overview.
func (v *htmlView) OverviewRow(row *htmlRow) template.HTML {
	r, L := row.R, v.L
	b := v.rowBuf[:0]
	b = append(b, `<tr data-path="`...)
	b = appendHTMLEscaped(b, r.Path)
	b = append(b, "\">\n<td class=\"body\" data-v=\""...)
	b = appendHTMLEscaped(b, r.BodyKey)
	b = append(b, `">`...)
	if r.Body != "" {
		b = appendHTMLEscaped(b, r.Body)
	} else {
		b = appendHTMLEscaped(b, L["none"])
	}
	// the ID is "r" and digits: the URL escaping of href leaves it as it is
	b = append(b, `<a class="path" href="#`...)
	b = appendHTMLEscaped(b, row.ID)
	b = append(b, `" title="`...)
	b = appendHTMLEscaped(b, r.Path)
	b = append(b, `">`...)
	b = appendHTMLEscaped(b, row.Display)
	b = append(b, "</a></td>\n<td class=\"n\" data-v=\""...)
	b = strconv.AppendInt(b, int64(r.Year), 10)
	b = append(b, `">`...)
	if r.Year != 0 {
		b = strconv.AppendInt(b, int64(r.Year), 10)
	}
	b = append(b, "</td>\n<td>"...)
	b = appendHTMLEscaped(b, r.Format)
	b = append(b, "</td>\n<td class=\"n "...)
	b = appendCountCell(b, r.Counts.Errors, "e", "e0")
	b = append(b, "\n<td class=\"n "...)
	b = appendCountCell(b, r.Counts.Warnings, "w", "w0")
	b = append(b, "\n<td class=\"n\" data-v=\""...)
	b = strconv.AppendInt(b, int64(r.Counts.Infos), 10)
	b = append(b, `">`...)
	b = strconv.AppendInt(b, int64(r.Counts.Infos), 10)
	b = append(b, "</td>\n"...)
	for _, c := range r.StatCells() {
		b = append(b, `<td class="n`...)
		if c.Doubt != "" {
			b = append(b, " doubt"...)
		}
		b = append(b, `" data-v="`...)
		b = appendHTMLEscaped(b, c.Sort)
		b = append(b, '"')
		if c.Doubt != "" {
			b = append(b, ` title="`...)
			b = appendHTMLEscaped(b, c.Doubt)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = appendHTMLEscaped(b, c.Num)
		b = append(b, "</td>"...)
	}
	b = append(b, "\n<td class=\"cy\" data-v=\""...)
	b = appendHTMLEscaped(b, string(r.CrossYear))
	b = append(b, `" title="`...)
	b = appendHTMLEscaped(b, row.Status)
	b = append(b, `">`...)
	for _, c := range row.Checks {
		b = append(b, `<div class="st-`...)
		b = appendHTMLEscaped(b, string(c.Status))
		b = append(b, `">`...)
		b = appendHTMLEscaped(b, L["short-"+c.Kind])
		b = append(b, ' ')
		b = appendHTMLEscaped(b, L["mark-"+string(c.Status)])
		b = append(b, "</div>"...)
	}
	if len(row.Checks) == 0 {
		b = appendHTMLEscaped(b, L["none"])
	}
	b = append(b, "</td>\n</tr>\n"...)
	v.rowBuf = b
	return template.HTML(b)
}

// appendCountCell appends the rest of an errors' or warnings' cell, after
// its `class="n `: the class is hot when n is not 0.
func appendCountCell(b []byte, n int, hot, cold string) []byte {
	if n != 0 {
		b = append(b, hot...)
	} else {
		b = append(b, cold...)
	}
	b = append(b, `" data-v="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `">`...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, "</td>"...)
}

// CheckRow is a cross-year check's row in its body's table.
func (v *htmlView) CheckRow(c *jsonCheck) template.HTML {
	L := v.L
	b := v.rowBuf[:0]
	b = append(b, `<tr data-rule="`...)
	b = appendHTMLEscaped(b, c.Rule)
	b = append(b, `" data-status="`...)
	b = appendHTMLEscaped(b, string(c.Status))
	b = append(b, `" data-year="`...)
	b = strconv.AppendInt(b, int64(c.Year), 10)
	b = append(b, "\">\n<td class=\"n\">"...)
	if c.PrevYear != 0 {
		b = strconv.AppendInt(b, int64(c.PrevYear), 10)
		b = append(b, " → "...)
	}
	b = strconv.AppendInt(b, int64(c.Year), 10)
	b = append(b, "</td>\n<td><code>"...)
	b = appendHTMLEscaped(b, c.Rule)
	b = append(b, "</code></td>\n<td>"...)
	b = appendHTMLEscaped(b, L[c.Kind])
	b = append(b, "</td>\n<td class=\"st-"...)
	b = appendHTMLEscaped(b, string(c.Status))
	b = append(b, `">`...)
	b = appendHTMLEscaped(b, L[string(c.Status)])
	b = append(b, "</td>\n<td>"...)
	b = appendHTMLEscaped(b, c.Msg())
	b = append(b, '\n')
	if len(c.Columns) > 0 {
		b = append(b, `<ul class="cols">`...)
		for _, k := range c.Columns {
			b = append(b, `<li class="st-`...)
			b = appendHTMLEscaped(b, string(k.Status))
			b = append(b, `">`...)
			b = appendHTMLEscaped(b, c.Label(k))
			b = append(b, ": "...)
			if k.Prev != nil {
				b = appendValueAt(b, k.Prev)
				b = append(b, " → "...)
			}
			if k.Cur != nil {
				b = appendValueAt(b, k.Cur)
			} else {
				b = append(b, '?')
			}
			b = append(b, "</li>"...)
		}
		b = append(b, "</ul>"...)
	}
	b = append(b, '\n')
	if s := c.Similarity; s != nil && len(s.Matches) > 0 {
		b = append(b, `<ul class="cols">`...)
		for _, m := range s.Matches {
			b = append(b, "<li>L"...)
			b = strconv.AppendInt(b, int64(m.Line), 10)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(m.Column), 10)
			b = append(b, " ≈ "...)
			b = appendHTMLEscaped(b, L["prev"])
			b = append(b, " L"...)
			b = strconv.AppendInt(b, int64(m.PrevLine), 10)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(m.PrevColumn), 10)
			b = append(b, " ("...)
			b = strconv.AppendFloat(b, m.Jaccard, 'f', 2, 64) // printf "%.2f"
			b = append(b, ")</li>"...)
		}
		b = append(b, "</ul>"...)
	}
	b = append(b, "\n<div class=\"path\">"...)
	b = appendHTMLEscaped(b, c.Path)
	if c.PrevPath != "" {
		b = append(b, " ⟵ "...)
		b = appendHTMLEscaped(b, c.PrevPath)
	}
	b = append(b, "</div>\n</td></tr>\n"...)
	v.rowBuf = b
	return template.HTML(b)
}

// DetailSection is a report's section of findings on the inline page
// ("" for a file that could not be checked).
func (v *htmlView) DetailSection(row *htmlRow) template.HTML {
	r, L := row.R, v.L
	if r.Error != "" {
		return ""
	}
	b := v.rowBuf[:0]
	b = append(b, `<section class="report" id="`...)
	b = appendHTMLEscaped(b, row.ID)
	b = append(b, `" data-path="`...)
	b = appendHTMLEscaped(b, r.Path)
	b = append(b, `" data-body="`...)
	b = appendHTMLEscaped(b, r.Body)
	b = append(b, "\">\n<h3>"...)
	b = appendHTMLEscaped(b, r.Path)
	b = append(b, "</h3>\n<p class=\"meta\">"...)
	if r.Body != "" {
		b = appendHTMLEscaped(b, r.Body)
		b = append(b, " · "...)
	}
	if r.Year != 0 {
		b = strconv.AppendInt(b, int64(r.Year), 10)
		b = append(b, " · "...)
	}
	if r.Format != "" {
		b = appendHTMLEscaped(b, r.Format)
		b = append(b, " · "...)
	}
	b = appendHTMLEscaped(b, L["encoding"])
	b = append(b, ' ')
	b = appendHTMLEscaped(b, r.Encoding)
	if p := r.Period; p != nil {
		b = append(b, " · "...)
		b = appendHTMLEscaped(b, L["period"])
		b = append(b, ' ')
		b = appendHTMLEscaped(b, p.Start)
		b = append(b, " – "...)
		b = appendHTMLEscaped(b, p.End)
	}
	if r.Published != "" {
		b = append(b, " · "...)
		b = appendHTMLEscaped(b, L["published"])
		b = append(b, ' ')
		b = appendHTMLEscaped(b, r.Published)
	}
	if r.Signed != "" {
		b = append(b, " · "...)
		b = appendHTMLEscaped(b, L["signed"])
		b = append(b, ' ')
		b = appendHTMLEscaped(b, r.Signed)
	}
	b = append(b, "</p>\n"...)
	if fams := r.Counts.ByFamily; len(fams) > 0 {
		lang := "zh"
		if v.Lang == "en" {
			lang = "en"
		}
		b = append(b, `<p class="meta families">`...)
		for _, fam := range familyNames(fams) {
			var c batch.SeverityCounts
			if p := fams[fam]; p != nil {
				c = *p
			}
			b = append(b, `<span class="fam">`...)
			b = appendHTMLEscaped(b, report.FamilyTitle(lint.Family(fam), lang))
			b = append(b, `: <span class="sev-error">`...)
			b = strconv.AppendInt(b, int64(c.Errors), 10)
			b = append(b, `</span> / <span class="sev-warning">`...)
			b = strconv.AppendInt(b, int64(c.Warnings), 10)
			b = append(b, `</span> / <span class="sev-info">`...)
			b = strconv.AppendInt(b, int64(c.Infos), 10)
			b = append(b, "</span></span>　"...)
		}
		b = append(b, "</p>"...)
	}
	b = append(b, '\n')
	if len(r.Diagnostics) == 0 {
		b = append(b, `<p class="note">`...)
		b = appendHTMLEscaped(b, L["no_findings"])
		b = append(b, "</p>"...)
	} else {
		b = append(b, `<div class="wrap"><table class="findings"><thead><tr><th>`...)
		b = appendHTMLEscaped(b, L["location"])
		b = append(b, "</th><th>"...)
		b = appendHTMLEscaped(b, L["rule"])
		b = append(b, "</th><th>"...)
		b = appendHTMLEscaped(b, L["severity"])
		b = append(b, "</th><th>"...)
		b = appendHTMLEscaped(b, L["message"])
		b = append(b, "</th></tr></thead><tbody>\n"...)
		for i := range r.Diagnostics {
			g := &r.Diagnostics[i]
			sev := g.Severity.String()
			b = append(b, `<tr data-rule="`...)
			b = appendHTMLEscaped(b, g.Rule)
			b = append(b, `" data-sev="`...)
			b = appendHTMLEscaped(b, sev)
			b = append(b, "\">\n<td class=\"path\">"...)
			b = appendPlace(appendHTMLEscaped(b, g.Path()), g.Line, g.Column)
			b = append(b, "</td>\n<td><code>"...)
			b = appendHTMLEscaped(b, g.Rule)
			b = append(b, "</code></td>\n<td class=\"sev sev-"...)
			b = appendHTMLEscaped(b, sev)
			b = append(b, `">`...)
			b = appendHTMLEscaped(b, L[sev])
			b = append(b, "</td>\n<td>"...)
			b = appendHTMLEscaped(b, g.Msg())
			if g.Text != "" {
				b = append(b, " <code>"...)
				b = appendHTMLEscaped(b, g.Text)
				b = append(b, "</code>"...)
			}
			if len(g.Related) > 0 {
				b = append(b, `<ul class="rel">`...)
				for _, o := range g.Related {
					b = append(b, `<li><span class="path">`...)
					b = appendPlace(appendHTMLEscaped(b, o.Path), o.Line, o.Column)
					b = append(b, "</span> "...)
					b = appendHTMLEscaped(b, o.Message)
					b = append(b, "</li>"...)
				}
				b = append(b, "</ul>"...)
			}
			b = append(b, "</td>\n</tr>\n"...)
		}
		b = append(b, "</tbody></table></div>\n"...)
	}
	b = append(b, "\n</section>\n"...)
	v.rowBuf = b
	return template.HTML(b)
}

// appendValueAt appends a value of a check's column with its place.
func appendValueAt(b []byte, x *jsonValue) []byte {
	b = appendHTMLEscaped(b, x.Text)
	b = append(b, ` <span class="path">(L`...)
	b = strconv.AppendInt(b, int64(x.Line), 10)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(x.Column), 10)
	return append(b, ")</span>"...)
}

// appendHTMLEscaped appends s as html/template escapes a string in text
// and in a quoted attribute (htmlEscaper, attrEscaper): the replacements
// of its htmlReplacementTable. They are all ASCII, which no byte of a
// multi-byte or invalid sequence is, so bytes are looked at one by one.
func appendHTMLEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, r...)
		last = i + 1
	}
	return append(b, s[last:]...)
}
