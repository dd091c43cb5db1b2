#!/usr/bin/env node
/**
 * npm run test:nvim — the nianbao language server (dist/server.js --stdio) in a second, unrelated LSP client:
 * Neovim from Debian, headless, no user config, driven by scripts/nvim/client.lua. On seeds 002 and 003 it
 * checks that the diagnostics Neovim holds (converted from its byte columns back to UTF-16) equal the CLI's
 * (rule, line, column, end, message, severity), that a hover and code actions come back, and that a .txt buffer
 * was announced as language "text". Writes .e2e/nvim-<seed>.json. Last line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, cliFindings, diffFindings, Results, ROOT, seedFile } from '../e2e/reference.mjs';
import { ensureDebian } from '../e2e/setup.mjs';

const OUT = path.join(ROOT, '.e2e');

function build() {
  if (process.argv.includes('--no-build') && fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed\n${r.stdout}\n${r.stderr}`);
}

/** 0-based UTF-16 position of the first match of re. */
function positionOf(text, re) {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) return null;
  return { line: i, character: re.exec(lines[i]).index };
}

function runNvim(job) {
  const jobFile = path.join(path.dirname(job.file), 'job.json');
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'scripts', 'nvim', 'client.lua')}`], {
    env: { ...process.env, NIANBAO_JOB: jobFile },
    encoding: 'utf8',
    timeout: 90_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const got = fs.existsSync(job.out) ? JSON.parse(fs.readFileSync(job.out, 'utf8')) : null;
  if (!got) throw new Error(`nvim wrote nothing (exit ${r.status}, signal ${r.signal})\n${r.stderr}`);
  if (got.error) throw new Error(`nvim client: ${got.error}`);
  return got;
}

const SEEDS = [
  // seed 002: hover on the label 7.属于行政执法案卷, code actions on the wrong （七）总计·自然人 cell
  { id: '002', hover: /7\.属于行政执法案卷/, action: (ref) => ref.find((d) => d.rule === 'relation-mismatch'), wantAction: '将合计改为 1' },
  // seed 003: hover on the row label (一)予以公开 (half-width brackets in this seed), code actions on a blank-cells finding
  { id: '003', hover: /[（(]一[)）]\s*予以公开/, action: (ref) => ref.find((d) => d.rule === 'cell-missing') ?? ref[0], wantAction: null },
];

async function main() {
  ensureDebian(['neovim']);
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  console.log(`== ${version}`);
  build();
  fs.mkdirSync(OUT, { recursive: true });
  const results = new Results('nvim');
  for (const seed of SEEDS) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-nvim-'));
    try {
      const file = path.join(tmp, `seed-${seed.id}.txt`);
      fs.copyFileSync(seedFile(`${seed.id}_`), file);
      const text = fs.readFileSync(file, 'utf8');
      const ref = cliFindings(file);
      const hover = positionOf(text, seed.hover);
      const target = seed.action(ref);
      assert(hover && target, `seed ${seed.id}: fixture positions not found`);
      const job = {
        node: process.execPath,
        server: path.join(ROOT, 'dist', 'server.js'),
        file,
        out: path.join(tmp, 'out.json'),
        hover: { line: hover.line, character: hover.character + 1 },
        action: { line: target.line - 1, character: target.column - 1 },
      };
      let got;
      try {
        const t0 = Date.now();
        got = runNvim(job);
        got.ms = Date.now() - t0;
        fs.writeFileSync(path.join(OUT, `nvim-${seed.id}.json`), JSON.stringify({ cli: ref, nvim: got }, null, 2));
      } catch (e) {
        results.fail(`seed ${seed.id}: Neovim session`, e);
        continue;
      }

      const check = (name, fn) => {
        try {
          results.pass(name, { note: fn() });
        } catch (e) {
          results.fail(name, e);
        }
      };
      check(`seed ${seed.id}: .txt announced as language "text", server answered (${got.ms} ms)`, () => {
        assert(got.filetype === 'text', `filetype ${got.filetype}`);
        assert(got.status && got.status.isReport === true, `nianbao/status: ${JSON.stringify(got.status)}`);
        return `status ${got.status.template} ✗${got.status.errors} ⚠${got.status.warnings}`;
      });
      check(`seed ${seed.id}: diagnostics = CLI (rule, line, column, message)`, () => {
        const d = diffFindings(ref, got.diagnostics);
        assert(d.equal, `missing ${JSON.stringify(d.missing, null, 1)}\nextra ${JSON.stringify(d.extra, null, 1)}`);
        for (const c of ref) {
          const n = got.diagnostics.find((x) => x.rule === c.rule && x.line === c.line && x.column === c.column && x.message === c.message);
          assert(n.endLine === c.endLine && n.endColumn === c.endColumn, `end of ${c.rule} at ${c.line}:${c.column}: nvim ${n.endLine}:${n.endColumn}, CLI ${c.endLine}:${c.endColumn}`);
          assert(n.severity === c.severity, `severity of ${c.rule} at ${c.line}:${c.column}: nvim ${n.severity}, CLI ${c.severity}`);
          assert(n.source === 'nianbao', `source ${n.source}`);
        }
        const wide = got.diagnostics.filter((x) => x.byteColumn !== x.column).length;
        return `${ref.length} findings; ${wide} with byte column ≠ UTF-16 column`;
      });
      check(`seed ${seed.id}: hover`, () => {
        const h = got.hover;
        const value = typeof h?.contents === 'string' ? h.contents : h?.contents?.value ?? '';
        assert(value.length > 0, `no hover: ${JSON.stringify(h)}`);
        if (seed.id === '002') assert(value.includes('行政执法案卷'), `hover: ${value}`);
        return value.split('\n')[0].slice(0, 60);
      });
      check(`seed ${seed.id}: code action`, () => {
        assert(got.actionDiagnostics > 0, 'the finding was not among the published diagnostics');
        assert(got.codeActions.length > 0, `no code actions ${got.codeActionsError ?? ''}`);
        if (seed.wantAction) assert(got.codeActions.some((a) => a.title.includes(seed.wantAction) && a.hasEdit), `actions: ${got.codeActions.map((a) => a.title).join(' | ')}`);
        return got.codeActions.map((a) => a.title).join(' | ');
      });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return results;
}

try {
  const results = await main();
  console.log(results.summary());
  process.exit(results.failed ? 1 : 0);
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
