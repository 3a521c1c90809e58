import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { bundledCandidates, findServer, FindOptions } from '../src/binary';

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

test('a configured absolute path wins', () => {
  const r = findServer(opts(['/opt/gdlint', '/ext/bin/gdlint', '/usr/bin/gdlint'], { configured: '/opt/gdlint' }));
  assert.deepEqual(r, { path: '/opt/gdlint', source: 'setting' });
});

test('a configured path that does not exist is an error, not a silent fallback', () => {
  const r = findServer(opts(['/usr/bin/gdlint'], { configured: '/opt/missing' }));
  assert.ok('error' in r && r.error.includes('/opt/missing'));
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

test('nothing found: an error that says how to fix it', () => {
  const r = findServer(opts([]));
  assert.ok('error' in r && r.error.includes('gdlint.path') && r.error.includes('go install'));
});
