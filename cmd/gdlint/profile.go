package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// startProfiles writes a CPU profile to $GDLINT_CPUPROFILE, a heap profile
// to $GDLINT_MEMPROFILE and an execution trace (the workers' switches and
// waits, go tool trace) to $GDLINT_TRACE when they are set, so a slow batch
// on real reports can be profiled with the released binary. The returned
// function ends the CPU profile and the trace and writes the heap profile.
func startProfiles(stderr io.Writer) (stop func()) {
	if os.Getenv("GDLINT_MEMPROFILE") == "" {
		// no heap profile will be written: the runtime need not record a
		// stack every 512 KB allocated (a batch allocates hundreds of MB)
		runtime.MemProfileRate = 0
	}
	var cpu *os.File
	if path := os.Getenv("GDLINT_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "gdlint: GDLINT_CPUPROFILE: %v\n", err)
		} else {
			cpu = f
		}
	}
	var tr *os.File
	if path := os.Getenv("GDLINT_TRACE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			if err = trace.Start(f); err != nil {
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "gdlint: GDLINT_TRACE: %v\n", err)
		} else {
			tr = f
		}
	}
	return func() {
		if tr != nil {
			trace.Stop()
			tr.Close()
		}
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if path := os.Getenv("GDLINT_MEMPROFILE"); path != "" {
			f, err := os.Create(path)
			if err == nil {
				runtime.GC()
				err = pprof.WriteHeapProfile(f)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(stderr, "gdlint: GDLINT_MEMPROFILE: %v\n", err)
			}
		}
	}
}
