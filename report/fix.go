package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/gdlint/gdlint/lint"
)

// WriteDiff prints a unified diff of r's decoded text before and after its
// fixes (--diff), with three lines of context, as patch reads it.
func WriteDiff(w io.Writer, r *lint.FileResult) {
	io.WriteString(w, udiff.Unified(r.Path, r.Path, r.Original, r.Fixed))
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
	if strings.Contains(reason, "did not converge") {
		zh = "修复未收敛（10 轮后文本仍在变化），未写入任何内容"
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

// SkippedText is the line for a file a directory walk found that is not an
// annual report, with why (lint.Gate's Why and WhyEN).
func SkippedText(why, whyEN, lang string) string {
	return pick(lang, "已跳过：不是政府信息公开年度报告（"+why+"）", "skipped: not an annual report ("+whyEN+")")
}
