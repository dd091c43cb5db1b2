// Small benchmark of the core (the full benchmark is `npm run bench` in the performance issue):
// median and p95 time of parse + all rules per seed, next to a one-pass baseline measured in the same run
// (split into lines + one regular-expression scan for numbers).
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const out = 'out/bench-core.cjs';
await esbuild.build({ entryPoints: ['server/src/core/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const core = createRequire(import.meta.url)('../' + out);

const dirs = ['../shared/seeds', '../shared/corpus/real', 'examples'].filter((d) => existsSync(d));
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(d, f)));

function time(fn, runs) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const a = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - a) / 1e6);
  }
  t.sort((x, y) => x - y);
  return { median: t[Math.floor(t.length / 2)], p95: t[Math.floor(t.length * 0.95)] };
}

let sink = 0;
const baseline = (text) => {
  const lines = text.split(/\r\n|\r|\n/);
  const re = /[0-9０-９]+/g;
  for (const l of lines) {
    re.lastIndex = 0;
    while (re.exec(l)) sink++;
  }
};

const rows = [];
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  for (let i = 0; i < 200; i++) core.lint(text); // warm up
  const l = time(() => core.lint(text), 500);
  for (let i = 0; i < 200; i++) baseline(text);
  const b = time(() => baseline(text), 500);
  rows.push({ file: f.split('/').pop().slice(0, 40), kb: (text.length / 1024).toFixed(1), lintMedian: l.median.toFixed(3), lintP95: l.p95.toFixed(3), baseMedian: b.median.toFixed(3), ratio: (l.median / b.median).toFixed(1) });
}
console.table(rows);
const largest = files.map((f) => ({ f, n: readFileSync(f, 'utf8').length })).sort((a, b) => b.n - a.n)[0];
if (largest) {
  const r = rows.find((x) => largest.f.endsWith(x.file) || largest.f.split('/').pop().startsWith(x.file));
  console.log(`largest file ${largest.f} (${(largest.n / 1024).toFixed(1)} KB of text): core lint median ${r?.lintMedian} ms`);
}
if (sink < 0) console.log(sink);
