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

// stampedVersion is set by the release build (scripts/release):
// -ldflags "-X main.stampedVersion=$(git describe --tags)".
var stampedVersion string

// version is the version the binary was built from: the release stamp;
// else the module version the Go toolchain recorded (`go install
// …@v0.1.0`, or a pseudo-version from the VCS in a checkout); else the
// commit; else "devel".
func version() string {
	if stampedVersion != "" {
		return stampedVersion
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionFromBuildInfo(bi)
}

func versionFromBuildInfo(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if revision == "" {
		return "devel"
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	v := "devel-" + revision
	if dirty {
		v += "+dirty"
	}
	return v
}
