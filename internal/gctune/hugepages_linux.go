package gctune

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"unsafe"

	"golang.org/x/sys/unix"
)

// heapReserve is the heap mapped ahead and advised for huge pages: one
// heap arena of the runtime (64 MiB), more than the peak heap of 2,000
// reports (23 MiB).
const heapReserve = 64 << 20

func preferHugePages() {
	if unsafe.Sizeof(uintptr(0)) < 8 || transparentHugePagesMode() != "madvise" {
		return // "always" needs no advice, "never" takes none; 32-bit heaps are small
	}
	if debug.SetMemoryLimit(-1) < 4*heapReserve {
		return // a GOMEMLIMIT this low would have the collector fight the reserve
	}
	_ = adviseHeap() // advice is best effort: without it the pages stay as they are
}

// adviseHeap maps heapReserve bytes of new heap, advises the kernel to back
// them with huge pages, and frees them for what the program allocates next.
// The runtime maps its heap as it grows, and a new mapping starts without
// the advice, so advising the heap already mapped would reach only what is
// in use. The reserve is never written (fresh memory is zero), so it costs
// no memory until the reports use it; a collection frees it at once, before
// the reports are read, because the allocator takes the lowest free
// addresses and would otherwise map new, unadvised heap beyond it.
func adviseHeap() error {
	gcPercent := debug.SetGCPercent(-1) // no collection while the reserve is made
	reserve := make([]byte, heapReserve)
	debug.SetGCPercent(gcPercent)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(reserve)))
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, start, heapReserve, unix.MADV_HUGEPAGE)
	runtime.KeepAlive(reserve)
	reserve = nil
	runtime.GC()
	if errno != 0 {
		return errno
	}
	return nil
}

// transparentHugePagesMode is the selected mode of
// /sys/kernel/mm/transparent_hugepage/enabled ("always", "madvise" or
// "never"), or "" where the file is missing.
func transparentHugePagesMode() string {
	enabled, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return ""
	}
	return selectedMode(enabled)
}

// selectedMode is the bracketed word of a sysfs choice such as
// "always [madvise] never".
func selectedMode(enabled []byte) string {
	_, selected, ok := bytes.Cut(enabled, []byte("["))
	if !ok {
		return ""
	}
	mode, _, _ := bytes.Cut(selected, []byte("]"))
	return string(mode)
}
