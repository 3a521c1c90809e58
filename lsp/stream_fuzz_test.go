package lsp

import (
	"bytes"
	"context"
	"io"
	"testing"
)

// FuzzReadMessage feeds arbitrary bytes to the framing reader: it must not
// panic, must end (each frame consumes input), and must never return a
// message that was not framed: every body it returns sits right after a
// header block with a Content-Length at least as long, and a body shorter
// than its Content-Length ends where its brackets balance. Behind any
// bytes without a Content-Length header, a good frame is always read.
func FuzzReadMessage(f *testing.F) {
	good := `{"jsonrpc":"2.0","id":1,"method":"shutdown"}`
	for _, seed := range []string{
		"Content-Length: 44\r\n\r\n" + good,
		"Content-Length: 45\r\n\r\n" + good + "Content-Length: 2\r\n\r\n{}",
		"Content-Length: 40\r\n\r\n" + good,
		"Content-Type: x\r\n\r\n" + good,
		"xyzContent-Length: 44\r\n\r\n" + good,
		"content-length: 2\n\n[]",
		"Content-Length: 99999999999\r\n\r\n{\"id\":3,",
		"Content-Length: -1\r\n\r\n",
		"\x00\xff\r\n\r\n",
		`Content-Length: 30` + "\r\n\r\n" + `{"a":"\"}\\","b":[{]}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFrames(t, data)
		if lastIndexFold(data, "content-length") < 0 {
			sentinel := []byte("\r\nContent-Length: 44\r\n\r\n" + good)
			bodies := checkFrames(t, append(append([]byte{}, data...), sentinel...))
			if len(bodies) == 0 || string(bodies[len(bodies)-1]) != good {
				t.Fatalf("the good frame after %q was not read: got %q", data, bodies)
			}
		}
	})
}

// checkFrames reads data to its end and returns the bodies read.
func checkFrames(t *testing.T, data []byte) [][]byte {
	s := newStream(bytes.NewReader(data), io.Discard, nil)
	var bodies [][]byte
	for calls := 0; ; calls++ {
		if calls > len(data)+1 {
			t.Fatalf("more frames than bytes: the reader does not advance")
		}
		before := s.read
		f, err := s.readFrame()
		if err != nil {
			return bodies
		}
		if s.read <= before && f.problem == "" {
			t.Fatalf("a frame consumed no input")
		}
		if f.problem != "" {
			continue
		}
		end := int(s.read)
		start := end - len(f.body)
		if start < 0 || !bytes.Equal(data[start:end], f.body) {
			t.Fatalf("body %q is not the input before offset %d", f.body, end)
		}
		head := data[before:start]
		// the header ends with a blank line (line breaks and stray CRs only)
		blank, ok := bytes.CutSuffix(head, []byte("\n"))
		if !ok || !bytes.HasSuffix(bytes.TrimRight(blank, "\r"), []byte("\n")) {
			t.Fatalf("body %q does not follow a header block: %q", f.body, head)
		}
		if lastIndexFold(head, "content-length") < 0 { // the name may have spaces before its colon
			t.Fatalf("body %q has no Content-Length header: %q", f.body, head)
		}
		bodies = append(bodies, f.body)
	}
}

// Read over the same bytes answers what it refuses and stops at the end.
func TestReadEndsAtEOF(t *testing.T) {
	var out bytes.Buffer
	s := newStream(bytes.NewReader([]byte("junk\r\nContent-Length: 2\r\n\r\n{}")), &out, nil)
	for i := 0; i < 5; i++ {
		if _, _, err := s.Read(context.Background()); err != nil {
			if out.Len() == 0 {
				t.Errorf("nothing answered")
			}
			return
		}
	}
	t.Fatal("Read did not end at EOF")
}
