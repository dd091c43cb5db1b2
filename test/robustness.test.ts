/**
 * Issue 8 robustness: a rule that throws does not stop the others (one internal hint, the server keeps serving);
 * results for an outdated version are never published; above the size threshold a document is checked on save
 * only, with one notice.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { INTERNAL_ERROR_RULE, lint, RULES, type Rule } from '../server/src/core';

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

interface Server {
  child: ChildProcess;
  conn: MessageConnection;
  published: PublishDiagnosticsParams[];
  notices: string[];
  waitFor(pred: (p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

async function startServer(settings: Record<string, unknown> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const notices: string[] = [];
  const waiters: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.slice()) if (w.pred(p)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  conn.onNotification('window/showMessage', (p: { message: string }) => {
    notices.push(p.message);
  });
  conn.onNotification('nianbao/status', () => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, locale: 'zh-cn' });
  await conn.sendNotification('initialized', {});
  return {
    child,
    conn,
    published,
    notices,
    waitFor(pred, ms = 10000) {
      const hit = published.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('timed out waiting for publishDiagnostics')), ms);
        waiters.push({ pred, resolve: (p) => (clearTimeout(t), resolve(p)) });
      });
    },
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      conn.dispose();
    },
  };
}

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
      assert.ok(versions.length < 40, 'outdated versions were skipped, not all checked');
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
