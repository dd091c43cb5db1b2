/**
 * 年报表格预览 (nianbao.showPreview): a webview beside the draft that draws the report's tables as grids with the
 * failing relations marked (core/render-html.ts, the same renderer as the CLI's HTML page). It re-renders while
 * the draft is edited (throttled), follows the active editor when it shows a report, and a click on a cell or
 * a finding moves the editor to that line.
 *
 * Security: a strict Content-Security-Policy (no remote content, no resource roots), and one nonce'd script that
 * only posts the clicked line back. Every piece of document text is escaped by the renderer.
 */
import { randomBytes } from 'node:crypto';
import {
  commands,
  Position,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextDocument,
  type TextEditor,
  type WebviewPanel,
  type WebviewPanelSerializer,
} from 'vscode';
import { lint } from '../../server/src/core/lint';
import { parseReport } from '../../server/src/core/parser';
import { escapeHtml, renderReportHtml, REPORT_CSS } from '../../server/src/core/render-html';
import { CONFIG_FILE, mergeSettings, parseConfigFile, validateSettings, type PartialSettings } from '../../server/src/core/config';
import { shouldCheck } from '../../server/src/core/detect';
import type { LintSettings } from '../../server/src/core/rule';
import type { Locale } from '../../server/src/core/types';

export const PREVIEW_VIEW_TYPE = 'nianbao.preview';
/** Re-render at most this often while typing. */
export const PREVIEW_THROTTLE_MS = 300;
/** Context key for the editor title button: the active editor shows a report. */
export const PREVIEW_CONTEXT_KEY = 'nianbao.activeEditorIsReport';
const PREVIEW_LANGUAGES = new Set(['nianbao', 'plaintext', 'markdown']);

/** A message from the webview script. */
interface RevealMessage {
  type: 'reveal';
  line: number;
  character: number;
}

function isRevealMessage(m: unknown): m is RevealMessage {
  if (!m || typeof m !== 'object') return false;
  const o = m as Record<string, unknown>;
  return o.type === 'reveal' && typeof o.line === 'number' && Number.isInteger(o.line) && o.line >= 0 && typeof o.character === 'number' && Number.isInteger(o.character) && o.character >= 0;
}

function nonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** The click handler: posts the data-line (and data-ch) of the clicked element; keeps the document uri as state. */
function script(uri: string): string {
  return `(function () {
  const vscode = acquireVsCodeApi();
  vscode.setState({ uri: ${JSON.stringify(uri).replace(/</g, '\\u003c')} });
  document.addEventListener('click', function (event) {
    let el = event.target;
    while (el && el !== document.body) {
      if (el.dataset && el.dataset.line !== undefined) {
        const line = Number(el.dataset.line);
        const character = el.dataset.ch !== undefined ? Number(el.dataset.ch) : 0;
        if (Number.isInteger(line) && line >= 0) vscode.postMessage({ type: 'reveal', line: line, character: Number.isInteger(character) && character >= 0 ? character : 0 });
        return;
      }
      el = el.parentElement;
    }
  });
})();`;
}

/** The whole webview document: CSP meta, the renderer's CSS, the fragment, the nonce'd click script. */
export function previewHtml(body: string, cspSource: string, uri: string, locale: Locale): string {
  const n = nonce();
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${n}';">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<style>${REPORT_CSS}\nbody { padding: 0.4em 1em 2em; }\n</style></head>` +
    `<body data-uri="${escapeHtml(uri)}">${body}<script nonce="${n}">${script(uri)}</script></body></html>`
  );
}

export class ReportPreview implements Disposable {
  private panel: WebviewPanel | undefined;
  private document: TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRender = 0;
  /** What the panel shows now (body and document): an unchanged preview is not reloaded, so a click on it is never lost. */
  private shown: string | undefined;
  private contextValue: boolean | undefined;
  private contextTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: Disposable[] = [];
  /** the last editor column that showed the previewed document (for jumping back into it) */
  private editorColumn: ViewColumn | undefined;

  constructor(
    private readonly locale: Locale,
    private readonly titleFor: (name: string) => string,
  ) {
    this.subscriptions.push(
      workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.schedule();
        // a report pasted into an empty editor: show the title button (checked at most once a second)
        if (e.document === window.activeTextEditor?.document && !this.contextTimer) {
          this.contextTimer = setTimeout(() => {
            this.contextTimer = undefined;
            this.updateContext(window.activeTextEditor);
          }, 1000);
        }
      }),
      window.onDidChangeActiveTextEditor((editor) => {
        this.updateContext(editor);
        this.follow(editor);
      }),
      workspace.onDidOpenTextDocument((d) => {
        if (d === window.activeTextEditor?.document) this.updateContext(window.activeTextEditor);
      }),
      workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.document = undefined;
      }),
      workspace.onDidSaveTextDocument((d) => {
        if (this.panel && this.document && d.uri.path.endsWith('/' + CONFIG_FILE)) this.schedule();
      }),
    );
  }

  /** Sets the context key of the editor title button: the active plain text / Markdown editor shows a report. */
  updateContext(editor: TextEditor | undefined): void {
    const document = editor?.document;
    const isReport = !!document && PREVIEW_LANGUAGES.has(document.languageId) && shouldCheck(parseReport(document.getText()), document.languageId);
    if (isReport === this.contextValue) return;
    this.contextValue = isReport;
    void commands.executeCommand('setContext', PREVIEW_CONTEXT_KEY, isReport);
  }

  /** The command: preview the given document (editor/title button) or the active editor's. */
  async show(uri?: unknown): Promise<void> {
    let document: TextDocument | undefined;
    if (uri instanceof Uri) document = await workspace.openTextDocument(uri);
    else document = window.activeTextEditor?.document;
    if (!document) {
      if (!this.document) return;
      document = this.document;
    }
    const editor = window.visibleTextEditors.find((e) => e.document === document);
    if (editor?.viewColumn) this.editorColumn = editor.viewColumn;
    this.document = document;
    if (this.panel) this.panel.reveal(undefined, true);
    else this.attach(window.createWebviewPanel(PREVIEW_VIEW_TYPE, this.titleFor(this.name(document)), { viewColumn: ViewColumn.Beside, preserveFocus: true }, this.options()));
    this.render();
  }

  /** Restore a panel after a window reload. */
  serializer(): WebviewPanelSerializer<{ uri?: string }> {
    return {
      deserializeWebviewPanel: async (panel: WebviewPanel, state: { uri?: string } | undefined) => {
        panel.webview.options = this.options();
        if (this.panel) {
          panel.dispose();
          return;
        }
        this.attach(panel);
        if (state && typeof state.uri === 'string') {
          try {
            this.document = await workspace.openTextDocument(Uri.parse(state.uri));
          } catch {
            this.document = undefined;
          }
        }
        this.render();
      },
    };
  }

  private options(): { enableScripts: boolean; localResourceRoots: Uri[]; enableFindWidget: boolean } {
    return { enableScripts: true, localResourceRoots: [], enableFindWidget: true };
  }

  private attach(panel: WebviewPanel): void {
    this.panel = panel;
    this.shown = undefined;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
    });
    panel.webview.onDidReceiveMessage((m: unknown) => {
      if (isRevealMessage(m)) void this.reveal(m.line, m.character);
    });
  }

  /** Follow the active editor when it shows a report (other editors leave the preview as it is). */
  private follow(editor: TextEditor | undefined): void {
    if (!this.panel || !editor) return;
    if (editor.viewColumn) {
      if (editor.document === this.document) this.editorColumn = editor.viewColumn;
    }
    const document = editor.document;
    if (document === this.document || !PREVIEW_LANGUAGES.has(document.languageId)) return;
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return;
    // plain text and Markdown only when they look like a report
    if (!shouldCheck(parseReport(document.getText()), document.languageId)) return;
    this.document = document;
    if (editor.viewColumn) this.editorColumn = editor.viewColumn;
    this.render();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, PREVIEW_THROTTLE_MS - (Date.now() - this.lastRender));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, wait);
  }

  private name(document: TextDocument): string {
    const p = document.uri.path;
    return p.slice(p.lastIndexOf('/') + 1) || document.uri.toString();
  }

  private render(): void {
    const panel = this.panel;
    if (!panel) return;
    this.lastRender = Date.now();
    const document = this.document;
    if (!document || document.isClosed) {
      this.shown = undefined;
      panel.webview.html = previewHtml(`<p>${escapeHtml(this.locale === 'en' ? 'Open an annual report to see its tables.' : '请打开一份年报草稿以查看其表格。')}</p>`, panel.webview.cspSource, '', this.locale);
      return;
    }
    const name = this.name(document);
    panel.title = this.titleFor(name);
    void this.settingsFor(document).then((settings) => {
      if (this.panel !== panel || this.document !== document) return;
      let body: string;
      try {
        body = renderReportHtml(lint(document.getText(), settings), { fragment: true, locale: this.locale, lineLinks: true, fileName: name });
      } catch (error) {
        body = `<p>${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
      }
      const shown = `${document.uri.toString()}\n${body}`;
      if (shown === this.shown) return;
      this.shown = shown;
      panel.webview.html = previewHtml(body, panel.webview.cspSource, document.uri.toString(), this.locale);
    });
  }

  /** The editor's settings (nianbao.rules, bodyKind, reportYear) with the nearest .nianbao.json on top, like the server. */
  private async settingsFor(document: TextDocument): Promise<LintSettings> {
    const config = workspace.getConfiguration('nianbao', document.uri);
    const editor = validateSettings({ rules: config.get('rules', {}), bodyKind: config.get('bodyKind', 'auto'), reportYear: config.get('reportYear', 'auto') }).settings;
    let fromFile: PartialSettings = {};
    if (document.uri.scheme === 'file') {
      const root = workspace.getWorkspaceFolder(document.uri)?.uri.path;
      let dir = Uri.joinPath(document.uri, '..');
      for (let depth = 0; depth < 30; depth++) {
        try {
          const bytes = await workspace.fs.readFile(Uri.joinPath(dir, CONFIG_FILE));
          fromFile = parseConfigFile(new TextDecoder().decode(bytes)).settings;
          break;
        } catch {
          // not in this folder
        }
        if (dir.path === root || dir.path === '/' || /^\/[A-Za-z]:\/?$/.test(dir.path)) break;
        const parent = Uri.joinPath(dir, '..');
        if (parent.path === dir.path) break;
        dir = parent;
      }
    }
    return mergeSettings(editor, fromFile);
  }

  private async reveal(line: number, character: number): Promise<void> {
    const document = this.document;
    if (!document) return;
    const l = Math.min(line, document.lineCount - 1);
    const position = document.validatePosition(new Position(l, character));
    const editor = await window.showTextDocument(document, { viewColumn: this.editorColumn ?? ViewColumn.One, preserveFocus: false, preview: false });
    editor.selection = new Selection(position, position);
    editor.revealRange(new Range(position, position), TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.contextTimer) clearTimeout(this.contextTimer);
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
