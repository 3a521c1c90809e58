package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/gdlint/gdlint/lint"
)

// WriteDiff prints a unified diff of r's decoded text before and after its
// fixes (--diff).
func WriteDiff(w io.Writer, r *lint.FileResult) {
	d := difflib.UnifiedDiff{
		A: splitLines(r.Original), B: splitLines(r.Fixed),
		FromFile: r.Path, ToFile: r.Path, Context: 3,
	}
	text, err := difflib.GetUnifiedDiffString(d)
	if err != nil {
		return
	}
	io.WriteString(w, text)
	if text != "" && !strings.HasSuffix(text, "\n") {
		io.WriteString(w, "\n")
	}
}

// splitLines splits after each line break; difflib.SplitLines would add an
// empty last line to every text that ends with one.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "\n"
	return lines
}

// WriteDiffSummary prints the line closing --diff: how many files the fixes
// would change.
func WriteDiffSummary(w io.Writer, changed int, lang string) {
	switch {
	case changed == 0:
		fmt.Fprintln(w, pick(lang, "没有可修复的内容。", "No fixes available."))
	default:
		fmt.Fprintln(w, pick(lang, fmt.Sprintf("%d 个文件可以修复。", changed),
			fmt.Sprintf("%d %s would be fixed.", changed, plural(changed, "file", "files"))))
	}
}

// NotRewrittenText words why the fixes of a file were not written
// (lint.FileResult.NotRewritten).
func NotRewrittenText(reason, lang string) string {
	zh := reason
	if strings.Contains(reason, ".docx") {
		zh = "--fix 不改写 .docx、.html 和 .pdf 文件"
	}
	return pick(lang, "未写入修复："+zh, "fixes not written: "+reason)
}

// pick chooses the Chinese or the English wording.
func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}
