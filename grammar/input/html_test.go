package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/internal/testshared"
)

func TestHTMLView(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"paragraphs are lines", `<p>甲</p><p>乙</p>`, "甲\n乙\n"},
		{"inline runs join", `<p><span>申请人情</span><span>况</span><o:p></o:p></p>`, "申请人情况\n"},
		{"whitespace collapses", "<p>  a \n\t b  <b> c </b>  </p>", "a b c\n"},
		{"line break between CJK is dropped", "<p>认真贯彻\n   落实条例</p>", "认真贯彻落实条例\n"},
		{"space between CJK is kept", "<p>认真贯彻 落实</p>", "认真贯彻 落实\n"},
		{"nbsp is a character", `<p>a&nbsp;&nbsp;b</p>`, "a\u00a0\u00a0b\n"},
		{"entities", `<p>&ldquo;三安全&rdquo;&#20013;&#x4E2D;&amp;&lt;x&gt; AT&T &ampx</p>`, "“三安全”中中&<x> AT&T &x\n"},
		{"br ends a line", `<p>一<br>二<br/>三</p>`, "一\n二\n三\n"},
		{"blocks without content add no blank lines", `<div><p></p><p> </p><div>甲</div></div><p>乙</p>`, "甲\n乙\n"},
		{"skipped elements", `<head><title>t</title><style>p{}</style></head><script>var a="1";</script><noscript>n</noscript><template><p>x</p></template><iframe>f</iframe><!-- c --><p>正文</p>`, "正文\n"},
		{"hidden elements", `<p>甲</p><div style="display: none">导航</div><p hidden>乙</p><p>丙</p>`, "甲\n丙\n"},
		{"head without end tag", `<html><head><meta charset="utf-8"><title>x</title><body><p>甲</p>`, "甲\n"},
		{"table rows are tab-separated lines", `<table><tr><td>规章</td><td>0</td><td></td><td>1</td></tr></table>`, "规章\t0\t\t1\n"},
		{"row of one empty cell is dropped", `<table><tr><td> </td></tr><tr><td>a</td><td>b</td></tr></table>`, "a\tb\n"},
		{"one-cell rows keep their paragraphs", `<table><tr><td><b>标题</b></td></tr><tr><td><p>甲</p><p>乙</p></td></tr><tr><td>规章</td><td>0</td></tr></table>`, "标题\n甲\n乙\n规章\t0\n"},
		{"row of empty cells keeps its tabs", `<table><tr><td></td><td></td></tr></table>`, "\t\n"},
		{"unclosed cells and rows", `<table><tr><td>a<td>b<tr><td>c<td>d</table><p>e`, "a\tb\nc\td\ne\n"},
		{"tbody thead th", `<table><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>`, "h1\th2\n1\t2\n"},
		{"cell paragraphs join: CJK with nothing", `<table><tr><td><p>结果</p><p>纠正</p></td><td>结果<br>维持</td></tr></table>`, "结果纠正\t结果维持\n"},
		{"cell paragraphs join: latin with a space", `<table><tr><td><p>12</p><p>34</p></td><td><p>1.</p><p>属于</p></td></tr></table>`, "12 34\t1.属于\n"},
		{"colspan and rowspan are emitted once", `<table><tr><td rowspan="2">三</td><td colspan="2">（一）</td><td>5</td></tr><tr><td>1.</td><td>2</td></tr></table>`, "三\t（一）\t5\n1.\t2\n"},
		{"cells never hold tabs or newlines", "<table><tr><td>a\tb\nc</td><td><pre>x\ty</pre></td></tr></table>", "a b c\tx y\n"},
		{"layout table: cells are blocks", `<table><tr><td>导航</td><td><h1>标题</h1><table><tr><td>规章</td><td>0</td></tr></table><p>正文</p></td></tr></table>`, "导航\n标题\n规章\t0\n正文\n"},
		{"text outside cells comes first", `<table>注<tr><td>a</td></tr></table>`, "注\na\n"},
		{"form around rows", `<table><form><tr><td>a</td><td>b</td></tr></form></table>`, "a\tb\n"},
		{"pre keeps spacing", "<pre>a  b\n c</pre><p>d</p>", "a  b\n c\nd\n"},
		{"list items", `<ul><li>一<li>二</ul>`, "一\n二\n"},
		{"unclosed p closes at block", `<p>甲<div>乙</div>丙`, "甲\n乙\n丙\n"},
		{"Word list numbering in downlevel-revealed conditionals", `<p class=MsoListParagraph><![if !supportLists]><span>一、<span style='font:7.0pt'>&nbsp;&nbsp; </span></span><![endif]><span>总体情况</span></p><!--[if gte mso 9]><xml><w:WordDocument>9</w:WordDocument></xml><![endif]-->`, "一、\u00a0\u00a0 总体情况\n"},
		{"misnested inline end tag", `<p><b>粗<p>甲</b>乙</p><p>丙</p>`, "粗\n甲乙\n丙\n"},
		{"stray end tags", `</span></div><p>甲</p></p></td></tr>乙`, "甲\n乙\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := HTMLView(c.in).Text; got != c.want {
				t.Errorf("HTMLView(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// Every piece of the view copied from the page maps back onto the same
// characters, and decoded pieces onto their entity.
func TestHTMLViewSpans(t *testing.T) {
	in := "<p>𠀀前&nbsp;<b>数</b>值 12 &amp; 中</p><table><tr><td>甲</td><td></td><td>&#49;2</td></tr></table>"
	v := HTMLView(in)
	check := func(view, want string) {
		t.Helper()
		i := strings.Index(v.Text, view)
		if i < 0 {
			t.Fatalf("%q not in view %q", view, v.Text)
		}
		sp := v.ToSource(grammar.Span{Start: i, End: i + len(view)})
		if got := in[sp.Start:sp.End]; got != want {
			t.Errorf("view %q maps to %q, want %q", view, got, want)
		}
	}
	check("12", "12")
	check("𠀀前", "𠀀前")
	check("\u00a0", "&nbsp;")
	check("数", "数")
	check("数值", "数</b>值")
	check("&", "&amp;")
	check("甲", "甲")
	check("12\n", "&#49;2")
	// the empty cell: zero width, right after its <td>
	i := strings.Index(v.Text, "甲\t") + len("甲\t")
	sp := v.ToSource(grammar.Span{Start: i, End: i})
	if sp.Start != sp.End || !strings.HasSuffix(in[:sp.Start], "<td>甲</td><td>") {
		t.Errorf("empty cell maps to %v, after %q", sp, in[:sp.Start])
	}
}

func TestCharRef(t *testing.T) {
	cases := []struct {
		in   string
		dec  string
		used int
	}{
		{"&nbsp;x", "\u00a0", 6},
		{"&nbsp x", "\u00a0", 5},
		{"&amp;", "&", 5},
		{"&ampx", "&", 4},
		{"&#20013;", "中", 8},
		{"&#x4e2d;", "中", 8},
		{"&#49", "1", 4},
		{"&#0A", "\ufffd", 3},
		{"&#x4e2dz", "中", 7},
		{"&#0;", "\ufffd", 4},
		{"&T", "", 0},
		{"&", "", 0},
		{"&#;", "", 0},
		{"&zzz;", "", 0},
		{"&notit;", "¬", 4}, // a legacy reference without semicolon, as browsers read it
	}
	for _, c := range cases {
		dec, used := charRef(c.in)
		if dec != c.dec || used != c.used {
			t.Errorf("charRef(%q) = %q, %d; want %q, %d", c.in, dec, used, c.dec, c.used)
		}
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "containers", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

type wantCell struct {
	table    int
	row, col string
	kind     grammar.CellKind
	text     string
}

func checkCells(t *testing.T, r *grammar.Report, want []wantCell) {
	t.Helper()
	for _, w := range want {
		tb := r.Table(w.table)
		if tb == nil {
			t.Errorf("table %d not found", w.table)
			continue
		}
		c := tb.Cell(w.row, w.col)
		if c == nil {
			t.Errorf("table %d cell %s/%s not placed", w.table, w.row, w.col)
			continue
		}
		if c.Kind != w.kind || c.Text != w.text {
			t.Errorf("table %d cell %s/%s = %s %q, want %s %q", w.table, w.row, w.col, c.Kind, c.Text, w.kind, w.text)
		}
	}
}

// checkHTMLSpans: a number's span covers exactly its text in the page (or
// the entity it was written with); an empty cell's span is zero-width inside
// its <td>, or on the no-break space it holds.
func checkHTMLSpans(t *testing.T, r *grammar.Report) {
	t.Helper()
	text := r.Source.Text
	n := 0
	for _, tb := range r.Tables {
		if tb == nil {
			continue
		}
		for _, c := range tb.Cells() {
			n++
			sp := c.Span
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
				t.Fatalf("cell %s/%s: span %v outside the text", c.Row.Key, c.Col.Key, sp)
			}
			got := text[sp.Start:sp.End]
			switch c.Kind {
			case grammar.CellEmpty:
				before := text[:sp.Start]
				td := strings.LastIndex(before, "<td")
				if sp.Len() != 0 || td < 0 || !(strings.HasSuffix(before, ">") && !strings.Contains(before[td:], "</td>") ||
					strings.HasPrefix(text[sp.Start:], "&nbsp;")) {
					t.Errorf("empty cell %s/%s: span %v at %q", c.Row.Key, c.Col.Key, sp, text[max(0, sp.Start-40):sp.Start])
				}
			default:
				if got != c.Text && !(strings.Contains(got, "&") && HTMLView(got).Text == c.Text+"\n") {
					t.Errorf("cell %s/%s: span covers %q, cell text %q", c.Row.Key, c.Col.Key, got, c.Text)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no cells")
	}
}

var fixtureCells = []wantCell{
	{1, grammar.RowRules, grammar.ColIssued, grammar.CellNumber, "0"},
	{1, grammar.RowNormative, grammar.ColIssued, grammar.CellNumber, "3"},
	{1, grammar.RowNormative, grammar.ColRepealed, grammar.CellNumber, "1"},
	{1, grammar.RowNormative, grammar.ColInForce, grammar.CellNumber, "12"}, // written &#49;2
	{1, grammar.RowLicensing, grammar.ColDecided, grammar.CellNumber, "45"},
	{1, grammar.RowPenalty, grammar.ColDecided, grammar.CellNumber, "7"},
	{1, grammar.RowCoercion, grammar.ColDecided, grammar.CellNumber, "0"},
	{1, grammar.RowFees, grammar.ColAmount, grammar.CellNumber, "1.5"},
	{2, grammar.RowNew, grammar.ColNatural, grammar.CellNumber, "10"},
	{2, grammar.RowNew, grammar.ColCommercial, grammar.CellNumber, "2"},
	{2, grammar.RowNew, grammar.ColResearch, grammar.CellEmpty, ""},
	{2, grammar.RowNew, grammar.ColSocial, grammar.CellEmpty, ""}, // &nbsp;
	{2, grammar.RowNew, grammar.ColLegal, grammar.CellEmpty, ""},
	{2, grammar.RowNew, grammar.ColOther, grammar.CellEmpty, ""},
	{2, grammar.RowNew, grammar.ColTotal, grammar.CellNumber, "12"},
	{2, grammar.RowCarried, grammar.ColNatural, grammar.CellNumber, "1"},
	{2, grammar.RowCarried, grammar.ColResearch, grammar.CellEmpty, ""},
	{2, grammar.RowCarried, grammar.ColTotal, grammar.CellNumber, "1"},
	{2, "public", grammar.ColNatural, grammar.CellNumber, "5"},
	{2, "public", grammar.ColTotal, grammar.CellNumber, "6"},
	{2, "partial", grammar.ColNatural, grammar.CellNumber, "2"},
	{2, "deny.secret", grammar.ColTotal, grammar.CellNumber, "1"},
	{2, "deny.security", grammar.ColTotal, grammar.CellNumber, "0"},
	{2, "unable.not_held", grammar.ColNatural, grammar.CellNumber, "1"},
	{2, "other.other", grammar.ColTotal, grammar.CellNumber, "0"},
	{2, grammar.RowTotal, grammar.ColNatural, grammar.CellNumber, "9"},
	{2, grammar.RowTotal, grammar.ColCommercial, grammar.CellNumber, "1"},
	{2, grammar.RowTotal, grammar.ColTotal, grammar.CellNumber, "10"},
	{2, grammar.RowCarryOver, grammar.ColNatural, grammar.CellNumber, "2"},
	{2, grammar.RowCarryOver, grammar.ColOther, grammar.CellEmpty, ""},
	{2, grammar.RowCarryOver, grammar.ColTotal, grammar.CellNumber, "3"},
	{3, grammar.RowReview, grammar.ColUpheld, grammar.CellNumber, "1"},
	{3, grammar.RowReview, grammar.ColPending, grammar.CellNumber, "1"},
	{3, grammar.RowReview, grammar.ColTotal, grammar.CellNumber, "2"},
	{3, grammar.RowSuitDirect, grammar.ColTotal, grammar.CellNumber, "0"},
	{3, grammar.RowSuitAfter, grammar.ColTotal, grammar.CellNumber, "0"},
}

func checkFixtureReport(t *testing.T, r *grammar.Report) {
	t.Helper()
	if r.Rendering != "html" {
		t.Errorf("rendering %q", r.Rendering)
	}
	if r.Title == nil || r.Title.Text != "示例县统计局2023年政府信息公开工作年度报告" || r.Title.Year != 2023 {
		t.Fatalf("title %+v", r.Title)
	}
	if got := r.Source.Slice(r.Title.Span); got != r.Title.Text {
		t.Errorf("title span covers %q", got)
	}
	if r.Period == nil || r.Period.Start.Date != (grammar.Date{Year: 2023, Month: 1, Day: 1}) || r.Period.End.Date != (grammar.Date{Year: 2023, Month: 12, Day: 31}) {
		t.Errorf("period %+v", r.Period)
	}
	if len(r.Sections) != 6 {
		t.Errorf("%d sections", len(r.Sections))
	}
	// a heading split across spans: its span runs from 一 to 况 in the page
	if h := r.Sections[0].Heading; !strings.HasPrefix(r.Source.Slice(h.Span), "一、</span>") || !strings.HasSuffix(r.Source.Slice(h.Span), "情况") {
		t.Errorf("heading 一 covers %q", r.Source.Slice(h.Span))
	}
	if r.Signature == nil || r.Signature.Body != "示例县统计局" || r.Signature.Date == nil || r.Signature.Date.Date != (grammar.Date{Year: 2024, Month: 1, Day: 20}) {
		t.Errorf("signature %+v", r.Signature)
	}
	checkCells(t, r, fixtureCells)
	checkHTMLSpans(t, r)
	// the numbers in <script>, <style> and comments are not read
	if len(r.Unplaced) != 0 {
		t.Errorf("unplaced: %+v", r.Unplaced[0])
	}
	for _, tb := range r.Tables {
		if tb == nil || len(tb.Problems) != 0 {
			t.Errorf("table problems: %+v", tb)
		}
	}
}

func TestParseHTMLFixture(t *testing.T) {
	raw := readFixture(t, "report.html")
	r, err := Parse("report.html", raw)
	if err != nil {
		t.Fatal(err)
	}
	if r.Source.Encoding != grammar.UTF8 {
		t.Errorf("encoding %v", r.Source.Encoding)
	}
	checkFixtureReport(t, r)
	// the first value sits after a comment holding 𠀀 on its source line:
	// byte, character and UTF-16 columns all differ
	c := r.Table(2).Cell(grammar.RowNew, grammar.ColNatural)
	line := r.Source.Text[r.Source.LineStart(r.Source.Line(c.Span.Start)):c.Span.Start]
	if !strings.Contains(line, "𠀀") {
		t.Fatalf("fixture changed: %q", line)
	}
	b, ch, u := r.Source.UTF8Pos(c.Span.Start), r.Source.CharPos(c.Span.Start), r.Source.UTF16Pos(c.Span.Start)
	if b.Line != ch.Line || ch.Line != u.Line || b.Col != len(line) || ch.Col != utf8.RuneCountInString(line) || u.Col != ch.Col+1 {
		t.Errorf("positions: utf8 %v char %v utf16 %v for %q", b, ch, u, line)
	}
}

func TestParseHTMLGB2312(t *testing.T) {
	raw := readFixture(t, "report-gb2312.html")
	if utf8.Valid(raw) || !strings.Contains(string(raw), `charset=gb2312`) {
		t.Fatal("fixture is not a GB-encoded page declaring gb2312")
	}
	r, err := Parse("report-gb2312.html", raw)
	if err != nil {
		t.Fatal(err)
	}
	if r.Source.Encoding != grammar.GB18030 {
		t.Errorf("encoding %v", r.Source.Encoding)
	}
	checkFixtureReport(t, r)
	// the same page in UTF-8 renders to the same view
	u, err := Parse("report.html", readFixture(t, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if HTMLView(r.Source.Text).Text != HTMLView(u.Source.Text).Text {
		t.Error("GB2312 and UTF-8 pages render differently")
	}
	// spans stay on the decoded text; re-encoding it gives the file back
	back, err := Encode(r.Source, r.Source.Text)
	if err != nil || string(back) != string(raw) {
		t.Errorf("re-encoding differs from the file (err %v)", err)
	}
}

func TestDecodeHTML(t *testing.T) {
	gb, err := simplifiedchinese.GBK.NewEncoder().String("<p>二〇二三年报告</p>")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		raw  string
		enc  grammar.Encoding
		err  error
	}{
		{"utf-8", `<meta charset="utf-8"><p>报告</p>`, grammar.UTF8, nil},
		{"utf-8 with BOM", "\xef\xbb\xbf<p>报告</p>", grammar.UTF8BOM, nil},
		{"gbk without a declaration", gb, grammar.GB18030, nil},
		{"gbk declared by http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=GBK">` + gb, grammar.GB18030, nil},
		{"valid UTF-8 wins over a stale declaration", `<meta charset="gb2312"><p>报告</p>`, grammar.UTF8, nil},
		{"big5 is refused, not misread", `<meta charset="big5">` + "\xb3\xf8\xa7\x69", 0, ErrEncoding},
		{"empty", "  \n", 0, ErrEmpty},
		{"binary", "<p>\x00</p>", 0, ErrBinary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := decodeHTML("x.html", []byte(c.raw))
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("err = %v, want %v", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if src.Encoding != c.enc || !strings.Contains(src.Text, "报告") {
				t.Errorf("encoding %v, text %q", src.Encoding, src.Text)
			}
		})
	}
}

// 004.html: a saved page (collector's wrapper, site navigation, metadata
// table, Word-export article with split spans, blank 法人 cells). Numbers
// checked by hand against the page.
func TestParseHTMLCorpus004(t *testing.T) {
	path := testshared.Corpus(t, "004.html")
	r, err := ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// the collector's 标题： line carries the site's name after the title
	if r.Title == nil || r.Title.Text != "沭阳县发展和改革局2023年政府信息公开年度报告" || r.Title.Year != 2023 {
		t.Fatalf("title %+v", r.Title)
	}
	if got := r.Source.Slice(r.Title.Span); got != r.Title.Text {
		t.Errorf("title span covers %q", got)
	}
	if r.Period == nil || r.Period.Start.Date != (grammar.Date{Year: 2023, Month: 1, Day: 1}) || r.Period.End.Date != (grammar.Date{Year: 2023, Month: 12, Day: 31}) {
		t.Errorf("period %+v", r.Period)
	}
	if r.Publication == nil || r.Publication.Date != (grammar.Date{Year: 2024, Month: 1, Day: 17}) || r.Publication.Label != "公开日期" {
		t.Errorf("publication %+v", r.Publication)
	} else if got := r.Source.Slice(r.Publication.Span); got != "2024-01-17" {
		t.Errorf("publication span covers %q", got)
	}
	var keys []grammar.SectionKey
	for _, s := range r.Sections {
		keys = append(keys, s.Key)
	}
	if len(keys) != 6 || keys[0] != grammar.SecGeneral || keys[5] != grammar.SecOther {
		t.Errorf("sections %v", keys)
	}
	want := []wantCell{
		{1, grammar.RowRules, grammar.ColIssued, grammar.CellNumber, "0"},
		{1, grammar.RowNormative, grammar.ColIssued, grammar.CellNumber, "8"},
		{1, grammar.RowNormative, grammar.ColRepealed, grammar.CellNumber, "0"},
		{1, grammar.RowNormative, grammar.ColInForce, grammar.CellNumber, "18"},
		{1, grammar.RowLicensing, grammar.ColDecided, grammar.CellNumber, "0"},
		{1, grammar.RowPenalty, grammar.ColDecided, grammar.CellNumber, "0"},
		{1, grammar.RowCoercion, grammar.ColDecided, grammar.CellNumber, "0"},
		{1, grammar.RowFees, grammar.ColAmount, grammar.CellNumber, "0"},
		{2, grammar.RowNew, grammar.ColNatural, grammar.CellNumber, "26"},
		{2, grammar.RowNew, grammar.ColTotal, grammar.CellNumber, "26"},
		{2, grammar.RowCarried, grammar.ColNatural, grammar.CellNumber, "0"},
		{2, grammar.RowCarried, grammar.ColTotal, grammar.CellNumber, "0"},
		{2, "public", grammar.ColNatural, grammar.CellNumber, "26"},
		{2, "public", grammar.ColTotal, grammar.CellNumber, "26"},
		{2, grammar.RowTotal, grammar.ColNatural, grammar.CellNumber, "26"},
		{2, grammar.RowTotal, grammar.ColTotal, grammar.CellNumber, "26"},
		{2, grammar.RowCarryOver, grammar.ColNatural, grammar.CellNumber, "0"},
		{2, grammar.RowCarryOver, grammar.ColTotal, grammar.CellNumber, "0"},
		{3, grammar.RowReview, grammar.ColUpheld, grammar.CellNumber, "0"},
		{3, grammar.RowReview, grammar.ColPending, grammar.CellNumber, "1"},
		{3, grammar.RowReview, grammar.ColTotal, grammar.CellNumber, "1"},
		{3, grammar.RowSuitDirect, grammar.ColTotal, grammar.CellNumber, "0"},
		{3, grammar.RowSuitAfter, grammar.ColTotal, grammar.CellNumber, "0"},
	}
	// the five 法人 columns are blank in every row of table 2
	for _, row := range grammar.Table2.Rows {
		for _, col := range []string{grammar.ColCommercial, grammar.ColResearch, grammar.ColSocial, grammar.ColLegal, grammar.ColOther} {
			want = append(want, wantCell{2, row.Key, col, grammar.CellEmpty, ""})
		}
	}
	checkCells(t, r, want)
	checkHTMLSpans(t, r)
	// 规范性文件: the variant label of 行政规范性文件
	if l := r.Table(1).Row(grammar.RowNormative).Label; l == nil || l.Text != "规范性文件" || l.Exact || l.How != "variant" {
		t.Errorf("规范性文件 label %+v", l)
	} else if got := r.Source.Slice(l.Span); got != "规范性文件" {
		t.Errorf("label span covers %q", got)
	}
	// the value 26 of 一、本年新收 sits on line 418 of the page
	if c := r.Table(2).Cell(grammar.RowNew, grammar.ColNatural); c != nil {
		if p := r.Source.CharPos(c.Span.Start); p.Line != 417 {
			t.Errorf("一/自然人 at line %d", p.Line+1)
		}
	}
	if len(r.Unplaced) != 0 {
		t.Errorf("unplaced %+v", r.Unplaced[0])
	}
}

// Without the collector's wrapper the title is first met in the page's
// metadata table ("名称\t…"): the title is the cell, not the row.
func TestParseHTMLCorpus004WithoutWrapper(t *testing.T) {
	raw, err := os.ReadFile(testshared.Corpus(t, "004.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(raw)
	i := strings.Index(page, `<div class="meta">`)
	j := strings.Index(page, `<article>`)
	if i < 0 || j < i {
		t.Fatal("004.html changed")
	}
	r, err := Parse("004.html", []byte(page[:i]+page[j:]))
	if err != nil {
		t.Fatal(err)
	}
	if r.Title == nil || r.Title.Text != "沭阳县发展和改革局2023年政府信息公开年度报告" || r.Title.Body != "沭阳县发展和改革局" {
		t.Fatalf("title %+v", r.Title)
	}
	if got := r.Source.Slice(r.Title.Span); got != r.Title.Text {
		t.Errorf("title span covers %q", got)
	}
}
