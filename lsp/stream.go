package lsp

import (
	"bufio"
	"context"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// maxMessageSize bounds one incoming message; a 64 MiB report in JSON with
// escapes stays below it.
const maxMessageSize = 256 << 20

// stream is jsonrpc2's LSP framing (Content-Length headers) with one
// difference that matters: a message that cannot be decoded gets a JSON-RPC
// error response and reading goes on. jsonrpc2.NewStream returns the decode
// error to the connection, which then closes: one bad message would end the
// session.
type stream struct {
	in  *bufio.Reader
	out io.Writer
	cl  io.Closer
	mu  sync.Mutex // guards out: error replies are written from Read
}

func newStream(r io.Reader, w io.Writer, c io.Closer) *stream {
	return &stream{in: bufio.NewReaderSize(r, 64<<10), out: w, cl: c}
}

func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		body, n, err := s.readFrame()
		if err != nil {
			var bad badFrame
			if errors.As(err, &bad) {
				s.writeError(nil, jsonrpc2.ParseError, bad.Error())
				continue
			}
			return nil, n, err
		}
		msg, err := jsonrpc2.DecodeMessage(body)
		if err == nil {
			return msg, n, nil
		}
		id, code, reason := diagnoseBadMessage(body, err)
		s.writeError(id, code, reason)
	}
}

// badFrame is a header problem after which the next frame can still be read.
type badFrame struct{ msg string }

func (b badFrame) Error() string { return b.msg }

func (s *stream) readFrame() ([]byte, int64, error) {
	var total int64
	length := int64(-1)
	sawHeader := false
	var problem string
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			return nil, total, fmt.Errorf("reading header: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !sawHeader {
				continue // stray blank lines between frames
			}
			break
		}
		sawHeader = true
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			problem = fmt.Sprintf("invalid header line %q", line)
			continue
		}
		// header names are case-insensitive (RFC 7230); jsonrpc2 matched them exactly
		if strings.EqualFold(strings.TrimSpace(name), jsonrpc2.HdrContentLength) {
			v, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || v < 0 || v > maxMessageSize {
				problem = fmt.Sprintf("invalid Content-Length %q", strings.TrimSpace(value))
				continue
			}
			length = v
		}
	}
	if length < 0 {
		if problem == "" {
			problem = "missing Content-Length header"
		}
		return nil, total, badFrame{problem}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.in, body); err != nil {
		return nil, total, fmt.Errorf("reading body: %w", err)
	}
	total += length
	if problem != "" {
		return nil, total, badFrame{problem}
	}
	return body, total, nil
}

// diagnoseBadMessage tells apart JSON that does not parse (-32700) from a
// well-formed object that is not a valid request (-32600), keeping its id
// so the client can match the error to its request.
func diagnoseBadMessage(body []byte, err error) (stdjson.RawMessage, jsonrpc2.Code, string) {
	var probe struct {
		ID     stdjson.RawMessage `json:"id"`
		Method *string            `json:"method"`
	}
	if jerr := stdjson.Unmarshal(body, &probe); jerr != nil {
		return nil, jsonrpc2.ParseError, "parse error: " + jerr.Error()
	}
	id := probe.ID
	if len(id) > 0 && id[0] != '"' && (id[0] < '0' || id[0] > '9') && id[0] != '-' {
		id = nil // only numbers and strings are ids
	}
	if probe.Method == nil && len(id) == 0 {
		return nil, jsonrpc2.InvalidRequest, "invalid message: " + err.Error()
	}
	return id, jsonrpc2.InvalidRequest, "invalid request: " + err.Error()
}

func (s *stream) writeError(id stdjson.RawMessage, code jsonrpc2.Code, msg string) {
	if len(id) == 0 {
		id = stdjson.RawMessage("null")
	}
	resp := struct {
		JSONRPC string             `json:"jsonrpc"`
		ID      stdjson.RawMessage `json:"id"`
		Error   struct {
			Code    jsonrpc2.Code `json:"code"`
			Message string        `json:"message"`
		} `json:"error"`
	}{JSONRPC: "2.0", ID: id}
	resp.Error.Code, resp.Error.Message = code, msg
	data, err := stdjson.Marshal(resp)
	if err != nil {
		return
	}
	_ = s.writeFrame(data)
}

func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var data []byte
	var err error
	if m, ok := msg.(stdjson.Marshaler); ok {
		// the message encodes itself; encoding/json would only re-validate
		// and copy the result, which costs as much again on a large publish
		data, err = m.MarshalJSON()
	} else {
		data, err = stdjson.Marshal(msg)
	}
	if err != nil {
		return 0, fmt.Errorf("marshaling message: %w", err)
	}
	return int64(len(data)), s.writeFrame(data)
}

func (s *stream) writeFrame(data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	buf := make([]byte, 0, len(data)+32)
	buf = append(buf, "Content-Length: "...)
	buf = strconv.AppendInt(buf, int64(len(data)), 10)
	buf = append(buf, "\r\n\r\n"...)
	buf = append(buf, data...)
	_, err := s.out.Write(buf)
	return err
}

func (s *stream) Close() error {
	if s.cl != nil {
		return s.cl.Close()
	}
	return nil
}
