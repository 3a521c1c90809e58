// Bundles the extension for the .vsix (npm run bundle, which vsce runs
// before it packages): dist/extension.js, the extension, and dist/client.js,
// the language client with its dependencies, so that the package carries
// two files instead of node_modules. The extension requires ./client.js at
// run time, not inlined: the activation test (.ci/vsix-activate.cjs)
// replaces that one module with a recorder.
import * as esbuild from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' };

// the import of ./client (src/client.ts) left as a require of ./client.js
const clientApart = {
  name: 'client-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/client$/ }, () => ({ path: './client.js', external: true }));
  },
};

await esbuild.build({ ...common, entryPoints: ['src/client.ts'], outfile: 'dist/client.js' });
await esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [clientApart] });
