package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/grammar"
	"github.com/gdlint/gdlint/lint"
)

type positionParams struct {
	textDocument
	Position protocol.Position `json:"position"`
}

// hover explains what is under the cursor: the rule behind a diagnostic, and
// for a table cell its place in the template and every balance it takes
// part in, with the numbers.
func (s *Server) hover(ctx context.Context, raw json.RawMessage) (any, error) {
	var p positionParams
	snap, err := s.reportSnapshot(raw, &p)
	if snap == nil {
		return noReport(nil, err)
	}
	off := snap.m.offset(p.Position)
	var parts []string
	var rng *grammar.Span
	widen := func(sp grammar.Span) {
		if rng == nil {
			rng = &sp
			return
		}
		rng.Start, rng.End = min(rng.Start, sp.Start), max(rng.End, sp.End)
	}
	seen := map[string]bool{}
	for i := range snap.diags {
		d := &snap.diags[i]
		if !covers(d.Span, off) || seen[d.Rule] {
			continue
		}
		seen[d.Rule] = true
		widen(d.Span)
		parts = append(parts, ruleHover(snap, d))
	}
	if cell := cellAt(snap.report, off); cell != nil {
		widen(cell.Span)
		parts = append(parts, cellHover(snap, cell))
	}
	if len(parts) == 0 {
		return nil, nil
	}
	r := snap.m.rng(*rng)
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    &r,
	}, nil
}

// covers: the offset is inside the span or right after it (a cursor that
// just typed the last digit); a zero-width span covers its own offset.
func ruleHover(snap *snapshot, d *lint.Diagnostic) string {
	var b strings.Builder
	r := lint.RuleByID(d.Rule)
	if r == nil {
		fmt.Fprintf(&b, "**%s**\n\n%s", d.Rule, d.Text(snap.lang))
		return b.String()
	}
	fmt.Fprintf(&b, "**%s** %s", r.ID, r.SummaryText(snap.lang))
	if r.Name != "" {
		fmt.Fprintf(&b, " (`%s`)", r.Name)
	}
	fmt.Fprintf(&b, "\n\n%s", d.Text(snap.lang))
	if e := r.ExplanationText(snap.lang); e != "" {
		fmt.Fprintf(&b, "\n\n%s", strings.TrimSpace(e))
	}
	return b.String()
}

// cellAt finds the table cell at off.
func cellAt(rep *grammar.Report, off int) *grammar.Cell {
	for _, t := range rep.Tables {
		if t == nil || !covers(t.Span, off) {
			continue
		}
		for c := range t.AllCells() {
			if covers(c.Span, off) {
				return c
			}
		}
	}
	return nil
}

func cellHover(snap *snapshot, c *grammar.Cell) string {
	rep := snap.report
	lang := snap.lang
	var b strings.Builder
	t := rep.Table(c.Table)
	name := ""
	if t != nil && t.Def != nil {
		name = t.Def.Name
	}
	// named as every message names it (表二/三/四: by the part that holds it)
	fmt.Fprintf(&b, "**%s %s**\n\n", tr(lang, grammar.TableName(c.Table), grammar.TableNameEN(c.Table)), name)
	row := c.Row.Label
	if c.Row.Group != "" && !strings.Contains(row, c.Row.Group) {
		row = c.Row.Group + " › " + row
	}
	if c.Row.Block != "" {
		row = c.Row.Block + " › " + row
	}
	fmt.Fprintf(&b, "%s：%s  \n%s：%s  \n%s：`%s`",
		tr(lang, "行", "Row"), row, tr(lang, "列", "Column"), c.Col.Label,
		tr(lang, "值", "Value"), cellText(c))
	if c.Doubt != "" {
		fmt.Fprintf(&b, "  \n%s：%s", tr(lang, "存疑", "Doubt"), c.Doubt)
	}
	ref := grammar.CellRef{Table: c.Table, Row: c.Row.Key, Col: c.Col.Key}
	var lines []string
	for _, bal := range grammar.Balances(rep.Format) {
		for _, r := range bal.Refs() {
			if r == ref {
				lines = append(lines, "- "+describeBalance(rep, &bal, lang))
				break
			}
		}
	}
	if len(lines) > 0 {
		fmt.Fprintf(&b, "\n\n%s\n\n%s", tr(lang, "勾稽关系：", "Balances:"), strings.Join(lines, "\n"))
	}
	return b.String()
}

func cellText(c *grammar.Cell) string {
	switch c.Kind {
	case grammar.CellEmpty:
		return "（空）"
	case grammar.CellNumber:
		return formatNumber(c.Value)
	}
	return c.Text
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// balanceSide sums the cells of one side; ok is false when a cell is
// missing or not a number (the balance cannot be checked).
type balanceSide struct {
	terms   []string // the values, zeros left out when there are many terms
	zeros   int      // terms left out
	sum     float64
	ok      bool
	missing []string // labels of the cells that are not numbers
}

func sideOf(rep *grammar.Report, refs []grammar.CellRef) balanceSide {
	side := balanceSide{ok: true}
	elide := len(refs) > 7
	for _, r := range refs {
		c := tableCell(rep, r)
		v, ok := c.Number()
		if !ok {
			side.ok = false
			side.missing = append(side.missing, refLabel(rep, r))
			side.terms = append(side.terms, "?")
			continue
		}
		side.sum += v
		if elide && v == 0 {
			side.zeros++
			continue
		}
		side.terms = append(side.terms, formatNumber(v))
	}
	if len(side.terms) == 0 {
		side.terms = []string{"0"}
	}
	return side
}

func tableCell(rep *grammar.Report, r grammar.CellRef) *grammar.Cell {
	if t := rep.Table(r.Table); t != nil {
		return t.Cell(r.Row, r.Col)
	}
	return nil
}

func refLabel(rep *grammar.Report, r grammar.CellRef) string {
	def := grammar.Tables(rep.Format)[r.Table-1]
	rd := def.Row(r.Row)
	if rd == nil {
		return r.Row + "/" + r.Col
	}
	for _, c := range rd.Cols {
		if c.Key == r.Col {
			return rd.Label + "·" + c.Label
		}
	}
	return rd.Label
}

// describeBalance renders one relation with its numbers, e.g.
// "（七）总计 = 2 + 1 + 1 + 17 = 21 ✓".
func describeBalance(rep *grammar.Report, b *grammar.Balance, lang string) string {
	left, right := sideOf(rep, b.Left), sideOf(rep, b.Right)
	def := grammar.Tables(rep.Format)
	first := b.Right[0]
	rd := def[first.Table-1].Row(first.Row)
	colLabel := ""
	for _, c := range rd.Cols {
		if c.Key == first.Col {
			colLabel = c.Label
		}
	}
	var scope, name string
	switch b.Kind {
	case grammar.BalanceRowTotal, grammar.BalanceReviewTotal:
		scope, name = rd.Label, colLabel
	case grammar.BalanceOutcomeTotal:
		scope, name = colLabel, rd.Label
	case grammar.BalanceColumn:
		scope, name = colLabel, ""
	}
	terms := strings.Join(left.terms, " + ")
	if left.zeros > 0 {
		terms += tr(lang, fmt.Sprintf("（其余 %d 项为 0）", left.zeros), fmt.Sprintf(" (%d more are 0)", left.zeros))
	}
	var expr string
	switch {
	case !left.ok || !right.ok:
		missing := append(left.missing, right.missing...)
		expr = fmt.Sprintf("%s = %s — %s", name, terms,
			tr(lang, "无法核对：不是数字的单元格 ", "cannot check, not numbers: ")+strings.Join(missing, "、"))
	case b.Kind == grammar.BalanceColumn:
		mark := "✓"
		if left.sum != right.sum {
			mark = "✗"
		}
		expr = fmt.Sprintf("一 + 二 = %s = %s；（七）总计 + 四 = %s = %s %s",
			terms, formatNumber(left.sum), strings.Join(right.terms, " + "), formatNumber(right.sum), mark)
	case left.sum == right.sum:
		expr = fmt.Sprintf("%s = %s = %s ✓", name, terms, formatNumber(left.sum))
	default:
		expr = fmt.Sprintf("%s %s ≠ %s = %s ✗", name, formatNumber(right.sum), terms, formatNumber(left.sum))
	}
	return fmt.Sprintf("%s%s", scopeLabel(scope, lang), expr)
}

func scopeLabel(scope, lang string) string {
	if scope == "" {
		return ""
	}
	return tr(lang, "【"+scope+"】", "["+scope+"] ")
}
