package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

func init() {
	commands["version"] = command{summary: "print the version", run: func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
		fs := newFlags("version", "version", "Print the version (also gdlint --version, -V).")
		rest, ok, code := fs.parse(args, stdout, stderr)
		if !ok {
			return code
		}
		if len(rest) > 0 {
			return fs.fail(stderr, "unexpected argument %q", rest[0])
		}
		fmt.Fprintln(stdout, "gdlint", version())
		return exitClean
	}}
}

// version is the module version the binary was built from ("devel" in a
// checkout).
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
