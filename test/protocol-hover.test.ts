/**
 * Issue 4 over the protocol: the built server answers hovers on labels and cells, and the WorkspaceEdit of a
 * returned code action, applied by the client, removes the finding it was offered for.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from './helpers';
import { startServer } from './lsp-client';

const TEXT = readFileSync('test/fixtures/seeds/002_7eb68c448bcdd812.txt', 'utf8');

describe('hovers and code actions over stdio', function () {
  this.timeout(30000);

  it('answers hovers on a row label and on a wrong total, and a quick fix edit clears its finding', async () => {
    const s = await startServer();
    try {
      const uri = pathToFileURL('/tmp/nianbao-hover-002.txt').toString();
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: TEXT } });
      const first = await s.waitFor((p) => p.uri === uri && p.version === 1);

      const label = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 218, character: 3 } })) as Hover;
      assert.match((label.contents as MarkupContent).value, /行政执法案卷/);
      assert.equal((label.contents as MarkupContent).kind, 'markdown');
      const cell = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 338, character: 1 } })) as Hover;
      assert.match((cell.contents as MarkupContent).value, /\| 勾稽关系 \| 本格 \| 填报 \| 计算 \| 结果 \|/);
      assert.deepEqual(cell.range, { start: { line: 338, character: 1 }, end: { line: 338, character: 2 } });

      const diags = first.diagnostics.filter((d: Diagnostic) => d.range.start.line === 338 && d.code === 'relation-mismatch');
      const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } })) as CodeAction[];
      const total = actions.find((a) => /^将合计改为 1/.test(a.title))!;
      assert.ok(total, actions.map((a) => a.title).join(' | '));
      assert.ok(!total.isPreferred, 'a total is a suggestion');
      assert.ok(actions.some((a) => /在此行停用规则 relation-mismatch/.test(a.title)));
      const edits = total.edit!.changes![uri] as TextEdit[];
      const fixed = applyEdits(TEXT, edits);
      await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
      const after = await s.waitFor((p) => p.uri === uri && p.version === 2);
      assert.deepEqual(after.diagnostics.filter((d: Diagnostic) => d.range.start.line === 338 && d.code === 'relation-mismatch'), []);
    } finally {
      await s.stop();
    }
  });
});
