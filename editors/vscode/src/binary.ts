// Finding the gdlint binary. Pure: no `vscode` import, so it is unit-tested
// with node:test outside VS Code.
import * as path from 'node:path';
import * as os from 'node:os';

export interface FindOptions {
  /** gdlint.path as the user set it ("" when unset). */
  configured: string;
  /** The extension's install directory (holds bin/ when a binary is bundled). */
  extensionPath: string;
  /** The first workspace folder, for a relative gdlint.path. */
  workspaceFolder?: string;
  platform: NodeJS.Platform;
  arch: string;
  /** The PATH environment variable. */
  envPath: string;
  /** Tells whether an executable file exists at p. */
  isExecutable: (p: string) => boolean;
  homedir?: string;
}

export interface Found {
  path: string;
  /** How it was found, for the status item and the log. */
  source: 'bundled' | 'setting' | 'PATH';
  /** Said in the log beside the path (e.g. a gdlint.path the bundled binary overrides). */
  note?: string;
}

/** The words the log and the status item use for a source. */
export function describeSource(source: Found['source']): string {
  switch (source) {
    case 'bundled':
      return 'the binary bundled with the extension';
    case 'setting':
      return 'the gdlint.path setting';
    case 'PATH':
      return 'gdlint on PATH';
  }
}

export function exeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'gdlint.exe' : 'gdlint';
}

/** The places a bundled binary may be, most specific first. */
export function bundledCandidates(o: Pick<FindOptions, 'extensionPath' | 'platform' | 'arch'>): string[] {
  const p = o.platform === 'win32' ? path.win32 : path.posix;
  const exe = exeName(o.platform);
  return [p.join(o.extensionPath, 'bin', `${o.platform}-${o.arch}`, exe), p.join(o.extensionPath, 'bin', exe)];
}

/**
 * Finds the server binary: the binary bundled with the extension (the
 * platform-specific .vsix carries one, so its version always matches the
 * extension); else the gdlint.path setting (absolute, ~/…, relative to the
 * workspace folder, or a bare name looked up on PATH); else `gdlint` on
 * PATH. Returns an error message saying what to do when none is found.
 */
export function findServer(o: FindOptions): Found | { error: string } {
  const configured = o.configured.trim();
  for (const b of bundledCandidates(o)) {
    if (o.isExecutable(b)) {
      const found: Found = { path: b, source: 'bundled' };
      if (configured !== '') found.note = `gdlint.path "${configured}" is not used: the bundled binary comes first`;
      return found;
    }
  }
  if (configured !== '') {
    const r = resolveConfigured(configured, o);
    if (typeof r === 'string') return { path: r, source: 'setting' };
    return r;
  }
  const onPath = searchPath(exeName(o.platform), o);
  if (onPath) return { path: onPath, source: 'PATH' };
  return { error: notFoundMessage(o) };
}

function resolveConfigured(configured: string, o: FindOptions): string | { error: string } {
  const p = o.platform === 'win32' ? path.win32 : path.posix;
  let candidate = configured;
  if (candidate === '~' || candidate.startsWith('~/')) {
    candidate = p.join(o.homedir ?? os.homedir(), candidate.slice(1));
  } else if (!p.isAbsolute(candidate) && (candidate.includes('/') || candidate.includes('\\'))) {
    candidate = p.resolve(o.workspaceFolder ?? o.extensionPath, candidate);
  } else if (!p.isAbsolute(candidate)) {
    // a bare name: look it up on PATH
    const onPath = searchPath(candidate, o);
    if (onPath) return onPath;
    return { error: `gdlint.path: "${configured}" not found on PATH. Fix or clear the setting.` };
  }
  if (o.isExecutable(candidate)) return candidate;
  return { error: `gdlint.path: no executable at ${candidate}. Fix or clear the setting.` };
}

/** What to do when there is no binary anywhere, in Chinese and English. */
export function notFoundMessage(o: Pick<FindOptions, 'platform' | 'arch'>): string {
  const target = `${o.platform}-${o.arch}`;
  return (
    `未找到 gdlint 程序：这个扩展包不含 gdlint。请安装适合本机的扩展包 gdlint-${target}-<版本>.vsix，` +
    `或在设置 gdlint.path 中填写 gdlint 程序的路径，或把 gdlint 放到 PATH 中。 ` +
    `gdlint not found: this extension package has no bundled binary. Install the package for this platform ` +
    `(gdlint-${target}-<version>.vsix), or set gdlint.path to the gdlint binary, or put gdlint on PATH ` +
    `(go install github.com/gdlint/gdlint/cmd/gdlint@latest).`
  );
}

function searchPath(name: string, o: FindOptions): string | undefined {
  const p = o.platform === 'win32' ? path.win32 : path.posix;
  const sep = o.platform === 'win32' ? ';' : ':';
  const names = o.platform === 'win32' && !name.toLowerCase().endsWith('.exe') ? [name + '.exe', name] : [name];
  for (const dir of o.envPath.split(sep)) {
    if (dir === '') continue;
    for (const n of names) {
      const candidate = p.join(dir, n);
      if (o.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}
