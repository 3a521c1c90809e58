package grammar

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// A report written in traditional characters (總體情況, 本年新收政府信息公開申請數量)
// is read through a simplified copy of its text: the template's headings
// and labels are matched there, while every span and every text the report
// gives back (headings, labels, cells) is the user's own. The copy is made
// character by character with OpenCC's traditional-to-simplified table, and
// only where the simplified character is as long in UTF-8 as the original,
// so offsets are the same in both.

var t2s = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("t2s") })

// looksTraditional: the words every report uses appear in traditional
// characters and not in simplified ones.
func looksTraditional(text string) bool {
	return !containsWord(text, "公开", 2) && (containsWord(text, "公開", 5) || containsWord(text, "資訊", 4))
}

// Simplified returns s with its traditional characters simplified (for
// comparing a label of a traditional-character report with the template).
func Simplified(s string) string {
	out, _ := simplify(s)
	return out
}

// simplifiedCopy returns text with its traditional characters simplified,
// byte for byte the same length, and whether anything changed.
func simplifiedCopy(text string) (string, bool) {
	if !looksTraditional(text) {
		return text, false
	}
	return simplify(text)
}

var (
	simpleMu   sync.Mutex
	simpleRune = map[rune]rune{}
)

func simplify(text string) (string, bool) {
	cc, err := t2s()
	if err != nil {
		return text, false
	}
	// OpenCC's phrases first (反覆 → 反复), where they keep every character
	// in place; then character by character
	if whole, err := cc.Convert(text); err == nil && utf8.RuneCountInString(whole) == utf8.RuneCountInString(text) {
		var b strings.Builder
		b.Grow(len(text))
		changed := false
		rest := whole
		for _, r := range text {
			s, n := utf8.DecodeRuneInString(rest)
			rest = rest[n:]
			if utf8.RuneLen(s) != utf8.RuneLen(r) {
				s = r
			}
			changed = changed || s != r
			b.WriteRune(s)
		}
		return b.String(), changed
	}
	simpleMu.Lock()
	defer simpleMu.Unlock()
	conv := simpleRune
	var b strings.Builder
	b.Grow(len(text))
	changed := false
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			b.WriteRune(r)
			continue
		}
		s, ok := conv[r]
		if !ok {
			s = r
			if out, err := cc.Convert(string(r)); err == nil {
				if o, n := utf8.DecodeRuneInString(out); n == len(out) && utf8.RuneLen(o) == utf8.RuneLen(r) {
					s = o
				}
			}
			conv[r] = s
		}
		changed = changed || s != r
		b.WriteRune(s)
	}
	return b.String(), changed
}

// restoreUserText puts the user's characters back into the texts of r that
// were read from the simplified copy (orig is the text before simplifying,
// at the same offsets as the source: plain text and Markdown only).
func restoreUserText(r *Report, orig, simple string) {
	back := func(s string, sp Span) string { return originalOf(s, sp, orig, simple) }
	if t := r.Title; t != nil {
		t.Text = back(t.Text, t.Span)
		t.Body = back(t.Body, t.BodySpan)
	}
	if s := r.Signature; s != nil {
		s.Body = back(s.Body, s.BodySpan)
	}
	for _, h := range r.Headings {
		h.Text = back(h.Text, h.TextSpan)
		h.Full = back(h.Full, h.Span)
	}
	for _, sec := range r.Sections {
		if h := sec.Heading; h != nil {
			h.Text = back(h.Text, h.TextSpan)
			h.Full = back(h.Full, h.Span)
		}
	}
	for _, x := range r.Residue {
		x.Text = back(x.Text, x.Span)
	}
	for _, u := range r.Unplaced {
		u.Text = back(u.Text, u.Span)
	}
	for _, t := range r.Tables {
		if t == nil {
			continue
		}
		for _, l := range t.Labels {
			l.Text = back(l.Text, l.Span)
		}
		for _, row := range t.Rows {
			if row.Label != nil {
				row.Label.Text = back(row.Label.Text, row.Label.Span)
			}
			for _, c := range row.Cells {
				if c != nil {
					c.Text = back(c.Text, c.Span)
				}
			}
		}
	}
}

// originalOf maps s, a text read from simple[sp] (possibly without some of
// its characters, such as spacing), back to the characters of orig there.
func originalOf(s string, sp Span, orig, simple string) string {
	if s == "" || sp.Start < 0 || sp.End > len(orig) || sp.End > len(simple) || sp.Start >= sp.End {
		return s
	}
	var b strings.Builder
	i, k := sp.Start, 0
	for i < sp.End && k < len(s) {
		want, wn := utf8.DecodeRuneInString(s[k:])
		got, gn := utf8.DecodeRuneInString(simple[i:])
		if got == want {
			o, _ := utf8.DecodeRuneInString(orig[i:])
			b.WriteRune(o)
			k += wn
		}
		i += gn
	}
	if k < len(s) {
		return s // not a subsequence of the span: keep what the parser read
	}
	return b.String()
}
