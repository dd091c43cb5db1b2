// Regenerates test/fixtures/**/<file>.expected.txt from the current core (npm run fixtures:update).
// Each expected file lists the complete lint output, one finding per line: `L:C-L2:C2 severity rule message`
// (1-based, message in Chinese), in output order. Lines starting with `#` are comments: a comment block stays
// attached to the finding line that follows it (matched by exact line, else by rule + message, else by rule +
// position); a comment block followed by a blank line at the top of the file is a file header and always kept.
// Comments whose finding disappeared are printed so that the reviewer can move or drop them.
// Review the result with `git diff test/fixtures` before committing.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const out = 'out/update-fixtures.cjs';
mkdirSync('out', { recursive: true });
// the same formatter as the fixture test: test/helpers.ts (which bundles the core)
await esbuild.build({ entryPoints: ['test/helpers.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const require = createRequire(import.meta.url);
const helpers = require('../' + out);

const ROOT = 'test/fixtures';
const DIRS = ['seeds', 'corpus'];
const check = process.argv.includes('--check');

/** Parse an expected file into a header (comment lines) and entries {comments, line}. */
export function parseExpected(text) {
  const lines = text.split(/\r?\n/);
  const header = [];
  let i = 0;
  // header: leading comment lines followed by a blank line
  let j = 0;
  while (j < lines.length && lines[j].startsWith('#')) j++;
  if (j > 0 && j < lines.length && lines[j].trim() === '') {
    header.push(...lines.slice(0, j));
    i = j;
  }
  const entries = [];
  let pending = [];
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('#')) pending.push(l);
    else if (l.trim() === '') continue;
    else {
      entries.push({ comments: pending, line: l });
      pending = [];
    }
  }
  return { header, entries, trailing: pending };
}

const parts = (line) => {
  const m = /^(\d+:\d+-\d+:\d+) (\S+) (\S+) (.*)$/.exec(line);
  return m ? { pos: m[1], severity: m[2], rule: m[3], message: m[4] } : { pos: '', severity: '', rule: '', message: line };
};

/** New file text: the new finding lines, each with the comments of the old line it corresponds to. */
export function merge(oldText, findings) {
  const old = parseExpected(oldText ?? '');
  const used = new Set();
  const take = (pred) => {
    const k = old.entries.findIndex((e, idx) => !used.has(idx) && e.comments.length > 0 && pred(e));
    if (k < 0) return [];
    used.add(k);
    return old.entries[k].comments;
  };
  // first pass: exact lines; then same rule + message; then same rule + position
  const comments = findings.map(() => null);
  findings.forEach((f, i) => {
    const c = take((e) => e.line === f);
    if (c.length) comments[i] = c;
  });
  findings.forEach((f, i) => {
    if (comments[i]) return;
    const p = parts(f);
    const c = take((e) => parts(e.line).rule === p.rule && parts(e.line).message === p.message);
    if (c.length) comments[i] = c;
  });
  findings.forEach((f, i) => {
    if (comments[i]) return;
    const p = parts(f);
    const c = take((e) => parts(e.line).rule === p.rule && parts(e.line).pos === p.pos);
    if (c.length) comments[i] = c;
  });
  const dropped = old.entries.filter((e, idx) => e.comments.length && !used.has(idx));
  const lines = [];
  if (old.header.length) lines.push(...old.header, '');
  findings.forEach((f, i) => {
    if (comments[i]) lines.push(...comments[i]);
    lines.push(f);
  });
  lines.push(...old.trailing);
  return { text: lines.join('\n') + '\n', dropped };
}

let changed = 0;
let total = 0;
for (const dir of DIRS) {
  const full = join(ROOT, dir);
  if (!existsSync(full)) continue;
  for (const name of readdirSync(full).filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt')).sort()) {
    total++;
    const file = join(full, name);
    const expectedFile = file.replace(/\.txt$/, '.expected.txt');
    const findings = helpers.fixtureFindings(readFileSync(file, 'utf8'));
    const oldText = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : null;
    const { text, dropped } = merge(oldText, findings);
    for (const e of dropped) console.warn(`${expectedFile}: the finding of these comments is gone:\n  ${e.comments.join('\n  ')}\n  ${e.line}`);
    if (text !== oldText) {
      changed++;
      if (!check) writeFileSync(expectedFile, text);
      console.log(`${check ? 'out of date' : 'updated'}: ${expectedFile} (${findings.length} findings)`);
    }
  }
}
console.log(`${total} fixtures, ${changed} ${check ? 'out of date' : 'updated'}${changed ? ' — review with git diff test/fixtures' : ''}`);
if (check && changed) process.exitCode = 1;
