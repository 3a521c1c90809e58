package rules

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S011", Name: "image-pages", Family: lint.FamilyStructure, Severity: lint.Warning,
		Summary:   "PDF 中有只有图片、没有文字的页面，其内容未能检查",
		SummaryEN: "Pages of a PDF show only images, no text: their content was not checked",
		Explanation: `一份有文字层的 PDF 中，某些页面只有图片（扫描后插入的页面、被转成图片的表格），没有可读的文字。
这些页面的内容无法读取，也就没有检查；本规则说一次是哪几页，以免“没有发现问题”被当作整份报告都已核对。
同一份报告中，“缺少部分”（GD-S001）和“缺少表格”（GD-S009）的提示会注明这些页面，因为缺少的内容可能就在其中。

整份 PDF 都是图片（扫描件）时，文件无法检查，报告为错误“扫描件，没有文字层”，不是本规则。

修复：发布带文字层的 PDF（由原始文档直接导出），表格以文字而不是图片形式发布。

依据：规范 §2.4–§2.6（三张表格）；网站信息无障碍要求以文字发布。`,
		ExplanationEN: `In a PDF with a text layer, some pages show only images (a page scanned and inserted, a table turned into a
picture) and no readable text. Their content cannot be read and was not checked; this rule says once which pages, so
that "no problems found" is not taken to cover the whole report. In the same report the findings of a missing part
(GD-S001) and of a missing table (GD-S009) name these pages, since what is missing may be on them.

A PDF that is only images (a scan) cannot be checked at all and is reported as the file error "scanned PDF: no text
layer", not by this rule.

Fix: publish a PDF with a text layer (exported from the original document), with the tables as text, not pictures.

Basis: spec §2.4–§2.6 (the three tables); web accessibility asks for text.`,
		Check: checkImagePages,
	})
}

func checkImagePages(ctx *lint.Context) {
	src := ctx.Source()
	if len(src.ImagePages) == 0 {
		return
	}
	zh, en := pageList(src.ImagePages)
	ctx.Emitf(pageAnchor(ctx.Report, src.ImagePages[0]),
		fmt.Sprintf("第%s页只有图片，没有文字：这些页面的内容未能读取，没有检查", zh),
		fmt.Sprintf("page %s shows only images, no text: its content could not be read and was not checked", en))
}

// pageList writes page numbers as 第5、7页 (zh: "5、7") and "5, 7".
func pageList(pages []int) (zh, en string) {
	var z, e []string
	for _, p := range pages {
		z = append(z, fmt.Sprint(p))
		e = append(e, fmt.Sprint(p))
	}
	return strings.Join(z, "、"), strings.Join(e, ", ")
}

// pageAnchor is where a finding about page n goes: its page number when the
// front-end kept one, else the empty span where the page begins.
func pageAnchor(rep *grammar.Report, n int) grammar.Span {
	src := rep.Source
	for _, f := range src.Furniture {
		if src.Page(f.Start) == n {
			return f
		}
	}
	at := 0
	if n >= 2 && n-2 < len(src.PageStarts) {
		at = src.PageStarts[n-2]
	}
	return grammar.Span{Start: at, End: at}
}

// unreadPagesNote is added to a finding that something is missing when
// pages could not be read: it may be on them.
func unreadPagesNote(src *grammar.Source) (zh, en string) {
	if len(src.ImagePages) == 0 {
		return "", ""
	}
	z, e := pageList(src.ImagePages)
	return fmt.Sprintf("；第%s页只有图片，未能读取，缺少的内容可能在其中", z),
		fmt.Sprintf("; page %s shows only images and was not read: what is missing may be there", e)
}
