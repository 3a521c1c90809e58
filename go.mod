module github.com/gdlint/gdlint

go 1.26.0

require (
	golang.org/x/text v0.43.0
	golang.org/x/tools v0.51.0
)

require golang.org/x/net v0.62.0

require (
	github.com/sourcegraph/conc v0.3.0
	go.uber.org/atomic v1.7.0 // indirect
	go.uber.org/multierr v1.9.0 // indirect
)
