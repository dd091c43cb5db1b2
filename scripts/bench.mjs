// npm run bench — the performance benchmark (prints a table per part and writes bench/results.json).
// Every figure is printed next to its goal and whether it is met. Timings are medians of repeated runs;
// ratios compare with a baseline measured in the same run (split into lines + one regex scan for numbers).
// Nothing here is a test: it never fails the build, it measures.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const quick = process.argv.includes('--quick');
const outCore = 'out/bench-core.cjs';
await esbuild.build({ entryPoints: ['server/src/core/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: outCore, logLevel: 'warning' });
const require = createRequire(import.meta.url);
const core = require('../' + outCore);
if (!existsSync('dist/server.js') || !existsSync('dist/cli.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const results = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, date: new Date().toISOString() };
const met = (ok) => (ok ? '✓ 达标 met' : '✗ 未达标 not met');

function time(fn, runs) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const a = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - a) / 1e6);
  }
  t.sort((x, y) => x - y);
  return { median: t[Math.floor(t.length / 2)], p95: t[Math.min(t.length - 1, Math.floor(t.length * 0.95))] };
}
// The start of every measuring child (parts 1 and 2): the core, the one-pass baseline over `text` (split into lines
// + one regular-expression scan for numbers) and the statistics of a list of times.
const CHILD_PRELUDE = `
const core = require(process.argv[1]);
let sink = 0;
const baseline = () => { const lines = text.split(/\\r\\n|\\r|\\n/); const re = /[0-9０-９]+/g; for (const l of lines) { re.lastIndex = 0; while (re.exec(l)) sink++; } };
const stats = (t) => { t.sort((x, y) => x - y); return { median: t[Math.floor(t.length / 2)], p95: t[Math.min(t.length - 1, Math.floor(t.length * 0.95))] }; };
`;
// one fresh process varies by about ±10 % on the 2-core VM (JIT decisions differ from process to process):
// each measurement runs in several processes and the process in the middle by a key is reported (part 1: the
// ratio to the baseline; growth: the time), with the outputs of all of them (part 1 prints their spread).
// Part 1 uses five processes per file: with three, one process whose check V8 was still optimising in runs
// 500–1,500 (seventeenth session: 003 at 0.165 ms there against 0.092 ms in runs 3,000–4,000 of the same
// process) and one more slow one decided the figure. Growth keeps three (a 10 MB process takes seconds).
const PROCESSES_PER_FILE = quick ? 1 : 5;
const PROCESSES_GROWTH = quick ? 1 : 3;
/** Run a measuring child `count` times; the output of the one with the middle `key`, and all outputs. */
function middleProcess(script, args, key, count) {
  const outs = [];
  for (let p = 0; p < count; p++) {
    const r = spawnSync(process.execPath, ['-e', CHILD_PRELUDE + script, join(process.cwd(), outCore), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
    outs.push(JSON.parse(r.stdout));
  }
  outs.sort((x, y) => key(x) - key(y));
  return { middle: outs[Math.floor(outs.length / 2)], all: outs };
}

// 1. seeds and corpus. Each file is measured in a fresh process (warmed up first), as a server checking one
// draft or a CLI run on one file would see it: in one shared process the figure of a file would depend on
// which files were measured before it (shared, polymorphic JIT state), not on the file itself.
const sources = [['../shared/seeds', 'seed'], ['../shared/corpus/real', 'corpus']].filter(([d]) => existsSync(d));
const files = sources.flatMap(([d, kind]) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: join(d, f), kind })));
console.log('\n## 1. 每份报告：解析 + 全部规则 / per report: parse + all rules (goal: ≤ 10× baseline on every seed; each file in a fresh process)');
// Two windows in each process: runs 500–1,500 (after 500 warm-up runs, as in every session so far: the goals
// are checked on this window) and runs 3,000–4,000. V8 goes on compiling the lint's functions with TurboFan
// until about run 2,500 of 001 (--trace-opt: some 25 functions, mostly rule checks, between runs 500 and
// 2,250). Alone in a process started from a shell the later window is about 7 % faster, but inside this
// script it was as often slower (ninth session, a loaded VM), so it is printed for reference only.
const CHILD = `
const text = require('node:fs').readFileSync(process.argv[2], 'utf8');
const runs = +process.argv[3];
const steadyAfter = +process.argv[4];
// lint and baseline alternate in blocks of 20 runs (about 10 ms; each block warm in the caches), so that both
// see the same moments of a loaded machine, whose slow spells last seconds, and their ratio holds
const timed = (fn, out) => { for (let k = 0; k < 20; k++) { const a = process.hrtime.bigint(); fn(); out.push(Number(process.hrtime.bigint() - a) / 1e6); } };
const time = () => { const l = []; const b = []; for (let i = 0; i < runs; i += 20) { timed(() => core.lint(text), l); timed(baseline, b); } return { lint: stats(l), base: stats(b) }; };
for (let i = 0; i < 500; i++) { core.lint(text); baseline(); }
const early = time();
for (let i = 500 + runs; i < steadyAfter; i++) { core.lint(text); baseline(); }
const steady = time();
console.log(JSON.stringify({ early, steady, sink }));
`;
/** A measuring child's ratio of the check to the baseline in runs 500–1,500 (the goal's figure). */
const earlyRatio = (x) => x.early.lint.median / x.early.base.median;
const perFile = [];
for (const f of files) {
  const text = readFileSync(f.path, 'utf8');
  // the middle process by its ratio (the goal's figure), not by its time: in a run of the eighteenth session the
  // process with the middle time of 003 had the lowest ratio of the five (8.6 of 8.6–10.8), the machine being
  // slower in some processes than in others
  const { middle: m, all } = middleProcess(CHILD, [f.path, String(quick ? 200 : 1000), String(quick ? 1000 : 3000)], earlyRatio, PROCESSES_PER_FILE);
  const ratio = earlyRatio(m);
  const ratios = all.map(earlyRatio);
  perFile.push({
    file: f.path.split('/').pop().slice(0, 32),
    kind: f.kind,
    kb: +(text.length / 1024).toFixed(1),
    median_ms: +m.early.lint.median.toFixed(3),
    p95_ms: +m.early.lint.p95.toFixed(3),
    baseline_ms: +m.early.base.median.toFixed(4),
    ratio: +ratio.toFixed(1),
    ratio_spread: `${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}`,
    goal: f.kind === 'seed' ? met(ratio <= 10) : '',
    later_ms: +m.steady.lint.median.toFixed(3),
    later_ratio: +(m.steady.lint.median / m.steady.base.median).toFixed(1),
  });
}
console.log(`median_ms, p95_ms, ratio: runs 500–1,500 (the goals) of the process with the middle ratio of ${PROCESSES_PER_FILE} fresh process(es); ratio_spread: the ratios of all of them; later_ms, later_ratio: runs 3,000–4,000 of that process (reference)`);
console.table(perFile);
results.perFile = perFile;
const largestSeed = perFile.filter((r) => r.kind === 'seed').sort((a, b) => b.kb - a.kb)[0];
if (largestSeed)
  console.log(
    `最大的种子报告 largest seed: ${largestSeed.file} — ${largestSeed.median_ms} ms (runs 3,000–4,000: ${largestSeed.later_ms} ms) (under 1 ms: ${met(largestSeed.median_ms < 1)}; "well under", taken as ≤ 0.5 ms: ${met(largestSeed.median_ms <= 0.5)})`,
  );

// 2. growth
console.log('\n## 2. 规模增长 / growth (goal: linear — 10 MB / 1 MB time ratio ≤ 12; each size in fresh processes)');
const seedTexts = files.filter((f) => f.kind === 'seed').map((f) => readFileSync(f.path, 'utf8'));
const seedPaths = files.filter((f) => f.kind === 'seed').map((f) => f.path);
// Each size is measured in three fresh processes (the middle one reported), as in part 1 (five there). Measured in this
// process, after everything before it, the 1 MB median swung between 34 and 89 ms across runs (the heap
// and the collector's state left behind), and that decided the 10 MB / 1 MB ratio more than the check did.
// The process first checks the seeds 300 times each, as a running server would have; the check and the
// baseline then alternate run by run.
const GROWTH_CHILD = `
const fs = require('node:fs');
const size = +process.argv[2];
const runs = +process.argv[3];
const seeds = process.argv.slice(4).map((p) => fs.readFileSync(p, 'utf8'));
for (let i = 0; i < 300; i++) for (const t of seeds) core.lint(t);
// long narrative, many tables, pasted repeats: whole seeds one after another, plus narrative padding
const narrative = '2023年，本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息共1234条，其中政策文件56条、工作动态789条、其他信息389条。';
let text = '';
for (let i = 0; text.length * 3 < size; i++) text += seeds[i % seeds.length] + '\\n' + narrative.repeat(20) + '\\n';
for (let i = 0; i < Math.max(3, Math.floor(runs / 5)); i++) { core.lint(text); baseline(); }
const l = [];
const b = [];
for (let i = 0; i < runs; i++) {
  let a = process.hrtime.bigint();
  core.lint(text);
  l.push(Number(process.hrtime.bigint() - a) / 1e6);
  a = process.hrtime.bigint();
  baseline();
  b.push(Number(process.hrtime.bigint() - a) / 1e6);
}
console.log(JSON.stringify({ chars: text.length, lint: stats(l), base: stats(b), sink }));
`;
const growth = [];
for (const size of quick ? [10e3, 100e3, 1e6] : [10e3, 100e3, 1e6, 10e6]) {
  const runs = size >= 10e6 ? 5 : size >= 1e6 ? 15 : size >= 100e3 ? 100 : 200;
  const m = middleProcess(GROWTH_CHILD, [String(size), String(runs), ...seedPaths], (x) => x.lint.median, PROCESSES_GROWTH).middle;
  growth.push({ size: size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`, chars: m.chars, median_ms: +m.lint.median.toFixed(2), baseline_ms: +m.base.median.toFixed(2), ratio: +(m.lint.median / m.base.median).toFixed(1) });
}
const g1 = growth.find((g) => g.size === '1 MB');
const g10 = growth.find((g) => g.size === '10 MB');
console.table(growth);
if (g1 && g10) {
  console.log(`10 MB / 1 MB = ${(g10.median_ms / g1.median_ms).toFixed(1)} (goal ≤ 12: ${met(g10.median_ms / g1.median_ms <= 12)})`);
  // for reference: how the one-pass baseline itself grows on this machine (large strings, caches, garbage collection)
  console.log(`  单遍扫描基线自身 the one-pass baseline itself: 10 MB / 1 MB = ${(g10.baseline_ms / g1.baseline_ms).toFixed(1)}`);
  results.growthRatio = { lint: +(g10.median_ms / g1.median_ms).toFixed(1), baseline: +(g10.baseline_ms / g1.baseline_ms).toFixed(1) };
}
results.growth = growth;

// this process measured nothing yet: warm the core up as a running server would be, before timing part 3
for (let i = 0; i < 300; i++) for (const t of seedTexts) core.lint(t);

// 3. adversarial inputs: one 1 MB line and 100 KB of text built to stress each kind of pattern the parser and rules use
console.log('\n## 3. 对抗性输入 / adversarial inputs (goal: each < 50 ms; the 1 MB line is reported as is)');
const adversarial = {
  '1 MB single line': '共'.repeat(1) + '1、'.repeat(350_000),
  digits: '1'.repeat(100_000),
  'digits+commas': '1,'.repeat(50_000),
  'enumeration 共…其中…': '共100条，其中' + 'A1条、'.repeat(25_000),
  'brackets （（（': '（'.repeat(100_000),
  'headings 一、': '一、'.repeat(50_000),
  'numbered lines': Array.from({ length: 10_000 }, (_, i) => `${i}.项目${i}`).join('\n'),
  'dates 年月日': '2023年1月'.repeat(14_000),
  'tabs': '\t'.repeat(100_000),
  'directives <!--': '<!-- nianbao-disable '.repeat(5_000),
  'labels with spaces': '自 然 人 '.repeat(20_000),
  'pipes |': '|'.repeat(100_000),
  'title-like': '政府信息公开工作年度报告'.repeat(8_000),
  'surrogates': '😀'.repeat(50_000),
};
const adv = [];
for (const [name, text] of Object.entries(adversarial)) {
  // one run first (V8 compiles the code paths this input takes), then the median of five: the goal is about
  // backtracking in the patterns, not about the first compilation
  core.lint(text);
  const t = time(() => core.lint(text), 5);
  adv.push({ input: name, kb: +(text.length / 1024).toFixed(0), median_ms: +t.median.toFixed(1), goal: name.startsWith('1 MB') ? '' : met(t.median < 50) });
}
console.table(adv);
results.adversarial = adv;

// 4. LSP latency through the real server
console.log('\n## 4. 语言服务器 / LSP: didChange → publishDiagnostics (goal: p99 < 10 ms; the server has no debounce)');
// The measuring client runs in a process of its own (scripts/bench-lsp.mjs): this process holds the
// megabytes of synthetic documents of part 2, and its garbage collection on this 2-core machine would be
// counted in the round trip and take CPU from the server, as no editor's client would.
const lspReport = files.filter((f) => f.kind === 'seed').sort((a, b) => statSync(b.path).size - statSync(a.path).size)[0].path;
function lspBench(edits, memEdits, waitWarm) {
  const r = spawnSync(process.execPath, ['scripts/bench-lsp.mjs', lspReport, String(edits), memEdits ? '1' : '0', waitWarm ? '1' : '0'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/bench-lsp.mjs failed (${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const cold = lspBench(500, false, false);
const l500 = lspBench(500, false, true);
console.log(
  `服务器启动后的空闲预热 idle warm-up after start: ${l500.warm?.runs ?? 0} checks of the built-in samples, ${((l500.warm?.busyMs ?? 0) / 1000).toFixed(2)} s of work, done after ${((l500.warm?.waitedMs ?? 0) / 1000).toFixed(1)} s`,
);
console.log(`500 次单字编辑 single-character edits, after the warm-up: median ${l500.median.toFixed(2)} ms, p99 ${l500.p99.toFixed(2)} ms (goal p99 < 10 ms: ${met(l500.p99 < 10)})`);
console.log(`  其中服务器自身 of which inside the server (change received → diagnostics sent): median ${l500.serverMedian.toFixed(2)} ms, p99 ${l500.serverP99.toFixed(2)} ms`);
console.log(`500 次单字编辑，服务器刚启动即开始输入 typing right after start (warm-up paused, the core still being compiled): median ${cold.median.toFixed(2)} ms, p99 ${cold.p99.toFixed(2)} ms`);
results.lsp = {
  edits: 500,
  median_ms: +l500.median.toFixed(2),
  p99_ms: +l500.p99.toFixed(2),
  server_median_ms: +l500.serverMedian.toFixed(2),
  server_p99_ms: +l500.serverP99.toFixed(2),
  warmUp: l500.warm,
  typingRightAfterStart: { median_ms: +cold.median.toFixed(2), p99_ms: +cold.p99.toFixed(2) },
};

// 5. memory
console.log('\n## 5. 内存 / memory: server heap after 10,000 edits vs after the first 100 (goal: within 20 MB)');
const mem = lspBench(quick ? 1000 : 10_000, true, true);
const growthMB = (mem.heapEnd - mem.heapAt100) / 2 ** 20;
console.log(`heap after 100 edits ${(mem.heapAt100 / 2 ** 20).toFixed(1)} MB, after ${quick ? 1000 : 10000}: ${(mem.heapEnd / 2 ** 20).toFixed(1)} MB, growth ${growthMB.toFixed(1)} MB (${met(growthMB < 20)})`);
results.memory = { heapAt100MB: +(mem.heapAt100 / 2 ** 20).toFixed(1), heapEndMB: +(mem.heapEnd / 2 ** 20).toFixed(1), growthMB: +growthMB.toFixed(1) };

// 6. CLI throughput on 2,000 generated reports
console.log('\n## 6. 命令行吞吐 / CLI throughput on 2,000 generated reports (goal ≥ 1,000 reports/s)');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const n = quick ? 400 : 2000;
const names = [];
for (let i = 0; i < n; i++) {
  const base = seedTexts[i % seedTexts.length];
  const name = join(dir, `r${String(i).padStart(4, '0')}.txt`);
  writeFileSync(name, base.replace(/(20\d\d)年/, `$1年`) + `\n<!-- ${i} -->\n`);
  names.push(name);
}
// three runs, the median counts (a single run of a few seconds on a shared VM is noisy)
const cliRuns = [];
let mode = 'folder';
for (let k = 0; k < 3; k++) {
  const a = process.hrtime.bigint();
  const cli = spawnSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'json', dir], { maxBuffer: 1 << 30 });
  let s = Number(process.hrtime.bigint() - a) / 1e9;
  if (cli.status === 2) {
    // older CLI without folder support: pass the files
    const b = process.hrtime.bigint();
    spawnSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'json', ...names], { maxBuffer: 1 << 30 });
    s = Number(process.hrtime.bigint() - b) / 1e9;
    mode = 'files';
  }
  cliRuns.push(s);
}
const seconds = [...cliRuns].sort((x, y) => x - y)[1];
rmSync(dir, { recursive: true, force: true });
const rate = n / seconds;
console.log(`${n} reports (${mode}), 3 runs: ${cliRuns.map((x) => x.toFixed(2)).join(' / ')} s; median ${seconds.toFixed(2)} s = ${rate.toFixed(0)} reports/s (${met(rate >= 1000)})`);
results.cli = { reports: n, runsSeconds: cliRuns.map((x) => +x.toFixed(2)), seconds: +seconds.toFixed(2), perSecond: Math.round(rate) };

// 7. bundle sizes: the development build in dist/, and what `npm run package` ships (production build and .vsix),
// packaged in a scratch copy of the project so that dist/ here is left alone (as test/package.test.ts does)
console.log('\n## 7. 包大小 / bundle sizes (development build in dist/; production build and .vsix from `npm run package` in a scratch copy)');
const sizes = {};
const kb = (f) => `${(statSync(f).size / 1024).toFixed(0)} KB`;
for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js']) if (existsSync(f)) sizes[f] = kb(f);
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-bench-vsix-'));
try {
  for (const name of readdirSync('.')) if (!['node_modules', 'dist', 'out', '.git', '.e2e', 'bench'].includes(name) && !name.endsWith('.vsix')) cpSync(name, join(scratch, name), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(scratch, 'node_modules'), 'dir');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'package'], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status === 0) {
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js']) if (existsSync(join(scratch, f))) sizes[`${f} (production)`] = kb(join(scratch, f));
    sizes['nianbao.vsix'] = kb(join(scratch, 'nianbao.vsix'));
  } else console.log(`npm run package 失败 failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.table(sizes);
if (sizes['nianbao.vsix']) console.log(`.vsix ${sizes['nianbao.vsix']} (goal < 500 KB, as test/package.test.ts asserts: ${met(parseInt(sizes['nianbao.vsix'], 10) < 500)})`);
results.bundles = sizes;

mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('\n结果已写入 bench/results.json');
