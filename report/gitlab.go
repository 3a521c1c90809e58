package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gdlint/gdlint/lint"
)

// GitLabIssue is one element of a GitLab Code Quality report (the subset of
// the Code Climate issue format GitLab reads).
type GitLabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    GitLabLocation `json:"location"`
}

// GitLabLocation is where an issue is: the file and the exact positions
// (columns in code points, the end exclusive as in the text output). The
// Code Climate format allows lines or positions, not both; GitLab reads
// either.
type GitLabLocation struct {
	Path      string          `json:"path"`
	Positions GitLabPositions `json:"positions"`
}

type GitLabPositions struct {
	Begin GitLabPosition `json:"begin"`
	End   GitLabPosition `json:"end"`
}

type GitLabPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// gitlabSeverity maps a severity to Code Quality's scale (info, minor,
// major, critical, blocker): a wrong statistic is major, not blocking.
func gitlabSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}

// GitLabIssues converts the findings. The fingerprint, by which GitLab tells
// a new issue from one already on the target branch, is a hash of the file,
// the rule, the Chinese message and the text at the span, and of how many
// identical findings came before in the file: it does not change when lines
// are added above, nor with --lang, nor from one run to the next.
func GitLabIssues(results []*lint.FileResult, o OutputOptions) []GitLabIssue {
	out := []GitLabIssue{}
	seen := map[string]int{}
	for r, d := range findings(results) {
		loc := LocationOf(r.Source, d.Span)
		path := repoPath(r.Path)
		key := path + "\x00" + d.Rule + "\x00" + d.Message + "\x00" + r.Source.Slice(d.Span)
		n := seen[key]
		seen[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		out = append(out, GitLabIssue{
			Description: d.Text(o.Lang),
			CheckName:   d.Rule,
			Fingerprint: hex.EncodeToString(sum[:16]),
			Severity:    gitlabSeverity(d.Severity),
			Location: GitLabLocation{
				Path: path,
				Positions: GitLabPositions{
					Begin: GitLabPosition{Line: loc.Line, Column: loc.Column},
					End:   GitLabPosition{Line: loc.EndLine, Column: loc.EndColumn},
				},
			},
		})
	}
	return out
}

// repoPath is a path as CI services want it: relative to the working
// directory (the checkout) when it is below it, with forward slashes.
func repoPath(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				p = rel
			}
		}
	}
	return filepath.ToSlash(p)
}

// WriteGitLab prints a GitLab Code Quality report (artifacts:reports:codequality).
func WriteGitLab(w io.Writer, results []*lint.FileResult, o OutputOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(GitLabIssues(results, o))
}
