package main

import (
	"fmt"
	"github.com/sourcegraph/conc"
	"io"

	"github.com/spf13/pflag"

	"github.com/gdlint/gdlint/internal/fileio"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/batch" // also registers the GD-Y rules for `rules` and `explain`
	"github.com/gdlint/gdlint/report"
	"github.com/gdlint/gdlint/report/batchreport"
)

// batchFlags are check's batch-report outputs: the supervising office's
// overview of a whole directory of reports.
type batchFlags struct {
	html, xlsx, json string
	similar          float64
}

// registerBatchFlags adds the batch-report flags to check's flag set.
func registerBatchFlags(fs *pflag.FlagSet) *batchFlags {
	b := &batchFlags{}
	fs.StringVar(&b.html, "report-html", "", "also write a batch report as one self-contained HTML page to this file (overview, findings, cross-year checks)")
	fs.StringVar(&b.xlsx, "report-xlsx", "", "also write the batch report as an XLSX workbook to this file")
	fs.StringVar(&b.json, "report-json", "", "also write the batch report as JSON to this file (schema: report/batchreport/json.go)")
	fs.Float64Var(&b.similar, "similar-share", batch.DefaultSimilarShare, "GD-Y003 warns when more than this share of a report's prose repeats the previous year's (0–1)")
	return b
}

// wanted tells whether any batch output was asked for.
func (b *batchFlags) wanted() bool { return b.html != "" || b.xlsx != "" || b.json != "" }

// parallelReports is the most reports whose workbook is written beside
// the other batch outputs (writeBatchReports).
var parallelReports = 4000 // a variable for a test

// writeBatchReports runs the cross-year checks over the summaries of the
// checked files (batch.Summarize; each with the findings the batch outputs
// list) when there are several reports, and writes each requested file
// atomically. It returns the batch (nil when there was nothing to
// compare) and exitError when an output could not be written, else 0.
func writeBatchReports(b *batchFlags, inputs []string, summaries []*batch.Report, skipped []batch.Skipped, lang string, jobs int, opts *lint.Options,
	resolver *lint.ConfigResolver, adjust func(*lint.Config) *lint.Config, stderr io.Writer) (*batch.Result, int) {
	parsed := 0
	for _, s := range summaries {
		if s.Err == nil {
			parsed++
		}
	}
	if !b.wanted() && parsed < 2 {
		return nil, 0 // one report: nothing to compare, nothing to write
	}
	configFor := func(path string) *lint.Config {
		c, err := resolver.For(path)
		if err != nil {
			return nil // already reported for that file
		}
		return adjust(c)
	}
	if b.similar <= 0 || b.similar > 1 {
		fmt.Fprintf(stderr, "gdlint: --similar-share %v: want a share between 0 and 1\n", b.similar)
		return nil, exitError
	}
	res, err := batch.FromReports(inputs, summaries, &batch.Options{Lint: opts, Lang: lang, Config: configFor, SimilarShare: b.similar, Skipped: skipped,
		Workers: max(jobs, 1)})
	if err != nil {
		fmt.Fprintf(stderr, "gdlint: %v\n", err)
		return nil, exitError
	}
	res.DropYearData()
	outs := []struct {
		path  string
		write func(io.Writer, *batch.Result) error
	}{{b.html, batchreport.WriteHTML}, {b.xlsx, batchreport.WriteXLSX}, {b.json, batchreport.WriteJSON}}
	const workbook = 1
	// the outputs only read res: up to parallelReports reports the
	// workbook, which takes as long as the other two together, is written
	// on a goroutine of its own while they are written in turn. Beyond, in
	// turn: the workbook's writer alone holds about 17 KB a report (212 MiB
	// at 8,000), and beside another output it passed 250 MiB. Errors are
	// said in the order of the outputs.
	genErrs, errs := make([]error, len(outs)), make([]error, len(outs))
	write := func(i int) {
		if outs[i].path == "" {
			return
		}
		// written into the temporary file as it is made: the pages of
		// thousands of reports are not held in memory whole
		errs[i] = fileio.WriteAtomic(outs[i].path, func(w io.Writer) error {
			genErrs[i] = outs[i].write(w, res)
			return genErrs[i]
		})
	}
	var wg conc.WaitGroup
	if len(res.Reports) <= parallelReports {
		wg.Go(func() { write(workbook) })
	}
	for i := range outs {
		if i != workbook {
			write(i)
		}
	}
	wg.Wait()
	if len(res.Reports) > parallelReports {
		write(workbook)
	}
	status := 0
	for i, out := range outs {
		switch {
		case genErrs[i] != nil:
			fmt.Fprintf(stderr, "gdlint: %s: %v\n", out.path, genErrs[i])
			status = exitError
		case errs[i] != nil:
			fmt.Fprintf(stderr, "gdlint: %s: %s\n", out.path, report.ErrorText(errs[i], lang))
			status = exitError
		}
	}
	return res, status
}
