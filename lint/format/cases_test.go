package format_test

import (
	"testing"

	"github.com/gdlint/gdlint/lint/format"
)

func TestFormatCases(t *testing.T) {
	for _, c := range []struct{ name, path, in, want string }{
		{"part label", "r.txt", "一.总体情况\n正文。\n", "一、总体情况\n正文。\n"},
		{"part label with space", "r.txt", "二．主动公开政府信息情况\n正文。\n", "二、主动公开政府信息情况\n正文。\n"},
		{"markdown part label", "r.md", "## 三. 收到和处理政府信息公开申请情况\n\n无。\n", "## 三、收到和处理政府信息公开申请情况\n\n无。\n"},
		{"sub-heading label", "r.txt", "一、总体情况\n(一) 主动公开\n正文。\n", "一、总体情况\n（一）主动公开\n正文。\n"},
		{"third-level label", "r.txt", "一、总体情况\n（一）主动公开\n1、 加强培训\n正文。\n", "一、总体情况\n（一）主动公开\n1.加强培训\n正文。\n"},
		{"markdown list item kept", "r.md", "## 一、总体情况\n\n### （一）主动公开\n\n1、 加强培训\n", "## 一、总体情况\n\n### （一）主动公开\n\n1、 加强培训\n"},
		{"punctuation", "r.txt", "本局坚持公开为常态,不公开为例外;全年公开(含解读)12条?是!\n", "本局坚持公开为常态，不公开为例外；全年公开（含解读）12条？是！\n"},
		{"space after converted punctuation", "r.txt", "发布时间: 2022-02-08，地址: 平潭\n", "发布时间：2022-02-08，地址：平潭\n"},
		{"crawler header kept", "r.txt", "标题: 某局2023年报告\n发布时间: 2024-01-05\n==================== 正文 ====================\n根据《条例》(以下简称《条例》)编制。\n",
			"标题: 某局2023年报告\n发布时间: 2024-01-05\n==================== 正文 ====================\n根据《条例》（以下简称《条例》）编制。\n"},
		{"numbers, times, ASCII brackets", "r.txt", "共1,000条，时间10:30，见附件(1)。\n", "共1,000条，时间10:30，见附件(1)。\n"},
		{"URL", "r.txt", "详见https://example.gov.cn/a,b?c=1 。\n", "详见https://example.gov.cn/a,b?c=1 。\n"},
		{"markdown link", "r.md", "详见[门户网站](政府网站地址)。\n", "详见[门户网站](政府网站地址)。\n"},
		{"inline code", "r.md", "配置`a,b`中,用\n", "配置`a,b`中，用\n"},
		{"fenced code", "r.md", "正文。\n\n```\n中,文  \n\n\n```\n", "正文。\n\n```\n中,文  \n\n\n```\n"},
		{"suppressed GD-W004", "r.md", "<!-- gdlint-disable-next-line GD-W004 -->\n规程(试行)。\n", "<!-- gdlint-disable-next-line GD-W004 -->\n规程(试行)。\n"},
		{"comment over lines", "r.md", "正文,完。\n<!--\n备注,草稿\n-->\n正文,完。\n", "正文，完。\n<!--\n备注,草稿\n-->\n正文，完。\n"},
		{"blank lines", "r.txt", "\n\n标题\n\n\n\n正文。\n\n\n", "标题\n\n正文。\n"},
		{"trailing spaces", "r.txt", "标题   \n正文。\u3000\n", "标题\n正文。\n"},
		{"trailing tab is a cell", "r.txt", "行政强制\t\n行政处罚\t3\n", "行政强制\t\n行政处罚\t3\n"},
		{"markdown hard break", "r.md", "第一行  \n第二行\n", "第一行  \n第二行\n"},
		{"final line break", "r.txt", "正文。", "正文。\n"},
		{"CRLF kept", "r.txt", "一.总体情况\r\n\r\n\r\n正文,完。", "一、总体情况\r\n\r\n正文，完。\r\n"},
		{"table aligned", "r.md", "| 信息内容 | 件数 |\n|---|--:|\n| 规章 | 3 |\n",
			"| 信息内容 | 件数 |\n| -------- | ---: |\n| 规章     | 3    |\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := format.Text(c.path, c.in)
			if got.Text != c.want {
				t.Errorf("format(%q)\n got %q\nwant %q", c.in, got.Text, c.want)
			}
			if got.Changed() != (c.in != c.want) {
				t.Errorf("Changed() = %v", got.Changed())
			}
		})
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "规章": 4, "（一）": 6, "1,000条": 7, "“中”": 4} {
		if got := format.DisplayWidth(s); got != want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
