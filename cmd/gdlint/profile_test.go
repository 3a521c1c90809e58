package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestProfilesWritten: each variable set gets its file, a trace and a CPU
// profile that their tools read (the trace's header, pprof's gzip magic);
// a path that cannot be created is said once on stderr and the run goes on.
func TestProfilesWritten(t *testing.T) {
	defer func(rate int) { runtime.MemProfileRate = rate }(runtime.MemProfileRate)
	dir := t.TempDir()
	tracePath, cpuPath := filepath.Join(dir, "trace.out"), filepath.Join(dir, "cpu.prof")
	t.Setenv("GDLINT_TRACE", tracePath)
	t.Setenv("GDLINT_CPUPROFILE", cpuPath)
	var stderr bytes.Buffer
	stop := startProfiles(&stderr)
	var out bytes.Buffer
	run([]string{"check", "-q", "--fail-on", "never", "../../testdata/examples"}, nil, &out, &stderr)
	stop()
	if tr, err := os.ReadFile(tracePath); err != nil || !bytes.HasPrefix(tr, []byte("go 1.")) {
		t.Errorf("trace: %v, starts %q", err, tr[:min(len(tr), 16)])
	}
	if p, err := os.ReadFile(cpuPath); err != nil || !bytes.HasPrefix(p, []byte{0x1f, 0x8b}) {
		t.Errorf("CPU profile: %v, %d bytes", err, len(p))
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	// no heap profile asked for: no allocation is sampled
	if runtime.MemProfileRate != 0 {
		t.Errorf("MemProfileRate %d without GDLINT_MEMPROFILE", runtime.MemProfileRate)
	}

	// a heap profile asked for: allocations are sampled and it is written
	runtime.MemProfileRate = 512 << 10
	memPath := filepath.Join(dir, "mem.prof")
	t.Setenv("GDLINT_CPUPROFILE", "")
	t.Setenv("GDLINT_TRACE", "")
	t.Setenv("GDLINT_MEMPROFILE", memPath)
	stop = startProfiles(&stderr)
	if runtime.MemProfileRate == 0 {
		t.Error("GDLINT_MEMPROFILE set, but allocations are not sampled")
	}
	run([]string{"check", "-q", "--fail-on", "never", "../../testdata/examples"}, nil, &out, &stderr)
	stop()
	if p, err := os.ReadFile(memPath); err != nil || !bytes.HasPrefix(p, []byte{0x1f, 0x8b}) {
		t.Errorf("heap profile: %v, %d bytes", err, len(p))
	}
	t.Setenv("GDLINT_MEMPROFILE", "")

	t.Setenv("GDLINT_CPUPROFILE", "")
	t.Setenv("GDLINT_TRACE", filepath.Join(dir, "missing", "trace.out"))
	stderr.Reset()
	startProfiles(&stderr)()
	if s := stderr.String(); strings.Count(s, "GDLINT_TRACE") != 1 {
		t.Errorf("an uncreatable trace path: stderr %q", s)
	}
}
