package pdf

import (
	"os"
	"path/filepath"
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
