package report

import (
	"fmt"
	"strings"

	"github.com/gdlint/gdlint/grammar"
)

// BlankReport returns a complete report in the national template for year
// and body, with every table label and zeros in every cell, ready to be
// filled in: the title, the introduction with the 统计期限, the six parts
// with their canonical headings, the five aspects of 总体情况, the three
// tables and the closing signature with a date to fill. format is "txt"
// (tab-separated tables) or "md" (Markdown headings and pipe tables). The
// wording comes from the template data in package grammar.
func BlankReport(year int, body, format string) (string, error) {
	if year < 2000 || year > 2200 {
		return "", fmt.Errorf("year %d out of range", year)
	}
	body = strings.TrimSpace(body)
	if body == "" {
		return "", fmt.Errorf("no body name")
	}
	if format != "txt" && format != "md" {
		return "", fmt.Errorf("unknown format %q (txt or md)", format)
	}
	md := format == "md"
	var b strings.Builder
	para := func(s string) { b.WriteString(s + "\n\n") }
	heading := func(level int, s string) {
		if md {
			b.WriteString(strings.Repeat("#", level+1) + " ")
		}
		para(s)
	}
	if md {
		b.WriteString("# ")
	}
	para(fmt.Sprintf("%s%d年政府信息公开工作年度报告", body, year))
	var parts []string
	for _, s := range grammar.Sections {
		parts = append(parts, s.Name)
	}
	para(fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"+
		"（国办公开办函〔2021〕30号）要求编制，由%s六部分组成。本报告中所列数据的统计期限为%d年1月1日至%d年12月31日。"+
		"如对本报告有疑问，请与%s联系（地址：【待填写】；电话：【待填写】）。",
		strings.Join(parts, "、"), year, year, body))
	for _, s := range grammar.Sections {
		heading(1, s.Canonical())
		switch s.Key {
		case grammar.SecGeneral:
			para(fmt.Sprintf("%d年，%s【待填写：本年度政府信息公开工作的总体情况】。", year, body))
			for i, a := range grammar.GeneralAspects {
				heading(2, fmt.Sprintf("（%s）%s", grammar.CNNumeral(i+1), a.Name))
				para(fmt.Sprintf("【待填写：%s方面的工作情况】。", a.Name))
			}
		case grammar.SecProblems:
			para("【待填写：本年度政府信息公开工作存在的主要问题，以及改进的措施和成效】。")
		case grammar.SecOther:
			para("【待填写：本年度收取信息处理费的情况，以及其他需要报告的事项；没有的写“无”】。")
		}
		if s.Table > 0 {
			writeBlankTable(&b, s.Table, md)
		}
	}
	para(body)
	b.WriteString(fmt.Sprintf("%d年××月××日\n", year+1))
	return b.String(), nil
}

// writeBlankTable writes table id of the template with 0 in every value
// cell (tab separated, or a pipe table for Markdown) and a blank line.
func writeBlankTable(b *strings.Builder, id int, md bool) {
	layout := "tab"
	if md {
		layout = "pipe"
	}
	b.WriteString(grammar.RenderTableFilled(grammar.Tables(grammar.Format2021)[id-1], layout, "\n", "0"))
	b.WriteString("\n")
}
