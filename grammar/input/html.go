package input

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/gdlint/gdlint/grammar"
)

// ReadHTML reads a saved web page. It does not parse the report itself: it
// renders the page the way a browser shows it, as a view of paragraphs (one
// per line) and table rows (one per line, cells separated by a single tab),
// and hands that view to the text parser. Source.Text is the decoded HTML,
// so every span points at the characters inside the .html file.
func ReadHTML(path string, raw []byte) (*grammar.Source, error) {
	src, err := decodeHTML(path, raw)
	if err != nil {
		return nil, err
	}
	src.SetView(HTMLView(src.Text), "html")
	return src, nil
}

// reMetaCharset finds a declared encoding: <meta charset="gb2312"> or
// <meta http-equiv="Content-Type" content="text/html; charset=gbk">.
var reMetaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// htmlCharset returns the lower-case encoding name declared in the first
// kilobytes of a page, or "".
func htmlCharset(raw []byte) string {
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	if m := reMetaCharset.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// decodeHTML decodes a page as Decode does (UTF-8 with or without BOM, else
// GB18030), refusing a declared encoding it cannot read rather than
// misreading it as GB18030, which accepts nearly any byte sequence.
func decodeHTML(path string, raw []byte) (*grammar.Source, error) {
	body := bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if cs := htmlCharset(raw); cs != "" && !utf8.Valid(body) {
		switch cs {
		case "utf-8", "utf8", "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "csgb2312", "chinese", "iso-ir-58":
		default:
			return nil, fmt.Errorf("%w: the page declares charset %q, which is not supported (UTF-8 and GB18030/GBK/GB2312 are)", ErrEncoding, cs)
		}
	}
	return Decode(path, raw)
}

// ---- a tolerant document tree with source offsets ----

// hnode is an element or a text node of the page. Text nodes keep their raw
// source text and its offset in Source.Text.
type hnode struct {
	tag  string // lower-case element name; "" for a text node
	text string
	// off is where a text node starts, or where an element's content starts
	// (after its start tag): an empty table cell points there
	off    int
	raw    bool // text of a raw-text element (xmp, plaintext): no references
	hidden bool // hidden attribute or display:none
	kids   []*hnode
}

// maxHTMLDepth bounds nesting: deeper start tags are treated as empty, so a
// pathological page cannot exhaust the stack of the recursive renderer.
const maxHTMLDepth = 256

var voidElements = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
	"source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image")

// skipped elements are never shown as text.
var skippedElements = set("script", "style", "noscript", "template", "iframe", "head", "title", "textarea",
	"select", "svg", "math", "object", "canvas", "audio", "video", "noembed", "noframes", "frameset", "datalist", "map")

var blockElements = set("address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
	"dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
	"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "listing", "xmp", "plaintext", "option", "optgroup")

// elements allowed in <head>; any other start tag ends it, as in a browser.
var headElements = set("meta", "link", "title", "style", "script", "noscript", "base", "template", "object", "basefont", "bgsound")

// pScope: an open <p> is not closed across these.
var pScope = set("td", "th", "table", "caption", "html", "template", "button", "object", "marquee", "applet")

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

var reDisplayNone = regexp.MustCompile(`(?i)display\s*:\s*none`)

type treeBuilder struct {
	root  *hnode
	stack []*hnode
}

func (tb *treeBuilder) top() *hnode { return tb.stack[len(tb.stack)-1] }

// find returns the stack index of the innermost open tag, not looking past
// an element in stop; -1 if none.
func (tb *treeBuilder) find(tag string, stop map[string]bool) int {
	for i := len(tb.stack) - 1; i > 0; i-- {
		t := tb.stack[i].tag
		if t == tag {
			return i
		}
		if stop[t] {
			return -1
		}
	}
	return -1
}

func (tb *treeBuilder) popTo(i int) { tb.stack = tb.stack[:i] }

func (tb *treeBuilder) add(n *hnode) {
	p := tb.top()
	p.kids = append(p.kids, n)
}

var (
	tableScope   = set("table", "html", "template")
	cellStop     = set("table", "template")
	liStop       = set("ul", "ol", "menu", "td", "th", "table", "template")
	dlStop       = set("dl", "td", "th", "table", "template")
	blockEndStop = set("td", "th", "table", "caption", "template", "html")
	optionStop   = set("select", "datalist")
)

// inlineEndStop: an inline end tag does not close the blocks opened inside
// it (<b><p>x</b>y</p> keeps x and y in one paragraph, as a browser does).
var inlineEndStop = func() map[string]bool {
	m := set("td", "th", "table", "caption", "template", "html")
	for t := range blockElements {
		m[t] = true
	}
	return m
}()

// tableContext pops open rows, cells and anything in them until the top is
// the table (or its row group) at stack index ti.
func (tb *treeBuilder) tableContext(ti int) {
	for len(tb.stack)-1 > ti {
		t := tb.top().tag
		if t == "tbody" || t == "thead" || t == "tfoot" {
			break
		}
		tb.stack = tb.stack[:len(tb.stack)-1]
	}
}

func (tb *treeBuilder) start(tag string, hidden, selfClosing bool, contentOff int) {
	// leaving <head>
	if hi := tb.find("head", nil); hi > 0 && !headElements[tag] {
		tb.popTo(hi)
	}
	if tag == "body" || tag == "html" || tag == "head" {
		if tb.find(tag, nil) > 0 {
			return // a repeated <body> adds nothing
		}
	}
	switch {
	case tag == "tr":
		if ti := tb.find("table", tableScope); ti > 0 {
			tb.tableContext(ti)
		}
	case tag == "td" || tag == "th":
		if ti := tb.find("table", tableScope); ti > 0 {
			if ri := tb.find("tr", cellStop); ri > ti {
				tb.popTo(ri + 1)
			} else {
				tb.tableContext(ti)
				tr := &hnode{tag: "tr"}
				tb.add(tr)
				tb.stack = append(tb.stack, tr)
			}
		}
	case tag == "tbody" || tag == "thead" || tag == "tfoot" || tag == "caption" || tag == "colgroup":
		if ti := tb.find("table", tableScope); ti > 0 {
			tb.popTo(ti + 1)
		}
	case tag == "li":
		if i := tb.find("li", liStop); i > 0 {
			tb.popTo(i)
		}
	case tag == "dt" || tag == "dd":
		for _, t := range []string{"dt", "dd"} {
			if i := tb.find(t, dlStop); i > 0 {
				tb.popTo(i)
			}
		}
	case tag == "option":
		if i := tb.find("option", optionStop); i > 0 {
			tb.popTo(i)
		}
	}
	if blockElements[tag] && tag != "td" && tag != "th" && tag != "tr" && tag != "li" {
		if i := tb.find("p", pScope); i > 0 {
			tb.popTo(i)
		}
	}
	n := &hnode{tag: tag, off: contentOff, hidden: hidden}
	tb.add(n)
	if voidElements[tag] || selfClosing || len(tb.stack) >= maxHTMLDepth {
		return
	}
	tb.stack = append(tb.stack, n)
}

func (tb *treeBuilder) end(tag string) {
	var stop map[string]bool
	switch tag {
	case "td", "th", "tr", "tbody", "thead", "tfoot", "caption":
		stop = cellStop
	case "table", "body", "html":
		stop = nil
	default:
		stop = blockEndStop
		if !blockElements[tag] {
			stop = inlineEndStop
		}
	}
	if tag == "body" || tag == "html" {
		return // content after </body> is still shown
	}
	if i := tb.find(tag, stop); i > 0 {
		tb.popTo(i)
		return
	}
	switch tag {
	case "p": // a stray </p> makes an empty paragraph
		tb.add(&hnode{tag: "p"})
	case "br":
		tb.add(&hnode{tag: "br"})
	}
}

// buildHTMLTree tokenizes text and builds its element tree. The tokenizer's
// raw tokens partition the input, so a token's offset is the sum of the
// lengths of the tokens before it.
func buildHTMLTree(text string) *hnode {
	root := &hnode{tag: "#root"}
	tb := &treeBuilder{root: root, stack: []*hnode{root}}
	z := html.NewTokenizer(strings.NewReader(text))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		rawLen := len(z.Raw())
		switch tt {
		case html.TextToken:
			top := tb.top()
			n := &hnode{text: text[off : off+rawLen], off: off, raw: top.tag == "xmp" || top.tag == "plaintext"}
			tb.add(n)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := atomName(name)
			hidden := false
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				switch string(key) {
				case "hidden":
					hidden = true
				case "style":
					hidden = hidden || reDisplayNone.Match(val)
				}
			}
			tb.start(tag, hidden, tt == html.SelfClosingTagToken, off+rawLen)
		case html.EndTagToken:
			name, _ := z.TagName()
			tb.end(atomName(name))
		}
		off += rawLen
	}
	return root
}

// atomName interns known tag names, so that the tree does not allocate a
// string per tag.
func atomName(name []byte) string {
	if a := atom.Lookup(name); a != 0 {
		return a.String()
	}
	return string(name)
}

// ---- rendering ----

// HTMLView renders an HTML text as the parser's view: paragraphs and other
// blocks as lines, each data-table row as one line of tab-separated cells
// (an empty cell stays an empty field), inline runs concatenated, whitespace
// collapsed as a browser does.
func HTMLView(text string) *grammar.View {
	r := &htmlRenderer{text: text}
	r.b.Grow(len(text)/4, len(text)/16)
	r.node(buildHTMLTree(text))
	r.boundary()
	return r.b.View()
}

type htmlRenderer struct {
	b    grammar.ViewBuilder
	text string

	lineLen int // view bytes on the current line
	// pending collapsible whitespace: emitted as one space before the next
	// text on the same line, dropped at a line end
	space             bool
	spaceOff, spaceTo int
	spaceBreak        bool // the run held a line break (CSS segment break)
	lastRune          rune

	pre      int  // inside <pre>: whitespace kept
	cell     bool // inside a data-table cell
	cellLen  int
	cellJoin bool // a block boundary inside the cell before the next text
}

// boundary ends the current line (a block starts or ends). Inside a table
// cell the cell's pieces are joined instead.
func (r *htmlRenderer) boundary() {
	r.space = false
	if r.cell {
		if r.cellLen > 0 {
			r.cellJoin = true
		}
		return
	}
	if r.lineLen > 0 {
		r.b.Synth("\n")
		r.lineLen = 0
	}
}

func (r *htmlRenderer) kids(n *hnode) {
	for _, k := range n.kids {
		r.node(k)
	}
}

func (r *htmlRenderer) node(n *hnode) {
	if n.tag == "" {
		r.textNode(n)
		return
	}
	if n.hidden || skippedElements[n.tag] {
		return
	}
	switch {
	case n.tag == "br":
		r.boundary()
	case n.tag == "table" && !r.cell && !isLayoutTable(n):
		r.table(n)
	case n.tag == "pre" || n.tag == "xmp" || n.tag == "listing" || n.tag == "plaintext":
		r.boundary()
		r.pre++
		r.kids(n)
		r.pre--
		r.boundary()
	case blockElements[n.tag]:
		r.boundary()
		r.kids(n)
		r.boundary()
	default:
		r.kids(n)
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func (r *htmlRenderer) textNode(n *hnode) {
	s := n.text
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case r.pre > 0 && !r.cell && (c == '\n' || c == '\r'):
			if c == '\n' {
				r.flushSpace()
				if r.lineLen > 0 {
					r.b.Copy("\n", n.off+i)
					r.lineLen = 0
				}
			}
			i++
		case r.pre > 0 && !r.cell && (c == ' ' || c == '\t'):
			r.emit(s[i:i+1], n.off+i, 1, true)
			i++
		case isHTMLSpace(c):
			r.addSpace(n.off+i, n.off+i+1, c == '\n' || c == '\r')
			i++
		case c == '&' && !n.raw:
			dec, used := charRef(s[i:])
			if used == 0 {
				r.emit("&", n.off+i, 1, true)
				i++
				continue
			}
			if strings.Trim(dec, " \t\n\r\f") == "" {
				r.addSpace(n.off+i, n.off+i+used, strings.ContainsAny(dec, "\n\r"))
			} else {
				r.emit(dec, n.off+i, used, false)
			}
			i += used
		default:
			j := i + 1
			for j < len(s) && !isHTMLSpace(s[j]) && (s[j] != '&' || n.raw) {
				j++
			}
			r.emit(s[i:j], n.off+i, j-i, true)
			i = j
		}
	}
}

func (r *htmlRenderer) addSpace(from, to int, lineBreak bool) {
	if !r.space {
		r.space, r.spaceOff, r.spaceTo, r.spaceBreak = true, from, to, lineBreak
		return
	}
	if from == r.spaceTo { // the same run continues
		r.spaceTo = to
	}
	r.spaceBreak = r.spaceBreak || lineBreak
}

// flushSpace drops pending whitespace (a line end in <pre>).
func (r *htmlRenderer) flushSpace() { r.space = false }

// emit appends text (verbatim or decoded from srcLen source bytes at off),
// preceded by the pending space or cell joiner.
func (r *htmlRenderer) emit(text string, off, srcLen int, verbatim bool) {
	first, _ := utf8.DecodeRuneInString(text)
	has := r.lineLen > 0
	if r.cell {
		has = r.cellLen > 0
	}
	switch {
	case r.cellJoin:
		// pieces of one cell (several <p>, a <br>): CJK joins with nothing
		if !isCJKRune(r.lastRune) && !isCJKRune(first) {
			r.b.Synth(" ")
			r.lineLen++
		}
		r.cellJoin = false
	case r.space && has:
		// a line break between two CJK characters is removed, as the CSS
		// segment-break rules say; other whitespace becomes one space
		if !(r.spaceBreak && isCJKRune(r.lastRune) && isCJKRune(first)) {
			if r.spaceTo-r.spaceOff == 1 && r.text[r.spaceOff] == ' ' {
				r.b.Copy(" ", r.spaceOff)
			} else {
				r.b.Decoded(" ", r.spaceOff, r.spaceTo-r.spaceOff)
			}
			r.lineLen++
			r.cellLen++
		}
	}
	r.space = false
	if verbatim {
		r.b.Copy(text, off)
	} else {
		r.b.Decoded(text, off, srcLen)
	}
	r.lineLen += len(text)
	r.cellLen += len(text)
	r.lastRune, _ = utf8.DecodeLastRuneInString(text)
}

// isCJKRune: Han, kana, CJK punctuation and full-width forms, which are
// written without spaces between them.
func isCJKRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x30FF || r >= 0xFF00 && r <= 0xFFEF ||
		r >= 0x2E80 && r <= 0x2FDF || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}

// charRef decodes the character reference at the start of s ("&nbsp;",
// "&#20013;", "&amp" without its semicolon). It returns the decoded text and
// the number of source bytes it stands for, or 0 when s does not start with
// a reference (a literal "&").
func charRef(s string) (string, int) {
	j := 1
	if j < len(s) && s[j] == '#' {
		j++
		hex := j < len(s) && (s[j] == 'x' || s[j] == 'X')
		if hex {
			j++
		}
		for j < len(s) && j < 16 && (isHexDigit(s[j]) && hex || s[j] >= '0' && s[j] <= '9') {
			j++
		}
	} else {
		for j < len(s) && j < 40 && isAlnum(s[j]) {
			j++
		}
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	cand := s[:j]
	dec := html.UnescapeString(cand)
	if dec == cand {
		return "", 0
	}
	// the decoded text ends with whatever of cand the reference did not use
	// ("&ampx" → "&x")
	k := 0
	for k < len(dec)-1 && k < len(cand)-1 && dec[len(dec)-1-k] == cand[len(cand)-1-k] {
		k++
	}
	return dec[:len(dec)-k], len(cand) - k
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isLayoutTable tells a table used for page layout (it holds another table,
// a heading, or a cell with a long text) from a data table.
func isLayoutTable(t *hnode) bool {
	var walk func(n *hnode, inCell bool) bool
	cellText := 0
	walk = func(n *hnode, inCell bool) bool {
		for _, k := range n.kids {
			switch {
			case k.tag == "":
				if inCell {
					cellText += len(strings.TrimSpace(k.text))
					if cellText > 1500 {
						return true
					}
				}
				continue
			case k.hidden || skippedElements[k.tag]:
				continue
			case k.tag == "table" || len(k.tag) == 2 && k.tag[0] == 'h' && k.tag[1] >= '1' && k.tag[1] <= '6':
				return true
			case (k.tag == "td" || k.tag == "th") && !inCell:
				cellText = 0
				if walk(k, true) {
					return true
				}
				continue
			}
			if walk(k, inCell) {
				return true
			}
		}
		return false
	}
	return walk(t, false)
}

// table renders a data table: one line per row, cells joined by a tab.
func (r *htmlRenderer) table(t *hnode) {
	r.boundary()
	var walk func(n *hnode)
	walk = func(n *hnode) {
		for _, k := range n.kids {
			switch {
			case k.tag == "":
				if strings.Trim(k.text, " \t\n\r\f") != "" {
					r.node(k) // text outside the cells: shown before the table
					r.boundary()
				}
			case k.hidden || skippedElements[k.tag] || k.tag == "colgroup" || k.tag == "col":
			case k.tag == "tr":
				r.row(k)
			case k.tag == "caption" || !containsTag(k, "tr"):
				r.node(k)
				r.boundary()
			default: // tbody, thead, tfoot, a <form> around rows
				walk(k)
			}
		}
	}
	walk(t)
	r.boundary()
}

func containsTag(n *hnode, tag string) bool {
	for _, k := range n.kids {
		if k.tag == tag || k.tag != "" && containsTag(k, tag) {
			return true
		}
	}
	return false
}

func (r *htmlRenderer) row(tr *hnode) {
	var cells []*hnode
	var collect func(n *hnode)
	collect = func(n *hnode) {
		for _, k := range n.kids {
			switch {
			case k.tag == "td" || k.tag == "th":
				if !k.hidden {
					cells = append(cells, k)
				}
			case k.tag != "" && !k.hidden && !skippedElements[k.tag]:
				collect(k) // a <form> or <span> wrapped around cells
			}
		}
	}
	collect(tr)
	if len(cells) == 0 {
		return
	}
	r.boundary()
	// a row of one cell has nothing to separate: its paragraphs stay lines
	// (a one-column table laid around a title and an article)
	if len(cells) == 1 {
		r.kids(cells[0])
		r.boundary()
		return
	}
	// the separator after an empty cell maps to the inside of its <td>, so
	// that the empty cell's zero-width span lands there
	sep := func(s string, prev *hnode, prevEmpty bool) {
		if prevEmpty {
			r.b.Decoded(s, prev.off, 0)
		} else {
			r.b.Synth(s)
		}
	}
	empty, allEmpty := false, true
	for i, c := range cells {
		if i > 0 {
			sep("\t", cells[i-1], empty)
			r.lineLen++
		}
		r.cell, r.cellLen, r.cellJoin, r.space = true, 0, false, false
		r.kids(c)
		r.cell, r.cellJoin, r.space = false, false, false
		empty = r.cellLen == 0
		allEmpty = allEmpty && empty
	}
	if len(cells) == 1 && allEmpty {
		return
	}
	sep("\n", cells[len(cells)-1], empty)
	r.lineLen = 0
}
