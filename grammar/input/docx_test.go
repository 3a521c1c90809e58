package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/batchtest"
)

// ---- building .docx files in the test ----

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>`

const docxTail = `<w:sectPr/></w:body></w:document>`

func wRuns(texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:ascii="仿宋"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, t)
	}
	return b.String()
}

// wP is a paragraph of runs.
func wP(texts ...string) string {
	return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>` + wRuns(texts...) + `</w:p>`
}

func wTbl(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>` + strings.Join(rows, "") + `</w:tbl>`
}

func wTr(cells ...string) string { return `<w:tr><w:trPr/>` + strings.Join(cells, "") + `</w:tr>` }

// wTc is a cell; an empty text gives an empty paragraph, as Word writes it.
func wTc(text string) string {
	if text == "" {
		return `<w:tc><w:tcPr><w:tcW w:w="600"/></w:tcPr><w:p/></w:tc>`
	}
	return `<w:tc><w:tcPr><w:tcW w:w="600"/></w:tcPr>` + wP(text) + `</w:tc>`
}

func wTcSpan(text string, n int) string {
	return fmt.Sprintf(`<w:tc><w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>%s</w:tc>`, n, wP(text))
}

func wTcV(text, merge string) string {
	attr := ""
	if merge == "restart" {
		attr = ` w:val="restart"`
	}
	if text == "" {
		return fmt.Sprintf(`<w:tc><w:tcPr><w:vMerge%s/></w:tcPr><w:p/></w:tc>`, attr)
	}
	return fmt.Sprintf(`<w:tc><w:tcPr><w:vMerge%s/></w:tcPr>%s</w:tc>`, attr, wP(text))
}

func vals(vs ...string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = wTc(v)
	}
	return out
}

func makeDOCX(t testing.TB, body string) []byte {
	return batchtest.DOCX(t, docxHead+body+docxTail)
}

// reportDOCX is a report in the template with the three tables as Word
// writes them: merged headers, vertically merged group cells, empty cells.
func reportDOCX() string {
	var b strings.Builder
	b.WriteString(wP("示例县统计局2023年", "政府信息公开工作年度报告"))
	b.WriteString(`<w:p/>`)
	b.WriteString(wP("𠀀本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"))
	b.WriteString(wP("一、总体情况"))
	// hidden and deleted text, and mc:Fallback, are not part of the text
	b.WriteString(`<w:p>` + wRuns("本局依法公开政府信息") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏999</w:t></w:r>` +
		`<w:del w:id="1"><w:r><w:delText>删除888</w:delText></w:r></w:del><w:ins w:id="2">` + wRuns("。") + `</w:ins>` +
		`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + wP("文本框") + `</w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><w:txbxContent>` + wP("文本框") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	b.WriteString(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` + wRuns("甲") + `<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>`)
	b.WriteString(wP("二、主动公开政府信息情况"))
	b.WriteString(wTbl(
		wTr(wTcSpan("第二十条第（一）项", 4)),
		wTr(vals("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")...),
		wTr(vals("规章", "0", "0", "0")...),
		wTr(vals("行政规范性文件", "3", "1", "12")...),
		wTr(wTcSpan("第二十条第（五）项", 4)),
		wTr(wTc("信息内容"), wTcSpan("本年处理决定数量", 3)),
		wTr(wTc("行政许可"), wTcSpan("45", 3)),
		wTr(wTcSpan("第二十条第（六）项", 4)),
		wTr(wTc("信息内容"), wTcSpan("本年处理决定数量", 3)),
		wTr(wTc("行政处罚"), wTcSpan("7", 3)),
		wTr(wTc("行政强制"), wTcSpan("0", 3)),
		wTr(wTcSpan("第二十条第（八）项", 4)),
		wTr(wTc("信息内容"), wTcSpan("本年收费金额（单位：万元）", 3)),
		wTr(wTc("行政事业性收费"), wTcSpan("1.5", 3)),
	))
	b.WriteString(wP("三、收到和处理政府信息公开申请情况"))
	zeros := vals("0", "0", "0", "0", "0", "0", "0")
	rows := []string{
		wTr(append([]string{wTcSpan("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3)},
			`<w:tc><w:tcPr><w:gridSpan w:val="7"/></w:tcPr><w:p>`+wRuns("申请人情", "况")+`</w:p></w:tc>`)...),
		wTr(wTcSpan("", 3), wTcV("自然人", "restart"), wTcSpan("法人或其他组织", 5), wTcV("总计", "restart")),
		wTr(append([]string{wTcSpan("", 3), wTcV("", "continue")}, append(vals("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"), wTcV("", "continue"))...)...),
		wTr(append([]string{wTcSpan("一、本年新收政府信息公开申请数量", 3)}, vals("10", "2", "", "", "", "", "12")...)...),
		wTr(append([]string{wTcSpan("二、上年结转政府信息公开申请数量", 3)}, vals("1", "0", "", "", "", "", "1")...)...),
		wTr(append([]string{wTcV("三、本年度办理结果", "restart"), wTcSpan("（一）予以公开", 2)}, vals("5", "1", "0", "0", "0", "0", "6")...)...),
		wTr(append([]string{wTcV("", "continue"), wTcSpan("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2)}, vals("2", "0", "0", "0", "0", "0", "2")...)...),
	}
	group := func(name string, labels []string, first []string) {
		for i, l := range labels {
			g := wTcV("", "continue")
			if i == 0 {
				g = wTcV(name, "restart")
			}
			v := zeros
			if i == 0 && first != nil {
				v = vals(first...)
			}
			rows = append(rows, wTr(append([]string{wTcV("", "continue"), g, wTc(l)}, v...)...))
		}
	}
	group("（三）不予公开", []string{"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
		"5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"}, []string{"1", "0", "0", "0", "0", "0", "1"})
	group("（四）无法提供", []string{"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"}, []string{"1", "0", "0", "0", "0", "0", "1"})
	group("（五）不予处理", []string{"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"}, nil)
	group("（六）其他处理", []string{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"}, nil)
	rows = append(rows,
		wTr(append([]string{wTcV("", "continue"), wTcSpan("（七）总计", 2)}, vals("9", "1", "0", "0", "0", "0", "10")...)...),
		wTr(append([]string{wTcSpan("四、结转下年度继续办理", 3)}, vals("2", "1", "", "", "", "", "3")...)...))
	b.WriteString(wTbl(rows...))
	b.WriteString(wP("四、政府信息公开行政复议、行政诉讼情况"))
	twoLine := func(a, c string) string {
		return `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + wP(a) + wP(c) + `</w:tc>`
	}
	cont := wTcV("", "continue")
	b.WriteString(wTbl(
		wTr(wTcSpan("行政复议", 5), wTcSpan("行政诉讼", 10)),
		wTr(twoLine("结果", "维持"), twoLine("结果", "纠正"), twoLine("其他", "结果"), twoLine("尚未", "审结"), wTcV("总计", "restart"),
			wTcSpan("未经复议直接起诉", 5), wTcSpan("复议后起诉", 5)),
		wTr(append([]string{cont, cont, cont, cont, cont}, vals("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计")...)...),
		wTr(vals("1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0")...),
	))
	b.WriteString(wP("五、存在的主要问题及改进情况"))
	b.WriteString(wP("公开内容还不够全面。"))
	b.WriteString(wP("六、其他需要报告的事项"))
	b.WriteString(wP("本年度未收取信息处理费。"))
	b.WriteString(wP("示例县统计局"))
	b.WriteString(wP("2024年1月20日"))
	return b.String()
}

func TestDOCXText(t *testing.T) {
	text, err := DOCXText(makeDOCX(t, reportDOCX()))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"示例县统计局2023年政府信息公开工作年度报告\n\n𠀀本报告",
		"本局依法公开政府信息。\n文本框\n甲", // hidden and deleted runs dropped, the text box once
		"\n甲\t乙\n丙\n",   // w:tab outside tables is a tab, w:br a line break
		"\n第二十条第（一）项\n", // a merged row: the cell once
		"\n行政许可\t45\n",  // gridSpan: once
		"\t申请人情况\n",     // a label split across runs
		"\n一、本年新收政府信息公开申请数量\t10\t2\t\t\t\t\t12\n",         // empty cells stay empty fields
		"\n三、本年度办理结果\t（一）予以公开\t5\t",                       // vMerge restart
		"\n\t（二）部分公开",                                     // vMerge continuation: an empty field
		"\n\t（三）不予公开\t1.属于国家秘密\t1\t",                      // two merged columns
		"\n\t\t2.其他法律行政法规禁止公开\t0\t",                       // both continued
		"\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n", // cell paragraphs join
	} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
	for _, not := range []string{"999", "888", "隐藏", "文本框\n文本框"} {
		if strings.Contains(text, not) {
			t.Errorf("extracted text holds %q", not)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

func TestParseDOCX(t *testing.T) {
	raw := makeDOCX(t, reportDOCX())
	r, err := Parse("report.docx", raw)
	if err != nil {
		t.Fatal(err)
	}
	src := r.Source
	if r.Rendering != "docx" || src.Encoding != grammar.UTF8 || !bytes.Equal(src.Raw, raw) {
		t.Errorf("rendering %q, encoding %v, raw kept %v", r.Rendering, src.Encoding, bytes.Equal(src.Raw, raw))
	}
	if r.Title == nil || r.Title.Text != "示例县统计局2023年政府信息公开工作年度报告" || r.Title.Year != 2023 {
		t.Fatalf("title %+v", r.Title)
	}
	if r.Period == nil || r.Period.Start.Date != (grammar.Date{Year: 2023, Month: 1, Day: 1}) || r.Period.End.Date != (grammar.Date{Year: 2023, Month: 12, Day: 31}) {
		t.Fatalf("period %+v", r.Period)
	}
	// 𠀀 before the date: byte, character and UTF-16 columns differ
	off := r.Period.Start.Span.Start
	line := src.Text[src.LineStart(src.Line(off)):off]
	ch, u := src.CharPos(off), src.UTF16Pos(off)
	if src.UTF8Pos(off).Col != len(line) || ch.Col != utf8.RuneCountInString(line) || u.Col != ch.Col+1 || ch.Line != 2 {
		t.Errorf("period start at %v / %v after %q", ch, u, line)
	}
	if len(r.Sections) != 6 {
		t.Errorf("%d sections", len(r.Sections))
	}
	if r.Signature == nil || r.Signature.Date == nil || r.Signature.Date.Date != (grammar.Date{Year: 2024, Month: 1, Day: 20}) {
		t.Errorf("signature %+v", r.Signature)
	}
	want := []wantCell{
		{1, grammar.RowRules, grammar.ColIssued, grammar.CellNumber, "0"},
		{1, grammar.RowNormative, grammar.ColInForce, grammar.CellNumber, "12"},
		{1, grammar.RowLicensing, grammar.ColDecided, grammar.CellNumber, "45"},
		{1, grammar.RowPenalty, grammar.ColDecided, grammar.CellNumber, "7"},
		{1, grammar.RowFees, grammar.ColAmount, grammar.CellNumber, "1.5"},
		{2, grammar.RowNew, grammar.ColNatural, grammar.CellNumber, "10"},
		{2, grammar.RowNew, grammar.ColCommercial, grammar.CellNumber, "2"},
		{2, grammar.RowNew, grammar.ColResearch, grammar.CellEmpty, ""},
		{2, grammar.RowNew, grammar.ColOther, grammar.CellEmpty, ""},
		{2, grammar.RowNew, grammar.ColTotal, grammar.CellNumber, "12"},
		{2, grammar.RowCarried, grammar.ColTotal, grammar.CellNumber, "1"},
		{2, "public", grammar.ColTotal, grammar.CellNumber, "6"},
		{2, "partial", grammar.ColNatural, grammar.CellNumber, "2"},
		{2, "deny.secret", grammar.ColNatural, grammar.CellNumber, "1"},
		{2, "deny.law", grammar.ColNatural, grammar.CellNumber, "0"},
		{2, "unable.not_held", grammar.ColTotal, grammar.CellNumber, "1"},
		{2, "other.other", grammar.ColTotal, grammar.CellNumber, "0"},
		{2, grammar.RowTotal, grammar.ColNatural, grammar.CellNumber, "9"},
		{2, grammar.RowTotal, grammar.ColTotal, grammar.CellNumber, "10"},
		{2, grammar.RowCarryOver, grammar.ColCommercial, grammar.CellNumber, "1"},
		{2, grammar.RowCarryOver, grammar.ColLegal, grammar.CellEmpty, ""},
		{2, grammar.RowCarryOver, grammar.ColTotal, grammar.CellNumber, "3"},
		{3, grammar.RowReview, grammar.ColUpheld, grammar.CellNumber, "1"},
		{3, grammar.RowReview, grammar.ColPending, grammar.CellNumber, "1"},
		{3, grammar.RowReview, grammar.ColTotal, grammar.CellNumber, "2"},
		{3, grammar.RowSuitAfter, grammar.ColTotal, grammar.CellNumber, "0"},
	}
	checkCells(t, r, want)
	for _, tb := range r.Tables {
		if tb == nil {
			t.Fatal("a table is missing")
		}
		if tb.Layout != "docx" || len(tb.Problems) != 0 {
			t.Errorf("table %d: layout %q, problems %+v", tb.ID, tb.Layout, tb.Problems)
		}
		for _, c := range tb.Cells() {
			got := src.Text[c.Span.Start:c.Span.End]
			if got != c.Text || c.Kind == grammar.CellEmpty && c.Span.Len() != 0 {
				t.Errorf("table %d %s/%s: span covers %q, text %q", tb.ID, c.Row.Key, c.Col.Key, got, c.Text)
			}
		}
	}
	// positions are lines of the extracted text: the row of 一、本年新收
	c := r.Table(2).Cell(grammar.RowNew, grammar.ColTotal)
	ln := src.Text[src.LineStart(src.Line(c.Span.Start)):src.LineEnd(src.Line(c.Span.Start))]
	if ln != "一、本年新收政府信息公开申请数量\t10\t2\t\t\t\t\t12" {
		t.Errorf("一/总计 on line %q", ln)
	}
	if len(r.Unplaced) != 0 {
		t.Errorf("unplaced %+v", r.Unplaced[0])
	}
}

func TestDOCXNestedTable(t *testing.T) {
	body := wTbl(wTr(wTc("外"), `<w:tc>`+wP("前")+wTbl(wTr(vals("规章", "0")...))+wP("后")+`</w:tc>`, wTc("尾")))
	text, err := DOCXText(makeDOCX(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if want := "外\t前\n规章\t0\n后\t尾\n"; text != want {
		t.Errorf("got %q, want %q", text, want)
	}
}

func TestDOCXMainPartFromRelationships(t *testing.T) {
	raw := batchtest.Zip(t,
		batchtest.ZipEntry{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`},
		batchtest.ZipEntry{"word/document2.xml", docxHead + wP("正文") + docxTail})
	text, err := DOCXText(raw)
	if err != nil || text != "正文\n" {
		t.Errorf("got %q, %v", text, err)
	}
}

func TestDOCXStrictNamespace(t *testing.T) {
	doc := strings.ReplaceAll(docxHead+wP("正文")+docxTail,
		"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
	text, err := DOCXText(batchtest.Zip(t, batchtest.ZipEntry{"word/document.xml", doc}))
	if err != nil || text != "正文\n" {
		t.Errorf("got %q, %v", text, err)
	}
}

func TestDOCXErrors(t *testing.T) {
	// a part whose directory entry claims 1 TiB: refused before reading
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	data := []byte(docxHead + docxTail)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store,
		CRC32: crc32.ChecksumIEEE(data), CompressedSize64: uint64(len(data)), UncompressedSize64: 1 << 40})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	zw.Close()

	cases := []struct {
		name string
		raw  []byte
		want string
	}{
		{"not a zip", []byte("这不是压缩包"), "not a zip archive"},
		{"old .doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), "old binary Word file"},
		{"no document part", batchtest.Zip(t, batchtest.ZipEntry{"word/styles.xml", "<w:styles/>"}), "no word/document.xml"},
		{"malformed XML", batchtest.Zip(t, batchtest.ZipEntry{"word/document.xml", docxHead + "<w:p><w:r><w:t>甲</w:r></w:p>" + docxTail}), "word/document.xml"},
		{"truncated XML", batchtest.Zip(t, batchtest.ZipEntry{"word/document.xml", docxHead + "<w:p><w:r><w:t>甲"}), "word/document.xml"},
		{"zip bomb", bomb.Bytes(), "limit"},
		{"no text", makeDOCX(t, "<w:p/><w:p/>"), "no text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse("x.docx", c.raw)
			if err == nil || r != nil {
				t.Fatalf("no error (report %v)", r)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q lacks %q", err, c.want)
			}
			if c.name != "no text" && !errors.Is(err, ErrDOCX) {
				t.Errorf("error %v is not ErrDOCX", err)
			}
		})
	}
}

const numberingXML = `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`

const stylesXML = `<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`

func numbered(style, numID, ilvl, text string) string {
	ppr := `<w:pPr>`
	if style != "" {
		ppr += `<w:pStyle w:val="` + style + `"/>`
	}
	if numID != "" {
		ppr += `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
	}
	ppr += `<w:pPrChange w:id="9"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:pPrChange></w:pPr>`
	return `<w:p>` + ppr + wRuns(text) + `</w:p>`
}

// Word's automatic numbering is computed: headings numbered through their
// style or their own w:numPr read as 一、 （一） 1.
func TestDOCXAutomaticNumbering(t *testing.T) {
	body := numbered("1", "", "", "总体情况") +
		numbered("2", "", "", "主动公开") +
		numbered("2", "", "", "依申请公开") +
		numbered("MyHeading", "", "", "主动公开政府信息情况") + // through basedOn
		numbered("2", "", "", "规章") + // level 1 restarts under a new level 0
		numbered("", "1", "2", "属于国家秘密") +
		numbered("", "1", "2", "其他") +
		numbered("", "2", "0", "要点") + // a bullet: no text
		numbered("1", "0", "0", "不编号") + // numId 0 removes the style's number
		wTbl(wTr(`<w:tc>`+numbered("", "3", "2", "属于国家秘密")+`</w:tc>`, wTc("0")))
	raw := batchtest.Zip(t,
		batchtest.ZipEntry{"word/document.xml", docxHead + body + docxTail},
		batchtest.ZipEntry{"word/numbering.xml", numberingXML},
		batchtest.ZipEntry{"word/styles.xml", stylesXML})
	text, err := DOCXText(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := "一、总体情况\n（一）主动公开\n（二）依申请公开\n二、主动公开政府信息情况\n（一）规章\n" +
		"1.属于国家秘密\n2.其他\n要点\n不编号\n1.属于国家秘密\t0\n" // numId 3: startOverride restarts
	if text != want {
		t.Errorf("got\n%s\nwant\n%s", text, want)
	}
	// and the parser sees the sections
	r, err := Parse("n.docx", batchtest.Zip(t,
		batchtest.ZipEntry{"word/document.xml", docxHead + numbered("1", "", "", "总体情况") + wP("正文。") +
			numbered("1", "", "", "主动公开政府信息情况") + numbered("1", "", "", "收到和处理政府信息公开申请情况") + docxTail},
		batchtest.ZipEntry{"word/numbering.xml", numberingXML}, batchtest.ZipEntry{"word/styles.xml", stylesXML}))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sections) != 3 || r.Sections[2].Key != grammar.SecRequests || r.Sections[2].Heading.Number != 3 {
		t.Errorf("sections %+v", r.Sections)
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {25, "chineseCountingThousand", "二十五"}, {100, "chineseCounting", "一〇〇"},
		{3, "chineseLegalSimplified", "叁"}, {12, "ideographDigital", "一二"}, {1, "ideographTraditional", "甲"},
		{3, "decimalEnclosedCircle", "③"}, {7, "decimalFullWidth", "７"}, {4, "upperRoman", "IV"},
		{27, "lowerLetter", "aa"}, {1 << 30, "lowerLetter", "1073741824"}, {5, "decimalZero", "05"}, {12, "decimal", "12"}, {3, "unknownFormat", "3"},
	}
	for _, c := range cases {
		if got := formatNumber(c.v, c.format); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.v, c.format, got, c.want)
		}
	}
}
