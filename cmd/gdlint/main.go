// Command gdlint checks 政府信息公开工作年度报告 against the national template.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	_ "github.com/gdlint/gdlint/lint/rules" // the rules register themselves
)

// command is one subcommand; each lives in its own file and registers itself.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// defaultCommand runs when the first argument is not a subcommand.
const defaultCommand = "check"

func main() {
	stop := startProfiles(os.Stderr)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run picks the subcommand. The first argument is a command when it names
// one; otherwise the arguments are check's. A first word that names no
// command, no file or directory, and is within two letters of a command
// (gdlint chek x) is a misspelt command, not a path: a real file named
// "chek" is still checked.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return commands[defaultCommand].run(args, stdin, stdout, stderr)
	}
	switch args[0] {
	case "-h", "--help":
		usage(stdout)
		return exitClean
	case "help":
		return runHelp(args[1:], stdin, stdout, stderr)
	case "--version", "-V":
		args = append([]string{"version"}, args[1:]...)
	}
	if c, ok := commands[args[0]]; ok {
		return c.run(args[1:], stdin, stdout, stderr)
	}
	if misspelt(args[0]) {
		return unknownCommand(stderr, args[0])
	}
	return commands[defaultCommand].run(args, stdin, stdout, stderr)
}

// misspelt tells whether word, which names no command, is meant as one: it
// is no flag, no existing path, and a command is near it.
func misspelt(word string) bool {
	if word == "-" || strings.HasPrefix(word, "-") {
		return false
	}
	if _, err := os.Lstat(word); err == nil {
		return false
	}
	return nearest(word, commandNames()) != ""
}

func unknownCommand(stderr io.Writer, word string) int {
	msg := fmt.Sprintf("gdlint: unknown command %q", word)
	if near := nearest(word, commandNames()); near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	}
	fmt.Fprintln(stderr, msg)
	fmt.Fprintln(stderr, "usage: gdlint [command] [flags] PATH...")
	fmt.Fprintln(stderr, "run 'gdlint help' for the commands")
	return exitError
}

// runHelp is `gdlint help [COMMAND]`: a command's help is what its --help
// prints.
func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitClean
	}
	c, ok := commands[args[0]]
	if !ok {
		return unknownCommand(stderr, args[0])
	}
	return c.run([]string{"--help"}, stdin, stdout, stderr)
}

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "gdlint checks 政府信息公开工作年度报告 (government information-disclosure annual reports).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage: gdlint [command] [flags] PATH...")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, n := range commandNames() {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "flags:")
	fmt.Fprintln(w, "  -h, --help      show this help")
	fmt.Fprintln(w, "  -V, --version   print the version")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "run 'gdlint help COMMAND' (or gdlint COMMAND --help) for a command's flags")
}
