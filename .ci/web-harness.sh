#!/usr/bin/env bash
# Builds the browser page (scripts/build-web) and runs it in headless Chromium
# (the system browser, /usr/bin/chromium, driven by playwright-core; no browser
# download) from file:// and from a local server with every foreign request
# blocked, comparing its findings with gdlint check on the examples and seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v chromium >/dev/null || { s=; [ "$(id -u)" = 0 ] || s=sudo; $s apt-get update -qq && $s DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
scripts/build-web "$work/page"
go build -o "$work/gdlint" ./cmd/gdlint
(cd editors/web/test && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
node editors/web/test/browser-test.mjs "$work/page" "$work/gdlint" "$root" "$shared/seeds"
