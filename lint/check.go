package lint

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
)

// Document is what Check reads: the bytes of a file in any format the
// front-ends read (text in UTF-8, GB18030 or UTF-16, Markdown, HTML, DOCX),
// or text already decoded (an editor's buffer, a text box). Path names it:
// its extension selects the format, and it is the name findings carry. No
// file is read: the caller brings the bytes.
type Document struct {
	Path    string
	raw     []byte
	text    string
	decoded bool
}

// FromBytes is the document of raw, the bytes of the file at path; raw
// must not change afterwards (the report's text may share its memory).
func FromBytes(path string, raw []byte) Document { return Document{Path: path, raw: raw} }

// FromText is a document whose text is already decoded (UTF-8).
func FromText(path, text string) Document { return Document{Path: path, text: text, decoded: true} }

// parse turns the document into a report: text through the parser, bytes
// through the front-end of their format.
func (d Document) parse(cache *ParagraphCache) (*grammar.Report, error) {
	if d.decoded {
		src := grammar.NewSource(d.Path, d.text)
		if cache == nil {
			return grammar.Parse(src), nil
		}
		src.UsePhraseScan(&cache.scan) // an editor's document
		rep := grammar.Parse(src)
		// the source outlives the document's lock (a snapshot keeps it):
		// it must not lead another parse to the cache
		src.UsePhraseScan(nil)
		return rep, nil
	}
	return input.Parse(d.Path, d.raw)
}

// FileResult is what checking one document produced.
type FileResult struct {
	// Path is the document's name as the user gave it (or as the walk found it).
	Path string
	// Source is the document the diagnostics point into: after --fix, the
	// fixed text. Nil when Err is set.
	Source *grammar.Source
	// Report is the parsed document of Source (for the batch report's
	// statistics and cross-year checks). Nil when Err is set.
	Report *grammar.Report
	// Annual says whether the document was taken for an annual report (see
	// JudgeReport): when not, the rules that assume one are off and the
	// findings say so (GD-S010); editors show nothing else.
	Annual bool
	// Unrelated says nothing in the document suggests a report was meant
	// (Gate.Unrelated): an editor shows nothing on it.
	Unrelated   bool
	Diagnostics []Diagnostic
	// Err is set when the document could not be read, decoded or parsed, or
	// when a rule panicked.
	Err error

	// Original and Fixed are the decoded text before and after fixes (equal
	// when nothing was fixed); FixedBytes is Fixed in the file's encoding.
	Original, Fixed string
	FixedBytes      []byte
	// FixCount is the number of edits applied.
	FixCount int
	// NotRewritten says why fixes were not applied to this file (a
	// container, an encoding that cannot hold the fix, fixes that did not
	// converge).
	NotRewritten string
	// FixFailed is set when the fixes did not converge: an error for the
	// exit code, unlike a container that --fix does not rewrite.
	FixFailed bool
}

// Changed tells whether fixes changed the file.
func (r *FileResult) Changed() bool { return r.Err == nil && r.Fixed != r.Original }

// CheckOptions say what Check does beyond linting.
type CheckOptions struct {
	Options *Options
	// Fix applies safe fixes (and unsafe ones with Unsafe) to a fixpoint.
	Fix    bool
	Unsafe bool
	// Cache keeps the per-paragraph rules' findings between checks of
	// successive versions of one document (an editor's); not used with Fix.
	Cache *ParagraphCache
}

// Check is the one way to check a document, for the command line, the
// language server and the browser page alike: it parses doc, decides once
// whether it is an annual report (JudgeReport), and lints it under cfg
// (rule selection, severities, suppressions). With Fix it also computes the
// fixed text and its bytes in the file's own encoding and line endings; it
// never writes. A panic in a rule or the parser becomes the result's error,
// so one bad file cannot stop a batch or a server.
func Check(doc Document, cfg *Config, o CheckOptions) (res *FileResult) {
	mustHaveRules()
	path := doc.Path
	res = &FileResult{Path: path}
	defer func() {
		if p := recover(); p != nil {
			res.Source, res.Report, res.Diagnostics = nil, nil, nil
			// one line for the batch's stderr; the stack when asked for
			res.Err = fmt.Errorf("internal error (please report it with the file): %v", p)
			if os.Getenv("GDLINT_DEBUG") != "" {
				res.Err = fmt.Errorf("%w\n%s", res.Err, debug.Stack())
			}
		}
	}()
	rep, err := doc.parse(o.Cache)
	if err != nil {
		res.Err = err
		return res
	}
	src := rep.Source
	res.Source, res.Report, res.Original, res.Fixed = src, rep, src.Text, src.Text
	gate := JudgeReport(rep)
	res.Annual, res.Unrelated = gate.Annual, gate.Unrelated
	if !o.Fix {
		res.Diagnostics = cfg.CheckCached(rep, o.Options, o.Cache)
		return res
	}
	res.Diagnostics = cfg.Check(rep, o.Options)
	if input.IsContainer(path) {
		if len(FixEdits(res.Diagnostics, o.Unsafe)) > 0 {
			res.NotRewritten = "--fix does not rewrite .docx, .html and .pdf files"
		}
		return res
	}
	fixed, n, err := cfg.fixText(path, src.Text, o.Options, o.Unsafe)
	if err != nil {
		res.NotRewritten = notConvergedText
		res.FixFailed = true
		return res
	}
	if n == 0 || fixed == src.Text {
		return res
	}
	out, err := input.Encode(src, fixed)
	if err != nil {
		res.NotRewritten = err.Error()
		return res
	}
	res.Fixed, res.FixedBytes, res.FixCount = fixed, out, n
	// the findings that remain, with positions in the fixed text
	fsrc := grammar.NewSource(path, fixed)
	fsrc.Encoding = src.Encoding
	fsrc.Raw = out
	frep := grammar.Parse(fsrc)
	res.Source, res.Report = fsrc, frep
	gate = JudgeReport(frep)
	res.Annual, res.Unrelated = gate.Annual, gate.Unrelated
	res.Diagnostics = cfg.Check(frep, o.Options)
	return res
}

// FixText lints and fixes text (the decoded content of the file at path)
// until nothing changes, honouring the config's rule selection and
// suppressions: a suppressed finding is not fixed. In a file with CRLF line
// endings, line breaks in the new text are written as CRLF.
// When the fixes do not converge the text comes back unchanged.
func (c *Config) FixText(path, text string, opts *Options, unsafe bool) (string, int) {
	fixed, n, err := c.fixText(path, text, opts, unsafe)
	if err != nil {
		return text, 0
	}
	return fixed, n
}

// notConvergedText is FileResult.NotRewritten when the fix loop gave up.
const notConvergedText = "fixes did not converge (the text kept changing after 10 rounds); nothing written"

func (c *Config) fixText(path, text string, opts *Options, unsafe bool) (string, int, error) {
	parse := func(t string) *grammar.Report { return grammar.Parse(grammar.NewSource(path, t)) }
	check := func(rep *grammar.Report) []Diagnostic { return c.Check(rep, opts) }
	return fixLoop(text, parse, check, unsafe, grammar.NewSource(path, text).CRLF)
}

// toCRLF turns every bare LF of s into CRLF.
func toCRLF(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			b.WriteByte('\r')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
