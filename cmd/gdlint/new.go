package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gdlint/gdlint/report"
)

func init() {
	commands["new"] = command{summary: "print a blank report in the template: gdlint new --year 2025 --body 某某局", run: runNew}
}

func runNew(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("new", "new --body NAME [--year YYYY] [--format txt|md] [-o FILE]",
		"Print a blank report in the template: every part, the three tables with 0 in every cell,\nand 【待填写：…】 where the text is to be written (gdlint check reports each one).")
	year := fs.Int("year", time.Now().Year()-1, "the report year (the year the statistics cover)")
	body := fs.String("body", "", "the reporting body (机关名称), e.g. 某某市某某局")
	format := fs.String("format", "txt", "txt (tab-separated tables) or md (Markdown)")
	outPath := fs.StringP("output", "o", "", "write to this file (which must not exist) instead of stdout")
	rest, ok, code := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return fs.fail(stderr, "unexpected argument %q", rest[0])
	}
	if *body == "" {
		return fs.fail(stderr, "--body is required (the body's full name, e.g. 某某市某某局)")
	}
	text, err := report.BlankReport(*year, *body, *format)
	if err != nil {
		return usageError(stderr, "new: %v", err)
	}
	if *outPath == "" {
		io.WriteString(stdout, text)
		return exitClean
	}
	f, err := os.OpenFile(*outPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return usageError(stderr, "new: %v", err)
	}
	if _, err := io.WriteString(f, text); err != nil {
		f.Close()
		return usageError(stderr, "new: %v", err)
	}
	if err := f.Close(); err != nil {
		return usageError(stderr, "new: %v", err)
	}
	fmt.Fprintf(stderr, "gdlint: wrote %s\n", *outPath)
	return exitClean
}
