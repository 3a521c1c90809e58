package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// Every pre-commit hook's entry is a command gdlint runs with those flags:
// the command and flags exist (asked for --help after them, exit 0).
func TestPreCommitHookEntries(t *testing.T) {
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		if id, ok := strings.CutPrefix(line, "id: "); ok {
			ids[id] = true
		}
		entry, ok := strings.CutPrefix(line, "entry: ")
		if !ok {
			continue
		}
		args := strings.Fields(entry)
		if len(args) < 2 || args[0] != "gdlint" {
			t.Errorf("entry %q does not run gdlint COMMAND", entry)
			continue
		}
		if code := run(append(args[1:], "--help"), strings.NewReader(""), io.Discard, io.Discard); code != exitClean {
			t.Errorf("entry %q: %v --help exits %d", entry, args[1:], code)
		}
	}
	for _, id := range []string{"gdlint", "gdlint-fix", "gdlint-fmt"} {
		if !ids[id] {
			t.Errorf("no hook %q", id)
		}
	}
}
