package batchreport

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
	"github.com/gdlint/gdlint/lint/batch"
)

// writeJSONReference is WriteJSON as it was, with the reports' heads and
// the checks marshalled by encoding/json.
func writeJSONReference(w io.Writer, res *batch.Result) error {
	d := documentOf(res, false)
	reports := d.Reports
	d.Reports = []jsonReport{}
	var head bytes.Buffer
	if err := newJSONEncoder(&head, "").Encode(d); err != nil {
		return err
	}
	marker := []byte("\n  \"reports\": [],\n")
	at := bytes.Index(head.Bytes(), marker)
	if len(reports) == 0 || at < 0 {
		_, err := w.Write(head.Bytes())
		return err
	}
	sources := newSourceCache(res)
	bw := bufio.NewWriter(w)
	bw.Write(head.Bytes()[:at])
	bw.WriteString("\n  \"reports\": [")
	var elem bytes.Buffer
	var findings []byte
	var found []jsonFinding
	enc := newJSONEncoder(&elem, "    ")
	empty := []byte(`"diagnostics": []` + "\n    }\n")
	for i := range reports {
		jr := &reports[i]
		jr.statsAt(sources)
		jr.withStats()
		elem.Reset()
		if err := enc.Encode(jr); err != nil {
			return err
		}
		jr.Stats = nil
		head, ok := bytes.CutSuffix(elem.Bytes(), empty)
		if !ok {
			return errors.New("batch JSON: a report does not end with its findings")
		}
		found = jfindings(found, res.Reports[i], sources, res.Lang, true)
		findings = appendFindings(findings[:0], found)
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(head)
		bw.WriteString(`"diagnostics": `)
		bw.Write(findings)
		bw.WriteString("\n    }")
	}
	bw.WriteString("\n  ],\n")
	bw.Write(head.Bytes()[at+len(marker):])
	return bw.Flush()
}

// WriteJSON writes what writeJSONReference writes: on the fixture (both
// languages), the seeds over years, and reports and checks of random
// text and numbers.
func TestJSONHeadsMatchEncodingJSON(t *testing.T) {
	same := func(what string, res *batch.Result) {
		t.Helper()
		var got, want bytes.Buffer
		if err := WriteJSON(&got, res); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONReference(&want, res); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			at := firstDiff(got.String(), want.String())
			t.Errorf("%s: documents differ at byte %d: %q, want %q", what, at, got.String()[at:min(at+80, got.Len())], want.String()[at:min(at+80, want.Len())])
		}
	}
	for _, lang := range []string{"", "en"} {
		same("fixture "+lang, runFixture(t, &batch.Options{Lang: lang}))
	}
	dir := t.TempDir()
	for i, f := range testshared.Seeds(t) {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for y := range 6 {
			name := filepath.Join(dir, fmt.Sprintf("%02d-%d.txt", i, 2019+y))
			if err := os.WriteFile(name, text, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	res, err := batch.Run([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	same("seeds", res)

	rng := rand.New(rand.NewPCG(3, 5))
	pieces := []string{"<", ">", "&", "\"", "\\", "\x00", "\x1f", "𠀀", "\r\n", "\xff", "\xe4\xb8", "甲", "a", " ", "\u2028", "\t"}
	str := func() string {
		var sb strings.Builder
		for range rng.IntN(6) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return sb.String()
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e-6, 9.99e-7, 1e-7, -3e-9, 1e20, 1e21, 1.5e300, 123456789.125, 0.1 + 0.2}
	float := func() float64 {
		if rng.IntN(2) == 0 {
			return floats[rng.IntN(len(floats))]
		}
		return (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(50)-25))
	}
	value := func() *jsonValue {
		if rng.IntN(3) == 0 {
			return nil
		}
		v := &jsonValue{Value: float(), Text: str(), Line: rng.IntN(100) - 1, Column: rng.IntN(100)}
		if rng.IntN(2) == 0 {
			v.Doubt = str()
		}
		return v
	}
	for range 2000 {
		c := &jsonCheck{Kind: str(), Rule: str(), Body: str(), BodyKey: str(), Year: rng.IntN(3000), PrevYear: rng.IntN(3000), Path: str(), PrevPath: str(),
			Status: batch.Status(str()), Message: str(), MessageEN: str()}
		for range rng.IntN(3) {
			c.Columns = append(c.Columns, jsonColumn{Key: str(), Label: str(), LabelEN: str(), Prev: value(), Cur: value(), Status: batch.Status(str())})
		}
		if rng.IntN(3) == 0 {
			c.Columns = []jsonColumn{} // omitted as nil is
		}
		if rng.IntN(2) == 0 {
			c.Similarity = &jsonSimilarity{Share: float(), Segments: rng.IntN(50), Identical: rng.IntN(50), Chars: rng.IntN(5000), IdenticalChars: rng.IntN(5000),
				Threshold: float(), Jaccard: float()}
			if rng.IntN(4) > 0 {
				c.Similarity.Matches = []jsonMatch{}
			}
			for range rng.IntN(3) {
				c.Similarity.Matches = append(c.Similarity.Matches, jsonMatch{Line: rng.IntN(50), Column: rng.IntN(50), PrevLine: rng.IntN(50), PrevColumn: rng.IntN(50), Jaccard: float()})
			}
		}
		for range rng.IntN(3) {
			c.Missing = append(c.Missing, 2000+rng.IntN(30))
		}
		var want bytes.Buffer
		if err := newJSONEncoder(&want, "    ").Encode(c); err != nil {
			t.Fatal(err)
		}
		if got, ok := appendCheck(nil, c); !ok || string(got)+"\n" != want.String() {
			t.Fatalf("appendCheck (%v):\n%s\nencoding/json:\n%s", ok, got, want.String())
		}

		r := &jsonReport{Path: str(), Format: str(), Body: str(), BodyKey: str(), BodyFrom: str(), Year: rng.IntN(3000), YearFrom: str(),
			CrossYear: batch.Status(str()), Diagnostics: []jsonFinding{}}
		if rng.IntN(4) == 0 {
			r.Error = str()
		}
		if rng.IntN(2) == 0 {
			r.Encoding, r.Rendering, r.Published, r.Signed = str(), str(), str(), str()
		}
		if rng.IntN(2) == 0 {
			r.Period = &jsonPeriod{Start: str(), End: str()}
		}
		r.Counts = jsonCounts{Errors: rng.IntN(9), Warnings: rng.IntN(9), Infos: rng.IntN(9)}
		if rng.IntN(5) > 0 {
			r.Counts.ByFamily = map[string]*batch.SeverityCounts{}
			for range rng.IntN(4) {
				r.Counts.ByFamily[str()] = &batch.SeverityCounts{Errors: rng.IntN(5), Warnings: rng.IntN(5), Infos: rng.IntN(5)}
			}
			if rng.IntN(5) == 0 {
				r.Counts.ByFamily[str()+"x"] = nil
			}
		}
		for range batch.StatDefs {
			r.statsList = append(r.statsList, value())
		}
		r.withStats()
		want.Reset()
		if err := newJSONEncoder(&want, "    ").Encode(r); err != nil {
			t.Fatal(err)
		}
		got, ok := appendReportHead(nil, r)
		if !ok || string(got)+"\"diagnostics\": []\n    }\n" != want.String() {
			t.Fatalf("appendReportHead (%v):\n%s\nencoding/json:\n%s", ok, got, want.String())
		}
	}
	// NaN and the infinities are refused, as encoding/json refuses them
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, ok := appendCheck(nil, &jsonCheck{Similarity: &jsonSimilarity{Jaccard: f}}); ok {
			t.Errorf("appendCheck wrote %v", f)
		}
		stats := make([]*jsonValue, len(batch.StatDefs))
		stats[len(stats)-1] = &jsonValue{Value: f}
		if _, ok := appendReportHead(nil, &jsonReport{statsList: stats}); ok {
			t.Errorf("appendReportHead wrote %v", f)
		}
	}
}
