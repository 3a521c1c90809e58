// Activates the VS Code extension as unpacked from a .vsix (node .ci/vsix-activate.cjs
// EXTENSION_DIR), with the `vscode` API and the language client replaced by
// recorders, and checks which server binary it picks and what it says: the
// bundled one first (also when gdlint.path is set, and when the zip lost its
// executable bit), gdlint.path without a bundled binary, PATH last, and an
// error that says what to do when there is none. The binary it picks is run
// (`version`) as the client would start it. First it checks that the package
// carries the extension as two bundles (dist/) and no node_modules.
'use strict';
const Module = require('node:module');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const extDir = path.resolve(process.argv[2]);
const exe = process.platform === 'win32' ? 'gdlint.exe' : 'gdlint';
const bundled = path.join(extDir, 'bin', exe);
assert.ok(fs.existsSync(bundled), `no bundled binary at ${bundled}`);

let rec;
const disposable = { dispose() {} };
const fakeVscode = {
  window: {
    createOutputChannel: () => ({ appendLine: (l) => rec.log.push(l), show() {}, dispose() {} }),
    createStatusBarItem: () => ({ show() {}, dispose() {} }),
    showErrorMessage: (m) => (rec.errors.push(m), Promise.resolve(undefined)),
    showWarningMessage: (m) => (rec.warnings.push(m), Promise.resolve(undefined)),
    activeTextEditor: undefined,
  },
  workspace: {
    getConfiguration: () => ({ get: (k) => rec.settings[k] }),
    workspaceFolders: undefined,
    createFileSystemWatcher: () => disposable,
    onDidChangeConfiguration: () => disposable,
  },
  commands: { registerCommand: () => disposable, executeCommand: () => Promise.resolve() },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ThemeColor: class {},
};
class FakeClient {
  constructor(_id, _name, serverOptions) {
    rec.server = serverOptions;
  }
  onDidChangeState() {
    return disposable;
  }
  async start() {
    // what the real client does first: start the process; here it prints its version
    const out = execFileSync(rec.server.command, ['version'], { encoding: 'utf8' }).trim();
    this.initializeResult = { serverInfo: { name: 'gdlint', version: out.replace(/^gdlint /, '') } };
  }
  async stop() {}
}
const fakeClientModule = { LanguageClient: FakeClient, State: { Stopped: 1, Starting: 3, Running: 2 }, TransportKind: { stdio: 0 } };

const resolve = Module._resolveFilename;
// the extension's bundle (dist/extension.js) requires the language client as
// ./client.js, its own bundle beside it (editors/vscode/build.mjs)
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode' || request === './client.js') return request;
  return resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode };
require.cache['./client.js'] = { id: './client.js', filename: './client.js', loaded: true, exports: fakeClientModule };

async function activate(dir, settings, envPath) {
  rec = { log: [], errors: [], warnings: [], settings, server: undefined };
  const main = path.join(dir, 'dist', 'extension.js');
  for (const k of Object.keys(require.cache)) if (k.startsWith(path.join(dir, 'dist'))) delete require.cache[k];
  const savedPath = process.env.PATH;
  process.env.PATH = envPath;
  try {
    await require(main).activate({ extensionPath: dir, subscriptions: [] });
  } finally {
    process.env.PATH = savedPath;
  }
  return rec;
}

function copyWithoutBin(dst) {
  fs.cpSync(extDir, dst, { recursive: true, filter: (src) => !src.startsWith(path.join(extDir, 'bin')) });
  return dst;
}

// The package carries the two bundles and no node_modules, and the client's
// bundle loads on its own (in a process of its own, with a vscode API whose
// every member is an empty class) and gives what the extension uses.
function checkBundles() {
  for (const f of ['extension.js', 'client.js']) assert.ok(fs.existsSync(path.join(extDir, 'dist', f)), `no dist/${f} in the package`);
  assert.ok(!fs.existsSync(path.join(extDir, 'node_modules')), 'the package carries node_modules beside its bundles');
  const load = `
    const Module = require('node:module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (r, ...rest) { return r === 'vscode' ? r : resolve.call(this, r, ...rest); };
    const anyClass = new Proxy(class {}, { get: (t, k) => (k in t ? t[k] : anyClass) });
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: new Proxy({}, { get: () => anyClass }) };
    const c = require(process.argv[1]);
    process.stdout.write([typeof c.LanguageClient, c.TransportKind.stdio, c.State.Running].join(' '));`;
  const got = execFileSync(process.execPath, ['-e', load, path.join(extDir, 'dist', 'client.js')], { encoding: 'utf8' });
  assert.equal(got, 'function 0 2');
  console.log('ok: the package carries dist/extension.js and dist/client.js, no node_modules, and the client bundle loads');
}

(async () => {
  checkBundles();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-activate-'));
  const emptyPath = path.join(tmp, 'empty-path');
  fs.mkdirSync(emptyPath);
  const version = execFileSync(bundled, ['version'], { encoding: 'utf8' }).trim();

  // 1. the bundled binary, said in the log with the server's version
  let r = await activate(extDir, {}, emptyPath);
  assert.deepEqual(r.errors, []);
  assert.equal(r.server.command, bundled);
  assert.deepEqual(r.server.args, ['lsp']);
  assert.ok(r.log.includes(`gdlint: using ${bundled} (the binary bundled with the extension)`), r.log.join('\n'));
  assert.ok(r.log.includes(`gdlint: server ${version}`), r.log.join('\n'));
  console.log(`ok: bundled binary used and logged (${version})`);

  // 2. gdlint.path set: the bundled binary still comes first, and the log says so
  r = await activate(extDir, { path: '/opt/elsewhere/gdlint' }, emptyPath);
  assert.equal(r.server.command, bundled);
  assert.ok(r.log.some((l) => l.includes('gdlint.path "/opt/elsewhere/gdlint" is not used')), r.log.join('\n'));
  console.log('ok: gdlint.path does not override the bundled binary, and the log says so');

  if (process.platform !== 'win32') {
    // 3. a zip that lost the executable bit: restored, still the bundled binary
    const noexec = path.join(tmp, 'noexec');
    fs.cpSync(extDir, noexec, { recursive: true });
    fs.chmodSync(path.join(noexec, 'bin', exe), 0o644);
    r = await activate(noexec, {}, emptyPath);
    assert.equal(r.server.command, path.join(noexec, 'bin', exe));
    console.log('ok: a bundled binary without its executable bit is made executable and used');
  }

  // 4. no bundled binary: gdlint.path, then PATH
  const bare = copyWithoutBin(path.join(tmp, 'bare'));
  const tools = path.join(tmp, 'tools');
  fs.mkdirSync(tools);
  fs.copyFileSync(bundled, path.join(tools, exe));
  fs.chmodSync(path.join(tools, exe), 0o755);
  r = await activate(bare, { path: path.join(tools, exe) }, emptyPath);
  assert.equal(r.server.command, path.join(tools, exe));
  assert.ok(r.log.includes(`gdlint: using ${path.join(tools, exe)} (the gdlint.path setting)`), r.log.join('\n'));
  r = await activate(bare, {}, tools);
  assert.equal(r.server.command, path.join(tools, exe));
  assert.ok(r.log.includes(`gdlint: using ${path.join(tools, exe)} (gdlint on PATH)`), r.log.join('\n'));
  console.log('ok: without a bundled binary, gdlint.path, then PATH');

  // 5. nothing anywhere: an error that says what to install or set, no server started
  r = await activate(bare, {}, emptyPath);
  assert.equal(r.server, undefined);
  assert.equal(r.errors.length, 1);
  for (const want of ['未找到 gdlint', 'gdlint.path', 'PATH', '.vsix']) assert.ok(r.errors[0].includes(want), r.errors[0]);
  console.log(`ok: no binary anywhere: ${r.errors[0].slice(0, 60)}…`);
  fs.rmSync(tmp, { recursive: true, force: true });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
