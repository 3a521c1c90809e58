// Package gctune tunes the garbage collector of a gdlint process that
// allocates much and keeps little: a batch run (each report parsed, checked
// and dropped) and the language server (each keystroke parses anew).
package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// A batch run allocates a lot (each report is decoded, parsed and checked,
// then dropped) but keeps little: a summary of a few KB per report. With
// the default GOGC=100 the collector ran every time the heap doubled a
// small live heap, 10–13 % of the CPU of 2,000 reports. Start lets the
// heap grow to up to five times what is live while that stays under
// gcHeapCeiling, and never collects more often than GOGC=100 would: the
// heap goal is max(2×live, min(5×live, gcHeapCeiling)). A memory limit a
// little above max(2×live, gcHeapCeiling) has the runtime return freed
// memory to the system promptly, which keeps the peak RSS near the heap
// (8,000 reports with the --report-* outputs peaked at 270 MiB for a
// 200 MiB heap). A fixed limit would instead make the collector run ever
// more often once the live heap neared it (those outputs keep 100 MiB live
// at the end of 8,000 reports).
const (
	gcHeapCeiling = 96 << 20
	gcLimitSlack  = 24 << 20 // the runtime's own memory besides the heap
)

var startOnce sync.Once

// Start starts the tuning for the rest of the process, unless the user
// set GOGC or GOMEMLIMIT: theirs is kept. It reports whether it started.
func Start() (started bool) {
	if userTunesGC() {
		return false
	}
	startOnce.Do(func() {
		t := newGCTuner()
		t.tune()
		t.arm()
	})
	return true
}

func userTunesGC() bool { return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" }

type gcTuner struct {
	percent int
	limit   int64
	live    []metrics.Sample
	runs    atomic.Int64 // collections followed
	stop    atomic.Bool  // for a test
}

func newGCTuner() *gcTuner {
	return &gcTuner{percent: -1, limit: -1, live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
}

// gcSentinel is garbage from the moment it is made: its cleanup runs after
// the next collection. (It holds a pointer, so it is not one of the tiny
// objects allocated together, whose cleanups may never run.)
type gcSentinel struct{ _ *gcSentinel }

// arm has tune run after the next collection, and again after each one.
func (t *gcTuner) arm() {
	runtime.AddCleanup(new(gcSentinel), func(t *gcTuner) {
		if t.stop.Load() {
			return
		}
		t.tune()
		t.runs.Add(1)
		t.arm()
	}, t)
}

// tune sets the GC percent and memory limit for the heap live after the
// last collection.
func (t *gcTuner) tune() {
	metrics.Read(t.live)
	var live uint64
	if t.live[0].Value.Kind() == metrics.KindUint64 {
		live = t.live[0].Value.Uint64()
	}
	percent, limit := gcSettingsFor(live, gcHeapCeiling)
	if percent != t.percent {
		debug.SetGCPercent(percent)
		t.percent = percent
	}
	if limit != t.limit {
		debug.SetMemoryLimit(limit)
		t.limit = limit
	}
}

// gcSettingsFor is the GC percent that makes the heap goal
// max(2×live, min(5×live, ceiling)), and the memory limit above it.
func gcSettingsFor(live, ceiling uint64) (percent int, limit int64) {
	limit = int64(max(ceiling, 2*live) + gcLimitSlack)
	if live == 0 || ceiling/live >= 5 {
		return 400, limit
	}
	return max(100, int(ceiling*100/live)-100), limit
}
