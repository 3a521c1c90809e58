import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from './client';
import { bundledCandidates, describeSource, findServer } from './binary';
import { readSettings, statusText } from './settings';

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem;
let output: vscode.LogOutputChannel;

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

// A zip keeps the executable bit only when the packer recorded it; restore it
// on a bundled binary that lost it, so it is found (and not skipped for PATH).
function restoreBundledMode(extensionPath: string): void {
  if (process.platform === 'win32') return;
  for (const b of bundledCandidates({ extensionPath, platform: process.platform, arch: process.arch })) {
    try {
      if (fs.statSync(b).isFile() && !isExecutable(b)) fs.chmodSync(b, 0o755);
    } catch {
      // absent or not ours to change: findServer reports what it finds
    }
  }
}

function setStatus(state: 'starting' | 'running' | 'stopped' | 'error', detail: string): void {
  const s = statusText(state, detail);
  status.text = s.text;
  status.tooltip = s.tooltip;
  status.backgroundColor = state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const { settings, problems } = readSettings((k) => vscode.workspace.getConfiguration('gdlint').get(k));
  for (const p of problems) output.appendLine(p);
  if (problems.length > 0) void vscode.window.showWarningMessage(problems.join('\n'));

  restoreBundledMode(context.extensionPath);
  const found = findServer({
    configured: settings.path,
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    platform: process.platform,
    arch: process.arch,
    envPath: process.env.PATH ?? '',
    isExecutable,
  });
  if ('error' in found) {
    setStatus('error', found.error);
    output.appendLine(found.error);
    void vscode.window.showErrorMessage(found.error, '设置 gdlint.path (Settings)').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'gdlint.path');
    });
    return;
  }
  output.appendLine(`gdlint: using ${found.path} (${describeSource(found.source)})`);
  if (found.note) output.appendLine(`gdlint: ${found.note}`);
  const serverOptions: ServerOptions = {
    command: found.path,
    args: ['lsp', ...settings.args],
    transport: TransportKind.stdio,
  };
  const selector = ['file', 'untitled'].flatMap((scheme) =>
    ['plaintext', 'markdown'].map((language) => ({ scheme, language })),
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    initializationOptions: { gdlint: settings.server },
    synchronize: {
      configurationSection: 'gdlint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.gdlint.toml'),
    },
  };
  client = new LanguageClient('gdlint', 'gdlint', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) setStatus('running', found.path);
    else if (e.newState === State.Starting) setStatus('starting', found.path);
    else setStatus('stopped', found.path);
  });
  setStatus('starting', found.path);
  try {
    await client.start();
    const info = client.initializeResult?.serverInfo;
    if (info) output.appendLine(`gdlint: server ${info.name} ${info.version ?? ''}`.trimEnd());
  } catch (err) {
    setStatus('error', `${found.path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('gdlint', { log: true });
  status = vscode.window.createStatusBarItem('gdlint.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'gdlint';
  status.command = 'gdlint.showOutput';
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('gdlint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('gdlint.restart', async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand('gdlint.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) return;
      await client.sendRequest('workspace/executeCommand', {
        command: 'gdlint.fixAll',
        arguments: [editor.document.uri.toString()],
      });
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // a new binary or arguments need a new process; other settings go to
      // the running server through workspace/didChangeConfiguration
      if (e.affectsConfiguration('gdlint.path') || e.affectsConfiguration('gdlint.args')) {
        await stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
