package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// A cache directory that cannot be made is no error: the module is compiled
// without a cache, silently.
func TestCacheDirNotWritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(file, "wasm") // under a file: cannot be created
	if writableDir(dir) {
		t.Fatalf("%s taken as writable", dir)
	}
	if runtimeConfig(dir) == nil {
		t.Fatal("no runtime config")
	}
	t.Setenv("GDLINT_CACHE_DIR", file)
	if got := CacheDir(); got != dir {
		t.Errorf("CacheDir() = %q, want %q", got, dir)
	}
	ok := filepath.Join(t.TempDir(), "cache")
	if !writableDir(ok) {
		t.Errorf("%s not writable", ok)
	}
	if left, _ := os.ReadDir(ok); len(left) != 0 {
		t.Errorf("the probe left %d files", len(left))
	}
}

// TestEngineRenewed: once an instance has given out its budget of handles
// it is replaced by a fresh one (go-pdfium frees them only then), and the
// text read is the same before and after.
func TestEngineRenewed(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pdf", "report.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	first, err := Extract(raw)
	if err != nil {
		t.Fatal(err)
	}
	e, err := startEngine()
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { handleBudget = n }(handleBudget)
	handleBudget = 1 // every document spends it
	before := e.renewed.Load()
	for range 3 {
		d, err := Extract(raw)
		if err != nil {
			t.Fatal(err)
		}
		if d.Text != first.Text {
			t.Fatal("the text read by a fresh instance differs")
		}
	}
	if n := e.renewed.Load() - before; n < 2 {
		t.Errorf("instances replaced %d times over 3 documents with a budget of 1", n)
	}
}

// TestEngineInParallel: documents read at once on several instances give
// the text one instance gives.
func TestEngineInParallel(t *testing.T) {
	var raws [][]byte
	for _, name := range []string{"report.pdf", "two-columns.pdf", "webpage-004.pdf"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "pdf", name))
		if err != nil {
			t.Fatal(err)
		}
		raws = append(raws, raw)
	}
	want := make([]string, len(raws))
	for i, raw := range raws {
		d, err := Extract(raw)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = d.Text
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(raws))
	for range 4 {
		for i, raw := range raws {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d, err := Extract(raw)
				switch {
				case err != nil:
					errs <- err.Error()
				case d.Text != want[i]:
					errs <- fmt.Sprintf("document %d read differently in parallel", i)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
