/**
 * The nianbao language server: wiring only. Parsing, rules and fixes live in ./core.
 * Runs over stdio (`node dist/server.js --stdio`), node IPC (the VS Code client) or sockets.
 */
import { CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type CodeAction, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt, lint, shouldCheck, type LintResult, type Locale } from './core';
import { toCodeAction, toLspDiagnostic, fixEdit } from './lsp/convert';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let locale: Locale = 'zh';

interface Checked {
  version: number;
  result: LintResult | null;
}
const checked = new Map<string, Checked>();
const pending = new Map<string, NodeJS.Immediate>();

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

connection.onInitialize((params): InitializeResult => {
  locale = params.locale && params.locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
    },
    serverInfo: { name: 'nianbao' },
  };
});

function check(doc: TextDocument): void {
  let result: LintResult | null = null;
  try {
    result = lint(doc.getText());
  } catch (e) {
    connection.console.error(`nianbao: 检查 ${doc.uri} 时出错：${(e as Error).stack ?? e}`);
  }
  // a newer version arrived meanwhile: never publish outdated results
  if (documents.get(doc.uri)?.version !== doc.version) return;
  const active = result && shouldCheck(result.model, doc.languageId);
  checked.set(doc.uri, { version: doc.version, result: active ? result : null });
  const diagnostics = active && result ? result.diagnostics.map((d, i) => toLspDiagnostic(d, doc.uri, locale, i)) : [];
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}

function schedule(doc: TextDocument): void {
  const prev = pending.get(doc.uri);
  if (prev) clearImmediate(prev);
  pending.set(
    doc.uri,
    setImmediate(() => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) check(current);
    }),
  );
}

documents.onDidOpen((e) => schedule(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  const prev = pending.get(e.document.uri);
  if (prev) clearImmediate(prev);
  pending.delete(e.document.uri);
  checked.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

function currentResult(uri: string): LintResult | null {
  const doc = documents.get(uri);
  if (!doc) return null;
  const c = checked.get(uri);
  if (c && c.version === doc.version) return c.result;
  check(doc);
  return checked.get(uri)?.result ?? null;
}

connection.onCodeAction((params) => {
  const result = currentResult(params.textDocument.uri);
  if (!result) return [];
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((k) => k === CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== 'nianbao') continue;
      const data = d.data as { index?: number } | undefined;
      const core = typeof data?.index === 'number' ? result.diagnostics[data.index] : undefined;
      if (!core || core.rule !== d.code) continue;
      for (const fix of core.fixes) actions.push(toCodeAction(uri, fix, d, locale));
    }
  }
  if (only && only.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.SourceFixAll))) {
    const fixes = result.diagnostics.flatMap((d) => d.fixes.filter((f) => f.preferred));
    if (fixes.length) {
      const edits = fixes.flatMap((f) => f.edits);
      actions.push({
        title: locale === 'en' ? 'Fix all nianbao findings that have a certain fix' : '修复全部可确定的年报问题',
        kind: FIX_ALL_KIND,
        edit: fixEdit(uri, { title: { zh: '', en: '' }, edits: dedupeEdits(edits), preferred: true }),
      });
    }
  }
  return actions;
});

/** Overlapping edits cannot be applied in one WorkspaceEdit: keep the first of any overlap. */
function dedupeEdits<T extends { range: { start: { line: number; character: number }; end: { line: number; character: number } } }>(edits: T[]): T[] {
  const key = (p: { line: number; character: number }): number => p.line * 1e6 + p.character;
  const sorted = edits.slice().sort((a, b) => key(a.range.start) - key(b.range.start));
  const out: T[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (key(e.range.start) < lastEnd || (out.length && key(e.range.start) === lastEnd && key(e.range.end) === key(e.range.start) && key(out[out.length - 1].range.end) === lastEnd && key(out[out.length - 1].range.start) === lastEnd)) continue;
    out.push(e);
    lastEnd = key(e.range.end);
  }
  return out;
}

connection.onHover((params) => {
  const result = currentResult(params.textDocument.uri);
  if (!result) return null;
  const h = hoverAt(result, params.position);
  return h ? { contents: { kind: 'markdown', value: h.markdown }, range: h.range } : null;
});

documents.listen(connection);
connection.listen();
