package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// A part missing from a PDF whose page 3 is a picture: the finding says the
// part may be on that page; without image pages it does not.
func TestMissingPartNamesImagePages(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "clean.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "五、存在的主要问题及改进情况", "", 1)
	if text == string(data) {
		t.Fatal("clean.txt has no part 五 heading")
	}
	for _, pages := range [][]int{nil, {3}} {
		src := grammar.NewSource("x.pdf", text)
		src.ImagePages = pages
		var got []string
		for _, d := range lint.Run(grammar.Parse(src), nil, nil) {
			if d.Rule == "GD-S001" || d.Rule == "GD-S011" {
				got = append(got, d.Rule+" "+d.Message)
			}
		}
		want := []string{"GD-S001 缺少“五、存在的主要问题及改进情况”（应在“六、其他需要报告的事项”之前）"}
		if pages != nil {
			want = []string{ // in document order: GD-S011 at the page's start
				"GD-S011 第3页只有图片，没有文字：这些页面的内容未能读取，没有检查",
				"GD-S001 缺少“五、存在的主要问题及改进情况”（应在“六、其他需要报告的事项”之前）；第3页只有图片，未能读取，缺少的内容可能在其中",
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("image pages %v:\n got %q\nwant %q", pages, got, want)
		}
	}
}
