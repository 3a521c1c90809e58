package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// minProgressFiles is the number of files from which check shows progress:
// below it a run ends before a bar would help.
const minProgressFiles = 20

// progress counts checked files on a terminal: done / total, files per
// second and the time left, on stderr, redrawn at most ten times a second
// and cleared at the end. It is silent (nil) when stderr is not a terminal,
// with -q, or for a few files; a nil *progress does nothing.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(stderr io.Writer, total int, quiet bool, lang string) *progress {
	f, ok := stderr.(*os.File)
	return progressOn(stderr, total, quiet || !ok || !term.IsTerminal(int(f.Fd())), lang)
}

// progressOn is newProgress once it is known whether to stay silent.
func progressOn(stderr io.Writer, total int, silent bool, lang string) *progress {
	if silent || total < minProgressFiles {
		return nil
	}
	desc, unit := "检查", "个文件"
	if lang == "en" {
		desc, unit = "checking", "files"
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)}
}

// done counts one file; safe for concurrent use.
func (p *progress) done() {
	if p != nil {
		p.bar.Add(1)
	}
}

// finish clears the bar before the findings and the summary are printed.
func (p *progress) finish() {
	if p != nil {
		p.bar.Finish()
	}
}
