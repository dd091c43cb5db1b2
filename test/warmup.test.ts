/**
 * The server's idle warm-up (server/src/lsp/warmup.ts): the built-in samples are real reports that exercise
 * the parser, the relation engine and the fixes; the loop stops at its bounds, waits while the writer is busy,
 * and a sample that throws ends it. Plus the lazy fixes whose edits are computed on demand (core/lazyfix.ts).
 */
import * as assert from 'node:assert/strict';
import { confirmFixes, lint, renderSkeleton, TEMPLATES } from '../server/src/core';
import { LazyFix, withPreferred } from '../server/src/core/lazyfix';
import { startWarmUp, warmUpSamples } from '../server/src/lsp/warmup';
import { startServer } from './lsp-client';

const turn = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('idle warm-up samples', () => {
  const samples = warmUpSamples();

  it('are six reports: both formats in the three layouts, every table located with all its cells', () => {
    assert.equal(samples.length, 6);
    const seen = new Set<string>();
    for (const text of samples) {
      const r = lint(text);
      const m = r.model;
      assert.ok(m.isReport);
      assert.ok(m.template === '2021' || m.template === '2019');
      const layouts = new Set(m.tables.map((t) => t.layout));
      assert.equal(layouts.size, 1, [...layouts].join(','));
      seen.add(`${m.template}/${[...layouts][0]}`);
      assert.deepEqual(
        m.tables.map((t) => t.id),
        TEMPLATES[m.template!].tables.map((d) => d.id),
      );
      for (const t of m.tables) for (const row of t.rows.values()) for (const c of row.cells.values()) assert.equal(c.state, 'number', `${t.id} ${row.key} ${c.col}: ${c.raw}`);
      // the numbers do not add up and the narrative cites them: the relation engine, its fixes and the narrative rules all run
      assert.ok(r.diagnostics.some((d) => d.rule === 'relation-mismatch' && d.fixes.length > 0));
      assert.ok(m.narrative.counts.length > 0);
    }
    assert.deepEqual([...seen].sort(), ['2019/cells', '2019/markdown', '2019/tabs', '2021/cells', '2021/markdown', '2021/tabs']);
  });

  it('renderSkeleton fills the cells from `values` and leaves them empty without it', () => {
    const empty = lint(renderSkeleton('2021', 2023, 'tabs')).model;
    const filled = lint(renderSkeleton('2021', 2023, 'tabs', undefined, (row, col) => (row === 'r1' && col === 'natural' ? '7' : undefined))).model;
    const apps = (m: typeof empty) => m.tables.find((t) => t.kind === 'applications')!;
    assert.equal(apps(empty).rows.get('r1')!.cells.get('natural')!.state, 'blank');
    assert.equal(apps(filled).rows.get('r1')!.cells.get('natural')!.raw, '7');
    assert.equal(apps(filled).rows.get('r2')!.cells.get('natural')!.state, 'blank');
  });
});

describe('idle warm-up loop', () => {
  it('runs up to maxRuns checks, one per turn, then reports done', async () => {
    let n = 0;
    const w = startWarmUp({ busy: () => false, work: () => void n++, maxRuns: 7 });
    for (let i = 0; i < 200 && !w.status().done; i++) await turn();
    assert.deepEqual({ runs: w.status().runs, done: w.status().done, calls: n }, { runs: 7, done: true, calls: 7 });
  });

  it('does nothing while busy, resumes when not, and stops when asked', async () => {
    let busy = true;
    let n = 0;
    const w = startWarmUp({ busy: () => busy, work: () => void n++, maxRuns: 1000 });
    for (let i = 0; i < 10; i++) await turn();
    assert.equal(n, 0);
    busy = false;
    for (let i = 0; i < 200 && n < 3; i++) await turn();
    assert.ok(n >= 3);
    w.stop();
    const at = n;
    for (let i = 0; i < 10; i++) await turn();
    assert.equal(n, at);
    assert.ok(w.status().done);
  });

  it('a sample that throws ends the warm-up instead of crashing the server', async () => {
    const w = startWarmUp({
      busy: () => false,
      work: () => {
        throw new Error('boom');
      },
    });
    for (let i = 0; i < 50 && !w.status().done; i++) await turn();
    assert.deepEqual({ runs: w.status().runs, done: w.status().done }, { runs: 0, done: true });
  });

  it('the wall-clock budget ends it', async () => {
    const w = startWarmUp({ busy: () => true, work: () => undefined, maxWallMs: 30 });
    for (let i = 0; i < 200 && !w.status().done; i++) await turn();
    assert.ok(w.status().done);
    assert.equal(w.status().runs, 0);
  });
});

describe('language server warm-up (protocol)', function () {
  this.timeout(30000);

  it('warms up after initialized and reports it in nianbao/stats; initializationOptions.warmUp = false turns it off', async () => {
    const s = await startServer();
    try {
      let st: { warmUp: { runs: number; done: boolean } | null } = await s.conn.sendRequest('nianbao/stats');
      for (let i = 0; i < 400 && st.warmUp && !st.warmUp.done; i++) {
        await new Promise((r) => setTimeout(r, 50));
        st = await s.conn.sendRequest('nianbao/stats');
      }
      assert.ok(st.warmUp?.done, JSON.stringify(st.warmUp));
      assert.ok(st.warmUp.runs > 0 && st.warmUp.runs <= 600, JSON.stringify(st.warmUp));
      // nothing was published for the samples
      assert.deepEqual(s.published, []);
    } finally {
      await s.stop();
    }
    const off = await startServer({}, { warmUp: false });
    try {
      const st: { warmUp: unknown } = await off.conn.sendRequest('nianbao/stats');
      assert.equal(st.warmUp, null);
    } finally {
      await off.stop();
    }
  });
});

describe('lazy fixes (core/lazyfix)', () => {
  it('computes the edits once, on first access', () => {
    let calls = 0;
    const f = new LazyFix({ zh: '改', en: 'fix' }, false, () => {
      calls++;
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'x' }];
    });
    assert.equal(calls, 0);
    assert.equal(f.edits.length, 1);
    assert.equal(f.edits, f.edits);
    assert.equal(calls, 1);
  });

  it('a copy with another `preferred` keeps the edits (a spread would lose a prototype getter)', () => {
    const f = new LazyFix({ zh: '改', en: 'fix' }, true, () => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'y' }]);
    const c = withPreferred(f, false);
    assert.equal(c.preferred, false);
    assert.deepEqual(c.edits, f.edits);
    assert.deepEqual(c.title, f.title);
  });

  it('the template-version conversion of a 2019 table in a 2022 report is a lazy fix that still converts', () => {
    const text = renderSkeleton('2019', 2022, 'tabs');
    const r = lint(text);
    const d = r.diagnostics.find((x) => x.rule === 'template-version' && x.fixes.length);
    assert.ok(d, 'a template-version finding with a fix');
    assert.ok(d.fixes[0] instanceof LazyFix);
    assert.ok(d.fixes[0].edits.length === 1 && d.fixes[0].edits[0].newText.includes('本年制发件数'));
    // confirmFixes leaves non-preferred fixes as they are
    assert.equal(confirmFixes(r).find((x) => x === d)?.fixes[0], d.fixes[0]);
  });
});
