package format_test

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/grammar/input"
	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint"
	"github.com/gdlint/gdlint/lint/format"
	_ "github.com/gdlint/gdlint/lint/rules"
)

// reportFiles are the text and Markdown reports the properties are checked
// on: the seeds, the corpus (a missing ../shared fails in CI), the bundled
// examples and the crawler cases.
func reportFiles(t *testing.T) []string {
	t.Helper()
	shared := testshared.Dir(t)
	var files []string
	for _, dir := range []string{filepath.Join(shared, "seeds"), filepath.Join(shared, "corpus"),
		"../../testdata/examples", "../../testdata/crawler"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if ext := filepath.Ext(p); !d.IsDir() && (ext == ".txt" || ext == ".md") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 40 {
		t.Fatalf("only %d report files found", len(files))
	}
	return files
}

func decode(t testing.TB, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src, err := input.Read(path, raw)
	if err != nil {
		t.Fatal(err)
	}
	return src.Text
}

// sentenceNumbers are the numbers of each sentence (a stretch ended by a
// full stop, a semicolon, ! ? or a line break, half- or full-width), for
// the sentences that hold any.
func sentenceNumbers(text string) [][]string {
	var out [][]string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。；;！!？?\n", r) }) {
		if ns := format.Numbers(s); len(ns) > 0 {
			out = append(out, ns)
		}
	}
	return out
}

// cellValues are the values of every table cell, by table, row and column.
func cellValues(rep *grammar.Report) []string {
	var out []string
	for i, tb := range rep.Tables {
		if tb == nil {
			continue
		}
		for _, c := range tb.Cells() {
			out = append(out, fmt.Sprintf("%d|%s|%s|%v|%v", i+1, c.Row.Key, c.Col.Key, c.Value, format.Numbers(c.Text)))
		}
	}
	return out
}

// checkProperties asserts what fmt promises on text: the numbers of every
// sentence and every table cell are unchanged, and formatting again
// changes nothing.
func checkProperties(t *testing.T, path, text string) format.Result {
	t.Helper()
	before := grammar.Parse(grammar.NewSource(path, text))
	res := format.Format(before)
	if !utf8.ValidString(res.Text) {
		t.Fatalf("%s: formatted text is not UTF-8", path)
	}
	if applied, _ := lint.ApplyEdits(text, res.Edits); applied != res.Text {
		t.Fatalf("%s: the edits do not give the formatted text", path)
	}
	if !slices.EqualFunc(sentenceNumbers(text), sentenceNumbers(res.Text), slices.Equal) {
		t.Errorf("%s: the numbers of a sentence changed", path)
	}
	after := grammar.Parse(grammar.NewSource(path, res.Text))
	if a, b := cellValues(before), cellValues(after); !slices.Equal(a, b) {
		t.Errorf("%s: table cells changed:\n%v\n%v", path, a, b)
	}
	if again := format.Text(path, res.Text); again.Text != res.Text {
		t.Errorf("%s: not idempotent: a second fmt changed\n%q\ninto\n%q", path, res.Text, again.Text)
	}
	return res
}

func TestFormatKeepsValuesAndIsIdempotent(t *testing.T) {
	changed := 0
	for _, path := range reportFiles(t) {
		res := checkProperties(t, path, decode(t, path))
		if res.Changed() {
			changed++
		}
	}
	// the property must not hold only because nothing was formatted
	if changed < 10 {
		t.Errorf("only %d files changed by fmt", changed)
	}
}

// mutate messes up a report the ways drafts are messy: ASCII punctuation
// beside Chinese, trailing spaces, runs of blank lines, heading numbers
// with a dot, numbers with thousands separators, CRLF line ends.
func mutate(rng *rand.Rand, text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		switch rng.Intn(12) {
		case 0:
			lines[i] = l + strings.Repeat(" ", 1+rng.Intn(3))
		case 1:
			lines[i] = l + "\n\n"
		case 2:
			lines[i] = strings.Replace(l, "、", ".", 1)
		case 3:
			lines[i] = strings.NewReplacer("，", ",", "：", ":", "（", "(", "）", ")", "；", ";").Replace(l)
		case 4:
			lines[i] = l + "共1,234件,其中(含12:30)3项"
		case 5:
			lines[i] = "\t" + l + "\t"
		case 6:
			lines[i] = "| " + strings.ReplaceAll(l, "\t", " | ") + " |"
		}
	}
	out := strings.Join(lines, "\n")
	if rng.Intn(3) == 0 {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return out
}

func TestFormatMutatedReports(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	files := reportFiles(t)
	for i := 0; i < 60; i++ {
		path := files[rng.Intn(len(files))]
		ext := []string{".txt", ".md"}[rng.Intn(2)]
		checkProperties(t, strings.TrimSuffix(path, filepath.Ext(path))+ext, mutate(rng, decode(t, path)))
	}
}

// Formatting changes no finding but the half-width punctuation it fixes:
// the rule and message of every finding after fmt were there before, and
// every finding before is still there, GD-W004 aside (positions aside,
// punctuation and spaces of quoted text aside: findingKey). A GD-X001
// needless suppression of GD-W004 may come. Web and crawler residue
// (GD-W002) must stay visible.
func TestFormatChangesNoFinding(t *testing.T) {
	cfg := lint.DefaultConfig()
	for _, path := range reportFiles(t) {
		text := decode(t, path)
		res := format.Text(path, text)
		if !res.Changed() {
			continue
		}
		count := map[string]int{}
		for _, d := range lint.Check(lint.FromText(path, text), cfg, lint.CheckOptions{}).Diagnostics {
			count[findingKey(d)]++
		}
		for _, d := range lint.Check(lint.FromText(path, res.Text), cfg, lint.CheckOptions{}).Diagnostics {
			k := findingKey(d)
			if d.Rule == "GD-X001" && strings.Contains(d.Message, "GD-W004") {
				continue // a suppression of GD-W004 that fmt made needless
			}
			if count[k] == 0 {
				t.Errorf("%s: new finding after fmt: %s", path, k)
			}
			count[k]--
		}
		for k, n := range count {
			if n > 0 && !strings.HasPrefix(k, "GD-W004 ") {
				t.Errorf("%s: finding lost after fmt: %s", path, k)
			}
		}
	}
}

// findingKey is a finding without its position. Messages that quote the
// text quote it with the punctuation fmt converts, so the quote is compared
// with full-width punctuation.
func findingKey(d lint.Diagnostic) string {
	return d.Rule + " " + strings.NewReplacer(",", "，", ":", "：", ";", "；", "?", "？", "!", "！", "(", "（", ")", "）", " ", "").Replace(d.Message)
}

func FuzzFormat(f *testing.F) {
	f.Add("report.txt", "一.总体情况\n\n\n本局坚持公开为常态,不公开为例外(含政策解读)1,000条。  \n")
	f.Add("report.md", "## 二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |\n")
	f.Add("report.txt", "三、本年度办理结果\t(一) 予以公开\t0\t1\t\r\n(七) 总计\t\t0\t1\r\n")
	f.Fuzz(func(t *testing.T, name, text string) {
		if !utf8.ValidString(text) || len(text) > 1<<14 {
			return
		}
		path := "f.txt"
		if strings.HasSuffix(name, ".md") {
			path = "f.md"
		}
		before := grammar.Parse(grammar.NewSource(path, text))
		res := format.Format(before)
		if !slices.Equal(format.Numbers(text), format.Numbers(res.Text)) {
			t.Fatalf("numbers changed:\n%q\n%q", text, res.Text)
		}
		if !format.SameReading(before, grammar.Parse(grammar.NewSource(path, res.Text))) {
			t.Fatalf("reads differently:\n%q\n%q", text, res.Text)
		}
		if again := format.Text(path, res.Text); again.Text != res.Text {
			t.Fatalf("not idempotent:\n%q\n%q\n%q", text, res.Text, again.Text)
		}
	})
}
