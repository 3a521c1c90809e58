#!/usr/bin/env bash
# PDF batch benchmark: gdlint over N copies of the real published PDF
# (../shared/corpus/pdf/001.pdf, 5 pages) and the LibreOffice test report
# (grammar/input/pdf/testdata/pdf/report.pdf), half each, at each N.
#
#   bench/pdf.sh [N...]        default: 100 200 400
#
# One run per N after one warm-up (the first run compiles PDFium into the
# cache): wall time and peak RSS (GNU time). Memory must stay flat as N
# grows: go-pdfium frees the handles of an instance only when it closes, so
# the engine replaces its instances (grammar/input/pdf/engine.go).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100 200 400)
real=../shared/corpus/pdf/001.pdf
made=grammar/input/pdf/testdata/pdf/report.pdf
[ -f "$real" ] || { echo "bench/pdf.sh: $real not found (the shared reports)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/pdf.sh: needs GNU time (/usr/bin/time; Debian package time)" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -o "$work/gdlint" ./cmd/gdlint
"$work/gdlint" check -q "$real" >/dev/null 2>&1 || true # warm-up: compile and cache PDFium

echo "machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg); $(go version | cut -d' ' -f3); gdlint $(git describe --always --dirty 2>/dev/null)"
echo
echo "| command                            |  PDFs |   wall s |  CPU s | peak MiB |"
echo "|------------------------------------|------:|---------:|-------:|---------:|"
for n in "${sizes[@]}"; do
  dir=$work/pdf-$n; mkdir -p "$dir"
  for ((i = 0; i < n / 2; i++)); do
    cp "$real" "$dir/a$i.pdf"
    cp "$made" "$dir/b$i.pdf"
  done
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$work/gdlint" check --format json "$dir" >/dev/null 2>&1 || true
  read -r wall user sys kib < <(tail -n 1 "$work/time")
  printf '| %-34s | %5d | %8.2f | %6.2f | %8.0f |\n' "gdlint check --format json" "$n" "$wall" "$(echo "$user + $sys" | bc)" "$((kib / 1024))"
  rm -rf "$dir"
done
