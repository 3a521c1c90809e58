package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/gdlint/gdlint/lint"
)

// Settings are what the editor can set (initializationOptions,
// workspace/didChangeConfiguration, workspace/configuration section
// "gdlint"). They apply on top of the workspace's .gdlint.toml.
type Settings struct {
	// Lang is the language of messages: "zh" (default) or "en".
	Lang string `json:"lang"`
	// Disable lists rule IDs (or names) not to run.
	Disable []string `json:"disable"`
	// Enable, when not empty, runs only these rules.
	Enable []string `json:"enable"`
	// Severity overrides a rule's severity: {"GD-W001": "info"}.
	Severity map[string]string `json:"severity"`
	// Deadline is the deadline profile (see lint.Options.Deadline).
	Deadline string `json:"deadline"`
	// DocsURL is the rule documentation link; %s is the rule ID.
	DocsURL string `json:"docsUrl"`
}

// DefaultDocsURL is where a diagnostic's codeDescription points.
const DefaultDocsURL = lint.RulesDocURL + "#%s"

func defaultSettings() Settings { return Settings{Lang: "zh", DocsURL: DefaultDocsURL} }

// merge overlays the JSON settings in raw. Both {"gdlint": {...}} (what
// VS Code and Neovim send for didChangeConfiguration) and the bare object
// are accepted; null and unknown keys are ignored.
func (st *Settings) merge(raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var wrapped struct {
		Gdlint json.RawMessage `json:"gdlint"`
	}
	if err := json.Unmarshal(raw, &wrapped); err != nil {
		return fmt.Errorf("settings must be an object: %v", err)
	}
	if len(wrapped.Gdlint) > 0 && string(wrapped.Gdlint) != "null" {
		raw = wrapped.Gdlint
	}
	var next Settings
	if err := json.Unmarshal(raw, &next); err != nil {
		return fmt.Errorf("invalid gdlint settings: %v", err)
	}
	if next.Lang != "" {
		if next.Lang != "zh" && next.Lang != "en" {
			return fmt.Errorf("unknown lang %q (zh or en)", next.Lang)
		}
		st.Lang = next.Lang
	}
	if next.Disable != nil {
		st.Disable = next.Disable
	}
	if next.Enable != nil {
		st.Enable = next.Enable
	}
	if next.Severity != nil {
		for id, sev := range next.Severity {
			if _, err := lint.ParseSeverity(sev); err != nil {
				return fmt.Errorf("severity of %s: %v", id, err)
			}
		}
		st.Severity = next.Severity
	}
	if next.Deadline != "" {
		st.Deadline = next.Deadline
	}
	if next.DocsURL != "" {
		st.DocsURL = next.DocsURL
	}
	return nil
}

// effective is the configuration one document is linted with: the
// workspace's .gdlint.toml (found from the document's directory upward, or
// from the first workspace folder for unsaved buffers) with the editor's
// settings on top.
type effective struct {
	Settings
	cfg *lint.Config
}

// config returns the configuration for the document at path.
func (s *Server) config(path string) *effective {
	s.mu.Lock()
	settings, resolver, roots := s.settings, s.resolver, s.roots
	s.mu.Unlock()
	lookup := path
	if !filepath.IsAbs(lookup) {
		lookup = ""
		if len(roots) > 0 {
			lookup = filepath.Join(roots[0], filepath.Base(path))
		}
	}
	cfg := lint.DefaultConfig()
	if lookup != "" {
		c, err := resolver.For(lookup)
		if err != nil {
			s.configError(err)
		} else {
			cfg = c
		}
	}
	cfg = cfg.WithSelection(settings.Enable, settings.Disable)
	if len(settings.Severity) > 0 {
		sev := map[string]lint.Severity{}
		for k, v := range cfg.Severity {
			sev[k] = v
		}
		for k, v := range settings.Severity {
			if parsed, err := lint.ParseSeverity(v); err == nil {
				sev[k] = parsed
			}
		}
		cfg.Severity = sev
	}
	return &effective{Settings: settings, cfg: cfg}
}

// configError reports a broken .gdlint.toml once per distinct message.
func (s *Server) configError(err error) {
	s.mu.Lock()
	seen := s.configErrs[err.Error()]
	s.configErrs[err.Error()] = true
	s.mu.Unlock()
	if !seen {
		msg := "gdlint: " + err.Error()
		s.logf("%s", msg)
		s.notify(context.Background(), "window/showMessage", &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: msg})
	}
}

// reloadConfig forgets the .gdlint.toml files read so far and relints.
func (s *Server) reloadConfig() {
	s.mu.Lock()
	s.resolver = &lint.ConfigResolver{}
	s.configErrs = map[string]bool{}
	s.cfgGen++
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	s.mu.Unlock()
	for _, d := range docs {
		d.markDirty()
	}
}

func (c *effective) lintOptions() *lint.Options {
	return &lint.Options{Deadline: c.Deadline}
}

func (c *effective) docsURL(rule string) string {
	if c.DocsURL == "" {
		return ""
	}
	if !strings.Contains(c.DocsURL, "%s") {
		return c.DocsURL
	}
	return fmt.Sprintf(c.DocsURL, strings.ToLower(rule))
}

func (s *Server) didChangeConfiguration(ctx context.Context, raw json.RawMessage) {
	var p struct {
		Settings json.RawMessage `json:"settings"`
	}
	if err := decode(raw, &p); err != nil {
		s.showError(ctx, "didChangeConfiguration: "+err.Error())
		return
	}
	s.mu.Lock()
	pull := s.client.configuration
	s.mu.Unlock()
	// a client that supports workspace/configuration may send null settings
	// and expect the server to ask
	if pull && (len(p.Settings) == 0 || string(p.Settings) == "null") {
		go s.pullConfiguration(context.WithoutCancel(ctx))
		return
	}
	s.setSettings(ctx, func(st *Settings) error { return st.merge(p.Settings) })
}

// pullConfiguration asks the client for the "gdlint" section.
func (s *Server) pullConfiguration(ctx context.Context) {
	s.mu.Lock()
	pull := s.client.configuration
	s.mu.Unlock()
	if !pull {
		return
	}
	var result []json.RawMessage
	params := map[string]any{"items": []map[string]string{{"section": "gdlint"}}}
	if _, err := s.conn.Call(ctx, "workspace/configuration", params, &result); err != nil {
		s.logf("workspace/configuration: %v", err)
		return
	}
	if len(result) == 0 {
		return
	}
	s.setSettings(ctx, func(st *Settings) error { return st.merge(result[0]) })
}

// setSettings changes the settings and relints every open document.
func (s *Server) setSettings(ctx context.Context, change func(*Settings) error) {
	s.mu.Lock()
	next := s.settings
	next.Severity = copyMap(next.Severity)
	err := change(&next)
	changed := err == nil && !reflect.DeepEqual(next, s.settings)
	if changed {
		s.settings = next
		s.cfgGen++
	}
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	s.mu.Unlock()
	if err != nil {
		s.showError(ctx, "gdlint: "+err.Error())
		return
	}
	if !changed {
		return
	}
	for _, d := range docs {
		d.markDirty()
	}
}

func copyMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
