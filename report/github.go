package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/gdlint/gdlint/lint"
)

// WriteGitHub prints one GitHub Actions workflow command per finding, which
// the runner shows as an annotation on the file's line:
//
//	::error file=a.txt,line=51,col=33,endLine=51,endColumn=34,title=GD-A001::message
//
// The end column is the last character's (GitHub's annotations are
// inclusive); columns are given only for a finding on one line, as GitHub
// takes them only then. A file that could not be checked is an error on the
// file. Paths are relative to the working directory (the checkout) when
// they are below it.
func WriteGitHub(w io.Writer, results []*lint.FileResult, o OutputOptions) error {
	bw := bufio.NewWriter(w)
	for _, r := range results {
		if r.Err == nil {
			continue
		}
		fmt.Fprintf(bw, "::error file=%s,title=%s::%s\n", ghProperty(repoPath(r.Path)), ghProperty(pick(o.Lang, "无法检查", "not checked")),
			ghData(ErrorText(r.Err, o.Lang)))
	}
	for r, d := range findings(results) {
		loc := LocationOf(r.Source, d.Span)
		pos := fmt.Sprintf("line=%d,endLine=%d", loc.Line, loc.EndLine)
		if loc.Line == loc.EndLine {
			pos = fmt.Sprintf("line=%d,col=%d,endLine=%d,endColumn=%d", loc.Line, loc.Column, loc.EndLine, max(loc.Column, loc.EndColumn-1))
		}
		fmt.Fprintf(bw, "::%s file=%s,%s,title=%s::%s\n", ghLevel(d.Severity), ghProperty(repoPath(r.Path)), pos,
			ghProperty(d.Rule), ghData(d.Text(o.Lang)))
	}
	return bw.Flush()
}

func ghLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// ghData escapes a workflow command's message (the runner's escapeData).
var ghDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// ghPropertyEscaper escapes a property value (escapeProperty): also the
// separators of the property list.
var ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func ghData(s string) string     { return ghDataEscaper.Replace(s) }
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
