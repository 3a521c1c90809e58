package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/gdlint/gdlint/lint"
)

// The JUnit XML that CI servers read (Jenkins, GitLab's test reports, Azure
// Pipelines): one test case per file checked, a failure per finding at or
// above --fail-on, the findings below it in the case's system-out, and an
// error for a file that could not be checked.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	ClassName string         `xml:"classname,attr"`
	File      string         `xml:"file,attr"`
	Failures  []junitProblem `xml:"failure"`
	Error     *junitProblem  `xml:"error"`
	SystemOut string         `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit prints the results as one JUnit XML document.
func WriteJUnit(w io.Writer, results []*lint.FileResult, o OutputOptions) error {
	suite := junitSuite{Name: "gdlint", Cases: []junitCase{}}
	for _, r := range results {
		c := junitCase{Name: r.Path, ClassName: "gdlint", File: r.Path}
		if r.Err != nil {
			msg := ErrorText(r.Err, o.Lang)
			c.Error = &junitProblem{Message: msg, Type: "unreadable", Text: r.Path + ": " + msg}
			suite.Errors++
		}
		var below strings.Builder
		for i := range r.Diagnostics {
			if r.Source == nil {
				break
			}
			d := &r.Diagnostics[i]
			loc := LocationOf(r.Source, d.Span)
			line := fmt.Sprintf("%s:%d:%d: %s %s %s", r.Path, loc.Line, loc.Column, d.Severity, d.Rule, d.Text(o.Lang))
			if o.fails(d.Severity) {
				c.Failures = append(c.Failures, junitProblem{
					Message: fmt.Sprintf("%d:%d %s %s", loc.Line, loc.Column, d.Rule, d.Text(o.Lang)),
					Type:    d.Rule, Text: line,
				})
			} else {
				below.WriteString(line + "\n")
			}
		}
		if len(c.Failures) > 0 {
			suite.Failures++
		}
		c.SystemOut = below.String()
		suite.Cases = append(suite.Cases, c)
	}
	suite.Tests = len(suite.Cases)
	doc := junitSuites{Name: "gdlint", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
