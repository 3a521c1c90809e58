package gctune

import "testing"

func TestGodebugDisablesTHP(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                              false,
		"disablethp=1":                  true,
		"disablethp=0":                  false,
		"madvdontneed=1,disablethp=1":   true,
		"disablethp=1, gctrace=1":       true,
		"disablethp=1,disablethp=0":     false, // the last one wins
		"xdisablethp=1":                 false,
		"disablethp":                    false,
		" disablethp=1 ,madvdontneed=0": true,
	} {
		if got := godebugDisablesTHP(godebug); got != want {
			t.Errorf("GODEBUG=%q: disables huge pages %v, want %v", godebug, got, want)
		}
	}
}
