package rules

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// poolReports are the seeds and the corpus, and the seeds again with CRLF
// line ends and with random pieces (𠀀, invalid UTF-8, line breaks) put in.
func poolReports(t *testing.T) []*grammar.Report {
	reps := sharedReports(t)
	rng := rand.New(rand.NewSource(12))
	pieces := []string{"𠀀", "\xff", "\xe7\x9a", "\r\n", "\n", "\n\n", "的的", "。", "申请", "规范性文件", "行政复议"}
	for _, rep := range reps[:5] {
		text := rep.Source.Text
		reps = append(reps, grammar.Parse(grammar.NewSource("crlf.txt", strings.ReplaceAll(text, "\n", "\r\n"))))
		for k := 0; k < 3; k++ {
			b := []byte(text)
			for n := 0; n < 40; n++ {
				at := rng.Intn(len(b) + 1)
				b = slices.Insert(b, at, []byte(pieces[rng.Intn(len(pieces))])...)
			}
			reps = append(reps, grammar.Parse(grammar.NewSource("mixed.txt", string(b))))
		}
	}
	return reps
}

// A proseRun built in the arrays of earlier reports, given back by
// ReleaseRun, gives the blocks a new one gives (proseBlocks, the reference),
// and a released run holds nothing of the report.
func TestProseRunReusedAsNew(t *testing.T) {
	run := &proseRun{pooled: true}
	for _, rep := range poolReports(t) {
		got, want := run.build(rep), proseBlocks(rep)
		if len(got) != len(want) {
			t.Fatalf("%s: %d blocks, want %d", rep.Source.Path, len(got), len(want))
		}
		for i, b := range got {
			b.arena = &run.sents
			w := want[i]
			if b.Text != w.Text || b.Section != w.Section || b.report != w.report || !slices.Equal(b.Paras, w.Paras) ||
				!slices.Equal(b.pieces, w.pieces) || !slices.Equal(b.sentences(), w.sentences()) {
				t.Fatalf("%s: block %d differs from a new one", rep.Source.Path, i)
			}
		}
		run.ReleaseRun()
		for _, a := range []any{run.all[:cap(run.all)], run.blocks[:cap(run.blocks)], run.narrative[:cap(run.narrative)], run.pieces[:cap(run.pieces)],
			run.paras[:cap(run.paras)], run.facts[:cap(run.facts)], run.sents[:cap(run.sents)]} {
			v := reflect.ValueOf(a)
			for i := 0; i < v.Len(); i++ {
				if !v.Index(i).IsZero() {
					t.Fatalf("a released run keeps %v", v.Index(i))
				}
			}
		}
		run.pooled = true // taken again, as blocksOf takes it
	}
}

// Runs one after another reuse the prose arrays: each report's findings
// are the same whichever report ran before.
func TestRunsAfterOtherRunsAsAlone(t *testing.T) {
	reps := poolReports(t)
	first := make([][]lint.Diagnostic, len(reps))
	for i, rep := range reps {
		first[i] = lint.Run(rep, nil, nil)
	}
	for i := len(reps) - 1; i >= 0; i-- {
		if got := lint.Run(reps[i], nil, nil); !reflect.DeepEqual(got, first[i]) {
			t.Fatalf("%s: the findings differ in the second pass", reps[i].Source.Path)
		}
	}
}
