package gctune

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

func TestSelectedMode(t *testing.T) {
	for enabled, want := range map[string]string{
		"always [madvise] never\n": "madvise",
		"[always] madvise never\n": "always",
		"always madvise [never]\n": "never",
		"always madvise never\n":   "",
		"":                         "",
	} {
		if got := selectedMode([]byte(enabled)); got != want {
			t.Errorf("%q: mode %q, want %q", enabled, got, want)
		}
	}
}

// After adviseHeap, what the program allocates lies mostly in memory
// advised for huge pages (the "hg" flag of its mapping in /proc/self/smaps):
// all of it but what fits in the free space of the heap mapped before.
func TestAdviseHeapCoversNewAllocations(t *testing.T) {
	if err := adviseHeap(); errors.Is(err, unix.EINVAL) {
		t.Skip("this kernel has no transparent huge pages (madvise: EINVAL)")
	} else if err != nil {
		t.Fatal(err)
	}
	var pieces [][]byte
	for range 256 { // 16 MiB in pieces of 64 KiB, as reports' parses are
		pieces = append(pieces, make([]byte, 64<<10))
	}
	// 8 MiB of small objects: the free room left in the heap mapped before,
	// about 1 MiB, holds an eighth of them at most
	objects := make([]*[64]byte, 128<<10)
	for i := range objects {
		objects[i] = new([64]byte)
	}
	mappings := readMappings(t)
	advisedPieces, advisedObjects := 0, 0
	for _, piece := range pieces {
		if mappings.advised(uintptr(unsafe.Pointer(unsafe.SliceData(piece)))) {
			advisedPieces++
		}
	}
	for _, object := range objects {
		if mappings.advised(uintptr(unsafe.Pointer(object))) {
			advisedObjects++
		}
	}
	t.Logf("advised: %d of %d pieces, %d of %d small objects", advisedPieces, len(pieces), advisedObjects, len(objects))
	if advisedPieces < len(pieces)*3/4 || advisedObjects < len(objects)*3/4 {
		t.Errorf("advised for huge pages: %d of %d pieces of 64 KiB and %d of %d small objects, want 3/4 of each",
			advisedPieces, len(pieces), advisedObjects, len(objects))
	}
}

type mapping struct {
	start, end uintptr
	hugePages  bool // VmFlags has hg
}

type mappingList []mapping

func (l mappingList) advised(addr uintptr) bool {
	for _, m := range l {
		if m.start <= addr && addr < m.end {
			return m.hugePages
		}
	}
	return false
}

func readMappings(t *testing.T) mappingList {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var list mappingList
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := scanner.Text()
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok && len(list) > 0 {
			list[len(list)-1].hugePages = strings.Contains(" "+flags+" ", " hg ")
			continue
		}
		addresses, _, _ := strings.Cut(line, " ")
		from, to, ok := strings.Cut(addresses, "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(from, 16, 64)
		end, err2 := strconv.ParseUint(to, 16, 64)
		if err1 == nil && err2 == nil {
			list = append(list, mapping{start: uintptr(start), end: uintptr(end)})
		}
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	return list
}
