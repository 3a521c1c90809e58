package grammar

// The template of 国办公开办函〔2021〕30号 (and the 2019 trial format it
// replaced), as data. Rules and fixes read keys from here, never string
// literals of their own. Labels are the canonical full-width forms; Variants
// are renderings seen in real reports that mean the same cell.

import "fmt"

// Format names a version of the national template.
type Format string

const (
	Format2021    Format = "2021"
	Format2019    Format = "2019"
	FormatUnknown Format = ""
)

// SectionKey identifies one of the six parts of a report.
type SectionKey string

const (
	SecGeneral   SectionKey = "general"   // 一、总体情况
	SecProactive SectionKey = "proactive" // 二、主动公开政府信息情况
	SecRequests  SectionKey = "requests"  // 三、收到和处理政府信息公开申请情况
	SecReview    SectionKey = "review"    // 四、政府信息公开行政复议、行政诉讼情况
	SecProblems  SectionKey = "problems"  // 五、存在的主要问题及改进情况
	SecOther     SectionKey = "other"     // 六、其他需要报告的事项
)

// SectionDef is one of the six parts, in template order.
type SectionDef struct {
	Key      SectionKey
	Number   int    // 1..6
	Name     string // without the numeral: 总体情况
	Variants []string
	Table    int // the table this section holds (1, 2, 3), or 0
}

// Canonical is the heading as the template writes it: 一、总体情况.
func (d *SectionDef) Canonical() string { return cnNumerals[d.Number] + "、" + d.Name }

var cnNumerals = [...]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// CNNumeral returns 一..十 for 1..10.
func CNNumeral(n int) string {
	if n > 0 && n < len(cnNumerals) {
		return cnNumerals[n]
	}
	return ""
}

// Sections lists the six parts in the order the template requires.
// TableName names table id (1–3, as Table.ID) the way users and every
// message do, by the part that holds it: 表二, 表三, 表四 (the template has
// no 表一: part 一 is prose).
func TableName(id int) string {
	for _, d := range Sections {
		if d.Table == id {
			return "表" + CNNumeral(d.Number)
		}
	}
	return fmt.Sprintf("表%d", id)
}

// TableNameEN is TableName in English: "the table of section 3".
func TableNameEN(id int) string {
	for _, d := range Sections {
		if d.Table == id {
			return fmt.Sprintf("the table of section %d", d.Number)
		}
	}
	return fmt.Sprintf("table %d", id)
}

var Sections = []*SectionDef{
	{Key: SecGeneral, Number: 1, Name: "总体情况", Variants: []string{"概述", "总体概况", "基本情况"}},
	{Key: SecProactive, Number: 2, Name: "主动公开政府信息情况", Table: 1,
		Variants: []string{"主动公开情况", "主动公开政府信息", "主动公开政府信息的情况"}},
	{Key: SecRequests, Number: 3, Name: "收到和处理政府信息公开申请情况", Table: 2,
		Variants: []string{"收到和处理政府信息公开申请的情况", "依申请公开政府信息情况", "收到和处理政府信息公开申请"}},
	{Key: SecReview, Number: 4, Name: "政府信息公开行政复议、行政诉讼情况", Table: 3,
		Variants: []string{
			"因政府信息公开工作被申请行政复议、提起行政诉讼情况",
			"因政府信息公开工作被申请行政复议提起行政诉讼情况",
			"因政府信息公开工作被申请行政复议和提起行政诉讼情况",
			"因政府信息公开被申请行政复议和提起行政诉讼情况",
			"因政府信息公开申请行政复议、提起行政诉讼的情况",
			"政府信息公开行政复议及行政诉讼情况",
			"政府信息公开行政复议和行政诉讼情况",
			"政府信息公开行政法复议、行政诉讼情况",
			"政府信息公开行政复议、行政诉讼",
		}},
	{Key: SecProblems, Number: 5, Name: "存在的主要问题及改进情况",
		Variants: []string{
			"政府信息公开工作存在的主要问题及改进情况",
			"存在的主要问题和改进措施", "存在的主要问题及改进措施", "存在的主要问题及整改措施",
			"存在问题及改进情况", "存在的问题及改进措施", "存在的主要问题及改进",
			"政府信息公开工作存在主要问题及改进情况",
			"存在的主要问题及明年工作计划", "政府信息公开存在的问题及改进措施",
		}},
	{Key: SecOther, Number: 6, Name: "其他需要报告的事项",
		Variants: []string{"其他需要报告事项", "其他事项", "其他需报告的事项", "其他需要报告的情况", "需要说明的其他事项"}},
}

// SectionByKey returns the definition of a section.
func SectionByKey(k SectionKey) *SectionDef {
	for _, d := range Sections {
		if d.Key == k {
			return d
		}
	}
	return nil
}

// GeneralAspect is one of the five aspects 总体情况 must cover.
type GeneralAspect struct {
	Key      string
	Name     string   // canonical sub-heading: 主动公开
	Keywords []string // any of these in a sub-heading counts
}

// GeneralAspects are the five aspects of 一、总体情况, in template order.
var GeneralAspects = []GeneralAspect{
	{Key: "proactive", Name: "主动公开", Keywords: []string{"主动公开"}},
	{Key: "request", Name: "依申请公开", Keywords: []string{"依申请公开", "依申请", "公开申请"}},
	{Key: "management", Name: "政府信息管理", Keywords: []string{"政府信息管理", "信息管理"}},
	{Key: "platform", Name: "政府信息公开平台建设", Keywords: []string{"平台建设", "公开平台", "平台载体"}},
	{Key: "oversight", Name: "监督保障", Keywords: []string{"监督保障", "监督管理", "监督", "机制保障", "组织保障", "保障机制"}},
}

// Table identifiers, numbered as in the spec: the tables of sections 二, 三, 四.
const (
	TableProactive = 1
	TableRequests  = 2
	TableReview    = 3
)

// ColDef is a value column of a table.
type ColDef struct {
	Key      string
	Label    string
	Variants []string
}

// RowDef is a data row: a label followed by one value per column in Cols.
type RowDef struct {
	Key      string
	Label    string
	Group    string // the merged group label above it, if any
	Block    string // table 1: the 第二十条 block title
	Variants []string
	Cols     []*ColDef
	Decimal  bool // values may be decimals (万元), not only counts
}

// TableDef is one of the three standard tables of a format.
type TableDef struct {
	ID     int
	Format Format
	Name   string
	Rows   []*RowDef
	// Headers are labels that belong to the table but hold no value: block
	// titles, group labels, column headings, the 勾稽关系 note.
	Headers []string
	// Positional: values follow the header with no row labels (table 3).
	Positional bool
}

// Row returns the row with key k, or nil.
func (t *TableDef) Row(k string) *RowDef {
	for _, r := range t.Rows {
		if r.Key == k {
			return r
		}
	}
	return nil
}

// Column keys of table 2 (applicants) and table 3 (outcomes).
const (
	ColNatural    = "natural"
	ColCommercial = "commercial"
	ColResearch   = "research"
	ColSocial     = "social"
	ColLegal      = "legal"
	ColOther      = "other"
	ColTotal      = "total"

	ColUpheld    = "upheld"
	ColCorrected = "corrected"
	ColOtherRes  = "other_result"
	ColPending   = "pending"

	ColIssued   = "issued"
	ColRepealed = "repealed"
	ColInForce  = "in_force"
	ColDecided  = "decided"
	ColAmount   = "amount"
)

// Row keys the rules refer to.
const (
	RowRules      = "rules"      // 规章
	RowNormative  = "normative"  // 行政规范性文件
	RowLicensing  = "licensing"  // 行政许可
	RowPenalty    = "penalty"    // 行政处罚
	RowCoercion   = "coercion"   // 行政强制
	RowFees       = "fees"       // 行政事业性收费
	RowNew        = "new"        // 一、本年新收
	RowCarried    = "carried"    // 二、上年结转
	RowTotal      = "total"      // （七）总计
	RowCarryOver  = "carry_over" // 四、结转下年度继续办理
	RowReview     = "review"     // 行政复议
	RowSuitDirect = "suit_direct"
	RowSuitAfter  = "suit_after_review"
	RowFeeUnpaid  = "other.unpaid_fee"
)

var (
	colsApplicants = []*ColDef{
		{Key: ColNatural, Label: "自然人"},
		{Key: ColCommercial, Label: "商业企业"},
		{Key: ColResearch, Label: "科研机构"},
		{Key: ColSocial, Label: "社会公益组织", Variants: []string{"社会组织", "社会公益"}},
		{Key: ColLegal, Label: "法律服务机构"},
		{Key: ColOther, Label: "其他"},
		{Key: ColTotal, Label: "总计", Variants: []string{"合计"}},
	}
	colsOutcomes = []*ColDef{
		{Key: ColUpheld, Label: "结果维持", Variants: []string{"维持"}},
		{Key: ColCorrected, Label: "结果纠正", Variants: []string{"纠正"}},
		{Key: ColOtherRes, Label: "其他结果"},
		{Key: ColPending, Label: "尚未审结", Variants: []string{"未审结"}},
		{Key: ColTotal, Label: "总计", Variants: []string{"合计"}},
	}
	colsDocs2021 = []*ColDef{
		{Key: ColIssued, Label: "本年制发件数"},
		{Key: ColRepealed, Label: "本年废止件数", Variants: []string{"本年度止件数", "本年废止数"}},
		{Key: ColInForce, Label: "现行有效件数"},
	}
	colDecided2021 = []*ColDef{{Key: ColDecided, Label: "本年处理决定数量", Variants: []string{"本年处理绝对数量", "处理决定数量"}}}
	colAmount2021  = []*ColDef{{Key: ColAmount, Label: "本年收费金额（单位：万元）", Variants: []string{"本年收费金额(单位:万元)", "本年收费金额"}}}
)

const (
	block1 = "第二十条第（一）项"
	block5 = "第二十条第（五）项"
	block6 = "第二十条第（六）项"
	block8 = "第二十条第（八）项"
	block9 = "第二十条第（九）项"
)

// Table1 is 二、主动公开政府信息情况 (2021 format).
var Table1 = &TableDef{ID: TableProactive, Format: Format2021, Name: "主动公开政府信息情况",
	Rows: []*RowDef{
		{Key: RowRules, Label: "规章", Block: block1, Cols: colsDocs2021},
		{Key: RowNormative, Label: "行政规范性文件", Block: block1, Cols: colsDocs2021, Variants: []string{"规范性文件"}},
		{Key: RowLicensing, Label: "行政许可", Block: block5, Cols: colDecided2021},
		{Key: RowPenalty, Label: "行政处罚", Block: block6, Cols: colDecided2021},
		{Key: RowCoercion, Label: "行政强制", Block: block6, Cols: colDecided2021},
		{Key: RowFees, Label: "行政事业性收费", Block: block8, Cols: colAmount2021, Decimal: true},
	},
	Headers: []string{block1, block5, block6, block8, "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
		"本年处理决定数量", "本年收费金额（单位：万元）"},
}

const (
	group3  = "三、本年度办理结果"
	groupNo = "（三）不予公开"
	groupNA = "（四）无法提供"
	groupNP = "（五）不予处理"
	groupOt = "（六）其他处理"
	noteT2  = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
)

func t2rows(format Format) []*RowDef {
	r := func(key, label, group string, variants ...string) *RowDef {
		return &RowDef{Key: key, Label: label, Group: group, Cols: colsApplicants, Variants: variants}
	}
	rows := []*RowDef{
		r(RowNew, "一、本年新收政府信息公开申请数量", ""),
		r(RowCarried, "二、上年结转政府信息公开申请数量", "", "二、上年结转政府信息公开数量"),
		r("public", "（一）予以公开", group3),
		r("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", group3, "（二）部分公开"),
		r("deny.secret", "1.属于国家秘密", groupNo),
		r("deny.law", "2.其他法律行政法规禁止公开", groupNo, "2.其他法律法规禁止公开", "2.其他法律和行政法规禁止公开"),
		r("deny.security", "3.危及“三安全一稳定”", groupNo, "3.危及三安全一稳定"),
		r("deny.third_party", "4.保护第三方合法权益", groupNo),
		r("deny.internal", "5.属于三类内部事务信息", groupNo),
		r("deny.process", "6.属于四类过程性信息", groupNo),
		r("deny.enforcement", "7.属于行政执法案卷", groupNo),
		r("deny.query", "8.属于行政查询事项", groupNo),
		r("unable.not_held", "1.本机关不掌握相关政府信息", groupNA),
		r("unable.must_create", "2.没有现成信息需要另行制作", groupNA),
		r("unable.unclear", "3.补正后申请内容仍不明确", groupNA),
		r("reject.petition", "1.信访举报投诉类申请", groupNP),
		r("reject.repeat", "2.重复申请", groupNP),
		r("reject.publication", "3.要求提供公开出版物", groupNP),
		r("reject.mass", "4.无正当理由大量反复申请", groupNP),
		r("reject.confirm", "5.要求行政机关确认或重新出具已获取信息", groupNP),
	}
	if format == Format2019 {
		rows = append(rows, r("other", "（六）其他处理", group3))
	} else {
		rows = append(rows,
			r("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", groupOt,
				"1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请"),
			r(RowFeeUnpaid, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", groupOt,
				"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请"),
			r("other.other", "3.其他", groupOt))
	}
	return append(rows,
		r(RowTotal, "（七）总计", group3, "（七）合计"),
		r(RowCarryOver, "四、结转下年度继续办理", ""))
}

// Table2 is 三、收到和处理政府信息公开申请情况 (2021 format).
var Table2 = &TableDef{ID: TableRequests, Format: Format2021, Name: "收到和处理政府信息公开申请情况",
	Rows:    t2rows(Format2021),
	Headers: []string{noteT2, "申请人情况", "法人或其他组织", group3, groupNo, groupNA, groupNP, groupOt, "（六）其他"},
}

// Table3 is 四、政府信息公开行政复议、行政诉讼情况 (same in both formats).
var Table3 = &TableDef{ID: TableReview, Format: Format2021, Name: "政府信息公开行政复议、行政诉讼情况", Positional: true,
	Rows: []*RowDef{
		{Key: RowReview, Label: "行政复议", Cols: colsOutcomes},
		{Key: RowSuitDirect, Label: "行政诉讼·未经复议直接起诉", Group: "行政诉讼", Cols: colsOutcomes},
		{Key: RowSuitAfter, Label: "行政诉讼·复议后起诉", Group: "行政诉讼", Cols: colsOutcomes},
	},
	Headers: []string{"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"},
}

// The 2019 trial format (国办公开办函〔2019〕60号).
var (
	Table1For2019 = &TableDef{ID: TableProactive, Format: Format2019, Name: "主动公开政府信息情况",
		Rows: []*RowDef{
			{Key: RowRules, Label: "规章", Block: block1, Cols: cols2019Docs},
			{Key: RowNormative, Label: "规范性文件", Block: block1, Cols: cols2019Docs},
			{Key: RowLicensing, Label: "行政许可", Block: block5, Cols: cols2019Items},
			{Key: "other_services", Label: "其他对外管理服务事项", Block: block5, Cols: cols2019Items},
			{Key: RowPenalty, Label: "行政处罚", Block: block6, Cols: cols2019Items},
			{Key: RowCoercion, Label: "行政强制", Block: block6, Cols: cols2019Items},
			{Key: RowFees, Label: "行政事业性收费", Block: block8, Cols: cols2019Items[:2]},
			{Key: "procurement", Label: "政府集中采购", Block: block9, Cols: cols2019Procurement, Decimal: true},
		},
		Headers: []string{block1, block5, block6, block8, block9, "信息内容"},
	}
	Table2For2019 = &TableDef{ID: TableRequests, Format: Format2019, Name: "收到和处理政府信息公开申请情况",
		Rows:    t2rows(Format2019),
		Headers: Table2.Headers,
	}
	cols2019Docs = []*ColDef{
		{Key: "made", Label: "本年新制作数量"}, {Key: "published", Label: "本年新公开数量"}, {Key: "total_published", Label: "对外公开总数量"},
	}
	cols2019Items = []*ColDef{
		{Key: "last_year", Label: "上一年项目数量"}, {Key: "change", Label: "本年增/减"}, {Key: ColDecided, Label: "处理决定数量"},
	}
	cols2019Procurement = []*ColDef{{Key: "items", Label: "采购项目数量"}, {Key: ColAmount, Label: "采购总金额"}}
)

// tableDefs are the tables of both formats, each once (table 三 is both's).
var tableDefs = []*TableDef{Table1, Table2, Table3, Table1For2019, Table2For2019}

// Tables returns the three table definitions of a format (2021 when unknown).
func Tables(f Format) [3]*TableDef {
	if f == Format2019 {
		return [3]*TableDef{Table1For2019, Table2For2019, Table3}
	}
	return [3]*TableDef{Table1, Table2, Table3}
}

// Fingerprints2019 are labels that only the 2019 trial format uses.
var Fingerprints2019 = []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
	"其他对外管理服务事项", "第二十条第（九）项", "政府集中采购", "采购总金额"}

// ResiduePatterns are texts that come from a web page or a Word export, not
// from the report: navigation, counters, login boxes, bookmarks.
var ResiduePatterns = []string{
	"阅读次数", "点击下载此文件", "账号+密码登录", "手机+密码登录", "还没有账号", "立即注册",
	"[bookmark:", "当前位置：", "当前位置:", "选择阅读字号", "微信 微博 QQ空间", "责任编辑", "打印本页", "关闭窗口",
	"【打印】", "【关闭】", "分享到", "扫一扫在手机打开", "字号：", "字体：", "页面链接与图片详见",
	"==================== 正文", "本地目录:", "原文链接:", "相关链接：",
	// breadcrumbs of a site's navigation
	"首页 >", "首页>", "首页 ＞", "首页＞", "首页 »", "首页»", "首页 -> ", "首页 / ",
}
