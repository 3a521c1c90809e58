package lint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// ConfigFileName is the name of the configuration file, looked up from each
// checked file's directory upward.
const ConfigFileName = ".gdlint.toml"

// Config is a loaded .gdlint.toml (or the defaults when there is none).
//
//	deadline = "auto"              # "department", "government", "local:02-20", "local"
//
//	[rules]
//	select = ["GD"]                # rule IDs, ID prefixes ("GD-A") or family names; default: all
//	ignore = ["GD-W002"]           # taken out of the selection
//
//	[severity]
//	"GD-W" = "info"                # by ID or prefix; the longest match wins
//
//	[per-file-ignores]
//	"archive/**/*.txt" = ["GD-D"]  # glob relative to the config file → rules
//
//	[[ignore]]                     # one finding, anchored by rule and quoted text
//	rule = "GD-W003"
//	text = "关注关 切"
//	path = "2024/*.txt"            # optional glob
type Config struct {
	// Path is the file the config came from; "" for the defaults.
	Path string
	// Dir is the directory globs are relative to.
	Dir string

	Select   []string
	Ignore   []string
	Severity map[string]Severity
	// PerFileIgnores in file order.
	PerFileIgnores []PerFileIgnore
	Ignores        []*AnchoredIgnore
	// Deadline is the deadline profile for Options.Deadline ("" = detect).
	Deadline string
}

// PerFileIgnore turns rules off for files matching a glob.
type PerFileIgnore struct {
	Glob  string
	Rules []string
	Line  int
}

// AnchoredIgnore suppresses findings of Rule whose text (or line) contains
// Text, optionally only in files matching Path.
type AnchoredIgnore struct {
	Rule string
	Text string
	Path string
	Line int // line of the [[ignore]] header in the config file

	applied atomic.Int32 // files it applied to
	matched atomic.Int32 // findings it suppressed
}

// ConfigError is a problem in a config file, with its position.
type ConfigError struct {
	Path   string
	Line   int
	Column int
	Msg    string
}

func (e *ConfigError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// DefaultConfig is the configuration used where no .gdlint.toml is found:
// every rule at its default severity, the deadline detected from the body.
func DefaultConfig() *Config { return &Config{} }

type rawConfig struct {
	Deadline       *string             `toml:"deadline"`
	Rules          *rawRules           `toml:"rules"`
	Severity       map[string]string   `toml:"severity"`
	PerFileIgnores map[string][]string `toml:"per-file-ignores"`
	Ignore         []rawIgnore         `toml:"ignore"`
}

type rawRules struct {
	Select []string `toml:"select"`
	Ignore []string `toml:"ignore"`
}

type rawIgnore struct {
	Rule string `toml:"rule"`
	Text string `toml:"text"`
	Path string `toml:"path"`
}

// LoadConfig reads and validates a config file. Every error names the file
// and, where it can, the line: unknown keys, wrong types, unknown rules,
// severities or deadline profiles.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseConfig(path, data)
}

// ParseConfig is LoadConfig on bytes already read.
func ParseConfig(path string, data []byte) (*Config, error) {
	raw, err := decodeConfig(path, data)
	if err != nil {
		return nil, err
	}
	pos := keyLines(data)
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	c := &Config{Path: path, Dir: filepath.Dir(abs)}
	fail := func(key, format string, args ...any) error {
		return &ConfigError{Path: path, Line: pos[key], Msg: fmt.Sprintf(format, args...)}
	}
	if raw.Deadline != nil {
		d, err := ParseDeadline(*raw.Deadline)
		if err != nil {
			return nil, fail("deadline", "%v", err)
		}
		c.Deadline = d
	}
	if err := c.readRules(&raw, fail); err != nil {
		return nil, err
	}
	if err := c.readSeverity(&raw, fail); err != nil {
		return nil, err
	}
	if err := c.readPerFileIgnores(&raw, pos, fail); err != nil {
		return nil, err
	}
	if err := c.readIgnores(&raw, pos, fail); err != nil {
		return nil, err
	}
	return c, nil
}

// configFail makes the error of a bad value at a key of the config file.
type configFail func(key, format string, args ...any) error

// decodeConfig decodes the TOML strictly, with the position of the first
// problem.
func decodeConfig(path string, data []byte) (rawConfig, error) {
	var raw rawConfig
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(&raw)
	if err == nil {
		return raw, nil
	}
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		e := &strict.Errors[0]
		line, col := e.Position()
		return raw, &ConfigError{path, line, col, fmt.Sprintf("unknown key %q (known: %s)", strings.Join(e.Key(), "."), knownKeys(e.Key()))}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		return raw, &ConfigError{path, line, col, strings.TrimPrefix(de.Error(), "toml: ")}
	}
	return raw, &ConfigError{Path: path, Msg: err.Error()}
}

func (c *Config) readRules(raw *rawConfig, fail configFail) error {
	if raw.Rules == nil {
		return nil
	}
	for i, s := range raw.Rules.Select {
		if err := checkSelector(s); err != nil {
			return fail(fmt.Sprintf("rules.select.%d", i), "rules.select: %v", err)
		}
	}
	for i, s := range raw.Rules.Ignore {
		if err := checkSelector(s); err != nil {
			return fail(fmt.Sprintf("rules.ignore.%d", i), "rules.ignore: %v", err)
		}
	}
	c.Select, c.Ignore = raw.Rules.Select, raw.Rules.Ignore
	return nil
}

func (c *Config) readSeverity(raw *rawConfig, fail configFail) error {
	if len(raw.Severity) == 0 {
		return nil
	}
	c.Severity = map[string]Severity{}
	for k, v := range raw.Severity {
		if err := checkSelector(k); err != nil {
			return fail("severity."+k, "severity: %v", err)
		}
		s, err := ParseSeverity(v)
		if err != nil {
			return fail("severity."+k, "severity.%s: %v", k, err)
		}
		c.Severity[k] = s
	}
	return nil
}

// readPerFileIgnores reads [per-file-ignores] in file order.
func (c *Config) readPerFileIgnores(raw *rawConfig, pos map[string]int, fail configFail) error {
	globs := make([]string, 0, len(raw.PerFileIgnores))
	for g := range raw.PerFileIgnores {
		globs = append(globs, g)
	}
	sort.Slice(globs, func(i, j int) bool { return pos["per-file-ignores."+globs[i]] < pos["per-file-ignores."+globs[j]] })
	for _, g := range globs {
		key := "per-file-ignores." + g
		if !doublestar.ValidatePattern(filepath.ToSlash(g)) {
			return fail(key, "per-file-ignores: bad glob %q", g)
		}
		for _, r := range raw.PerFileIgnores[g] {
			if err := checkSelector(r); err != nil {
				return fail(key, "per-file-ignores %q: %v", g, err)
			}
		}
		c.PerFileIgnores = append(c.PerFileIgnores, PerFileIgnore{Glob: filepath.ToSlash(g), Rules: raw.PerFileIgnores[g], Line: pos[key]})
	}
	return nil
}

// readIgnores reads the [[ignore]] entries.
func (c *Config) readIgnores(raw *rawConfig, pos map[string]int, fail configFail) error {
	for i, ig := range raw.Ignore {
		key := fmt.Sprintf("ignore.%d", i)
		if ig.Rule == "" {
			return fail(key, "[[ignore]] needs rule = \"GD-…\"")
		}
		if err := checkSelector(ig.Rule); err != nil {
			return fail(key+".rule", "[[ignore]]: %v", err)
		}
		if strings.TrimSpace(ig.Text) == "" {
			return fail(key, "[[ignore]] needs text = \"…\": the quoted text of the finding (to turn a rule off, use [rules] ignore or [per-file-ignores])")
		}
		if ig.Path != "" && !doublestar.ValidatePattern(filepath.ToSlash(ig.Path)) {
			return fail(key+".path", "[[ignore]]: bad glob %q", ig.Path)
		}
		c.Ignores = append(c.Ignores, &AnchoredIgnore{Rule: ig.Rule, Text: ig.Text, Path: filepath.ToSlash(ig.Path), Line: pos[key]})
	}
	return nil
}

func knownKeys(k toml.Key) string {
	if len(k) > 1 {
		switch k[0] {
		case "rules":
			return "select, ignore"
		case "ignore":
			return "rule, text, path"
		}
	}
	return "deadline, [rules], [severity], [per-file-ignores], [[ignore]]"
}

// keyLines maps dotted key paths ("rules.select.0", "ignore.1.rule",
// "severity.GD-W") to their 1-based line, for error messages about values.
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	var prefix []string
	arrays := map[string]int{}
	lineOf := func(n *unstable.Node) int {
		if n == nil || n.Raw.Length == 0 && n.Raw.Offset == 0 {
			return 0
		}
		return p.Shape(n.Raw).Start.Line
	}
	keyOf := func(n *unstable.Node) ([]string, int) {
		var parts []string
		line := 0
		it := n.Key()
		for it.Next() {
			k := it.Node()
			parts = append(parts, string(k.Data))
			if line == 0 {
				line = lineOf(k)
			}
		}
		return parts, line
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			parts, line := keyOf(e)
			prefix = parts
			lines[strings.Join(prefix, ".")] = line
		case unstable.ArrayTable:
			parts, line := keyOf(e)
			name := strings.Join(parts, ".")
			idx := arrays[name]
			arrays[name]++
			prefix = append(parts, strconv.Itoa(idx))
			lines[strings.Join(prefix, ".")] = line
		case unstable.KeyValue:
			parts, line := keyOf(e)
			full := strings.Join(append(append([]string(nil), prefix...), parts...), ".")
			lines[full] = line
			if v := e.Value(); v != nil && v.Kind == unstable.Array {
				i := 0
				it := v.Children()
				for it.Next() {
					if l := lineOf(it.Node()); l > 0 {
						lines[full+"."+strconv.Itoa(i)] = l
					} else {
						lines[full+"."+strconv.Itoa(i)] = line
					}
					i++
				}
			}
		}
	}
	return lines
}

var reRuleID = regexp.MustCompile(`^GD-[A-Z][0-9]{3}$`)

// checkSelector accepts a rule ID that exists, a family name, a rule name, an
// ID prefix ("GD", "GD-A", "GD-A0") or "ALL".
func checkSelector(s string) error {
	if selectorMatches(s) {
		return nil
	}
	if reRuleID.MatchString(strings.ToUpper(s)) {
		return fmt.Errorf("unknown rule %q (gdlint rules lists them)", s)
	}
	return fmt.Errorf("unknown rule, prefix or family %q (gdlint rules lists them)", s)
}

// selectorMatches tells whether s selects at least one known rule or is a
// known family or prefix (a family may have no rule registered yet).
func selectorMatches(s string) bool {
	u := strings.ToUpper(s)
	if u == "ALL" || u == "GD" || u == "GD-" {
		return true
	}
	for f, p := range FamilyPrefix {
		if strings.EqualFold(string(f), s) || u == p {
			return true
		}
	}
	if strings.EqualFold(string(FamilyMeta), s) || u == metaPrefix {
		return true
	}
	for _, r := range registry {
		if selects(s, r) {
			return true
		}
	}
	return false
}

// selects tells whether selector s (ID, prefix, name, family, ALL) covers r,
// and how specifically: 0 = not at all, larger = more specific.
func selectsRank(s string, r *Rule) int {
	u := strings.ToUpper(s)
	switch {
	case u == r.ID || s == r.Name:
		return 1000
	case u == "ALL":
		return 1
	case strings.EqualFold(string(r.Family), s):
		return 2
	case strings.HasPrefix(u, "GD") && strings.HasPrefix(r.ID, u):
		return 2 + len(u)
	}
	return 0
}

func selects(s string, r *Rule) bool { return selectsRank(s, r) > 0 }

// RulesFor returns the rules that apply to the file at path: [rules] select
// minus [rules] ignore minus the per-file ignores whose glob matches path.
// When none applies the list is empty, not nil: nil tells Run to run every
// rule.
func (c *Config) RulesFor(path string) []*Rule {
	out := make([]*Rule, 0, len(registry)) // one allocation, not a regrowing
	ignores := c.perFileIgnored(path)
	for _, r := range registry {
		if c.selected(r) && !anySelects(ignores, r) {
			out = append(out, r)
		}
	}
	return out
}

// AppliesTo tells whether r is one of RulesFor(path), without making the
// list (the cross-year checks ask it for one rule per pair of reports).
func (c *Config) AppliesTo(r *Rule, path string) bool {
	return c.selected(r) && !anySelects(c.perFileIgnored(path), r)
}

// anySelects tells whether one of the selectors selects r.
func anySelects(selectors []string, r *Rule) bool {
	for _, s := range selectors {
		if selects(s, r) {
			return true
		}
	}
	return false
}

// selected applies select and ignore; when both name a rule the more
// specific selector wins (select GD-W, ignore GD-W002: W002 is off).
func (c *Config) selected(r *Rule) bool {
	sel := 1 // everything is selected by default
	if len(c.Select) > 0 {
		sel = 0
		for _, s := range c.Select {
			sel = max(sel, selectsRank(s, r))
		}
	}
	ign := 0
	for _, s := range c.Ignore {
		ign = max(ign, selectsRank(s, r))
	}
	return sel > 0 && sel > ign
}

func (c *Config) perFileIgnored(path string) []string {
	if len(c.PerFileIgnores) == 0 {
		return nil
	}
	var out []string
	for _, p := range c.PerFileIgnores {
		if c.globMatches(p.Glob, path) {
			out = append(out, p.Rules...)
		}
	}
	return out
}

// globMatches matches a glob against path relative to the config's
// directory; a glob without a slash also matches the base name anywhere.
func (c *Config) globMatches(glob, path string) bool {
	if path == "" {
		return false
	}
	rel := filepath.ToSlash(path)
	if c.Dir != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if r, err := filepath.Rel(c.Dir, abs); err == nil && !strings.HasPrefix(r, "..") {
				rel = filepath.ToSlash(r)
			}
		}
	}
	if ok, _ := doublestar.Match(glob, rel); ok {
		return true
	}
	if !strings.Contains(glob, "/") {
		ok, _ := doublestar.Match(glob, filepath.Base(path))
		return ok
	}
	return false
}

// SeverityOf returns the severity of r under this config: the most specific
// [severity] entry, else the rule's default.
func (c *Config) SeverityOf(r *Rule) Severity {
	best, sev := 0, r.Severity
	for k, s := range c.Severity {
		if rank := selectsRank(k, r); rank > best {
			best, sev = rank, s
		}
	}
	return sev
}

// Options returns run options carrying this config's deadline and severity
// overrides, on top of base (which may be nil).
func (c *Config) Options(base *Options) *Options {
	o := &Options{}
	if base != nil {
		*o = *base
	}
	switch o.Deadline {
	case "":
		o.Deadline = c.Deadline
	case "auto": // the command line asks to detect, whatever the config says
		o.Deadline = ""
	}
	if len(c.Severity) > 0 {
		o.Severity = map[string]Severity{}
		for _, r := range registry {
			if s := c.SeverityOf(r); s != r.Severity {
				o.Severity[r.ID] = s
			}
		}
	}
	return o
}

var reLocalDeadline = regexp.MustCompile(`^local:(\d{2})-(\d{2})$`)

// ParseDeadline validates a deadline profile: "auto" (detect from the body
// name, the default), "department" (1月31日, 条例 第四十九条第一款),
// "government" (3月31日, 第四十九条第二款), "local:MM-DD" (a date set
// locally, for townships and 管委会) or "local" (set locally, date not
// given: not checked). It returns the Options.Deadline value.
func ParseDeadline(s string) (string, error) {
	switch s {
	case "", "auto":
		return "", nil
	case "department", "government", "local":
		return s, nil
	}
	if m := reLocalDeadline.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		d, _ := strconv.Atoi(m[2])
		days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
		if mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo-1] {
			return s, nil
		}
		return "", fmt.Errorf("deadline %q: no such date", s)
	}
	return "", fmt.Errorf("unknown deadline %q (auto, department, government, local or local:MM-DD)", s)
}

// FindConfig looks for .gdlint.toml in dir and its parents and returns its
// path, or "" when there is none.
func FindConfig(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(abs, ConfigFileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}

// ConfigResolver finds and caches the config of each directory for a batch;
// it is safe for concurrent use. With Fixed set, every file uses it.
type ConfigResolver struct {
	Fixed *Config

	mu     sync.Mutex
	byDir  map[string]*Config
	byPath map[string]*Config
	errs   map[string]error
}

// For returns the config that applies to the file at path (a directory
// walk from the file's directory upward), the defaults when there is none.
func (cr *ConfigResolver) For(path string) (*Config, error) {
	if cr.Fixed != nil {
		return cr.Fixed, nil
	}
	dir := filepath.Dir(path)
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if cr.byDir == nil {
		cr.byDir, cr.byPath, cr.errs = map[string]*Config{}, map[string]*Config{}, map[string]error{}
	}
	if c, ok := cr.byDir[dir]; ok {
		return c, nil
	}
	found := FindConfig(dir)
	if found == "" {
		c := DefaultConfig()
		cr.byDir[dir] = c
		return c, nil
	}
	if err, ok := cr.errs[found]; ok {
		return nil, err
	}
	c, ok := cr.byPath[found]
	if !ok {
		var err error
		c, err = LoadConfig(found)
		if err != nil {
			cr.errs[found] = err
			return nil, err
		}
		cr.byPath[found] = c
	}
	cr.byDir[dir] = c
	return c, nil
}

// Configs lists the distinct configs loaded so far, in path order.
func (cr *ConfigResolver) Configs() []*Config {
	if cr.Fixed != nil {
		return []*Config{cr.Fixed}
	}
	cr.mu.Lock()
	defer cr.mu.Unlock()
	var out []*Config
	for _, c := range cr.byPath {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// ValidSelector tells whether s names a rule, an ID prefix or a family.
func ValidSelector(s string) bool { return selectorMatches(s) }

// WithSelection returns a copy of c whose select is replaced by sel (when
// not empty) and whose ignore is extended by ign: the command line's
// --select and --ignore. The copy shares the [[ignore]] entries, so their
// use is still counted once.
func (c *Config) WithSelection(sel, ign []string) *Config {
	cp := *c
	if len(sel) > 0 {
		cp.Select = sel
	}
	cp.Ignore = append(append([]string(nil), c.Ignore...), ign...)
	return &cp
}
