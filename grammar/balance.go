package grammar

import "sync"

// CellRef names a template cell.
type CellRef struct {
	Table int
	Row   string
	Col   string
}

// BalanceKind names the arithmetic relations of the format.
type BalanceKind string

const (
	// 总计 of a table 2 row = the six applicant columns.
	BalanceRowTotal BalanceKind = "row-total"
	// （七）总计 = every outcome row, per column.
	BalanceOutcomeTotal BalanceKind = "outcome-total"
	// 一 + 二 = （七）总计 + 四, per column (the template's own note).
	BalanceColumn BalanceKind = "column"
	// 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group of table 3.
	BalanceReviewTotal BalanceKind = "review-total"
)

// Balance is one equation: the sum of Left equals the sum of Right. When
// Right has a single cell it is the total that a fix may rewrite.
type Balance struct {
	Kind  BalanceKind
	Left  []CellRef
	Right []CellRef
}

// Refs lists every cell of the balance.
func (b *Balance) Refs() []CellRef {
	return append(append([]CellRef(nil), b.Left...), b.Right...)
}

// outcomeRows are the rows of table 2 whose sum is （七）总计.
func outcomeRows(f Format) []*RowDef {
	var out []*RowDef
	for _, r := range Tables(f)[1].Rows {
		if r.Group != "" && r.Key != RowTotal {
			out = append(out, r)
		}
	}
	return out
}

var (
	balances2021 = sync.OnceValue(func() []Balance { return buildBalances(Format2021) })
	balances2019 = sync.OnceValue(func() []Balance { return buildBalances(Format2019) })
)

// Balances lists every arithmetic relation of the format's tables. The slice
// is shared: callers must not modify it.
func Balances(f Format) []Balance {
	if f == Format2019 {
		return balances2019()
	}
	return balances2021()
}

func buildBalances(f Format) []Balance {
	t2 := Tables(f)[1]
	var out []Balance
	for _, r := range t2.Rows {
		out = append(out, rowTotal(BalanceRowTotal, TableRequests, r, 6))
	}
	outcomes := outcomeRows(f)
	for _, c := range colsApplicants {
		b := Balance{Kind: BalanceOutcomeTotal}
		for _, r := range outcomes {
			b.Left = append(b.Left, CellRef{TableRequests, r.Key, c.Key})
		}
		b.Right = []CellRef{{TableRequests, RowTotal, c.Key}}
		out = append(out, b)
	}
	for _, c := range colsApplicants {
		out = append(out, Balance{Kind: BalanceColumn,
			Left:  []CellRef{{TableRequests, RowNew, c.Key}, {TableRequests, RowCarried, c.Key}},
			Right: []CellRef{{TableRequests, RowTotal, c.Key}, {TableRequests, RowCarryOver, c.Key}},
		})
	}
	for _, r := range Table3.Rows {
		out = append(out, rowTotal(BalanceReviewTotal, TableReview, r, 4))
	}
	return out
}

// rowTotal is the balance of a row whose first n cells add up to its 总计.
func rowTotal(kind BalanceKind, table int, r *RowDef, n int) Balance {
	b := Balance{Kind: kind, Right: []CellRef{{table, r.Key, ColTotal}}}
	for _, c := range r.Cols[:n] {
		b.Left = append(b.Left, CellRef{table, r.Key, c.Key})
	}
	return b
}

// rowChecks holds rowCheck of each row alone, for the rows of the tables of
// both formats (made once: fillRow asks for one per row of every table).
var rowChecks = func() map[*RowDef]func([]float64) bool {
	m := map[*RowDef]func([]float64) bool{}
	for _, def := range tableDefs {
		for _, r := range def.Rows {
			m[r] = rowCheck(def, []*RowDef{r})
		}
	}
	return m
}()

// rowCheckOne is rowCheck(def, []*RowDef{row}).
func rowCheckOne(def *TableDef, row *RowDef) func([]float64) bool {
	if def.ID == TableProactive {
		return nil
	}
	if check, ok := rowChecks[row]; ok {
		return check
	}
	return rowCheck(def, []*RowDef{row})
}

// rowCheck returns a check of the relations internal to a run of values laid
// out as rows (each len(cols) long), used to split glued digits and to choose
// among shifted windows. nil when the rows have no internal relation.
func rowCheck(def *TableDef, rows []*RowDef) func([]float64) bool {
	if def.ID == TableProactive {
		return nil
	}
	return func(v []float64) bool {
		i := 0
		for _, r := range rows {
			n := len(r.Cols)
			if i+n > len(v) {
				return false
			}
			sum := 0.0
			for _, x := range v[i : i+n-1] {
				sum += x
			}
			if sum != v[i+n-1] {
				return false
			}
			i += n
		}
		return true
	}
}
