// Bundles the client, the language server and the CLI with esbuild (and the tests, with --tests).
import * as esbuild from 'esbuild';
import { readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };

const builds = [
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
];
if (withTests) {
  mkdirSync('out/test', { recursive: true });
  const entries = readdirSync('test').filter((f) => f.endsWith('.test.ts')).map((f) => join('test', f));
  builds.push(esbuild.build({ ...common, sourcemap: true, entryPoints: entries, outdir: 'out/test', external: ['mocha', 'fast-check'] }));
}
await Promise.all(builds);
