#!/usr/bin/env bash
# Drives `gdlint lsp` with real clients: the Node client on
# vscode-languageserver-protocol and Neovim's built-in client, from
# ../shared/tools/lspclient; checks their output with .ci/lsp-check.mjs; runs
# the latency benchmark; tests the VS Code extension and packages it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
harness_src=$shared/tools/lspclient
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/gdlint" ./cmd/gdlint
server="$work/gdlint lsp"
fixture=$root/lsp/testdata/wrong-total.txt
seed=$shared/seeds/003_1033e8c8c2361b7e.txt

# the harness directory is read-only: install its dependency in a copy
cp -r "$harness_src" "$work/harness"
chmod -R u+w "$work/harness"
(cd "$work/harness" && npm install --no-audit --no-fund --loglevel=error)
if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  fi
fi
node_client() { node "$work/harness/lsp-client.mjs" "$@"; }
nvim_client() { "$work/harness/nvim-diag.sh" "$@"; }
check() { node "$root/.ci/lsp-check.mjs" "$@"; }

echo "--- lsp: diagnostics at UTF-16 positions after 𠀀 (Node, Neovim)"
node_client "$server" "$fixture" >"$work/node.jsonl"
nvim_client "$server" "$fixture" >"$work/nvim.jsonl"
check diag "$work/node.jsonl"
check diag "$work/nvim.jsonl"
check same "$work/node.jsonl" "$work/nvim.jsonl"

echo "--- lsp: quick fix for the wrong total (Node, Neovim)"
node_client --fix --code GD-A001 "$server" "$fixture" >"$work/node-fixed.txt"
nvim_client --fix "$server" "$fixture" >"$work/nvim-fixed.txt"
check fixed "$work/node-fixed.txt" "$fixture"
check fixed "$work/nvim-fixed.txt" "$fixture"

echo "--- lsp: a seed report (Node, Neovim)"
node_client "$server" "$seed" >"$work/seed-node.jsonl"
nvim_client "$server" "$seed" >"$work/seed-nvim.jsonl"
check seed "$work/seed-node.jsonl"
check same "$work/seed-node.jsonl" "$work/seed-nvim.jsonl"

echo "--- lsp: the Neovim snippet in editors/nvim attaches and gets diagnostics"
GDLINT_CMD="$work/gdlint" timeout 60 nvim --headless --clean -n -i NONE \
  -c "luafile $root/editors/nvim/test/attach.lua" -- "$fixture" </dev/null >"$work/snippet.out" 2>&1 || true
cat "$work/snippet.out"
grep -q '^gdlint-snippet: GD-A001 37:22$' "$work/snippet.out"

echo "--- lsp: latency benchmark on a 100 KB report (Node client)"
check big "$seed" "$work/big.txt"
node_client --bench 300 "$server" "$work/big.txt" >"$work/bench.json"
check bench "$work/bench.json"

echo "--- editors/vscode: type-check, unit tests, package"
(cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error && npm test && npx @vscode/vsce package --out "$work/gdlint.vsix")
test -s "$work/gdlint.vsix"
echo "lsp harness: ok"
