package input

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Word's automatic numbering ("一、" "（一）" "1." typed by Word, not by the
// author) is not in the document's text: it is computed from numbering.xml
// (and the paragraph styles that carry a numbering). The parser needs those
// numbers to see the headings, so the extractor computes them as Word does.

type numLevel struct {
	start   int
	format  string // numFmt: decimal, chineseCounting, …
	text    string // lvlText: "%1、", "（%2）"
	suffix  string // suff: tab (default), space, nothing
	isLegal bool
}

type numbering struct {
	abstract map[string][]*numLevel // abstractNumId → levels 0..8
	nums     map[string]numInstance // numId → instance
	styles   map[string]styleNum    // paragraph styleId → numbering it carries
	counters map[string][]int       // abstractNumId → current value per level (0 = not started)
	started  map[string]bool        // numId seen (for startOverride)
}

type numInstance struct {
	abstract  string
	overrides map[int]int // level → startOverride
}

type styleNum struct {
	numID, ilvl string
	basedOn     string
}

// parseNumbering reads numbering.xml and styles.xml; either may be missing.
// maxNumberingDefs bounds the list definitions read from numbering.xml (a
// real document has tens): each costs memory.
const maxNumberingDefs = 10000

func parseNumbering(numXML, stylesXML []byte) *numbering {
	n := &numbering{abstract: map[string][]*numLevel{}, nums: map[string]numInstance{}, styles: map[string]styleNum{},
		counters: map[string][]int{}, started: map[string]bool{}}
	if len(numXML) > 0 {
		n.readNumbering(numXML)
	}
	if len(stylesXML) > 0 {
		n.readStyles(stylesXML)
	}
	return n
}

// set records one property of a level definition: start, numFmt, lvlText,
// suff or isLgl, with its w:val.
func (l *numLevel) set(t xml.StartElement, val string) {
	switch t.Name.Local {
	case "start":
		if v, err := strconv.Atoi(val); err == nil {
			l.start = v
		}
	case "numFmt":
		l.format = val
	case "lvlText":
		l.text = val
	case "suff":
		l.suffix = val
	case "isLgl":
		l.isLegal = onOff(t)
	}
}

func (n *numbering) readNumbering(data []byte) {
	var absID, numID string
	var lvl *numLevel
	ovLevel := -1
	start := func(t xml.StartElement, val string) {
		switch t.Name.Local {
		case "abstractNum":
			absID, _ = wAttr(t, "abstractNumId")
			if _, seen := n.abstract[absID]; !seen && len(n.abstract) >= maxNumberingDefs {
				absID = "" // beyond any real document: not read
				return
			}
			n.abstract[absID] = make([]*numLevel, 9)
		case "lvl":
			i, err := strconv.Atoi(attrOr(t, "ilvl", "0"))
			lvl = nil
			if err == nil && i >= 0 && i < 9 && absID != "" && numID == "" {
				lvl = &numLevel{start: 1, format: "decimal"}
				n.abstract[absID][i] = lvl
			}
		case "start", "numFmt", "lvlText", "suff", "isLgl":
			if lvl != nil {
				lvl.set(t, val)
			}
		case "num":
			numID, _ = wAttr(t, "numId")
			if _, seen := n.nums[numID]; !seen && len(n.nums) >= maxNumberingDefs {
				numID = "\x00" // beyond any real document: its content is not read
				return
			}
			n.nums[numID] = numInstance{overrides: map[int]int{}}
		case "abstractNumId":
			if inst, ok := n.nums[numID]; ok {
				inst.abstract = val
				n.nums[numID] = inst
			}
		case "lvlOverride":
			ovLevel, _ = strconv.Atoi(attrOr(t, "ilvl", "-1"))
		case "startOverride":
			if inst, ok := n.nums[numID]; ok && ovLevel >= 0 && ovLevel < 9 {
				if v, err := strconv.Atoi(val); err == nil {
					inst.overrides[ovLevel] = v
				}
			}
		}
	}
	eachW(data, start, func(local string) {
		switch local {
		case "abstractNum":
			absID = ""
		case "lvl":
			lvl = nil
		case "num":
			numID = ""
		case "lvlOverride":
			ovLevel = -1
		}
	})
}

// eachW calls start for every start element in the w: namespace, with its
// w:val, and end with the local name of every such end element, until the
// XML ends or breaks: what was read so far still counts.
func eachW(data []byte, start func(t xml.StartElement, val string), end func(local string)) {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDOCXDepth {
				return // what was read so far counts; the rest is hostile
			}
			if isW(t.Name) {
				val, _ := wAttr(t, "val")
				start(t, val)
			}
		case xml.EndElement:
			depth--
			if isW(t.Name) {
				end(t.Name.Local)
			}
		}
	}
}

func attrOr(e xml.StartElement, local, def string) string {
	if v, ok := wAttr(e, local); ok {
		return v
	}
	return def
}

func (n *numbering) readStyles(data []byte) {
	var id string
	var cur styleNum
	start := func(t xml.StartElement, val string) {
		switch t.Name.Local {
		case "style":
			id, cur = "", styleNum{}
			if typ, _ := wAttr(t, "type"); typ == "paragraph" || typ == "" {
				id, _ = wAttr(t, "styleId")
			}
		case "basedOn":
			cur.basedOn = val
		case "numId":
			cur.numID = val
		case "ilvl":
			cur.ilvl = val
		}
	}
	eachW(data, start, func(local string) {
		if local == "style" && id != "" {
			n.styles[id] = cur
			id = ""
		}
	})
}

// label returns the number Word shows before a paragraph, or "". numID and
// ilvl come from the paragraph (empty when it has none), style from its
// w:pStyle.
func (n *numbering) label(numID, ilvl, style string) string {
	if n == nil {
		return ""
	}
	// the style chain supplies what the paragraph does not say
	for depth := 0; style != "" && depth < 16 && (numID == "" || ilvl == ""); depth++ {
		s, ok := n.styles[style]
		if !ok {
			break
		}
		if numID == "" {
			numID = s.numID
		}
		if ilvl == "" {
			ilvl = s.ilvl
		}
		style = s.basedOn
	}
	if numID == "" || numID == "0" {
		return ""
	}
	inst, ok := n.nums[numID]
	if !ok {
		return ""
	}
	levels := n.abstract[inst.abstract]
	lv, err := strconv.Atoi(ilvl)
	if ilvl == "" {
		lv, err = 0, nil
	}
	if levels == nil || err != nil || lv < 0 || lv >= 9 || levels[lv] == nil {
		return ""
	}
	ctr := n.counters[inst.abstract]
	if ctr == nil {
		ctr = make([]int, 9)
		n.counters[inst.abstract] = ctr
	}
	start := func(l int) int {
		if v, ok := inst.overrides[l]; ok {
			return v
		}
		if levels[l] != nil {
			return levels[l].start
		}
		return 1
	}
	// a list instance with a startOverride restarts those levels
	if !n.started[numID] {
		n.started[numID] = true
		for l := range inst.overrides {
			ctr[l] = 0
		}
	}
	if ctr[lv] == 0 {
		ctr[lv] = start(lv)
	} else {
		ctr[lv]++
	}
	for l := lv + 1; l < 9; l++ {
		ctr[l] = 0
	}
	text := levels[lv].text
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v := ctr[l]
			if v == 0 {
				v = start(l)
			}
			format := "decimal"
			if levels[l] != nil {
				format = levels[l].format
			}
			if levels[lv].isLegal {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	if levels[lv].format == "bullet" || levels[lv].format == "none" {
		return "" // bullet glyphs are symbol-font characters, not text
	}
	return numberSuffix(b.String(), levels[lv].suffix)
}

var (
	cnDigits      = []rune("〇一二三四五六七八九")
	cnTraditional = []rune("甲乙丙丁戊己庚辛壬癸")
	cnLegal       = []rune("零壹贰叁肆伍陆柒捌玖")
	circled       = []rune("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
)

// formatNumber renders v in a WordprocessingML number format.
func formatNumber(v int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "koreanCounting":
		return cnCount(v, cnDigits, "十")
	case "chineseLegalSimplified":
		return cnCount(v, cnLegal, "拾")
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		var b strings.Builder
		for _, c := range strconv.Itoa(v) {
			b.WriteRune(cnDigits[c-'0'])
		}
		return b.String()
	case "ideographTraditional":
		if v >= 1 && v <= 10 {
			return string(cnTraditional[v-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(circled[v-1])
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(v))
	case "decimalZero":
		if v < 10 && v >= 0 {
			return "0" + strconv.Itoa(v)
		}
	case "lowerLetter", "upperLetter":
		if v >= 1 && v <= 26*8 {
			c := rune('a' + (v-1)%26)
			if format == "upperLetter" {
				c = rune('A' + (v-1)%26)
			}
			return strings.Repeat(string(c), (v-1)/26+1)
		}
	case "lowerRoman", "upperRoman":
		if v >= 1 && v < 4000 {
			r := roman(v)
			if format == "lowerRoman" {
				r = strings.ToLower(r)
			}
			return r
		}
	}
	return strconv.Itoa(v)
}

// cnCount writes 1..99 as 一 … 十 … 十一 … 九十九; larger numbers digit by digit.
func cnCount(v int, digits []rune, ten string) string {
	switch {
	case v <= 0 || v >= 100:
		var b strings.Builder
		for _, c := range strconv.Itoa(v) {
			if c >= '0' && c <= '9' {
				b.WriteRune(digits[c-'0'])
			} else {
				b.WriteRune(c)
			}
		}
		return b.String()
	case v < 10:
		return string(digits[v])
	}
	s := ten
	if v/10 > 1 {
		s = string(digits[v/10]) + ten
	}
	if v%10 != 0 {
		s += string(digits[v%10])
	}
	return s
}

func roman(v int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}

// numberSuffix is what separates a number from the paragraph text: nothing
// after CJK punctuation ("一、总体情况"), else a space ("1. text").
func numberSuffix(label, suff string) string {
	if label == "" || suff == "nothing" {
		return label
	}
	last, _ := utf8.DecodeLastRuneInString(label)
	if isCJKRune(last) {
		return label
	}
	return label + " "
}
