package lsp

import (
	"path/filepath"
	"testing"
)

func TestURIPath(t *testing.T) {
	for _, tc := range []struct{ uri, want string }{
		{"file:///home/u/%E6%8A%A5%E5%91%8A%20%E7%9B%AE%E5%BD%95/a.txt", "/home/u/报告 目录/a.txt"},
		// VS Code on Windows: the drive letter with an escaped colon
		{"file:///c%3A/Users/%E5%BC%A0%E4%B8%89/a.txt", "c:/Users/张三/a.txt"},
		{"file:///C:/x/a.md", "C:/x/a.md"},
		// a network share keeps its server
		{"file://fileserver/%E5%85%AC%E5%BC%80/a.txt", "//fileserver/公开/a.txt"},
		{"file://localhost/home/u/a.txt", "/home/u/a.txt"},
	} {
		got, ok := uriPath(tc.uri)
		if want := filepath.FromSlash(tc.want); !ok || got != want {
			t.Errorf("uriPath(%q) = %q, %v; want %q", tc.uri, got, ok, want)
		}
	}
	if _, ok := uriPath("untitled:Untitled-1"); ok {
		t.Error("an untitled: URI has no path")
	}
}
