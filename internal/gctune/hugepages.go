package gctune

import (
	"os"
	"strings"
)

// PreferHugePages asks the system to back the heap of a batch run with
// huge pages where it can (Linux with transparent huge pages in "madvise"
// mode, the default of Ubuntu among others). A batch run touches tens of
// MiB of fresh heap, 4 KiB at a time: about 7,000 page faults for 2,000
// reports, 15–20 % of the CPU on a virtual machine where a fault costs
// 10 µs. Setting GODEBUG=disablethp=1, the Go runtime's own switch against
// huge pages for the heap, turns this off too, as does a GOMEMLIMIT under
// 256 MiB (on Linux). The language server does not call it: it lives long,
// and returns memory in small pieces.
//
// A run of fewer than hugePagesFrom reports is left as it is: a huge page
// is zeroed whole at its first touch, which made 10 reports 3 ms slower
// and 30 reports 1 ms slower, while 100 were 3 ms faster.
func PreferHugePages(reports int) {
	if reports < hugePagesFrom || godebugDisablesTHP(os.Getenv("GODEBUG")) {
		return
	}
	preferHugePages()
}

const hugePagesFrom = 64

// godebugDisablesTHP reports whether GODEBUG sets disablethp=1; the last
// setting of a name wins, as in the runtime.
func godebugDisablesTHP(godebug string) bool {
	disabled := false
	for _, setting := range strings.Split(godebug, ",") {
		if name, value, ok := strings.Cut(strings.TrimSpace(setting), "="); ok && name == "disablethp" {
			disabled = value == "1"
		}
	}
	return disabled
}
