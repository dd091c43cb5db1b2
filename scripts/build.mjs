// Bundles the client, the language server and the CLI with esbuild (and the tests, with --tests).
// - The server never starts processes: `child_process` (reachable only through helpers of vscode-languageserver
//   that nianbao does not call) resolves to a stub that refuses, so the bundle holds no process-spawning code.
// - The .docx reader (mammoth and its libraries) is a separate bundle, dist/mammoth.js, loaded by the CLI only
//   when a .docx file is read: the CLI starts faster and its own bundle holds no library code that compiles
//   strings (mammoth's template helper uses `new Function` on its own source, never on document content).
import * as esbuild from 'esbuild';
import { readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };

const noChildProcess = {
  name: 'no-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'nianbao-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'nianbao-stub' }, () => ({
      contents: "const refuse = () => { throw new Error('nianbao: starting processes is not allowed in the server'); }; module.exports = { fork: refuse, spawn: refuse, spawnSync: refuse, exec: refuse, execSync: refuse, execFile: refuse };",
      loader: 'js',
    }));
  },
};

const mammothBeside = {
  name: 'mammoth-beside',
  setup(build) {
    build.onResolve({ filter: /^mammoth$/ }, () => ({ path: 'mammoth', namespace: 'nianbao-mammoth' }));
    build.onLoad({ filter: /.*/, namespace: 'nianbao-mammoth' }, () => ({
      contents: "module.exports = require(require('path').join(__dirname, 'mammoth.js'));",
      loader: 'js',
    }));
  },
};

const builds = [
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [noChildProcess] }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [noChildProcess, mammothBeside] }),
  esbuild.build({ ...common, sourcemap: false, entryPoints: ['node_modules/mammoth/lib/index.js'], outfile: 'dist/mammoth.js' }),
];
if (withTests) {
  mkdirSync('out/test', { recursive: true });
  const entries = readdirSync('test').filter((f) => f.endsWith('.test.ts')).map((f) => join('test', f));
  builds.push(esbuild.build({ ...common, sourcemap: true, entryPoints: entries, outdir: 'out/test', external: ['mocha', 'fast-check'] }));
}
await Promise.all(builds);
