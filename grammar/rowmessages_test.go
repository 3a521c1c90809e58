package grammar

import (
	"fmt"
	"math/rand"
	"testing"
)

// The row messages joined (extraValuesDoubt, extraValuesMessage,
// droppedValueNote, extraCellReason, missingRowMessage) are those
// fmt.Sprintf made, which they replaced: names and texts of labels,
// numbers, 𠀀, invalid UTF-8, CRLF and verbs, and counts of every size
// and sign.
func TestRowMessagesAsFormatted(t *testing.T) {
	pieces := []string{"（一）予以公开", "规章", "3.其他", "0", "12", "𠀀", "\xff", "\xe4\xb8", "\r\n", "\n", "%s", "%d", "%", "“", "”", " ", ""}
	ints := []int{0, 1, 7, 9, 10, 99, 100, 12345, -1, -100, 1 << 40}
	rng := rand.New(rand.NewSource(71))
	for range 5000 {
		name := randomText(rng, pieces, rng.Intn(5))
		a, b, c := ints[rng.Intn(len(ints))], ints[rng.Intn(len(ints))], ints[rng.Intn(len(ints))]
		for _, m := range []struct{ got, want string }{
			{extraValuesDoubt(a, b), fmt.Sprintf("该行有%d个数值，应为%d个", a, b)},
			{extraValuesMessage(name, a, b, c), fmt.Sprintf("“%s”有%d个单元格，模板为%d个；多出的%d个未采用", name, a, b, c)},
			{droppedValueNote(name), fmt.Sprintf("；只有舍去非零的“%s”本行合计才成立，它可能是填错的数，请核对", name)},
			{extraCellReason(name), fmt.Sprintf("“%s”多出的单元格", name)},
			{missingRowMessage(name), fmt.Sprintf("缺少“%s”行，或其数值无法确定", name)},
		} {
			if m.got != m.want {
				t.Fatalf("%q, formatted %q", m.got, m.want)
			}
		}
	}
}
