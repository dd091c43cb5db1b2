/**
 * The editor features of the language server, as the VS Code client uses them: `node dist/server.js --stdio`
 * spoken to over real JSON-RPC framing. Outline, folding, code lenses, settings from workspace/configuration,
 * the project config file .nianbao.json (open in the editor and on disk), inline directives, the locale, the
 * `nianbao/status` notification and the requests of the client's commands. Every wait is on a message.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeLens, Diagnostic, DocumentSymbol, FoldingRange, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ReportStatus, TotalSuggestion } from '../client/src/status';
import { applyEdits } from './helpers';
import { Inbox, messageOf, withTimeout } from './lsp-client';

const SEED_002 = 'test/fixtures/seeds/002_7eb68c448bcdd812.txt';
const SECTION_NAMES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/** A language server in a child process with a scripted editor on the other end. */
class Editor {
  child!: ChildProcess;
  conn!: MessageConnection;
  readonly diagnostics = new Inbox<PublishDiagnosticsParams>('publishDiagnostics');
  readonly statuses = new Inbox<ReportStatus>('nianbao/status');
  readonly stderr: string[] = [];
  /** what the editor answers to workspace/configuration (section nianbao) */
  settings: Record<string, unknown> = {};
  configurationRequests = 0;
  private exit!: Promise<number | null>;

  async start(locale: string): Promise<void> {
    this.child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (b: Buffer) => this.stderr.push(b.toString('utf8')));
    this.exit = new Promise((res) => this.child.on('exit', (code) => res(code)));
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.diagnostics.push(p));
    this.conn.onNotification('nianbao/status', (p: ReportStatus) => this.statuses.push(p));
    this.conn.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'nianbao' ? this.settings : null));
    });
    // capability registrations and anything else: accepted with nothing
    this.conn.onRequest(() => null);
    this.conn.listen();
    await withTimeout(
      this.conn.sendRequest('initialize', {
        processId: process.pid,
        locale,
        rootUri: null,
        initializationOptions: { locale },
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
          textDocument: { publishDiagnostics: { relatedInformation: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
        },
        workspaceFolders: null,
      }),
      'initialize',
    );
    await this.conn.sendNotification('initialized', {});
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return withTimeout(this.conn.sendRequest(method, params) as Promise<T>, method);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.conn.sendRequest('shutdown'), 'shutdown');
      await this.conn.sendNotification('exit');
      await withTimeout(this.exit, 'exit');
    } finally {
      this.conn.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}

const relationLines = (p: PublishDiagnosticsParams): number[] => p.diagnostics.filter((d) => d.code === 'relation-mismatch').map((d) => d.range.start.line);

describe('language server: editor features (outline, lenses, settings, config file, directives, locale, commands)', function () {
  this.timeout(60000);
  const editor = new Editor();
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-editor-'));
  const reportPath = join(dir, '浈江区2022年报.txt');
  const configFile = join(dir, '.nianbao.json');
  const uri = pathToFileURL(reportPath).toString();
  const configUri = pathToFileURL(configFile).toString();
  const text = readFileSync(resolve(SEED_002), 'utf8');
  let version = 1;
  let opened: PublishDiagnosticsParams;

  /** Sends a new full text of the report and waits for its diagnostics. */
  async function changeReport(newText: string, label: string): Promise<PublishDiagnosticsParams> {
    version++;
    const v = version;
    const from = editor.diagnostics.mark();
    await editor.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: newText }] });
    return editor.diagnostics.next(label, (p) => p.uri === uri && p.version === v, from);
  }

  before(async () => {
    writeFileSync(reportPath, text);
    await editor.start('zh-cn');
    const from = editor.diagnostics.mark();
    const statusFrom = editor.statuses.mark();
    await editor.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
    opened = await editor.diagnostics.next('seed 002 opened', (p) => p.uri === uri, from);
    await editor.statuses.next('seed 002 status', (s) => s.uri === uri, statusFrom);
  });

  after(async () => {
    await editor.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks the editor for the settings of the report (workspace/configuration, section nianbao)', () => {
    assert.ok(editor.configurationRequests >= 1);
    assert.deepEqual(relationLines(opened), [338, 338, 344, 344]);
  });

  it('sends nianbao/status with the format, the year and the counts of the published diagnostics', async () => {
    const status = await editor.statuses.next('status', (s) => s.uri === uri, 0);
    const count = (severity: number): number => opened.diagnostics.filter((d) => d.severity === severity).length;
    assert.deepEqual(status, { uri, isReport: true, template: '2019', year: 2022, errors: count(1), warnings: count(2), infos: count(3) + count(4) });
    assert.ok(status.errors >= 4);
  });

  it('sends nianbao/status again only when the format, the year or a count changed', async () => {
    const latest = (): ReportStatus => editor.statuses.seen.filter((s) => s.uri === uri).at(-1)!;
    const before = latest();
    // a keystroke undone: the same findings, so no status; a request answered after the diagnostics shows
    // that none was sent (messages arrive in the order the server sent them)
    let from = editor.statuses.mark();
    const same = await changeReport(text, 'same text, new version');
    assert.deepEqual(relationLines(same), [338, 338, 344, 344]);
    await editor.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(editor.statuses.seen.slice(from).filter((s) => s.uri === uri), []);
    // the two totals corrected: two errors fewer, a new status with the new counts
    const items = await editor.request<TotalSuggestion[]>('nianbao/totalSuggestions', { uri });
    from = editor.statuses.mark();
    const fixed = await changeReport(applyEdits(text, items.map((s) => ({ range: s.range, newText: s.newText }))), 'totals corrected');
    const now = await editor.statuses.next('status after the correction', (s) => s.uri === uri, from);
    const count = (severity: number): number => fixed.diagnostics.filter((d) => d.severity === severity).length;
    assert.deepEqual(now, { uri, isReport: true, template: '2019', year: 2022, errors: count(1), warnings: count(2), infos: count(3) + count(4) });
    assert.notDeepEqual(now, before);
    // and back: the first status again
    from = editor.statuses.mark();
    await changeReport(text, 'original text again');
    assert.deepEqual(await editor.statuses.next('status of the original text', (s) => s.uri === uri, from), before);
  });

  it('outlines the six sections, their sub-headings and the tables under 二, 三 and 四', async () => {
    const symbols = await editor.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      SECTION_NAMES,
    );
    const tablesOf = (s: DocumentSymbol): DocumentSymbol[] => (s.children ?? []).filter((c) => c.kind === 23);
    assert.deepEqual(
      tablesOf(symbols[1]).map((t) => t.name),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项'],
    );
    assert.equal(tablesOf(symbols[2]).length, 1);
    assert.equal(tablesOf(symbols[3]).length, 1);
    for (const i of [0, 4, 5]) assert.equal(tablesOf(symbols[i]).length, 0, SECTION_NAMES[i]);
    assert.deepEqual(
      (symbols[0].children ?? []).map((c) => c.name),
      ['（一）基本情况', '（二）措施及成效'],
    );
    const apps = tablesOf(symbols[2])[0];
    const groups = (apps.children ?? []).map((c) => c.name);
    for (const name of ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（三）不予公开', '（七）总计', '四、结转下年度继续办理']) {
      assert.ok(groups.includes(name), `${name} in ${groups.join(' | ')}`);
    }
    assert.ok((apps.children ?? []).some((c) => c.name === '（七）总计'));
    // every symbol lies in its parent
    const inside = (child: DocumentSymbol, parent: DocumentSymbol): boolean => child.range.start.line >= parent.range.start.line && child.range.end.line <= parent.range.end.line;
    for (const s of symbols) for (const c of s.children ?? []) assert.ok(inside(c, s), `${c.name} inside ${s.name}`);
  });

  it('folds every section and every table', async () => {
    const ranges = await editor.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = text.split(/\r?\n/);
    for (const name of SECTION_NAMES) {
      const line = lines.indexOf(name);
      assert.ok(ranges.some((r) => r.startLine === line && r.endLine > line), `section ${name} (line ${line + 1}) folds`);
    }
    const tables = ranges.filter((r) => r.kind === 'region');
    assert.equal(tables.length, 7, 'five tables in 二, one in 三, one in 四');
    const apps = tables.find((r) => r.startLine < 338 && r.endLine > 344);
    assert.ok(apps, 'the table of section 三 folds over its rows');
  });

  it('puts a code lens above the tables of 三 and 四: mismatches → first one, or all hold', async () => {
    const lenses = await editor.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 2);
    const [apps, review] = lenses.sort((a, b) => a.range.start.line - b.range.start.line);
    assert.match(apps.command!.title, /^勾稽关系：\d+ 处不符$/);
    assert.equal(apps.command!.command, 'nianbao.revealPosition');
    assert.deepEqual(apps.command!.arguments, [uri, 338, 1]);
    assert.ok(apps.range.start.line >= 93 && apps.range.start.line < 112, `lens at line ${apps.range.start.line + 1}`);
    assert.equal(review.command!.title, '勾稽关系：全部通过');
    assert.ok(review.range.start.line > 355);
  });

  it('nianbao/totalSuggestions proposes changing the two （七）总计 cells to 1, once each', async () => {
    const items = await editor.request<TotalSuggestion[]>('nianbao/totalSuggestions', { uri });
    assert.deepEqual(
      items.map((s) => ({ range: s.range, newText: s.newText })),
      [
        { range: { start: { line: 338, character: 1 }, end: { line: 338, character: 2 } }, newText: '1' },
        { range: { start: { line: 344, character: 1 }, end: { line: 344, character: 2 } }, newText: '1' },
      ],
    );
    for (const s of items) assert.match(s.title, /^将合计改为 1/);
    // applied, the relations hold
    const fixed = applyEdits(text, items.map((s) => ({ range: s.range, newText: s.newText })));
    const after = await changeReport(fixed, 'totals applied');
    assert.deepEqual(relationLines(after), []);
    const again = await editor.request<TotalSuggestion[]>('nianbao/totalSuggestions', { uri });
    assert.deepEqual(again, []);
    const back = await changeReport(text, 'original text again');
    assert.deepEqual(relationLines(back), [338, 338, 344, 344]);
  });

  it('nianbao/totalSuggestions answers [] for a document that is not open or not a report', async () => {
    assert.deepEqual(await editor.request<TotalSuggestion[]>('nianbao/totalSuggestions', { uri: 'file:///nowhere/x.txt' }), []);
  });

  it('nianbao/exportJson returns the JSON of the CLI contract for the report', async () => {
    const json = await editor.request<string>('nianbao/exportJson', { uri });
    const parsed = JSON.parse(json) as { file: string; template: string; year: number; diagnostics: { rule: string }[] }[];
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0].file, reportPath);
    assert.equal(parsed[0].template, '2019');
    assert.equal(parsed[0].year, 2022);
    assert.equal(parsed[0].diagnostics.filter((d) => d.rule === 'relation-mismatch').length, 4);
  });

  it('workspace/didChangeConfiguration: rules {relation-mismatch: off} from the editor settings removes those findings', async () => {
    editor.settings = { rules: { 'relation-mismatch': 'off' } };
    let from = editor.diagnostics.mark();
    await editor.notify('workspace/didChangeConfiguration', { settings: null });
    const off = await editor.diagnostics.next('after the setting', (p) => p.uri === uri && relationLines(p).length === 0, from);
    assert.equal(off.diagnostics.length, opened.diagnostics.length - 4);
    editor.settings = {};
    from = editor.diagnostics.mark();
    await editor.notify('workspace/didChangeConfiguration', { settings: null });
    const on = await editor.diagnostics.next('setting removed', (p) => p.uri === uri && relationLines(p).length === 4, from);
    assert.equal(on.diagnostics.length, opened.diagnostics.length);
  });

  it('run: onSave checks a changed report only when it is saved', async () => {
    editor.settings = { run: 'onSave' };
    let from = editor.diagnostics.mark();
    await editor.notify('workspace/didChangeConfiguration', { settings: null });
    await editor.diagnostics.next('onSave set', (p) => p.uri === uri, from);
    const lines = text.split('\n');
    lines[338] = '\t1';
    lines[344] = '\t1';
    version++;
    from = editor.diagnostics.mark();
    await editor.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: lines.join('\n') }] });
    await editor.notify('textDocument/didSave', { textDocument: { uri } });
    const saved = await editor.diagnostics.next('saved', (p) => p.uri === uri, from);
    assert.equal(saved.version, version, 'the first publication after the change is the one of the save');
    assert.deepEqual(relationLines(saved), []);
    editor.settings = {};
    from = editor.diagnostics.mark();
    await editor.notify('workspace/didChangeConfiguration', { settings: null });
    await editor.diagnostics.next('onType again', (p) => p.uri === uri, from);
    const back = await changeReport(text, 'original text');
    assert.deepEqual(relationLines(back), [338, 338, 344, 344]);
  });

  it('an open .nianbao.json next to the report applies at once, and a broken one gets a warning on itself and defaults', async () => {
    let from = editor.diagnostics.mark();
    await editor.notify('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'json', version: 1, text: '{"rules": {"relation-mismatch": "off"}}' } });
    const config = await editor.diagnostics.next('config file diagnostics', (p) => p.uri === configUri, from);
    assert.deepEqual(config.diagnostics, []);
    const report = await editor.diagnostics.next('report re-checked', (p) => p.uri === uri && relationLines(p).length === 0, from);
    assert.equal(report.diagnostics.length, opened.diagnostics.length - 4);

    from = editor.diagnostics.mark();
    await editor.notify('textDocument/didChange', {
      textDocument: { uri: configUri, version: 2 },
      contentChanges: [{ text: '{"rules": {"no-such-rule": "error"}}' }],
    });
    const broken = await editor.diagnostics.next('broken config', (p) => p.uri === configUri && p.diagnostics.length > 0, from);
    assert.equal(broken.diagnostics.length, 1);
    const [warning] = broken.diagnostics;
    assert.equal(warning.severity, 2, 'a warning');
    assert.match(messageOf(warning), /no-such-rule/);
    assert.match(messageOf(warning), /[\u4e00-\u9fff]/, 'in Chinese');
    assert.deepEqual(warning.range.start, { line: 0, character: 11 }, 'on the unknown rule id');
    const defaults = await editor.diagnostics.next('report with defaults', (p) => p.uri === uri && relationLines(p).length === 4, from);
    assert.equal(defaults.diagnostics.length, opened.diagnostics.length);

    from = editor.diagnostics.mark();
    await editor.notify('textDocument/didChange', { textDocument: { uri: configUri, version: 3 }, contentChanges: [{ text: '{"rules": {' }] });
    const invalid = await editor.diagnostics.next('invalid JSON', (p) => p.uri === configUri && p.diagnostics.length > 0, from);
    assert.match(messageOf(invalid.diagnostics[0]), /JSON/);

    from = editor.diagnostics.mark();
    await editor.notify('textDocument/didClose', { textDocument: { uri: configUri } });
    await editor.diagnostics.next('config closed', (p) => p.uri === configUri && p.diagnostics.length === 0, from);
  });

  it('a .nianbao.json written on disk applies after workspace/didChangeWatchedFiles, and its removal too', async () => {
    writeFileSync(configFile, '{\n  "rules": { "relation-mismatch": "off" }\n}\n');
    let from = editor.diagnostics.mark();
    await editor.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await editor.diagnostics.next('config created on disk', (p) => p.uri === uri && relationLines(p).length === 0, from);
    rmSync(configFile);
    from = editor.diagnostics.mark();
    await editor.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    await editor.diagnostics.next('config deleted on disk', (p) => p.uri === uri && relationLines(p).length === 4, from);
  });

  it('inline directives suppress a finding and an unused directive is reported (info)', async () => {
    const lines = text.split('\n');
    lines.splice(338, 0, '<!-- nianbao-disable-next-line relation-mismatch -->');
    lines.splice(1, 0, '<!-- nianbao-disable-next-line cell-missing -->');
    const p = await changeReport(lines.join('\n'), 'with directives');
    // line 339 of the seed is now line 341 (two lines inserted above it); 345 is 347
    assert.deepEqual(relationLines(p), [346, 346], 'only the findings on （七）总计·总计 remain');
    const directives = p.diagnostics.filter((d: Diagnostic) => d.code === 'inline-directive');
    assert.equal(directives.length, 1, JSON.stringify(directives.map(messageOf)));
    assert.equal(directives[0].severity, 3, 'info');
    assert.equal(directives[0].range.start.line, 1, 'on the unused directive');
    const back = await changeReport(text, 'directives removed');
    assert.deepEqual(relationLines(back), [338, 338, 344, 344]);
  });

  it('a status notification says isReport: false for a document that is not a report', async () => {
    const notes = 'untitled:notes-editor';
    const from = editor.statuses.mark();
    await editor.notify('textDocument/didOpen', { textDocument: { uri: notes, languageId: 'plaintext', version: 1, text: '会议纪要\n今天讨论了三个问题。\n' } });
    const s = await editor.statuses.next('notes status', (x) => x.uri === notes, from);
    assert.equal(s.isReport, false);
    await editor.notify('textDocument/didClose', { textDocument: { uri: notes } });
  });

  it('closing the report sends an empty status and clears its diagnostics', async () => {
    const from = editor.statuses.mark();
    const dFrom = editor.diagnostics.mark();
    await editor.notify('textDocument/didClose', { textDocument: { uri } });
    const s = await editor.statuses.next('closed', (x) => x.uri === uri, from);
    assert.equal(s.isReport, false);
    const d = await editor.diagnostics.next('cleared', (p) => p.uri === uri, dFrom);
    assert.deepEqual(d.diagnostics, []);
  });

  it('writes nothing to stderr', () => {
    assert.equal(editor.stderr.join(''), '');
  });
});

describe('language server: English when the editor is in English (initializationOptions.locale)', function () {
  this.timeout(30000);
  const editor = new Editor();
  const uri = pathToFileURL(resolve(SEED_002)).toString();
  const text = readFileSync(resolve(SEED_002), 'utf8');

  before(() => editor.start('en'));
  after(() => editor.stop());

  it('publishes English messages, lens titles and suggestion titles', async () => {
    const from = editor.diagnostics.mark();
    await editor.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const p = await editor.diagnostics.next('seed 002 opened (en)', (x) => x.uri === uri, from);
    const relations = p.diagnostics.filter((d) => d.code === 'relation-mismatch');
    assert.equal(relations.length, 4);
    for (const d of relations) assert.match(messageOf(d), /^Relation does not hold/);
    for (const d of p.diagnostics) assert.doesNotMatch(messageOf(d), /^[\u4e00-\u9fff]/, `${String(d.code)}: ${messageOf(d)}`);
    const lenses = await editor.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.equal(titles.length, 2);
    assert.ok(titles.includes('Relations: all hold'), titles.join(' | '));
    assert.ok(titles.some((t) => /^Relations: \d+ mismatch\(es\)$/.test(t)), titles.join(' | '));
    const items = await editor.request<TotalSuggestion[]>('nianbao/totalSuggestions', { uri });
    assert.equal(items.length, 2);
    for (const s of items) assert.match(s.title, /^Change the total to 1/);
  });
});
