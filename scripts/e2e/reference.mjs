/**
 * The reference both real-client suites compare against: what `nianbao lint --format json` (dist/cli.js) reports
 * for a file, with 1-based lines and UTF-16 columns. Also the small result counter both suites print.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** The CLI's JSON report of one file: { file, template, year, diagnostics }. */
export function cliReport(file) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  // exit 1 only means "errors found"
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao lint exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout)[0] ?? { diagnostics: [] };
}

/** CLI findings of a file: [{ rule, severity, message, line, column, endLine, endColumn }]. */
export function cliFindings(file) {
  return cliReport(file).diagnostics ?? [];
}

/** CLI findings of a text, written to a temp file with the given extension. */
export function cliFindingsOfText(text, ext = '.txt') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ref-'));
  try {
    const file = path.join(dir, `draft${ext}`);
    fs.writeFileSync(file, text);
    return cliFindings(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The seeds: ../shared/seeds beside the repository (CI), or /work/shared/seeds. */
export function seedsDir() {
  for (const d of [process.env.NIANBAO_SEEDS, path.join(ROOT, '..', 'shared', 'seeds'), '/work/shared/seeds']) {
    if (d && fs.existsSync(d)) return d;
  }
  throw new Error('seeds not found (../shared/seeds)');
}

export function seedFile(prefix) {
  const dir = seedsDir();
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found in ${dir}`);
  return path.join(dir, name);
}

export const key = (d) => `${d.rule}|${d.line}:${d.column}|${d.message}`;

/** Multiset difference of findings by (rule, line, column, message). */
export function diffFindings(expected, actual) {
  const count = new Map();
  for (const a of actual) count.set(key(a), (count.get(key(a)) ?? 0) + 1);
  const missing = [];
  for (const e of expected) {
    const k = key(e);
    if (count.get(k)) count.set(k, count.get(k) - 1);
    else missing.push(k);
  }
  const extra = [];
  for (const [k, n] of count) for (let i = 0; i < n; i++) extra.push(k);
  return { missing, extra, equal: !missing.length && !extra.length };
}

export class Results {
  constructor(label) {
    this.label = label;
    this.list = [];
  }
  pass(name, detail = {}) {
    this.list.push({ name, ok: true, ...detail });
    console.log(`  ✓ ${name}${detail.note ? ` — ${detail.note}` : ''}`);
  }
  fail(name, error, detail = {}) {
    const message = error instanceof Error ? error.message : String(error);
    this.list.push({ name, ok: false, error: message, ...detail });
    console.log(`  ✗ ${name}\n      ${message.split('\n').join('\n      ')}`);
  }
  get passed() {
    return this.list.filter((r) => r.ok).length;
  }
  get failed() {
    return this.list.filter((r) => !r.ok).length;
  }
  summary() {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
