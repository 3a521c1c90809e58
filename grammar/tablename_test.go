package grammar

import "testing"

// The tables are named by the part that holds them, in the CLI's messages
// and in the language server's hover and outline alike.
func TestTableName(t *testing.T) {
	for id, want := range map[int][2]string{
		1: {"表二", "the table of section 2"},
		2: {"表三", "the table of section 3"},
		3: {"表四", "the table of section 4"},
	} {
		if got := TableName(id); got != want[0] {
			t.Errorf("TableName(%d) = %q, want %q", id, got, want[0])
		}
		if got := TableNameEN(id); got != want[1] {
			t.Errorf("TableNameEN(%d) = %q, want %q", id, got, want[1])
		}
	}
}
