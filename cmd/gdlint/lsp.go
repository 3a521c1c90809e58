package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/gdlint/gdlint/internal/gctune"
	"github.com/gdlint/gdlint/lsp"
)

func init() {
	commands["lsp"] = command{summary: "run the language server on stdin/stdout (for editors)", run: runLSP}
}

func runLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("lsp", "lsp [-v] [--log FILE]",
		"Run the language server on stdin/stdout (for editors).")
	fs.Bool("stdio", true, "talk LSP over stdin/stdout (the only transport; accepted for editors that pass it)")
	verbose := fs.BoolP("verbose", "v", false, "log every message to stderr")
	logFile := fs.String("log", "", "append the server log to this file instead of stderr")
	debounce := fs.Duration("debounce", 0, "wait this long after a change before relinting (changes during a lint are always folded)")
	if _, ok, code := fs.parse(args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return fs.fail(stderr, "unexpected argument %q", fs.Arg(0))
	}
	logw := stderr
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "gdlint lsp: %v\n", err)
			return 2
		}
		defer f.Close()
		logw = f
	}
	// every keystroke parses the document anew and drops the last parse:
	// much garbage, little kept, as in a batch
	gctune.Start()
	return lsp.Serve(context.Background(), stdin, stdout, lsp.Options{
		Log: logw, Verbose: *verbose, Debounce: *debounce, Version: version(),
	})
}
