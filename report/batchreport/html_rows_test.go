package batchreport

import (
	"bytes"
	"fmt"
	"html/template"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch"
)

// htmlRowsReference is the page's template as it was, with the overview's
// and the checks' rows and the inline page's sections of findings written
// by the template itself.
func htmlRowsReference(t *testing.T) *template.Template {
	t.Helper()
	const overviewRow = `<tr data-path="{{.R.Path}}">
<td class="body" data-v="{{.R.BodyKey}}">{{if .R.Body}}{{.R.Body}}{{else}}{{$.L.none}}{{end}}<a class="path" href="#{{.ID}}" title="{{.R.Path}}">{{.Display}}</a></td>
<td class="n" data-v="{{.R.Year}}">{{if .R.Year}}{{.R.Year}}{{end}}</td>
<td>{{.R.Format}}</td>
<td class="n {{if .R.Counts.Errors}}e{{else}}e0{{end}}" data-v="{{.R.Counts.Errors}}">{{.R.Counts.Errors}}</td>
<td class="n {{if .R.Counts.Warnings}}w{{else}}w0{{end}}" data-v="{{.R.Counts.Warnings}}">{{.R.Counts.Warnings}}</td>
<td class="n" data-v="{{.R.Counts.Infos}}">{{.R.Counts.Infos}}</td>
{{range .R.StatCells}}<td class="n{{if .Doubt}} doubt{{end}}" data-v="{{.Sort}}"{{if .Doubt}} title="{{.Doubt}}"{{end}}>{{.Num}}</td>{{end}}
<td class="cy" data-v="{{.R.CrossYear}}" title="{{.Status}}">{{range .Checks}}<div class="st-{{.Status}}">{{index $.L (print "short-" .Kind)}} {{index $.L (print "mark-" .Status)}}</div>{{else}}{{$.L.none}}{{end}}</td>
</tr>
`
	const detailSection = `{{if not .R.Error}}<section class="report" id="{{.ID}}" data-path="{{.R.Path}}" data-body="{{.R.Body}}">
<h3>{{.R.Path}}</h3>
<p class="meta">{{if .R.Body}}{{.R.Body}} · {{end}}{{if .R.Year}}{{.R.Year}} · {{end}}{{if .R.Format}}{{.R.Format}} · {{end}}{{$.L.encoding}} {{.R.Encoding}}{{with .R.Period}} · {{$.L.period}} {{.Start}} – {{.End}}{{end}}{{if .R.Published}} · {{$.L.published}} {{.R.Published}}{{end}}{{if .R.Signed}} · {{$.L.signed}} {{.R.Signed}}{{end}}</p>
{{if .R.Counts.ByFamily}}<p class="meta families">{{range $fam, $c := .R.Counts.ByFamily}}<span class="fam">{{fam $fam $.Lang}}: <span class="sev-error">{{$c.Errors}}</span> / <span class="sev-warning">{{$c.Warnings}}</span> / <span class="sev-info">{{$c.Infos}}</span></span>　{{end}}</p>{{end}}
{{if .R.Diagnostics}}<div class="wrap"><table class="findings"><thead><tr><th>{{$.L.location}}</th><th>{{$.L.rule}}</th><th>{{$.L.severity}}</th><th>{{$.L.message}}</th></tr></thead><tbody>
{{range .R.Diagnostics}}<tr data-rule="{{.Rule}}" data-sev="{{.Severity}}">
<td class="path">{{.Path}}:{{.Line}}:{{.Column}}</td>
<td><code>{{.Rule}}</code></td>
<td class="sev sev-{{.Severity}}">{{index $.L (print .Severity)}}</td>
<td>{{.Msg}}{{if .Text}} <code>{{.Text}}</code>{{end}}{{if .Related}}<ul class="rel">{{range .Related}}<li><span class="path">{{.Path}}:{{.Line}}:{{.Column}}</span> {{.Message}}</li>{{end}}</ul>{{end}}</td>
</tr>
{{end}}</tbody></table></div>
{{else}}<p class="note">{{$.L.no_findings}}</p>{{end}}
</section>
{{end}}`
	const checkRow = `<tr data-rule="{{.Rule}}" data-status="{{.Status}}" data-year="{{.Year}}">
<td class="n">{{if .PrevYear}}{{.PrevYear}} → {{end}}{{.Year}}</td>
<td><code>{{.Rule}}</code></td>
<td>{{index $.L .Kind}}</td>
<td class="st-{{.Status}}">{{index $.L (print .Status)}}</td>
<td>{{.Msg}}{{$c := .}}
{{if .Columns}}<ul class="cols">{{range .Columns}}<li class="st-{{.Status}}">{{$c.Label .}}: {{if .Prev}}{{.Prev.Text}} <span class="path">(L{{.Prev.Line}}:{{.Prev.Column}})</span> → {{end}}{{if .Cur}}{{.Cur.Text}} <span class="path">(L{{.Cur.Line}}:{{.Cur.Column}})</span>{{else}}?{{end}}</li>{{end}}</ul>{{end}}
{{with .Similarity}}{{if .Matches}}<ul class="cols">{{range .Matches}}<li>L{{.Line}}:{{.Column}} ≈ {{$.L.prev}} L{{.PrevLine}}:{{.PrevColumn}} ({{printf "%.2f" .Jaccard}})</li>{{end}}</ul>{{end}}{{end}}
<div class="path">{{.Path}}{{if .PrevPath}} ⟵ {{.PrevPath}}{{end}}</div>
</td></tr>
`
	src := htmlSource
	for call, body := range map[string]string{"{{$.OverviewRow .}}": overviewRow, "{{$.CheckRow .}}": checkRow,
		"{{$.DetailSection .}}": detailSection} {
		if strings.Count(src, call) != 1 {
			t.Fatalf("the template has not one %s", call)
		}
		src = strings.Replace(src, call, body, 1)
	}
	return parseHTMLTemplate(src)
}

// pageOf writes the page of res with tmpl (WriteHTML's steps).
func pageOf(t *testing.T, tmpl *template.Template, res *batch.Result) string {
	t.Helper()
	var buf bytes.Buffer
	saved := htmlTemplate
	htmlTemplate = func() *template.Template { return tmpl }
	defer func() { htmlTemplate = saved }()
	if err := WriteHTML(&buf, res); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// The rows written by OverviewRow and CheckRow are the template's: on the
// fixture (inline page), the seeds copied over years (lazy page) and on
// views filled with random text.
func TestHTMLRowsMatchTemplate(t *testing.T) {
	ref := htmlRowsReference(t)
	for _, lang := range []string{"", "en"} {
		res := runFixture(t, &batch.Options{Lang: lang})
		if got, want := pageOf(t, htmlTemplate(), res), pageOf(t, ref, res); got != want {
			t.Errorf("fixture (%q): pages differ at byte %d", lang, firstDiff(got, want))
		}
	}
	dir := t.TempDir()
	for i, f := range testshared.Seeds(t) {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for y := range 70 { // above htmlInlineLimit: the lazy page
			name := fmt.Sprintf("%02d-%d/%d.txt", i, y%14, 2010+y/14)
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	res, err := batch.Run([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pageOf(t, htmlTemplate(), res), pageOf(t, ref, res); got != want {
		t.Errorf("seeds: pages differ at byte %d", firstDiff(got, want))
	}
	// the seeds of two years: an inline page, with their findings
	inline := t.TempDir()
	for i, f := range testshared.Seeds(t) {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for y := range 2 {
			if err := os.WriteFile(filepath.Join(inline, fmt.Sprintf("%02d-%d.txt", i, 2022+y)), text, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, lang := range []string{"", "en"} {
		res, err := batch.Run([]string{inline}, &batch.Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := pageOf(t, htmlTemplate(), res), pageOf(t, ref, res); got != want {
			t.Errorf("seeds inline (%q): pages differ at byte %d", lang, firstDiff(got, want))
		}
	}

	// random views: every string the rows show, from text with the
	// characters html/template escapes, 𠀀, CRLF and invalid UTF-8
	rng := rand.New(rand.NewPCG(11, 13))
	pieces := []string{"<", ">", "&", "\"", "'", "+", "\x00", "𠀀", "\r\n", "\xff", "\xe4\xb8", "甲", "a", " ", "&amp;", "<b>", "javascript:", "#", "%", "\u2028"}
	str := func() string {
		var sb strings.Builder
		for range rng.IntN(8) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return sb.String()
	}
	value := func() *jsonValue {
		if rng.IntN(3) == 0 {
			return nil
		}
		return &jsonValue{Value: rng.Float64() * 100, Text: str(), Line: rng.IntN(100), Column: rng.IntN(100), Doubt: str()}
	}
	for range 300 {
		lang := []string{"zh", "en"}[rng.IntN(2)]
		v := &htmlView{L: map[string]string{}}
		for k, s := range htmlLabels[lang] {
			v.L[k] = s
		}
		for range 5 {
			v.L[str()] = str()
		}
		var checks []*jsonCheck
		for range rng.IntN(4) {
			c := &jsonCheck{Kind: []string{"carry-over", "similar-text", str()}[rng.IntN(3)], Rule: str(), Body: str(), Year: rng.IntN(3) * 2020,
				PrevYear: rng.IntN(2) * 2019, Path: str(), PrevPath: str(), Status: batch.Status([]string{"ok", "finding", "cannot-judge", str()}[rng.IntN(4)]),
				Message: str(), MessageEN: str(), lang: lang}
			for range rng.IntN(3) {
				c.Columns = append(c.Columns, jsonColumn{Label: str(), LabelEN: str(), Prev: value(), Cur: value(), Status: batch.Status(str())})
			}
			if rng.IntN(2) == 0 {
				c.Similarity = &jsonSimilarity{}
				for range rng.IntN(3) {
					c.Similarity.Matches = append(c.Similarity.Matches, jsonMatch{Line: rng.IntN(50), Column: rng.IntN(50), PrevLine: rng.IntN(50),
						PrevColumn: rng.IntN(50), Jaccard: rng.Float64()})
				}
			}
			checks = append(checks, c)
		}
		r := &jsonReport{Path: str(), Body: str(), BodyKey: str(), Year: rng.IntN(2) * 2023, Format: str(), CrossYear: batch.Status(str()), checks: checks,
			Counts: jsonCounts{Errors: rng.IntN(2) * 3, Warnings: rng.IntN(2) * 5, Infos: rng.IntN(3)}}
		for range batch.StatDefs {
			r.statsList = append(r.statsList, value())
		}
		if rng.IntN(4) > 0 {
			r.Diagnostics = nil
			for range rng.IntN(4) {
				g := jsonFinding{Rule: str(), Severity: lint.Severity(rng.IntN(3)), Message: str(), MessageEN: str(), Line: rng.IntN(300),
					Column: rng.IntN(300), Text: str(), path: str(), lang: lang}
				for range rng.IntN(3) {
					g.Related = append(g.Related, jsonRelated{Path: str(), Line: rng.IntN(99), Column: rng.IntN(99), Message: str()})
				}
				r.Diagnostics = append(r.Diagnostics, g)
			}
		}
		if rng.IntN(2) == 0 {
			r.Encoding, r.Published, r.Signed = str(), str(), str()
		}
		if rng.IntN(2) == 0 {
			r.Period = &jsonPeriod{Start: str(), End: str()}
		}
		if rng.IntN(4) > 0 {
			r.Counts.ByFamily = map[string]*batch.SeverityCounts{}
			for _, fam := range []string{"tables", "years", "wording", str()}[:rng.IntN(5)] {
				r.Counts.ByFamily[fam] = &batch.SeverityCounts{Errors: rng.IntN(3), Warnings: rng.IntN(3), Infos: rng.IntN(3)}
			}
		}
		row := &htmlRow{ID: "r1", Display: str(), R: r, Status: str(), Checks: checks}
		failed := &htmlRow{ID: "r2", Display: str(), R: &jsonReport{Path: str(), Error: str()}}
		v.Rows = []*htmlRow{row}
		v.Details = []*htmlRow{row, failed}
		v.Lang = []string{"zh-CN", "en"}[rng.IntN(2)]
		v.Groups = []*htmlGroup{{Name: str(), Years: str(), Checks: checks}}
		v.Doc = &jsonDoc{Summary: jsonSummary{CrossYear: map[string]int{}}}
		var got, want bytes.Buffer
		if err := htmlTemplate().Execute(&got, v); err != nil {
			t.Fatal(err)
		}
		if err := ref.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			at := firstDiff(got.String(), want.String())
			t.Fatalf("random view: pages differ at byte %d: %q, want %q", at, got.String()[at:min(at+80, got.Len())], want.String()[at:min(at+80, want.Len())])
		}
	}
}

func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
