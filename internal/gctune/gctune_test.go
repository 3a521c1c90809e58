package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCSettingsFor(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 400},         // before the first collection
		{4 * mib, 400},   // goal 20 MiB
		{19 * mib, 400},  // goal 95 MiB, under the ceiling of 96
		{24 * mib, 300},  // goal 96 MiB: the ceiling
		{32 * mib, 200},  // goal 96 MiB
		{48 * mib, 100},  // goal 96 MiB = 2×live
		{60 * mib, 100},  // 2×live is above the ceiling: GOGC=100's goal
		{900 * mib, 100}, //
	} {
		got, limit := gcSettingsFor(c.live, 96*mib)
		if got != c.want {
			t.Errorf("live %d MiB: GC percent %d, want %d", c.live/mib, got, c.want)
		}
		goal := c.live * uint64(100+got) / 100
		if c.live > 0 && goal > max(96*mib, 2*c.live) {
			t.Errorf("live %d MiB: goal %d MiB over both the ceiling and 2×live", c.live/mib, goal/mib)
		}
		// the limit must not make the collector run before the goal
		if limit < int64(goal)+gcLimitSlack || limit != int64(max(96*mib, 2*c.live)+gcLimitSlack) {
			t.Errorf("live %d MiB: memory limit %d MiB for a goal of %d MiB", c.live/mib, limit/mib, goal/mib)
		}
	}
}

func TestTuneGCKeepsTheUsersSetting(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	if userTunesGC() {
		t.Error("neither GOGC nor GOMEMLIMIT is set")
	}
	t.Setenv("GOGC", "50")
	if !userTunesGC() || Start() {
		t.Error("tuned though GOGC is set")
	}
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "1GiB")
	if !userTunesGC() || Start() {
		t.Error("tuned though GOMEMLIMIT is set")
	}
}

// The tuner runs again after each collection (its cleanup re-arms itself)
// and sets the GC percent and memory limit.
func TestGCTunerFollowsEachCollection(t *testing.T) {
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	tr := newGCTuner()
	t.Cleanup(func() {
		tr.stop.Store(true)
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	tr.arm()
	for want := int64(1); want <= 3; want++ {
		runtime.GC()
		deadline := time.Now().Add(30 * time.Second)
		for tr.runs.Load() < want {
			if time.Now().After(deadline) {
				t.Fatalf("the tuner ran %d times after %d collections", tr.runs.Load(), want)
			}
			time.Sleep(time.Millisecond)
		}
	}
	tr.stop.Store(true)
	runtime.GC() // the last cleanup, if it runs, stops
	if l := debug.SetMemoryLimit(-1); l == math.MaxInt64 {
		t.Error("the memory limit was not set")
	}
}
