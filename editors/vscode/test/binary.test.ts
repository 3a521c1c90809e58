import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { bundledCandidates, describeSource, findServer, FindOptions } from '../src/binary';

function opts(files: string[], over: Partial<FindOptions> = {}): FindOptions {
  const set = new Set(files);
  return {
    configured: '',
    extensionPath: '/ext',
    workspaceFolder: '/work/ws',
    platform: 'linux',
    arch: 'x64',
    envPath: '/usr/local/bin:/usr/bin',
    isExecutable: (p) => set.has(p),
    homedir: '/home/u',
    ...over,
  };
}

test('the bundled binary comes first, then gdlint.path, then PATH', () => {
  const all = ['/ext/bin/gdlint', '/opt/gdlint', '/usr/bin/gdlint'];
  assert.deepEqual(findServer(opts(all)), { path: '/ext/bin/gdlint', source: 'bundled' });
  const withSetting = findServer(opts(all, { configured: '/opt/gdlint' }));
  assert.ok(!('error' in withSetting));
  assert.equal(withSetting.path, '/ext/bin/gdlint');
  assert.equal(withSetting.source, 'bundled');
  assert.match(withSetting.note ?? '', /gdlint\.path "\/opt\/gdlint" is not used/);
  // no bundled binary: the setting, even with gdlint on PATH
  assert.deepEqual(findServer(opts(all.slice(1), { configured: '/opt/gdlint' })), { path: '/opt/gdlint', source: 'setting' });
  // neither: PATH
  assert.deepEqual(findServer(opts(all.slice(2))), { path: '/usr/bin/gdlint', source: 'PATH' });
});

test('a configured path that does not exist is an error, not a silent fallback to PATH', () => {
  const r = findServer(opts(['/usr/bin/gdlint'], { configured: '/opt/missing' }));
  assert.ok('error' in r && r.error.includes('/opt/missing') && r.error.includes('clear the setting'));
});

test('a broken gdlint.path does not matter when a binary is bundled', () => {
  const r = findServer(opts(['/ext/bin/gdlint'], { configured: '/opt/missing' }));
  assert.ok(!('error' in r) && r.source === 'bundled');
});

test('each source is described in words for the log', () => {
  assert.equal(describeSource('bundled'), 'the binary bundled with the extension');
  assert.equal(describeSource('setting'), 'the gdlint.path setting');
  assert.equal(describeSource('PATH'), 'gdlint on PATH');
});

test('configured ~/ and relative paths are resolved', () => {
  assert.deepEqual(findServer(opts(['/home/u/go/bin/gdlint'], { configured: '~/go/bin/gdlint' })), {
    path: '/home/u/go/bin/gdlint',
    source: 'setting',
  });
  assert.deepEqual(findServer(opts(['/work/ws/tools/gdlint'], { configured: './tools/gdlint' })), {
    path: '/work/ws/tools/gdlint',
    source: 'setting',
  });
});

test('a configured bare name is looked up on PATH', () => {
  assert.deepEqual(findServer(opts(['/usr/bin/gdlint-dev'], { configured: 'gdlint-dev' })), {
    path: '/usr/bin/gdlint-dev',
    source: 'setting',
  });
});

test('the bundled binary comes before PATH, platform directory first', () => {
  assert.deepEqual(bundledCandidates({ extensionPath: '/ext', platform: 'linux', arch: 'arm64' }), [
    '/ext/bin/linux-arm64/gdlint',
    '/ext/bin/gdlint',
  ]);
  const r = findServer(opts(['/ext/bin/linux-x64/gdlint', '/ext/bin/gdlint', '/usr/bin/gdlint']));
  assert.deepEqual(r, { path: '/ext/bin/linux-x64/gdlint', source: 'bundled' });
});

test('PATH is searched in order', () => {
  const r = findServer(opts(['/usr/bin/gdlint', '/usr/local/bin/gdlint']));
  assert.deepEqual(r, { path: '/usr/local/bin/gdlint', source: 'PATH' });
});

test('Windows: .exe names and ; separated PATH', () => {
  const r = findServer(
    opts(['C:\\tools\\gdlint.exe'], { platform: 'win32', extensionPath: 'C:\\ext', envPath: 'C:\\Windows;C:\\tools' }),
  );
  assert.deepEqual(r, { path: 'C:\\tools\\gdlint.exe', source: 'PATH' });
});

test('nothing found: an error in Chinese and English that says what to do', () => {
  const r = findServer(opts([]));
  assert.ok('error' in r);
  for (const want of ['未找到 gdlint', 'gdlint-linux-x64-', 'gdlint.path', 'PATH', 'go install']) {
    assert.ok(r.error.includes(want), `${JSON.stringify(want)} missing in ${r.error}`);
  }
});

test('Windows: the bundled gdlint.exe under bin\\', () => {
  const r = findServer(opts(['C:\\ext\\bin\\gdlint.exe', 'C:\\tools\\gdlint.exe'], {
    platform: 'win32', arch: 'x64', extensionPath: 'C:\\ext', envPath: 'C:\\tools',
  }));
  assert.deepEqual(r, { path: 'C:\\ext\\bin\\gdlint.exe', source: 'bundled' });
});
