/**
 * Property tests (fast-check): random edits of the seed reports, as a writer typing, pasting and deleting would make.
 * - lint never throws, no rule fails internally, and every range (finding, related, fix edit) lies in the document;
 * - every preferred fix applies cleanly, removes its finding and adds no error or warning.
 * A failing run prints the document index (DOCS: the five seeds, then two drafts) and the edits, plus the seed and
 * replay path: re-run with `fc.assert(…, { seed, path })` to reproduce.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits as coreApply, fixAllEdits, INTERNAL_ERROR_RULE, lint, type LintDiagnostic } from '../server/src/core';
import { applyEdits, draft, linesOf, rangeInside } from './helpers';

const DIR = 'test/fixtures/seeds';
const SEEDS = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'))
  .sort()
  .map((f) => readFileSync(join(DIR, f), 'utf8'));
const DOCS = [...SEEDS, draft({ layout: 'markdown' }), draft({ layout: 'cells', template: '2019' })];

// ------------------------------------------------------------------------------------------------------------
// generators

const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const astral = fc.integer({ min: 0x1f300, max: 0x1faff }).map((c) => String.fromCodePoint(c)); // a surrogate pair
const lone = fc.constantFrom('\ud83d', '\ude00'); // half of a pair
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('\t', '\n', '\r\n', '\r', ' ', '\u3000', '0', '1', '7', '12', '-', '/', '—', '－', '|', '、', '。', '（', '）', '.', '１', '，') },
  { weight: 3, arbitrary: cjk },
  { weight: 2, arbitrary: fc.constantFrom('自然人', '总计', '（七）总计', '四、', '三、收到和处理政府信息公开申请情况', '1.属于国家秘密', '第二十条第（一）项', '\t0\t0\t0', '| 0 | 0 |', '2022年', '六、其他需要报告的事项') },
  { weight: 1, arbitrary: astral },
  { weight: 1, arbitrary: lone },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x7e }).map((c) => String.fromCharCode(c)) },
);
const fragment = fc.array(piece, { minLength: 0, maxLength: 8 }).map((a) => a.join(''));

type Edit =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; len: number; text: string }
  | { kind: 'cell'; which: number; text: string }
  | { kind: 'line'; which: number };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('insert' as const), at, text: fragment }),
  fc.record({ kind: fc.constant('replace' as const), at, len: fc.integer({ min: 1, max: 20 }), text: fragment }),
  // the edits that matter most for the tables: a number becomes blank, a placeholder, text or another number
  fc.record({ kind: fc.constant('cell' as const), which: fc.nat(), text: fc.constantFrom('', '/', '—', '-', '－', '１', '1.5', '约3件', '-3', '12', '0', ' ', '1,234') }),
  // a whole line removed (a row, a heading, a blank line between rows)
  fc.record({ kind: fc.constant('line' as const), which: fc.nat() }),
) as fc.Arbitrary<Edit>;

function applyRandom(text: string, e: Edit): string {
  const pos = (x: number): number => Math.floor(x * (text.length + 1));
  switch (e.kind) {
    case 'delete': {
      const a = pos(e.at);
      return text.slice(0, a) + text.slice(a + e.len);
    }
    case 'insert': {
      const a = pos(e.at);
      return text.slice(0, a) + e.text + text.slice(a);
    }
    case 'replace': {
      const a = pos(e.at);
      return text.slice(0, a) + e.text + text.slice(a + e.len);
    }
    case 'cell': {
      const nums = [...text.matchAll(/\d+/g)];
      if (!nums.length) return text;
      const m = nums[e.which % nums.length];
      return text.slice(0, m.index) + e.text + text.slice(m.index! + m[0].length);
    }
    case 'line': {
      const lines = text.split('\n');
      lines.splice(e.which % lines.length, 1);
      return lines.join('\n');
    }
  }
}

/** A document (index into DOCS) and the edits made to it; the counterexample fast-check prints stays short. */
const mutation = fc.record({ doc: fc.nat({ max: DOCS.length - 1 }), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) });
const mutate = ({ doc, edits }: { doc: number; edits: Edit[] }): string => edits.reduce(applyRandom, DOCS[doc]);

// ------------------------------------------------------------------------------------------------------------

/** Reproducible by default; NIANBAO_FC_SEED / NIANBAO_FC_RUNS explore further (e.g. NIANBAO_FC_SEED=$RANDOM). */
const SEED = Number(process.env.NIANBAO_FC_SEED ?? 20241122);
const RUNS = Number(process.env.NIANBAO_FC_RUNS ?? 1);
const key = (d: LintDiagnostic): string => `${d.rule} ${d.message.zh}`;
function counts(ds: LintDiagnostic[], serious: boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) if (!serious || d.severity === 'error' || d.severity === 'warning') m.set(key(d), (m.get(key(d)) ?? 0) + 1);
  return m;
}

describe('properties of lint under random edits of the seeds', function () {
  this.timeout(60000);

  it('never throws, never fails internally, and keeps every range inside the document', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(m);
        const r = lint(text);
        const lines = linesOf(text);
        assert.equal(r.model.lines.length, lines.length, 'the model splits lines as LSP does');
        for (const d of r.diagnostics) {
          assert.notEqual(d.rule, INTERNAL_ERROR_RULE, d.message.en);
          assert.ok(rangeInside(d.range, lines), `${d.rule} range ${JSON.stringify(d.range)}`);
          for (const x of d.related) assert.ok(rangeInside(x.range, lines), `${d.rule} related ${JSON.stringify(x.range)}`);
          for (const f of d.fixes) for (const e of f.edits) assert.ok(rangeInside(e.range, lines), `${d.rule} fix edit ${JSON.stringify(e.range)}`);
        }
      }),
      { numRuns: Math.round(200 * RUNS), seed: SEED },
    );
  });

  it('every preferred fix applies, removes its finding and adds no error or warning', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(m);
        const before = lint(text).diagnostics;
        const all = counts(before, false);
        const serious = counts(before, true);
        for (const d of before) {
          for (const fix of d.fixes.filter((f) => f.preferred)) {
            const fixed = applyEdits(text, fix.edits);
            const after = lint(fixed).diagnostics;
            const k = key(d);
            assert.ok((counts(after, false).get(k) ?? 0) < all.get(k)!, `"${fix.title.zh}" leaves the finding: ${k}`);
            for (const [k2, n] of counts(after, true)) assert.ok(n <= (serious.get(k2) ?? 0), `"${fix.title.zh}" adds: ${k2}`);
          }
        }
      }),
      { numRuns: Math.round(1000 * RUNS), seed: SEED + 1 },
    );
  });

  it('fix-all applies cleanly, adds no error or warning, and is idempotent', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(m);
        const r = lint(text);
        const once = coreApply(r.model, fixAllEdits(r));
        const r2 = lint(once);
        const serious = counts(r.diagnostics, true);
        for (const [k, n] of counts(r2.diagnostics, true)) assert.ok(n <= (serious.get(k) ?? 0), `fix-all adds: ${k}`);
        assert.equal(coreApply(r2.model, fixAllEdits(r2)), once, 'fix-all changed the text a second time');
      }),
      { numRuns: Math.round(200 * RUNS), seed: SEED + 2 },
    );
  });
});
