package grammar

import (
	"math/rand"
	"reflect"
	"strconv"
	"testing"
)

// balancing makes the values of rows, each adding up to its last (its
// total), with one more value before, inside or after them.
func balancing(rows []*Row, rng *rand.Rand) []*token {
	var nums []string
	for _, r := range rows {
		sum := 0
		for range len(r.Def.Cols) - 1 {
			x := rng.Intn(4)
			sum += x
			nums = append(nums, strconv.Itoa(x))
		}
		nums = append(nums, strconv.Itoa(sum))
	}
	at := rng.Intn(len(nums) + 1)
	nums = append(nums[:at], append([]string{strconv.Itoa(1 + rng.Intn(3))}, nums[at:]...)...)
	var vals []*token
	off := 0
	for _, x := range nums {
		vals = append(vals, &token{kind: tokNumber, start: off, end: off + len(x), text: x, whole: true, digits: true})
		off += len(x) + 1
	}
	return vals
}

// refFitWithCheck is parser.fit as it was, given the check fillRow made
// for every row whether fit asked for it or not.
func refFitWithCheck(p *parser, vals []*token, n int, check func([]float64) bool) fitResult {
	ne := nonEmpty(vals)
	// glued digits: fewer tokens than cells, and some of them are digit runs
	if ne < n && ne > 0 {
		if res, ok := p.fitGlued(vals, n, check); ok {
			return res
		}
	}
	switch {
	case len(vals) == n:
		return fitResult{placed: vals}
	case ne == n && n > 0:
		// the non-empty values, which placeCells picks out of vals
		return fitResult{placed: vals, skipEmpties: true}
	case ne == n:
		return fitResult{}
	case len(vals) < n:
		return fitResult{}
	}
	placed, extra, dropped := p.fitSurplus(vals, n, ne, check)
	return fitResult{placed: placed, extra: extra, dropped: dropped}
}

// fit answers as when fillRow made the check first, its rowsChecker asked
// only on the way to glued digits or surplus values: every row of every
// template alone and every template's rows together, on random values
// (digits of one to eight, glued or not, empty cells, placeholders, text,
// full-width digits, 𠀀, invalid UTF-8), fewer, as many and more than the
// cells.
func TestFitAsWithTheCheckMadeFirst(t *testing.T) {
	pieces := []string{"0", "1", "7", "12", "205", "1000", "34567", "12345678", "０", "１２", "—", "/", "无", "𠀀", "\xff", "3个", "4.5"}
	rng := rand.New(rand.NewSource(61))
	tokens := func(n int) []*token {
		var vals []*token
		at := 0
		for range n {
			tk := &token{start: at, line: at / 20}
			switch k := rng.Intn(10); {
			case k < 2:
				tk.kind, tk.end, tk.whole = tokEmpty, at, true
			case k < 3:
				s := pieces[10+rng.Intn(len(pieces)-10)]
				tk.kind, tk.text, tk.whole = tokPlaceholder, s, true
				tk.end = at + len(s)
			default:
				s := pieces[rng.Intn(10)]
				tk.kind, tk.text, tk.end = tokNumber, s, at+len(s)
				tk.whole = rng.Intn(3) > 0
				tk.digits = asciiDigits(s)
			}
			at = tk.end + 1
			vals = append(vals, tk)
		}
		return vals
	}
	asked := 0
	for _, def := range tableDefs {
		tb := &Table{ID: def.ID, Def: def}
		var all []*Row
		for _, rd := range def.Rows {
			all = append(all, &Row{Def: rd})
		}
		runs := [][]*Row{all}
		for _, r := range all {
			runs = append(runs, []*Row{r})
		}
		for _, rows := range runs {
			n := 0
			for _, r := range rows {
				n += len(r.Def.Cols)
			}
			var check func([]float64) bool
			if len(rows) == 1 {
				check = rowCheckOne(def, rows[0].Def)
			} else {
				check = rowsCheck(tb, rows)
			}
			rounds := 24
			if len(rows) > 1 {
				rounds = 2 // the splits of glued digits over a whole table are many
			}
			for round := range rounds {
				vals := tokens(max(0, n-3+rng.Intn(7)))
				if round%3 == 0 {
					// a row that adds up, with a value too many before or
					// after it: the check chooses the window
					vals = balancing(rows, rng)
				}
				// the tokens' text is what fitGlued splits: a text of them
				text := make([]byte, 0, 64)
				for _, v := range vals {
					for len(text) < v.start {
						text = append(text, ' ')
					}
					text = append(text, v.text...)
				}
				p := &parser{text: string(text), v: &View{}, surplusWindow: -1}
				q := &parser{text: string(text), v: &View{}, surplusWindow: -1}
				got := p.fit(vals, nonEmpty(vals), n, rowsChecker{tb, rows})
				want := refFitWithCheck(q, vals, n, check)
				if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(p.cands, q.cands) {
					t.Fatalf("%s, %d rows, %d cells, %v: fit %+v, with the check first %+v", def.Name, len(rows), n, vals, got, want)
				}
				if nonEmpty(vals) != n || len(vals) != n {
					asked++
				}
			}
		}
	}
	if asked < 1200 {
		t.Fatalf("only %d fits past the common case", asked)
	}
}
