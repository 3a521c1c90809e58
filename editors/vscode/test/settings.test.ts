import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readSettings, statusText } from '../src/settings';

const getter = (m: Record<string, unknown>) => (k: string) => m[k];

test('defaults', () => {
  const { settings, problems } = readSettings(getter({}));
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, {
    path: '',
    args: [],
    server: { lang: 'zh', enable: [], disable: [], severity: {}, deadline: '' },
  });
});

test('values pass through, trimmed and normalised', () => {
  const { settings, problems } = readSettings(
    getter({
      path: '/opt/gdlint',
      args: ['-v', 3, ''],
      lang: 'en',
      disable: [' GD-W002 ', 7],
      severity: { 'GD-W': 'Info' },
      deadline: 'local:02-20',
    }),
  );
  assert.deepEqual(problems, []);
  assert.equal(settings.path, '/opt/gdlint');
  assert.deepEqual(settings.args, ['-v']);
  assert.deepEqual(settings.server, {
    lang: 'en',
    enable: [],
    disable: ['GD-W002'],
    severity: { 'GD-W': 'info' },
    deadline: 'local:02-20',
  });
});

test('bad values are reported and dropped', () => {
  const { settings, problems } = readSettings(
    getter({ lang: 'fr', severity: { 'GD-A001': 'fatal' }, deadline: 'tomorrow' }),
  );
  assert.equal(problems.length, 3);
  assert.equal(settings.server.lang, 'zh');
  assert.deepEqual(settings.server.severity, {});
  assert.equal(settings.server.deadline, '');
});

test('status item text per state', () => {
  assert.equal(statusText('running', '/usr/bin/gdlint').text, '$(check) gdlint');
  assert.match(statusText('error', 'gdlint not found').tooltip, /not found/);
  assert.equal(statusText('starting', '').text, '$(sync~spin) gdlint');
});
