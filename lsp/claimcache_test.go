package lsp

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
)

// claimSentences are sentences the narrative rules read claims from
// (GD-C001…C006, GD-D004), some agreeing with a table, most not.
var claimSentences = []string{
	"全年新收政府信息公开申请42件，上年结转2件，办结43件，结转下年度继续办理1件。",
	"本年度共收到政府信息公开申请12件。",
	"结转2025年度继续办理3件。",
	"结转2026年继续办理3件政府信息公开申请。",
	"本年度未收到政府信息公开申请。",
	"因政府信息公开被申请行政复议2件，行政诉讼1件。",
	"全年未出现因政府信息公开引起的行政复议和行政诉讼。",
	"制发行政规范性文件4件，废止2件，现行有效17件。",
	"所有申请均已按时办结，办结率100%。",
	"收取行政事业性收费3.5万元。",
	"本年度未收取行政事业性收费。",
	"予以公开6件（50%），部分公开3件，占25.00%。",
	"2023年，我局扎实推进政府信息公开申请办理工作。",
}

var digitRun = regexp.MustCompile(`[0-9]+`)

// TestClaimCacheMatchesFullRun edits the numbers the narrative rules compare
// — the digits of the tables and of the text, the report's year — and
// inserts and deletes sentences that state such numbers; after each edit the
// findings of a check that keeps the document's cache (claims of unchanged
// prose blocks recalled, not read again) must equal those of a fresh check.
// The narrative findings must change along the way, or the edits test
// nothing.
func TestClaimCacheMatchesFullRun(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testshared.Dir(t), "seeds", "*.txt"))
	files = append(files, filepath.Join("..", "testdata", "examples", "clean.txt"))
	cfg := lint.DefaultConfig()
	opts := &lint.Options{Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}
	rng := rand.New(rand.NewSource(7))
	edits, moved := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		var cache lint.ParagraphCache
		prev := ""
		for i := 0; i < 40; i++ {
			text = claimEdit(rng, text)
			edits++
			inc := lint.Check(lint.FromText("report.txt", text), cfg, lint.CheckOptions{Options: opts, Cache: &cache})
			full := lint.Check(lint.FromText("report.txt", text), cfg, lint.CheckOptions{Options: opts})
			if inc.Err != nil || full.Err != nil {
				t.Fatalf("%s edit %d: %v / %v", f, i, inc.Err, full.Err)
			}
			if !reflect.DeepEqual(inc.Diagnostics, full.Diagnostics) {
				t.Fatalf("%s edit %d: cached findings differ from a full run:\n%+v\nfull:\n%+v", f, i, inc.Diagnostics, full.Diagnostics)
			}
			var b strings.Builder
			for _, d := range full.Diagnostics {
				if strings.HasPrefix(d.Rule, "GD-C") || d.Rule == "GD-D004" {
					b.WriteString(d.Message + "\n")
				}
			}
			if b.String() != prev {
				moved++
			}
			prev = b.String()
		}
	}
	if moved < edits/4 {
		t.Fatalf("the narrative findings changed after only %d of %d edits", moved, edits)
	}
	t.Logf("%d edits, narrative findings changed after %d", edits, moved)
}

// claimEdit changes a digit of a table row or of a number the prose states,
// or inserts a claim sentence at the end of a prose line (in its paragraph),
// or deletes one, or changes the report's year.
func claimEdit(rng *rand.Rand, text string) string {
	lines := strings.SplitAfter(text, "\n")
	body := len(lines) // the lines before 五、存在的主要问题
	for i, l := range lines {
		if strings.HasPrefix(l, "五、") {
			body = i
			break
		}
	}
	switch rng.Intn(4) {
	case 0, 1: // a digit in a table row, or in a number the prose states
		table := rng.Intn(2) == 0
		var at []int
		for _, r := range digitRun.FindAllStringIndex(text, -1) {
			lineStart := strings.LastIndexByte(text[:r[0]], '\n') + 1
			inTable := strings.Contains(text[lineStart:r[0]], "\t")
			claim := strings.HasPrefix(text[r[1]:], "件") || strings.HasPrefix(text[r[1]:], "%") || strings.HasPrefix(text[r[1]:], "万元")
			if table && inTable || !table && !inTable && claim {
				at = append(at, r[0]+rng.Intn(r[1]-r[0]))
			}
		}
		if len(at) == 0 {
			break
		}
		i := at[rng.Intn(len(at))]
		return text[:i] + string(rune('0'+rng.Intn(10))) + text[i+1:]
	case 2:
		var prose []int
		for i, l := range lines[:body] {
			if strings.Contains(l, "。") && !strings.Contains(l, "\t") {
				prose = append(prose, i)
			}
		}
		if len(prose) == 0 {
			break
		}
		i := prose[rng.Intn(len(prose))]
		l := strings.TrimSuffix(lines[i], "\n")
		lines[i] = l + claimSentences[rng.Intn(len(claimSentences))] + lines[i][len(l):]
		return strings.Join(lines, "")
	}
	for _, s := range claimSentences[rng.Intn(len(claimSentences)):] {
		if i := strings.Index(text, s); i >= 0 {
			return text[:i] + text[i+len(s):]
		}
	}
	// the report's year, where the text names it
	return strings.Replace(text, "2024年", "2025年", 1)
}
