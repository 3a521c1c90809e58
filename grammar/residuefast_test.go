package grammar

import (
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refFindResidue is findResidue as it was before its lines were sorted by
// their first byte: every test on every line.
func refFindResidue(p *parser) {
	type lineHit struct {
		line   int
		phrase string
	}
	var hits []lineHit
	for _, h := range p.hits(residuePhrases) {
		if li := p.lineAt(h.off); len(hits) == 0 || hits[len(hits)-1].line != li {
			hits = append(hits, lineHit{li, h.phrase})
		}
	}
	furniture := p.furnitureLines()
	for li, ln := range p.lines {
		if furniture != nil && furniture[li] {
			a, b := trimSpan(p.text, ln.start, ln.end)
			p.addResidue(a, b, "page-number")
			continue
		}
		if ln.end-ln.start <= 40 {
			s := p.text[ln.start:ln.end]
			if maybeExportMark(s) && strings.TrimSpace(s) == "正文" {
				a, b := trimSpan(p.text, ln.start, ln.end)
				p.addResidue(a, b, "export")
				continue
			}
			if len(s) > 0 && pageNumberLead[s[0]] && dashAfterSpaces(s) && maybePageNumber(s) && rePageNumber.MatchString(s) {
				a, b := trimSpan(p.text, ln.start, ln.end)
				p.addResidue(a, b, "page-number")
				continue
			}
		}
		if len(hits) == 0 || hits[0].line > li {
			continue
		}
		for len(hits) > 0 && hits[0].line < li {
			hits = hits[1:]
		}
		if len(hits) == 0 || hits[0].line != li {
			continue
		}
		s := p.text[ln.start:ln.end]
		pat := hits[0].phrase
		if pat == "[bookmark:" {
			for _, m := range reBookmark.FindAllStringIndex(s, -1) {
				p.addResidue(ln.start+m[0], ln.start+m[1], "bookmark")
			}
			continue
		}
		a, b := trimSpan(p.text, ln.start, ln.end)
		kind := "web"
		if strings.HasPrefix(pat, "==") || pat == "本地目录:" || pat == "原文链接:" || pat == "页面链接与图片详见" {
			kind = "crawler"
		}
		if b-a > 300 {
			i := strings.Index(s, pat)
			a, b = ln.start+i, ln.start+i+len(pat)
			if strings.HasPrefix(pat, "当前位置") {
				b = ln.start + i + chromeEnd(s[i:])
			}
		}
		p.addResidue(a, b, kind)
	}
}

// residueOf runs find on text split into lines, furniture being the spans
// of the lines listed (as a PDF front-end gives them: trimmed).
func residueOf(text string, furnitureLines []int, find func(*parser)) []Residue {
	src := NewSource("r.txt", text)
	p := &parser{src: src, v: IdentityView(text), text: text, r: &Report{Source: src}, surplusWindow: -1}
	p.r.View = p.v
	p.splitLines()
	for _, li := range furnitureLines {
		if li < len(p.lines) {
			a, b := trimSpan(text, p.lines[li].start, p.lines[li].end)
			src.Furniture = append(src.Furniture, Span{a, b})
		}
	}
	find(p)
	var out []Residue
	for k, r := range p.r.Residue {
		if p.residue[k] != r.Span {
			panic("residue span and report residue differ")
		}
		out = append(out, *r)
	}
	return out
}

// findResidue finds what it found when every line took every test (not
// only those whose first and last bytes a residue line can have, passed
// over as a run up to the next line with a residue phrase): on the real
// reports (with LF and CRLF breaks, and with furniture lines), and on
// random lines of page numbers, export marks (among each kind of space),
// residue phrases, tabs, CJK and characters outside the BMP.
func TestFindResidueAsEveryLineTested(t *testing.T) {
	found := map[string]int{}
	check := func(name, text string, furniture []int) {
		got := residueOf(text, furniture, (*parser).findResidue)
		want := residueOf(text, furniture, refFindResidue)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: findResidue %v, every line tested %v", name, got, want)
		}
		for _, r := range got {
			found[r.Kind]++
		}
	}
	rng := rand.New(rand.NewSource(31))
	for _, path := range reportFiles(t) {
		raw, err := os.ReadFile(path)
		if err != nil || !utf8.Valid(raw) {
			continue
		}
		text := string(raw)
		lines := strings.Count(text, "\n") + 1
		furniture := []int{rng.Intn(lines), rng.Intn(lines), rng.Intn(lines)}
		check(path, text, nil)
		check(path+" (furniture)", text, furniture)
		check(path+" (CRLF)", strings.ReplaceAll(text, "\n", "\r\n"), furniture)
	}
	pieces := []string{"正文", " 正文 ", "\u3000正文\u3000", "\t", "\t0", "\t\t", "- 3 -", "—12—", "–7–", "-- 100 --", "-", "—",
		"\u3000", "\u00a0", " ", "1", "23", "政府", "信息公开", "年", "𠀀", "\xe6", "\xe3\x80", "\r", "\n", "\r\n", "\n\n", "\f",
		"[bookmark: _Toc1]", "==", "表一", strings.Repeat("政府信息", 30),
		// export marks ending with each kind of space TrimSpace trims
		"正文\u2003", "\u1680正文\u0085", "正文\v", "正文\u205f", "\u3000正文\u2029", "正文\ufeff", "正文。", "\u00a0正文\u00a0"}
	for _, s := range parserPhrases {
		pieces = append(pieces, s.phrases...)
	}
	for range 20000 {
		var b strings.Builder
		for k := rng.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) == 0 {
				b.WriteString([]string{"\n", "\r\n"}[rng.Intn(2)])
			}
		}
		text := b.String()
		var furniture []int
		if rng.Intn(4) == 0 {
			furniture = []int{rng.Intn(4), rng.Intn(4)}
		}
		check(text, text, furniture)
	}
	for _, kind := range []string{"page-number", "export", "web", "bookmark"} {
		if found[kind] < 20 {
			t.Fatalf("only %d residues of kind %s: %v", found[kind], kind, found)
		}
	}
}
