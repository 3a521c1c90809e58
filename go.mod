module github.com/gdlint/gdlint

go 1.26.0

require (
	golang.org/x/text v0.43.0
	golang.org/x/tools v0.51.0
)

require golang.org/x/net v0.62.0
