/**
 * Whole-document fixtures: the five seed reports and three PDF-converted reports, each with the complete lint
 * output in <file>.expected.txt (regenerate with `npm run fixtures:update`, then review the diff).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, TEMPLATES, type LintResult, type Table } from '../server/src/core';
import { expectedFindings, fixtureFindings, linesOf, rangeInside, TABLE_RULES } from './helpers';

const ROOT = 'test/fixtures';
const fixtures: string[] = [];
for (const dir of ['seeds', 'corpus']) {
  for (const f of readdirSync(join(ROOT, dir)).sort()) if (f.endsWith('.txt') && !f.endsWith('.expected.txt')) fixtures.push(join(ROOT, dir, f));
}
const read = (file: string): string => readFileSync(file, 'utf8');
const cache = new Map<string, LintResult>();
const result = (file: string): LintResult => {
  let r = cache.get(file);
  if (!r) cache.set(file, (r = lint(read(file))));
  return r;
};
const seed = (prefix: string): string => {
  const f = fixtures.find((x) => x.startsWith(join(ROOT, 'seeds', prefix)));
  assert.ok(f, `seed ${prefix}`);
  return f;
};

/** A small line diff (longest common subsequence) for readable failures. */
function lineDiff(expected: string[], actual: string[]): string {
  const n = expected.length;
  const m = actual.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = expected[i] === actual[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      out.push(`  ${expected[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push(`+ ${actual[j++]}`);
    else out.push(`- ${expected[i++]}`);
  }
  return out.join('\n');
}

interface Counts {
  template: '2019' | '2021';
  dataRows: number;
  /** cells held by the data rows (absent ones included) */
  cells: number;
  /** cells located in the text (state ≠ absent) */
  located: number;
}

function appsCounts(t: Table): Counts {
  const def = TEMPLATES[t.template].tables.find((d) => d.id === t.id)!;
  let dataRows = 0;
  let cells = 0;
  let located = 0;
  for (const row of t.rows.values()) {
    const rd = def.rows.find((r) => r.key === row.key);
    if (rd?.items || rd?.heading) continue;
    dataRows++;
    for (const c of row.cells.values()) {
      cells++;
      if (c.state !== 'absent') located++;
    }
  }
  return { template: t.template, dataRows, cells, located };
}

describe('fixtures: complete lint output of the seeds and the PDF corpus', () => {
  it('has the 5 seeds and the 3 corpus files, each with an expected file and no orphan expected file', () => {
    assert.equal(fixtures.filter((f) => f.includes('/seeds/')).length, 5);
    assert.equal(fixtures.filter((f) => f.includes('/corpus/')).length, 3);
    for (const f of fixtures) assert.ok(existsSync(f.replace(/\.txt$/, '.expected.txt')), `${f}: no expected file — run npm run fixtures:update`);
    for (const dir of ['seeds', 'corpus'])
      for (const e of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.expected.txt')))
        assert.ok(existsSync(join(ROOT, dir, e.replace(/\.expected\.txt$/, '.txt'))), `orphan ${e}`);
  });

  for (const file of fixtures) {
    it(`${file.replace(ROOT + '/', '')} matches its .expected.txt`, () => {
      const expectedFile = file.replace(/\.txt$/, '.expected.txt');
      const expected = expectedFindings(read(expectedFile));
      const actual = fixtureFindings(read(file));
      if (expected.join('\n') !== actual.join('\n')) {
        assert.fail(`lint output of ${file} differs from ${expectedFile} (- expected, + actual):\n${lineDiff(expected, actual)}\n\nIf the change is intended, run npm run fixtures:update and review the diff.`);
      }
    });
  }

  it('keeps every range, related range and fix edit inside the document', () => {
    for (const file of fixtures) {
      const r = result(file);
      const lines = linesOf(read(file).replace(/^\ufeff/, ''));
      for (const d of r.diagnostics) {
        assert.ok(rangeInside(d.range, lines), `${file}: ${d.rule} ${JSON.stringify(d.range)}`);
        for (const x of d.related) assert.ok(rangeInside(x.range, lines), file);
        for (const f of d.fixes) for (const e of f.edits) assert.ok(rangeInside(e.range, lines), file);
      }
    }
  });
});

describe('fixtures: cells located per table', () => {
  const want: Record<string, Counts> = {
    '000': { template: '2019', dataRows: 23, cells: 161, located: 161 },
    '001': { template: '2019', dataRows: 23, cells: 161, located: 161 },
    '002': { template: '2019', dataRows: 23, cells: 161, located: 161 },
    // L53/L54 give six cells each and right-align onto 总计: their 自然人 cell is absent
    '003': { template: '2021', dataRows: 25, cells: 175, located: 173 },
    // the group row （三） carries the numbers; 1.属于国家秘密 has seven located blank cells
    '004': { template: '2019', dataRows: 23, cells: 161, located: 161 },
  };
  const activeCells: Record<string, number> = { '000': 22, '001': 10, '002': 22, '003': 10, '004': 22 };

  for (const [prefix, counts] of Object.entries(want)) {
    it(`seed ${prefix}: section 三 ${counts.dataRows} data rows × 7, section 四 15 cells, section 二 ${activeCells[prefix]} cells`, () => {
      const m = result(seed(prefix)).model;
      const apps = m.tables.find((t) => t.kind === 'applications');
      assert.ok(apps);
      assert.equal(apps.readable, true);
      assert.deepEqual(appsCounts(apps), counts);
      const review = m.tables.find((t) => t.kind === 'review');
      assert.ok(review);
      const rc = [...review.rows.get('data')!.cells.values()];
      assert.equal(rc.length, 15);
      assert.ok(rc.every((c) => c.state === 'number'));
      let active = 0;
      for (const t of m.tables.filter((x) => x.kind === 'active')) for (const r of t.rows.values()) for (const c of r.cells.values()) if (c.state !== 'absent') active++;
      assert.equal(active, activeCells[prefix]);
    });
  }

  it('seed 003 line 53 and 54: the blank cells are located on those lines', () => {
    const m = result(seed('003')).model;
    const apps = m.tables.find((t) => t.kind === 'applications')!;
    for (const [key, line] of [
      ['r3_1', 52],
      ['r3_2', 53],
    ] as const) {
      const cells = [...apps.rows.get(key)!.cells.values()];
      assert.deepEqual(
        cells.map((c) => c.state),
        ['absent', 'blank', 'blank', 'blank', 'blank', 'blank', 'number'],
        key,
      );
      assert.ok(cells.every((c) => c.range.start.line === line));
    }
  });

  it('the PDF corpus: section 三 is scrambled and reported unreadable, its relations are not checked', () => {
    for (const file of fixtures.filter((f) => f.includes('/corpus/'))) {
      const r = result(file);
      const apps = r.model.tables.find((t) => t.kind === 'applications');
      assert.ok(apps, file);
      assert.equal(apps.layout, 'stream', file);
      assert.equal(apps.readable, false, file);
      assert.deepEqual(
        apps.problems.map((p) => p.scope),
        ['table'],
        file,
      );
      assert.ok(!r.relations.some((x) => x.table === apps), file);
      const notes = r.diagnostics.filter((d) => d.rule === 'table-unrecognized' && d.message.zh.startsWith('无法按行读取此表格'));
      assert.equal(notes.length, 1, file);
      // no cell, row or relation finding inside the unreadable table
      const inside = r.diagnostics.filter((d) => TABLE_RULES.includes(d.rule) && d.rule !== 'table-unrecognized' && d.range.start.line >= apps.firstLine && d.range.end.line <= apps.lastLine);
      assert.deepEqual(inside.map((d) => d.rule), [], file);
      // section 二 is still read from the stream, cell by cell
      assert.equal(r.model.tables.filter((t) => t.kind === 'active' && t.readable).length, 4, file);
    }
  });
});

describe('fixtures: the findings named by the issue', () => {
  it('seed 002: relation errors on the （七）总计 cells of line 339 (自然人) and 345 (总计), for the result sum and for 一+二=（七）+四', () => {
    const r = result(seed('002'));
    const mism = r.diagnostics.filter((d) => d.rule === 'relation-mismatch');
    assert.deepEqual(
      mism.map((d) => `${d.range.start.line + 1}:${d.severity}:${d.message.zh.includes('第三项加第四项') ? 'identity' : 'result'}`).sort(),
      ['339:error:identity', '339:error:result', '345:error:identity', '345:error:result'],
    );
    assert.deepEqual(
      r.relations
        .filter((x) => x.status === 'mismatch')
        .map((x) => x.def.id)
        .sort(),
      ['apps.identity.natural', 'apps.identity.total', 'apps.result.natural', 'apps.result.total'],
    );
    const lines = linesOf(read(seed('002')));
    assert.equal(lines[338], '\t0');
    assert.equal(lines[344], '\t0');
    assert.equal(lines[337], '\t（七）总计');
  });

  it('seed 003: the blank cells of lines 53 and 54 are reported', () => {
    const ds = result(seed('003')).diagnostics.filter((d) => d.rule === 'cell-missing');
    assert.deepEqual(
      ds.map((d) => d.range.start.line + 1),
      [53, 54],
    );
  });

  it('seed 004: the empty item 1.属于国家秘密 is reported with a certain fix, the stray 开 is kept out', () => {
    const r = result(seed('004'));
    const ds = r.diagnostics.filter((d) => d.rule === 'cell-missing');
    assert.deepEqual(
      ds.map((d) => d.range.start.line + 1),
      [74],
    );
    assert.equal(ds[0].fixes[0]?.preferred, true);
    const apps = r.model.tables.find((t) => t.kind === 'applications')!;
    assert.deepEqual(
      apps.strays.map((s) => [s.text, s.range.start.line + 1]),
      [['开', 76]],
    );
    assert.equal(apps.rows.get('r3_3')?.hasValues, true);
  });

  for (const prefix of ['000', '001', '003', '004']) {
    it(`seed ${prefix}: no relation-mismatch`, () => {
      const r = result(seed(prefix));
      assert.deepEqual(
        r.diagnostics.filter((d) => d.rule === 'relation-mismatch'),
        [],
      );
      assert.ok(!r.relations.some((x) => x.status === 'mismatch'));
    });
  }

  it('reads the year, body kind and format of every seed', () => {
    const got = ['000', '001', '002', '003', '004'].map((p) => {
      const m = result(seed(p)).model;
      return [p, m.year?.value, m.body?.kind, m.template];
    });
    assert.deepEqual(got, [
      ['000', 2022, '部门', '2019'],
      ['001', 2022, '人民政府', '2021'],
      ['002', 2022, '部门', '2019'],
      ['003', 2022, '部门', '2021'],
      ['004', 2019, '部门', '2019'],
    ]);
  });
});
