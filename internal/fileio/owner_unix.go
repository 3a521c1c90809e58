//go:build unix

package fileio

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the replacement file the owner and group of the file it
// replaces (a root run must not take the file over). Without the right to
// do so (not root), the group alone is tried; failing that the file keeps
// the writer's, as any editor's save would.
func keepOwner(f *os.File, st fs.FileInfo) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if f.Chown(int(sys.Uid), int(sys.Gid)) != nil {
		f.Chown(-1, int(sys.Gid))
	}
}
