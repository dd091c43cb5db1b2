/**
 * The VS Code client: starts the nianbao language server (dist/server.js, over IPC) and hands it the
 * report documents. Honours `nianbao.enable` (per resource): the server runs only while at least one
 * scope enables it, and diagnostics / code actions for resources where it is off are dropped.
 */
import * as path from 'node:path';
import {
  commands,
  languages,
  window,
  workspace,
  type ConfigurationChangeEvent,
  type ExtensionContext,
  type LogOutputChannel,
  type Uri,
} from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** Language ids handed to the server; the server itself decides whether a plaintext/markdown file is a report. */
export const LANGUAGES = ['nianbao', 'plaintext', 'markdown'] as const;
const SCHEMES = ['file', 'untitled'] as const;

let client: LanguageClient | undefined;
let output: LogOutputChannel | undefined;
/** Serialises start/stop/restart so that quick configuration changes cannot interleave. */
let queue: Promise<void> = Promise.resolve();

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
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language }))),
    outputChannel: channel,
    synchronize: { configurationSection: 'nianbao' },
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
    const message = error instanceof Error ? error.message : String(error);
    output?.error(`语言服务器操作失败 (language server operation failed): ${message}`);
  });
  return queue;
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

/** `nianbao.setLanguage`: switches the active plaintext / markdown document to the nianbao language. */
async function setLanguage(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showWarningMessage('没有打开的文件 (no active editor)');
    return;
  }
  const document = editor.document;
  if (document.languageId === 'nianbao') {
    void window.showInformationMessage('当前文件已是年报 (this file is already an annual report)');
    return;
  }
  if (document.languageId !== 'plaintext' && document.languageId !== 'markdown') {
    void window.showWarningMessage(
      `只能将纯文本或 Markdown 文件设为年报，当前语言为 ${document.languageId} ` +
        `(only plain text or Markdown files can be treated as a report; this one is ${document.languageId})`,
    );
    return;
  }
  await languages.setTextDocumentLanguage(document, 'nianbao');
}

export async function activate(context: ExtensionContext): Promise<void> {
  output = window.createOutputChannel('政府信息公开年报校验 (nianbao)', { log: true });
  client = createClient(context, output);
  const channel = output;
  context.subscriptions.push(
    channel,
    commands.registerCommand('nianbao.showOutput', () => channel.show()),
    commands.registerCommand('nianbao.restartServer', () => restart()),
    commands.registerCommand('nianbao.setLanguage', () => setLanguage()),
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
}
