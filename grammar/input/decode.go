package input

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/gdlint/gdlint/grammar"
)

// MaxSourceSize bounds what Decode accepts; larger inputs get an error, not a hang.
const MaxSourceSize = 64 << 20

// Errors returned by Decode, so callers can tell bad input from I/O failures.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary content (NUL bytes), not a text report")
	ErrTooLarge = fmt.Errorf("file larger than %d MiB", MaxSourceSize>>20)
	ErrEncoding = errors.New("neither valid UTF-8 nor GB18030 text")
)

// The byte order marks Decode recognises.
var (
	bomUTF8    = []byte("\xef\xbb\xbf")
	bomUTF16LE = []byte("\xff\xfe")
	bomUTF16BE = []byte("\xfe\xff")
)

// Decode is the front-end of plain text and Markdown: it detects the
// encoding of raw (UTF-16 with a BOM, UTF-8 with or without BOM, else
// GB18030) and builds the line index. UTF-16 is recognised by its BOM only:
// without one, its NUL bytes make it binary. UTF-8 is not copied: the
// Source's text shares raw's memory, so raw must not change afterwards.
func Decode(path string, raw []byte) (*grammar.Source, error) {
	if len(raw) > MaxSourceSize {
		return nil, ErrTooLarge
	}
	if bytes.HasPrefix(raw, bomUTF16LE) || bytes.HasPrefix(raw, bomUTF16BE) {
		return decodeUTF16(path, raw)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return nil, ErrBinary
	}
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		starts, ok := validUTF8Lines(raw[3:])
		if !ok {
			return nil, fmt.Errorf("%w: BOM present but invalid UTF-8 at byte %d", ErrEncoding, 3+invalidUTF8At(raw[3:]))
		}
		return validSource(grammar.DecodedSourceLines(path, raw, sharedString(raw[3:]), grammar.UTF8BOM, starts)), nil
	}
	if starts, ok := validUTF8Lines(raw); ok {
		return validSource(grammar.DecodedSourceLines(path, raw, sharedString(raw), grammar.UTF8, starts)), nil
	}
	if at, ok := brokenUTF8(raw); ok {
		if at >= len(raw)-3 {
			return nil, fmt.Errorf("%w: UTF-8 text cut off in the middle of a character at byte %d", ErrEncoding, at)
		}
		return nil, fmt.Errorf("%w: invalid UTF-8 at byte %d in a text that is otherwise UTF-8", ErrEncoding, at)
	}
	text, err := decodeGB18030(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: invalid UTF-8 at byte %d and %v", ErrEncoding, invalidUTF8At(raw), err)
	}
	return grammar.DecodedSource(path, raw, text, grammar.GB18030), nil
}

// validSource marks src's text as checked valid UTF-8.
func validSource(src *grammar.Source) *grammar.Source {
	src.ValidUTF8 = true
	return src
}

// sharedString is p as a string without a copy (a batch reads thousands
// of files, each of which would otherwise be held twice while checked).
func sharedString(p []byte) string { return unsafe.String(unsafe.SliceData(p), len(p)) }

// validUTF8Lines is utf8.Valid(p) and, when p is valid, the offsets where
// its lines start (what the grammar's line index holds: 0, then each byte
// after a line feed), found in the same pass: a line feed is ASCII, and
// the ASCII the check reads a word at a time is searched for them there.
//
// The check is faster than utf8.Valid on Chinese text: a report is mostly
// three-byte characters whose lead byte is neither E0 nor ED (the two
// that narrow the second byte's range), checked here by two masks, where
// utf8.Valid looks each lead byte up in two tables. ASCII is passed eight
// bytes at a time, up to the first byte that is not ASCII; any other
// character is decoded.
func validUTF8Lines(p []byte) ([]int, bool) {
	// the index at its size at once, each start stored, not appended
	starts := make([]int, bytes.Count(p, newline)+1)
	n := len(p)
	i, k := 0, 1 // k: the next start's index
	for {
		if i, k = validCommonRun(p, i, starts, k); i+8 > n {
			break
		}
		// a character validCommonRun does not check, decoded here: its
		// loop calls nothing, so keeps i and k in registers
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return nil, false
		}
		i += size
	}
	if !utf8.Valid(p[i:]) {
		return nil, false
	}
	for ; i < n; i++ {
		if p[i] == '\n' {
			starts[k] = i + 1
			k++
		}
	}
	return starts, true
}

// validCommonRun is validUTF8Lines's check from p[i] on, a word at a
// time, while eight bytes are left and each character is ASCII or three
// bytes with a lead byte not E0 or ED; it stores the line starts it passes
// in starts from k on, and returns where it stopped and the next k.
func validCommonRun(p []byte, i int, starts []int, k int) (int, int) {
	n := len(p)
	// q is p[i:], read from its start: its length is the only bound
	// checked, and i is n-len(q)
	q := p[i:]
	// a word at a time, whatever comes: the text changes between ASCII and
	// Chinese every few characters, and each change cost a dispatch
	for len(q) >= 8 {
		w := binary.LittleEndian.Uint64(q)
		switch high := w & 0x8080808080808080; {
		case high&0x80 == 0:
			// the line feeds among the ASCII bytes, up to the first that
			// is not: a byte of w^0x0A is zero where w holds one, and
			// sets its high bit here (exactly: no borrow between bytes),
			// up to high's lowest bit (all, when none; that byte's is not
			// set, its byte not being ASCII)
			x := w ^ 0x0A0A0A0A0A0A0A0A
			feeds := ^((x&0x7F7F7F7F7F7F7F7F + 0x7F7F7F7F7F7F7F7F) | x | 0x7F7F7F7F7F7F7F7F) & (high ^ (high - 1))
			for ; feeds != 0; feeds &= feeds - 1 {
				starts[k] = n - len(q) + bits.TrailingZeros64(feeds)>>3 + 1
				k++
			}
			// to that byte (all eight when high is 0: its trailing zeros
			// are 64)
			q = q[bits.TrailingZeros64(high)>>3:]
		case twoThreeByte(w):
			// more of them, as in Chinese text: four at a time while
			// fourteen bytes are left (the words at 0 and 6), then two
			q = q[6:]
			for len(q) >= 14 && twoThreeByte(binary.LittleEndian.Uint64(q)) && twoThreeByte(binary.LittleEndian.Uint64(q[6:])) {
				q = q[12:]
			}
			for len(q) >= 8 && twoThreeByte(binary.LittleEndian.Uint64(q)) {
				q = q[6:]
			}
		case oneThreeByte(w):
			q = q[3:]
		default:
			return n - len(q), k
		}
	}
	return n - len(q), k
}

var newline = []byte{'\n'}

// oneThreeByte reports whether w's first three bytes (little-endian) are a
// character 1110xxxx 10xxxxxx 10xxxxxx whose lead byte is not E0 or ED.
func oneThreeByte(w uint64) bool {
	return w&0xC0C0F0 == 0x8080E0 && w&0x0F != 0 && w&0x0F != 0x0D
}

// twoThreeByte reports whether w's first six bytes (little-endian) are two
// characters 1110xxxx 10xxxxxx 10xxxxxx whose lead bytes are not E0 or ED:
// once the masks match, a lead byte is E0 or ED when its low four bits are
// 0 or D, and adding 0xF to a four-bit field carries into its fifth bit
// when the field is not 0 (both fields at once: they are 24 bits apart).
func twoThreeByte(w uint64) bool {
	v := w & 0x0F00000F
	return w&0xC0C0F0C0C0F0 == 0x8080E08080E0 && (v+0x0F00000F)&((v^0x0D00000D)+0x0F00000F)&0x10000010 == 0x10000010
}

// utf16Encoding is the x/text codec of a UTF-16 Encoding: the BOM is
// required when decoding and written again when encoding.
func utf16Encoding(e grammar.Encoding) encoding.Encoding {
	if e == grammar.UTF16BE {
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
}

// decodeUTF16 decodes a file with a UTF-16 BOM strictly: the x/text decoder
// substitutes U+FFFD for a lone surrogate or an odd last byte, so text that
// does not encode back to raw was not UTF-16.
func decodeUTF16(path string, raw []byte) (*grammar.Source, error) {
	enc := grammar.UTF16LE
	if bytes.HasPrefix(raw, bomUTF16BE) {
		enc = grammar.UTF16BE
	}
	out, err := utf16Encoding(enc).NewDecoder().Bytes(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: invalid %s (%v)", ErrEncoding, enc, err)
	}
	if len(bytes.TrimSpace(out)) == 0 {
		return nil, ErrEmpty
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return nil, ErrBinary
	}
	if back, err := encodeAs(enc, string(out)); err != nil || !bytes.Equal(back, raw) {
		if len(raw)%2 != 0 {
			return nil, fmt.Errorf("%w: %s text with an odd number of bytes", ErrEncoding, enc)
		}
		return nil, fmt.Errorf("%w: %s text with an unpaired surrogate", ErrEncoding, enc)
	}
	return grammar.DecodedSource(path, raw, string(out), enc), nil
}

// brokenUTF8 tells UTF-8 text with a few bad bytes (cut off, damaged) from
// GB18030 text: GB18030 forms a valid UTF-8 multi-byte sequence only now and
// then by chance, while damaged UTF-8 is almost all valid sequences. It
// returns the offset of the first bad byte.
func brokenUTF8(b []byte) (int, bool) {
	valid, invalid, first := 0, 0, -1
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if first < 0 {
				first = i
			}
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	if invalid == 0 {
		return 0, false
	}
	// a cut at the very end: the tail is an incomplete sequence
	if first >= len(b)-3 && invalid <= 3 && !utf8.FullRune(b[first:]) {
		return first, true
	}
	return first, valid >= 8*invalid && valid >= 8
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// decodeGB18030 decodes strictly: the x/text decoder substitutes U+FFFD for
// bad sequences, so a replacement character that the input did not spell out
// means the input was not GB18030 either.
func decodeGB18030(raw []byte) (string, error) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil {
		return "", err
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		return "", errors.New("invalid GB18030 sequence")
	}
	if !utf8.Valid(out) {
		return "", errors.New("invalid GB18030 sequence")
	}
	return string(out), nil
}

// encodeAs turns text into the bytes of encoding e (with its BOM, if any).
func encodeAs(e grammar.Encoding, text string) ([]byte, error) {
	switch e {
	case grammar.UTF8BOM:
		return append(bytes.Clone(bomUTF8), text...), nil
	case grammar.GB18030:
		return simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	case grammar.UTF16LE, grammar.UTF16BE:
		return utf16Encoding(e).NewEncoder().Bytes([]byte(text))
	}
	return []byte(text), nil
}

// Encode turns fixed text back into bytes in the encoding of src (UTF-8,
// UTF-8 with BOM, GB18030, UTF-16 with its BOM). It refuses when
// re-encoding the original text would not give back the original bytes,
// since writing would then change bytes that no fix touched, and when the
// fix would bring bare LF line breaks into a CRLF file.
func Encode(src *grammar.Source, text string) ([]byte, error) {
	again, err := encodeAs(src.Encoding, src.Text)
	if err != nil || !bytes.Equal(again, src.Raw) {
		return nil, fmt.Errorf("cannot rewrite this %s file without changing bytes no fix touched", src.Encoding)
	}
	if src.CRLF && bareLF(text) > bareLF(src.Text) {
		return nil, errors.New("a fix would mix LF line breaks into a CRLF file")
	}
	out, err := encodeAs(src.Encoding, text)
	if err != nil {
		return nil, fmt.Errorf("cannot encode the fixed text as %s: %v", src.Encoding, err)
	}
	return out, nil
}

func bareLF(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			n++
		}
	}
	return n
}
