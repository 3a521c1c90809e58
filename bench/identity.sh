#!/usr/bin/env bash
# Every output of two builds of gdlint, compared byte for byte: what a pure
# speed-up must leave unchanged (issue 11).
#
#   bench/identity.sh OLD [NEW]     OLD, NEW: git revisions (NEW: the work tree)
#
# Over the real reports in ../shared (seeds, corpus with its PDF), the test
# reports in testdata/ and 400 mutated reports (bench/mutate.py): check in
# json, text with --show-source, sarif, json in English with --unsafe-fixes,
# the batch outputs (--report-html, --report-xlsx, --report-json) and dump
# (JSON and --text) of every file. Exit 1 when anything differs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/identity.sh OLD [NEW]" >&2; exit 2; }
shared=$(cd ../shared 2>/dev/null && pwd) || { echo "bench/identity.sh: ../shared not found" >&2; exit 2; }
work=$(mktemp -d); trap 'for t in "$work"/tree-*; do git worktree remove --force "$t" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT

build() { # build REV OUT: gdlint at REV ("" for the work tree)
  if [ -z "$1" ]; then go build -o "$2" ./cmd/gdlint; return; fi
  local tree=$work/tree-$(basename "$2")
  git worktree add -q --detach "$tree" "$1"
  (cd "$tree" && go build -o "$2" ./cmd/gdlint)
}
build "$1" "$work/old.bin"
build "${2:-}" "$work/new.bin"
python3 bench/mutate.py "$shared" "$work/mutants"

files=("$shared/seeds" "$shared/corpus" testdata/examples testdata/crawler testdata/containers)
outputs() { # outputs BIN DIR
  local bin=$1 out=$2 f
  mkdir -p "$out"
  local args=(--today 2026-06-01 --jobs 2 -q --fail-on never)
  "$bin" check "${args[@]}" --format json "${files[@]}" >"$out/check.json" 2>&1 || true
  "$bin" check "${args[@]}" --format text --show-source --color never "${files[@]}" >"$out/check.text" 2>&1 || true
  "$bin" check "${args[@]}" --format sarif "${files[@]}" >"$out/check.sarif" 2>&1 || true
  "$bin" check "${args[@]}" --format json --lang en --unsafe-fixes "${files[@]}" >"$out/check.en.json" 2>&1 || true
  "$bin" check "${args[@]}" --format json "$work/mutants" >"$out/check.mutants.json" 2>&1 || true
  "$bin" check "${args[@]}" --report-html "$out/batch.html" --report-xlsx "$out/batch.xlsx" \
    --report-json "$out/batch.json" "${files[@]}" >"$out/batch.log" 2>&1 || true
  # 400 reports: above htmlInlineLimit, the page embeds its findings as JSON
  "$bin" check "${args[@]}" --report-html "$out/batch.mutants.html" --report-xlsx "$out/batch.mutants.xlsx" \
    --report-json "$out/batch.mutants.json" "$work/mutants" >/dev/null 2>&1 || true
  : >"$out/dump"
  while IFS= read -r f; do
    { echo "== $f"; "$bin" dump "$f" 2>&1 || true; "$bin" dump --text "$f" 2>&1 || true; } >>"$out/dump"
  done < <(find "${files[@]}" "$work/mutants" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.pdf' -o -name '*.docx' \) | sort)
}
outputs "$work/old.bin" "$work/old"
outputs "$work/new.bin" "$work/new"
status=0
for f in "$work"/old/*; do
  name=$(basename "$f")
  if cmp -s "$f" "$work/new/$name"; then
    echo "same     $name ($(wc -c <"$f") bytes)"
  else
    echo "DIFFERS  $name"; { diff "$f" "$work/new/$name" || true; } | head -20; status=1
  fi
done
exit $status
