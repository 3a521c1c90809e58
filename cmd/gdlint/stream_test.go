package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gdlint/gdlint/lint"
)

// TestCheckInOrder: files are handed on in their order whatever order the
// workers finish in, and no more than the window wait checked.
func TestCheckInOrder(t *testing.T) {
	for _, jobs := range []int{1, 2, 8} {
		n := 300
		var running, waiting, maxWaiting atomic.Int64
		var emitted []int
		checkInOrder(n, jobs,
			func(i int) checkedFile {
				if r := running.Add(1); r > int64(jobs) {
					t.Errorf("jobs %d: %d checks at once", jobs, r)
				}
				time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
				running.Add(-1)
				w := waiting.Add(1)
				for m := maxWaiting.Load(); w > m && !maxWaiting.CompareAndSwap(m, w); m = maxWaiting.Load() {
				}
				return checkedFile{result: &lint.FileResult{Path: fmt.Sprint(i)}}
			},
			func(i int, f checkedFile) {
				waiting.Add(-1)
				if f.result.Path != fmt.Sprint(i) {
					t.Errorf("emit(%d) got file %s", i, f.result.Path)
				}
				emitted = append(emitted, i)
			})
		if len(emitted) != n || !slices.IsSorted(emitted) {
			t.Errorf("jobs %d: emitted %d files, sorted %v", jobs, len(emitted), slices.IsSorted(emitted))
		}
		if w := maxWaiting.Load(); w > int64(4*jobs+16) {
			t.Errorf("jobs %d: %d files waited checked, window %d", jobs, w, 4*jobs+16)
		}
	}
}

// TestCheckStreamsCrossYearLast: text and json write each file's findings
// as it is checked, so the cross-year findings, known only at the end, come
// after every file's own; the formats written at the end (SARIF) keep them
// among the file's. Both list the same findings.
func TestCheckStreamsCrossYearLast(t *testing.T) {
	dir := t.TempDir()
	writeReport(t, filepath.Join(dir, "2022.txt"), 2022, 10, 0, 8) // 结转下年 2
	writeReport(t, filepath.Join(dir, "2023.txt"), 2023, 5, 1, 6)  // 上年结转 1 ≠ 2
	writeReport(t, filepath.Join(dir, "2024.txt"), 2024, 5, 3, 6)  // 上年结转 3 ≠ 0
	type finding struct {
		File, Rule string
		Line, Col  int
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--format", "json", "--today", "2026-12-03", dir}, nil, &stdout, &stderr); code == exitError {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var streamed []struct {
		File   string `json:"file"`
		Rule   string `json:"rule"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &streamed); err != nil {
		t.Fatal(err)
	}
	var got []finding
	lastOwn, firstYear := -1, len(streamed)
	for i, d := range streamed {
		got = append(got, finding{d.File, d.Rule, d.Line, d.Column})
		if strings.HasPrefix(d.Rule, "GD-Y") {
			firstYear = min(firstYear, i)
		} else {
			lastOwn = i
		}
	}
	t.Logf("%d findings, first GD-Y %d, last own %d (%s)", len(streamed), firstYear, lastOwn, got[lastOwn].File)
	if firstYear == len(streamed) || lastOwn < 0 || firstYear < lastOwn {
		t.Fatalf("want own findings, then the cross-year ones: first GD-Y at %d, last own at %d", firstYear, lastOwn)
	}
	// the own findings in file order, and the cross-year ones (of more
	// than one file: their texts are read back on the workers) too
	for i := 1; i < len(got); i++ {
		if i != firstYear && got[i].File < got[i-1].File {
			t.Errorf("finding %d of %s after %s", i, got[i].File, got[i-1].File)
		}
	}
	if got[firstYear].File == got[len(got)-1].File {
		t.Errorf("the cross-year findings are all of %s: their order is not tested", got[firstYear].File)
	}

	stdout.Reset()
	if code := run([]string{"check", "--format", "sarif", "--today", "2026-12-03", dir}, nil, &stdout, &stderr); code == exitError {
		t.Fatalf("sarif exit %d", code)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					Physical struct {
						Artifact struct{ URI string } `json:"artifactLocation"`
						Region   struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &sarif); err != nil {
		t.Fatal(err)
	}
	var whole []finding
	inline := false
	for i, r := range sarif.Runs[0].Results {
		p := r.Locations[0].Physical
		whole = append(whole, finding{filepath.Base(p.Artifact.URI), r.RuleID, p.Region.StartLine, p.Region.StartColumn})
		if strings.HasPrefix(r.RuleID, "GD-Y") && i+1 < len(sarif.Runs[0].Results) && !strings.HasPrefix(sarif.Runs[0].Results[i+1].RuleID, "GD-Y") {
			inline = true
		}
	}
	if !inline {
		t.Error("SARIF: the cross-year findings are not among their file's")
	}
	for i := range got {
		got[i].File = filepath.Base(got[i].File)
	}
	key := func(f finding) string { return fmt.Sprint(f) }
	a, b := make([]string, len(got)), make([]string, len(whole))
	for i := range got {
		a[i] = key(got[i])
	}
	for i := range whole {
		b[i] = key(whole[i])
	}
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		t.Errorf("json and SARIF list different findings:\n%v\n%v", a, b)
	}
}

// TestCheckSafelyKeepsTheOrder: a file whose check panics becomes an error
// for that file, and the files after it are still handed on, in order.
func TestCheckSafelyKeepsTheOrder(t *testing.T) {
	files := []string{"a.txt", "boom.txt", "c.txt", "-"}
	var got []string
	checkInOrder(len(files), 2,
		func(i int) checkedFile {
			return checkSafely(files[i], func(p string) checkedFile {
				if p == "boom.txt" || p == "-" {
					panic("a rule broke")
				}
				return checkedFile{result: &lint.FileResult{Path: p}}
			})
		},
		func(i int, f checkedFile) {
			s := f.result.Path
			if f.result.Err != nil {
				s += " error: " + f.result.Err.Error()
			}
			got = append(got, s)
		})
	want := []string{"a.txt", "boom.txt error: internal error (please report it with the file): a rule broke", "c.txt",
		stdinName + " error: internal error (please report it with the file): a rule broke"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestCheckInOrderPanics: a panic while a file is checked or emitted
// reaches the caller, and no worker is left waiting for the files after it
// (the run would hang instead of failing).
func TestCheckInOrderPanics(t *testing.T) {
	for _, in := range []string{"check", "emit"} {
		for _, jobs := range []int{1, 2, 8} {
			done := make(chan any, 1)
			go func() {
				defer func() { done <- recover() }()
				checkInOrder(400, jobs,
					func(i int) checkedFile {
						if in == "check" && i == 5 {
							panic("check failed")
						}
						return checkedFile{result: &lint.FileResult{Path: fmt.Sprint(i)}}
					},
					func(i int, f checkedFile) {
						if in == "emit" && i == 5 {
							panic("emit failed")
						}
					})
			}()
			select {
			case p := <-done:
				if p == nil || !strings.Contains(fmt.Sprint(p), in+" failed") {
					t.Errorf("%s, jobs %d: recovered %v, want the %s's panic", in, jobs, p, in)
				}
			case <-time.After(time.Minute):
				t.Fatalf("%s, jobs %d: checkInOrder still running a minute after a panic", in, jobs)
			}
		}
	}
}
