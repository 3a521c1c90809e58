//go:build !unix

package fileio

import (
	"os"

	"github.com/gdlint/gdlint/grammar/input"
)

// ReadFile reads a report file, refusing files larger than
// input.MaxSourceSize before reading them whole.
func ReadFile(path string) ([]byte, error) { return ReadFileInto(path, nil) }

// ReadFileInto is ReadFile reading into buf when the file fits in its
// capacity.
func ReadFileInto(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// room for the whole file at once: io.ReadAll starts at 512 bytes and
	// reads a 7 KB report in five calls
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() <= input.MaxSourceSize {
		return readSized(f, int(fi.Size()), buf)
	}
	return ReadLimited(f)
}
