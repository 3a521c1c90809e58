package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
)

func init() {
	commands["dump"] = command{summary: "print the parsed report as JSON (or CSV: one line per table cell)", run: runDump}
}

func runDump(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("dump", "dump [--format json|csv] [--text] FILE...",
		"Print the parsed report (sections, dates, every table cell with its row, column and\nposition) as JSON, or one line per cell as CSV; --text prints the text as read.")
	format := fs.String("format", "json", "output format: json or csv")
	textOnly := fs.Bool("text", false, "print the text as the parser reads it (what was extracted from a PDF, a .docx or a web page), lines and columns as in the findings")
	if _, ok, code := fs.parse(args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return fs.fail(stderr, "no input files")
	}
	if *format != "json" && *format != "csv" {
		fmt.Fprintf(stderr, "gdlint dump: unknown format %q (json or csv)\n", *format)
		return 2
	}
	status := 0
	var dumps []*grammar.Dump
	for i, path := range fs.Args() {
		var rep *grammar.Report
		var err error
		if path == "-" {
			var raw []byte
			raw, err = io.ReadAll(stdin)
			if err == nil {
				rep, err = input.Parse("<stdin>", raw)
			}
		} else {
			rep, err = input.ParseFile(path)
		}
		if err != nil {
			fmt.Fprintf(stderr, "gdlint: %s: %v\n", path, err)
			status = 2
			continue
		}
		if *textOnly {
			io.WriteString(stdout, rep.Source.Text)
			continue
		}
		d := rep.Dump()
		if *format == "csv" {
			if err := d.WriteCSV(stdout, i == 0); err != nil {
				fmt.Fprintf(stderr, "gdlint: %v\n", err)
				return 2
			}
			continue
		}
		dumps = append(dumps, d)
	}
	if *format == "json" && !*textOnly {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		var v any = dumps
		if len(fs.Args()) == 1 && len(dumps) == 1 {
			v = dumps[0]
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(stderr, "gdlint: %v\n", err)
			return 2
		}
	}
	return status
}
