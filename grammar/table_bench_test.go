package grammar

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gdlint/gdlint/internal/testshared"
)

// parsersBeforeTables are parsers of the seed reports stopped just before
// findTables, with what findTables changes saved so it can run again.
func parsersBeforeTables(b *testing.B) []*parser {
	var ps []*parser
	paths, _ := filepath.Glob(filepath.Join(testshared.Dir(b), "seeds", "*.txt"))
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		src := NewSource(path, string(raw))
		v := IdentityView(maskComments(src.Text))
		p := &parser{src: src, v: v, text: v.Text, r: &Report{Source: src, Rendering: "text", View: v}, surplusWindow: -1}
		p.splitLines()
		p.findResidue()
		p.detectFormat()
		p.findSectionHeadings()
		p.buildSections()
		p.findTitle()
		p.findPeriod()
		p.findPublication()
		if len(p.tableRanges) != 0 || len(p.r.Unplaced) != 0 {
			b.Fatal("tables read before findTables")
		}
		ps = append(ps, p)
	}
	return ps
}

// The table reader alone (findTables) on each seed report, one op being the
// five: the part of a parse issue 11's table work is about.
//
//	go test ./grammar -run '^$' -bench FindTablesSeeds -benchmem -cpu 1
func BenchmarkFindTablesSeeds(b *testing.B) {
	ps := parsersBeforeTables(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range ps {
			p.tableRanges, p.r.Tables, p.r.Unplaced = p.tableRanges[:0], [3]*Table{}, nil
			p.findTables()
			if p.r.Tables[TableRequests-1] == nil {
				b.Fatal("no table 三")
			}
		}
	}
}
