// npm run fuzz [-- N [SEED]]: 100,000 generated documents by default (see scripts/fuzz-entry.ts).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';

const out = 'out/fuzz.cjs';
await esbuild.build({ entryPoints: ['scripts/fuzz-entry.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const { fuzz } = createRequire(import.meta.url)('../' + out);
const runs = Number(process.argv[2] ?? 100000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
console.log(`nianbao fuzz: ${runs} documents, seed ${seed}`);
const t0 = Date.now();
const r = fuzz(runs, seed);
console.log(`${r.runs} documents in ${((Date.now() - t0) / 1000).toFixed(0)} s; p99 ${r.p99.toFixed(2)} ms; ${r.retimed} over 100 ms once but not when timed again alone (machine pauses); goal: none over 100 ms`);
for (const f of r.failures) console.log('  ✗ ' + f);
console.log(`${r.runs - r.failures.length} passed, ${r.failures.length} failed`);
process.exitCode = r.failures.length ? 1 : 0;
