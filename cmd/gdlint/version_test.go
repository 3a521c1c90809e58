package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"go install of a tag", debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}, "v0.1.0"},
		{"pseudo-version from a checkout", debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20261203081100-d5056e8c5133+dirty"}},
			"v0.1.1-0.20261203081100-d5056e8c5133+dirty"},
		{"commit only", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "d5056e8c5133552e03f96f077cc0194238001d79"}, {Key: "vcs.modified", Value: "false"}}},
			"devel-d5056e8c5133"},
		{"modified commit", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "d5056e8c5133552e03f96f077cc0194238001d79"}, {Key: "vcs.modified", Value: "true"}}},
			"devel-d5056e8c5133+dirty"},
		{"nothing known", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
	} {
		if got := versionFromBuildInfo(&tc.bi); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestStampedVersionWins(t *testing.T) {
	defer func(v string) { stampedVersion = v }(stampedVersion)
	stampedVersion = "v9.8.7"
	if got := version(); got != "v9.8.7" {
		t.Errorf("version() = %q with stamp v9.8.7", got)
	}
}
