package lsp

import (
	"context"
	"encoding/json"
	"io"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
)

// Error codes LSP adds to JSON-RPC that jsonrpc2 v0.10.0 does not define.
const (
	codeServerNotInitialized jsonrpc2.Code = -32002
	codeRequestFailed        jsonrpc2.Code = -32803
	codeRequestCancelled     jsonrpc2.Code = -32800
)

// Options configure a server.
type Options struct {
	// Log receives the server's own log lines (stderr for `gdlint lsp`);
	// nil discards them. stdout is the protocol channel and never logged to.
	Log io.Writer
	// Verbose logs every message's method and timing.
	Verbose bool
	// Debounce delays relinting after a change; changes that arrive in the
	// meantime are folded into one run. Zero lints at once; changes that
	// arrive while a lint runs are still folded into the next run.
	Debounce time.Duration
	// Version is reported in serverInfo.
	Version string
}

// Serve runs one LSP session over in/out until the client sends exit or
// closes its end. It returns the process exit code the specification asks
// for: 0 after shutdown then exit, 1 otherwise.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) int {
	var closer io.Closer
	if c, ok := in.(io.Closer); ok {
		closer = c
	}
	st := newStream(in, out, closer)
	conn := jsonrpc2.NewConn(st)
	srv := newServer(conn, opts)

	var inflight sync.WaitGroup
	h := srv.dispatch
	cancelled, cancel := jsonrpc2.CancelHandler(jsonrpc2.AsyncHandler(jsonrpc2.ReplyHandler(h)))
	handler := func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == "$/cancelRequest" {
			// jsonrpc2's protocol.CancelHandler expects an int32 id but JSON
			// numbers decode as float64, so numeric ids were never cancelled.
			var p struct {
				ID json.RawMessage `json:"id"`
			}
			if err := json.Unmarshal(req.Params(), &p); err == nil {
				var n int32
				var s string
				if json.Unmarshal(p.ID, &n) == nil {
					cancel(jsonrpc2.NewNumberID(n))
				} else if json.Unmarshal(p.ID, &s) == nil {
					cancel(jsonrpc2.NewStringID(s))
				}
			}
			return reply(ctx, nil, nil)
		}
		// count each call from receipt until its reply is written, so that
		// exit does not cut off the reply to shutdown
		if _, isCall := req.(*jsonrpc2.Call); isCall {
			inflight.Add(1)
			inner := reply
			var once sync.Once
			reply = func(ctx context.Context, result any, err error) error {
				defer once.Do(inflight.Done)
				return inner(ctx, result, err)
			}
		}
		return cancelled(ctx, reply, req)
	}
	conn.Go(ctx, handler)

	code := 1
	select {
	case code = <-srv.exitCh:
	case <-conn.Done():
		if srv.isShutdown() {
			code = 0
		}
	case <-ctx.Done():
	}
	waitTimeout(&inflight, time.Second)
	srv.stop()
	return code
}

func waitTimeout(wg *sync.WaitGroup, d time.Duration) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
	}
}
