package rules

import (
	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

// Helpers of the structure rules (GD-S, one file each: gd_s*.go): the title, the six parts of 国办公开办函〔2021〕30号
// in their order and wording, the five aspects of 总体情况, the three tables,
// and the format version.

const sectionsBasis = `
依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应当包括的五项内容，并由国务院政府信息公开工作主管部门
制定统一格式）；国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》（内容“不能遗漏，也不宜泛化”）；
规范 §2.1。六个部分依次为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。`

const sectionsBasisEN = `
Basis: Article 50 of the 《中华人民共和国政府信息公开条例》 (the five things an annual report must contain, in a uniform
format set by the State Council's department in charge of government information disclosure);
国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》 (the content “不能遗漏，也不宜泛化”: nothing left
out, nothing generic); spec §2.1. The six parts, in order: 一、总体情况; 二、主动公开政府信息情况;
三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况;
六、其他需要报告的事项.`

var keptSectionsKey = lint.NewMemoKey[[2][]*grammar.Section]("kept sections")

// keptSectionsOf is keptSections of the run's report, made once per run
// (six structure rules read it); the callers only read the slices.
func keptSectionsOf(c *lint.Context) (kept, dups []*grammar.Section) {
	v := lint.Memo(c, keptSectionsKey, func() [2][]*grammar.Section {
		kept, dups := keptSections(c.Report)
		return [2][]*grammar.Section{kept[:len(kept):len(kept)], dups[:len(dups):len(dups)]}
	})
	return v[0], v[1]
}

// keptSections returns the sections after dropping duplicates (the ones
// GD-S003 reports), in document order.
func keptSections(rep *grammar.Report) (kept, dups []*grammar.Section) {
	for _, s := range rep.Sections {
		if s.Key == "" {
			continue
		}
		if keptOfKey(rep, s.Key) == s {
			kept = append(kept, s)
		} else {
			dups = append(dups, s)
		}
	}
	return kept, dups
}

// keptOfKey is the section of key k that is kept: the one holding the
// table of the part, else the first with the template's heading, else the
// first. A report has a few sections: they are looked through, not put in
// maps.
func keptOfKey(rep *grammar.Report, k grammar.SectionKey) *grammar.Section {
	if d := grammar.SectionByKey(k); d != nil && d.Table > 0 {
		if t := rep.Table(d.Table); t != nil {
			for _, s := range rep.Sections {
				if s.Key == k && s.Span.Start <= t.Span.Start && t.Span.Start < s.Span.End {
					return s
				}
			}
		}
	}
	var first *grammar.Section
	for _, s := range rep.Sections {
		if s.Key != k {
			continue
		}
		if s.Heading.Canonical {
			return s
		}
		if first == nil {
			first = s
		}
	}
	return first
}

// inOrder marks the sections that belong to the longest run in template
// order; the others are out of place.
func inOrder(ss []*grammar.Section) []bool {
	n := len(ss)
	// a report has a few parts: the work arrays on the stack
	var bestBuf, prevBuf [16]int
	best, prev := bestBuf[:0], prevBuf[:0]
	if n > len(bestBuf) {
		best, prev = make([]int, 0, n), make([]int, 0, n)
	}
	best, prev = best[:n], prev[:n]
	end := -1
	for i := range ss {
		best[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if ss[j].Def.Number < ss[i].Def.Number && best[j]+1 > best[i] {
				best[i], prev[i] = best[j]+1, j
			}
		}
		if end < 0 || best[i] > best[end] {
			end = i
		}
	}
	ok := make([]bool, n)
	for i := end; i >= 0; i = prev[i] {
		ok[i] = true
	}
	return ok
}

func headingText(rep *grammar.Report, h *grammar.Heading) string {
	if h.Full != "" {
		return h.Full
	}
	return rep.Source.Slice(h.Span)
}

// firstFormat2021 is the first report year of the 2021 format.
const firstFormat2021 = 2021
