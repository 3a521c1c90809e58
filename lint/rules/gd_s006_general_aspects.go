package rules

import (
	"fmt"
	"strings"
	"sync"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-S006", Name: "general-aspects", Family: lint.FamilyStructure, Severity: lint.Warning,
		Summary:   "“总体情况”缺少模板要求的五个方面之一",
		SummaryEN: "“总体情况” lacks one of the five aspects the template asks for",
		Explanation: `模板要求“总体情况”主要从五个方面概述贯彻落实条例的情况：主动公开、依申请公开、政府信息管理、
政府信息公开平台建设、监督保障。本规则在“总体情况”的小标题和正文中查找这五个方面的关键词，报告完全没有提到的方面。
五个方面来自 2021 年格式，2019、2020 年度报告不检查。

依据：国办公开办函〔2021〕30号“（一）总体情况”；规范 §2.3。`,
		ExplanationEN: `The template asks “总体情况” to summarise the implementation of the 条例 mainly under five aspects: 主动公开 (proactive
disclosure), 依申请公开 (disclosure on request), 政府信息管理 (information management), 政府信息公开平台建设 (disclosure
platforms) and 监督保障 (oversight and safeguards). This rule looks for keywords of the five aspects in the subheadings
and text of “总体情况” and reports the aspects not mentioned at all. The five aspects come from the 2021 format; reports
for 2019 and 2020 are not checked.

Basis: “（一）总体情况” in 国办公开办函〔2021〕30号; spec §2.3.`,
		Check: checkGeneralAspects,
	})
}

func checkGeneralAspects(ctx *lint.Context) {
	rep := ctx.Report
	if y := reportYear(rep); y > 0 && y < firstFormat2021 {
		return // the five aspects are the 2021 template's
	}
	kept, _ := keptSectionsOf(ctx)
	var gen *grammar.Section
	for _, s := range kept {
		if s.Key == grammar.SecGeneral {
			gen = s
		}
	}
	if gen == nil {
		return
	}
	// the part runs to the next part that is not a duplicate (GD-S003's)
	span := gen.Span
	for _, s := range kept {
		if s.Heading.Span.Start > gen.Heading.Span.Start {
			span.End = s.Heading.Span.Start
			break
		}
	}
	// an aspect counts when a sub-heading names it or, failing that, when
	// the section's text speaks of it; the sub-headings are read (as label
	// keys) until every aspect is named
	kws := aspectKeywords()
	named := make([]bool, len(grammar.GeneralAspects))
	left := len(named)
	for _, h := range rep.Headings {
		if left == 0 {
			break
		}
		if h.Level != 2 || h.Span.Start < span.Start || h.Span.Start >= span.End {
			continue
		}
		key := grammar.LabelKey(matchText(rep, h.Text))
		have := charBits(key)
		for _, kw := range kws {
			if have&kw.bits == kw.bits && !named[kw.aspect] && hasWord(key, kw.word) {
				named[kw.aspect] = true
				left--
			}
		}
	}
	var missing []string
	body, bodyDone := "", false // the section's text as a label key, built only when a heading does not tell
	for i, a := range grammar.GeneralAspects {
		found := named[i]
		for _, k := range a.Keywords {
			if found {
				break
			}
			if !bodyDone {
				body, bodyDone = grammar.LabelKey(matchText(rep, rep.Source.Slice(span))), true
			}
			found = hasWord(body, k)
		}
		if !found {
			missing = append(missing, a.Name)
		}
	}
	if len(missing) == 0 {
		return
	}
	ctx.Emitf(gen.Heading.Span,
		fmt.Sprintf("“总体情况”中找不到“%s”方面（模板要求概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面）",
			strings.Join(missing, "”“")),
		fmt.Sprintf("“总体情况” does not cover “%s” (the template asks for five aspects)", strings.Join(missing, "”, “")))
}

// charBits is a set of the three-byte sequences of s that start with a
// byte E0–EF (the characters U+0800–U+FFFF, wherever they start), each as
// one of 64 bits: a word whose characters' bits are not all in it is not
// in s, without a search (a heading is tested for fifteen keywords).
func charBits(s string) uint64 {
	var bits uint64
	for i := 0; i+2 < len(s); i++ {
		if s[i]&0xF0 == 0xE0 {
			c1, c2 := s[i+1], s[i+2]
			bits |= 1 << ((uint(c1)*31 + uint(c2)) & 63)
			if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				i += 2 // continuation bytes: no sequence starts there
			}
		}
	}
	return bits
}

// aspectKeyword is a keyword of grammar.GeneralAspects[aspect] with its
// charBits.
type aspectKeyword struct {
	aspect int
	word   string
	bits   uint64
}

// aspectKeywords are the keywords of grammar.GeneralAspects in order, in
// one list.
var aspectKeywords = sync.OnceValue(func() []aspectKeyword {
	var out []aspectKeyword
	for i, a := range grammar.GeneralAspects {
		for _, k := range a.Keywords {
			out = append(out, aspectKeyword{i, k, charBits(k)})
		}
	}
	return out
})
