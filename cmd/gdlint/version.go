package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

func init() {
	commands["version"] = command{summary: "print the version", run: func(args []string, _ io.Reader, stdout, _ io.Writer) int {
		fmt.Fprintln(stdout, "gdlint", version())
		return 0
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
