#!/usr/bin/env bash
# Refreshes cmd/gdlint/default.pgo, the CPU profile `go build ./cmd/gdlint`
# optimizes gdlint with (profile-guided optimization: Go reads default.pgo
# in the main package's directory by itself, -pgo=auto).
#
#   bench/pgo.sh
#
# The profile is of the work gdlint spends its CPU on: `check --format json`
# over 4,000 copies of the five seeds (the batch benchmark's run), twice,
# and over the real and test reports in every format (PDF, HTML, .docx,
# Markdown, crawler text), merged. Run it after changes that move where the
# time goes; an old profile still builds (Go matches it to the code as far
# as it can) but helps less.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=../shared/seeds
[ -d "$seeds" ] || { echo "bench/pgo.sh: $seeds not found (the shared reports)" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -pgo=off -o "$work/gdlint" ./cmd/gdlint
mkdir -p "$work/reports"
for ((i = 0; i < 800; i++)); do
  for f in "$seeds"/*.txt; do cp "$f" "$work/reports/$i-$(basename "$f")"; done
done
profile() { GDLINT_CPUPROFILE=$1 "$work/gdlint" check --format json --fail-on never "${@:2}" >/dev/null; }
profile "$work/batch1.prof" "$work/reports"
profile "$work/batch2.prof" "$work/reports"
for i in 1 2 3 4 5 6 7 8; do
  profile "$work/formats$i.prof" ../shared/seeds ../shared/corpus testdata/examples testdata/crawler testdata/containers
done
go tool pprof -proto "$work"/*.prof >"$work/default.pgo" 2>/dev/null
mv "$work/default.pgo" cmd/gdlint/default.pgo
echo "cmd/gdlint/default.pgo: $(wc -c <cmd/gdlint/default.pgo) bytes"
