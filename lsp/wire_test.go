package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
)

// rawSession talks to an in-process server byte by byte.
type rawSession struct {
	t    *testing.T
	w    io.WriteCloser
	r    *bufio.Reader
	code chan int
}

func newRawSession(t *testing.T) *rawSession {
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	s := &rawSession{t: t, w: cw, r: bufio.NewReader(cr), code: make(chan int, 1)}
	go func() { s.code <- Serve(context.Background(), sr, sw, Options{}); sw.Close() }()
	t.Cleanup(func() { cw.Close() })
	return s
}

func (s *rawSession) send(body string) {
	fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n%s", len(body), body)
}

// next reads one message with a bounded wait.
func (s *rawSession) next() map[string]any {
	s.t.Helper()
	type result struct {
		m   map[string]any
		err error
	}
	ch := make(chan result, 1)
	go func() {
		length := 0
		for {
			line, err := s.r.ReadString('\n')
			if err != nil {
				ch <- result{err: err}
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(s.r, body); err != nil {
			ch <- result{err: err}
			return
		}
		var m map[string]any
		ch <- result{m: m, err: json.Unmarshal(body, &m)}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			s.t.Fatal(r.err)
		}
		var m map[string]any
		m = r.m
		return m
	case <-time.After(5 * time.Second):
		s.t.Fatal("no message from the server")
	}
	return nil
}

func errorCode(m map[string]any) float64 {
	e, _ := m["error"].(map[string]any)
	c, _ := e["code"].(float64)
	return c
}

// Malformed input gets JSON-RPC errors and the session goes on.
func TestMalformedMessagesGetErrors(t *testing.T) {
	s := newRawSession(t)
	s.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	if m := s.next(); m["result"] == nil {
		t.Fatalf("initialize: %v", m)
	}
	// truncated JSON: the id is readable, so the request gets its error
	s.send(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{`)
	if m := s.next(); errorCode(m) != -32700 || m["id"] != float64(2) {
		t.Errorf("truncated JSON: %v", m)
	}
	s.send(`{"jsonrpc":"2.0","id":3000000000,"method":"shutdown"}`) // id beyond jsonrpc2's int32
	if m := s.next(); errorCode(m) != -32600 || m["id"] != float64(3000000000) {
		t.Errorf("huge id: %v", m)
	}
	s.send(`[1,2,3]`)
	if m := s.next(); errorCode(m) == 0 {
		t.Errorf("array: %v", m)
	}
	fmt.Fprintf(s.w, "Content-Type: x\r\n\r\n") // no Content-Length
	if m := s.next(); errorCode(m) != -32700 {
		t.Errorf("missing Content-Length: %v", m)
	}
	// header names are case-insensitive
	body := `{"jsonrpc":"2.0","id":4,"method":"shutdown"}`
	fmt.Fprintf(s.w, "content-length: %d\r\n\r\n%s", len(body), body)
	if m := s.next(); m["id"] != float64(4) || m["error"] != nil {
		t.Errorf("shutdown after bad messages: %v", m)
	}
	s.send(`{"jsonrpc":"2.0","method":"exit"}`)
	if code := <-s.code; code != 0 {
		t.Errorf("exit code %d", code)
	}
}

func TestMapperAgreesWithSource(t *testing.T) {
	texts := []string{
		"",
		"abc",
		"𠀀𠀀甲总计乙\n第二行\r\n第三行 𠀂x",
		"\n\n\r\n",
		"（七）总计\t20\t1\t0\n末行无换行😀",
		"bad \xff byte\n甲",
	}
	for _, text := range texts {
		src := grammar.NewSource("x.txt", text)
		m16, m8 := newMapper(text, UTF16), newMapper(text, UTF8)
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8RuneStart(text[off]) {
				continue
			}
			p := m16.position(off)
			want := src.UTF16Pos(off)
			if int(p.Line) != want.Line || int(p.Character) != want.Col {
				// grammar counts "\r" before "\n" as part of the line
				if !(off > 0 && text[off-1] == '\r') && !(off < len(text) && text[off] == '\n' && off > 0 && text[off-1] == '\r') {
					t.Errorf("%q @%d: utf-16 %+v, grammar %+v", text, off, p, want)
				}
			}
			if back := m16.offset(p); back != off && !(off < len(text) && (text[off] == '\n' || text[off] == '\r')) {
				t.Errorf("%q @%d: utf-16 round trip gives %d", text, off, back)
			}
			p8 := m8.position(off)
			if w8 := src.UTF8Pos(off); int(p8.Character) != w8.Col && !(off > 0 && text[off-1] == '\r') {
				t.Errorf("%q @%d: utf-8 %+v, grammar %+v", text, off, p8, w8)
			}
		}
	}
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func TestMapperEdgeCases(t *testing.T) {
	m := newMapper("𠀀总计\r乙\r\n丙", UTF16)
	cases := []struct {
		p    protocol.Position
		want int
	}{
		{protocol.Position{Line: 0, Character: 1}, 0},   // inside the surrogate pair: start of 𠀀
		{protocol.Position{Line: 0, Character: 2}, 4},   // after 𠀀
		{protocol.Position{Line: 0, Character: 99}, 10}, // past the end: before the lone CR
		{protocol.Position{Line: 1, Character: 0}, 11},  // a lone CR breaks the line
		{protocol.Position{Line: 1, Character: 5}, 14},  // before "\r\n"
		{protocol.Position{Line: 2, Character: 1}, 19},
		{protocol.Position{Line: 9, Character: 0}, 19}, // past the last line: end of text
	}
	for _, c := range cases {
		if got := m.offset(c.p); got != c.want {
			t.Errorf("offset(%+v) = %d, want %d", c.p, got, c.want)
		}
	}
	if p := m.position(12); p != (protocol.Position{Line: 1, Character: 1}) {
		t.Errorf("position(12) = %+v", p)
	}
}

func TestApplyChangesInOrder(t *testing.T) {
	text := "甲𠀀乙\r\n丙丁\n"
	r := func(l1, c1, l2, c2 uint32) *protocol.Range {
		return &protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
	}
	steps := []struct {
		c    contentChange
		want string
	}{
		{contentChange{Range: r(0, 1, 0, 3), Text: "𠀂"}, "甲𠀂乙\r\n丙丁\n"}, // replace the surrogate pair
		{contentChange{Range: r(0, 4, 1, 1), Text: "\n"}, "甲𠀂乙\n丁\n"},   // across the CRLF
		{contentChange{Range: r(2, 0, 2, 0), Text: "末"}, "甲𠀂乙\n丁\n末"},   // append at the end
		{contentChange{Range: nil, Text: "全文替换"}, "全文替换"},               // whole document
		{contentChange{Range: r(0, 0, 0, 0), Text: "😀"}, "😀全文替换"},       // astral at the start
		{contentChange{Range: r(0, 2, 0, 4), Text: ""}, "😀替换"},          // delete after it
	}
	for i, s := range steps {
		text = applyChange(text, s.c, UTF16)
		if text != s.want {
			t.Fatalf("step %d: %q, want %q", i, text, s.want)
		}
	}
}
