package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"
)

// cmdFlags is one subcommand's flags, GNU style (--format, -q): help on
// -h/--help (stdout, exit 0), and an unknown flag answered with "did you
// mean" and a short usage instead of every flag.
type cmdFlags struct {
	*pflag.FlagSet
	name     string // the subcommand
	wantHelp bool
	usage    string // the synopsis after "gdlint ": "check [flags] PATH..."
	about    string // what the command does, a few lines
}

func newFlags(name, usage, about string) *cmdFlags {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and help are printed by parse
	fs.SortFlags = false     // in the order declared: the common ones first
	f := &cmdFlags{FlagSet: fs, name: name, usage: usage, about: about}
	return f
}

// parse reads args (flags may follow the positional arguments; "--" ends
// the flags). It returns the positional arguments and ok; when !ok the
// command returns code: 0 after --help, 2 after a usage error (printed).
func (f *cmdFlags) parse(args []string, stdout, stderr io.Writer) (rest []string, ok bool, code int) {
	if f.Lookup("help") == nil { // declared last, so that help lists it last
		f.BoolVarP(&f.wantHelp, "help", "h", false, "show this help")
	}
	err := f.Parse(f.singleDashLong(args))
	if err == nil && f.wantHelp {
		f.help(stdout)
		return nil, false, exitClean
	}
	if err != nil {
		return nil, false, f.fail(stderr, "%s", f.explain(err))
	}
	return f.Args(), true, exitClean
}

// singleDashLong rewrites -format to --format: Go's flag package, which
// gdlint used before, took long names after one dash, and scripts may
// still say -format. A word that names no long flag is left for pflag to
// read as shorthands (-q) or to reject.
func (f *cmdFlags) singleDashLong(args []string) []string {
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name, _, _ := strings.Cut(a[1:], "=")
			if len(name) > 1 && f.Lookup(name) != nil {
				a = "-" + a
			}
		}
		out = append(out, a)
	}
	return out
}

// explain words a parse error, with the nearest flag for an unknown one.
func (f *cmdFlags) explain(err error) string {
	var ne *pflag.NotExistError
	if !errors.As(err, &ne) {
		return err.Error()
	}
	name := ne.GetSpecifiedName()
	if group := ne.GetSpecifiedShortnames(); group != "" {
		// -formt: pflag read it as shorthands; the user meant a long flag
		if len(group) > 1 {
			if near := nearest(group, f.longNames()); near != "" {
				return fmt.Sprintf("unknown flag -%s (did you mean --%s?)", group, near)
			}
		}
		return fmt.Sprintf("unknown flag -%s in -%s", name, group)
	}
	if near := nearest(name, f.longNames()); near != "" {
		return fmt.Sprintf("unknown flag --%s (did you mean --%s?)", name, near)
	}
	return fmt.Sprintf("unknown flag --%s", name)
}

func (f *cmdFlags) longNames() []string {
	var names []string
	f.VisitAll(func(fl *pflag.Flag) {
		if !fl.Hidden {
			names = append(names, fl.Name)
		}
	})
	return names
}

// fail prints a usage error and the two-line usage; it returns exitError.
func (f *cmdFlags) fail(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "gdlint %s: %s\n", f.name, fmt.Sprintf(format, args...))
	f.shortUsage(stderr)
	return exitError
}

// shortUsage is what a usage error ends with: the synopsis and where the
// full help is.
func (f *cmdFlags) shortUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: gdlint %s\n", f.usage)
	fmt.Fprintf(w, "run 'gdlint help %s' for the flags\n", f.name)
}

// help prints the command's full help.
func (f *cmdFlags) help(w io.Writer) {
	fmt.Fprintf(w, "usage: gdlint %s\n\n", f.usage)
	if f.about != "" {
		fmt.Fprintf(w, "%s\n\n", strings.TrimSpace(f.about))
	}
	fmt.Fprintf(w, "flags:\n%s", f.FlagUsages())
}

// nearest is the candidate a typo most likely meant: within two edits
// (one for short words), or the only one that word starts; "" if none.
func nearest(word string, candidates []string) string {
	word = strings.ToLower(word)
	best, bestDist := "", 3
	if len([]rune(word)) <= 3 {
		bestDist = 2
	}
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	var prefixed []string
	for _, c := range sorted {
		if d := editDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
		if len(word) >= 2 && strings.HasPrefix(c, word) {
			prefixed = append(prefixed, c)
		}
	}
	if best == "" && len(prefixed) == 1 {
		return prefixed[0]
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of two neighbours (chekc → check).
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range y {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
