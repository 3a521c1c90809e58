package lsp

import (
	"strconv"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
)

func docParams(uri string) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}}
}

func posParams(uri string, line, char uint32) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}, "position": protocol.Position{Line: line, Character: char}}
}

func TestHoverOnWrongTotal(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, _, _ := openWrongTotal(t, c)
	var h protocol.Hover
	// the cursor between the two digits of "10"
	c.mustCall("textDocument/hover", posParams(uri, wrongLine, wrongUTF16+1), &h)
	v := h.Contents.Value
	for _, want := range []string{
		"**" + testRuleID + "** 测试：行总计", // the rule behind the diagnostic
		"测试规则：总计应等于各申请人之和。",
		"**表三 收到和处理政府信息公开申请情况**",
		"行：三、本年度办理结果 › （一）予以公开",
		"列：总计",
		"【（一）予以公开】总计 10 ≠ 8 + 1 + 0 + 0 + 0 + 0 = 9 ✗",
		"【总计】（七）总计 21 ≠ 10 + 2 + 9 + 1（其余 17 项为 0） = 22 ✗",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("hover lacks %q:\n%s", want, v)
		}
	}
	if h.Contents.Kind != protocol.Markdown || h.Range == nil ||
		*h.Range != (protocol.Range{Start: protocol.Position{Line: wrongLine, Character: wrongUTF16}, End: protocol.Position{Line: wrongLine, Character: wrongUTF16 + 2}}) {
		t.Errorf("hover kind %q range %+v", h.Contents.Kind, h.Range)
	}

	// a balanced cell: （七）总计 of 自然人, "20" at line 62 column 6
	c.mustCall("textDocument/hover", posParams(uri, 62, 6), &h)
	for _, want := range []string{"列：自然人", "【自然人】（七）总计 = 8 + 2 + 9 + 1（其余 17 项为 0） = 20 ✓",
		"【自然人】一 + 二 = 20 + 1 = 21；（七）总计 + 四 = 20 + 1 = 21 ✓"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	// prose: nothing to say
	var none *protocol.Hover
	c.mustCall("textDocument/hover", posParams(uri, 6, 3), &none)
	if none != nil {
		t.Errorf("hover on prose: %+v", none)
	}
}

func TestInlayHintsOnContradictedTotals(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, _, _ := openWrongTotal(t, c)
	var hints []inlayHint
	c.mustCall("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": protocol.Range{End: protocol.Position{Line: 200}}}, &hints)
	if len(hints) != 2 {
		t.Fatalf("hints %+v", hints)
	}
	if hints[0].Position != (protocol.Position{Line: wrongLine, Character: wrongUTF16 + 2}) || hints[0].Label != "行和 9" {
		t.Errorf("row hint %+v", hints[0])
	}
	if hints[1].Position != (protocol.Position{Line: 62, Character: 21}) || hints[1].Label != "列和 22" {
		t.Errorf("column hint %+v", hints[1])
	}
	// only hints inside the requested range
	c.mustCall("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": protocol.Range{Start: protocol.Position{Line: 50}, End: protocol.Position{Line: 70}}}, &hints)
	if len(hints) != 1 || hints[0].Label != "列和 22" {
		t.Errorf("ranged hints %+v", hints)
	}
}

func TestDocumentSymbolsAndFolding(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, _, _ := openWrongTotal(t, c)
	var syms []protocol.DocumentSymbol
	c.mustCall("textDocument/documentSymbol", docParams(uri), &syms)
	var names []string
	for _, s := range syms {
		names = append(names, s.Name)
	}
	want := "𠀀𠀀市人民政府办公室2024年政府信息公开工作年度报告|一、总体情况|二、主动公开政府信息情况|三、收到和处理政府信息公开申请情况|四、政府信息公开行政复议、行政诉讼情况|五、存在的主要问题及改进情况|六、其他需要报告的事项"
	if got := strings.Join(names, "|"); got != want {
		t.Fatalf("top-level symbols\n got %s\nwant %s", got, want)
	}
	if syms[0].Range.End != (protocol.Position{Line: 0, Character: 29}) {
		t.Errorf("title range %+v (𠀀 counts two UTF-16 units)", syms[0].Range)
	}
	general := syms[1]
	if len(general.Children) != 5 || general.Children[4].Name != "（五）监督保障" || general.Children[4].Kind != protocol.SymbolKindKey {
		t.Errorf("sub-items of 一: %+v", general.Children)
	}
	requests := syms[3]
	if len(requests.Children) != 1 || requests.Children[0].Name != "表三 收到和处理政府信息公开申请情况" || requests.Children[0].Kind != protocol.SymbolKindStruct {
		t.Fatalf("table 2 under 三: %+v", requests.Children)
	}
	rows := requests.Children[0].Children
	if len(rows) != 25 || rows[2].Name != "（一）予以公开" || rows[2].Range.End != (protocol.Position{Line: wrongLine, Character: 24}) {
		t.Errorf("rows of table 2: %d, [2] = %+v", len(rows), rows[2])
	}
	var walk func(parent protocol.Range, ss []protocol.DocumentSymbol)
	inside := func(a, b protocol.Range) bool {
		le := func(x, y protocol.Position) bool {
			return x.Line < y.Line || x.Line == y.Line && x.Character <= y.Character
		}
		return le(b.Start, a.Start) && le(a.End, b.End)
	}
	walk = func(parent protocol.Range, ss []protocol.DocumentSymbol) {
		for _, s := range ss {
			if !inside(s.SelectionRange, s.Range) || !inside(s.Range, parent) {
				t.Errorf("%s: selection %+v / range %+v / parent %+v not nested", s.Name, s.SelectionRange, s.Range, parent)
			}
			walk(s.Range, s.Children)
		}
	}
	walk(protocol.Range{End: protocol.Position{Line: 1 << 30}}, syms)

	var folds []protocol.FoldingRange
	c.mustCall("textDocument/foldingRange", docParams(uri), &folds)
	got := []string{}
	for _, f := range folds {
		got = append(got, strings.Join([]string{itoa(f.StartLine), itoa(f.EndLine)}, "-"))
	}
	if strings.Join(got, " ") != "4-10 12-27 14-27 29-63 31-63 65-69 67-69 71-73 75-80" {
		t.Errorf("folding ranges %v", got)
	}
}

func itoa(n uint32) string { return strconv.Itoa(int(n)) }

func TestFormattingKeepsValues(t *testing.T) {
	text := "# 某局2024年政府信息公开工作年度报告\n\n" +
		"## 一、总体情况\n\n全年公开信息(含政策解读)1,000条,办理时间10:30,详见https://example.gov.cn/a,b 。\n\n" +
		"## 二、主动公开政府信息情况\n\n" +
		"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 5 | 1 | 30 |\n\n" +
		"## 三、收到和处理政府信息公开申请情况\n\n无。\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n无。\n\n" +
		"## 五、存在的主要问题及改进情况\n\n问题:培训不足(一)。\n\n## 六、其他需要报告的事项\n\n无。\n"
	want := "# 某局2024年政府信息公开工作年度报告\n\n" +
		"## 一、总体情况\n\n全年公开信息（含政策解读）1,000条，办理时间10:30，详见https://example.gov.cn/a,b 。\n\n" +
		"## 二、主动公开政府信息情况\n\n" +
		"| 信息内容       | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| -------------- | ------------ | ------------ | ------------ |\n| 规章           | 0            | 0            | 0            |\n| 行政规范性文件 | 5            | 1            | 30           |\n\n" +
		"## 三、收到和处理政府信息公开申请情况\n\n无。\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n无。\n\n" +
		"## 五、存在的主要问题及改进情况\n\n问题：培训不足（一）。\n\n## 六、其他需要报告的事项\n\n无。\n"
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri := "file:///tmp/report.md"
	c.open(uri, "markdown", 1, text)
	var edits []protocol.TextEdit
	c.mustCall("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri},
		"options": map[string]any{"tabSize": 4, "insertSpaces": true}}, &edits)
	got := applyTextEdits(t, text, edits)
	if got != want {
		t.Errorf("formatted:\n%s\nwant:\n%s", got, want)
	}
	// formatting is idempotent
	c.change(uri, 2, map[string]any{"text": got})
	c.mustCall("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri},
		"options": map[string]any{"tabSize": 4, "insertSpaces": true}}, &edits)
	if len(edits) != 0 {
		t.Errorf("second format: %+v", edits)
	}
}

func TestSkeletonForMissingSection(t *testing.T) {
	text := readTestdata(t, wrongFixture)
	// drop section 五 (heading and body)
	start := strings.Index(text, "五、存在的主要问题及改进情况")
	end := strings.Index(text, "六、其他需要报告的事项")
	text = text[:start] + text[end:]
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri := "file:///tmp/missing.txt"
	c.open(uri, "plaintext", 1, text)
	c.waitPublish(uri, 1, 0)
	var actions []protocol.CodeAction
	// on the title
	c.mustCall("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range":   protocol.Range{Start: protocol.Position{Line: 0, Character: 3}, End: protocol.Position{Line: 0, Character: 3}},
		"context": map[string]any{"diagnostics": []any{}}}, &actions)
	var ins *protocol.CodeAction
	for i := range actions {
		if actions[i].Kind == kindSkeleton {
			ins = &actions[i]
		}
	}
	if ins == nil || ins.Title != "插入缺失的章节：五、存在的主要问题及改进情况" {
		t.Fatalf("no skeleton action: %+v", actions)
	}
	got := applyTextEdits(t, text, ins.Edit.DocumentChanges[0].Edits)
	// after the last line of section 四, before 六
	if want := "0\t0\t0\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项"; !strings.Contains(got, want) {
		t.Errorf("inserted at the wrong place:\n%s", got[strings.Index(got, "四、政府"):])
	}
	rep := parseText("missing.txt", got)
	if rep.Section("problems") == nil {
		t.Errorf("the inserted heading is not recognised")
	}
}

func parseText(path, text string) *grammar.Report {
	return grammar.Parse(grammar.NewSource(path, text))
}
