//go:build unix

package fileio

import (
	"io"
	"os"
	"syscall"

	"github.com/gdlint/gdlint/grammar/input"
)

// ReadFile reads a report file, refusing files larger than
// input.MaxSourceSize before reading them whole.
func ReadFile(path string) ([]byte, error) { return ReadFileInto(path, nil) }

// ReadFileInto is ReadFile reading into buf when the file fits in its
// capacity: a batch reads each report into a buffer the report before it
// had, already in the process's memory (a newly allocated one is page
// faults inside the read).
//
// It reads through a bare descriptor: os.Open and os.NewFile offer every
// file to the network poller (an fcntl, then epoll_ctl refuses a regular
// file) and give the File a cleanup, more than the read of a 7 KB report
// costs (a batch reads thousands).
func ReadFileInto(path string, buf []byte) ([]byte, error) {
	fd, err := openForReading(path)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	r := &descriptorReader{fd: fd, path: path}
	// room for the whole file at once: io.ReadAll starts at 512 bytes and
	// reads a 7 KB report in five calls
	var st syscall.Stat_t
	if err := fstat(fd, &st); err == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG && st.Size <= input.MaxSourceSize {
		return readSized(r, int(st.Size), buf)
	}
	return ReadLimited(r)
}

func openForReading(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1, &os.PathError{Op: "open", Path: path, Err: err}
		}
		return fd, nil
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

// descriptorReader reads fd as os.File.Read does: io.EOF at the end, and
// an error that names the path.
type descriptorReader struct {
	fd   int
	path string
}

func (r *descriptorReader) Read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(r.fd, p)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, &os.PathError{Op: "read", Path: r.path, Err: err}
		}
		if n == 0 && len(p) > 0 {
			return 0, io.EOF
		}
		return n, nil
	}
}
