// The extension's settings, read and checked. Pure: unit-tested without VS Code.

export interface Settings {
  path: string;
  args: string[];
  /** What the server receives (workspace/didChangeConfiguration, initializationOptions). */
  server: ServerSettings;
}

export interface ServerSettings {
  lang: 'zh' | 'en';
  enable: string[];
  disable: string[];
  severity: Record<string, 'error' | 'warning' | 'info'>;
  deadline: string;
}

const severities = new Set(['error', 'warning', 'info']);

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

/**
 * Reads the gdlint section through get (WorkspaceConfiguration.get in the
 * extension). Wrong types fall back to the defaults; problems are returned
 * so the extension can tell the user.
 */
export function readSettings(get: (key: string) => unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const lang = get('lang');
  const severity: Record<string, 'error' | 'warning' | 'info'> = {};
  const rawSeverity = get('severity');
  if (rawSeverity && typeof rawSeverity === 'object') {
    for (const [rule, sev] of Object.entries(rawSeverity as Record<string, unknown>)) {
      if (typeof sev === 'string' && severities.has(sev.toLowerCase())) {
        severity[rule] = sev.toLowerCase() as 'error' | 'warning' | 'info';
      } else {
        problems.push(`gdlint.severity: ${rule} = ${JSON.stringify(sev)} is not error, warning or info`);
      }
    }
  }
  const deadline = typeof get('deadline') === 'string' ? (get('deadline') as string).trim() : '';
  if (deadline !== '' && !/^(auto|department|government|local:\d{2}-\d{2})$/.test(deadline)) {
    problems.push(`gdlint.deadline: "${deadline}" is not auto, department, government or local:MM-DD`);
  }
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') {
    problems.push(`gdlint.lang: ${JSON.stringify(lang)} is not zh or en`);
  }
  return {
    settings: {
      path: typeof get('path') === 'string' ? (get('path') as string) : '',
      args: strings(get('args')),
      server: {
        lang: lang === 'en' ? 'en' : 'zh',
        enable: strings(get('enable')),
        disable: strings(get('disable')),
        severity,
        deadline: problems.some((p) => p.startsWith('gdlint.deadline')) ? '' : deadline,
      },
    },
    problems,
  };
}

/** The status bar text and tooltip for a server state. */
export function statusText(state: 'starting' | 'running' | 'stopped' | 'error', detail: string): { text: string; tooltip: string } {
  switch (state) {
    case 'starting':
      return { text: '$(sync~spin) gdlint', tooltip: `gdlint: 正在启动 (starting) ${detail}` };
    case 'running':
      return { text: '$(check) gdlint', tooltip: `gdlint: 运行中 (running) ${detail}` };
    case 'error':
      return { text: '$(error) gdlint', tooltip: `gdlint: ${detail}` };
    default:
      return { text: '$(circle-slash) gdlint', tooltip: `gdlint: 已停止 (stopped) ${detail}` };
  }
}
