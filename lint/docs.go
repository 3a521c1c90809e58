package lint

import "strings"

// RulesDocURL is the rule reference (docs/rules.md) on the repository,
// where every rule has an anchor: its ID in lower case. Editors link a
// finding there (the LSP's codeDescription) and SARIF's helpUri points there.
const RulesDocURL = "https://github.com/gdlint/gdlint/blob/main/docs/rules.md"

// DocAnchor is the rule's anchor in docs/rules.md.
func DocAnchor(id string) string { return strings.ToLower(id) }

// DocURL is the rule's section of the reference.
func (r *Rule) DocURL() string { return RulesDocURL + "#" + DocAnchor(r.ID) }
