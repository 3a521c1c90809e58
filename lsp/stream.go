package lsp

import (
	"bufio"
	"bytes"
	"context"
	stdjson "encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// Limits on what the client can make the server hold.
const (
	// maxMessageSize bounds one incoming message; a 64 MiB report in JSON
	// with escapes stays below it. A larger message is skipped unread.
	maxMessageSize = 256 << 20
	// readBufferSize is also the longest header line; a longer line is not
	// a header.
	readBufferSize = 64 << 10
	// idPrefixSize is how much of a refused message is kept to find its id.
	idPrefixSize = 4 << 10
)

// contentLength is the header the reader resynchronises on, lower case.
const contentLength = "content-length:"

// stream is the LSP framing (Content-Length headers), written to survive a
// client that gets it wrong, and to say so on the log, where jsonrpc2's
// stream returns the first error and the session ends or goes deaf:
//
//   - a message that cannot be decoded gets a JSON-RPC error response (with
//     the request's id when it can be read) and reading goes on;
//   - a body whose Content-Length is too long ends where its JSON object
//     ends: the rest is the next frame's header, and waiting for it would
//     leave the request unanswered until the client sends something else;
//   - bytes that cannot start a frame (the rest of a body whose
//     Content-Length was too short, a body sent without a header, noise)
//     are skipped up to the next "Content-Length:", even in mid-line;
//   - a message over maxMessageSize is skipped without being held and
//     refused with an error.
//
// Only the end of the input (or a read error) ends the session.
type stream struct {
	in   *bufio.Reader
	out  io.Writer
	cl   io.Closer
	logf func(format string, args ...any) // the server's log; set before reading starts
	mu   sync.Mutex                       // guards out: error replies are written from Read

	read int64 // bytes consumed from in
	// skipping: inside a run of skipped bytes, reported once per run
	skipping bool
	// lastBad: the last frame was answered with an error, so the bytes
	// after it (the rest of a too-short body) are not reported again
	lastBad    bool
	warnedLong bool // a too-long Content-Length was logged once
}

func newStream(r io.Reader, w io.Writer, c io.Closer) *stream {
	return &stream{in: bufio.NewReaderSize(r, readBufferSize), out: w, cl: c,
		logf: func(string, ...any) {}}
}

func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	start := s.read
	for {
		if err := ctx.Err(); err != nil {
			return nil, s.read - start, err
		}
		f, err := s.readFrame()
		if err != nil {
			return nil, s.read - start, err
		}
		if f.problem != "" {
			s.reject(f.id, f.code, f.problem)
			continue
		}
		msg, err := jsonrpc2.DecodeMessage(f.body)
		if err == nil {
			s.lastBad = false
			return msg, s.read - start, nil
		}
		id, code, reason := diagnoseBadMessage(f.body, err)
		if f.cut {
			reason += " (the message ends before its JSON does: is its Content-Length too short?)"
		}
		s.reject(id, code, reason)
	}
}

// frame is one framed message, or why it cannot be used.
type frame struct {
	body []byte
	cut  bool // the body stops inside a JSON object or array

	problem string // set: answer with this error instead
	code    jsonrpc2.Code
	id      stdjson.RawMessage
}

// readFrame reads up to the end of the next frame. It returns an error only
// when the input ends or fails.
func (s *stream) readFrame() (frame, error) {
	length := int64(-1)
	var problem string
	inHeader := false
	for {
		line, err := s.peekLine()
		complete := err == nil
		if err != nil && err != bufio.ErrBufferFull {
			if inHeader {
				s.logf("the input ended inside a message header")
			} else {
				s.skip(line)
			}
			s.discard(len(line))
			return frame{}, err
		}
		text := bytes.TrimRight(line, "\r\n")
		if i := lastIndexFold(text, contentLength); i > 0 {
			if inHeader {
				// a header starts in mid-line: the frame so far is broken;
				// the line is read again as the start of the next frame
				return frame{problem: fmt.Sprintf("invalid header line %q", clip(text)), code: jsonrpc2.ParseError}, nil
			}
			s.skip(line[:i])
			continue
		}
		if !inHeader {
			switch {
			case complete && len(bytes.TrimSpace(text)) == 0:
				s.discard(len(line)) // blank lines between frames are harmless
				continue
			case complete && isHeaderLine(text):
				inHeader, s.skipping, s.lastBad = true, false, false
			default:
				n := len(line)
				if !complete {
					n -= len(contentLength) - 1 // a header may start in what is not read yet
				}
				s.skip(line[:n])
				continue
			}
		}
		if !complete || (len(text) > 0 && !isHeaderLine(text)) {
			return frame{problem: fmt.Sprintf("invalid header line %q", clip(text)), code: jsonrpc2.ParseError}, nil
		}
		s.discard(len(line))
		if len(text) == 0 {
			break // end of the header
		}
		name, value, _ := bytes.Cut(text, []byte(":"))
		if !strings.EqualFold(string(bytes.TrimSpace(name)), jsonrpc2.HdrContentLength) {
			continue // header names are case-insensitive (RFC 7230); others are ignored
		}
		v, err := strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64)
		if err != nil || v < 0 {
			problem = fmt.Sprintf("invalid Content-Length %q", clip(bytes.TrimSpace(value)))
			length = -1
			continue
		}
		problem, length = "", v
	}
	if length < 0 {
		if problem == "" {
			problem = "missing Content-Length header"
		}
		return frame{problem: problem, code: jsonrpc2.ParseError}, nil
	}
	if length > maxMessageSize {
		prefix, _, err := s.readBody(length, idPrefixSize)
		if err != nil {
			return frame{}, err
		}
		return frame{problem: fmt.Sprintf("message of %d bytes refused: the limit is %d MiB", length, maxMessageSize>>20),
			code: jsonrpc2.InvalidRequest, id: requestID(prefix)}, nil
	}
	body, complete, err := s.readBody(length, int(length))
	if err != nil {
		return frame{}, err
	}
	return frame{body: body, cut: !complete}, nil
}

// readBody reads a body of length bytes, keeping the first keep of them. It
// stops early where a JSON object or array ends: the rest of a too-long
// Content-Length is the next frame. complete reports whether the body's
// object or array ended (false for a truncated one and for other values).
func (s *stream) readBody(length int64, keep int) (body []byte, complete bool, err error) {
	var end jsonEnd
	var n int64
	for n < length {
		if s.in.Buffered() == 0 {
			if _, err := s.in.Peek(1); err != nil {
				s.logf("the input ended inside a message: %d of its %d bytes (Content-Length) arrived", n, length)
				return nil, false, fmt.Errorf("reading a message body: %w", io.ErrUnexpectedEOF)
			}
		}
		chunk, _ := s.in.Peek(int(min(int64(s.in.Buffered()), length-n)))
		if k := end.feed(chunk); k >= 0 {
			chunk, complete = chunk[:k], true
		}
		if room := keep - len(body); room > 0 {
			body = appendBounded(body, chunk[:min(room, len(chunk))], keep)
		}
		s.discard(len(chunk))
		n += int64(len(chunk))
		if complete {
			break
		}
	}
	if n < length && !s.warnedLong && s.in.Buffered() > 0 { // never wait for the next frame here
		if next, _ := s.in.Peek(1); !isSpace(next[0]) {
			s.warnedLong = true
			s.logf("a message is shorter than its Content-Length (%d bytes, header says %d): reading on where its JSON ends (logged once)", n, length)
		}
	}
	return body, complete, nil
}

// appendBounded appends b, growing the slice at most to limit: a declared
// length is not trusted until its bytes arrive.
func appendBounded(buf, b []byte, limit int) []byte {
	if need := len(buf) + len(b); need > cap(buf) {
		grown := make([]byte, len(buf), min(limit, max(need, 2*cap(buf), 4<<10)))
		copy(grown, buf)
		buf = grown
	}
	return append(buf, b...)
}

// peekLine returns the buffered bytes up to and including the next '\n'
// without consuming them. A line longer than the buffer comes back as the
// whole buffer with bufio.ErrBufferFull; at the end of the input, the rest
// comes back with the read error.
func (s *stream) peekLine() ([]byte, error) {
	scanned := 0
	for {
		buf, _ := s.in.Peek(s.in.Buffered())
		if i := bytes.IndexByte(buf[scanned:], '\n'); i >= 0 {
			return buf[:scanned+i+1], nil
		}
		scanned = len(buf)
		if len(buf) >= s.in.Size() {
			return buf, bufio.ErrBufferFull
		}
		if _, err := s.in.Peek(len(buf) + 1); err != nil {
			buf, _ = s.in.Peek(s.in.Buffered())
			return buf, err
		}
	}
}

func (s *stream) discard(n int) {
	d, _ := s.in.Discard(n)
	s.read += int64(d)
}

// skip consumes bytes that are not part of a frame. The first run of them
// after a good frame is reported to the client (a parse error) and logged.
func (s *stream) skip(b []byte) {
	s.discard(len(b))
	if len(bytes.TrimSpace(b)) == 0 || s.skipping {
		return
	}
	s.skipping = true
	s.logf("skipping bytes outside any message up to the next Content-Length header: %q", clip(b))
	if !s.lastBad {
		s.writeError(nil, jsonrpc2.ParseError, "bytes outside any message (no Content-Length header): skipped up to the next header")
	}
}

// reject answers a frame that cannot be used.
func (s *stream) reject(id stdjson.RawMessage, code jsonrpc2.Code, msg string) {
	s.logf("message refused (%d): %s", code, msg)
	s.writeError(id, code, msg)
	s.lastBad = true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// isHeaderLine reports whether line reads "Name: value" with a token name.
func isHeaderLine(line []byte) bool {
	name, _, ok := bytes.Cut(line, []byte(":"))
	name = bytes.TrimRight(name, " \t")
	if !ok || len(name) == 0 {
		return false
	}
	for _, c := range name {
		if !isTokenChar(c) {
			return false
		}
	}
	return true
}

// isTokenChar: RFC 7230 tchar.
func isTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// lastIndexFold is the last index of the lower-case ASCII pattern in b,
// ignoring ASCII case, or -1. (bytes.ToLower would move the offsets of
// invalid UTF-8.)
func lastIndexFold(b []byte, lower string) int {
	for i := len(b) - len(lower); i >= 0; i-- {
		j := 0
		for j < len(lower) && asciiLower(b[i+j]) == lower[j] {
			j++
		}
		if j == len(lower) {
			return i
		}
	}
	return -1
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// clip shortens what is quoted in a log line or an error message.
func clip(b []byte) []byte {
	if len(b) > 60 {
		return b[:60]
	}
	return b
}

// jsonEnd finds where a JSON object or array ends in bytes fed to it piece
// by piece. It only balances brackets outside strings: validating is the
// decoder's job.
type jsonEnd struct {
	started, other   bool
	depth            int
	inString, escape bool
}

// feed returns how many bytes of b complete the value, or -1 if it goes on
// (or is not an object or array, which has no end to find).
func (j *jsonEnd) feed(b []byte) int {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case j.other:
			return -1
		case j.inString:
			if j.escape {
				j.escape = false
				continue
			}
			// jump to the next quote or backslash: bodies are mostly text
			k := bytes.IndexAny(b[i:], "\"\\")
			if k < 0 {
				return -1
			}
			i += k
			if b[i] == '\\' {
				j.escape = true
			} else {
				j.inString = false
			}
		case !j.started:
			switch {
			case isSpace(c):
			case c == '{' || c == '[':
				j.started, j.depth = true, 1
			default:
				j.other = true
				return -1
			}
		default:
			switch c {
			case '"':
				j.inString = true
			case '{', '[':
				j.depth++
			case '}', ']':
				j.depth--
				if j.depth == 0 {
					return i + 1
				}
			}
		}
	}
	return -1
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
		return requestID(body), jsonrpc2.ParseError, "parse error: " + jerr.Error()
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

// requestID reads the id of a request from the start of a message that
// cannot be decoded as a whole (cut short, or too large to read), so that
// the client gets an error for its request instead of waiting forever.
// JSON-RPC asks for a null id only when the id cannot be detected. Nil when
// there is no complete id, or when the message is a response.
func requestID(prefix []byte) stdjson.RawMessage {
	dec := stdjson.NewDecoder(bytes.NewReader(prefix))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != stdjson.Delim('{') {
		return nil
	}
	var id stdjson.RawMessage
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		switch t {
		case "result", "error":
			return nil
		case "id":
			v, err := dec.Token()
			// a number at the very end may have lost digits
			if err != nil || dec.InputOffset() >= int64(len(prefix)) {
				return nil
			}
			switch v := v.(type) {
			case stdjson.Number:
				id = stdjson.RawMessage(v.String())
			case string:
				id, _ = stdjson.Marshal(v)
			default:
				return nil
			}
			continue
		}
		if skipValue(dec) != nil {
			break
		}
	}
	return id
}

// skipValue reads past one value of dec.
func skipValue(dec *stdjson.Decoder) error {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case stdjson.Delim('{'), stdjson.Delim('['):
			depth++
		case stdjson.Delim('}'), stdjson.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
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

// Write writes msg even when ctx is cancelled: jsonrpc2's stream skips the
// write then, which loses the reply to a cancelled request (the protocol
// requires one) and the notifications sent while handling it.
func (s *stream) Write(_ context.Context, msg jsonrpc2.Message) (int64, error) {
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

// frameRoom is the room writeFrameAt needs before a message for its header.
const frameRoom = 32

// writeFrameAt is writeFrame of buf[frameRoom:], writing the header into the
// room before it instead of copying a large message (a publish of a
// thousand findings) behind a header.
func (s *stream) writeFrameAt(buf []byte) error {
	var h [frameRoom]byte
	head := append(h[:0], "Content-Length: "...)
	head = strconv.AppendInt(head, int64(len(buf)-frameRoom), 10)
	head = append(head, "\r\n\r\n"...)
	at := frameRoom - len(head)
	copy(buf[at:], head)
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.out.Write(buf[at:])
	return err
}

func (s *stream) Close() error {
	if s.cl != nil {
		return s.cl.Close()
	}
	return nil
}
