package rules

import (
	"slices"
	"strings"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

func init() {
	lint.Register(&lint.Rule{
		ID: "GD-T012", Name: "missing-column-label", Family: lint.FamilyTables, Severity: lint.Warning,
		Summary:   "表格的列标题中缺少模板的某一列",
		SummaryEN: "A column heading of the template is missing from a table",
		Explanation: `数值按模板的列顺序对应，但列标题缺失或残缺时（例如表四的“结果纠正”被截成“结果”），
读者无法确认各列的含义，也可能意味着列被删减或移位。本规则列出在表格中找不到的列标题。

依据：国办公开办函〔2021〕30号所附表格的列结构；规范 §3、§4.1、§5.1。`,
		ExplanationEN: `Values are placed in the template's column order, but when a column heading is missing or damaged (for example,
“结果纠正” in 表四 cut down to “结果”), readers cannot be sure what each column means, and columns may have been dropped
or shifted. This rule lists the column headings not found in the table.

Basis: the column structure of the tables attached to 国办公开办函〔2021〕30号; spec §3, §4.1, §5.1.`,
		Check: checkColumnLabels,
	})
}

func checkColumnLabels(ctx *lint.Context) {
	for t := range tables(ctx.Report) {
		if t.Unreadable || t.Layout == "glued" {
			continue // a crawler's flattened table lost its header layout
		}
		// a heading broken over lines or cells (商业 / 企业) is still there:
		// look for it in the table's text with the layout removed, or in
		// the canonical form of a column label the parser recognised (the
		// region searched was once these joined by NULs: no key holds a
		// NUL, so a key is found in the join exactly when in one of them)
		// the label keys first: most tables have every heading recognised,
		// and the table's key (its whole text) is then not needed
		var keyBuf [32]string
		labelKeys := keyBuf[:0]
		for _, l := range t.Labels {
			if l.Kind == grammar.LabelColumn {
				labelKeys = append(labelKeys, templateKey(l.Canonical))
			}
		}
		inRegion := func(k string) bool {
			// mostly a label's own key: compared, before any is searched
			if slices.Contains(labelKeys, k) {
				return true
			}
			for _, lk := range labelKeys {
				if hasWord(lk, k) {
					return true
				}
			}
			// the table's key, made only as far as the search goes
			return tableKeyOf(ctx, t).has(k)
		}
		var missing []string
		for _, c := range columnsOf(t.Def).cols {
			found := false
			for _, k := range c.keys {
				if inRegion(k) {
					found = true
					break
				}
			}
			if !found {
				missing = append(missing, c.label)
			}
		}
		if len(missing) == 0 {
			continue
		}
		sp := grammar.Span{Start: t.Span.Start, End: t.Span.Start}
		if len(t.Labels) > 0 {
			sp = t.Labels[0].Span
		}
		ctx.Emitf(sp,
			tableName(t.ID)+"的列标题中找不到“"+strings.Join(missing, "”“")+"”（缺失或残缺）",
			tableNameEN(t.ID)+": no column heading “"+strings.Join(missing, "”, “")+"” (missing or broken)")
	}
}
