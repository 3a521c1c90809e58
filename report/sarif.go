package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// SARIFInfo is what the SARIF log says about the tool.
type SARIFInfo struct {
	Version        string
	InformationURI string
}

// sarifLevel maps a severity to SARIF's level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// sarifURI turns a path as printed into a relative URI reference: slashes,
// percent-encoded where needed (CJK file names are common).
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	u := url.URL{Path: p}
	s := u.EscapedPath()
	if filepath.IsAbs(path) {
		return "file://" + s
	}
	return strings.TrimPrefix(s, "./")
}

// WriteSARIF prints the results as one SARIF 2.1.0 log with one run. Columns
// are counted in Unicode code points and the run says so (columnKind). Files
// that could not be checked become tool execution notifications.
func WriteSARIF(w io.Writer, results []*lint.FileResult, rules []*lint.Rule, info SARIFInfo, o OutputOptions) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	uri := info.InformationURI
	if uri == "" {
		uri = "https://github.com/gdlint/gdlint"
	}
	run := sarif.NewRunWithInformationURI("gdlint", uri)
	if info.Version != "" {
		run.Tool.Driver.WithVersion(info.Version)
	}
	run.ColumnKind = "unicodeCodePoints"
	if o.en() {
		run.WithLanguage("en")
	} else {
		run.WithLanguage("zh-CN")
	}
	index := sarifRules(run, rules, o)
	inv := run.AddInvocation(true)
	// a cross-report finding (the batch's GD-Y rules) relates to another file
	sources := map[string]*grammar.Source{}
	for _, r := range results {
		if r.Err == nil && r.Source != nil {
			sources[r.Path] = r.Source
		}
	}
	for _, r := range results {
		if r.Err != nil {
			loc := sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
				WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(r.Path))))
			n := sarif.NewNotification().WithLevel("error").
				WithMessage(sarif.NewTextMessage(r.Path + ": " + r.Err.Error())).
				WithLocations([]*sarif.Location{loc})
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
			inv.WithExecutionSuccess(false)
		}
	}
	kept, total := capResults(results, SARIFMaxResults)
	for r, d := range findings(results) {
		if kept[d] {
			run.AddResult(sarifResult(r, d, sources, index, o))
		}
	}
	if total > SARIFMaxResults {
		msg := pick(o.Lang,
			fmt.Sprintf("共 %d 个问题，SARIF 只列出其中 %d 个（按严重程度优先；GitHub 代码扫描每次运行最多接受 %d 个结果）。全部问题请用 --format json 或 text 查看。", total, SARIFMaxResults, SARIFMaxResults),
			fmt.Sprintf("%d findings; this SARIF log lists %d of them, the most severe first (GitHub code scanning accepts at most %d results per run). Use --format json or text for all of them.", total, SARIFMaxResults, SARIFMaxResults))
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarif.NewNotification().WithLevel("warning").WithMessage(sarif.NewTextMessage(msg)))
	}
	if run.Results == nil {
		run.Results = []*sarif.Result{}
	}
	log.AddRun(run)
	// log.PrettyWrite is json.MarshalIndent: the same bytes, with a
	// second pass over all of them (writeIndentedJSON)
	data, err := json.Marshal(log)
	if err == nil {
		err = writeIndentedJSON(w, data)
	}
	if err != nil {
		return errors.Join(errors.New("writing SARIF"), err)
	}
	return nil
}

// SARIFMaxResults is the most results a run holds: GitHub code scanning
// rejects an upload with more than 25,000 results in a run.
const SARIFMaxResults = 25000

// capResults chooses the findings a SARIF run lists when there are more
// than limit: the most severe first, in their order within a severity. It
// returns the chosen ones and how many there are in all.
func capResults(results []*lint.FileResult, limit int) (map[*lint.Diagnostic]bool, int) {
	var all []*lint.Diagnostic
	for _, d := range findings(results) {
		all = append(all, d)
	}
	chosen := all
	if len(all) > limit {
		chosen = slices.Clone(all)
		slices.SortStableFunc(chosen, func(a, b *lint.Diagnostic) int { return int(b.Severity) - int(a.Severity) })
		chosen = chosen[:limit]
	}
	kept := make(map[*lint.Diagnostic]bool, len(chosen))
	for _, d := range chosen {
		kept[d] = true
	}
	return kept, len(all)
}

// fullDescription is the first paragraph of the rule's explanation (what
// it checks and why), or its summary.
func fullDescription(r *lint.Rule, lang string) string {
	text, _, _ := strings.Cut(strings.TrimSpace(r.ExplanationText(lang)), "\n\n")
	if text == "" {
		return r.SummaryText(lang)
	}
	return text
}

// sarifRules puts the rule catalogue in the run's driver and returns each
// rule's index there.
func sarifRules(run *sarif.Run, rules []*lint.Rule, o OutputOptions) map[string]int {
	index := map[string]int{}
	for _, r := range rules {
		d := run.AddRule(r.ID).WithName(r.Name).WithDescription(r.SummaryText(o.Lang)).
			WithFullDescription(sarif.NewMultiformatMessageString(fullDescription(r, o.Lang))).
			WithHelpURI(r.DocURL()).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
		if help := r.ExplanationText(o.Lang); help != "" {
			// the schema requires text beside markdown
			d.WithHelp(sarif.NewMultiformatMessageString(help).WithMarkdown(help))
		}
		props := sarif.NewPropertyBag()
		props.Add("family", string(r.Family))
		if r.Fixable != lint.FixNone {
			props.Add("fixable", string(r.Fixable))
		}
		d.AttachPropertyBag(props)
		index[r.ID] = len(run.Tool.Driver.Rules) - 1
	}
	return index
}

// sarifResult is one finding of file r, with its related locations (in r,
// or in another file of sources) and its fixes.
func sarifResult(r *lint.FileResult, d *lint.Diagnostic, sources map[string]*grammar.Source, index map[string]int, o OutputOptions) *sarif.Result {
	art := sarif.NewSimpleArtifactLocation(sarifURI(r.Path))
	loc := LocationOf(r.Source, d.Span)
	res := sarif.NewRuleResult(d.Rule).WithLevel(sarifLevel(d.Severity)).
		WithMessage(sarif.NewTextMessage(d.Text(o.Lang))).
		WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(
			sarif.NewPhysicalLocation().WithArtifactLocation(art).WithRegion(sarifRegion(loc)))})
	if idx, ok := index[d.Rule]; ok {
		res.WithRuleIndex(idx)
	}
	for _, rel := range d.Related {
		relPath, relSrc := r.Path, r.Source
		if rel.Path != "" {
			if relPath, relSrc = rel.Path, sources[rel.Path]; relSrc == nil {
				continue
			}
		}
		rl := LocationOf(relSrc, rel.Span)
		l := sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(relPath))).WithRegion(sarifRegion(rl)))
		if rel.Message != "" {
			l.WithMessage(sarif.NewTextMessage(rel.Message))
		}
		res.RelatedLocations = append(res.RelatedLocations, l)
	}
	for _, f := range d.Fixes {
		res.Fixes = append(res.Fixes, sarifFix(r, f, o))
	}
	return res
}

// sarifFix is a fix as one artifact change with its replacements; the
// applicability is a property.
func sarifFix(r *lint.FileResult, f lint.Fix, o OutputOptions) *sarif.Fix {
	change := sarif.NewArtifactChange(sarif.NewSimpleArtifactLocation(sarifURI(r.Path)))
	for _, e := range f.Edits {
		el := LocationOf(r.Source, e.Span)
		change.WithReplacement(sarif.NewReplacement(sarifRegion(el)).
			WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
	}
	fix := sarif.NewFix().WithDescriptionText(f.TitleText(o.Lang)).WithArtifactChanges([]*sarif.ArtifactChange{change})
	fp := sarif.NewPropertyBag()
	fp.Add("applicability", f.Applicability.String())
	fix.AttachPropertyBag(fp)
	return fix
}

// sarifRegion: SARIF lines and columns are 1-based and the end column is the
// one after the region, as in Location.
// The page of a PDF goes in the region's property bag ("page"): SARIF
// regions of text files have none.
func sarifRegion(l Location) *sarif.Region {
	r := sarif.NewRegion().WithStartLine(l.Line).WithStartColumn(l.Column).
		WithEndLine(l.EndLine).WithEndColumn(l.EndColumn)
	if l.Page > 0 {
		r.PropertyBag = *sarif.NewPropertyBag()
		r.Add("page", l.Page)
	}
	return r
}
