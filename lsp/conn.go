package lsp

import (
	"context"
	"encoding/json"
	"errors"
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
	srv.out = st
	st.logf = srv.logf

	var inflight sync.WaitGroup
	running := &runningCalls{byID: map[jsonrpc2.ID]*runningCall{}}
	async := jsonrpc2.AsyncHandler(jsonrpc2.ReplyHandler(srv.dispatch))
	handler := func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == "$/cancelRequest" {
			// handled on the read loop, ahead of the queue the request may
			// still wait in; the request itself answers -32800
			running.cancel(req.Params())
			return reply(ctx, nil, nil)
		}
		if call, isCall := req.(*jsonrpc2.Call); isCall {
			// count each call from receipt until its reply is written, so
			// that exit does not cut off the reply to shutdown
			inflight.Add(1)
			var rc *runningCall
			ctx, rc = running.add(ctx, call.ID())
			inner := reply
			var once sync.Once
			reply = func(ctx context.Context, result any, err error) error {
				defer once.Do(func() { running.remove(call.ID(), rc); inflight.Done() })
				return inner(ctx, result, err)
			}
		}
		return async(ctx, reply, req)
	}
	conn.Go(ctx, handler)

	code := 1
	select {
	case code = <-srv.exitCh:
		if code != 0 {
			srv.logf("exit before shutdown: exiting with code 1")
		}
	case <-conn.Done():
		if srv.isShutdown() {
			code = 0
		} else if err := conn.Err(); err != nil && !errors.Is(err, io.EOF) {
			srv.logf("reading from the client: %v; exiting with code 1", err)
		} else {
			srv.logf("the client closed the connection without shutdown and exit; exiting with code 1")
		}
	case <-ctx.Done():
	}
	waitTimeout(&inflight, time.Second)
	srv.stop()
	return code
}

// runningCalls are the requests received and not yet answered, by id, for
// $/cancelRequest. jsonrpc2's CancelHandler (and protocol's) match numeric
// ids as int32 where JSON numbers decode as float64, and never release the
// contexts they make.
type runningCalls struct {
	mu   sync.Mutex
	byID map[jsonrpc2.ID]*runningCall
}

type runningCall struct{ cancel context.CancelFunc }

func (r *runningCalls) add(ctx context.Context, id jsonrpc2.ID) (context.Context, *runningCall) {
	ctx, cancel := context.WithCancel(ctx)
	rc := &runningCall{cancel: cancel}
	r.mu.Lock()
	r.byID[id] = rc
	r.mu.Unlock()
	return ctx, rc
}

func (r *runningCalls) remove(id jsonrpc2.ID, rc *runningCall) {
	r.mu.Lock()
	if r.byID[id] == rc { // a client may reuse an id; keep the newer call
		delete(r.byID, id)
	}
	r.mu.Unlock()
	rc.cancel()
}

// cancel cancels the call named by $/cancelRequest params; the id is a
// number or a string. Unknown ids (answered already) are ignored.
func (r *runningCalls) cancel(params json.RawMessage) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(params, &p) != nil {
		return
	}
	var id jsonrpc2.ID
	var n int32
	var s string
	switch {
	case json.Unmarshal(p.ID, &n) == nil:
		id = jsonrpc2.NewNumberID(n)
	case json.Unmarshal(p.ID, &s) == nil:
		id = jsonrpc2.NewStringID(s)
	default:
		return
	}
	r.mu.Lock()
	rc := r.byID[id]
	r.mu.Unlock()
	if rc != nil {
		rc.cancel()
	}
}

func waitTimeout(wg *sync.WaitGroup, d time.Duration) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
	}
}
