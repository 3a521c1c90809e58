//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// Outside the browser the command only says how it is meant to be built.
func main() {
	fmt.Fprintln(os.Stderr, "gdlint-web runs in a browser: build the page with scripts/build-web OUT_DIR (GOOS=js GOARCH=wasm)")
	os.Exit(2)
}
