#!/usr/bin/env bash
# Batch benchmark (issue 11): gdlint over N reports side by side with `cat`
# on the same files and AutoCorrect (a generic CJK linter), in one run.
#
#   bench/batch.sh [N...]        default: 2000 8000
#
# The reports are the five seeds in ../shared/seeds copied N/5 times into a
# temporary directory. Each command runs once per N; the table gives wall
# time and peak RSS (GNU time). AutoCorrect is installed from npm
# (autocorrect-node) into ~/.cache/gdlint-bench when missing; without npm
# its row says so. Run it on an idle machine: the figures are per run.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(2000 8000)
seeds=../shared/seeds
[ -d "$seeds" ] || { echo "bench/batch.sh: $seeds not found (the shared reports)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/batch.sh: needs GNU time (/usr/bin/time; Debian package time)" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -o "$work/gdlint" ./cmd/gdlint
cache=${XDG_CACHE_HOME:-$HOME/.cache}/gdlint-bench
autocorrect=$cache/node_modules/.bin/autocorrect
if [ ! -x "$autocorrect" ] && command -v npm >/dev/null; then
  mkdir -p "$cache" && (cd "$cache" && npm install --silent --no-audit --no-fund autocorrect-node@2.14.0 >/dev/null 2>&1) || true
fi

# measure NAME CMD...: one run, "wall_s peak_MiB"
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r wall kib < <(tail -n 1 "$work/time")
  printf '| %-34s | %6d | %8.2f | %8.0f |\n' "$name" "$n" "$wall" "$((kib / 1024))"
}

echo "machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg); $(go version | cut -d' ' -f3); gdlint $(git describe --always --dirty 2>/dev/null)"
echo
echo "| command                            |  files |   wall s | peak MiB |"
echo "|------------------------------------|-------:|---------:|---------:|"
for n in "${sizes[@]}"; do
  dir=$work/reports-$n; mkdir -p "$dir"
  for ((i = 0; i < n / 5; i++)); do
    for f in "$seeds"/*.txt; do cp "$f" "$dir/$i-$(basename "$f")"; done
  done
  measure "cat" sh -c "cat '$dir'/* > /dev/null"
  measure "gdlint check --format json" "$work/gdlint" check --format json "$dir"
  measure "gdlint check --report-html/xlsx/json" "$work/gdlint" check -q --report-html "$work/r.html" --report-xlsx "$work/r.xlsx" --report-json "$work/r.json" "$dir"
  if [ -x "$autocorrect" ]; then
    measure "autocorrect --lint --format json" "$autocorrect" --lint --format json "$dir"
  else
    printf '| %-34s | %6d | %8s | %8s |\n' "autocorrect (not installed)" "$n" "-" "-"
  fi
  rm -rf "$dir"
done
