/**
 * Issue 8 robustness: a rule that throws does not stop the others (one internal hint, the server keeps serving);
 * results for an outdated version are never published; above the size threshold a document is checked on save
 * only, with one notice.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { INTERNAL_ERROR_RULE, lint, RULES, type Rule } from '../server/src/core';
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
