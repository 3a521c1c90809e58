package grammar

import (
	"strings"
	"testing"
)

func TestMaskComments(t *testing.T) {
	cases := []struct{ in, want string }{
		{"无注释", "无注释"},
		{"a<!-- x -->b", "a          b"},
		{"行一\r\n<!-- gdlint-disable-next-line GD-A001 -->\r\n行二", "行一\r\n" + strings.Repeat(" ", len("<!-- gdlint-disable-next-line GD-A001 -->")) + "\r\n行二"},
		// a comment over two lines keeps its line break; one left open runs to the end
		{"<!-- 一\n二 -->正文<!-- 未闭合\n尾", strings.Repeat(" ", len("<!-- 一")) + "\n" + strings.Repeat(" ", len("二 -->")) + "正文" + strings.Repeat(" ", len("<!-- 未闭合")) + "\n" + strings.Repeat(" ", len("尾"))},
	}
	for _, c := range cases {
		got := maskComments(c.in)
		if got != c.want {
			t.Errorf("maskComments(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(got) != len(c.in) {
			t.Errorf("length changed: %d → %d", len(c.in), len(got))
		}
	}
}
