import { readdirSync, readFileSync } from 'node:fs';
import * as assert from 'node:assert/strict';
import {
  cellName,
  difference,
  evaluateRelations,
  expectedTotal,
  formatInterval,
  parseReport,
  TEMPLATES,
  touchingIndex,
  type Cell,
  type RelationResult,
  type ReportModel,
  type Table,
  type TableRow,
} from '../server/src/core';
import { parseCellValue } from '../server/src/core/numbers';
import type { TableDef } from '../server/src/core/templates';
import { draft, row } from './helpers';

const rel = (rs: RelationResult[], id: string): RelationResult => {
  const r = rs.find((x) => x.def.id === id);
  assert.ok(r, `relation ${id} evaluated`);
  return r;
};
const statuses = (rs: RelationResult[]): Record<string, number> => rs.reduce<Record<string, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {});

describe('relations: the applications table', () => {
  it('holds on a consistent draft: every relation ok, group subtotals not written are skipped', () => {
    const rs = evaluateRelations(parseReport(draft()));
    // 2021: 7 result + 7 identity + 25 rowsum relations; 4 groups × 7 optional subtotals
    assert.deepEqual(statuses(rs.filter((r) => r.table.kind === 'applications')), { ok: 39, skipped: 28 });
    assert.deepEqual(statuses(rs.filter((r) => r.table.kind === 'review')), { ok: 3 });
    const r2019 = evaluateRelations(parseReport(draft({ template: '2019' })));
    assert.deepEqual(statuses(r2019.filter((r) => r.table.kind === 'applications')), { ok: 37, skipped: 21 });
  });

  it('compares counts exactly: (七)总计 = (一)…(六) and 一+二 = (七)+四 (seed 002)', () => {
    const m = parseReport(draft({ apps: { r1: row(1), r3_4_1: row(1) } }));
    const rs = evaluateRelations(m);
    const result = rel(rs, 'apps.result.natural');
    assert.equal(result.status, 'mismatch');
    assert.equal(formatInterval(result.reported!, result.scale), '0');
    assert.equal(formatInterval(result.computed!, result.scale), '1');
    assert.equal(difference(result), '-1');
    assert.equal(expectedTotal(result), '1');
    assert.equal(result.totalCell?.row, 'r3_7');
    assert.equal(cellName(result.tableDef, result.def.total), '（七）总计·自然人');
    // the group （四） is summed from its items
    const g4 = result.operands.find((o) => o.ref.row === 'r3_4')!;
    assert.equal(g4.via, 'items');
    assert.deepEqual(
      g4.cells.map((c) => c.row),
      ['r3_4_1', 'r3_4_2', 'r3_4_3'],
    );
    const identity = rel(rs, 'apps.identity.natural');
    assert.equal(identity.status, 'mismatch');
    assert.equal(expectedTotal(identity), '1');
    assert.equal(identity.operands.find((o) => o.ref.row === 'r4')?.weight, -1);
    assert.equal(rel(rs, 'apps.result.total').status, 'mismatch');
    assert.equal(rel(rs, 'apps.identity.total').status, 'mismatch');
    assert.equal(rel(rs, 'apps.result.business').status, 'ok');
    assert.deepEqual(
      rs.filter((r) => r.status === 'mismatch').map((r) => r.def.id).sort(),
      ['apps.identity.natural', 'apps.identity.total', 'apps.result.natural', 'apps.result.total'],
    );
  });

  it('checks every row total against its six applicant columns', () => {
    const rs = evaluateRelations(parseReport(draft({ apps: { r2: ['1', '1', '0', '0', '0', '0', '3'], r4: ['1', '1', '0', '0', '0', '0', '3'] } })));
    const r = rel(rs, 'apps.rowsum.r2');
    assert.equal(r.status, 'mismatch');
    assert.equal(expectedTotal(r), '2');
    assert.equal(rel(rs, 'apps.rowsum.r4').status, 'mismatch');
    assert.equal(rel(rs, 'apps.identity.total').status, 'ok', '一+二 = (七)+四 still holds in the 总计 column: 0+3 = 0+3');
  });

  it('uses the written group subtotal when an item is blank (seed 004 （三）)', () => {
    const m = parseReport(draft({ apps: { r1: row(2), r3_3_1: ['', '', '', '', '', '', ''], r3_3_2: row(2), r3_7: row(2) }, groups: { r3_3: row(2) } }));
    const rs = evaluateRelations(m);
    const result = rel(rs, 'apps.result.natural');
    assert.equal(result.status, 'ok');
    const g3 = result.operands.find((o) => o.ref.row === 'r3_3')!;
    assert.equal(g3.via, 'subtotal');
    assert.deepEqual(
      g3.cells.map((c) => c.row),
      ['r3_3'],
    );
    assert.equal(rel(rs, 'apps.subtotal.r3_3.natural').status, 'unknown', 'the subtotal cannot be checked against a blank item');
  });

  it('checks a written group subtotal against its items', () => {
    const rs = evaluateRelations(parseReport(draft({ apps: { r1: row(2), r3_3_2: row(2), r3_7: row(2) }, groups: { r3_3: row(5) } })));
    const sub = rel(rs, 'apps.subtotal.r3_3.natural');
    assert.equal(sub.status, 'mismatch');
    assert.equal(expectedTotal(sub), '2');
    assert.equal(rel(rs, 'apps.result.natural').status, 'ok', 'the result sum uses the items when they are all present');
    assert.equal(rel(rs, 'apps.subtotal.r3_4.natural').status, 'skipped');
  });

  it('is unknown, not a mismatch, when an operand is blank, a placeholder or text', () => {
    for (const v of ['', '/', '—', '-', '无', '约1件']) {
      const m = parseReport(draft({ apps: { r1: row(1), r3_1: [v, '0', '0', '0', '0', '0', '1'], r3_7: row(1) } }));
      const rs = evaluateRelations(m);
      const result = rel(rs, 'apps.result.natural');
      assert.equal(result.status, 'unknown', JSON.stringify(v));
      assert.equal(result.computed, null);
      assert.deepEqual(
        result.missing.map((c) => `${c.row}.${c.col}`),
        ['r3_1.natural'],
      );
      assert.equal(rel(rs, 'apps.rowsum.r3_1').status, 'unknown');
      assert.ok(!rs.some((r) => r.status === 'mismatch'), JSON.stringify(v));
    }
  });

  it('is unknown when the total itself is blank, and lists it first among the missing cells', () => {
    const rs = evaluateRelations(parseReport(draft({ apps: { r3_7: ['', '0', '0', '0', '0', '0', '0'] } })));
    const r = rel(rs, 'apps.result.natural');
    assert.equal(r.status, 'unknown');
    assert.equal(r.reported, null);
    assert.equal(r.missing[0]?.row, 'r3_7');
  });

  it('skips the relations of a missing total row and of an unreadable table', () => {
    const rs = evaluateRelations(parseReport(draft({ apps: { r3_7: null } })));
    assert.ok(!rs.some((r) => r.def.total.row === 'r3_7'));
    const m = parseReport(draft());
    const t = m.tables.find((x) => x.kind === 'applications')!;
    t.readable = false;
    assert.ok(!evaluateRelations(m).some((r) => r.table === t));
  });

  it('compares counts written with decimals exactly (no rounding tolerance for counts)', () => {
    const ok = evaluateRelations(parseReport(draft({ apps: { r1: ['1.5', '1.5', '0', '0', '0', '0', '3'], r3_1: ['1.5', '1.5', '0', '0', '0', '0', '3'], r3_7: ['1.5', '1.5', '0', '0', '0', '0', '3'] } })));
    assert.equal(rel(ok, 'apps.rowsum.r1').status, 'ok');
    const bad = evaluateRelations(parseReport(draft({ apps: { r1: ['1.4', '1.5', '0', '0', '0', '0', '3'] } })));
    const r = rel(bad, 'apps.rowsum.r1');
    assert.equal(r.status, 'mismatch');
    assert.equal(difference(r), '0.1');
    assert.equal(expectedTotal(r), null, 'no certain total to offer for decimals');
  });

  it('checks the three group totals of section 四', () => {
    const review = ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '2', '0', '0', '1'];
    const rs = evaluateRelations(parseReport(draft({ review })));
    assert.equal(rel(rs, 'review.sum.fy').status, 'ok');
    assert.equal(rel(rs, 'review.sum.zs').status, 'ok');
    const hs = rel(rs, 'review.sum.hs');
    assert.equal(hs.status, 'mismatch');
    assert.equal(cellName(hs.tableDef, hs.def.total), '复议后起诉·总计');
    assert.equal(expectedTotal(hs), '2');
  });
});

describe('relations: amounts with rounding tolerance (engine level)', () => {
  // No relation of the official templates sums amounts, so a small table definition is registered for the test.
  const def: TableDef = {
    id: 'test-amounts',
    kind: 'active',
    section: 2,
    columns: [{ key: 'amt', label: '金额', kind: 'amount' }],
    rows: [
      { key: 'a', label: 'A' },
      { key: 'b', label: 'B' },
      { key: 't', label: '合计' },
    ],
    relations: [{ id: 'test.sum', family: 'test', name: { zh: '合计 = A + B', en: 'total = A + B' }, total: { row: 't', col: 'amt' }, terms: [{ ref: { row: 'a', col: 'amt' }, weight: 1 }, { ref: { row: 'b', col: 'amt' }, weight: 1 }] }],
  };
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  function evaluate(a: string, b: string, t: string): RelationResult {
    const rows = new Map<string, TableRow>();
    for (const [key, raw] of [['a', a], ['b', b], ['t', t]] as const) {
      const value = parseCellValue(raw);
      const c: Cell = { row: key, col: 'amt', raw, value, range: zero, state: value.kind === 'number' ? 'number' : value.kind };
      rows.set(key, { key, label: null as never, cells: new Map([['amt', c]]), hasValues: true, firstLine: 0, lastLine: 0 });
    }
    const table: Table = {
      kind: 'active',
      id: def.id,
      template: '2021',
      templateSource: 'header',
      caption: null,
      layout: 'tabs',
      headers: [],
      rows,
      rowOrder: ['a', 'b', 't'],
      firstLine: 0,
      lastLine: 0,
      readable: true,
      problems: [],
      strays: [],
    };
    const model = { tables: [table] } as unknown as ReportModel;
    TEMPLATES['2021'].tables.push(def);
    try {
      return evaluateRelations(model)[0];
    } finally {
      TEMPLATES['2021'].tables.splice(TEMPLATES['2021'].tables.indexOf(def), 1);
    }
  }

  it('accepts a total rounded to fewer decimals than its parts', () => {
    assert.equal(evaluate('1.24', '2.13', '3.4').status, 'ok', '3.37 is within 3.4 ± 0.05');
    assert.equal(evaluate('0.33', '0.67', '1').status, 'ok', '1.00 is within 1 ± 0.5');
    assert.equal(evaluate('1.24', '2.13', '3.37').status, 'ok');
    assert.equal(evaluate('960.49', '0', '960.49').status, 'ok');
  });

  it('rejects a total outside the rounding interval', () => {
    const r = evaluate('1.24', '2.13', '3.3');
    assert.equal(r.status, 'mismatch', '3.37 is not within 3.3 ± 0.05');
    assert.equal(expectedTotal(r), null, 'amounts never get a certain total');
    assert.equal(evaluate('0.33', '0.67', '1.1').status, 'mismatch');
    assert.equal(evaluate('0.33', '0.67', '2').status, 'mismatch');
  });

  it('is unknown when an amount is missing', () => {
    assert.equal(evaluate('1.24', '', '3.4').status, 'unknown');
    assert.equal(evaluate('1.24', '—', '3.4').status, 'unknown');
  });

  it('leaves the official templates unchanged', () => {
    assert.ok(!TEMPLATES['2021'].tables.some((t) => t.id === 'test-amounts'));
  });
});

describe('touchingIndex (relations read by given cells, many questions)', () => {
  it('answers like a scan of every relation\'s total and operands, in the same order, for every row and random cell sets of every seed', () => {
    const dir = 'test/fixtures/seeds/';
    let questions = 0;
    for (const f of readdirSync(dir).filter((x) => /^\d+_[0-9a-f]+\.txt$/.test(x))) {
      const model = parseReport(readFileSync(dir + f, 'utf8'));
      const relations = evaluateRelations(model);
      const ask = touchingIndex(relations);
      const cells = model.tables.flatMap((t) => [...t.rows.values()].flatMap((r) => [...r.cells.values()]));
      const sets: Set<Cell>[] = model.tables.flatMap((t) => [...t.rows.values()].map((r) => new Set(r.cells.values())));
      let seed = 7;
      for (let k = 0; k < 40; k++) {
        const s = new Set<Cell>();
        for (let j = 0; j < 1 + (k % 5); j++) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          s.add(cells[seed % cells.length]);
        }
        sets.push(s);
      }
      for (const s of sets) {
        const scan = relations.filter((r) => (r.totalCell && s.has(r.totalCell)) || r.operands.some((o) => o.cells.some((c) => s.has(c))));
        assert.deepEqual(ask(s), scan);
        questions++;
      }
    }
    assert.ok(questions > 200);
  });
});

describe('relations: whole-number tables are decided by sums of the grid (fast reading)', () => {
  /** status, reported and computed as readTerm reads the operands one by one (the general reading) */
  const byOperands = (r: RelationResult): { status: string; reported: number | null; computed: number | null } => {
    const t = r.totalCell?.value;
    // (a number of more than 15 digits is not compared)
    const reported = t?.kind === 'number' && t.digits.replace(/^-/, '').length <= 15 ? t.value : null;
    let computed: number | null = 0;
    for (const o of r.operands) computed = o.value === null || computed === null ? null : computed + o.weight * o.value.lo;
    const status = r.status === 'skipped' ? 'skipped' : reported === null || computed === null ? 'unknown' : reported === computed ? 'ok' : 'mismatch';
    return { status, reported, computed };
  };
  const CELLS = ['0', '1', '2', '3', '7', '12', '', '-', '/', '无', '9999999999999999'];

  it('gives the status, total and sum the operands give, on random drafts with blanks, placeholders and group subtotals', () => {
    let seed = 11;
    const pick = (list: string[]): string => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[seed % list.length];
    };
    const counts: Record<string, number> = {};
    for (let k = 0; k < 60; k++) {
      const apps: Record<string, string[]> = {};
      const keys = ['r1', 'r2', 'r3_1', 'r3_2', 'r3_3_1', 'r3_3_2', 'r3_4_1', 'r3_5_2', 'r3_6_1', 'r3_7', 'r4'];
      for (const key of keys) apps[key] = Array.from({ length: 7 }, () => pick(k % 3 === 0 ? ['0', '1', '2'] : CELLS));
      const groups = k % 2 ? { r3_3: Array.from({ length: 7 }, () => pick(['0', '1', '5', ''])) } : undefined;
      const rs = evaluateRelations(parseReport(draft({ apps, groups, template: k % 4 === 3 ? '2019' : '2021' })));
      for (const r of rs) {
        if (r.scale !== 0) continue;
        const want = byOperands(r);
        assert.equal(r.status, want.status, `${r.def.id} (draft ${k})`);
        if (r.status === 'skipped') continue;
        assert.equal(r.reported?.lo ?? null, want.reported, `${r.def.id} reported (draft ${k})`);
        assert.equal(r.computed?.lo ?? null, want.computed, `${r.def.id} computed (draft ${k})`);
        assert.equal(r.reported?.hi ?? null, want.reported);
        assert.equal(r.computed?.hi ?? null, want.computed);
        // a decided relation lists no missing cell; an unknown one lists at least one
        assert.equal(r.missing.length === 0, r.status !== 'unknown', `${r.def.id} missing (draft ${k})`);
        counts[r.status] = (counts[r.status] ?? 0) + 1;
      }
    }
    // every outcome of a compared relation was met (the test cannot pass on one kind alone; skipped ones are not counted)
    for (const s of ['ok', 'mismatch', 'unknown']) assert.ok((counts[s] ?? 0) > 20, `${s}: ${counts[s] ?? 0}`);
  });
});
