package input

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
)

// ErrDOCX marks a .docx that cannot be read (not a zip, no document part,
// malformed XML, a part too large to unpack).
var ErrDOCX = errors.New("unreadable .docx")

// MaxDOCXPart caps the uncompressed size read from one part of a .docx, so
// that a zip bomb gets an error instead of exhausting memory.
const MaxDOCXPart = 64 << 20

// ReadDOCX reads a Word document. The tables of WordprocessingML are exact,
// so they are read from the XML: every w:tr becomes one line of cells
// separated by a tab (a horizontally merged cell once, a vertically merged
// continuation as an empty field), every paragraph one line.
//
// A .docx has no text to point into: Source.Text is the extracted text
// (Raw keeps the original bytes) and every span and position is a place in
// that text. Edits on it cannot be written back into the archive, so
// --fix must refuse .docx files (report the fixes, never write them).
func ReadDOCX(path string, raw []byte) (*grammar.Source, error) {
	text, err := DOCXText(raw)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%w: the document holds no text", ErrEmpty)
	}
	src := grammar.DecodedSource(path, raw, text, grammar.UTF8)
	src.SetView(grammar.IdentityView(text), "docx")
	return src, nil
}

// DOCXText extracts the text of a .docx as the parser reads it.
func DOCXText(raw []byte) (string, error) {
	if len(raw) > MaxSourceSize {
		return "", ErrTooLarge
	}
	if bytes.HasPrefix(raw, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
		return "", fmt.Errorf("%w: this is an old binary Word file (.doc) or an encrypted document, not a .docx; save it as .docx", ErrDOCX)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return "", fmt.Errorf("%w: not a zip archive (%v)", ErrDOCX, err)
	}
	if len(zr.File) > maxDOCXEntries {
		return "", fmt.Errorf("%w: the archive holds %d entries, more than the %d a Word document could have", ErrDOCX, len(zr.File), maxDOCXEntries)
	}
	name := mainDocumentPart(zr)
	data, err := readZipPart(zr, name)
	if err != nil {
		return "", err
	}
	// automatic numbering lives beside the document; both parts are optional
	dir := path.Dir(name)
	var parts [2][]byte
	for i, n := range []string{"numbering.xml", "styles.xml"} {
		if findZipFile(zr, path.Join(dir, n)) == nil {
			continue
		}
		if parts[i], err = readZipPart(zr, path.Join(dir, n)); err != nil {
			return "", err
		}
	}
	ex := &docxExtractor{num: parseNumbering(parts[0], parts[1])}
	if err := ex.run(data); err != nil {
		return "", fmt.Errorf("%w: %s: %v", ErrDOCX, name, err)
	}
	return ex.out.String(), nil
}

func findZipFile(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// readZipPart reads one part, refusing more than MaxDOCXPart bytes whatever
// the archive's directory claims.
func readZipPart(zr *zip.Reader, name string) ([]byte, error) {
	f := findZipFile(zr, name)
	if f == nil {
		return nil, fmt.Errorf("%w: no %s in the archive (not a Word document?)", ErrDOCX, name)
	}
	if f.UncompressedSize64 > MaxDOCXPart {
		return nil, fmt.Errorf("%w: %s unpacks to %d MiB, more than the %d MiB limit", ErrDOCX, name, f.UncompressedSize64>>20, MaxDOCXPart>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDOCX, name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxDOCXPart+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDOCX, name, err)
	}
	if len(data) > MaxDOCXPart {
		return nil, fmt.Errorf("%w: %s unpacks to more than the %d MiB limit", ErrDOCX, name, MaxDOCXPart>>20)
	}
	return data, nil
}

// mainDocumentPart follows the package relationships to the main document,
// which is word/document.xml unless the producer named it otherwise.
func mainDocumentPart(zr *zip.Reader) string {
	const def = "word/document.xml"
	f := findZipFile(zr, "_rels/.rels")
	if f == nil || f.UncompressedSize64 > 1<<20 {
		return def
	}
	rc, err := f.Open()
	if err != nil {
		return def
	}
	defer rc.Close()
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&rels) != nil {
		return def
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") && r.Target != "" {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		}
	}
	return def
}

// WordprocessingML namespaces: transitional and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func wAttr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (isW(a.Name) || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a toggle property (<w:vanish/>, <w:vanish w:val="false"/>).
func onOff(e xml.StartElement) bool {
	v, ok := wAttr(e, "val")
	return !ok || !(v == "0" || v == "false" || v == "off")
}

type docxTable struct {
	cells    []string
	cell     strings.Builder
	inCell   bool
	join     bool // a paragraph ended inside the cell
	lastRune rune
	vCont    bool // vertically merged continuation: an empty field
	hCont    bool // legacy horizontal merge continuation: no field
}

type docxExtractor struct {
	out  strings.Builder
	para strings.Builder
	// per open paragraph: it was cut by a paragraph inside it (a text box)
	split  []bool
	tables []*docxTable

	skip int // depth inside content that is not shown
	num  *numbering
	// the open paragraph's properties, for its automatic number
	inPPr, inNumPr        bool
	pStyle, numID, numLvl string
	inRun                 bool
	inRPr                 bool
	inTcPr                bool
	inText                bool
	hidden                bool
}

func (ex *docxExtractor) table() *docxTable {
	if len(ex.tables) == 0 {
		return nil
	}
	return ex.tables[len(ex.tables)-1]
}

// write appends text to the open cell or paragraph.
func (ex *docxExtractor) write(s string) {
	if s == "" {
		return
	}
	if t := ex.table(); t != nil && t.inCell {
		if t.join {
			// paragraphs of one cell: CJK joins with nothing
			first, _ := utf8.DecodeRuneInString(s)
			if !isCJKRune(t.lastRune) && !isCJKRune(first) {
				t.cell.WriteByte(' ')
			}
			t.join = false
		}
		t.cell.WriteString(s)
		t.lastRune, _ = utf8.DecodeLastRuneInString(s)
		return
	}
	ex.para.WriteString(s)
}

// breakLine ends a line inside a paragraph (w:br) or joins cell pieces.
func (ex *docxExtractor) breakLine() {
	if t := ex.table(); t != nil && t.inCell {
		if t.cell.Len() > 0 {
			t.join = true
		}
		return
	}
	ex.para.WriteByte('\n')
}

func (ex *docxExtractor) flushPara() {
	ex.out.WriteString(ex.para.String())
	ex.out.WriteByte('\n')
	ex.para.Reset()
}

func (ex *docxExtractor) start(e xml.StartElement) {
	if ex.skip > 0 {
		ex.skip++
		return
	}
	if e.Name.Space == nsMC && e.Name.Local == "Fallback" {
		ex.skip = 1 // the same content as mc:Choice, for older readers
		return
	}
	if !isW(e.Name) {
		return
	}
	t := ex.table()
	switch e.Name.Local {
	case "moveFrom", "del":
		ex.skip = 1 // tracked deletions are not part of the text
	case "pPrChange", "rPrChange", "numberingChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "tblGridChange":
		ex.skip = 1 // properties before a tracked change
	case "pPr":
		ex.inPPr = true
	case "pStyle":
		if ex.inPPr {
			ex.pStyle, _ = wAttr(e, "val")
		}
	case "numPr":
		ex.inNumPr = ex.inPPr
	case "ilvl":
		if ex.inNumPr {
			ex.numLvl, _ = wAttr(e, "val")
		}
	case "numId":
		if ex.inNumPr {
			ex.numID, _ = wAttr(e, "val")
		}
	case "p":
		ex.pStyle, ex.numID, ex.numLvl = "", "", ""
		// a paragraph inside a paragraph (a text box) starts a new line
		if (t == nil || !t.inCell) && ex.para.Len() > 0 {
			ex.flushPara()
			if n := len(ex.split); n > 0 {
				ex.split[n-1] = true
			}
		}
		ex.split = append(ex.split, false)
	case "r":
		ex.inRun, ex.hidden = true, false
	case "rPr":
		ex.inRPr = ex.inRun
	case "vanish":
		if ex.inRPr && onOff(e) {
			ex.hidden = true
		}
	case "t":
		ex.inText = ex.inRun
	case "tab", "ptab":
		if ex.inRun && !ex.hidden {
			if t != nil && t.inCell {
				ex.write(" ")
			} else {
				ex.write("\t")
			}
		}
	case "br", "cr":
		if ex.inRun && !ex.hidden {
			ex.breakLine()
		}
	case "noBreakHyphen":
		if ex.inRun && !ex.hidden {
			ex.write("-")
		}
	case "tbl":
		if t != nil && t.inCell {
			// a table inside a cell: the outer row so far becomes a line,
			// the inner rows follow, the outer row goes on after them
			cells := append(t.cells, t.cell.String())
			ex.out.WriteString(strings.Join(cells, "\t"))
			ex.out.WriteByte('\n')
			t.cells, t.join = nil, false
			t.cell.Reset()
		} else if ex.para.Len() > 0 {
			ex.flushPara()
		}
		ex.tables = append(ex.tables, &docxTable{})
	case "tr":
		if t != nil {
			t.cells = t.cells[:0]
		}
	case "tc":
		if t != nil {
			t.inCell, t.join, t.vCont, t.hCont = true, false, false, false
			t.cell.Reset()
		}
	case "tcPr":
		ex.inTcPr = true
	case "vMerge":
		if ex.inTcPr && t != nil {
			v, _ := wAttr(e, "val")
			t.vCont = v == "" || v == "continue"
		}
	case "hMerge":
		if ex.inTcPr && t != nil {
			v, _ := wAttr(e, "val")
			t.hCont = v == "" || v == "continue"
		}
	}
}

func (ex *docxExtractor) end(e xml.EndElement) {
	if ex.skip > 0 {
		ex.skip--
		return
	}
	if !isW(e.Name) {
		return
	}
	t := ex.table()
	switch e.Name.Local {
	case "pPr":
		ex.inPPr = false
		ex.write(ex.num.label(ex.numID, ex.numLvl, ex.pStyle))
	case "numPr":
		ex.inNumPr = false
	case "p":
		split := false
		if n := len(ex.split); n > 0 {
			split, ex.split = ex.split[n-1], ex.split[:n-1]
		}
		if t != nil && t.inCell {
			if t.cell.Len() > 0 {
				t.join = true
			}
			return
		}
		// the rest of a paragraph cut by a text box, unless nothing is left
		if !split || ex.para.Len() > 0 {
			ex.flushPara()
		}
	case "r":
		ex.inRun, ex.hidden, ex.inText = false, false, false
	case "rPr":
		ex.inRPr = false
	case "t":
		ex.inText = false
	case "tcPr":
		ex.inTcPr = false
	case "tc":
		if t == nil || !t.inCell {
			return
		}
		switch {
		case t.hCont:
		case t.vCont:
			t.cells = append(t.cells, "")
		default:
			t.cells = append(t.cells, t.cell.String())
		}
		t.inCell = false
		t.cell.Reset()
	case "tr":
		if t != nil && len(t.cells) > 0 {
			ex.out.WriteString(strings.Join(t.cells, "\t"))
			ex.out.WriteByte('\n')
			t.cells = t.cells[:0]
		}
	case "tbl":
		if t != nil {
			ex.tables = ex.tables[:len(ex.tables)-1]
		}
	}
}

// maxDOCXDepth bounds the nesting of a part's XML elements. Word's deepest
// real structures (tables in tables in text boxes) stay under a hundred;
// a hostile part nested millions deep would make the decoder's stack
// grow by gigabytes.
const maxDOCXDepth = 1000

// maxDOCXEntries bounds the number of entries of the archive (a real .docx
// has a few dozen): each costs memory before anything is read.
const maxDOCXEntries = 10000

// errTooDeep is a part nested deeper than maxDOCXDepth.
var errTooDeep = fmt.Errorf("elements nested more than %d deep", maxDOCXDepth)

func (ex *docxExtractor) run(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDOCXDepth {
				return errTooDeep
			}
			ex.start(tk)
		case xml.EndElement:
			depth--
			ex.end(tk)
		case xml.CharData:
			if ex.inText && !ex.hidden && ex.skip == 0 {
				// a stray tab or newline inside w:t is a space in Word
				ex.write(strings.Map(func(r rune) rune {
					if r == '\t' || r == '\n' || r == '\r' {
						return ' '
					}
					return r
				}, string(tk)))
			}
		}
	}
	if ex.para.Len() > 0 {
		ex.flushPara()
	}
	return nil
}
