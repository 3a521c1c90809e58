package rules

import "testing"

// Numbers changed make the same text; another sentence does not.
func TestCompareSegments(t *testing.T) {
	seg := func(s string) segment {
		var rs []rune
		for _, r := range s {
			if k, ok := significant(r); ok {
				rs = append(rs, k)
			}
		}
		var set shingleSet
		return segment{chars: len(rs), shingles: set.shingles(rs)}
	}
	prev := []segment{seg("本机关严格落实主动公开目录，全年累计完成12项，群众获取信息更加便捷。"), seg("门户网站编辑部及时更新政策解读和回应关切。")}
	cur := []segment{
		seg("本机关严格落实主动公开目录，全年累计完成345项，群众获取信息更加便捷。"), // numbers changed: the same text
		seg("档案室系统整理历史文件清理工作，基础数据更加准确，工作责任层层压实。"),
	}
	s := compare(prev, cur, DefaultParagraphJaccard)
	if s.Identical != 1 || s.Segments != 2 || len(s.Matches) != 1 || s.Matches[0].Jaccard != 1 {
		t.Fatalf("%+v", s)
	}
	if s.Share <= 0.4 || s.Share >= 0.6 {
		t.Errorf("share %v", s.Share)
	}
}
