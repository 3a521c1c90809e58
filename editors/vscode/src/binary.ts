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
  /** How it was found, for the status item and error messages. */
  source: 'setting' | 'bundled' | 'PATH';
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
 * Finds the server binary: the gdlint.path setting (absolute, ~/…, or
 * relative to the workspace folder) when set; else the binary bundled with
 * the extension; else `gdlint` on PATH. Returns an error message when none
 * is found.
 */
export function findServer(o: FindOptions): Found | { error: string } {
  const p = o.platform === 'win32' ? path.win32 : path.posix;
  const configured = o.configured.trim();
  if (configured !== '') {
    let candidate = configured;
    if (candidate === '~' || candidate.startsWith('~/')) {
      candidate = p.join(o.homedir ?? os.homedir(), candidate.slice(1));
    } else if (!p.isAbsolute(candidate) && (candidate.includes('/') || candidate.includes('\\'))) {
      candidate = p.resolve(o.workspaceFolder ?? o.extensionPath, candidate);
    } else if (!p.isAbsolute(candidate)) {
      // a bare name: look it up on PATH
      const onPath = searchPath(candidate, o);
      if (onPath) return { path: onPath, source: 'setting' };
      return { error: `gdlint.path: "${configured}" not found on PATH` };
    }
    if (o.isExecutable(candidate)) return { path: candidate, source: 'setting' };
    return { error: `gdlint.path: no executable at ${candidate}` };
  }
  for (const b of bundledCandidates(o)) {
    if (o.isExecutable(b)) return { path: b, source: 'bundled' };
  }
  const onPath = searchPath(exeName(o.platform), o);
  if (onPath) return { path: onPath, source: 'PATH' };
  return {
    error: 'gdlint not found: set gdlint.path, or install it on PATH (go install github.com/gdlint/gdlint/cmd/gdlint@latest)',
  };
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
