#!/usr/bin/env bash
# Batch benchmark (issue 11): gdlint over N reports side by side with `cat`
# on the same files and AutoCorrect (a generic CJK linter), in one run.
#
#   bench/batch.sh [-r ROUNDS] [-y] [N...]      default: 5 rounds; 2000 8000
#
# The reports are the five seeds in ../shared/seeds copied N/5 times into a
# temporary directory; with -y, each seed as N/25 bodies over five
# consecutive years (bench/years.py), so that the cross-year checks compare
# the prose of consecutive years as in a supervising office's batch. Each round runs every command once, one after the
# other, so that a change in the machine's load falls on all of them; the
# table gives each command's median wall time with the range over the
# rounds, its largest peak RSS (GNU time), and gdlint's median against
# AutoCorrect's and `cat`'s; the row under gdlint's is gdlint on an empty
# directory, the part of each run that is the process's start (the
# runtime's and the linked packages' initialization). AutoCorrect is
# installed from npm (autocorrect-node) into ~/.cache/gdlint-bench when
# missing; without npm its row says so. Run it on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5
if [ "${1:-}" = "-r" ]; then
  rounds=${2:?bench/batch.sh: -r needs a number}
  shift 2
fi
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "bench/batch.sh: -r $rounds: not a number of rounds" >&2; exit 2; }
years=
if [ "${1:-}" = "-y" ]; then
  years=1
  shift
fi
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(2000 8000)
seeds=../shared/seeds
[ -d "$seeds" ] || { echo "bench/batch.sh: $seeds not found (the shared reports)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/batch.sh: needs GNU time (/usr/bin/time; Debian package time)" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir "$work/empty" # gdlint on no report: the fixed cost of a run (the runtime's and the packages' initialization)
# built as scripts/release builds what users run: static, stripped
CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags "-s -w" -o "$work/gdlint" ./cmd/gdlint
cache=${XDG_CACHE_HOME:-$HOME/.cache}/gdlint-bench
autocorrect=$cache/node_modules/.bin/autocorrect
if [ ! -x "$autocorrect" ] && command -v npm >/dev/null; then
  mkdir -p "$cache" && (cd "$cache" && npm install --silent --no-audit --no-fund autocorrect-node@2.14.0 >/dev/null 2>&1) || true
fi

# measure KEY CMD...: one run, appending "wall_s peak_KiB" to $work/KEY; the
# wall time from bash's microsecond clock (GNU time's %e counts in 10 ms, a
# twentieth of gdlint's 2,000 reports), the peak RSS from GNU time
measure() {
  local key=$1 start end; shift
  start=${EPOCHREALTIME/[^0-9]/} # microseconds, whatever the locale's decimal sign
  /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  end=${EPOCHREALTIME/[^0-9]/}
  echo "$(awk -v us=$((end - start)) 'BEGIN {printf "%.4f", us / 1e6}') $(tail -n 1 "$work/time")" >>"$work/$key"
}

# summary KEY: "median min max peak_MiB" of the runs in $work/KEY
summary() {
  sort -n "$work/$1" | awk '{w[NR] = $1; if ($2 > m) m = $2}
    END {printf "%.3f %.3f %.3f %d\n", (NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2), w[1], w[NR], m / 1024}'
}

# gdlint asks for huge pages only in the "madvise" mode (internal/gctune)
thp=$(sed -n 's/.*\[\(.*\)\].*/\1/p' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)
echo "machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg), transparent huge pages ${thp:-unknown}; $(go version | cut -d' ' -f3); gdlint $(git describe --always --dirty 2>/dev/null); $rounds rounds${years:+; reports of consecutive years (-y)}"
echo
echo "| command                              |  files | median s | range s       | peak MiB | gdlint ÷ it |"
echo "|--------------------------------------|-------:|---------:|---------------|---------:|------------:|"
for n in "${sizes[@]}"; do
  dir=$work/reports-$n; mkdir -p "$dir"
  if [ -n "$years" ]; then
    "$work/gdlint" check -q --fail-on never --report-json "$work/seeds.json" "$seeds" >/dev/null
    python3 bench/years.py "$work/seeds.json" "$dir" "$n" >/dev/null
  else
    for ((i = 0; i < n / 5; i++)); do
      for f in "$seeds"/*.txt; do cp "$f" "$dir/$i-$(basename "$f")"; done
    done
  fi
  rm -f "$work"/run-*
  for ((r = 0; r < rounds; r++)); do
    measure run-cat sh -c "cat '$dir'/* > /dev/null"
    measure run-json "$work/gdlint" check --format json "$dir"
    measure run-start "$work/gdlint" check --format json "$work/empty"
    measure run-report "$work/gdlint" check -q --report-html "$work/r.html" --report-xlsx "$work/r.xlsx" --report-json "$work/r.json" "$dir"
    if [ -x "$autocorrect" ]; then
      measure run-autocorrect "$autocorrect" --lint --format json "$dir"
    fi
  done
  read -r json_med _ < <(summary run-json)
  row() { # row NAME KEY [FILES]
    local med lo hi mib ratio="" files=${3:-$n}
    read -r med lo hi mib < <(summary "$2")
    if [ "$2" = run-cat ] || [ "$2" = run-autocorrect ]; then
      ratio=$(awk -v a="$json_med" -v b="$med" 'BEGIN {if (b > 0) printf "%.3f×", a / b; else print "-"}')
    fi
    printf '| %-36s | %6d | %8.3f | %6.3f–%-6.3f | %8d | %11s |\n' "$1" "$files" "$med" "$lo" "$hi" "$mib" "$ratio"
  }
  row "cat" run-cat
  row "gdlint check --format json" run-json
  row "  of which the process's start" run-start 0
  row "gdlint check --report-html/xlsx/json" run-report
  if [ -x "$autocorrect" ]; then
    row "autocorrect --lint --format json" run-autocorrect
  else
    printf '| %-36s | %6d | %8s | %13s | %8s | %11s |\n' "autocorrect (not installed)" "$n" "-" "-" "-" "-"
  fi
  rm -rf "$dir"
done
