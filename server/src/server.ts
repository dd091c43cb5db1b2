/**
 * The nianbao language server: wiring only. Parsing, rules, hovers, outline and fixes live in ./core;
 * settings resolution in ./lsp/settings, conversions in ./lsp/convert, workspace scanning in ./lsp/scan.
 * Runs over stdio (`node dist/server.js --stdio`), node IPC (the VS Code client) or sockets.
 */
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { foldingRanges, hoverAt, lint, outline, REPORT_LANGUAGE, shouldCheck, tableLenses, type LintResult, type Locale } from './core';
import { toJson } from './cli/format';
import { configDiagnostics, fixAllAction, quickFixes, toFolding, toLens, toLspDiagnostic, toSymbols } from './lsp/convert';
import { registerRequests } from './lsp/requests';
import { findCandidates, readUtf8OrGb } from './lsp/scan';
import { startWarmUp, type WarmUp } from './lsp/warmup';
import { stdioTransport, superviseStdio, wantsStdio } from './lsp/stdio';
import { ConfigFiles, configPath, editorSettings, isConfigUri, resolveSettings, type DocumentSettings, type RawEditorSettings } from './lsp/settings';

// --stdio: our own transport, one write per message (lsp/stdio.ts); node IPC (the VS Code client) and sockets
// as vscode-languageserver sets them up from the command line
const stdio = wantsStdio(process.argv) ? stdioTransport() : null;
const connection: Connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);
let shutdownReceived = false;
if (stdio) superviseStdio(() => shutdownReceived, connection.console);
const documents = new TextDocuments(TextDocument);
const configs = new ConfigFiles();
let locale: Locale = 'zh';
let canConfigure = false;
let canWatch = false;
let workspaceFolders: string[] = [];
let warmUpEnabled = true;
let warmUp: WarmUp | undefined;

interface Checked {
  version: number;
  result: LintResult | null;
  settings: DocumentSettings;
}
const checked = new Map<string, Checked>();
const pending = new Map<string, NodeJS.Immediate>();
const settingsCache = new Map<string, Promise<ReturnType<typeof editorSettings>>>();
/** files checked by the workspace scan (not open in the editor) */
const scanned = new Set<string>();
const largeNoticeGiven = new Set<string>();
/** The last nianbao/status sent for each document (see publish). */
const sentStatus = new Map<string, string>();

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

connection.onInitialize((params): InitializeResult => {
  locale = params.locale && params.locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const opts = params.initializationOptions as { locale?: string; warmUp?: boolean } | undefined;
  if (opts?.locale) locale = opts.locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  if (opts?.warmUp === false) warmUpEnabled = false;
  canConfigure = !!params.capabilities.workspace?.configuration;
  canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => configPath(u)!).filter(Boolean);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      documentSymbolProvider: { label: '年报' },
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [] },
    },
    serverInfo: { name: 'nianbao', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
  if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.nianbao.json' }] });
  setImmediate(() => void scanWorkspace());
  // compile the core while the writer is not typing yet (lsp/warmup.ts); real checks always go first
  if (warmUpEnabled)
    warmUp = startWarmUp({
      // paused while checks wait and for half a second after the last edit: typing always goes first
      busy: () => pending.size > 0 || Date.now() - lastEdit < 500,
      work: (text) => {
        const result = lint(text);
        result.diagnostics.forEach((d, i) => toLspDiagnostic(d, 'untitled:warm-up', locale, i));
      },
    });
});

async function rawSettings(uri: string): Promise<ReturnType<typeof editorSettings>> {
  if (!canConfigure) return editorSettings(null);
  let p = settingsCache.get(uri);
  if (!p) {
    p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'nianbao' })
      .then((raw: RawEditorSettings | null) => editorSettings(raw))
      .catch(() => editorSettings(null));
    settingsCache.set(uri, p);
  }
  return p;
}

async function settingsFor(uri: string): Promise<DocumentSettings> {
  return resolveSettings(await rawSettings(uri), configs, uri);
}

function shouldLint(result: LintResult, languageId: string, s: DocumentSettings): boolean {
  if (!s.editor.enable) return false;
  if (languageId !== REPORT_LANGUAGE && !s.editor.checkPlaintext) return false;
  return shouldCheck(result.model, languageId);
}

function publish(uri: string, version: number | undefined, result: LintResult | null): void {
  const diagnostics = result ? result.diagnostics.map((d, i) => toLspDiagnostic(d, uri, locale, i)) : [];
  void connection.sendDiagnostics({ uri, version, diagnostics });
  const at = receivedAt.get(uri);
  if (at !== undefined) {
    receivedAt.delete(uri);
    if (publishMs.push(performance.now() - at) > 1000) publishMs.shift();
  }
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of result?.diagnostics ?? []) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  const status = { uri, isReport: !!result, template: result?.model.template ?? null, year: result?.model.year?.value ?? null, ...counts };
  // only when it changed: most keystrokes change neither the format, the year nor the counts, and every message
  // costs a write on the pipe and wakes the editor
  const key = `${status.isReport}|${status.template}|${status.year}|${counts.errors}|${counts.warnings}|${counts.infos}`;
  if (sentStatus.get(uri) === key) return;
  sentStatus.set(uri, key);
  void connection.sendNotification('nianbao/status', status);
}

async function check(doc: TextDocument, reason: 'open' | 'change' | 'save'): Promise<void> {
  if (isConfigUri(doc.uri)) {
    checkConfigDocument(doc);
    return;
  }
  // TextDocuments updates a document in place: remember which version this check is for
  const version = doc.version;
  const settings = await settingsFor(doc.uri);
  // a newer version arrived while the settings were fetched: its own check is scheduled, this one stops
  if (documents.get(doc.uri)?.version !== version) return;
  const large = doc.getText().length > settings.editor.maxTypingSize;
  if (reason === 'change' && (settings.editor.run === 'onSave' || large)) {
    if (large && !largeNoticeGiven.has(doc.uri)) {
      largeNoticeGiven.add(doc.uri);
      // a plain notification: it asks nothing of the user and every client shows it
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: locale === 'en' ? 'nianbao: this document is large; it is checked when saved, not while typing.' : 'nianbao：文档较大，改为保存时检查，输入时不再逐字检查。',
      });
    }
    return;
  }
  let result: LintResult | null = null;
  try {
    result = lint(doc.getText(), settings.lint);
  } catch (e) {
    connection.console.error(`nianbao: 检查 ${doc.uri} 时出错：${(e as Error).stack ?? String(e)}`);
  }
  // a newer version arrived meanwhile: never publish outdated results
  if (documents.get(doc.uri)?.version !== version) return;
  const active = result && shouldLint(result, doc.languageId, settings) ? result : null;
  checked.set(doc.uri, { version, result: active, settings });
  scanned.delete(doc.uri);
  publish(doc.uri, version, active);
}

function checkConfigDocument(doc: TextDocument): void {
  const path = configPath(doc.uri);
  if (!path) return;
  const parsed = configs.setOpen(path, doc.getText());
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: configDiagnostics(parsed.problems, locale) });
  recheckAll();
}

/** Why a check is pending: opening or saving a document asks for a check even when typing does not. */
const pendingReason = new Map<string, 'open' | 'change' | 'save'>();

/** When the last document event arrived (the idle warm-up waits for a pause in typing). */
let lastEdit = 0;

/** For the benchmark: when each document's latest event arrived, and the last 1,000 times from there to publishing. */
const receivedAt = new Map<string, number>();
const publishMs: number[] = [];

function schedule(doc: TextDocument, reason: 'open' | 'change' | 'save'): void {
  lastEdit = Date.now();
  receivedAt.set(doc.uri, performance.now());
  const prev = pending.get(doc.uri);
  if (prev) clearImmediate(prev);
  // TextDocuments reports a change right after every open: keep the stronger reason of the two
  const before = pendingReason.get(doc.uri);
  const why = before && before !== 'change' && reason === 'change' ? before : reason;
  pendingReason.set(doc.uri, why);
  pending.set(
    doc.uri,
    setImmediate(() => {
      pending.delete(doc.uri);
      pendingReason.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) void check(current, why);
    }),
  );
}

function recheckAll(): void {
  for (const doc of documents.all()) if (!isConfigUri(doc.uri)) schedule(doc, 'save');
  void scanWorkspace();
}

documents.onDidOpen((e) => schedule(e.document, 'open'));
documents.onDidChangeContent((e) => schedule(e.document, 'change'));
documents.onDidSave((e) => schedule(e.document, 'save'));
documents.onDidClose((e) => {
  const uri = e.document.uri;
  const prev = pending.get(uri);
  if (prev) clearImmediate(prev);
  pending.delete(uri);
  pendingReason.delete(uri);
  checked.delete(uri);
  receivedAt.delete(uri);
  settingsCache.delete(uri);
  largeNoticeGiven.delete(uri);
  sentStatus.delete(uri);
  if (isConfigUri(uri)) {
    const path = configPath(uri);
    if (path) configs.closeOpen(path);
    recheckAll();
  }
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  void connection.sendNotification('nianbao/status', { uri, isReport: false, template: null, year: null, errors: 0, warnings: 0, infos: 0 });
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  recheckAll();
});

connection.onDidChangeWatchedFiles(() => {
  configs.invalidate();
  recheckAll();
});

/** Check report files of the workspace folders that are not open, so the Problems panel lists them all. */
async function scanWorkspace(): Promise<void> {
  if (!workspaceFolders.length) return;
  const base = await rawSettings(pathToFileURL(workspaceFolders[0]).toString());
  const max = base.editor.workspaceMaxFiles;
  const files = max > 0 && base.editor.enable && base.editor.checkPlaintext ? findCandidates(workspaceFolders, max, base.editor.maxTypingSize) : [];
  const seen = new Set<string>();
  for (const file of files) {
    const uri = pathToFileURL(file).toString();
    if (documents.get(uri)) continue;
    const text = readUtf8OrGb(file);
    if (text === null) continue;
    const settings = await settingsFor(uri);
    const result = lint(text, settings.lint);
    if (!shouldLint(result, file.endsWith('.md') ? 'markdown' : 'plaintext', settings)) continue;
    seen.add(uri);
    scanned.add(uri);
    publish(uri, undefined, result);
  }
  for (const uri of [...scanned]) {
    if (!seen.has(uri) && !documents.get(uri)) {
      scanned.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}

async function currentResult(uri: string): Promise<LintResult | null> {
  const doc = documents.get(uri);
  if (!doc || isConfigUri(uri)) return null;
  const c = checked.get(uri);
  if (c && c.version === doc.version) return c.result;
  const settings = await settingsFor(uri);
  const result = lint(doc.getText(), settings.lint);
  return shouldLint(result, doc.languageId, settings) ? result : null;
}

connection.onCodeAction(async (params) => {
  const result = await currentResult(params.textDocument.uri);
  if (!result) return [];
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const settings = (await settingsFor(uri)).lint;
  if (!only || only.some((k) => CodeActionKind.QuickFix.startsWith(k))) actions.push(...quickFixes(result, uri, params.context.diagnostics, locale, settings));
  if (only && only.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source))) {
    const all = fixAllAction(result, uri, locale, FIX_ALL_KIND, settings);
    if (all) actions.push(all);
  }
  return actions;
});

connection.onHover(async (params) => {
  const result = await currentResult(params.textDocument.uri);
  if (!result) return null;
  const h = hoverAt(result, params.position);
  return h ? { contents: { kind: 'markdown', value: h.markdown }, range: h.range } : null;
});

connection.onDocumentSymbol(async (params) => {
  const result = await currentResult(params.textDocument.uri);
  return result ? toSymbols(outline(result.model)) : [];
});

connection.onFoldingRanges(async (params) => {
  const result = await currentResult(params.textDocument.uri);
  return result ? toFolding(foldingRanges(result.model)) : [];
});

connection.onCodeLens(async (params) => {
  const result = await currentResult(params.textDocument.uri);
  return result ? tableLenses(result).map((l) => toLens(l, params.textDocument.uri, locale)) : [];
});

/** The JSON of the CLI contract for one open document (the client's "导出检查结果" command). */
connection.onRequest('nianbao/exportJson', async (params: { uri: string }) => {
  const result = await currentResult(params.uri);
  const file = configPath(params.uri) ?? params.uri;
  return toJson(
    [{ file, template: result?.model.template ?? null, year: result?.model.year?.value ?? null, isReport: !!result, diagnostics: result?.diagnostics ?? [] }],
    locale,
  );
});

registerRequests(connection, { result: currentResult, locale: () => locale });

/** Figures for the benchmark: heap after a collection (with --expose-gc), the warm-up, the server's own time per check. */
connection.onRequest('nianbao/stats', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return { heapUsed: process.memoryUsage().heapUsed, documents: documents.all().length, warmUp: warmUp?.status() ?? null, publishMs };
});

connection.onShutdown(() => {
  shutdownReceived = true;
  warmUp?.stop();
});

documents.listen(connection);
connection.listen();
