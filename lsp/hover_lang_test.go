package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// With "lang": "en" the hover gives the rule's English summary and
// explanation; Chinese is the default (TestHoverOnWrongTotal).
func TestHoverInEnglish(t *testing.T) {
	c, _ := inProcess(t, Options{})
	c.initialize(nil)
	uri, _, _ := openWrongTotal(t, c)
	before := len(c.publications())
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"gdlint": map[string]any{"lang": "en"}}})
	c.waitPublish(uri, 1, before)

	var h protocol.Hover
	c.mustCall("textDocument/hover", posParams(uri, wrongLine, wrongUTF16+1), &h)
	v := h.Contents.Value
	for _, want := range []string{
		"**" + testRuleID + "** test: row total",
		"total 10 is not the sum 9",
		"Test rule: the total equals the sum of the applicants.",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("English hover lacks %q:\n%s", want, v)
		}
	}
	for _, zh := range []string{"测试：行总计", "测试规则"} {
		if strings.Contains(v, zh) {
			t.Errorf("English hover has the Chinese %q:\n%s", zh, v)
		}
	}
}
