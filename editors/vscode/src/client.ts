// The language client, in a file of its own: the .vsix carries it bundled
// as dist/client.js beside dist/extension.js (two files, not the client's
// 130 modules, which VS Code and a virus scanner would open one by one), and
// the activation test (.ci/vsix-activate.cjs) replaces this one module.
export { LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
export type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
