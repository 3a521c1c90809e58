package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/gdlint/gdlint/lint"
)

var indentCases = []string{
	`{}`, `[]`, `""`, `0`, `null`, `[[],{},[{}],{"a":[]}]`,
	`{"a":1,"b":[true,false,null],"c":{"d":"e"}}`,
	// structural characters, escaped quotes and backslashes inside strings
	`{"k\"ey":"{[,:]}","q":"a\\","r":"\\\"","s":"\\\\\"]","t":"\u003c\u2028"}`,
	`[1.5e-7,-0,"𠮷",{"":""}]`,
	`{"a":[1,2],"b":{}}`,
}

func jsonIndentOf(t *testing.T, src string) string {
	t.Helper()
	var want bytes.Buffer
	if err := json.Indent(&want, []byte(src), "", "  "); err != nil {
		t.Fatal(err)
	}
	return want.String()
}

func TestWriteIndentedJSONMatchesIndent(t *testing.T) {
	for _, src := range indentCases {
		var got bytes.Buffer
		if err := writeIndentedJSON(&got, []byte(src)); err != nil {
			t.Fatal(err)
		}
		if want := jsonIndentOf(t, src); got.String() != want {
			t.Errorf("%s:\n got %q\nwant %q", src, got.String(), want)
		}
	}
}

// A document larger than the buffer comes out whole: the fixture's
// findings many times over, against json.MarshalIndent (what go-sarif's
// PrettyWrite does).
func TestWriteIndentedJSONLarge(t *testing.T) {
	r := jsonFixture()
	var many []JSONDiagnostic
	for range 100 {
		many = append(many, JSONDiagnostics([]*lint.FileResult{r}, OutputOptions{})...)
	}
	compact, err := json.Marshal(many)
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.MarshalIndent(many, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := writeIndentedJSON(&got, compact); err != nil {
		t.Fatal(err)
	}
	if got.Len() < 2*flushAt || got.String() != string(want) {
		t.Errorf("%d bytes, not the %d of json.MarshalIndent", got.Len(), len(want))
	}
}

func FuzzWriteIndentedJSON(f *testing.F) {
	for _, src := range indentCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var v any
		if json.Unmarshal([]byte(src), &v) != nil {
			return
		}
		compact, err := json.Marshal(v)
		if err != nil {
			return
		}
		var got bytes.Buffer
		if err := writeIndentedJSON(&got, compact); err != nil {
			t.Fatal(err)
		}
		if want := jsonIndentOf(t, string(compact)); got.String() != want {
			t.Errorf("%q:\n got %q\nwant %q", compact, got.String(), want)
		}
	})
}
