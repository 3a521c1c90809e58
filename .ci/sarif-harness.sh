#!/usr/bin/env bash
# gdlint's SARIF through the SARIF Multitool with the GitHub rule set
# (--rule-kind "Sarif;Gh": what GitHub code scanning requires of an upload):
# the examples, the seeds and the corpus, in Chinese and English, with a file
# that cannot be read. Any error fails. (The cap at 25,000 results is tested
# in report's Go tests: validating a log that large takes minutes here.)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd .ci/sarif && npm ci --no-audit --no-fund --loglevel=error)
mt=.ci/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
chmod u+x "$mt" # npm may not run the package's install script that does this
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/gdlint" ./cmd/gdlint
printf 'bin\0ary' >"$out/unreadable.txt"
sarif() { # NAME ARGS...: write $out/NAME.sarif (exit 1 for findings is fine)
	local name=$1; shift
	"$out/gdlint" check --format sarif "$@" >"$out/$name.sarif" 2>/dev/null || [ $? -le 2 ]
}
sarif examples testdata/examples
sarif examples-en --lang en testdata/examples "$out/unreadable.txt"
if [ -d ../shared/seeds ]; then
	sarif seeds ../shared/seeds
	sarif corpus ../shared/corpus
elif [ "${CI:-}" = true ]; then
	echo "sarif-harness: ../shared is missing"; exit 1
fi
fail=0
for f in "$out"/*.sarif; do
	report=$("$mt" validate --max-file-size-in-kb 100000 --rule-kind "Sarif;Gh" "$f" 2>&1) || true
	if ! grep -q "Analysis completed successfully" <<<"$report"; then
		echo "$report"; echo "sarif-harness: the Multitool did not finish on $f"; fail=1; continue
	fi
	# the Multitool exits 0 whatever it finds: read its findings
	if grep -E ': error [A-Z]+[0-9]+' <<<"$report"; then
		echo "sarif-harness: $(basename "$f") has errors"; fail=1
	fi
	echo "sarif-harness: $(basename "$f"): $(grep -cE ': warning [A-Z]+[0-9]+' <<<"$report" || true) warnings, no error"
done
exit $fail
