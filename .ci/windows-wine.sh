#!/usr/bin/env bash
# Builds a release for windows/amd64 and linux/amd64 with scripts/release, checks
# the archives, checksums and .vsix packages, and runs the Windows binary under
# Wine on the bundled examples: from a directory whose name has Chinese
# characters and spaces, on GB18030, UTF-8-BOM and UTF-16 files with CRLF as
# Windows Notepad writes them, with --fix; its output must equal the Linux binary's.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
export WINEPREFIX=$work/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree=;mshtml="
cleanup() {
  wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

need=()
command -v wine >/dev/null || need+=(wine wine64)
command -v x86_64-w64-mingw32-ld >/dev/null || need+=(binutils-mingw-w64-x86-64)
command -v zip >/dev/null || need+=(zip)
command -v unzip >/dev/null || need+=(unzip)
if [ ${#need[@]} -gt 0 ]; then
  s=
  [ "$(id -u)" = 0 ] || s=sudo
  echo "--- installing ${need[*]}"
  $s apt-get update -qq
  $s env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
wine --version

fail() { echo "windows-wine: $*" >&2; exit 1; }

# GDLINT_DIST=DIR: use the release already built there (to rerun quickly)
dist=${GDLINT_DIST:-$work/dist}
if [ -z "${GDLINT_DIST:-}" ]; then
  echo "--- scripts/release windows/amd64 linux/amd64"
  scripts/release "$dist" windows/amd64 linux/amd64
fi
(cd "$dist" && sha256sum -c SHA256SUMS)
winzip=$(ls "$dist"/gdlint_*_windows_amd64.zip)
lintar=$(ls "$dist"/gdlint_*_linux_amd64.tar.gz)
winvsix=$(ls "$dist"/gdlint-win32-x64-*.vsix)
linvsix=$(ls "$dist"/gdlint-linux-x64-*.vsix)

echo "--- the .vsix packages carry their platform's binary"
# (listings go to files first: grep -q would end unzip with SIGPIPE under pipefail)
unzip -l "$winvsix" >"$work/win.list"
unzip -l "$linvsix" >"$work/lin.list"
unzip -p "$winvsix" extension.vsixmanifest >"$work/win.manifest"
unzip -p "$linvsix" extension.vsixmanifest >"$work/lin.manifest"
grep -q ' extension/bin/gdlint\.exe$' "$work/win.list" || fail "no extension/bin/gdlint.exe in $winvsix"
grep -q ' extension/bin/gdlint$' "$work/lin.list" || fail "no extension/bin/gdlint in $linvsix"
grep -q ' extension/LICENSE.txt$' "$work/win.list" || fail "no LICENSE in $winvsix"
grep -q 'TargetPlatform="win32-x64"' "$work/win.manifest" || fail "$winvsix: target platform is not win32-x64"
grep -q 'TargetPlatform="linux-x64"' "$work/lin.manifest" || fail "$linvsix: target platform is not linux-x64"
# the Linux binary as VS Code would unpack it (the zip records its mode)
mkdir -p "$work/vsix-linux"
unzip -q "$linvsix" 'extension/*' -d "$work/vsix-linux"
linux=$work/vsix-linux/extension/bin/gdlint
[ -x "$linux" ] || fail "the binary in $linvsix is not executable after unzip"
want_version=$("$linux" version)
echo "linux-x64 .vsix: $want_version"
echo "--- the extension, unpacked from the linux-x64 .vsix, picks its bundled binary"
node "$root/.ci/vsix-activate.cjs" "$work/vsix-linux/extension"
case $want_version in "gdlint devel"|"gdlint (devel)"|"gdlint ") fail "release binary has no real version: $want_version" ;; esac
# the archive's binary is the same file as the .vsix's
mkdir -p "$work/tar"
tar -xzf "$lintar" -C "$work/tar"
cmp "$work"/tar/gdlint_*/gdlint "$linux" || fail "the linux archive and the .vsix carry different binaries"
mkdir -p "$work/zip"
unzip -q "$winzip" -d "$work/zip"
exe=$(ls "$work"/zip/gdlint_*/gdlint.exe)
unzip -p "$winvsix" extension/bin/gdlint.exe | cmp - "$exe" || fail "the windows archive and the .vsix carry different binaries"

echo "--- Wine prefix"
wineboot --init >/dev/null 2>&1 || true
wineserver -w
sys32=$WINEPREFIX/drive_c/windows/system32
[ -d "$sys32" ] || fail "wineboot did not create $sys32"
if [ ! -e "$sys32/bcryptprimitives.dll" ]; then
  # Go ≥ 1.22 on Windows needs bcryptprimitives.dll's ProcessPrng (Windows 10
  # has it); Wine 8.0 (Debian 12) lacks the DLL. Stand in with a DLL that
  # forwards ProcessPrng to advapi32's RtlGenRandom (SystemFunction036), which
  # has the same arguments and returns TRUE on success.
  echo "Wine lacks bcryptprimitives.dll: adding a forwarder ProcessPrng → advapi32.SystemFunction036"
  printf '\t.text\n' >"$work/empty.s"
  x86_64-w64-mingw32-as -o "$work/empty.o" "$work/empty.s"
  printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\nProcessPrng = advapi32.SystemFunction036\n' >"$work/bcryptprimitives.def"
  x86_64-w64-mingw32-ld --dll --entry=0 -nostdlib -o "$sys32/bcryptprimitives.dll" "$work/empty.o" "$work/bcryptprimitives.def"
fi

win() { wine "$exe" "$@"; }
echo "--- gdlint.exe version, --version, -V"
got=$(win version | tr -d '\r')
[ "$got" = "$want_version" ] || fail "gdlint.exe version printed '$got', want '$want_version'"
[ "$(win --version | tr -d '\r')" = "$want_version" ] || fail "gdlint.exe --version differs from version"
[ "$(win -V | tr -d '\r')" = "$want_version" ] || fail "gdlint.exe -V differs from version"
echo "$got"

# a directory with Chinese characters and spaces holding the examples, and
# beside it clean.txt as Windows Notepad saves it: GB18030 ("ANSI" on Chinese
# Windows), UTF-8 with BOM, UTF-16 LE ("Unicode"), all with CRLF
dir="报告 目录/2025年 政府信息公开"
notepad="记事本 保存"
mkdir -p "$work/$dir" "$work/$notepad"
cp testdata/examples/* "$work/$dir/"
iconv -f UTF-8 -t GB18030 testdata/examples/clean.txt | sed 's/$/\r/' >"$work/$notepad/ANSI 编码.txt"
{ printf '\357\273\277'; sed 's/$/\r/' testdata/examples/clean.txt; } >"$work/$notepad/UTF-8 编码.txt"
{ printf '\377\376'; sed 's/$/\r/' testdata/examples/clean.txt | iconv -f UTF-8 -t UTF-16LE; } >"$work/$notepad/Unicode 编码.txt"
cd "$work"

# runs a binary, recording its exit code and output
run_case() { # name binary args...
  local name=$1 bin=$2
  shift 2
  local rc=0
  "$bin" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  echo "$rc" >"$work/$name.rc"
}
same() { # name: the Windows and Linux runs agree (exit code, JSON on stdout; paths with / for \\)
  local n=$1
  cmp "$work/win-$n.rc" "$work/lin-$n.rc" || fail "$n: exit code $(cat "$work/win-$n.rc") under Wine, $(cat "$work/lin-$n.rc") on Linux"
  tr -d '\r' <"$work/win-$n.out" | sed 's#\\\\#/#g' >"$work/win-$n.norm"
  diff -u "$work/lin-$n.out" "$work/win-$n.norm" || fail "$n: the output differs between Wine and Linux"
  echo "$n: same output, exit $(cat "$work/win-$n.rc")"
}

echo "--- check the directory (relative path with Chinese characters and spaces)"
run_case win-dir win check --format json "$dir"
run_case lin-dir "$linux" check --format json "$dir"
same dir
[ "$(cat "$work/win-dir.rc")" = 1 ] || fail "check of the examples exited $(cat "$work/win-dir.rc") under Wine, want 1"

echo "--- each file by its absolute Windows path (Z:\\…)"
for f in "$dir"/* "$notepad"/*; do
  base=$(basename "$f")
  wpath=$(winepath -w "$work/$f" 2>/dev/null | tr -d '\r')
  run_case "win-$base" win check --lang en "$wpath"
  run_case "lin-$base" "$linux" check --lang en "$work/$f"
  # the paths differ (Z:\… and /…): compare from the line number on
  tr -d '\r' <"$work/win-$base.out" | sed 's#^.*'"$base"':##' >"$work/w.txt"
  sed 's#^.*'"$base"':##' "$work/lin-$base.out" >"$work/l.txt"
  cmp -s "$work/win-$base.rc" "$work/lin-$base.rc" && diff -q "$work/l.txt" "$work/w.txt" >/dev/null ||
    fail "$base: Wine and Linux differ (exit $(cat "$work/win-$base.rc") vs $(cat "$work/lin-$base.rc"))"
  echo "$base: exit $(cat "$work/win-$base.rc"), $(wc -l <"$work/w.txt") findings, same as Linux"
done
for f in "$notepad"/*; do
  base=$(basename "$f")
  [ "$(cat "$work/win-$base.rc")" = 0 ] || fail "$base (clean.txt as Notepad saves it) exited $(cat "$work/win-$base.rc") under Wine, want 0"
  if [ -s "$work/win-$base.out" ]; then fail "$base (clean.txt as Notepad saves it) has findings under Wine: $(head -3 "$work/win-$base.out")"; fi
done

echo "--- SARIF: the tool's version, a parseable log"
run_case win-sarif win check --format sarif "$dir"
node -e '
const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const v = log.runs[0].tool.driver.version;
if (`gdlint ${v}` !== process.argv[2]) { console.error(`SARIF tool version ${v}, want ${process.argv[2]}`); process.exit(1); }
const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
if (!uris.some((u) => decodeURIComponent(u).includes("报告 目录"))) { console.error("no result under the Chinese directory:", uris.slice(0, 3)); process.exit(1); }
console.log(`sarif: version ${v}, ${uris.length} results`);
' "$work/win-sarif.out" "$want_version"

echo "--- gdlint.exe lsp: the diagnostics a Windows editor gets (Node LSP client)"
shared=${SHARED_DIR:-$root/../shared}
if [ -d "$shared/tools/lspclient" ]; then
  cp -r "$shared/tools/lspclient" "$work/lspclient"
  chmod -R u+w "$work/lspclient"
  (cd "$work/lspclient" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$root/lsp/testdata/wrong-total.txt" "$dir/合计 有误.txt"
  node "$work/lspclient/lsp-client.mjs" --timeout 60 "wine '$exe' lsp" "$work/$dir/合计 有误.txt" >"$work/lsp-win.jsonl"
  node "$work/lspclient/lsp-client.mjs" --timeout 60 "'$linux' lsp" "$work/$dir/合计 有误.txt" >"$work/lsp-lin.jsonl"
  [ -s "$work/lsp-lin.jsonl" ] || fail "the Linux server published no diagnostics"
  diff -u "$work/lsp-lin.jsonl" "$work/lsp-win.jsonl" || fail "gdlint.exe lsp under Wine published other diagnostics than on Linux"
  echo "lsp: $(wc -l <"$work/lsp-win.jsonl") diagnostics from gdlint.exe lsp, same as Linux"
  rm "$dir/合计 有误.txt"
elif [ -n "${CI:-}" ]; then
  fail "no $shared/tools/lspclient (CI has ../shared)"
else
  echo "skipped: no $shared/tools/lspclient"
fi

echo "--- --fix keeps GB18030 and CRLF, in place under the Chinese path"
cp "$dir/gb18030-crlf.txt" "$work/lin-fixed.txt"
"$linux" check --fix --quiet "$work/lin-fixed.txt" || true
rc=0
win check --fix --quiet "$dir/gb18030-crlf.txt" >/dev/null 2>&1 || rc=$?
cmp "$dir/gb18030-crlf.txt" "$work/lin-fixed.txt" || fail "--fix under Wine wrote other bytes than on Linux"
if cmp -s "$dir/gb18030-crlf.txt" "$root/testdata/examples/gb18030-crlf.txt"; then fail "--fix under Wine changed nothing"; fi
echo "gb18030-crlf.txt: fixed under Wine (exit $rc), byte-identical to the Linux fix"
echo "--- PDF reports: the PDF engine (WebAssembly) under Wine, its compiled module cached in %LocalAppData%"
pdfdir="PDF 报告"
mkdir -p "$work/$pdfdir"
cp "$root"/grammar/input/pdf/testdata/pdf/{report,scanned}.pdf "$work/$pdfdir/"
run_case win-pdf win check --format json "$pdfdir"
run_case lin-pdf "$linux" check --format json "$pdfdir"
same pdf
[ "$(cat "$work/win-pdf.rc")" = 2 ] || fail "PDF check exited $(cat "$work/win-pdf.rc") under Wine, want 2 (scanned.pdf has no text layer)"
grep -q '"page": 5' "$work/win-pdf.norm" || fail "no page in the PDF findings under Wine"
grep -q '扫描件，没有文字层' "$work/win-pdf.err" || fail "scanned.pdf: no 扫描件 error under Wine"
ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Local/gdlint/wasm/wazero-* >/dev/null || fail "no compiled PDF engine in %LocalAppData%\\gdlint\\wasm"
echo "windows under wine: ok"
