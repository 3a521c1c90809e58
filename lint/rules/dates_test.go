package rules

import (
	"math/rand"
	"strings"
	"testing"
)

func TestDetectDeadline(t *testing.T) {
	cases := map[string]DeadlineKind{
		"攀枝花市人民政府办公室":         DeadlineDepartment,
		"大通区人民政府办公室":          DeadlineDepartment,
		"上海市人民政府办公厅":          DeadlineDepartment,
		"攀枝花市西区经济合作局":         DeadlineDepartment,
		"上海市科委":               DeadlineDepartment,
		"沭阳县发展和改革局":           DeadlineDepartment,
		"县乡村振兴局":              DeadlineDepartment, // 乡 inside a department's name
		"临江县政务服务中心":           DeadlineDepartment,
		"沐阳县人民政府":             DeadlineGovernment,
		"四川省人民政府":             DeadlineGovernment,
		"临江县青石镇人民政府":          DeadlineLocal,
		"青石乡人民政府":             DeadlineLocal,
		"大明湖街道办事处":            DeadlineLocal,
		"攀枝花钒钛高新区管委会":         DeadlineLocal,
		"泸州国家高新区江南科技产业园管理委员会": DeadlineLocal,
		"平潭综合实验区":             DeadlineLocal,
		"":                    DeadlineUnknown,
		"某某":                  DeadlineUnknown,
	}
	for body, want := range cases {
		if got := DetectDeadline(body); got.Kind != want {
			t.Errorf("DetectDeadline(%q) = %s, want %s", body, got.Kind, want)
		}
	}
	if d := DetectDeadline("临江县自然资源局"); d.Month != 1 || d.Day != 31 {
		t.Errorf("department deadline %d-%d, want 1-31", d.Month, d.Day)
	}
	if d := DetectDeadline("临江县人民政府"); d.Month != 3 || d.Day != 31 {
		t.Errorf("government deadline %d-%d, want 3-31", d.Month, d.Day)
	}
	if d := DetectDeadline("青石镇人民政府"); d.Month != 0 {
		t.Errorf("a township has no national date, got %d-%d", d.Month, d.Day)
	}
}

func TestParseDeadlineProfile(t *testing.T) {
	for in, want := range map[string]Deadline{
		"":               {},
		"department":     {Kind: DeadlineDepartment, Month: 1, Day: 31, Configured: true},
		"government":     {Kind: DeadlineGovernment, Month: 3, Day: 31, Configured: true},
		"local":          {Kind: DeadlineLocal, Configured: true},
		"local:02-20":    {Kind: DeadlineLocal, Month: 2, Day: 20, Configured: true},
		" local:12-01  ": {Kind: DeadlineLocal, Month: 12, Day: 1, Configured: true},
	} {
		got, err := parseDeadlineProfile(in)
		if err != nil || got != want {
			t.Errorf("parseDeadlineProfile(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"county", "local:2-30", "local:13-01", "local:", "Department"} {
		if _, err := parseDeadlineProfile(bad); err == nil {
			t.Errorf("parseDeadlineProfile(%q) accepted a bad setting", bad)
		}
	}
}

// lastFullStop is strings.LastIndex(s, "。") on the seeds and the corpus
// and on random text with marks that share 。's bytes and invalid UTF-8.
func TestLastFullStopIsLastIndex(t *testing.T) {
	texts := []string{"", "。", "。。", "a。b", "\xe3\x80", "\x80\x82。"}
	for _, rep := range sharedReports(t) {
		text := rep.Source.Text
		for i := 0; i+240 <= len(text); i += 97 {
			texts = append(texts, text[i:i+240])
		}
	}
	rng := rand.New(rand.NewSource(14))
	pieces := []string{"。", "、", "，", "年", "\xe3\x80", "\x80\x82", "\x82", "\xe3", "a", "𠀀", "\xff"}
	for i := 0; i < 30000; i++ {
		texts = append(texts, randomText(rng, pieces, rng.Intn(12)))
	}
	found := 0
	for _, s := range texts {
		got, want := lastFullStop(s), strings.LastIndex(s, "。")
		if got != want {
			t.Fatalf("lastFullStop(%q) = %d, want %d", s, got, want)
		}
		if want >= 0 {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d texts with 。: the test proves little", found)
	}
}
