//go:build !unix

package fileio

import "os"

func openForReading(path string) (*os.File, error) { return os.Open(path) }
