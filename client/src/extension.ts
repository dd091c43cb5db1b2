/**
 * The VS Code client: starts the nianbao language server (dist/server.js, over IPC) and hands it the
 * report documents and the project config files `.nianbao.json`. Honours `nianbao.enable` (per resource): the
 * server runs only while at least one scope enables it, and diagnostics / code actions for resources where it
 * is off are dropped. Adds the status bar item and the commands of the 年报 category.
 * Every message is Chinese, or English when VS Code's display language is English (./i18n).
 */
import * as path from 'node:path';
import {
  commands,
  env,
  languages,
  Position,
  Range,
  Selection,
  StatusBarAlignment,
  TextEditorRevealType,
  Uri,
  window,
  workspace,
  WorkspaceEdit,
  type ConfigurationChangeEvent,
  type ExtensionContext,
  type LogOutputChannel,
  type StatusBarItem,
  type TextDocument,
} from 'vscode';
import {
  LanguageClient,
  NotificationType,
  RequestType,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { renderSkeleton } from '../../server/src/core/skeleton';
import { t, uiLocale, type MessageId, type UiLocale } from './i18n';
import { PREVIEW_VIEW_TYPE, ReportPreview } from './preview';
import {
  EXPORT_REQUEST,
  exportFileName,
  isConfigFileName,
  PROBLEMS_COMMAND,
  STATUS_NOTIFICATION,
  statusText,
  statusTooltip,
  suggestionLines,
  TOTALS_REQUEST,
  type ReportStatus,
  type TotalSuggestion,
} from './status';

/** Language ids handed to the server; the server itself decides whether a plaintext/markdown file is a report. */
export const LANGUAGES = ['nianbao', 'plaintext', 'markdown'] as const;
const SCHEMES = ['file', 'untitled'] as const;
/** The project config file: validated by the server (warnings on the file itself) and watched on disk. */
const CONFIG_GLOB = '**/.nianbao.json';

const statusNotification = new NotificationType<ReportStatus>(STATUS_NOTIFICATION);
const exportRequest = new RequestType<{ uri: string }, string, void>(EXPORT_REQUEST);
const totalsRequest = new RequestType<{ uri: string }, TotalSuggestion[], void>(TOTALS_REQUEST);
const convertRequest = new RequestType<{ uri: string }, { range: TotalSuggestion['range']; newText: string }[], void>('nianbao/convertTemplate');

let client: LanguageClient | undefined;
let output: LogOutputChannel | undefined;
/** Serialises start/stop/restart so that quick configuration changes cannot interleave. */
let queue: Promise<void> = Promise.resolve();
const locale: UiLocale = uiLocale(env.language);
const msg = (id: MessageId, ...args: (string | number)[]): string => t(locale, id, ...args);

/** Whether checking is on for a resource (or, without one, for the window / workspace). */
function enabledFor(resource?: Uri): boolean {
  return workspace.getConfiguration('nianbao', resource ?? null).get<boolean>('enable', true);
}

/** The server is needed while the setting is on at workspace level or in any workspace folder. */
function enabledAnywhere(): boolean {
  if (enabledFor()) return true;
  return (workspace.workspaceFolders ?? []).some((folder) => enabledFor(folder.uri));
}

function createClient(context: ExtensionContext, channel: LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = workspace.createFileSystemWatcher(CONFIG_GLOB);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language }))),
      { scheme: 'file', pattern: CONFIG_GLOB },
    ],
    outputChannel: channel,
    initializationOptions: { locale: env.language },
    synchronize: { configurationSection: 'nianbao', fileEvents: watcher },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, enabledFor(uri) ? diagnostics : []),
      provideCodeActions: (document, range, codeActionContext, token, next) =>
        enabledFor(document.uri) ? next(document, range, codeActionContext, token) : [],
    },
  };
  // The id 'nianbao' makes vscode-languageclient read the setting `nianbao.trace.server` by itself.
  return new LanguageClient('nianbao', '政府信息公开年报校验 (nianbao)', serverOptions, clientOptions);
}

function enqueue(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task).catch((error: unknown) => {
    output?.error(`语言服务器操作失败 (language server operation failed): ${errorText(error)}`);
  });
  return queue;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts the server if the setting asks for it and it is not running; stops it if the setting is off. */
function sync(): Promise<void> {
  return enqueue(async () => {
    if (!client) return;
    const want = enabledAnywhere();
    const running = client.state !== State.Stopped;
    if (want && !running) {
      output?.info('启动 nianbao 语言服务器 (starting the nianbao language server)');
      await client.start();
    } else if (!want && running) {
      output?.info('nianbao.enable 为 false，已停止检查 (nianbao.enable is false; checking stopped)');
      await client.stop();
    }
  });
}

function restart(): Promise<void> {
  return enqueue(async () => {
    if (!client) return;
    if (!enabledAnywhere()) {
      output?.warn('nianbao.enable 为 false，不启动语言服务器 (nianbao.enable is false; the server is not started)');
      if (client.state !== State.Stopped) await client.stop();
      return;
    }
    output?.info('重启 nianbao 语言服务器 (restarting the nianbao language server)');
    if (client.state === State.Stopped) await client.start();
    else await client.restart();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// status bar

/** Status of every checked document, by the URI string the server uses. */
const statuses = new Map<string, ReportStatus>();
let statusItem: StatusBarItem | undefined;

function protocolUri(document: TextDocument): string {
  return client ? client.code2ProtocolConverter.asUri(document.uri) : document.uri.toString();
}

function updateStatusItem(): void {
  if (!statusItem) return;
  const editor = window.activeTextEditor;
  const status = editor && client?.state === State.Running ? statuses.get(protocolUri(editor.document)) : undefined;
  const text = statusText(status, locale);
  if (!status || text === null) {
    statusItem.hide();
    return;
  }
  statusItem.text = text;
  statusItem.tooltip = statusTooltip(status, locale);
  statusItem.show();
}

// ---------------------------------------------------------------------------------------------------------------
// commands

/** `nianbao.setLanguage`: switches the active plaintext / markdown document to the nianbao language. */
async function setLanguage(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showWarningMessage(msg('noEditor'));
    return;
  }
  const document = editor.document;
  if (document.languageId === 'nianbao') {
    void window.showInformationMessage(msg('alreadyReport'));
    return;
  }
  if (document.languageId !== 'plaintext' && document.languageId !== 'markdown') {
    void window.showWarningMessage(msg('notTextOrMarkdown', document.languageId));
    return;
  }
  await languages.setTextDocumentLanguage(document, 'nianbao');
}

/** `nianbao.newReport`: an untitled report with the official 2021 skeleton for the previous year. */
async function newReport(): Promise<void> {
  const year = new Date().getFullYear() - 1;
  const content = renderSkeleton('2021', year, 'tabs');
  const document = await workspace.openTextDocument({ language: 'nianbao', content });
  await window.showTextDocument(document);
}

/** The running client and the active editor's document, or a message saying why a command cannot run. */
function activeReport(): { running: LanguageClient; document: TextDocument } | null {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showWarningMessage(msg('noEditor'));
    return null;
  }
  if (!client || client.state !== State.Running) {
    void window.showWarningMessage(msg('serverOff'));
    return null;
  }
  return { running: client, document: editor.document };
}

/**
 * Asks the server something about the active report (for a command): null, after telling the user why, when
 * there is no report, the server is off or the request failed. `version` is the document version asked about.
 */
async function askServer<R>(type: RequestType<{ uri: string }, R, void>): Promise<{ document: TextDocument; version: number; answer: R } | null> {
  const active = activeReport();
  if (!active) return null;
  const { running, document } = active;
  // every checked report has a status (reports are checked when opened, whatever nianbao.run says)
  if (!statuses.has(protocolUri(document))) {
    void window.showInformationMessage(msg('notReport'));
    return null;
  }
  const version = document.version;
  try {
    return { document, version, answer: await running.sendRequest(type, { uri: protocolUri(document) }) };
  } catch (error) {
    void window.showErrorMessage(msg('requestFailed', errorText(error)));
    return null;
  }
}

/** `nianbao.recalculateTotals`: lists every total the relations propose, and applies them after confirmation. */
async function recalculateTotals(): Promise<void> {
  const asked = await askServer(totalsRequest);
  if (!asked) return;
  const { document, version, answer: items } = asked;
  if (!items.length) {
    void window.showInformationMessage(msg('noTotals'));
    return;
  }
  const apply = msg('applyAll');
  const answer = await window.showWarningMessage(msg('confirmTotals', items.length), { modal: true, detail: suggestionLines(items, locale).join('\n') }, apply);
  if (answer !== apply) return;
  await applyServerEdits(document, version, items, 'totalsApplied');
}

/** Apply edits the server computed for `version` of the document, unless the document changed since. */
async function applyServerEdits(document: TextDocument, version: number, edits: { range: TotalSuggestion['range']; newText: string }[], done: MessageId): Promise<void> {
  if (document.version !== version) {
    void window.showWarningMessage(msg('changedMeanwhile'));
    return;
  }
  const edit = new WorkspaceEdit();
  for (const e of edits) {
    edit.replace(document.uri, new Range(new Position(e.range.start.line, e.range.start.character), new Position(e.range.end.line, e.range.end.character)), e.newText);
  }
  if (await workspace.applyEdit(edit)) void window.showInformationMessage(msg(done, edits.length));
  else void window.showErrorMessage(msg('applyFailed'));
}

/** `nianbao.convertTemplate`: converts every 2019-format table of the active report to the 2021 layout. */
async function convertTemplate(): Promise<void> {
  const asked = await askServer(convertRequest);
  if (!asked) return;
  const { document, version, answer: edits } = asked;
  if (!edits.length) {
    void window.showInformationMessage(msg('noOldTables'));
    return;
  }
  await applyServerEdits(document, version, edits, 'converted');
}

/** `nianbao.exportResults`: the JSON of the CLI contract for the active document, saved where the user says. */
async function exportResults(): Promise<void> {
  const active = activeReport();
  if (!active) return;
  const { running, document } = active;
  let json: string;
  try {
    json = await running.sendRequest(exportRequest, { uri: protocolUri(document) });
  } catch (error) {
    void window.showErrorMessage(msg('requestFailed', errorText(error)));
    return;
  }
  const isFile = document.uri.scheme === 'file';
  const baseName = isFile ? path.basename(document.uri.fsPath) : '';
  const name = exportFileName(baseName, locale);
  const folder = isFile ? Uri.file(path.dirname(document.uri.fsPath)) : workspace.workspaceFolders?.[0]?.uri;
  const target = await window.showSaveDialog({
    title: msg('exportTitle'),
    defaultUri: folder ? Uri.joinPath(folder, name) : undefined,
    filters: { [msg('jsonFilter')]: ['json'] },
    saveLabel: msg('exportTitle'),
  });
  if (!target) return;
  if (isConfigFileName(path.posix.basename(target.path))) {
    void window.showWarningMessage(msg('exportRefuseConfig'));
    return;
  }
  try {
    await workspace.fs.writeFile(target, new TextEncoder().encode(json.endsWith('\n') ? json : json + '\n'));
  } catch (error) {
    void window.showErrorMessage(msg('exportFailed', errorText(error)));
    return;
  }
  const open = msg('open');
  const shown = target.scheme === 'file' ? target.fsPath : target.toString();
  if ((await window.showInformationMessage(msg('exportSaved', shown), open)) === open) await window.showTextDocument(target);
}

/** `nianbao.revealPosition` (from the code lens above a table): opens the document and selects the position. */
async function revealPosition(uri: unknown, line: unknown, character: unknown): Promise<void> {
  const target = uri instanceof Uri ? uri : typeof uri === 'string' ? Uri.parse(uri) : null;
  if (!target || typeof line !== 'number' || typeof character !== 'number') return;
  const position = new Position(Math.max(0, line), Math.max(0, character));
  const editor = await window.showTextDocument(target, { preview: false });
  editor.selection = new Selection(position, position);
  editor.revealRange(new Range(position, position), TextEditorRevealType.InCenterIfOutsideViewport);
}

// ---------------------------------------------------------------------------------------------------------------

export async function activate(context: ExtensionContext): Promise<void> {
  output = window.createOutputChannel('政府信息公开年报校验 (nianbao)', { log: true });
  const channel = output;
  const languageClient = createClient(context, channel);
  client = languageClient;
  const item = window.createStatusBarItem('nianbao.status', StatusBarAlignment.Right, 100);
  item.name = locale === 'en' ? 'nianbao report status' : '年报检查状态';
  item.command = PROBLEMS_COMMAND;
  statusItem = item;
  // 年报表格预览: renders in the client with the core (no server round trip), so it works even when checking is off
  const preview = new ReportPreview(locale, (name) => (locale === 'en' ? `Tables: ${name}` : `表格预览：${name}`));
  preview.updateContext(window.activeTextEditor);
  context.subscriptions.push(
    channel,
    item,
    languageClient.onNotification(statusNotification, (status) => {
      if (status.isReport) statuses.set(status.uri, status);
      else statuses.delete(status.uri);
      updateStatusItem();
    }),
    languageClient.onDidChangeState(() => {
      if (languageClient.state !== State.Running) statuses.clear();
      updateStatusItem();
    }),
    window.onDidChangeActiveTextEditor(() => updateStatusItem()),
    workspace.onDidCloseTextDocument((document) => {
      statuses.delete(protocolUri(document));
      updateStatusItem();
    }),
    commands.registerCommand('nianbao.showOutput', () => channel.show()),
    commands.registerCommand('nianbao.restartServer', () => restart()),
    commands.registerCommand('nianbao.setLanguage', () => setLanguage()),
    commands.registerCommand('nianbao.newReport', () => newReport()),
    commands.registerCommand('nianbao.recalculateTotals', () => recalculateTotals()),
    commands.registerCommand('nianbao.exportResults', () => exportResults()),
    commands.registerCommand('nianbao.convertTemplate', () => convertTemplate()),
    commands.registerCommand('nianbao.revealPosition', (uri: unknown, line: unknown, character: unknown) => revealPosition(uri, line, character)),
    preview,
    commands.registerCommand('nianbao.showPreview', (uri: unknown) => preview.show(uri)),
    window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, preview.serializer()),
    workspace.onDidChangeConfiguration((event: ConfigurationChangeEvent) => {
      if (!event.affectsConfiguration('nianbao.enable')) return;
      // A change for one folder only: restart so that every document is checked (or cleared) again.
      if (client && client.state !== State.Stopped && enabledAnywhere()) void restart();
      else void sync();
    }),
    workspace.onDidChangeWorkspaceFolders(() => void sync()),
  );
  if (!enabledAnywhere()) {
    output.info('nianbao.enable 为 false，未启动检查 (nianbao.enable is false; checking is off)');
    return;
  }
  await sync();
}

export async function deactivate(): Promise<void> {
  await queue;
  if (client && client.state !== State.Stopped) await client.stop();
  client = undefined;
  statuses.clear();
}
