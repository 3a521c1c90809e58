package main

// The front-ends that register themselves with grammar/input: linked into
// the command line program, not into the browser build.
import _ "github.com/gdlint/gdlint/grammar/input/pdf"
