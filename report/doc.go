// Package report prints what a run found, for people and for tools: the
// text, JSON and SARIF formats of `gdlint check` and its summary, the rule
// catalogue (table, JSON, the Markdown reference, `explain` pages) and the
// blank report of `gdlint new`. It reads no files and runs no rules; a new
// output format is one file here.
package report
