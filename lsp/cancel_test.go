package lsp

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
)

// testHold is a request for tests only: it runs until the test ends and
// ignores its context, like a handler stuck in a long computation.
const testHold = "gdlint.test/hold"

var (
	holdMu      sync.Mutex
	holdRelease chan struct{} // closed by the test that set it, when it ends
)

func init() {
	requests[testHold] = func(s *Server, ctx context.Context, _ json.RawMessage) (any, error) {
		holdMu.Lock()
		release := holdRelease
		holdMu.Unlock()
		<-release
		return "released", nil
	}
}

func holdUntilCleanup(t *testing.T) {
	release := make(chan struct{})
	holdMu.Lock()
	holdRelease = release
	holdMu.Unlock()
	t.Cleanup(func() { close(release) })
}

// A cancelled request is answered with -32800 at once, even when its
// handler does not watch the cancellation, and the requests behind it run.
func TestCancelAnswersAHandlerThatRunsOn(t *testing.T) {
	holdUntilCleanup(t)
	s := newRawSession(t)
	s.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	if m := s.next(); m["result"] == nil {
		t.Fatalf("initialize: %v", m)
	}
	for _, id := range []string{`2`, `"two"`} {
		s.send(`{"jsonrpc":"2.0","id":` + id + `,"method":"` + testHold + `"}`)
		s.send(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":` + id + `}}`)
		m := s.next()
		got, _ := json.Marshal(m["id"])
		if string(got) != id || errorCode(m) != -32800 {
			t.Errorf("cancelled %s: %v", id, m)
		}
	}
	s.send(`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`)
	if m := s.next(); m["id"] != float64(3) || m["error"] != nil {
		t.Errorf("shutdown after the cancelled requests: %v", m)
	}
	s.send(`{"jsonrpc":"2.0","method":"exit"}`)
	if code := <-s.code; code != 0 {
		t.Errorf("exit code %d", code)
	}
}
