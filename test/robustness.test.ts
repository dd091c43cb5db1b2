/**
 * Issue 8 robustness: a rule that throws does not stop the others (one internal hint, the server keeps serving);
 * results for an outdated version are never published; above the size threshold a document is checked on save
 * only, with one notice.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { INTERNAL_ERROR_RULE, lint, MAX_PER_RULE, renderSkeleton, RULES, type Rule } from '../server/src/core';
import { startServer } from './lsp-client';

const SEED_002 = readFileSync('test/fixtures/seeds/002_7eb68c448bcdd812.txt', 'utf8');

describe('rule isolation', () => {
  it('a rule that throws becomes one internal hint; every other rule still reports', () => {
    const boom: Rule = {
      meta: { ...RULES[0].meta, id: 'test-boom' },
      check() {
        throw new Error('boom');
      },
    };
    const expected = lint(SEED_002).diagnostics.length;
    RULES.unshift(boom);
    try {
      const ds = lint(SEED_002).diagnostics;
      const internal = ds.filter((d) => d.rule === INTERNAL_ERROR_RULE);
      assert.equal(internal.length, 1);
      assert.equal(internal[0].severity, 'hint');
      assert.match(internal[0].message.zh, /规则 test-boom 内部出错，已跳过：boom/);
      assert.equal(ds.length - 1, expected);
    } finally {
      RULES.shift();
    }
  });
});

describe('findings past the cap of one rule', () => {
  it('lists the first MAX_PER_RULE findings in the order the rule reported them and folds the rest into one note with their count', () => {
    // every cell of every table negative: far more cell-negative findings than the cap
    const text = renderSkeleton('2021', 2023, 'tabs', undefined, () => '-1');
    const all = lint(text).diagnostics.filter((d) => d.rule === 'cell-negative');
    const listed = all.filter((d) => d.severity !== 'info');
    const notes = all.filter((d) => d.severity === 'info');
    assert.equal(listed.length, MAX_PER_RULE);
    assert.equal(notes.length, 1);
    const m = /^另有 (\d+) 处同类问题（cell-negative）未逐一列出。$/.exec(notes[0].message.zh);
    assert.ok(m, notes[0].message.zh);
    // the cells of the tables, minus the ones listed, are the ones folded
    const cells = lint(text).model.tables.reduce((n, t) => n + [...t.rows.values()].reduce((k, r) => k + [...r.cells.values()].filter((c) => c.state === 'number').length, 0), 0);
    assert.equal(Number(m[1]) + MAX_PER_RULE, cells);
    // the note sits on the last listed finding
    assert.deepEqual(notes[0].range, listed.map((d) => d.range).reduce((a, b) => (b.start.line > a.start.line || (b.start.line === a.start.line && b.start.character > a.start.character) ? b : a)));
  });

  it('ctx.listing() turns false at the cap; the bare reports after it are counted in the note', () => {
    const seen: boolean[] = [];
    const many: Rule = {
      meta: { ...RULES[0].meta, id: 'test-many' },
      check(ctx) {
        for (let i = 0; i < 100; i++) {
          seen.push(ctx.listing());
          ctx.report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: ctx.listing() ? { zh: `第${i}处`, en: `#${i}` } : { zh: '', en: '' } });
        }
      },
    };
    RULES.unshift(many);
    try {
      const ds = lint(SEED_002).diagnostics.filter((d) => d.rule === 'test-many');
      assert.deepEqual(seen, Array.from({ length: 100 }, (_, i) => i < MAX_PER_RULE));
      assert.equal(ds.length, MAX_PER_RULE + 1);
      assert.ok(ds.every((d) => d.message.zh !== ''));
      assert.ok(ds.some((d) => d.message.zh === `另有 ${100 - MAX_PER_RULE} 处同类问题（test-many）未逐一列出。`));
    } finally {
      RULES.shift();
    }
  });
});

describe('language server robustness', function () {
  this.timeout(30000);

  it('never publishes results for an outdated version: versions only grow and the last one is the newest', async () => {
    const s = await startServer();
    try {
      const uri = pathToFileURL('/tmp/nianbao-robust-a.txt').toString();
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: SEED_002 } });
      // a burst of edits faster than the server can check them
      for (let v = 2; v <= 40; v++) {
        await s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ range: { start: { line: 338, character: 1 }, end: { line: 338, character: 2 } }, text: String(v % 10) }],
        });
      }
      const last = await s.waitFor((p) => p.uri === uri && p.version === 40);
      const versions = s.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `published ${versions.join(',')}`);
      // version 40 wrote 0 (40 % 10) into the （七）总计 cell: the relation errors are back
      assert.ok(last.diagnostics.some((d) => d.code === 'relation-mismatch'));
    } finally {
      await s.stop();
    }
  });

  it('above maxTypingSize a document is checked when opened and saved, not while typing, with one notice', async () => {
    const s = await startServer({ maxTypingSize: 1000 });
    try {
      const uri = pathToFileURL('/tmp/nianbao-robust-b.txt').toString();
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: SEED_002 } });
      await s.waitFor((p) => p.uri === uri && p.version === 1);
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 338, character: 1 }, end: { line: 338, character: 2 } }, text: '1' }],
      });
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [{ range: { start: { line: 344, character: 1 }, end: { line: 344, character: 2 } }, text: '1' }],
      });
      await s.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      const saved = await s.waitFor((p) => p.uri === uri && p.version === 3).catch((e: Error) => {
        throw new Error(`${e.message}; published ${JSON.stringify(s.published.map((p) => [p.version, p.diagnostics.length]))}; notices ${s.notices.join(' | ')}`);
      });
      assert.ok(!s.published.some((p) => p.uri === uri && p.version === 2), 'checked while typing');
      assert.ok(!saved.diagnostics.some((d) => d.code === 'relation-mismatch'), 'the save check saw the corrected totals');
      assert.equal(s.notices.filter((m) => /文档较大/.test(m)).length, 1);
    } finally {
      await s.stop();
    }
  });
});
