/**
 * The language server as an editor sees it: `node dist/server.js --stdio` in a child process, spoken to over
 * real JSON-RPC framing (vscode-jsonrpc). Every wait is on a message, with a timeout; never a fixed sleep.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { lint } from '../server/src/core';
import { applyEdits } from './helpers';
import type { JsonReport } from '../server/src/cli/format';
import { runCli } from './cli-run';
import { Inbox, messageOf as msg, withTimeout } from './lsp-client';

const SEED_002 = 'test/fixtures/seeds/002_7eb68c448bcdd812.txt';
const SEED_004 = 'test/fixtures/seeds/004_94669dee5bbf1e6e.txt';
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

describe('language server over stdio (JSON-RPC)', function () {
  this.timeout(30000);
  let child: ChildProcess;
  let conn: MessageConnection;
  const inbox = new Inbox<PublishDiagnosticsParams>('publishDiagnostics');
  const stderr: string[] = [];
  const uri002 = pathToFileURL(resolve(SEED_002)).toString();
  const uri004 = pathToFileURL(resolve(SEED_004)).toString();
  const uriNotes = 'untitled:notes-1';
  const text002 = readFileSync(SEED_002, 'utf8');
  const text004 = readFileSync(SEED_004, 'utf8');
  let cli002: Promise<JsonReport[]>;
  let open002: PublishDiagnosticsParams;
  let exitCode: Promise<number | null>;
  let initResult: { capabilities: { textDocumentSync?: { openClose?: boolean; change?: number }; codeActionProvider?: { codeActionKinds?: string[] } }; serverInfo?: { name: string } };

  before(async () => {
    cli002 = runCli(['lint', '--format', 'json', SEED_002]).then((r) => JSON.parse(r.stdout) as JsonReport[]);
    child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (b: Buffer) => stderr.push(b.toString('utf8')));
    exitCode = new Promise((res) => child.on('exit', (code) => res(code)));
    conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => inbox.push(p));
    // answer whatever the server asks (configuration, capability registration) with nothing
    conn.onRequest(() => null);
    conn.listen();
    const init = await withTimeout(
      conn.sendRequest('initialize', {
        processId: process.pid,
        locale: 'zh-cn',
        rootUri: null,
        capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } },
        workspaceFolders: null,
      }),
      'initialize',
    );
    initResult = init as typeof initResult;
    await conn.sendNotification('initialized', {});
  });

  after(async () => {
    conn?.dispose();
    if (child && child.exitCode === null) child.kill();
  });

  it('announces incremental sync and both kinds of code action', () => {
    assert.equal(initResult.serverInfo?.name, 'nianbao');
    assert.equal(initResult.capabilities.textDocumentSync?.openClose, true);
    assert.equal(initResult.capabilities.textDocumentSync?.change, 2, 'TextDocumentSyncKind.Incremental');
    assert.deepEqual(initResult.capabilities.codeActionProvider?.codeActionKinds, ['quickfix', 'source.fixAll.nianbao']);
  });

  it('publishes the same findings as the CLI when seed 002 is opened as plain text', async () => {
    const from = inbox.mark();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri002, languageId: 'plaintext', version: 1, text: text002 } });
    open002 = await inbox.next('seed 002 opened', (p) => p.uri === uri002, from);
    const [cli] = await cli002;
    const got = open002.diagnostics.map((d) => ({
      rule: d.code,
      severity: d.severity,
      message: msg(d),
      range: d.range,
    }));
    const want = cli.diagnostics.map((d) => ({
      rule: d.rule,
      severity: SEVERITY[d.severity],
      message: d.message,
      range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
    }));
    assert.equal(want.filter((d) => d.rule === 'relation-mismatch').length, 4);
    assert.deepEqual(got, want);
    for (const d of open002.diagnostics) {
      assert.equal(d.source, 'nianbao');
      assert.ok(d.codeDescription?.href.endsWith(`docs/rules/${String(d.code)}.md`), d.codeDescription?.href);
      assert.ok(d.codeDescription!.href.startsWith('file://'));
      for (const r of d.relatedInformation ?? []) assert.equal(r.location.uri, uri002);
    }
    const relations = open002.diagnostics.filter((d) => d.code === 'relation-mismatch');
    for (const d of relations) {
      assert.ok((d.relatedInformation ?? []).length > 0, 'the summed cells are listed');
      assert.match(msg(d), /^勾稽关系不符/, 'locale zh-cn gives Chinese messages');
    }
  });

  it('offers the quick fix 将合计改为 1 for the finding on line 339', async () => {
    const onLine = open002.diagnostics.filter((d) => d.range.start.line === 338);
    assert.equal(onLine.length, 2);
    const actions = (await withTimeout(
      conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri002 }, range: onLine[0].range, context: { diagnostics: onLine } }),
      'codeAction',
    )) as CodeAction[];
    assert.ok(actions.length >= 1);
    const fix = actions.find((a) => a.title.includes('将合计改为 1'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.ok(!fix.isPreferred, 'a suggestion, not a certain fix');
    const edits = fix.edit?.changes?.[uri002];
    assert.deepEqual(edits, [{ range: { start: { line: 338, character: 1 }, end: { line: 338, character: 2 } }, newText: '1' }]);
    // no certain fix in this document: fix-all offers nothing
    const all = (await withTimeout(
      conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri002 }, range: onLine[0].range, context: { diagnostics: [], only: ['source.fixAll.nianbao'] } }),
      'fix-all',
    )) as CodeAction[];
    assert.deepEqual(all, []);
  });

  it('re-checks after an incremental change: 1 on lines 339 and 345 clears the relation errors', async () => {
    const from = inbox.mark();
    const changes: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 338, character: 1 }, end: { line: 338, character: 2 } }, text: '1' },
      { range: { start: { line: 344, character: 1 }, end: { line: 344, character: 2 } }, text: '1' },
    ];
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri002, version: 2 }, contentChanges: changes });
    const p = await inbox.next('seed 002 version 2', (x) => x.uri === uri002 && x.version === 2, from);
    assert.deepEqual(
      p.diagnostics.filter((d: Diagnostic) => d.code === 'relation-mismatch' && [338, 344].includes(d.range.start.line)),
      [],
    );
    assert.deepEqual(
      p.diagnostics.filter((d: Diagnostic) => d.code === 'relation-mismatch'),
      [],
      'the table is consistent now',
    );
    assert.equal(p.diagnostics.length, open002.diagnostics.length - 4, 'only the four relation findings went away');
  });

  it('re-checks after a change that breaks the table again', async () => {
    const from = inbox.mark();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri002, version: 3 },
      contentChanges: [{ range: { start: { line: 338, character: 1 }, end: { line: 338, character: 2 } }, text: '0' }],
    });
    const p = await inbox.next('seed 002 version 3', (x) => x.uri === uri002 && x.version === 3, from);
    assert.ok(p.diagnostics.some((d) => d.code === 'relation-mismatch' && d.range.start.line === 338));
    const edited = text002.split('\n');
    edited[344] = '\t1';
    assert.deepEqual(
      p.diagnostics.map(msg),
      lint(edited.join('\n')).diagnostics.map((d) => d.message.zh),
    );
  });

  it('offers fix-all for certain fixes only, and its edit removes those findings (seed 004)', async () => {
    const from = inbox.mark();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri004, languageId: 'plaintext', version: 1, text: text004 } });
    const p = await inbox.next('seed 004 opened', (x) => x.uri === uri004, from);
    assert.deepEqual(
      p.diagnostics.filter((d) => d.code === 'cell-missing').map((d) => d.range.start.line + 1),
      [74],
    );
    const fixable = lint(text004).diagnostics.filter((d) => d.fixes.some((f) => f.preferred));
    const all = (await withTimeout(
      conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri: uri004 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      }),
      'fix-all',
    )) as CodeAction[];
    assert.equal(all.length, 1);
    assert.equal(all[0].kind, 'source.fixAll.nianbao');
    const edits = all[0].edit?.changes?.[uri004] ?? [];
    assert.ok(edits.length >= 7, 'the seven empty cells of 1.属于国家秘密 at least');
    const fixed = applyEdits(text004, edits);
    const after = lint(fixed).diagnostics;
    const key = (d: { rule: string; message: { zh: string } }): string => `${d.rule} ${d.message.zh}`;
    for (const d of fixable) assert.ok(!after.some((x) => key(x) === key(d)), `fixed: ${key(d)}`);
    assert.ok(!after.some((d) => d.rule === 'cell-missing'));
    const before = new Set(lint(text004).diagnostics.map(key));
    assert.deepEqual(
      after.filter((d) => (d.severity === 'error' || d.severity === 'warning') && !before.has(key(d))).map(key),
      [],
      'no new error or warning',
    );
  });

  it('publishes an empty list for a plain-text document that is not a report', async () => {
    const from = inbox.mark();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriNotes, languageId: 'plaintext', version: 1, text: '会议纪要\n\n一、预算\t1\t2\n今天讨论了三个问题。\n' } });
    const p = await inbox.next('notes opened', (x) => x.uri === uriNotes, from);
    assert.deepEqual(p.diagnostics, []);
  });

  it('clears the diagnostics of a closed document', async () => {
    const from = inbox.mark();
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri002 } });
    const p = await inbox.next('seed 002 closed', (x) => x.uri === uri002, from);
    assert.deepEqual(p.diagnostics, []);
    const actions = (await withTimeout(
      conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri002 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
      'codeAction on a closed document',
    )) as CodeAction[] | null;
    assert.deepEqual(actions ?? [], []);
  });

  it('shuts down and exits cleanly', async () => {
    await withTimeout(conn.sendRequest('shutdown'), 'shutdown');
    await conn.sendNotification('exit');
    const code = await withTimeout(exitCode, 'server exit');
    assert.equal(code, 0);
    assert.equal(stderr.join('').replace(/^npm warn.*\n/gm, ''), '', 'nothing on stderr');
  });
});
